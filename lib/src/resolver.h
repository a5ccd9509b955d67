// Resolver: one candidate per place in the text.
//
// Where candidates overlap, the one of higher rule priority wins, then the
// longer, then the leftmost; a full tie goes to the rule declared first.
// Blocking rules (type NONE) take part like any other and are removed after,
// so that what they cover yields nothing. Cues for the Agreements stage
// (agreements.h) compete only among themselves, with AGREEMENT_NONE as their
// blocking type: a trigger never hides a number inside it.
#ifndef LEDE_SRC_RESOLVER_H_
#define LEDE_SRC_RESOLVER_H_

#include <vector>

#include "candidate.h"
#include "lede/extractor.h"

namespace lede {

struct Rule;

// A candidate that lost its place, the one that took it, and why.
struct Defeat {
  Candidate loser;
  Candidate winner;
  CandidateTrace::Reason reason;
};

// Keeps the winning candidates of *candidates, sorted by position. With
// `keep_overlaps`, keeps every candidate but those of blocking rules.
// If `defeats` is not null, every candidate that lost is appended to it.
void ResolveOverlaps(const std::vector<Rule>& rules, bool keep_overlaps, std::vector<Candidate>* candidates,
                     std::vector<Defeat>* defeats = nullptr);

}  // namespace lede

#endif  // LEDE_SRC_RESOLVER_H_
