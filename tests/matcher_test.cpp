#include "matcher.h"

#include <doctest/doctest.h>

#include "rules_impl.h"
#include "segmenter.h"
#include "test_util.h"

namespace lede {
namespace {

using testing::Files;
using Strings = std::vector<std::string>;

// A pack of one rule, q.x, its pattern or gazetteer still to come: for the
// error checks.
const std::string kOneRule = "[pack]\nname = \"q\"\nversion = \"1\"\n[[rule]]\nid = \"q.x\"\ntype = \"ORG\"\n";

// "rule text" for every raw candidate, before the Resolver, plus captures.
Strings Scan(const RuleSet& rules, const std::string& text) {
  const std::vector<Token> tokens = testing::Tokens(text);
  std::vector<Candidate> candidates;
  rules.impl().matcher.Scan(text, tokens, &candidates);
  std::vector<Span> captures;
  Strings out;
  for (const Candidate& c : candidates) {
    const Rule& rule = rules.impl().rules[c.rule];
    std::string s = rule.info.id + " " + text.substr(c.span.begin, c.span.size());
    if (!rule.info.gazetteer) rules.impl().matcher.Captures(text, c, &captures);
    for (size_t g = 0; !rule.info.gazetteer && g < rule.group_names.size(); ++g) {
      const Span& capture = captures[g];
      s += " " + rule.group_names[g] + "=" +
           (capture == kNoCapture ? std::string("-") : text.substr(capture.begin, capture.size()));
    }
    out.push_back(s);
  }
  return out;
}

const char* kPack = R"([pack]
name = "m"
version = "1"

[[rule]]
id = "m.money"
type = "MONEY"
pattern = '\$(?P<amount>\d+)(?: (?P<scale>million|billion))?'

[[rule]]
id = "m.number"
type = "CARDINAL"
pattern = '\b(?P<amount>\d+)\b'

[[rule]]
id = "m.shortmoney"
type = "MONEY"
pattern = '\$\d'

[[rule]]
id = "m.company"
type = "ORG"
gazetteer = "names.tsv"
)";

TEST_CASE("matcher: one scan finds every rule's candidates with their captures") {
  auto rules = testing::RulesFrom({{"m.toml", kPack}, {"names.tsv", "name\nAcme\n"}});
  CHECK(Scan(*rules, "Acme paid $5 million and 12 more.") ==
        Strings{"m.company Acme", "m.money $5 million amount=5 scale=million", "m.shortmoney $5",
                "m.number 12 amount=12"});
  // Named groups repeat across rules without clashing; an absent group is "-".
  CHECK(Scan(*rules, "$7") == Strings{"m.money $7 amount=7 scale=-", "m.shortmoney $7"});
}

TEST_CASE("matcher: leftmost-longest: a match hides regex candidates starting inside it") {
  auto rules = testing::RulesFrom({{"m.toml", kPack}, {"names.tsv", "name\nAcme\n"}});
  // "5" inside "$5 million" is not a separate number candidate.
  CHECK(Scan(*rules, "$5 million") ==
        Strings{"m.money $5 million amount=5 scale=million", "m.shortmoney $5"});
}

// The candidates of a second scan of `text` that leaves out the first
// candidate of rule `refused_rule`, as "rule text".
Strings ScanRefusing(const RuleSet& rules, const std::string& text, std::string_view refused_rule) {
  const Matcher& matcher = rules.impl().matcher;
  const std::vector<Token> tokens = testing::Tokens(text);
  std::vector<Candidate> first, again;
  matcher.Scan(text, tokens, &first);
  const auto refused = std::find_if(first.begin(), first.end(), [&](const Candidate& c) {
    return rules.impl().rules[c.rule].info.id == refused_rule;
  });
  REQUIRE(refused != first.end());
  matcher.Scan(text, tokens, &again, std::span(refused, 1));
  Strings found;
  for (const Candidate& c : again) {
    found.push_back(rules.impl().rules[c.rule].info.id + " " + text.substr(c.span.begin, c.span.size()));
  }
  return found;
}

TEST_CASE("matcher: a refused candidate is left out and hides only its own rule's matches inside it") {
  auto rules = testing::RulesFrom({{"r.toml", R"([pack]
name = "r"
version = "1"
[[rule]]
id = "r.pair"
type = "CARDINAL"
pattern = '\d and \d'
[[rule]]
id = "r.number"
type = "CARDINAL"
pattern = '\b\d\b'
[[rule]]
id = "r.range"
type = "CARDINAL"
pattern = '\d{2}(?:(?: to |/)\d+)?'
[[rule]]
id = "r.date"
type = "DATE"
pattern = '\d+/\d+/\d{4}'
[[rule]]
id = "r.slashes"
type = "CARDINAL"
pattern = '\d+/\d+/\d+'
)"}});
  // "2" was hidden by "1 and 2"; "2 and 3" starts inside it and is its own rule's.
  CHECK(ScanRefusing(*rules, "1 and 2 and 3", "r.pair") == Strings{"r.number 1", "r.number 2", "r.number 3"});
  // But for a match that starts a word and ends where the refused one ends:
  // the top of a range read the wrong way. "7" in "24/7" begins no word.
  CHECK(ScanRefusing(*rules, "95 to 50", "r.range") == Strings{"r.range 50"});
  CHECK(ScanRefusing(*rules, "24/77", "r.range").empty());
  // Another rule's match of the same span at the start of the text stays
  // (its check once read the byte before the text: "2/29/2019" crashed).
  CHECK(ScanRefusing(*rules, "2/29/2019", "r.date") == Strings{"r.number 2", "r.slashes 2/29/2019"});
}

TEST_CASE("matcher: word boundaries see the text around a match") {
  auto rules = testing::RulesFrom({{"m.toml", kPack}, {"names.tsv", "name\nAcme\n"}});
  CHECK(Scan(*rules, "x12 12x 12") == Strings{"m.number 12 amount=12"});
}

TEST_CASE("matcher: matches start at token starts, never inside a word") {
  const char* pack = R"([pack]
name = "w"
version = "1"

[[rule]]
id = "w.over"
type = "CARDINAL"
pattern = 'over \d+'
)";
  auto rules = testing::RulesFrom({{"w.toml", pack}});
  CHECK(Scan(*rules, "turnover 12, over 13") == Strings{"w.over over 13"});
  // A symbol is a token of its own, so a match may start at "$" after "US".
  auto money = testing::RulesFrom({{"m.toml", kPack}, {"names.tsv", "name\nAcme\n"}});
  CHECK(Scan(*money, "US$5") == Strings{"m.money $5 amount=5 scale=-", "m.shortmoney $5"});
}

TEST_CASE("matcher: repeated spans give the same extents and captures, in any matcher") {
  const char* pack = R"([pack]
name = "d"
version = "1"

[[rule]]
id = "d.bounded"
type = "CARDINAL"
pattern = '(?P<n>\d+)\b'

[[rule]]
id = "d.any"
type = "CARDINAL"
pattern = '(?P<n>\d+)'
)";
  auto rules = testing::RulesFrom({{"d.toml", pack}});
  // The second and third "12" are answered from the memo, which must tell
  // them apart by the byte after them.
  CHECK(Scan(*rules, "12 12x 12") ==
        Strings{"d.bounded 12 n=12", "d.any 12 n=12", "d.any 12 n=12", "d.bounded 12 n=12", "d.any 12 n=12"});
  // Another rule set reading the same text under the same rule ids must not
  // see the first one's memo.
  const char* other = R"([pack]
name = "m"
version = "1"

[[rule]]
id = "m.money"
type = "MONEY"
pattern = '\$(?P<digit>\d)(?P<rest>\d*)(?: million)?'
)";
  auto second = testing::RulesFrom({{"m.toml", other}});
  CHECK(Scan(*second, "$5 million") == Strings{"m.money $5 million digit=5 rest="});
}

