#include "agreements.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "rules_impl.h"
#include "segmenter.h"

namespace lede {
namespace {

// How far, in bytes, a status word may stand from its trigger, and a name
// from the word it is the subject of: about a dozen words.
constexpr uint32_t kStatusReach = 90;
// After the trigger, past a relative clause: "The takeover deal between X
// and Y, which values Y at 14.7 billion euros, was signed late on Tuesday".
constexpr uint32_t kStatusAfterReach = 120;
constexpr uint32_t kSubjectReach = 90;

bool IsPartyType(std::string_view type) {
  return type == "ORG" || type == "GPE" || type == "NORP" || type == "PERSON";
}

// Whether `text` has a word in lower case ("Indian bottler").
bool HasLowerWord(std::string_view text) {
  for (size_t at = 0; at < text.size(); ++at) {
    if ((at == 0 || text[at - 1] == ' ') && std::islower(static_cast<unsigned char>(text[at]))) return true;
  }
  return false;
}

// A mention of an entity, for looking entities up by position. A
// nationality's span takes in the state body it names ("the Sudanese
// army"), which then stands for the nationality's entity.
struct Placed {
  Span span;
  size_t entity;
  bool body = false;
};

// Where a state body named by a nationality ends, if the text from `end`
// (the nationality's end) names one: " army", " defence ministry", "
// central bank"; else `end`. Its nationality is then a party ("the Sudanese
// army and the Rapid Support Forces agreed"), not an adjective
// ("Japanese music rights body JASRAC").
uint32_t BodyEnd(std::string_view text, uint32_t end) {
  const std::string_view after = text.substr(end, 40);
  if (!after.starts_with(' ')) return end;
  // At most one word before the head: "defence ministry", "armed forces".
  size_t at = 1;
  for (int words = 0; words < 2 && at < after.size(); ++words) {
    const size_t stop = std::min(after.find_first_of(" ,.;:'\n", at), after.size());
    const std::string_view word = after.substr(at, stop - at);
    for (std::string_view head : {"army", "military", "government", "navy", "forces", "ministry", "bank", "junta",
                                  "authorities", "regulator", "cabinet", "parliament"}) {
      if (word == head && (head != "bank" || words == 1)) return end + static_cast<uint32_t>(stop);
    }
    if (word.empty() || !std::islower(static_cast<unsigned char>(word[0]))) return end;
    at = stop + 1;
  }
  return end;
}

// A cue found by the agreements pack.
struct Cue {
  Span span;
  uint32_t sentence;
  const Rule* rule;
};

// What a trigger tells happened to its deal.
struct Told {
  const Cue* status = nullptr;  // the status word; null for a verb trigger's own status
  const Cue* clause = nullptr;  // the first status word after it, of a clause it is the subject of
  std::string_view name;        // the status; "" if none is told
};

class SentenceView {
 public:
  SentenceView(const Document& doc, std::vector<Placed> mentions) : doc_(doc), mentions_(std::move(mentions)) {}

  const Document& doc() const { return doc_; }
  std::string_view Text(uint32_t begin, uint32_t end) const {
    return begin < end ? std::string_view(doc_.text).substr(begin, end - begin) : std::string_view();
  }
  const Entity& EntityOf(const Placed& p) const { return doc_.entities[p.entity]; }

  // Whether a mention can name a party: not a medium reporting the deal,
  // and a nationality only as people ("Palestinians and Israelis agreed")
  // or a state body ("the Sudanese army").
  bool IsParty(const Placed& p) const {
    const Entity& e = EntityOf(p);
    if (!IsPartyType(e.type) || e.attributes.subtype == "media") return false;
    return e.type != "NORP" || p.body || Text(p.span.begin, p.span.end).ends_with('s');
  }

  // The mentions inside [begin, end) that `keep` keeps, in text order.
  template <typename Keep>
  std::vector<Placed> MentionsIn(uint32_t begin, uint32_t end, Keep keep) const {
    std::vector<Placed> out;
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), begin,
                               [](const Placed& p, uint32_t pos) { return p.span.begin < pos; });
    for (; it != mentions_.end() && it->span.end <= end; ++it) {
      if (keep(*it)) out.push_back(*it);
    }
    return out;
  }
  // The party mentions inside [begin, end), a place that only says where
  // the next party is from left out ("Singapore's Seatrium", "U.S.-based
  // Checkpoint"), and so is a parent that only says whose the next party is
  // ("PepsiCo's Indian bottler Varun Beverages").
  std::vector<Placed> PartiesIn(uint32_t begin, uint32_t end) const {
    std::vector<Placed> parties = MentionsIn(begin, end, [this](const Placed& p) { return IsParty(p); });
    for (size_t i = 0; i + 1 < parties.size();) {
      const std::string_view gap = Text(parties[i].span.end, parties[i + 1].span.begin);
      const bool whose = (gap.starts_with("'s ") || gap.starts_with("\xE2\x80\x99s ") || gap.starts_with("-based ")) &&
                         gap.size() <= 40 && gap.find(',') == std::string_view::npos;
      const bool place = EntityOf(parties[i]).type != "ORG" && EntityOf(parties[i]).type != "PERSON";
      const bool described = HasLowerWord(gap.substr(std::min(gap.find(' '), gap.size())));
      if (whose && (place || described)) {
        parties.erase(parties.begin() + static_cast<std::ptrdiff_t>(i));
      } else {
        ++i;
      }
    }
    return parties;
  }

