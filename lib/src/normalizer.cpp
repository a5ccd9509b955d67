#include "normalizer.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "rules_impl.h"

namespace lede {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "1,234.50" -> "1234.5": the exact decimal JSON writes for a number. Returns
// "" when `text` is not a plain decimal number.
std::string CanonicalDecimal(std::string_view text) {
  std::string digits;
  bool point = false;
  for (char c : text) {
    if (IsDigit(c)) {
      digits.push_back(c);
    } else if (c == '.' && !point) {
      point = true;
      digits.push_back(c);
    } else if (c != ',') {
      return "";
    }
  }
  if (point) {
    while (digits.back() == '0') digits.pop_back();
    if (digits.back() == '.') digits.pop_back();
  }
  size_t lead = 0;
  while (lead + 1 < digits.size() && digits[lead] == '0' && digits[lead + 1] != '.') ++lead;
  digits.erase(0, lead);
  if (digits.empty() || digits == ".") return "";
  if (digits[0] == '.') digits.insert(0, "0");
  return digits;
}

// Gazetteer rules: the entry's name is the canonical form; its code and
// subtype columns, where the table has them, carry over.
bool NormalizeEntry(const MatchView& match, Attributes* out) {
  out->canonical = std::string(match.Cell("name"));
  out->code = std::string(match.Cell("code"));
  if (std::string_view subtype = match.Cell("subtype"); !subtype.empty()) out->subtype = std::string(subtype);
  return true;
}

// Percentages: the number in group "num".
bool NormalizePercent(const MatchView& match, Attributes* out) {
  std::string number = CanonicalDecimal(match.Capture("num"));
  if (number.empty()) return false;
  out->value = Value::Number(std::move(number));
  return true;
}

// A calendar year, in group "year" or the whole match.
bool NormalizeYear(const MatchView& match, Attributes* out) {
  std::string_view year = match.Capture("year");
  if (year.empty()) year = match.text();
  if (year.size() != 4 || !std::all_of(year.begin(), year.end(), IsDigit)) return false;
  out->value = Value::String(std::string(year));
  out->timex_type = "DATE";
  return true;
}

struct NamedNormalizer {
  std::string_view name;
  NormalizeFn fn;
};

// Sorted by name.
constexpr NamedNormalizer kNormalizers[] = {
    {"entry", NormalizeEntry},
    {"percent", NormalizePercent},
    {"year", NormalizeYear},
};

}  // namespace

bool ParseIsoDate(std::string_view text, CalendarDate* date) {
  if (text.size() > 10 && text[10] == 'T') text = text.substr(0, 10);
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  auto number = [&](size_t at, size_t n, int* out) {
    return std::from_chars(text.data() + at, text.data() + at + n, *out).ptr == text.data() + at + n;
  };
  CalendarDate d;
  if (!number(0, 4, &d.year) || !number(5, 2, &d.month) || !number(8, 2, &d.day)) return false;
  if (d.year < 1000 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  int days = d.month == 2 && !leap ? 28 : kDays[d.month - 1];
  if (d.day > days) return false;
  *date = d;
  return true;
}

std::string_view MatchView::Capture(std::string_view group) const {
  if (captures_ == nullptr) return {};
  for (size_t i = 0; i < rule_.group_names.size(); ++i) {
    if (rule_.group_names[i] != group) continue;
    const Span& span = captures_[i];
    if (span == kNoCapture) return {};
    return document_.substr(span.begin, span.size());
  }
  return {};
}

std::string_view MatchView::Cell(std::string_view column) const {
  if (rule_.table == nullptr) return {};
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

void NormalizeCandidates(std::string_view text, const std::vector<Rule>& rules,
                         const std::vector<Candidate>& candidates, const std::vector<Span>& captures,
                         const CalendarDate& dct, std::vector<NormalizedMention>* out) {
  for (const Candidate& candidate : candidates) {
    const Rule& rule = rules[candidate.rule];
    NormalizedMention mention{candidate.span, &rule, Attributes{}};
    mention.attributes.subtype = rule.info.subtype;
    if (rule.normalize != nullptr) {
      const Span* rule_captures = rule.info.gazetteer ? nullptr : captures.data() + candidate.payload;
      MatchView view(text, candidate, rule, rule_captures, dct);
      if (!rule.normalize(view, &mention.attributes)) continue;
    }
    out->push_back(std::move(mention));
  }
}

}  // namespace lede
