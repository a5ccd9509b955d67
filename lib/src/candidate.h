// Candidate: a span some rule matched, before overlaps are resolved.
#ifndef LEDE_SRC_CANDIDATE_H_
#define LEDE_SRC_CANDIDATE_H_

#include <cstdint>

#include "lede/document.h"

namespace lede {

struct Candidate {
  Span span;          // what the mention covers
  uint32_t rule = 0;  // index into RuleSet::Impl::rules
  // Regex rules: the Matcher's own index of the rule. Gazetteer rules: the
  // row of the matched entry.
  uint32_t payload = 0;
  // Regex rules: what the pattern matched, which holds `span`; wider when
  // the pattern marks its mention with a group named "mention".
  Span match;

  friend bool operator==(const Candidate&, const Candidate&) = default;
};

}  // namespace lede

#endif  // LEDE_SRC_CANDIDATE_H_
