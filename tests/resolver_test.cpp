#include "resolver.h"

#include <doctest/doctest.h>

#include "test_util.h"

#include "rules_impl.h"

namespace lede {
namespace {

std::vector<Rule> Rules() {
  // Rule i has priority kPriorities[i]; rule 3 blocks.
  const int priorities[] = {10, 10, 20, 30};
  std::vector<Rule> rules(4);
  for (size_t i = 0; i < rules.size(); ++i) {
    rules[i].info.priority = priorities[i];
    rules[i].info.type = i == 3 ? "NONE" : "ORG";
  }
  return rules;
}

Candidate C(uint32_t begin, uint32_t end, uint32_t rule) { return Candidate{Span{begin, end}, rule, 0, Span{begin, end}}; }

std::string Show(const std::vector<Candidate>& candidates) {
  std::string out;
  for (const Candidate& c : candidates) {
    out += "[" + std::to_string(c.span.begin) + "," + std::to_string(c.span.end) + ")r" + std::to_string(c.rule) + " ";
  }
  return out;
}

std::string Resolve(std::vector<Candidate> candidates, bool keep = false) {
  static const std::vector<Rule> rules = Rules();
  ResolveOverlaps(rules, keep, &candidates);
  return Show(candidates);
}

TEST_CASE("resolver: nothing in, nothing out") { CHECK(Resolve({}) == ""); }

TEST_CASE("resolver: disjoint candidates all stay, sorted by position") {
  CHECK(Resolve({C(10, 12, 0), C(0, 5, 1), C(5, 8, 0)}) == "[0,5)r1 [5,8)r0 [10,12)r0 ");
}

TEST_CASE("resolver: priority beats length, length beats position, position beats rule order") {
  CHECK(Resolve({C(0, 10, 0), C(2, 4, 2)}) == "[2,4)r2 ");              // priority
  CHECK(Resolve({C(0, 4, 0), C(2, 10, 1)}) == "[2,10)r1 ");             // longer
  CHECK(Resolve({C(0, 4, 1), C(2, 6, 0)}) == "[0,4)r1 ");               // leftmost
  CHECK(Resolve({C(0, 4, 1), C(0, 4, 0)}) == "[0,4)r0 ");               // first declared
  CHECK(Resolve({C(0, 4, 0), C(4, 8, 1), C(2, 6, 2)}) == "[2,6)r2 ");  // one winner, two losers
}

TEST_CASE("resolver: a blocking rule wins its place and then vanishes") {
  CHECK(Resolve({C(0, 2, 3), C(0, 1, 2), C(3, 5, 0)}) == "[3,5)r0 ");
}

TEST_CASE("resolver: keep overlaps keeps everything but blocking rules") {
  CHECK(Resolve({C(2, 6, 0), C(0, 4, 1), C(0, 2, 3)}, true) == "[0,4)r1 [2,6)r0 ");
}

// Every defeat as "loser<winner:reason".
std::string Defeats(std::vector<Candidate> candidates) {
  static const std::vector<Rule> rules = Rules();
  std::vector<Defeat> defeats;
  ResolveOverlaps(rules, false, &candidates, &defeats);
  const char* reasons[] = {"priority", "length", "position", "order"};
  std::string out;
  for (const Defeat& d : defeats) {
    out += Show({d.loser}) + "<" + Show({d.winner}) + ":" + reasons[static_cast<int>(d.reason)] + " ";
  }
  return out;
}

TEST_CASE("resolver: each defeat names its winner and the test that decided") {
  CHECK(Defeats({C(0, 5, 1)}) == "");
  CHECK(Defeats({C(0, 10, 0), C(2, 4, 2)}) == "[0,10)r0 <[2,4)r2 :priority ");
  CHECK(Defeats({C(0, 4, 0), C(2, 10, 1)}) == "[0,4)r0 <[2,10)r1 :length ");
  CHECK(Defeats({C(0, 4, 1), C(2, 6, 0)}) == "[2,6)r0 <[0,4)r1 :position ");
  CHECK(Defeats({C(0, 4, 1), C(0, 4, 0)}) == "[0,4)r1 <[0,4)r0 :order ");
  CHECK(Defeats({C(0, 2, 3), C(0, 1, 2)}) == "[0,1)r2 <[0,2)r3 :priority ");  // blocked
}

}  // namespace
}  // namespace lede