TEST_CASE("matcher: lookup_key must name a table entry, reject_key must not") {
  const char* pack = R"([pack]
name = "p"
version = "1"

[[rule]]
id = "p.person"
type = "PERSON"
pattern = '(?P<first>[A-Z][a-z]+) (?P<last>[A-Z][a-z]+)'
lookup = "given.tsv"
lookup_key = "first"
reject = "words.tsv"
reject_key = "last"
)";
  auto rules = testing::RulesFrom(
      {{"p.toml", pack}, {"given.tsv", "name\nSteven\nMark\n"}, {"words.tsv", "name\nSaid\nThe\n"}});
  // "Neither Steven" is dropped (no given name) and hides nothing, so
  // "Steven Geiszler" is found at the next token; "Mark Said" is refused.
  CHECK(Scan(*rules, "Neither Steven Geiszler nor Mark Said") ==
        Strings{"p.person Steven Geiszler first=Steven last=Geiszler"});
  CHECK(testing::LoadError({{"q.toml", kOneRule + "pattern = 'x'\nreject_key = 'a'\n"}}) ==
        "q.toml:4: rule q.x: 'reject_key' needs a 'reject' table");
  CHECK(testing::LoadError({{"q.toml", kOneRule + "pattern = '(?P<a>x)'\nreject = 'w.tsv'\nreject_key = 'b'\n"},
                            {"w.tsv", "name\n"}}) == "q.toml:7: rule q.x: reject_key 'b' names no group of the pattern");
}