 private:
  const Document& doc_;
  std::vector<Placed> mentions_;  // every entity mention, in text order
};

// Whether `gap` (the text between two names) only joins them: ",", "and",
// "&", "or", "as well as", then maybe "the" and, after a conjunction, up to
// three lower-case words that describe the next name ("and lithium
// producer SQM", "and its partner Nokia").
bool JoinsNames(std::string_view gap) {
  std::vector<std::string_view> words;
  for (size_t at = 0; at < gap.size();) {
    const size_t end = std::min(gap.find_first_of(" \n,", at), gap.size());
    if (end > at) words.push_back(gap.substr(at, end - at));
    at = end + 1;
  }
  size_t next = 0;
  if (!words.empty() && (words[0] == "and" || words[0] == "&" || words[0] == "or")) {
    next = 1;
  } else if (words.size() >= 3 && words[0] == "as" && words[1] == "well" && words[2] == "as") {
    next = 3;
  } else if (gap.find(',') == std::string_view::npos && !words.empty()) {
    return false;
  }
  if (next < words.size() && words[next] == "the") ++next;
  const size_t described = words.size() - next;
  if (described == 0) return true;
  // Lower-case words, or a place that says where the name is from ("and
  // Japan's Rapidus").
  auto describes = [](std::string_view w) {
    return std::islower(static_cast<unsigned char>(w[0])) || w.ends_with("'s") || w.ends_with("\xE2\x80\x99s");
  };
  return next > 0 && described <= 3 &&
         std::all_of(words.begin() + static_cast<std::ptrdiff_t>(next), words.end(), describes);
}

// Whether `gap`, after a name, is a possessive and a few lower-case words
// that name a body of its: "'s supervisory board last month ".
bool OwnsBody(std::string_view gap) {
  const size_t space = gap.find(' ');
  if (space == std::string_view::npos || space > 4 || gap.find(',') != std::string_view::npos) return false;
  size_t words = 0;
  for (size_t at = space + 1; at < gap.size();) {
    const size_t end = std::min(gap.find(' ', at), gap.size());
    if (end > at && (++words > 4 || !std::islower(static_cast<unsigned char>(gap[at])))) return false;
    at = end + 1;
  }
  return words > 0;
}

// Whether `gap` starts another clause: ", and the two companies renewed".
bool NewClause(std::string_view gap) {
  return gap.find(", and ") != std::string_view::npos || gap.find(';') != std::string_view::npos;
}

bool IsBlank(std::string_view gap) {
  return std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' ' || c == '\n' || c == '\t'; });
}

// Whether `gap` holds one of `words` as a whole word.
bool HasWord(std::string_view gap, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    for (size_t at = gap.find(word); at != std::string_view::npos; at = gap.find(word, at + 1)) {
      const bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(gap[at - 1]));
      const size_t end = at + word.size();
      const bool ends = end == gap.size() || !std::isalpha(static_cast<unsigned char>(gap[end]));
      if (starts && ends) return true;
    }
  }
  return false;
}

// The last word of `text`.
std::string_view LastWord(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  const size_t space = text.find_last_of(" \n");
  return space == std::string_view::npos ? text : text.substr(space + 1);
}

// Whether the word before `name` makes it the object of a preposition ("a
// deal with Nokia", "according to Reuters").
bool AfterPreposition(const SentenceView& view, const Placed& name) {
  uint32_t begin = name.span.begin;
  // "with Japan's JERA": the preposition stands before the place.
  for (const Placed& p : view.MentionsIn(begin > 40 ? begin - 40 : 0, begin, [](const Placed&) { return true; })) {
    const std::string_view gap = view.Text(p.span.end, begin);
    if (gap == "'s " || gap == "\xE2\x80\x99s ") begin = p.span.begin;
  }
  const std::string_view before = view.Text(begin > 14 ? begin - 14 : 0, begin);
  return HasWord(LastWord(before), {"with", "between", "of", "from", "to", "by", "for", "at", "in", "against",
                                    "than"}) ||
         HasWord(before, {"according to"});
}

// The names coordinated with the last one of `names` (in text order):
// "Huawei and Nokia", "Toyota, Honda and Nissan"; not "talks with Nokia,
// Huawei".
std::vector<Placed> CoordinatedEnd(const SentenceView& view, const std::vector<Placed>& names) {
  std::vector<Placed> group;
  if (names.empty()) return group;
  group.push_back(names.back());
  for (size_t i = names.size() - 1; i > 0; --i) {
    if (!JoinsNames(view.Text(names[i - 1].span.end, names[i].span.begin)) || AfterPreposition(view, names[i - 1])) break;
    group.insert(group.begin(), names[i - 1]);
  }
  return group;
}

