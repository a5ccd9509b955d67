#include "linker.h"

#include <algorithm>
#include <bitset>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "rules_impl.h"
#include "segmenter.h"

namespace lede {
namespace {

constexpr std::string_view kShortFormRule = "link.short_form";
constexpr std::string_view kAcronymRule = "link.acronym";

std::string LinkKey(const NormalizedMention& mention, std::string_view text) {
  const Attributes& a = mention.attributes;
  std::string key = mention.rule->info.type;
  key.push_back('\x1f');
  // A city carries its country's code: the name tells them apart.
  if (!a.code.empty()) return key.append("code:").append(a.code).append("\x1f").append(a.canonical);
  if (!a.canonical.empty()) return key.append("name:").append(a.canonical);
  if (!a.value.empty()) {
    key.append("value:");
    // A range, a per-share amount or percentage points is another thing
    // than its bottom value alone ("10-15%" and "10%").
    for (const std::string* part : {&a.value.text, &a.value_max.text, &a.mod, &a.freq, &a.currency, &a.unit, &a.subtype}) {
      key.append(*part).push_back('\x1f');
    }
    return key;
  }
  return key.append("text:").append(text);
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Whether a word of a person's name may stand for the person alone: two
// letters at least, a capital first, not an initial ("J.").
bool IsNameWord(std::string_view word) { return word.size() >= 2 && IsUpper(word[0]) && word.back() != '.'; }

// The acronym in "(FTC)" right after a mention ending at `end`, or "".
std::string_view AcronymAfter(std::string_view text, size_t end) {
  size_t pos = end;
  while (pos < text.size() && text[pos] == ' ') ++pos;
  if (pos >= text.size() || text[pos] != '(') return {};
  const size_t begin = ++pos;
  int capitals = 0;
  while (pos < text.size() && (IsUpper(text[pos]) || (text[pos] >= '0' && text[pos] <= '9') || text[pos] == '&')) {
    capitals += IsUpper(text[pos]) ? 1 : 0;
    ++pos;
  }
  if (pos >= text.size() || text[pos] != ')' || capitals < 2 || pos - begin > 10) return {};
  return text.substr(begin, pos - begin);
}

// The first letter of a name, "The" and "the" aside.
char Initial(std::string_view name) {
  for (std::string_view article : {"The ", "the "}) {
    if (name.starts_with(article)) name.remove_prefix(article.size());
  }
  return name.empty() ? '\0' : name[0];
}

// Short forms and the entity each names; kAmbiguous where several do.
class ShortForms {
 public:
  static constexpr size_t kAmbiguous = SIZE_MAX;

  void Add(std::string_view form, size_t entity) {
    auto [it, added] = entities_.emplace(std::string(form), entity);
    if (!added && it->second != entity) it->second = kAmbiguous;
    initials_.set(static_cast<unsigned char>(form[0]));
  }
  size_t Find(std::string_view form) const {
    auto it = entities_.find(std::string(form));
    return it == entities_.end() ? kAmbiguous : it->second;
  }
  bool Has(std::string_view form) const { return entities_.contains(std::string(form)); }
  bool empty() const { return entities_.empty(); }
  // The first bytes of the forms.
  const std::bitset<256>& initials() const { return initials_; }

 private:
  std::unordered_map<std::string, size_t> entities_;
  std::bitset<256> initials_;
};

// The head word of an institution's name, which "the" before it makes a
// name of its own: "the Commission" after "European Commission", "the Bank"
// after "Bank of England"; "" if the name has none. Where several have the
// head, "the Commission" is the one named last before it.
std::string_view HeadWord(std::string_view name) {
  static constexpr std::string_view kHeads[] = {
      "Agency",    "Assembly", "Authority", "Bank",   "Board",    "Bureau",   "Commission",
      "Committee", "Council",  "Court",     "Department", "Ministry", "Office", "Parliament",
      "Senate",    "Treasury"};
  const size_t space = name.find(' ');
  if (space == std::string_view::npos) return {};
  const std::string_view first = name.substr(0, space);
  const std::string_view last = name.substr(name.rfind(' ') + 1);
  for (std::string_view head : kHeads) {
    if (last == head || (first == head && name.substr(space).starts_with(" of "))) return head;
  }
  return {};
}

// Whether `word`, lower-cased, is a word of `text`: "National" is one in a
// text that says "national output", "Halvern" is not.
bool OccursInLowerCase(std::string_view text, std::string_view word) {
  std::string lower(word);
  lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
  for (size_t at = text.find(lower); at != std::string_view::npos; at = text.find(lower, at + 1)) {
    const size_t end = at + lower.size();
    const auto is_letter = [&](size_t i) { return std::isalpha(static_cast<unsigned char>(text[i])) != 0; };
    if ((at == 0 || !is_letter(at - 1)) && (end == text.size() || !is_letter(end))) return true;
  }
  return false;
}

// Whether a rule found an organization by its one word and a context
// ("shares of Verdana"), with nothing from a list.
bool IsGuessedCompany(const Entity& entity) {
  const Attributes& a = entity.attributes;
  return entity.type == "ORG" && a.canonical.find(' ') == std::string::npos && a.ticker.empty() && a.country.empty();
}

// The first word of a company's name, which news uses for the company
// alone after naming it ("Halvern" after "Halvern Therapeutics"): a word
// of three letters at least that the text never writes in lower case, so
// not "General" of "General Motors" in a text that says "general"; not
// the bank of "Bank of Nova Scotia"; "" otherwise.
std::string_view CompanyFirstWord(std::string_view text, const Entity& entity) {
  const std::string& name = entity.attributes.canonical;
  const size_t space = name.find(' ');
  if (entity.type != "ORG" || entity.attributes.subtype != "company" || space == std::string::npos) return {};
  const std::string_view first = std::string_view(name).substr(0, space);
  if (first.size() < 3 || !IsNameWord(first) || name.compare(space, 4, " of ") == 0 || OccursInLowerCase(text, first)) {
    return {};
  }
  return first;
}

// The short forms of doc's entities: each capitalized word of a person's
// name, a one-word name of a person itself where nothing else has it, an
// organization's one-word canonical name ("Apple" after "Apple
// Inc", which the lists leave to context as a common word), a company's
// first word, and the acronyms introduced after a name. Head words go to
// *heads.
using HeadWords = std::unordered_map<std::string_view, std::vector<size_t>>;
ShortForms FindShortForms(const Document& doc, HeadWords* heads) {
  ShortForms forms;
  std::vector<size_t> one_word_people, one_word_orgs;
  std::unordered_map<std::string_view, size_t> company_words;  // first word -> entity, or kAmbiguous
  for (size_t e = 0; e < doc.entities.size(); ++e) {
    const Entity& entity = doc.entities[e];
    if (entity.type == "PERSON") {
      std::string_view name = entity.attributes.canonical;
      if (name.find(' ') == std::string_view::npos) {
        one_word_people.push_back(e);
        continue;
      }
      while (!name.empty()) {
        const size_t space = name.find(' ');
        const std::string_view word = name.substr(0, space);
        name.remove_prefix(space == std::string_view::npos ? name.size() : space + 1);
        if (IsNameWord(word)) forms.Add(word, e);
      }
    } else if (entity.type == "ORG" || entity.type == "GPE" || entity.type == "LOC") {
      const std::string& canonical = entity.attributes.canonical;
      if (entity.type == "ORG" && canonical.size() >= 2 && canonical.find(' ') == std::string::npos) {
        one_word_orgs.push_back(e);
      }
      if (const std::string_view first = CompanyFirstWord(doc.text, entity); !first.empty()) {
        // Two companies of one first word ("Standard Oil", "Standard
        // Chartered"): neither is named by it.
        auto [it, added] = company_words.emplace(first, e);
        if (!added) it->second = ShortForms::kAmbiguous;
      }
      if (const std::string_view head = HeadWord(canonical); entity.type == "ORG" && !head.empty()) {
        (*heads)[head].push_back(e);
      }
      for (const Mention& mention : entity.mentions) {
        const std::string_view acronym = AcronymAfter(doc.text, mention.span.end);
        const char initial = acronym.empty() ? '\0' : acronym[0];
        if (initial != '\0' && (initial == Initial(doc.Text(mention.span)) || initial == Initial(entity.attributes.canonical))) {
          forms.Add(acronym, e);
        }
      }
    }
  }
  // A company a rule guessed from its word alone ("shares of Verdana") is
  // the one the text named in full before ("Verdana Pharmaceuticals");
  // named first, it is one of its own ("Texaco", then "Texaco Canada").
  // Entities are in the order of their first mentions here.
  for (size_t e : one_word_orgs) {
    const std::string& name = doc.entities[e].attributes.canonical;
    const auto company = company_words.find(name);
    if (IsGuessedCompany(doc.entities[e]) && company != company_words.end() && company->second < e) continue;
    forms.Add(name, e);
  }
  // A one-word name after a title ("Mr. Geiszler") names its later bare
  // mentions too, unless a longer name of the article has that word (then
  // "Sarney" is "Jose Sarney"'s, and a second claim would make it no one's)
  // or the article names something else so ("Bahrain" the country, which a
  // wrong "Emir Bahrain" would otherwise take from it).
  if (!one_word_people.empty()) {
    std::unordered_set<std::string_view> other_names;
    for (const Entity& entity : doc.entities) {
      if (entity.type == "PERSON") continue;
      for (const Mention& mention : entity.mentions) other_names.insert(doc.Text(mention.span));
    }
    for (size_t e : one_word_people) {
      const std::string& name = doc.entities[e].attributes.canonical;
      if (IsNameWord(name) && !forms.Has(name) && !other_names.contains(name)) forms.Add(name, e);
    }
  }
  // A company's first word names it where no other name has that word:
  // "Texaco" is Texaco, not Texaco Canada; "Taft" is Dudley Taft, not Taft
  // Broadcasting.
  for (const auto& [word, e] : company_words) {
    if (e != ShortForms::kAmbiguous && !forms.Has(word)) forms.Add(word, e);
  }
  return forms;
}

// Whether token i is a capitalized word, a part of a longer name.
bool IsCapitalizedWord(const Document& doc, size_t i) {
  if (i >= doc.tokens.size() || doc.tokens[i].kind != TokenKind::kWord) return false;
  return IsUpper(doc.text[doc.tokens[i].span.begin]);
}

// Of the entities with head word `head`, the one named last before `pos`.
size_t LastNamedBefore(const Document& doc, const HeadWords& heads, std::string_view head, uint32_t pos) {
  const auto it = heads.find(head);
  if (it == heads.end()) return ShortForms::kAmbiguous;
  size_t best = ShortForms::kAmbiguous;
  uint32_t best_at = 0;
  for (size_t e : it->second) {
    for (const Mention& m : doc.entities[e].mentions) {
      if (m.span.begin < pos && (best == ShortForms::kAmbiguous || m.span.begin >= best_at)) {
        best = e;
        best_at = m.span.begin;
      }
    }
  }
  return best;
}

// Whether the word before token i says a place follows ("in Ueda").
bool AfterPlacePreposition(const Document& doc, size_t i) {
  if (i == 0) return false;
  const std::string_view before = doc.Text(doc.tokens[i - 1].span);
  for (std::string_view word : {"in", "from", "to", "near", "at", "outside", "across", "of"}) {
    if (before == word) return true;
  }
  return false;
}

// "Mr Starmer" after "Keir Starmer" is that person, where no other person of
// the text has the word ("Mr Miliband" after Ed and David Miliband is left
// alone): the one-word person's mentions join the full name's entity. Only
// a surname: "President Ali" is not "Ali Akbar Hashemi Rafsanjani".
void MergeTitledSurnames(const ShortForms& forms, Document* doc) {
  for (size_t e = 0; e < doc->entities.size(); ++e) {
    Entity& entity = doc->entities[e];
    const std::string& name = entity.attributes.canonical;
    if (entity.type != "PERSON" || name.find(' ') != std::string::npos) continue;
    const size_t full = forms.Find(name);
    if (full == ShortForms::kAmbiguous || full == e || doc->entities[full].type != "PERSON") continue;
    const std::string& full_name = doc->entities[full].attributes.canonical;
    if (!full_name.ends_with(" " + name)) continue;
    std::vector<Mention>& into = doc->entities[full].mentions;
    into.insert(into.end(), entity.mentions.begin(), entity.mentions.end());
    entity.mentions.clear();
  }
}

// Adds a mention for each whole token that is a short form of one entity,
// outside every mention so far, and not next to another capitalized word
// ("Steven" in "Steven Spielberg" is not "Steven Geiszler"). A person's
// name also takes a one-word place of the same spelling where no
// preposition marks a place: one name, one sense in an article ("Ueda
// said" after "Kazuo Ueda"; the city in "in Ueda").
void AddShortFormMentions(Document* doc) {
  HeadWords heads;
  const ShortForms forms = FindShortForms(*doc, &heads);
  if (forms.empty() && heads.empty()) return;
  MergeTitledSurnames(forms, doc);
  struct Taken {
    Span span;
    size_t entity;
  };
  std::vector<Taken> taken;
  for (size_t e = 0; e < doc->entities.size(); ++e) {
    for (const Mention& mention : doc->entities[e].mentions) taken.push_back(Taken{mention.span, e});
  }
  std::sort(taken.begin(), taken.end(), [](const Taken& a, const Taken& b) { return a.span.begin < b.span.begin; });
  // The mention overlapping `span`, or null.
  auto taken_by = [&](Span span) -> const Taken* {
    auto it = std::upper_bound(taken.begin(), taken.end(), span.begin,
                               [](uint32_t pos, const Taken& t) { return pos < t.span.begin; });
    if (it != taken.end() && it->span.begin < span.end) return &*it;
    if (it != taken.begin() && std::prev(it)->span.end > span.begin) return &*std::prev(it);
    return nullptr;
  };
  // Most words begin with a letter no short form or head word begins with.
  std::bitset<256> initials = forms.initials();
  for (const auto& [head, entities] : heads) initials.set(static_cast<unsigned char>(head[0]));
  std::vector<Taken> reclaimed;  // a span, and the entity that took it over
  for (size_t i = 0; i < doc->tokens.size(); ++i) {
    const Token& token = doc->tokens[i];
    if (token.kind != TokenKind::kWord) continue;
    if (!initials.test(static_cast<unsigned char>(doc->text[token.span.begin]))) continue;
    const Taken* owner = taken_by(token.span);
    if (owner != nullptr && !(owner->span == token.span)) continue;
    size_t entity = forms.Find(doc->Text(token.span));
    // "the Commission", not "the Commission's President": the head alone.
    const bool head = entity == ShortForms::kAmbiguous && owner == nullptr && i > 0 &&
                      (doc->Text(doc->tokens[i - 1].span) == "the" || doc->Text(doc->tokens[i - 1].span) == "The") &&
                      !IsCapitalizedWord(*doc, i + 1);
    if (head) entity = LastNamedBefore(*doc, heads, doc->Text(token.span), token.span.begin);
    if (entity == ShortForms::kAmbiguous) continue;
    const bool person = doc->entities[entity].type == "PERSON";
    const std::string_view form = doc->Text(token.span);
    const std::string& canonical = doc->entities[entity].attributes.canonical;
    // Not "Siegler" of "Lear-Siegler", which is another name.
    const bool hyphenated = (token.span.begin > 0 && doc->text[token.span.begin - 1] == '-') ||
                            (token.span.end < doc->text.size() && doc->text[token.span.end] == '-');
    const bool company_word = !person && canonical.size() > form.size() && canonical.starts_with(form) &&
                              canonical[form.size()] == ' ';
    if (company_word && hyphenated) continue;
    if (owner != nullptr && owner->entity != entity) {
      // A place of a person's name, or a company a rule guessed from the
      // word alone ("shares of Verdana"), yields to the name the text gave.
      const Entity& other = doc->entities[owner->entity];
      if (person ? (other.type != "GPE" && other.type != "LOC") || AfterPlacePreposition(*doc, i)
                 : !(company_word && IsGuessedCompany(other))) {
        continue;
      }
    } else if (owner != nullptr) {
      continue;
    }
    if (!head && ((i > 0 && IsCapitalizedWord(*doc, i - 1)) || IsCapitalizedWord(*doc, i + 1))) {
      // A person's name part or a company's name beside another capitalized
      // word is part of some other name; an acronym stands alone anyway.
      if (person || canonical == form || company_word) continue;
    }
    if (owner != nullptr) reclaimed.push_back(Taken{token.span, entity});
    const bool short_form = person || head || company_word || canonical == form;
    doc->entities[entity].mentions.push_back(Mention{token.span, SentenceIndex(doc->sentences, token.span.begin),
                                                     std::string(short_form ? kShortFormRule : kAcronymRule)});
  }
  // Most texts reclaim nothing: every mention of every entity need not be
  // looked at. Entities a merge or a reclaim emptied go.
  for (size_t e = 0; !reclaimed.empty() && e < doc->entities.size(); ++e) {
    std::erase_if(doc->entities[e].mentions, [&](const Mention& m) {
      return std::any_of(reclaimed.begin(), reclaimed.end(),
                         [&](const Taken& r) { return r.span == m.span && r.entity != e; });
    });
  }
  std::erase_if(doc->entities, [](const Entity& e) { return e.mentions.empty(); });
}

}  // namespace

void LinkMentions(const std::vector<NormalizedMention>& mentions, Document* doc) {
  std::unordered_map<std::string, size_t> entity_of_key;
  for (const NormalizedMention& mention : mentions) {
    if (mention.rule->cue()) continue;
    std::string_view text = doc->Text(mention.span);
    auto [it, added] = entity_of_key.emplace(LinkKey(mention, text), doc->entities.size());
    if (added) {
      Entity entity;
      entity.type = mention.rule->info.type;
      entity.attributes = mention.attributes;
      if (entity.attributes.canonical.empty() && entity.attributes.value.empty()) {
        entity.attributes.canonical = std::string(text);
      }
      doc->entities.push_back(std::move(entity));
    }
    doc->entities[it->second].mentions.push_back(
        Mention{mention.span, SentenceIndex(doc->sentences, mention.span.begin), mention.rule->info.id});
  }
  AddShortFormMentions(doc);
  for (Entity& entity : doc->entities) {
    std::sort(entity.mentions.begin(), entity.mentions.end(),
              [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  }
  auto by_first_mention = [](const Entity& a, const Entity& b) {
    return a.mentions.front().span.begin < b.mentions.front().span.begin;
  };
  // Entities are made in text order, so they mostly are in order already;
  // a merge sort would still move every one (1% of the run's instructions).
  if (!std::is_sorted(doc->entities.begin(), doc->entities.end(), by_first_mention)) {
    std::stable_sort(doc->entities.begin(), doc->entities.end(), by_first_mention);
  }
  for (size_t e = 0; e < doc->entities.size(); ++e) doc->entities[e].id = "E" + std::to_string(e + 1);
}

}  // namespace lede
