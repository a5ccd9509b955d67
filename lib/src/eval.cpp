#include "lede/eval.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>

#include "json.h"
#include "lede/extractor.h"
#include "offsets.h"
#include "rules_impl.h"

namespace lede {
namespace {

struct Item {
  std::string type;
  uint64_t start = 0;
  uint64_t end = 0;
  std::string text;
  std::string value;     // "" when none
  std::string currency;  // predicted money only
  std::string name;      // predicted names: the code, else the canonical name
  std::string subtype;   // predicted only
};

double Ratio(size_t a, size_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b); }
double F1(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

bool ParseNumber(std::string_view s, double* out) {
  if (s.ends_with("%")) s.remove_suffix(1);
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

bool SameNumber(std::string_view a, std::string_view b) {
  double x, y;
  return ParseNumber(a, &x) && ParseNumber(b, &y) && std::fabs(x - y) <= 1e-9 * std::max(1.0, std::fabs(x));
}

// TIMEX3 values some corpora write loosely, in the form lede writes: week
// numbers with two digits ("2000-W7" -> "2000-W07"), whole hours with
// minutes ("T17" -> "T17:00"), and no unknown parts after a known year
// ("1989-XX-XX" -> "1989": the same year, however finely unspecified).
std::string CanonicalTimex(std::string_view value) {
  std::string out(value);
  while (out.size() > 4 && out.ends_with("-XX")) out.resize(out.size() - 3);
  if (size_t w = out.find("-W"); w != std::string::npos && w + 3 <= out.size() && std::isdigit(static_cast<unsigned char>(out[w + 2])) &&
                                    (w + 3 == out.size() || !std::isdigit(static_cast<unsigned char>(out[w + 3])))) {
    out.insert(w + 2, "0");
  }
  if (size_t t = out.find('T'); t != std::string::npos && t + 3 == out.size() && std::isdigit(static_cast<unsigned char>(out[t + 1])) &&
                                   std::isdigit(static_cast<unsigned char>(out[t + 2]))) {
    out += ":00";
  }
  return out;
}

// Currency names as corpora write them ("Dollar", "Netherlands guilder",
// "AUD") -> ISO 4217, through the lookup tables of lede's money rules.
class CurrencyCodes {
 public:
  explicit CurrencyCodes(const RuleSet& rules) {
    for (const Rule& rule : rules.impl().rules) {
      if (rule.table != nullptr && !rule.info.gazetteer && rule.table->Column("code") >= 0) {
        tables_.push_back(rule.table);
      }
    }
  }
  // The code `name` stands for, or `name` itself.
  std::string_view Code(std::string_view name) const {
    for (const GazetteerTable* table : tables_) {
      if (const int row = table->FindNameOrForm(name); row >= 0) {
        return table->Cell(static_cast<size_t>(row), table->Column("code"));
      }
    }
    return name;
  }

 private:
  std::vector<const GazetteerTable*> tables_;
};

// Lower case, without a leading "the": how names are compared.
std::string NameKey(std::string_view name) {
  std::string key;
  for (char c : name) key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (key.starts_with("the ")) key.erase(0, 4);
  return key;
}

bool IsMinorUnit(std::string_view unit) {
  const std::string key = NameKey(unit);
  return key == "cent" || key == "cents" || key == "pence" || key == "penny" || key == "pennies";
}

// Gold values are TIMEX3 strings, plain numbers ("192", "100%"), money as
// "<currency> <amount>" (the amount compared as a number, the currency by
// its ISO code), the code or canonical name of a place, organization or
// person, or several alternatives joined by '|'.
bool SameValue(std::string_view gold, const Item& predicted, const CurrencyCodes& currencies) {
  if (predicted.value.empty() && !predicted.name.empty()) return NameKey(gold) == NameKey(predicted.name);
  while (!gold.empty()) {
    size_t bar = gold.find('|');
    std::string_view one = gold.substr(0, bar);
    gold.remove_prefix(bar == std::string_view::npos ? gold.size() : bar + 1);
    if (one == predicted.value || CanonicalTimex(one) == predicted.value || SameNumber(one, predicted.value)) {
      return true;
    }
    const size_t space = one.rfind(' ');
    if (space != std::string_view::npos && !predicted.currency.empty() &&
        currencies.Code(one.substr(0, space)) == predicted.currency && SameNumber(one.substr(space + 1), predicted.value)) {
      return true;
    }
    // Places from the end as "end-1" (the second from the end) and "end+0"
    // (the last): lede writes the place, 2 and 1, with subtype from_end.
    int from_end = 0;
    if (predicted.subtype == "from_end" && one.starts_with("end") && one.size() > 3 &&
        std::from_chars(one.data() + 3 + (one[3] == '+'), one.data() + one.size(), from_end).ec == std::errc() &&
        SameNumber(std::to_string(1 - from_end), predicted.value)) {
      return true;
    }
    // Amounts in cents and pence ("Cent 50"): lede writes them in dollars
    // and pounds (0.5).
    double minor = 0, major = 0;
    if (space != std::string_view::npos && IsMinorUnit(one.substr(0, space)) &&
        ParseNumber(one.substr(space + 1), &minor) && ParseNumber(predicted.value, &major) &&
        std::fabs(minor / 100 - major) <= 1e-9 * std::max(1.0, std::fabs(major))) {
      return true;
    }
  }
  return false;
}

std::string TypeOf(std::string_view type, const EvalOptions& options) {
  for (const auto& [from, to] : options.type_map) {
    if (from == type) return to;
  }
  return std::string(type);
}

struct GoldAgreement {
  std::string kind;
  std::string status;
  std::vector<std::string> parties;  // names as written
};

struct GoldDoc {
  RawDocument raw;
  std::string source;
  std::vector<Item> entities;
  bool has_agreements = false;
  std::vector<GoldAgreement> agreements;
};

Status ParseGoldAgreements(simdjson::ondemand::array agreements, GoldDoc* doc) {
  doc->has_agreements = true;
  for (auto element : agreements) {
    simdjson::ondemand::object object;
    GoldAgreement a;
    std::string_view kind, status;
    simdjson::ondemand::array parties;
    if (element.get_object().get(object) || object["kind"].get_string().get(kind) ||
        object["status"].get_string().get(status) || object["parties"].get_array().get(parties)) {
      return Status::InvalidArgument("an agreement lacks kind, status or parties");
    }
    a.kind.assign(kind);
    a.status.assign(status);
    for (auto party : parties) {
      std::string_view name;
      if (party.get_string().get(name)) return Status::InvalidArgument("a party is not a string");
      a.parties.emplace_back(name);
    }
    doc->agreements.push_back(std::move(a));
  }
  return Status::OK();
}

Status ParseGold(simdjson::ondemand::document& json, const EvalOptions& options, GoldDoc* doc) {
  std::string_view s;
  if (json["id"].get_string().get(s)) return Status::InvalidArgument("no string field 'id'");
  doc->raw.id.assign(s);
  if (json["text"].get_string().get(s)) return Status::InvalidArgument("no string field 'text'");
  doc->raw.bytes.assign(s);
  if (!json["dct"].get_string().get(s)) doc->raw.dct.assign(s);
  if (!json["source"].get_string().get(s)) doc->source.assign(s);
  simdjson::ondemand::array agreements;
  if (!json["agreements"].get_array().get(agreements)) {
    Status status = ParseGoldAgreements(agreements, doc);
    if (!status.ok()) return status;
  }
  simdjson::ondemand::array entities;
  if (json["entities"].get_array().get(entities)) {
    if (doc->has_agreements) return Status::OK();
    return Status::InvalidArgument("no array field 'entities' or 'agreements'");
  }
  for (auto element : entities) {
    simdjson::ondemand::object entity;
    if (element.get_object().get(entity)) return Status::InvalidArgument("an entity is not an object");
    Item item;
    std::string_view type, text;
    if (entity["start"].get_uint64().get(item.start) || entity["end"].get_uint64().get(item.end) ||
        entity["type"].get_string().get(type) || entity["text"].get_string().get(text)) {
      return Status::InvalidArgument("an entity lacks start, end, type or text");
    }
    std::string_view value;
    if (!entity["value"].get_string().get(value)) item.value.assign(value);
    item.type = TypeOf(type, options);
    item.text.assign(text);
    if (!item.type.empty()) doc->entities.push_back(std::move(item));
  }
  return Status::OK();
}

std::vector<Item> Predicted(const Document& doc) {
  std::vector<Item> items;
  OffsetMap offsets(doc.text, OffsetUnit::kCodePoints);
  for (const Entity& entity : doc.entities) {
    for (const Mention& mention : entity.mentions) {
      const Attributes& a = entity.attributes;
      items.push_back(Item{entity.type, offsets.Convert(mention.span.begin), offsets.Convert(mention.span.end),
                           std::string(doc.Text(mention.span)), a.value.text, a.currency,
                           a.code.empty() ? a.canonical : a.code, a.subtype});
    }
  }
  return items;
}

std::string Describe(const Item& item) {
  return fmt::format("{} [{},{}) '{}'", item.type, item.start, item.end, item.text);
}

// One line of EvalReport::details, kept with its type until the corpus says
// which types it annotates.
struct Detail {
  std::string type;
  std::string line;
};

// Scores one document's predictions against its gold entities.
void Score(const std::string& id, const std::vector<Item>& gold, const std::vector<Item>& predicted,
           const CurrencyCodes& currencies, std::map<std::string, TypeScore>* scores, std::vector<Detail>* details) {
  for (const Item& g : gold) ++(*scores)[g.type].gold;
  for (const Item& p : predicted) ++(*scores)[p.type].predicted;
  std::vector<bool> gold_used(gold.size()), predicted_used(predicted.size());
  // Exact matches first, so that an exact pair is never broken up by a mere
  // overlap; then overlaps, one to one.
  for (bool exact : {true, false}) {
    for (size_t i = 0; i < gold.size(); ++i) {
      if (gold_used[i]) continue;
      for (size_t j = 0; j < predicted.size(); ++j) {
        const Item& g = gold[i];
        const Item& p = predicted[j];
        if (predicted_used[j] || p.type != g.type) continue;
        bool match = exact ? (p.start == g.start && p.end == g.end) : (p.start < g.end && g.start < p.end);
        if (!match) continue;
        gold_used[i] = predicted_used[j] = true;
        TypeScore& score = (*scores)[g.type];
        score.strict += exact;
        ++score.relaxed;
        if (!g.value.empty()) {
          ++score.valued;
          if (SameValue(g.value, p, currencies)) {
            ++score.value_ok;
          } else if (details != nullptr) {
            details->push_back({g.type, fmt::format("VALUE {} {} gold={} lede={}", id, Describe(g), g.value,
                                                    p.value.empty() ? "-" : p.value)});
          }
        }
        if (!exact && details != nullptr) {
          details->push_back({g.type, fmt::format("SPAN  {} gold {} lede {}", id, Describe(g), Describe(p))});
        }
        break;
      }
    }
  }
  if (details == nullptr) return;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (!gold_used[i]) {
      details->push_back({gold[i].type, fmt::format("MISS  {} {} gold={}", id, Describe(gold[i]), gold[i].value)});
    }
  }
  for (size_t j = 0; j < predicted.size(); ++j) {
    if (!predicted_used[j]) {
      details->push_back(
          {predicted[j].type, fmt::format("FALSE {} {} lede={}", id, Describe(predicted[j]), predicted[j].value)});
    }
  }
}

// Whether a predicted agreement's parties are the gold ones: each gold name
// is a mention or the canonical name of a distinct party.
bool SameParties(const Document& doc, const Agreement& predicted, const GoldAgreement& gold) {
  if (predicted.parties.size() != gold.parties.size()) return false;
  std::vector<bool> used(predicted.parties.size());
  for (const std::string& name : gold.parties) {
    const std::string key = NameKey(name);
    bool found = false;
    for (size_t p = 0; p < predicted.parties.size() && !found; ++p) {
      if (used[p]) continue;
      const auto entity = std::find_if(doc.entities.begin(), doc.entities.end(),
                                       [&](const Entity& e) { return e.id == predicted.parties[p]; });
      if (entity == doc.entities.end()) continue;
      found = NameKey(entity->attributes.canonical) == key ||
              std::any_of(entity->mentions.begin(), entity->mentions.end(),
                          [&](const Mention& m) { return NameKey(doc.Text(m.span)) == key; });
      used[p] = found;
    }
    if (!found) return false;
  }
  return true;
}

std::string Describe(const Document& doc, const Agreement& a) {
  std::vector<std::string> parties;
  for (const std::string& id : a.parties) {
    for (const Entity& e : doc.entities) {
      if (e.id == id) parties.push_back(e.attributes.canonical);
    }
  }
  return fmt::format("{}/{} [{}] '{}'", a.kind, a.status, fmt::join(parties, ", "), doc.Text(a.trigger));
}

// Scores one document's agreements as the type AGREEMENT: strict, the same
// kind, status and parties; relaxed, the same parties; value, kind and
// status of the relaxed matches.
void ScoreAgreements(const std::string& id, const Document& doc, const std::vector<GoldAgreement>& gold,
                     TypeScore* score, std::vector<Detail>* details) {
  score->gold += gold.size();
  score->predicted += doc.agreements.size();
  std::vector<bool> gold_used(gold.size()), predicted_used(doc.agreements.size());
  for (bool exact : {true, false}) {
    for (size_t i = 0; i < gold.size(); ++i) {
      for (size_t j = 0; j < doc.agreements.size() && !gold_used[i]; ++j) {
        const Agreement& p = doc.agreements[j];
        if (predicted_used[j] || !SameParties(doc, p, gold[i])) continue;
        const bool same_event = p.kind == gold[i].kind && p.status == gold[i].status;
        if (exact && !same_event) continue;
        gold_used[i] = predicted_used[j] = true;
        score->strict += exact;
        ++score->relaxed;
        ++score->valued;
        score->value_ok += same_event;
        if (!same_event && details != nullptr) {
          details->push_back({"AGREEMENT", fmt::format("VALUE {} gold {}/{} lede {}", id, gold[i].kind,
                                                       gold[i].status, Describe(doc, p))});
        }
      }
    }
  }
  if (details == nullptr) return;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (gold_used[i]) continue;
    details->push_back({"AGREEMENT", fmt::format("MISS  {} {}/{} [{}]", id, gold[i].kind, gold[i].status,
                                                 fmt::join(gold[i].parties, ", "))});
  }
  for (size_t j = 0; j < doc.agreements.size(); ++j) {
    if (!predicted_used[j]) details->push_back({"AGREEMENT", fmt::format("FALSE {} {}", id, Describe(doc, doc.agreements[j]))});
  }
}

void Add(const TypeScore& s, TypeScore* total) {
  total->gold += s.gold;
  total->predicted += s.predicted;
  total->strict += s.strict;
  total->relaxed += s.relaxed;
  total->valued += s.valued;
  total->value_ok += s.value_ok;
}

}  // namespace