// The names coordinated with the first one of `names`.
std::vector<Placed> CoordinatedStart(const SentenceView& view, const std::vector<Placed>& names) {
  std::vector<Placed> group;
  if (names.empty()) return group;
  group.push_back(names.front());
  for (size_t i = 1; i < names.size(); ++i) {
    if (!JoinsNames(view.Text(names[i - 1].span.end, names[i].span.begin))) break;
    group.push_back(names[i]);
  }
  return group;
}

// Whether `gap`, between a verb or a preposition and a name, only describes
// the name: a few words that are not prepositions ("acquire U.S.-based
// Checkpoint", "buy German chemicals maker Covestro", "supply rival BYD").
bool DescribesName(std::string_view gap) {
  size_t words = 0;
  for (size_t at = 0; at < gap.size();) {
    const size_t end = std::min(gap.find_first_of(" \n", at), gap.size());
    const std::string_view word = gap.substr(at, end - at);
    at = end + 1;
    if (word.empty()) continue;
    if (++words > 4 || word.find_first_of(",;:()") != std::string_view::npos ||
        HasWord(word, {"from", "with", "to", "by", "for", "in", "on", "at", "of", "and", "or", "than", "as"})) {
      return false;
    }
  }
  return true;
}

// Whether `gap` names a group by its members: "a group of eight
// international banks, including", "a consortium led by". The group is
// no entity; its named members are the parties.
bool NamesMembers(std::string_view gap) {
  for (std::string_view lead : {", including ", " including ", ", such as ", " such as ", ", particularly ", " led by "}) {
    if (gap.ends_with(lead)) {
      const std::string_view group = gap.substr(0, gap.size() - lead.size());
      return group.size() <= 60 && group.find_first_of(",;:()") == std::string_view::npos;
    }
  }
  return false;
}

// The names coordinated from the first one after `pos`, if it starts
// within `reach` bytes or only a description or a group stands between.
std::vector<Placed> NamesFrom(const SentenceView& view, uint32_t pos, uint32_t end, uint32_t reach) {
  std::vector<Placed> names = view.PartiesIn(pos, end);
  if (names.empty()) return {};
  const uint32_t first = names.front().span.begin;
  // Past a comma, only a group's members: "loans to meet targets, ruling
  // Radical Party Deputy Raul Baglini told" names no borrower.
  const std::string_view gap = view.Text(pos, first);
  const bool described = DescribesName(gap) || (first <= pos + reach && gap.find(',') == std::string_view::npos);
  if (!described && !NamesMembers(gap)) return {};
  return CoordinatedStart(view, names);
}

// The first names after `word` ("with", "between", "of"), where `word`
// starts within `reach` bytes of pos and the names within a few words of it
// ("with Finland's Nokia", "with German carmaker BMW"); the first use of
// the word that has names: "a deal to supply gas to China's Sinopec".
std::vector<Placed> NamesAfterWord(const SentenceView& view, uint32_t pos, uint32_t end, std::string_view word,
                                   uint32_t reach) {
  const std::string_view after = view.Text(pos, std::min(end, pos + reach));
  for (size_t i = after.find(word); i != std::string_view::npos; i = after.find(word, i + 1)) {
    const bool starts = i == 0 || after[i - 1] == ' ';
    const bool ends = i + word.size() < after.size() && after[i + word.size()] == ' ';
    if (!starts || !ends) continue;
    const uint32_t after_word = pos + static_cast<uint32_t>(i + word.size());
    std::vector<Placed> names = NamesFrom(view, after_word, end, 40);
    // Not past a word that leads elsewhere: "with Koç Holding to build a
    // plant in Turkey" has no recipient; "a group of banks led by MUFG" has.
    // Nor a name that only says what a thing is: "to sell its India
    // business to Reliance".
    if (names.empty()) continue;
    const std::string_view gap = view.Text(after_word, names.front().span.begin);
    if (!HasWord(gap, {"in", "at", "on", "to", "into", "near", "for"}) && !HasWord(LastWord(gap), {"its", "their"})) {
      return names;
    }
  }
  return {};
}

const Cue* NearestBefore(const std::vector<const Cue*>& cues, uint32_t pos, uint32_t reach) {
  const Cue* best = nullptr;
  for (const Cue* cue : cues) {
    if (cue->span.end <= pos && pos - cue->span.end <= reach) best = cue;
  }
  return best;
}

const Cue* NearestAfter(const std::vector<const Cue*>& cues, uint32_t pos, uint32_t reach) {
  for (const Cue* cue : cues) {
    if (cue->span.begin >= pos && cue->span.begin - pos <= reach) return cue;
  }
  return nullptr;
}

std::string_view ArgOf(const Rule& rule, std::string_view name) {
  for (const auto& [key, value] : rule.args) {
    if (key == name) return value;
  }
  return {};
}

class Finder {
 public:
  Finder(Document* doc, const std::vector<Cue>& cues, SentenceView view)
      : doc_(*doc), cues_(cues), view_(std::move(view)) {}

