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
// A rule may require context around its match, which RE2's lack of
// lookaround cannot express: preceded_by must match text ending right where
// the candidate starts, followed_by text starting right where it ends (each
// within 64 bytes). A rule may also require a capture to name an entry of
// its lookup table (lookup_key: the unit of "300 MW"). Candidates without
// their context or key are dropped, and hide nothing: the scan resumes after
// the furthest candidate kept (inside the match, if none was).
//
// Thread-safety: Scan() is const and may run on many threads at once.
#ifndef LEDE_SRC_MATCHER_H_
#define LEDE_SRC_MATCHER_H_

#include <cstdint>
#include <memory>
#include <mutex>
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

  // Appends the candidates found in `text` to *candidates.
  void Scan(std::string_view text, const std::vector<Token>& tokens, std::vector<Candidate>* candidates) const;

  // The capture groups of a regex candidate Scan() found in `text`, one span
  // per group_names entry of its rule (kNoCapture where a group took no
  // part), into *spans. Computed on demand: most candidates lose to others
  // in the Resolver and never need them.
  void Captures(std::string_view text, const Candidate& candidate, std::vector<Span>* spans) const;

 private:
  // A regex rule's own regexes, compiled on first use: a short article
  // meets few rules, and compiling all of them would dominate start-up.
  struct RegexRule {
    uint32_t rule;      // index into the rule list
    std::string plain;  // the pattern without named groups
    std::string named;  // the pattern with named groups made unique
    int groups;
    // A capture that must name an entry of the rule's lookup table (a unit,
    // a currency), and that table; 0 and null when none.
    int key_group = 0;
    const GazetteerTable* lookup = nullptr;
    mutable std::once_flag compiled;
    mutable std::unique_ptr<re2::RE2> extent;  // leftmost-longest, no captures
    mutable std::unique_ptr<re2::RE2> parts;   // with the groups, Perl semantics

    void Compile() const;
  };
  struct Context {
    std::unique_ptr<re2::RE2> before;  // "(?:preceded_by)\z"
    std::unique_ptr<re2::RE2> after;   // "\A(?:followed_by)"
  };
  struct Compiled;

  void ScanRegex(std::string_view text, std::vector<Candidate>* candidates) const;
  bool InContext(std::string_view text, const Candidate& candidate) const;
  bool KeyInLookup(std::string_view text, const Candidate& candidate) const;

  std::vector<std::unique_ptr<RegexRule>> regex_rules_;
  std::vector<Context> contexts_;  // by rule index; empty when no rule has context
  std::unique_ptr<Compiled> compiled_;
  PhraseIndex phrases_;
};

}  // namespace lede

#endif  // LEDE_SRC_MATCHER_H_