TEST_CASE("matcher: a starts_with rule is tried only where a name of its table begins, hiding as in the union") {
  const char* pack = R"([pack]
name = "s"
version = "1"

[[rule]]
id = "s.person"
type = "PERSON"
pattern = '(?P<first>[A-Za-z]+) [A-Z][a-z]+'
starts_with = "given.tsv"

[[rule]]
id = "s.org"
type = "ORG"
pattern = 'Council of [A-Z][a-z]+ [A-Z][a-z]+|[A-Z][a-z]+ Council'
)";
  auto rules = testing::RulesFrom({{"s.toml", pack}, {"given.tsv", "name\tambiguous\nSteven\t\nMark\t\nWill\tWill\n"}});
  // Not at "Neither" or "Geiszler"; names as written ("MARK" is not
  // "Mark"); an ambiguous name of the table begins nothing.
  CHECK(Scan(*rules, "Neither Steven Geiszler nor MARK Bell nor Will Smith nor Mark Bell") ==
        Strings{"s.person Steven Geiszler first=Steven", "s.person Mark Bell first=Mark"});
  // A name inside a union match begins nothing; a starts_with match hides
  // the union's candidates starting inside it ("Bell Council").
  CHECK(Scan(*rules, "the Council of Mark Bell met") == Strings{"s.org Council of Mark Bell"});
  CHECK(Scan(*rules, "Steven Bell Council") == Strings{"s.person Steven Bell first=Steven"});
  CHECK(testing::LoadError({{"q.toml", kOneRule + "pattern = 'a('\nstarts_with = 'w.tsv'\n"}, {"w.tsv", "name\n"}}) ==
        "q.toml:7: rule q.x: missing ): a(");
  CHECK(testing::LoadError({{"q.toml", kOneRule + "pattern = 'a*'\nstarts_with = 'w.tsv'\n"}, {"w.tsv", "name\n"}}) ==
        "q.toml:7: rule q.x: the pattern matches the empty string");
  CHECK(testing::LoadError({{"q.toml", kOneRule + "gazetteer = 'w.tsv'\nstarts_with = 'w.tsv'\n"}, {"w.tsv", "name\n"}}) ==
        "q.toml:4: rule q.x: 'starts_with' applies to regex rules");
}