  void Run() {
    for (uint32_t s = 0; s < doc_.sentences.size(); ++s) Sentence(s);
    for (size_t i = 0; i < doc_.agreements.size(); ++i) doc_.agreements[i].id = "A" + std::to_string(i + 1);
  }

 private:
  std::vector<const Cue*> CuesOf(uint32_t sentence, std::string_view type) const {
    std::vector<const Cue*> out;
    for (const Cue& cue : cues_) {
      if (cue.sentence == sentence && cue.rule->info.type == type) out.push_back(&cue);
    }
    return out;
  }

  void Sentence(uint32_t s) {
    std::vector<const Cue*> triggers = CuesOf(s, kTriggerType);
    if (triggers.empty()) return;
    const std::vector<const Cue*> statuses = CuesOf(s, kStatusType);
    const std::vector<const Cue*> all = triggers;
    std::erase_if(triggers, [&](const Cue* t) { return PartOfAnother(*t, all, statuses); });
    // A status word serves the trigger after it, and those coordinated with
    // that one ("signed a supply agreement with Ford and a memorandum of
    // understanding with Koç") or listed after it ("signed 120 licensing
    // agreements, including a new deal with Honor"), not any other
    // ("signed 26 memorandums ... covering energy deals").
    const Cue* previous = nullptr;
    const Cue* previous_status = nullptr;
    for (size_t t = 0; t < triggers.size(); ++t) {
      const Cue* trigger = triggers[t];
      // A generic deal after another in the sentence refers back to it:
      // "the deal" is the same one again ("called off their joint venture
      // ... since the deal was announced"), unless something replaced it.
      const bool refers = trigger->rule->info.subtype == "other" && previous != nullptr;
      if (refers && LastWord(view_.Text(doc_.sentences[s].span.begin, trigger->span.begin)) == "the" &&
          !HasCue(kContinuesType, previous->span.end, trigger->span.begin)) {
        continue;
      }
      const Told told = StatusOf(*trigger, statuses, previous, previous_status);
      if (told.name.empty()) continue;  // a deal named, no event told
      // What follows the trigger, up to the next one, may refine its kind;
      // its parties are named before the next one if a comma parts them
      // ("with Chinese handset makers, including a new deal with Honor"),
      // not if it is coordinated ("signed supply and licensing deals with
      // Ford") or its purpose ("a letter of intent to merge with Lotoquik").
      const uint32_t next = t + 1 < triggers.size() ? triggers[t + 1]->span.begin : doc_.sentences[s].span.end;
      const bool apart = view_.Text(trigger->span.end, next).find(',') != std::string_view::npos;
      Agreement a = Make(s, *trigger, told, next, apart ? next : doc_.sentences[s].span.end);
      if (refers) Refer(doc_.agreements.back(), *previous, *trigger, told.status, &a);
      if (a.parties.empty() && Definite(*trigger)) Resume(s, *trigger, &a);
      previous = trigger;
      previous_status = told.status;
      doc_.agreements.push_back(std::move(a));
    }
  }

  // The status `trigger` tells: the nearest status word before it (not the
  // one of the `previous` trigger unless joined to it), else a verb
  // trigger's own, else the first after it; "" when none.
  Told StatusOf(const Cue& trigger, const std::vector<const Cue*>& statuses, const Cue* previous,
                const Cue* previous_status) const {
    Told told;
    told.status = NearestBefore(statuses, trigger.span.begin, kStatusReach);
    if (told.status != nullptr && told.status == previous_status &&
        !HasWord(view_.Text(previous->span.end, trigger.span.begin), {"and", "as well as", "including"})) {
      told.status = nullptr;
    }
    if (told.status != nullptr) told.name = told.status->rule->info.subtype;
    if (told.name.empty()) told.name = ArgOf(*trigger.rule, "status");
    if (told.name.empty()) {
      told.status = told.clause = NearestAfter(statuses, trigger.span.end, kStatusAfterReach);
      // Past a relative clause, the verb tells what happened to it: "The
      // memorandum that Petronas signed with JERA in 2021 expired".
      if (told.status != nullptr && HasWord(view_.Text(trigger.span.end, told.status->span.begin), {"that", "which"})) {
        const uint32_t limit = trigger.span.end + kStatusAfterReach;
        const uint32_t end = told.status->span.end;
        if (const Cue* later = NearestAfter(statuses, end, limit > end ? limit - end : 0)) told.status = later;
      }
      // Not past the start of another clause: "made fewer loans in March,
      // and several of them extended the deadline".
      if (told.status != nullptr && NewClause(view_.Text(trigger.span.end, told.status->span.begin))) {
        told.status = told.clause = nullptr;
      }
      if (told.status != nullptr) told.name = told.status->rule->info.subtype;
    }
    if (told.status == nullptr) return told;
    // An offer announced or launched is only proposed.
    if (!ArgOf(*trigger.rule, "offer").empty() && !ArgOf(*told.status->rule, "offer").empty()) {
      told.name = ArgOf(*told.status->rule, "offer");
    }
    // "denied that it had reached a deal": the denial is what is told.
    if (told.status->span.end <= trigger.span.begin) {
      const Cue* denial = NearestBefore(statuses, told.status->span.begin, 40);
      if (denial != nullptr && denial->rule->info.subtype == "denied") told.name = denial->rule->info.subtype;
    }
    return told;
  }