double TypeScore::StrictPrecision() const { return Ratio(strict, predicted); }
double TypeScore::StrictRecall() const { return Ratio(strict, gold); }
double TypeScore::StrictF1() const { return F1(StrictPrecision(), StrictRecall()); }
double TypeScore::RelaxedPrecision() const { return Ratio(relaxed, predicted); }
double TypeScore::RelaxedRecall() const { return Ratio(relaxed, gold); }
double TypeScore::RelaxedF1() const { return F1(RelaxedPrecision(), RelaxedRecall()); }
double TypeScore::ValueAccuracy() const { return Ratio(value_ok, valued); }

Status Evaluate(const std::shared_ptr<const RuleSet>& rules, const EvalOptions& options, EvalReport* report) {
  simdjson::padded_string corpus;
  if (simdjson::padded_string::load(options.gold_path).get(corpus)) {
    return Status::NotFound(fmt::format("{}: cannot read the gold corpus", options.gold_path));
  }
  std::unique_ptr<Extractor> extractor;
  Status status = Extractor::Create(rules, ExtractOptions{}, &extractor);
  if (!status.ok()) return status;

  std::map<std::string, TypeScore> scores;
  std::vector<Detail> details;
  const CurrencyCodes currencies(*rules);
  simdjson::ondemand::parser parser;
  std::string_view rest(corpus.data(), corpus.size());
  for (size_t line = 1; !rest.empty(); ++line) {
    const size_t newline = rest.find('\n');
    std::string_view text = rest.substr(0, newline);
    rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
    if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    // Each line is parsed from a padded copy: simdjson reads past its end.
    simdjson::padded_string padded(text);
    simdjson::ondemand::document json;
    GoldDoc gold;
    Status parsed = parser.iterate(padded).get(json) ? Status::InvalidArgument("malformed JSON")
                                                     : ParseGold(json, options, &gold);
    if (!parsed.ok()) return Status::InvalidArgument(fmt::format("{}:{}: {}", options.gold_path, line, parsed.message()));
    if (!options.sources.empty() &&
        std::find(options.sources.begin(), options.sources.end(), gold.source) == options.sources.end()) {
      continue;
    }
    Document doc = extractor->Extract(gold.raw);
    Score(gold.raw.id, gold.entities, Predicted(doc), currencies, &scores, options.details ? &details : nullptr);
    if (gold.has_agreements) {
      ScoreAgreements(gold.raw.id, doc, gold.agreements, &scores["AGREEMENT"], options.details ? &details : nullptr);
    }
    ++report->documents;
  }
  report->types.clear();
  report->total = TypeScore{"all"};
  for (auto& [type, score] : scores) {
    score.type = type;
    // A type the gold does not annotate cannot be scored: its mentions are
    // not errors, so they stay out of the total.
    if (score.gold > 0) Add(score, &report->total);
    report->types.push_back(score);
  }
  for (Detail& detail : details) {
    if (scores[detail.type].gold > 0) report->details.push_back(std::move(detail.line));
  }
  // Types the gold knows first, then those only lede produced.
  std::stable_sort(report->types.begin(), report->types.end(),
                   [](const TypeScore& a, const TypeScore& b) { return (a.gold > 0) > (b.gold > 0); });
  return Status::OK();
}