TEST_CASE("matcher: a contains rule is tried only at tokens up to kContainsReach bytes before a name of its table") {
  const char* pack = R"([pack]
name = "c"
version = "1"

[[rule]]
id = "c.body"
type = "ORG"
pattern = '(?P<first>[A-Z][a-z]+)(?: [A-Z][a-z]+)* (?:Council|Board)|Council of [A-Z][a-z]+'
contains = "heads.tsv"
reject = "words.tsv"
reject_key = "first"

[[rule]]
id = "c.person"
type = "PERSON"
pattern = 'Mark [A-Z][a-z]+'
)";
  auto rules = testing::RulesFrom(
      {{"c.toml", pack}, {"heads.tsv", "name\nCouncil\nBoard\n"}, {"words.tsv", "name\nThe\n"}});
  // Before the name and at it; names as written ("council" is none).
  CHECK(Scan(*rules, "the Harbour Rail Council and the Council of Westmarch met") ==
        Strings{"c.body Harbour Rail Council first=Harbour", "c.body Council of Westmarch first=-"});
  CHECK(Scan(*rules, "the Harbour council met").empty());
  // A rejected match hides nothing: the next token is tried.
  CHECK(Scan(*rules, "The Harbour Board met") == Strings{"c.body Harbour Board first=Harbour"});
  // The union's match at the same token stands beside it, and hides the
  // attempts inside it.
  CHECK(Scan(*rules, "Mark Harbour Board") ==
        Strings{"c.person Mark Harbour", "c.body Mark Harbour Board first=Mark"});
  CHECK(Scan(*rules, "said Mark Tern of the Board") == Strings{"c.person Mark Tern"});
  // Before the name, only a token with a capital, a digit or a non-ASCII
  // letter is tried: a pattern that would start at "the" or "(" is not.
  auto lower_start = testing::RulesFrom({{"c.toml", R"([pack]
name = "c"
version = "1"
[[rule]]
id = "c.the"
type = "ORG"
pattern = '(?:the|\() ?[A-Z][a-z]+ Board'
contains = "heads.tsv"
)"},
                                         {"heads.tsv", "name\nBoard\n"}});
  CHECK(Scan(*lower_start, "in the Harbour Board, (Rail Board)").empty());
  // No match begins further than the reach before the name.
  std::string words;
  for (int i = 0; i < 20; ++i) words += "Abcdefghi ";  // 200 bytes
  // The first token from byte 200 - 64 = 136 on is at 140.
  static_assert(kContainsReach == 64);
  CHECK(Scan(*rules, words + "Council") == Strings{"c.body " + words.substr(140) + "Council first=Abcdefghi"});
  CHECK(testing::LoadError({{"q.toml", kOneRule + "pattern = 'a'\nstarts_with = 'w.tsv'\ncontains = 'w.tsv'\n"},
                            {"w.tsv", "name\n"}}) ==
        "q.toml:4: rule q.x: give at most one of 'starts_with', 'contains' and 'follows'");
  CHECK(testing::LoadError({{"q.toml", kOneRule + "gazetteer = 'w.tsv'\ncontains = 'w.tsv'\n"}, {"w.tsv", "name\n"}}) ==
        "q.toml:4: rule q.x: 'contains' applies to regex rules");
}

