// TestRuleExamples: `lede rules test`, every pack's examples through the
// whole pipeline.
#include <fmt/format.h>

#include "lede/extractor.h"
#include "lede/rules.h"
#include "rules_impl.h"

namespace lede {
namespace {

// Examples resolve relative dates against this date unless they give one,
// so that expected values are fixed (as Duckling fixes its reference time).
constexpr std::string_view kExampleDct = "2022-11-28";

struct Found {
  const Entity* entity;
  const Mention* mention;
};

std::string Describe(const Document& doc, const std::vector<Found>& found) {
  if (found.empty()) return "nothing";
  std::string out;
  for (const Found& f : found) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} '{}' by {}", f.entity->type, doc.Text(f.mention->span), f.mention->rule);
    if (!f.entity->attributes.value.empty()) out += fmt::format(" = {}", f.entity->attributes.value.text);
  }
  return out;
}

int PriorityOf(const RuleSet& rules, const std::string& id) {
  for (const Rule& rule : rules.impl().rules) {
    if (rule.info.id == id) return rule.info.priority;
  }
  return 0;
}

std::vector<Found> Mentions(const Document& doc) {
  std::vector<Found> found;
  for (const Entity& entity : doc.entities) {
    for (const Mention& mention : entity.mentions) found.push_back(Found{&entity, &mention});
  }
  return found;
}

std::string DescribeAgreements(const Document& doc) {
  if (doc.agreements.empty()) return "no agreement";
  std::string out;
  for (const Agreement& a : doc.agreements) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {} '{}'", a.kind, a.status, doc.Text(a.trigger));
    for (auto [flag, name] : {std::pair{a.negated, "negated"}, {a.hedged, "hedged"}, {a.continues, "continues"}}) {
      if (flag) out += fmt::format(" {}", name);
    }
  }
  return out;
}

// A cue rule's examples are judged by the agreements they make: a trigger's
// example must yield an agreement of its kind over the marked words, a
// status word's one of its status, a hedge's, negation's or continuation's
// one so flagged; a counter-example must not. An AGREEMENT_NONE example
// must leave its marked words without a trigger.
std::string CheckCueExample(const Document& doc, const Rule& rule, bool has_span, Span marked, bool counter) {
  const std::string& type = rule.info.type;
  const std::string& subtype = rule.info.subtype;
  auto shows = [&](const Agreement& a) {
    if (type == kTriggerType) return a.trigger.Overlaps(marked) && (counter || (a.trigger == marked && a.kind == subtype));
    if (type == kStatusType) return a.status == subtype;
    if (type == kHedgeType) return a.hedged;
    if (type == kNegationType) return a.negated;
    if (type == kContinuesType) return a.continues;
    return has_span && a.trigger.Overlaps(marked);  // kNotAgreementType: a trigger where it blocks
  };
  const bool shown = std::any_of(doc.agreements.begin(), doc.agreements.end(), shows);
  const bool wanted = counter == (type == kNotAgreementType);
  if (shown == wanted) return "";
  std::string expected = type == kTriggerType ? fmt::format("an agreement of kind {} over the marked words", subtype)
                         : type == kStatusType ? fmt::format("an agreement of status {}", subtype)
                         : type == kNotAgreementType ? "no trigger in the marked words"
                                                     : fmt::format("an agreement marked by {}", rule.info.id);
  if (!wanted) expected = "no " + expected.substr(expected.find(' ') + 1);
  return fmt::format("expected {}, found {}", expected, DescribeAgreements(doc));
}

// Why `example` fails for `rule`, or "" when it passes.
std::string CheckExample(Extractor& extractor, const RuleSet& rules, const Rule& rule, const Example& example,
                         bool counter) {
  RawDocument raw;
  raw.id = "example";
  Span marked;
  const bool has_span = SplitExampleSpan(example.text, &raw.bytes, &marked.begin, &marked.end);
  raw.dct = example.dct.empty() ? std::string(kExampleDct) : example.dct;
  Document doc = extractor.Extract(raw);
  if (!doc.error.empty()) return doc.error;
  if (rule.cue()) return CheckCueExample(doc, rule, has_span, marked, counter);

  const std::vector<Found> all = Mentions(doc);
  std::vector<Found> relevant;  // mentions in the marked part, of the rule's type
  for (const Found& f : all) {
    if (has_span && !f.mention->span.Overlaps(marked)) continue;
    const bool below = counter || PriorityOf(rules, f.mention->rule) < rule.info.priority;
    if (rule.blocking() ? below : f.entity->type == rule.info.type) {
      relevant.push_back(f);
    }
  }
  if (rule.blocking()) {
    // A blocking rule's example must yield nothing from the rules it is
    // above; its counter-example must still yield something there.
    if (counter == relevant.empty()) return fmt::format("expected {}, found {}", counter ? "an entity" : "nothing",
                                                        Describe(doc, relevant));
    return "";
  }
  if (counter) {
    if (relevant.empty()) return "";
    return fmt::format("expected no {}, found {}", rule.info.type, Describe(doc, relevant));
  }
  for (const Found& f : relevant) {
    if (f.mention->rule != rule.info.id) continue;
    if (has_span && !(f.mention->span == marked)) continue;
    if (!example.value.empty() && f.entity->attributes.value.text != example.value) continue;
    return "";
  }
  std::string expected = fmt::format("{} by {}", rule.info.type, rule.info.id);
  if (has_span) expected += fmt::format(" over '{}'", std::string_view(raw.bytes).substr(marked.begin, marked.size()));
  if (!example.value.empty()) expected += fmt::format(" = {}", example.value);
  return fmt::format("expected {}, found {}", expected, Describe(doc, all));
}

}  // namespace

Status TestRuleExamples(const std::shared_ptr<const RuleSet>& rules, const std::string& pack,
                        std::vector<ExampleFailure>* failures, size_t* checked) {
  bool pack_found = pack.empty();
  for (const PackInfo& info : rules->packs()) pack_found = pack_found || info.name == pack;
  if (!pack_found) return Status::NotFound(fmt::format("no rule pack named '{}'", pack));

  std::unique_ptr<Extractor> extractor;
  Status status = Extractor::Create(rules, ExtractOptions{}, &extractor);
  if (!status.ok()) return status;
  *checked = 0;
  const std::string prefix = pack + ".";
  for (const Rule& rule : rules->impl().rules) {
    if (!pack.empty() && !rule.info.id.starts_with(prefix)) continue;
    for (bool counter : {false, true}) {
      for (const Example& example : counter ? rule.counter_examples : rule.examples) {
        ++*checked;
        std::string reason = CheckExample(*extractor, *rules, rule, example, counter);
        if (reason.empty()) continue;
        std::string origin = rule.info.origin.substr(0, rule.info.origin.rfind(':'));
        failures->push_back(ExampleFailure{rule.info.id, fmt::format("{}:{}", origin, example.line),
                                           (counter ? "counter-example: " : "example: ") + example.text, reason});
      }
    }
  }
  return Status::OK();
}

}  // namespace lede