std::string EvalReport::ToText() const {
  std::string out = fmt::format("{} documents\n{:<10} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>6} {:>6}\n",
                                documents, "type", "gold", "lede", "P", "R", "F1", "P~", "R~", "F1~", "value",
                                "of");
  auto row = [&](const TypeScore& s) {
    out += fmt::format("{:<10} {:>6} {:>6}   {:>6.3f} {:>6.3f} {:>6.3f}   {:>6.3f} {:>6.3f} {:>6.3f}   {:>6.3f} {:>6}\n",
                       s.type, s.gold, s.predicted, s.StrictPrecision(), s.StrictRecall(), s.StrictF1(),
                       s.RelaxedPrecision(), s.RelaxedRecall(), s.RelaxedF1(), s.ValueAccuracy(), s.valued);
  };
  for (const TypeScore& s : types) row(s);
  row(total);
  out += "P R F1: strict (same span); P~ R~ F1~: relaxed (overlapping span); value: share of relaxed matches\n"
         "with a gold value where lede's value is the same, of that many. Types the gold does not annotate\n"
         "(gold 0) are left out of the total.\n";
  return out;
}

std::string EvalReport::ToJson() const {
  std::string out;
  JsonBuilder json(&out, false);
  auto score = [&](const TypeScore& s) {
    json.BeginObject();
    json.Key("type");
    json.String(s.type);
    for (auto [key, n] : {std::pair{"gold", s.gold}, {"predicted", s.predicted}, {"strict", s.strict},
                          {"relaxed", s.relaxed}, {"valued", s.valued}, {"value_ok", s.value_ok}}) {
      json.Key(key);
      json.Number(static_cast<uint64_t>(n));
    }
    for (auto [key, x] : {std::pair{"strict_precision", s.StrictPrecision()}, {"strict_recall", s.StrictRecall()},
                          {"strict_f1", s.StrictF1()}, {"relaxed_precision", s.RelaxedPrecision()},
                          {"relaxed_recall", s.RelaxedRecall()}, {"relaxed_f1", s.RelaxedF1()},
                          {"value_accuracy", s.ValueAccuracy()}}) {
      json.Key(key);
      json.Number(fmt::format("{:.4f}", x));
    }
    json.EndObject();
  };
  json.BeginObject();
  json.Key("documents");
  json.Number(static_cast<uint64_t>(documents));
  json.Key("types");
  json.BeginArray();
  for (const TypeScore& s : types) score(s);
  json.EndArray();
  json.Key("total");
  score(total);
  json.EndObject();
  out.push_back('\n');
  return out;
}

}  // namespace lede
