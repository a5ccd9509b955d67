// Matcher: finds the candidate spans of every rule in one pass over the text.
//
// Regex rules are joined into one leftmost-longest RE2 alternation, matched
// anchored at each token start that no earlier candidate covers: a match
// begins where a word, number or symbol begins, never inside a word
// ("over" in "turnover"). Anchored, the union's DFA stays small and warms up
// in a few pages of text; an unanchored scan would carry every rule's start
// in every DFA state and spend its first tens of MB building states. Where
// the union matches, an RE2::Set of all rules over the span tells which rules can start
// there, and only those are re-run (with the bytes around the span as
// context, for \b) to give each its own extent and, on demand, captures.
// A match hides any other regex candidate that starts inside it; the
// Resolver arbitrates between candidates at the same start and against
// gazetteer candidates. Extents and captures are memoized per thread on the
// span's text, which news repeats a great deal.
//
// Gazetteer rules are matched on tokens by a PhraseIndex. So are the names
// a rule's match must begin with (starts_with: the given name of "Steven
// Geiszler"), hold (contains: the head word of "Aqaba Ports Authority") or
// come right after (follows: the title of "Prime Minister Narendra Modi"):
// such a rule stays out of the union and is tried, anchored, only at tokens
// where one of them begins, that begin at most kContainsReach bytes before
// one, or that come next after one with only spaces or tabs between, in
// step with the union's scan, hiding and hidden as if it were in it.
// Most capitalized words begin no given name and stand before no head word;
// in the union, a name-shaped rule made its DFA large (each byte a cache
// miss) and each of its matches cost a Set, an extent and captures before a
// lookup turned it down.
//
// A pattern may mark its mention with a group named "mention": the words
// around it are context it requires, inside the match ("President
// (?P<mention>...)"), and cost nothing where they are absent, unlike context
// checked after a match. A rule may also require context around its match,
// which RE2's lack of lookaround cannot express: preceded_by must match text
// ending right where the candidate starts, followed_by text starting right
// where it ends (each within 128 bytes). A rule may also require a capture to
// name an entry of its lookup table (lookup_key: the unit of "300 MW"), or
// not to name one of its reject table (reject_key: "Neither" is no given
// name). Candidates failing these checks are dropped, and hide nothing: the
// scan resumes at the first token after the furthest match kept (at the next
// token, if none was).
//
// Thread-safety: Scan() is const and may run on many threads at once.
#ifndef LEDE_SRC_MATCHER_H_
#define LEDE_SRC_MATCHER_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "candidate.h"
#include "gazetteer.h"
#include "lede/document.h"

#include <re2/stringpiece.h>

namespace re2 {
class RE2;
}  // namespace re2

namespace lede {

struct Rule;

// A capture group that did not take part in the match.
inline constexpr Span kNoCapture{UINT32_MAX, UINT32_MAX};

// How far before a name of its `contains` table a rule's match may start:
// the organization names the built-in packs find this way are at most 58
// bytes long on Reuters-21578, and each byte of reach costs tries.
inline constexpr uint32_t kContainsReach = 64;

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

  // Appends the candidates found in `text` to *candidates. `refused` are
  // candidates a later stage turned down in an earlier Scan of this text
  // ("3 hundred and 2 hundred" has no value): they are left out, and hide
  // only their own rule's matches, so that other rules match anew what
  // they covered ("2 hundred"). A rule that read too much finds no smaller
  // match of its own there ("four" in "three-nought-four").
  void Scan(std::string_view text, const std::vector<Token>& tokens, std::vector<Candidate>* candidates,
            std::span<const Candidate> refused = {}) const;

  // The capture groups of a regex candidate Scan() found in `text` (of its
  // whole match, Candidate::match), one span
  // per group_names entry of its rule (kNoCapture where a group took no
  // part), into *spans. Computed on demand: most candidates lose to others
  // in the Resolver and never need them.
  void Captures(std::string_view text, const Candidate& candidate, std::vector<Span>* spans) const;