  // Whether trigger `t` is part of another one's deal: a generic "deal"
  // beside a specific trigger, with no status word, "and", "including" or
  // "replacing" between them ("its $44 billion deal to buy Twitter", but "a
  // deal with Nokia and a licensing agreement" are two); a stake right
  // after a verb that buys it ("agreed to buy a 10% stake").
  bool PartOfAnother(const Cue& t, const std::vector<const Cue*>& triggers, const std::vector<const Cue*>& statuses) const {
    return std::any_of(triggers.begin(), triggers.end(), [&](const Cue* u) {
      const uint32_t from = std::min(t.span.end, u->span.end);
      const uint32_t to = std::max(t.span.begin, u->span.begin);
      if (u == &t || to < from) return false;
      const std::string_view gap = view_.Text(from, to);
      if (t.rule->info.subtype == "investment" && !ArgOf(*u->rule, "status").empty()) {
        return u->span.end <= t.span.begin && gap.size() <= 16 && !HasWord(gap, {"and"});
      }
      if (t.rule->info.subtype != "other" || u->rule->info.subtype == "other") return false;
      return gap.size() < 40 && !HasWord(gap, {"and", "including"}) && !HasCue(kContinuesType, from, to) &&
             std::none_of(statuses.begin(), statuses.end(),
                          [&](const Cue* s) { return s->span.begin >= from && s->span.end <= to; });
    });
  }

  // Whether a cue of `type` lies inside [begin, end).
  bool HasCue(std::string_view type, uint32_t begin, uint32_t end) const {
    return std::any_of(cues_.begin(), cues_.end(), [&](const Cue& c) {
      return c.rule->info.type == type && c.span.begin >= begin && c.span.end <= end;
    });
  }

  // A generic deal after an earlier one in the sentence is of its kind
  // ("a patent licensing agreement that extends their existing deal"),
  // unless a clause of its own tells it (", and the two companies renewed
  // a service agreement"); "their" or "the two companies" are the earlier
  // one's parties.
  // Whether the trigger is named as one known already: "the deal", "the $26
  // billion takeover", "The contract, signed in 2021,".
  bool Definite(const Cue& trigger) const {
    const uint32_t begin = doc_.sentences[trigger.sentence].span.begin;
    const uint32_t from = trigger.span.begin > begin + 24 ? trigger.span.begin - 24 : begin;
    const std::string_view before = view_.Text(from, trigger.span.begin);
    const size_t lower = before.rfind("the "), upper = before.rfind("The ");
    const size_t the = lower == std::string_view::npos ? upper
                       : upper == std::string_view::npos ? lower
                                                          : std::max(lower, upper);
    return the != std::string_view::npos && (the == 0 || before[the - 1] == ' ') &&
           before.find(',', the) == std::string_view::npos;
  }

  // A deal named as known, without parties of its own, is the last one
  // told with parties in this sentence ("terminated its agreement to buy
  // Zoom ... sued to block the $26 billion takeover"), or in the two before
  // if it is of that kind ("The supply contract, signed in 2021, was worth
  // $400 million") or the sentence names the parties together ("The two
  // companies signed the agreement in 2022"). A generic deal elsewhere
  // ("the same contract concessions") is left alone.
  void Resume(uint32_t s, const Cue& trigger, Agreement* a) const {
    const uint32_t begin = doc_.sentences[s].span.begin;
    const bool together = HasWord(view_.Text(begin, trigger.span.begin),
                                  {"the two", "The two", "both", "Both", "the companies", "The companies", "their"});
    for (auto it = doc_.agreements.rbegin(); it != doc_.agreements.rend() && it->sentence + 2 >= s; ++it) {
      if (it->parties.empty()) continue;
      const bool same_kind = a->kind == it->kind && a->kind != "other";
      const bool compatible = a->kind == "other" || it->kind == "other" || a->kind == it->kind;
      if (!compatible || (it->sentence != s && !same_kind && !together)) return;
      if (a->kind == "other") a->kind = it->kind;
      a->parties = it->parties;
      a->roles = it->roles;
      return;
    }
  }

  void Refer(const Agreement& earlier, const Cue& previous, const Cue& trigger, const Cue* status, Agreement* a) const {
    if (a->kind == "other" && !NewClause(view_.Text(previous.span.end, trigger.span.begin))) a->kind = earlier.kind;
    const uint32_t from = status != nullptr ? std::min(status->span.begin, trigger.span.begin) : trigger.span.begin;
    const uint32_t begin = std::max(from > 24 ? from - 24 : 0, previous.span.end);
    const uint32_t end = status != nullptr ? std::max(status->span.begin, trigger.span.end) : trigger.span.end;
    if (HasWord(view_.Text(begin, end), {"their", "the two", "both"})) {
      a->parties = earlier.parties;
      a->roles = earlier.roles;
    }
  }