TEST_CASE("matcher: a follows rule is tried only at the token after a name of its table, on the same line") {
  const char* pack = R"([pack]
name = "f"
version = "1"

[[rule]]
id = "f.person"
type = "PERSON"
pattern = '(?P<first>[A-Z][a-z]+)(?: [A-Z][a-z]+)?'
follows = "titles.tsv"
ignore_case = true
)";
  auto rules =
      testing::RulesFrom({{"f.toml", pack}, {"titles.tsv", "name\nMinister\nPrime Minister\nSheikh\nMr.\nMr\n"}});
  // After the longest title, in any case; the title is no part of the match.
  CHECK(Scan(*rules, "Prime Minister Narendra Modi said") == Strings{"f.person Narendra Modi first=Narendra"});
  CHECK(Scan(*rules, "the prime minister Narendra Modi") == Strings{"f.person Narendra Modi first=Narendra"});
  CHECK(Scan(*rules, "said Mr. Geiszler") == Strings{"f.person Geiszler first=Geiszler"});
  // Nowhere else: not without a title, not after a line break or a dot
  // the title lacks.
  CHECK(Scan(*rules, "Narendra Modi said").empty());
  CHECK(Scan(*rules, "asked the Minister\nNarendra Modi").empty());
  CHECK(Scan(*rules, "asked the Minister. Modi said").empty());
  // Not at a name of the table itself: after a run of titles, the name.
  CHECK(Scan(*rules, "Oil Minister Sheikh Ali Khalifa") == Strings{"f.person Ali Khalifa first=Ali"});
  CHECK(testing::LoadError({{"q.toml", kOneRule + "pattern = 'a'\ncontains = 'w.tsv'\nfollows = 'w.tsv'\n"},
                            {"w.tsv", "name\n"}}) ==
        "q.toml:4: rule q.x: give at most one of 'starts_with', 'contains' and 'follows'");
  CHECK(testing::LoadError({{"q.toml", kOneRule + "gazetteer = 'w.tsv'\nfollows = 'w.tsv'\n"}, {"w.tsv", "name\n"}}) ==
        "q.toml:4: rule q.x: 'follows' applies to regex rules");
}

TEST_CASE("matcher: a rule with headline = false does not fire in a title-case line") {
  const char* pack = R"([pack]
name = "h"
version = "1"

[[rule]]
id = "h.named"
type = "ORG"
pattern = '(?:[A-Z][a-z]+ )+Council'
headline = false

[[rule]]
id = "h.date"
type = "DATE"
pattern = '\d{4}'
)";
  auto rules = testing::RulesFrom({{"h.toml", pack}});
  CHECK(Scan(*rules, "Farmers Seal Council Deal of 2024\nthe Farmers Council met in 2024.") ==
        Strings{"h.date 2024", "h.named Farmers Council", "h.date 2024"});
  // Four capitalized words at least, twice as many as short lower-case
  // ones; a lower-case word of four letters or more makes a sentence.
  CHECK(Scan(*rules, "Farmers Council Met") == Strings{"h.named Farmers Council"});
  CHECK(Scan(*rules, "Farmers Council Met in the Hall of the Town") == Strings{"h.named Farmers Council"});
  CHECK(Scan(*rules, "Farmers Council Met Traders in the Hall").empty());
  CHECK(Scan(*rules, "Farmers Council Met with Traders").size() == 1);
  CHECK(testing::LoadError({{"q.toml", "[pack]\nname = \"q\"\nversion = \"1\"\n[[rule]]\nid = \"q.x\"\ntype = \"ORG\"\n"
                                       "pattern = 'x'\nheadline = 'no'\n"}}) == "q.toml:8: 'headline' must be true or false");
}

TEST_CASE("matcher: empty text and text without matches give nothing") {
  auto rules = testing::RulesFrom({{"m.toml", kPack}, {"names.tsv", "name\nAcme\n"}});
  CHECK(Scan(*rules, "").empty());
  CHECK(Scan(*rules, "no numbers here").empty());
}

TEST_CASE("matcher: bad regexes are refused with the pattern's file:line") {
  const std::string header = "[pack]\nname = \"m\"\nversion = \"1\"\n[[rule]]\nid = \"m.x\"\ntype = \"ORG\"\n";
  CHECK(testing::LoadError({{"m.toml", header + "pattern = 'a(b'\n"}}) ==
        "m.toml:7: rule m.x: missing ): a(b");
  CHECK(testing::LoadError({{"m.toml", header + "pattern = '(?<=a)b'\n"}}) ==
        "m.toml:7: rule m.x: invalid perl operator: (?<");
  CHECK(testing::LoadError({{"m.toml", header + "pattern = 'a*'\n"}}) ==
        "m.toml:7: rule m.x: the pattern matches the empty string");
  CHECK(testing::LoadError({{"m.toml", header + "pattern = '(?:x{1000}){1000}'\n"}}) ==
        "m.toml:7: rule m.x: invalid repetition size: {1000}");
}

}  // namespace
}  // namespace lede
