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

// A mention of an entity, for looking entities up by position.
struct Placed {
  Span span;
  size_t entity;
};

// A cue found by the agreements pack.
struct Cue {
  Span span;
  uint32_t sentence;
  const Rule* rule;
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
  // and a nationality only as people ("Palestinians and Israelis agreed"),
  // not as an adjective ("Japanese music rights body JASRAC").
  bool IsParty(const Placed& p) const {
    const Entity& e = EntityOf(p);
    if (!IsPartyType(e.type) || e.attributes.subtype == "media") return false;
    return e.type != "NORP" || Text(p.span.begin, p.span.end).ends_with('s');
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
  // Checkpoint").
  std::vector<Placed> PartiesIn(uint32_t begin, uint32_t end) const {
    std::vector<Placed> parties = MentionsIn(begin, end, [this](const Placed& p) { return IsParty(p); });
    for (size_t i = 0; i + 1 < parties.size();) {
      const std::string_view gap = Text(parties[i].span.end, parties[i + 1].span.begin);
      const bool whose = (gap.starts_with("'s ") || gap.starts_with("\xE2\x80\x99s ") || gap.starts_with("-based ")) &&
                         gap.size() <= 40 && gap.find(',') == std::string_view::npos;
      if (whose && EntityOf(parties[i]).type != "ORG" && EntityOf(parties[i]).type != "PERSON") {
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
  const uint32_t begin = name.span.begin;
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

// The names coordinated from the first one after `pos`, if it starts
// within `reach` bytes or only a description stands between.
std::vector<Placed> NamesFrom(const SentenceView& view, uint32_t pos, uint32_t end, uint32_t reach) {
  std::vector<Placed> names = view.PartiesIn(pos, end);
  if (names.empty()) return {};
  const uint32_t first = names.front().span.begin;
  if (first > pos + reach && !DescribesName(view.Text(pos, first))) return {};
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
    if (!names.empty() &&
        !HasWord(view.Text(after_word, names.front().span.begin), {"in", "at", "on", "to", "into", "near", "for"})) {
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
    // A generic "deal" beside a specific trigger, with no status word or
    // "and" between them, is the same deal: "its $44 billion deal to buy
    // Twitter" (but "a deal with Nokia and a licensing agreement" are two).
    std::erase_if(triggers, [&](const Cue* t) {
      if (t->rule->info.subtype != "other") return false;
      return std::any_of(triggers.begin(), triggers.end(), [&](const Cue* u) {
        if (u->rule->info.subtype == "other") return false;
        const uint32_t from = std::min(t->span.end, u->span.end);
        const uint32_t to = std::max(t->span.begin, u->span.begin);
        return to - from < 40 && !HasWord(view_.Text(from, to), {"and"}) &&
               std::none_of(statuses.begin(), statuses.end(),
                            [&](const Cue* s) { return s->span.begin >= from && s->span.end <= to; });
      });
    });
    // A status word serves the trigger after it, and those coordinated with
    // that one ("signed a supply agreement with Ford and a memorandum of
    // understanding with Koç"), not any other ("signed 26 memorandums ...
    // covering energy deals").
    const Cue* previous = nullptr;
    const Cue* previous_status = nullptr;
    for (size_t t = 0; t < triggers.size(); ++t) {
      const Cue* trigger = triggers[t];
      const Cue* status = NearestBefore(statuses, trigger->span.begin, kStatusReach);
      if (status != nullptr && status == previous_status &&
          !HasWord(view_.Text(previous->span.end, trigger->span.begin), {"and", "as well as"})) {
        status = nullptr;
      }
      std::string_view status_name = status != nullptr ? std::string_view(status->rule->info.subtype) : "";
      if (status_name.empty()) status_name = ArgOf(*trigger->rule, "status");
      if (status_name.empty()) {
        status = NearestAfter(statuses, trigger->span.end, kStatusAfterReach);
        if (status != nullptr) status_name = status->rule->info.subtype;
      }
      if (status_name.empty()) continue;  // a deal named, no event told
      previous = trigger;
      previous_status = status;
      // What follows the trigger, up to the next one, may refine its kind.
      const uint32_t next = t + 1 < triggers.size() ? triggers[t + 1]->span.begin : doc_.sentences[s].span.end;
      doc_.agreements.push_back(Make(s, *trigger, status, std::string(status_name), next));
    }
  }

  Agreement Make(uint32_t s, const Cue& trigger, const Cue* status, std::string status_name, uint32_t next) {
    const Span sentence = doc_.sentences[s].span;
    Agreement a;
    a.kind = Refined(trigger.rule->info.subtype, view_.Text(trigger.span.begin, std::min(next, trigger.span.end + 120)));
    a.status = std::move(status_name);
    a.trigger = trigger.span;
    a.sentence = s;
    // The verb the parties are subjects of: the status word before the
    // trigger, else the trigger itself ("agreed to buy").
    const uint32_t anchor =
        status != nullptr && status->span.end <= trigger.span.begin ? status->span.begin : trigger.span.begin;
    const uint32_t after = std::max(trigger.span.end, status != nullptr ? status->span.end : 0u);

    std::vector<Placed> subject = Subject(sentence.begin, anchor);
    std::vector<Placed> possessor = Possessor(sentence.begin, trigger.span.begin);
    std::vector<Placed> object = NamesAfterWord(view_, trigger.span.end, sentence.end, "of", 12);
    for (std::string_view verb : {"buy", "acquire", "purchase"}) {
      if (object.empty() && (a.kind == "acquisition")) object = NamesAfterWord(view_, trigger.span.end, sentence.end, verb, 24);
    }
    if (object.empty() && !ArgOf(*trigger.rule, "status").empty()) {
      object = NamesFrom(view_, trigger.span.end, sentence.end, 2);  // "agreed to buy Twitter"
    }
    // "The deal was signed by Japan and Australia."
    if (subject.empty() && status != nullptr && status->span.begin >= trigger.span.end) {
      subject = NamesAfterWord(view_, status->span.end, sentence.end, "by", 30);
    }
    std::vector<Placed> between = NamesAfterWord(view_, trigger.span.end, sentence.end, "between", 30);
    std::vector<Placed> with = NamesAfterWord(view_, trigger.span.end, sentence.end, "with", 60);
    if (with.empty() && status != nullptr && status->span.end <= trigger.span.begin) {
      with = NamesAfterWord(view_, status->span.end, sentence.end, "with", 40);
    }
    // Whoever blocks a deal is not a party to it.
    if (a.status == "blocked") subject.clear();
    if (subject.empty() && possessor.empty()) subject = Pronoun(s, sentence.begin, anchor);

    // "Manchester United terminated Ronaldo's contract": both.
    std::vector<Placed> first = subject;
    first.insert(first.end(), possessor.begin(), possessor.end());
    // "a loan from Barclays", "will invest $500 million in Joby Aviation".
    std::vector<Placed> from = NamesAfterWord(view_, trigger.span.end, sentence.end, "from", 40);
    if (a.kind == "investment") {
      std::vector<Placed> in = NamesAfterWord(view_, trigger.span.end, sentence.end, "in", 40);
      object.insert(object.end(), in.begin(), in.end());
    }
    // Whom goods go to, or work is done for: "a deal to supply LNG to
    // China's Sinopec", "a contract to build two vessels for Petrobras".
    std::vector<Placed> recipient;
    if (a.kind == "supply" || a.kind == "distribution") {
      recipient = NamesAfterWord(view_, trigger.span.end, sentence.end, "to", 100);
    } else if (a.kind == "contract") {
      recipient = NamesAfterWord(view_, trigger.span.end, sentence.end, "for", 100);
    }
    for (const auto* group : {&first, &between, &with, &from, &object, &recipient}) {
      for (const Placed& p : *group) AddParty(&a, doc_.entities[p.entity].id);
    }
    const bool has_roles = a.kind == "acquisition" || a.kind == "merger" || a.kind == "investment";
    if (has_roles) {
      const std::string buyer_role = a.kind == "investment" ? "investor" : "acquirer";
      if (!first.empty()) a.roles.emplace_back(buyer_role, doc_.entities[first.front().entity].id);
      const std::vector<Placed>& target = !object.empty() ? object : with;
      if (!target.empty()) a.roles.emplace_back("target", doc_.entities[target.front().entity].id);
    }
    Attach(sentence, trigger, status, after, &a);
    return a;
  }

  // "an agreement to continue licensing technology to each other" is a
  // cross-licence: what follows a generic or licensing trigger can say so.
  static std::string Refined(const std::string& kind, std::string_view following) {
    // "a deal to supply LNG", "a $44 billion deal to buy Twitter", "an
    // agreement to collaborate".
    if (kind == "other") {
      const size_t to = following.find(" to ");
      const std::string_view verb = to == std::string_view::npos || to > 24 ? std::string_view() : following.substr(to + 4);
      for (auto [prefix, refined] :
           {std::pair{"supply", "supply"}, {"buy", "acquisition"}, {"acquire", "acquisition"}, {"invest", "investment"},
            {"merge", "merger"}, {"distribute", "distribution"}, {"collaborate", "partnership"},
            {"cooperate", "partnership"}, {"partner", "partnership"}, {"work together", "partnership"}}) {
        if (verb.starts_with(prefix)) return refined;
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
  // acquisition": found elsewhere).
  std::vector<Placed> Subject(uint32_t begin, uint32_t anchor) const {
    const uint32_t from = anchor > begin + kSubjectReach ? anchor - kSubjectReach : begin;
    std::vector<Placed> names = view_.PartiesIn(from, anchor);
    while (!names.empty()) {
      const Placed& name = names.back();
      const std::string_view gap = view_.Text(name.span.end, anchor);
      const bool possessive = gap.starts_with("'") || gap.starts_with("\xE2\x80\x99");
      if (gap.find(';') == std::string_view::npos && !possessive && !AfterPreposition(view_, name)) break;
      names.pop_back();
    }
    return CoordinatedEnd(view_, names);
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
    for (const Mention& m : doc->entities[e].mentions) placed.push_back(Placed{m.span, e});
  }
  std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) { return a.span.begin < b.span.begin; });
  Finder(doc, cues, SentenceView(*doc, std::move(placed))).Run();
}

}  // namespace lede