  // The agreement `trigger` tells. What follows it up to `next` may refine
  // its kind, and its parties are named before `bound`.
  Agreement Make(uint32_t s, const Cue& trigger, const Told& told, uint32_t next, uint32_t bound) {
    const Span sentence = doc_.sentences[s].span;
    const Cue* status = told.status;
    Agreement a;
    a.kind = Refined(trigger.rule->info.subtype, view_.Text(trigger.span.begin, std::min(next, trigger.span.end + 120)));
    a.status = told.name;
    a.trigger = trigger.span;
    a.sentence = s;
    // The verb the parties are subjects of: the status word before the
    // trigger, else the trigger itself ("agreed to buy").
    const uint32_t anchor =
        status != nullptr && status->span.end <= trigger.span.begin ? status->span.begin : trigger.span.begin;
    const uint32_t after = std::max(trigger.span.end, status != nullptr ? status->span.end : 0u);

    std::vector<Placed> subject = Subject(sentence.begin, anchor);
    // "The memorandum that Petronas signed with JERA": the clause's subject.
    if (subject.empty() && told.clause != nullptr) subject = Subject(trigger.span.end, told.clause->span.begin);
    std::vector<Placed> possessor = Possessor(sentence.begin, trigger.span.begin);
    // "The Treaty of Rome": a deal's name, not its parties.
    const bool named = std::isupper(static_cast<unsigned char>(doc_.text[trigger.span.begin])) &&
                       trigger.span.begin > sentence.begin;
    std::vector<Placed> object;
    if (!named) object = NamesAfterWord(view_, trigger.span.end, bound, "of", 12);
    if (a.kind == "acquisition") {
      for (std::string_view verb : {"buy", "acquire", "purchase"}) {
        if (object.empty()) object = NamesAfterWord(view_, trigger.span.end, bound, verb, 24);
      }
      if (object.empty()) object = NamesAfterWord(view_, trigger.span.end, bound, "for", 12);  // "a bid for Sabadell"
    }
    if (object.empty() && !ArgOf(*trigger.rule, "status").empty()) {
      object = NamesFrom(view_, trigger.span.end, bound, 2);  // "agreed to buy Twitter"
    }
    // "The deal was signed by Japan and Australia."
    if (subject.empty() && status != nullptr && status->span.begin >= trigger.span.end) {
      subject = NamesAfterWord(view_, status->span.end, sentence.end, "by", 30);
    }
    std::vector<Placed> between = NamesAfterWord(view_, trigger.span.end, bound, "between", 30);
    std::vector<Placed> with = NamesAfterWord(view_, trigger.span.end, bound, "with", 60);
    // "a loan from Barclays", "rejected a proposal from Qatar Holding to
    // raise its stake".
    std::vector<Placed> from = NamesAfterWord(view_, trigger.span.end, bound, "from", 40);
    if (status != nullptr && status->span.end <= trigger.span.begin) {
      if (with.empty()) with = NamesAfterWord(view_, status->span.end, bound, "with", 40);
      if (from.empty()) from = NamesAfterWord(view_, status->span.end, bound, "from", 40);
    }
    // Whoever blocks a deal is not a party to it.
    if (a.status == "blocked") subject.clear();
    if (subject.empty() && possessor.empty()) subject = Pronoun(s, sentence.begin, anchor);

    // "Manchester United terminated Ronaldo's contract": both.
    std::vector<Placed> first = subject;
    first.insert(first.end(), possessor.begin(), possessor.end());
    // "will invest $500 million in Joby Aviation".
    if (a.kind == "investment") {
      std::vector<Placed> in = NamesAfterWord(view_, trigger.span.end, bound, "in", 40);
      object.insert(object.end(), in.begin(), in.end());
    }
    // Whom goods, money or a business go to, or work is done for: "a deal
    // to supply LNG to China's Sinopec", "extended a $1 billion loan to Sri
    // Lanka", "a deal to sell its India business to Reliance", "a contract
    // to build two vessels for Petrobras".
    std::vector<Placed> recipient;
    // "a deal to sell", "agreed to sell" a business or a stake.
    const bool sale = (a.kind == "acquisition" || a.kind == "investment") &&
                      HasWord(view_.Text(trigger.span.begin, trigger.span.end + 8), {"sell"});
    if (a.kind == "supply" || a.kind == "distribution" || a.kind == "loan" || sale) {
      recipient = NamesAfterWord(view_, trigger.span.end, bound, "to", 100);
    } else if (a.kind == "contract") {
      recipient = NamesAfterWord(view_, trigger.span.end, bound, "for", 100);
    }
    // A loan extended to someone is granted, not prolonged.
    if (a.kind == "loan" && a.status == "extended" && !recipient.empty()) a.status = "reached";
    for (const auto* group : {&first, &between, &with, &from, &object, &recipient}) {
      for (const Placed& p : *group) AddParty(&a, doc_.entities[p.entity].id);
    }
    const bool has_roles = a.kind == "acquisition" || a.kind == "merger" || a.kind == "investment";
    if (has_roles) {
      // The seller is the subject of a sale, and the target of a business
      // sold; the buyer is whom it goes to. A stake sold is in its "in" names.
      const std::vector<Placed>& buyer = sale ? recipient : first;
      const std::vector<Placed>& target = sale && a.kind == "acquisition" ? first : !object.empty() ? object : with;
      const std::string buyer_role = a.kind == "investment" ? "investor" : "acquirer";
      if (!buyer.empty()) a.roles.emplace_back(buyer_role, doc_.entities[buyer.front().entity].id);
      if (!target.empty()) a.roles.emplace_back("target", doc_.entities[target.front().entity].id);
    }
    Attach(sentence, trigger, status, after, &a);
    return a;
  }

