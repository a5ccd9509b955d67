// Normalizer: turns a matched span into values (TIMEX3 dates, exact numbers,
// ISO codes, canonical names).
//
// A normalizer is a C++ function a rule names in its pack (normalize =
// "percent"), so that regexes stay in data and meaning stays in code. It
// reads the match through a MatchView (text, named captures, gazetteer
// cells, document date, the sentence around it) and fills Attributes; returning false drops the
// mention (a date like "Feb. 30" that only looked like one).
#ifndef LEDE_SRC_NORMALIZER_H_
#define LEDE_SRC_NORMALIZER_H_

#include <string>
#include <string_view>
#include <vector>

#include "candidate.h"
#include "lede/document.h"
#include "timex.h"

namespace lede {

class Matcher;
struct Rule;

// What normalizers may know of the document beyond the match itself.
struct NormalizeContext {
  std::string_view text;
  const std::vector<Sentence>* sentences = nullptr;
  CalendarDate dct;  // unknown when the document has no date
  // The last date a normalizer named as reference (MatchView::SetReference),
  // as a TIMEX3 value ("1989-Q3"), and its sentence, for anaphora like "a
  // year earlier".
  std::string reference;
  uint32_t reference_sentence = 0;
};

class MatchView {
 public:
  MatchView(NormalizeContext& context, const Candidate& candidate, const Rule& rule, const Span* captures,
            uint32_t sentence)
      : context_(context), candidate_(candidate), rule_(rule), captures_(captures), sentence_(sentence) {}

  // The matched text.
  std::string_view text() const { return context_.text.substr(candidate_.span.begin, candidate_.span.size()); }
  // The text of the named group (of the alternative that took part, when the
  // name recurs); else the rule's argument of that name
  // (args = {unit = "day"} in the pack); "" when neither has it.
  std::string_view Capture(std::string_view group) const;
  // For gazetteer rules, the cell of the matched row in `column`; "" else.
  std::string_view Cell(std::string_view column) const;
  // For regex rules with a lookup table: the cell in `column` of the row
  // named `name` ("€" -> "EUR" in column "code"); "" when none is.
  std::string_view Lookup(std::string_view name, std::string_view column) const;
  const Rule& rule() const { return rule_; }
  const CalendarDate& dct() const { return context_.dct; }
  const NormalizeContext& context() const { return context_; }
  // Index of the sentence the match starts in, and that sentence's text
  // before and after the match.
  uint32_t sentence() const { return sentence_; }
  std::string_view Before() const;
  std::string_view After() const;
  // Makes `value` the reference later matches count from ("a year earlier").
  void SetReference(std::string value) const {
    context_.reference = std::move(value);
    context_.reference_sentence = sentence_;
  }

 private:
  NormalizeContext& context_;
  const Candidate& candidate_;
  const Rule& rule_;
  const Span* captures_;  // the rule's captures, or null for gazetteer rules
  uint32_t sentence_;
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

// The date a document's dateline gives ("WASHINGTON, Nov. 28, 2022 -",
// "2022-11-28 10:15"): the first DATE candidate within the first two
// sentences (and 200 bytes) that normalizes to a full calendar date without
// a document date. Unknown when there is none.
CalendarDate DatelineDate(const std::vector<Rule>& rules, const Matcher& matcher,
                          const std::vector<Candidate>& candidates, NormalizeContext* context);

// The Normalizer stage: runs each candidate's normalizer, in text order
// (rules without one keep their subtype only), and drops the candidates it
// refuses, appending them to *refused. `matcher` gives regex candidates
// their captures.
void NormalizeCandidates(const std::vector<Rule>& rules, const Matcher& matcher,
                         const std::vector<Candidate>& candidates, NormalizeContext* context,
                         std::vector<NormalizedMention>* out, std::vector<Candidate>* refused);

}  // namespace lede

#endif  // LEDE_SRC_NORMALIZER_H_