 private:
  // Capture groups (1-based) checked against a table.
  struct KeyCheck {
    std::vector<int> groups;
    const GazetteerTable* table = nullptr;
  };
  // A regex rule's own regexes, compiled on first use: a short article
  // meets few rules, and compiling all of them would dominate start-up.
  struct RegexRule {
    uint32_t rule;      // index into the rule list
    std::string plain;  // the pattern without named groups
    std::string named;  // the pattern with named groups made unique
    int groups;
    int mention_group = 0;  // the group named "mention", 1-based; 0 for none
    bool cue = false;       // a cue for the Agreements stage hides no entity
    KeyCheck lookup;  // captures that must name entries (a unit, a currency)
    KeyCheck reject;  // captures that must not (a common word)
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
  // A regex rule's longest match at a span's start.
  struct Extent {
    uint32_t regex;  // index into regex_rules_
    uint32_t size;   // bytes
  };

  // The extents of the regex rules that match at `begin`, where the union
  // found `found`; `key` is the memo key of that span.
  const std::vector<Extent>& Extents(std::string_view text, size_t begin, re2::StringPiece found,
                                     std::string_view key) const;
  static std::vector<Span> RelativeCaptures(const RegexRule& regex, std::string_view text, Span span);
  // Which rules outside the union to try at which tokens: a bit per rule
  // with starts_with, contains or follows (Anchored::bit) for each token,
  // `words` 64-bit words per token.
  struct Attempts {
    std::vector<uint64_t> bits;
    size_t words = 0;
  };
  // The attempts that the names of starts_with, contains and follows
  // tables found among *candidates call for; removes those names. A
  // contains rule is tried before its name only at tokens that may begin a
  // name; a follows rule at the token after its name, on the same line,
  // and never where another name of its table begins.
  void TakeAttempts(std::string_view text, const std::vector<Token>& tokens, std::vector<Candidate>* candidates,
                    Attempts* attempts) const;
  // The regex candidates: the union's, and those of `attempts`; none of
  // `refused`.
  void ScanRegex(std::string_view text, const std::vector<Token>& tokens, const Attempts& attempts,
                 std::span<const Candidate> refused, std::vector<Candidate>* candidates) const;
  bool InContext(std::string_view text, const Candidate& candidate) const;
  // The message when the union or the Set is over RE2's memory budget:
  // "file:line: rule id: ..." for the first rule over it alone, else one
  // for the rules together.
  std::string OverBudget(const std::vector<Rule>& rules) const;
  // Indexes the names of `table` near which rule `index` (a regex rule with
  // starts_with, contains or follows) is tried, and checks its pattern; on
  // failure sets *error.
  bool Anchor(uint32_t index, const Rule& rule, const RegexRule& regex, const GazetteerTable& table,
              std::string* error);
  // Tries rule `id` (an index into regex_rules_) at `begin`: its match
  // there, unchecked, into *candidate.
  bool MatchAttempt(std::string_view text, uint32_t begin, uint32_t id, Candidate* candidate) const;
  // Applies a regex candidate's mention, context, lookup and reject checks;
  // false drops it.
  bool Accept(std::string_view text, Candidate* candidate) const;
  // For a lookup: whether the captures (`spans`) of `check` that took part
  // all name entries of its table (or forms of them:
  // GazetteerTable::FindNameOrForm), one at least. For a rejection: whether
  // any names an entry exactly.
  static bool CapturesIn(std::string_view text, const std::vector<Span>& spans, const KeyCheck& check, bool lookup);

  std::vector<std::unique_ptr<RegexRule>> regex_rules_;
  std::vector<Context> contexts_;  // by rule index; empty when no rule has context
  std::vector<bool> not_in_headlines_;  // by rule index; empty when every rule fires in headlines
  // By rule index, for rules with starts_with, contains or follows: their
  // bit in Attempts (kNotAnchored for the other rules), how far before a
  // name of their table they are tried (0 for starts_with), and whether
  // they are tried after it instead (follows).
  static constexpr uint32_t kNotAnchored = UINT32_MAX;
  struct Anchored {
    uint32_t bit = kNotAnchored;
    uint32_t reach = 0;
    bool follows = false;
  };
  std::vector<Anchored> anchored_;
  std::vector<uint32_t> anchored_regex_;  // by Attempts bit: the regex rule
  std::unique_ptr<Compiled> compiled_;
  uint64_t serial_ = 0;  // distinguishes this Matcher's memo entries
  PhraseIndex phrases_;
};

}  // namespace lede

#endif  // LEDE_SRC_MATCHER_H_