  // "an agreement to continue licensing technology to each other" is a
  // cross-licence: what follows a generic or licensing trigger can say so.
  static std::string Refined(const std::string& kind, std::string_view following) {
    // "a deal to supply LNG", "a $44 billion deal to buy Twitter", "an
    // agreement to collaborate"; "a contract with the Polish defence
    // ministry on Friday to supply 212 howitzers" is a supply deal.
    if (kind == "other" || kind == "contract") {
      const size_t to = following.find(" to ");
      const size_t reach = kind == "other" ? 24 : 64;
      const bool near = to != std::string_view::npos && to <= reach && following.substr(0, to).find(',') == std::string_view::npos;
      const std::string_view verb = near ? following.substr(to + 4) : std::string_view();
      for (auto [prefix, refined] :
           {std::pair{"supply", "supply"}, {"buy", "acquisition"}, {"acquire", "acquisition"}, {"sell", "acquisition"},
            {"invest", "investment"},
            {"merge", "merger"}, {"distribute", "distribution"}, {"collaborate", "partnership"},
            {"cooperate", "partnership"}, {"partner", "partnership"}, {"work together", "partnership"}}) {
        if (verb.starts_with(prefix) && (kind == "other" || std::string_view(refined) == "supply")) return refined;
      }
    }
    // "in talks to buy a 10% stake": a stake bought is an investment.
    if (kind == "acquisition" && following.substr(0, 48).find("stake") != std::string_view::npos) return "investment";
    const bool licensing = kind == "patent_license" || kind == "technology_license";
    if (!licensing && kind != "other") return kind;
    const bool licenses = following.find("licens") != std::string_view::npos ||
                          following.find("licenc") != std::string_view::npos;
    if (!licensing && !licenses) return kind;
    if (HasWord(following, {"each other", "one another", "each other's"})) return "cross_license";
    if (licensing) return kind;
    return following.find("patent") != std::string_view::npos ? "patent_license" : "technology_license";
  }

  void AddParty(Agreement* a, const std::string& id) {
    if (std::find(a->parties.begin(), a->parties.end(), id) == a->parties.end()) a->parties.push_back(id);
  }

  // The names coordinated nearest before `anchor`, within reach, unless a
  // clause ends between them (";"), or they are the object of a preposition
  // ("a deal with Nokia", "according to Reuters"), or a possessor ("X's
  // acquisition": found elsewhere) but for one whose board acts for it
  // ("Volkswagen's supervisory board last month rejected").
  std::vector<Placed> Subject(uint32_t begin, uint32_t anchor) const {
    const uint32_t from = anchor > begin + kSubjectReach ? anchor - kSubjectReach : begin;
    std::vector<Placed> names = view_.PartiesIn(from, anchor);
    while (!names.empty()) {
      const Placed& name = names.back();
      const std::string_view gap = view_.Text(name.span.end, anchor);
      const bool possessive = (gap.starts_with("'") || gap.starts_with("\xE2\x80\x99")) && !OwnsBody(gap);
      if (gap.find(';') == std::string_view::npos && !possessive && !AfterPreposition(view_, name)) break;
      names.pop_back();
    }
    std::vector<Placed> group = CoordinatedEnd(view_, names);
    // "A deal between Japan and Australia was signed": the names a
    // conjunction joins to the object of a preposition are objects too.
    const size_t rest = names.size() - group.size();
    const std::string_view join = rest > 0 ? view_.Text(names[rest - 1].span.end, group.front().span.begin) : "";
    if (rest > 0 && join.find(',') == std::string_view::npos && JoinsNames(join)) return {};
    return group;
  }

  // "JetBlue Airways' $3.8 billion takeover": the names right before the
  // trigger with a possessive and at most a few words between.
  std::vector<Placed> Possessor(uint32_t begin, uint32_t trigger) const {
    const uint32_t from = trigger > begin + 40 ? trigger - 40 : begin;
    std::vector<Placed> names = view_.PartiesIn(from, trigger);
    if (names.empty()) return {};
    const std::string_view gap = view_.Text(names.back().span.end, trigger);
    const bool possessive = gap.starts_with("'") || gap.starts_with("\xE2\x80\x99");
    if (!possessive || gap.find(',') != std::string_view::npos) return {};
    return CoordinatedEnd(view_, names);
  }

