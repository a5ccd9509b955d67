// Matcher: finds the candidate spans of every rule in one pass over the text.
//
// Regex rules are joined into one leftmost-longest RE2 alternation and the
// text is scanned once, whatever the number of rules (one scan per rule would
// cost as many passes). At each span the scan finds, an RE2::Set over the
// span tells which rules can start there, and only those are re-run anchored
// at the span's start (with the text around it as context, for \b) to give
// each its own extent and captures. Within the regex rules, then, a match
// hides any other that starts inside it: leftmost-longest among all rules,
// and the Resolver arbitrates between candidates at the same start and
// against gazetteer candidates.
//
// Gazetteer rules are matched on tokens by a PhraseIndex.
//
// Thread-safety: Scan() is const and may run on many threads at once.
#ifndef LEDE_SRC_MATCHER_H_
#define LEDE_SRC_MATCHER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "candidate.h"
#include "gazetteer.h"
#include "lede/document.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace lede {

struct Rule;

// A capture group that did not take part in the match.
inline constexpr Span kNoCapture{UINT32_MAX, UINT32_MAX};

class Matcher {
 public:
  Matcher();
  Matcher(Matcher&&) noexcept;
  Matcher& operator=(Matcher&&) noexcept;
  ~Matcher();

  // Compiles the regex rules and indexes the gazetteer rules of *rules, and
  // fills each regex rule's group_names. Must be called once, before Scan().
  // On failure sets *error to "origin: rule id: message" and returns false.
  bool Compile(std::vector<Rule>* rules, std::string* error);

  // Appends the candidates found in `text` to *candidates. The capture spans
  // of regex candidates are appended to *captures (Candidate::payload is the
  // index of the first; a rule has as many as its group_names).
  void Scan(std::string_view text, const std::vector<Token>& tokens, std::vector<Candidate>* candidates,
            std::vector<Span>* captures) const;

 private:
  struct RegexRule {
    uint32_t rule;                // index into the rule list
    std::unique_ptr<re2::RE2> re;
    int groups;
  };
  struct Compiled;

  std::vector<RegexRule> regex_rules_;
  std::unique_ptr<Compiled> compiled_;
  PhraseIndex phrases_;
};

}  // namespace lede

#endif  // LEDE_SRC_MATCHER_H_
