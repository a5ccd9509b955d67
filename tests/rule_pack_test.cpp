#include "rule_pack.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace lede {
namespace {

std::string ParseError(std::string_view toml) {
  PackSpec pack;
  std::string error;
  CHECK_FALSE(ParsePack(toml, "p.toml", nullptr, &pack, &error));
  return error;
}

constexpr std::string_view kHeader = "[pack]\nname = \"p\"\nversion = \"1.0\"\n";

std::string WithHeader(std::string_view body) { return std::string(kHeader) + std::string(body); }

TEST_CASE("rule pack: a complete pack parses with macros expanded") {
  const std::string toml = WithHeader(R"(language = "en"
description = "Percentages"

[define]
DIGITS = '\d+'
NUM = '{DIGITS}(?:\.{DIGITS})?'

[[rule]]
id = "p.numeric"
type = "PERCENT"
subtype = "plain"
pattern = '(?P<num>{NUM})\s?%\p{L}?\x{C0}?\d{1,3}'
normalize = "percent"
priority = 10
examples = ["fell [40%] in", { text = "up 3%", value = "3", dct = "2022-01-01" }]
counter_examples = ["version 40"]

[[rule]]
id = "p.names"
type = "ORG"
gazetteer = "g/names.tsv"
match = ["name"]
ignore_case = true
capitals = true
)");
  PackSpec pack;
  std::string error;
  REQUIRE_MESSAGE(ParsePack(toml, "p.toml", nullptr, &pack, &error), error);
  CHECK(pack.info.name == "p");
  CHECK(pack.info.version == "1.0");
  CHECK(pack.info.language == "en");
  CHECK(pack.info.description == "Percentages");
  REQUIRE(pack.rules.size() == 2);
  const RuleSpec& numeric = pack.rules[0];
  CHECK(numeric.info.id == "p.numeric");
  CHECK(numeric.info.type == "PERCENT");
  CHECK(numeric.info.subtype == "plain");
  CHECK(numeric.info.priority == 10);
  CHECK(numeric.info.origin == "p.toml:11");
  CHECK(numeric.pattern == R"((?P<num>(?:(?:\d+)(?:\.(?:\d+))?))\s?%\p{L}?\x{C0}?\d{1,3})");
  CHECK(numeric.pattern_line == 15);
  REQUIRE(numeric.examples.size() == 2);
  CHECK(numeric.examples[0].text == "fell [40%] in");
  CHECK(numeric.examples[1].value == "3");
  CHECK(numeric.examples[1].dct == "2022-01-01");
  CHECK(numeric.counter_examples.size() == 1);
  CHECK(pack.info.rules[0].examples == 2);
  const RuleSpec& names = pack.rules[1];
  CHECK(names.info.gazetteer);
  CHECK(names.gazetteer == "g/names.tsv");
  CHECK(names.match_columns == std::vector<std::string>{"name"});
  CHECK(names.ignore_case);
  CHECK(names.capitals);
}

TEST_CASE("rule pack: every mistake is refused with file:line") {
  CHECK(ParseError("[pack\nname = 1") == "p.toml:1: Error while parsing table header: expected ']', saw '\\n'");
  CHECK(ParseError("x = 1\n") == "p.toml:1: unknown key 'x' in the pack file");
  CHECK(ParseError("[define]\n") == "p.toml:1: missing [pack] table");
  CHECK(ParseError("[pack]\nname = \"p\"\n") == "p.toml:1: missing required key 'version'");
  CHECK(ParseError("[pack]\nname = \"P q\"\nversion = \"1\"\n") == "p.toml:1: pack name 'P q' must be in [a-z0-9_]");
  CHECK(ParseError(WithHeader("colour = 1\n")) == "p.toml:4: unknown key 'colour' in [pack]");
  CHECK(ParseError(WithHeader("[[rule]]\nid = \"q.x\"\ntype = \"ORG\"\npattern = 'x'\n")) ==
        "p.toml:4: rule id 'q.x' must be 'p.<name>' with <name> in [a-z0-9_]");
  CHECK(ParseError(WithHeader("[[rule]]\nid = \"p.x\"\ntype = \"org\"\npattern = 'x'\n")) ==
        "p.toml:4: rule p.x: type 'org' must be upper case, like ORG");
  CHECK(ParseError(WithHeader("[[rule]]\nid = \"p.x\"\ntype = \"ORG\"\npatern = 'x'\n")) ==
        "p.toml:7: unknown key 'patern' in [[rule]]");
  CHECK(ParseError(WithHeader("[[rule]]\nid = \"p.x\"\ntype = \"ORG\"\n")) ==
        "p.toml:4: rule p.x: give exactly one of 'pattern' and 'gazetteer'");
  CHECK(ParseError(WithHeader("[[rule]]\nid = \"p.x\"\ntype = \"ORG\"\npattern = 'x'\nnormalize = \"nope\"\n")) ==
        "p.toml:8: rule p.x: unknown normalizer 'nope'");
  CHECK(ParseError(WithHeader("[[rule]]\nid = \"p.x\"\ntype = \"ORG\"\npattern = '{NOPE}'\n")) ==
        "p.toml:7: rule p.x: unknown macro {NOPE}");
  // "\xE2\x80\x99" is U+00E2 U+0080 U+0099 to RE2, not the apostrophe; "\xE9" is é.
  CHECK(ParseError(WithHeader("[[rule]]\nid = \"p.x\"\ntype = \"DATE\"\npattern = 'Year\\xE2\\x80\\x99s Day'\n")) ==
        "p.toml:7: rule p.x: '\\xE2\\x80\\x99' spells UTF-8 bytes, but RE2 reads each \\xHH as a code point: write "
        "\\x{...}");
  PackSpec latin;
  std::string error;
  CHECK(ParsePack(WithHeader("[[rule]]\nid = \"p.x\"\ntype = \"ORG\"\npattern = 'Nestl\\xE9'\n"), "p.toml", nullptr,
                  &latin, &error));
  CHECK(ParseError(WithHeader("[[rule]]\nid = \"p.x\"\ntype = \"ORG\"\npattern = 'x'\n"
                              "[[rule]]\nid = \"p.x\"\ntype = \"ORG\"\npattern = 'y'\n")) ==
        "p.toml:8: duplicate rule id 'p.x'");
  CHECK(ParseError(WithHeader("[[rule]]\nid = \"p.x\"\ntype = \"ORG\"\npattern = 'x'\npriority = \"high\"\n")) ==
        "p.toml:8: 'priority' must be an integer");
  CHECK(ParseError(WithHeader("[[rule]]\nid = \"p.x\"\ntype = \"ORG\"\npattern = 'x'\nexamples = [1]\n")) ==
        "p.toml:8: an example is a string or a table {text, value, dct}");
  CHECK(ParseError(WithHeader("[[rule]]\nid = \"p.x\"\ntype = \"ORG\"\npattern = 'x'\ncapitals = true\n")) ==
        "p.toml:4: rule p.x: 'match' and 'capitals' apply to gazetteer rules");
  CHECK(ParseError(WithHeader("[[rule]]\nid = \"p.x\"\ntype = \"ORG\"\npattern = 'x'\nignore_case = true\n")) ==
        "p.toml:4: rule p.x: 'ignore_case' applies to gazetteer rules and to the names of 'starts_with', 'contains' and "
        "'follows'");
  CHECK(ParseError(WithHeader("[[rule]]\nid = \"p.x\"\ntype = \"ORG\"\npattern = 'x'\ncontains = 'h.tsv'\n"
                              "ignore_case = 1\n")) == "p.toml:9: 'ignore_case' must be true or false");
}

TEST_CASE("rule pack: macro cycles are refused, even in unused macros") {
  CHECK(ParseError(WithHeader("[define]\nA = '{B}'\nB = 'x{A}'\n")) == "p.toml:5: macro {A} refers to itself");
  CHECK(ParseError(WithHeader("[define]\nA = '{A}'\n")) == "p.toml:5: macro {A} refers to itself");
}

TEST_CASE("rule pack: a macro may be used twice in one pattern") {
  PackSpec pack;
  std::string error;
  REQUIRE(ParsePack(WithHeader("[define]\nD = '\\d'\n[[rule]]\nid = \"p.x\"\ntype = \"CARDINAL\"\npattern = '{D}-{D}'\n"),
                    "p.toml", nullptr, &pack, &error));
  CHECK(pack.rules[0].pattern == R"((?:\d)-(?:\d))");
}

TEST_CASE("rule pack: example spans in brackets") {
  std::string plain;
  uint32_t begin = 0, end = 0;
  CHECK(SplitExampleSpan("fell [40%] in", &plain, &begin, &end));
  CHECK(plain == "fell 40% in");
  CHECK(begin == 5);
  CHECK(end == 8);
  CHECK_FALSE(SplitExampleSpan("no span", &plain, &begin, &end));
  CHECK(plain == "no span");
  CHECK_FALSE(SplitExampleSpan("open [only", &plain, &begin, &end));
  CHECK(plain == "open [only");
}

}  // namespace
}  // namespace lede