  // "It signed ...", "the company said it had agreed ...": the one
  // organization the nearest earlier sentence with any names.
  std::vector<Placed> Pronoun(uint32_t s, uint32_t begin, uint32_t anchor) const {
    if (!HasWord(view_.Text(begin, anchor), {"it", "It", "the company", "The company", "the firm", "The firm",
                                              "the group", "The group", "they", "They"})) {
      return {};
    }
    for (uint32_t prev = s; prev-- > 0 && prev + 3 >= s;) {
      const Span span = doc_.sentences[prev].span;
      std::vector<Placed> orgs = view_.MentionsIn(
          span.begin, span.end, [&](const Placed& p) { return view_.EntityOf(p).type == "ORG" && view_.IsParty(p); });
      if (orgs.empty()) continue;
      const bool one = std::all_of(orgs.begin(), orgs.end(), [&](const Placed& p) { return p.entity == orgs[0].entity; });
      if (!one) return {};
      return {orgs.front()};
    }
    return {};
  }

  // Date, duration, money, counts, hedges, negation and continuation.
  void Attach(Span sentence, const Cue& trigger, const Cue* status, uint32_t after, Agreement* a) const {
    const uint32_t event_begin = status != nullptr ? std::min(status->span.begin, trigger.span.begin) : trigger.span.begin;
    for (const Placed& p : view_.MentionsIn(sentence.begin, sentence.end, [](const Placed&) { return true; })) {
      const Entity& e = view_.EntityOf(p);
      const std::string_view gap_before = view_.Text(p.span.end, trigger.span.begin);
      if (e.type == "CARDINAL" && a->count.empty() && p.span.end <= trigger.span.begin && IsBlank(gap_before)) {
        a->count = e.attributes.value.text;
      } else if (e.type == "CARDINAL" && a->counterparty_count.empty() && p.span.begin >= trigger.span.end &&
                 p.span.begin - trigger.span.end <= 24 && HasWord(view_.Text(trigger.span.end, p.span.begin), {"with"})) {
        a->counterparty_count = e.attributes.value.text;
      } else if (e.type == "DATE" && e.attributes.timex_type == "DURATION" && a->duration.empty() &&
                 ((p.span.end <= trigger.span.begin && trigger.span.begin - p.span.end <= 2) ||
                  (p.span.begin >= after && p.span.begin - after <= 12 &&
                   HasWord(view_.Text(after, p.span.begin), {"for", "by"})))) {
        a->duration = e.attributes.value.text;
      } else if (e.type == "DATE" && e.attributes.timex_type == "DATE" && a->date.empty() &&
                 !HasWord(view_.Text(p.span.begin > 16 ? p.span.begin - 16 : 0, p.span.begin),
                          {"said", "says", "told", "announced", "until", "through"})) {
        a->date = e.id;
      } else if (e.type == "MONEY" && a->value.empty() &&
                 ((p.span.end <= trigger.span.begin && trigger.span.begin - p.span.end <= 12) ||
                  (p.span.begin >= trigger.span.end &&
                   HasWord(view_.Text(trigger.span.end, p.span.begin), {"worth", "valued", "for", "of", "at"})))) {
        a->value = e.id;
      }
    }
    for (const Cue& cue : cues_) {
      if (cue.span.begin < sentence.begin || cue.span.end > sentence.end) continue;
      const std::string& type = cue.rule->info.type;
      if (type == kHedgeType) a->hedged = true;
      if (type == kNegationType && cue.span.end <= trigger.span.begin && cue.span.begin + kStatusReach >= event_begin) {
        a->negated = true;
      }
      if (type == kContinuesType && cue.span.begin >= trigger.span.end && cue.span.begin - trigger.span.end <= 40) {
        a->continues = true;
      }
    }
    if (a->status == "denied") a->negated = true;
  }

  Document& doc_;
  const std::vector<Cue>& cues_;
  SentenceView view_;
};

}  // namespace

bool IsCueType(std::string_view type) {
  return type == kTriggerType || type == kStatusType || type == kHedgeType || type == kNegationType ||
         type == kContinuesType || type == kNotAgreementType;
}

void FindAgreements(const std::vector<NormalizedMention>& mentions, Document* doc) {
  std::vector<Cue> cues;
  for (const NormalizedMention& m : mentions) {
    if (IsCueType(m.rule->info.type)) cues.push_back(Cue{m.span, SentenceIndex(doc->sentences, m.span.begin), m.rule});
  }
  if (std::none_of(cues.begin(), cues.end(), [](const Cue& c) { return c.rule->info.type == kTriggerType; })) return;
  std::vector<Placed> placed;
  for (size_t e = 0; e < doc->entities.size(); ++e) {
    const bool nationality = doc->entities[e].type == "NORP";
    for (const Mention& m : doc->entities[e].mentions) {
      const uint32_t end = nationality ? BodyEnd(doc->text, m.span.end) : m.span.end;
      placed.push_back(Placed{Span{m.span.begin, end}, e, end != m.span.end});
    }
  }
  std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) { return a.span.begin < b.span.begin; });
  Finder(doc, cues, SentenceView(*doc, std::move(placed))).Run();
}

}  // namespace lede
