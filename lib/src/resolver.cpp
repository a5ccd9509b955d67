#include "resolver.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "rules_impl.h"

namespace lede {

void ResolveOverlaps(const std::vector<Rule>& rules, bool keep_overlaps, std::vector<Candidate>* candidates) {
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
  std::sort(candidates->begin(), candidates->end(), [&](const Candidate& a, const Candidate& b) {
    int pa = rules[a.rule].info.priority, pb = rules[b.rule].info.priority;
    if (pa != pb) return pa > pb;
    if (a.span.size() != b.span.size()) return a.span.size() > b.span.size();
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return a.rule < b.rule;
  });
  // Taken spans by begin, entities and cues apart; they never overlap, so a
  // new span can only collide with the last one starting before its end.
  std::map<uint32_t, const Candidate*> taken[2];
  std::vector<Candidate> kept;
  for (const Candidate& c : *candidates) {
    std::map<uint32_t, const Candidate*>& layer = taken[rules[c.rule].cue() ? 1 : 0];
    auto next = layer.lower_bound(c.span.end);
    if (next != layer.begin() && std::prev(next)->second->span.end > c.span.begin) continue;
    layer.emplace(c.span.begin, &c);
    if (!not_wanted(c)) kept.push_back(c);
  }
  std::sort(kept.begin(), kept.end(), by_position);
  *candidates = std::move(kept);
}

}  // namespace lede
