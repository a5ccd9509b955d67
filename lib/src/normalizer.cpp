#include "normalizer.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "normalizers.h"
#include "rules_impl.h"
#include "segmenter.h"

namespace lede {
namespace {

// Gazetteer rules: the entry's name is the canonical form; its code,
// country, ticker and subtype columns, where the table has them, carry over.
bool NormalizeEntry(const MatchView& match, Attributes* out) {
  out->canonical = std::string(match.Cell("name"));
  out->code = std::string(match.Cell("code"));
  out->country = std::string(match.Cell("country"));
  out->ticker = std::string(match.Cell("ticker"));
  if (std::string_view subtype = match.Cell("subtype"); !subtype.empty()) out->subtype = std::string(subtype);
  return true;
}

struct NamedNormalizer {
  std::string_view name;
  NormalizeFn fn;
};

// Sorted by name.
constexpr NamedNormalizer kNormalizers[] = {
    {"cardinal", NormalizeCardinal},
    {"date", NormalizeDate},
    {"duration", NormalizeDuration},
    {"entry", NormalizeEntry},
    {"fraction", NormalizeFraction},
    {"money", NormalizeMoney},
    {"name", NormalizeName},
    {"ordinal", NormalizeOrdinal},
    {"ordinal_from_end", NormalizeOrdinalFromEnd},
    {"organization", NormalizeOrganization},
    {"percent", NormalizePercent},
    {"person", NormalizeName},
    {"quantity", NormalizeQuantity},
    {"set", NormalizeSet},
    {"time", NormalizeTime},
};

}  // namespace

std::string_view MatchView::Capture(std::string_view group) const {
  for (size_t i = 0; captures_ != nullptr && i < rule_.group_names.size(); ++i) {
    if (rule_.group_names[i] != group) continue;
    const Span& span = captures_[i];
    if (span == kNoCapture) continue;  // the name may recur in another alternative
    return context_.text.substr(span.begin, span.size());
  }
  for (const auto& [name, value] : rule_.args) {
    if (name == group) return value;
  }
  return {};
}

std::string_view MatchView::Before() const {
  const Span& sentence = (*context_.sentences)[sentence_].span;
  const uint32_t begin = std::min(sentence.begin, candidate_.span.begin);
  return context_.text.substr(begin, candidate_.span.begin - begin);
}

std::string_view MatchView::After() const {
  const Span& sentence = (*context_.sentences)[sentence_].span;
  const uint32_t end = std::max(sentence.end, candidate_.span.end);
  return context_.text.substr(candidate_.span.end, end - candidate_.span.end);
}

std::string_view MatchView::Lookup(std::string_view name, std::string_view column) const {
  if (rule_.table == nullptr || rule_.info.gazetteer) return {};
  const int row = rule_.table->FindNameOrForm(name);
  return row < 0 ? std::string_view() : rule_.table->Cell(static_cast<size_t>(row), rule_.table->Column(column));
}

std::string_view MatchView::Cell(std::string_view column) const {
  if (rule_.table == nullptr || !rule_.info.gazetteer) return {};
  return rule_.table->Cell(candidate_.payload, rule_.table->Column(column));
}

NormalizeFn FindNormalizer(std::string_view name) {
  for (const NamedNormalizer& n : kNormalizers) {
    if (n.name == name) return n.fn;
  }
  return nullptr;
}

std::vector<std::string_view> NormalizerNames() {
  std::vector<std::string_view> names;
  for (const NamedNormalizer& n : kNormalizers) names.push_back(n.name);
  return names;
}

namespace {

// Runs one candidate's normalizer; false when it refuses the match.
bool NormalizeOne(const Rule& rule, const Matcher& matcher, const Candidate& candidate, NormalizeContext* context,
                  std::vector<Span>* captures, Attributes* attributes) {
  attributes->subtype = rule.info.subtype;
  if (rule.normalize == nullptr) return true;
  const Span* rule_captures = nullptr;
  if (!rule.info.gazetteer) {
    matcher.Captures(context->text, candidate, captures);
    rule_captures = captures->data();
  }
  const uint32_t sentence = SentenceIndex(*context->sentences, candidate.span.begin);
  MatchView view(*context, candidate, rule, rule_captures, sentence);
  return rule.normalize(view, attributes);
}

}  // namespace

CalendarDate DatelineDate(const std::vector<Rule>& rules, const Matcher& matcher,
                          const std::vector<Candidate>& candidates, NormalizeContext* context) {
  constexpr uint32_t kDatelineBytes = 200;
  std::vector<Span> captures;
  for (const Candidate& candidate : candidates) {
    if (candidate.span.begin >= kDatelineBytes || SentenceIndex(*context->sentences, candidate.span.begin) > 1) break;
    const Rule& rule = rules[candidate.rule];
    Attributes attributes;
    CalendarDate date;
    if (rule.info.type == "DATE" && NormalizeOne(rule, matcher, candidate, context, &captures, &attributes) &&
        ParseIsoDate(attributes.value.text, &date)) {
      context->reference.clear();
      return date;
    }
  }
  context->reference.clear();
  return CalendarDate{};
}

void NormalizeCandidates(const std::vector<Rule>& rules, const Matcher& matcher,
                         const std::vector<Candidate>& candidates, NormalizeContext* context,
                         std::vector<NormalizedMention>* out, std::vector<Candidate>* refused) {
  std::vector<Span> captures;
  for (const Candidate& candidate : candidates) {
    const Rule& rule = rules[candidate.rule];
    NormalizedMention mention{candidate.span, &rule, Attributes{}};
    if (!NormalizeOne(rule, matcher, candidate, context, &captures, &mention.attributes)) {
      refused->push_back(candidate);
      continue;
    }
    out->push_back(std::move(mention));
  }
}

}  // namespace lede
