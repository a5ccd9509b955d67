#include "resolver.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "rules_impl.h"

namespace lede {
namespace {

// The first of the Resolver's tests that tells `a` and `b` apart, and
// whether it puts `a` first: higher priority, then longer, then leftmost,
// then the rule declared first.
std::pair<CandidateTrace::Reason, bool> Compare(const std::vector<Rule>& rules, const Candidate& a,
                                                const Candidate& b) {
  using Reason = CandidateTrace::Reason;
  int pa = rules[a.rule].info.priority, pb = rules[b.rule].info.priority;
  if (pa != pb) return {Reason::kPriority, pa > pb};
  if (a.span.size() != b.span.size()) return {Reason::kLength, a.span.size() > b.span.size()};
  if (a.span.begin != b.span.begin) return {Reason::kPosition, a.span.begin < b.span.begin};
  return {Reason::kOrder, a.rule < b.rule};
}

}  // namespace

void ResolveOverlaps(const std::vector<Rule>& rules, bool keep_overlaps, std::vector<Candidate>* candidates,
                     std::vector<Defeat>* defeats) {
  auto by_position = [](const Candidate& a, const Candidate& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin
           : a.span.end != b.span.end   ? a.span.end < b.span.end
                                        : a.rule < b.rule;
  };
  auto not_wanted = [&](const Candidate& c) { return rules[c.rule].blocking(); };
  if (keep_overlaps) {
    std::erase_if(*candidates, not_wanted);
    std::sort(candidates->begin(), candidates->end(), by_position);
    return;
  }
  std::sort(candidates->begin(), candidates->end(),
            [&](const Candidate& a, const Candidate& b) { return Compare(rules, a, b).second; });
  // Taken spans by begin, entities and cues apart; they never overlap, so a
  // new span can only collide with the last one starting before its end.
  std::map<uint32_t, const Candidate*> taken[2];
  std::vector<Candidate> kept;
  for (const Candidate& c : *candidates) {
    std::map<uint32_t, const Candidate*>& layer = taken[rules[c.rule].cue() ? 1 : 0];
    auto next = layer.lower_bound(c.span.end);
    if (next != layer.begin() && std::prev(next)->second->span.end > c.span.begin) {
      if (defeats != nullptr) {
        const Candidate& winner = *std::prev(next)->second;
        defeats->push_back(Defeat{c, winner, Compare(rules, winner, c).first});
      }
      continue;
    }
    layer.emplace(c.span.begin, &c);
    if (!not_wanted(c)) kept.push_back(c);
  }
  std::sort(kept.begin(), kept.end(), by_position);
  *candidates = std::move(kept);
}

}  // namespace lede
