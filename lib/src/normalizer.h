// Normalizer: turns a matched span into values (TIMEX3 dates, exact numbers,
// ISO codes, canonical names).
//
// A normalizer is a C++ function a rule names in its pack (normalize =
// "percent"), so that regexes stay in data and meaning stays in code. It
// reads the match through a MatchView (text, named captures, gazetteer
// cells, document date) and fills Attributes; returning false drops the
// mention (a date like "Feb. 30" that only looked like one).
#ifndef LEDE_SRC_NORMALIZER_H_
#define LEDE_SRC_NORMALIZER_H_

#include <string>
#include <string_view>
#include <vector>

#include "candidate.h"
#include "lede/document.h"

namespace lede {

struct Rule;

// A calendar date; year 0 means unknown.
struct CalendarDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  bool known() const { return year != 0; }
};

// Parses "YYYY-MM-DD" (a real date of years 1000..9999), or the date part of
// an ISO 8601 date-time ("2022-11-28T10:15:00Z").
bool ParseIsoDate(std::string_view text, CalendarDate* date);

class MatchView {
 public:
  MatchView(std::string_view document, const Candidate& candidate, const Rule& rule, const Span* captures,
            const CalendarDate& dct)
      : document_(document), candidate_(candidate), rule_(rule), captures_(captures), dct_(dct) {}

  // The matched text.
  std::string_view text() const { return document_.substr(candidate_.span.begin, candidate_.span.size()); }
  // The text of the named group; "" when absent or it did not take part.
  std::string_view Capture(std::string_view group) const;
  // For gazetteer rules, the cell of the matched row in `column`; "" else.
  std::string_view Cell(std::string_view column) const;
  const Rule& rule() const { return rule_; }
  const CalendarDate& dct() const { return dct_; }

 private:
  std::string_view document_;
  const Candidate& candidate_;
  const Rule& rule_;
  const Span* captures_;  // the rule's captures, or null for gazetteer rules
  const CalendarDate& dct_;
};

using NormalizeFn = bool (*)(const MatchView& match, Attributes* out);

// The normalizer called `name`, or null.
NormalizeFn FindNormalizer(std::string_view name);
// Every normalizer name, sorted.
std::vector<std::string_view> NormalizerNames();

// A resolved candidate with its attributes.
struct NormalizedMention {
  Span span;
  const Rule* rule = nullptr;
  Attributes attributes;
};

// The Normalizer stage: runs each candidate's normalizer (rules without one
// keep their subtype only) and drops the candidates it refuses.
void NormalizeCandidates(std::string_view text, const std::vector<Rule>& rules,
                         const std::vector<Candidate>& candidates, const std::vector<Span>& captures,
                         const CalendarDate& dct, std::vector<NormalizedMention>* out);

}  // namespace lede

#endif  // LEDE_SRC_NORMALIZER_H_
