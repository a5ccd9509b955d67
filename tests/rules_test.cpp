#include "lede/rules.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "rules_impl.h"
#include "test_util.h"

namespace lede {
namespace {

using testing::TempDir;

const char* kPack = R"([pack]
name = "t"
version = "2.0"
description = "test pack"

[[rule]]
id = "t.number"
type = "CARDINAL"
pattern = '\b\d+\b'
examples = ["[42] apples", "about [7]"]
counter_examples = ["no digits", "5G"]

[[rule]]
id = "t.fiveg"
type = "NONE"
pattern = '\b\dG\b'
priority = 50
examples = ["[5G] networks"]
)";

TEST_CASE("rules: the built-in packs load, self-test and list their types") {
  auto rules = testing::BuiltinRules();
  CHECK(rules->packs().size() >= 4);
  for (const PackInfo& pack : rules->packs()) {
    CAPTURE(pack.name);
    CHECK(pack.origin == "patterns/en/" + pack.name + ".toml");
    CHECK_FALSE(pack.version.empty());
    CHECK_FALSE(pack.rules.empty());
  }
  std::vector<ExampleFailure> failures;
  size_t checked = 0;
  REQUIRE(TestRuleExamples(rules, "", &failures, &checked).ok());
  for (const ExampleFailure& f : failures) FAIL_CHECK(f.origin << " " << f.text << ": " << f.reason);
  CHECK(checked > 10);
}

TEST_CASE("rules: examples and counter-examples that fail are reported with their line") {
  std::string broken = std::string(kPack) + R"(
[[rule]]
id = "t.word"
type = "ORG"
pattern = 'Acme'
examples = ["[Acme] Corp", "no match here", { text = "[Acme]", value = "1" }]
counter_examples = ["Acme again"]
)";
  auto rules = testing::RulesFrom({{"t.toml", broken}});
  std::vector<ExampleFailure> failures;
  size_t checked = 0;
  REQUIRE(TestRuleExamples(rules, "t", &failures, &checked).ok());
  CHECK(checked == 9);
  REQUIRE(failures.size() == 3);
  CHECK(failures[0].origin == "t.toml:24");
  CHECK(failures[0].text == "example: no match here");
  CHECK(failures[0].reason == "expected ORG by t.word, found nothing");
  CHECK(failures[1].reason == "expected ORG by t.word over 'Acme' = 1, found ORG 'Acme' by t.word");
  CHECK(failures[2].text == "counter-example: Acme again");
  CHECK(failures[2].reason == "expected no ORG, found ORG 'Acme' by t.word");
  CHECK(TestRuleExamples(rules, "nope", &failures, &checked).message() == "no rule pack named 'nope'");
}

TEST_CASE("rules: a pack directory adds packs and replaces a built-in one by name") {
  TempDir dir;
  dir.Write("extra/t.toml", kPack);
  dir.Write("numbers.toml", "[pack]\nname = \"numbers\"\nversion = \"9.9\"\n");
  RuleSetOptions options;
  options.pattern_dirs = {dir.Path()};
  std::shared_ptr<const RuleSet> rules;
  REQUIRE(RuleSet::Load(options, &rules).ok());
  std::vector<std::string> names;
  for (const PackInfo& pack : rules->packs()) names.push_back(pack.name + "@" + pack.version);
  CHECK(std::find(names.begin(), names.end(), "numbers@9.9") != names.end());
  CHECK(std::find(names.begin(), names.end(), "t@2.0") != names.end());
  CHECK(std::count_if(names.begin(), names.end(), [](const std::string& n) { return n.starts_with("numbers@"); }) == 1);
  // The replaced pack's rules are gone with it.
  CHECK(testing::Found(rules, "fell 40% and 5G") == std::vector<std::string>{"CARDINAL 40"});
}

TEST_CASE("rules: broken packs are refused as a whole, with file:line") {
  TempDir dir;
  dir.Write("bad.toml", "[pack]\nname = \"bad\"\nversion = \"1\"\n[[rule]]\nid = \"bad.x\"\ntype = \"ORG\"\npattern = '(('\n");
  RuleSetOptions options;
  options.pattern_dirs = {dir.Path()};
  std::shared_ptr<const RuleSet> rules;
  Status status = RuleSet::Load(options, &rules);
  CHECK(status.IsInvalidArgument());
  CHECK(status.message() == dir.Path("bad.toml") + ":7: rule bad.x: missing ): ((");
  CHECK(rules == nullptr);

  options.pattern_dirs = {dir.Path("nope")};
  CHECK(RuleSet::Load(options, &rules).message() == dir.Path("nope") + ": not a directory of rule packs");
}

TEST_CASE("rules: duplicate ids across packs, packs defined twice, missing gazetteers and columns") {
  const std::string a = "[pack]\nname = \"a\"\nversion = \"1\"\n[[rule]]\nid = \"a.x\"\ntype = \"ORG\"\npattern = 'x'\n";
  CHECK(testing::LoadError({{"a.toml", a}, {"b.toml", "[pack]\nname = \"a\"\nversion = \"2\"\n"}}) ==
        "b.toml:1: pack 'a' is already defined in a.toml");
  const std::string gazetteer = "[pack]\nname = \"g\"\nversion = \"1\"\n[[rule]]\nid = \"g.x\"\ntype = \"ORG\"\n";
  CHECK(testing::LoadError({{"g.toml", gazetteer + "gazetteer = 'none.tsv'\n"}}) == "g.toml:7: no gazetteer none.tsv");
  CHECK(testing::LoadError({{"g.toml", gazetteer + "gazetteer = 'n.tsv'\nmatch = ['nick']\n"}, {"n.tsv", "name\nA\n"}}) ==
        "g.toml:7: rule g.x: n.tsv has no column 'nick'");
  CHECK(testing::LoadError({{"g.toml", gazetteer + "gazetteer = 'n.tsv'\n"}, {"n.tsv", "name\taliases\nA\tB\tC\n"}}) ==
        "n.tsv:2: 3 cells, but the header names 2 columns");
}

TEST_CASE("rules: a macro made of a gazetteer's names, in any case with plurals, or as written") {
  const char* pack = R"([pack]
name = "g"
version = "1"
[define]
TITLE = { gazetteer = "titles.tsv" }
HEAD = { gazetteer = "heads.tsv", as_written = true }
ROLE = { gazetteer = "titles.tsv", columns = ["name"] }
[[rule]]
id = "g.x"
type = "ORG"
pattern = '{TITLE}|{HEAD}|{ROLE}'
)";
  auto rules = testing::RulesFrom(
      {{"g.toml", pack}, {"titles.tsv", "name\taliases\nMr.\t\nchief executive\tCEO\n"}, {"heads.tsv", "name\nS.A\nBank\n"}});
  // Names and aliases by default, longest first; a dot is escaped, a space
  // matches any run of white space; no plural after a symbol.
  CHECK(rules->impl().rules[0].pattern ==
        "(?:(?i:chief\\s+executive(?:e?s)?|CEO(?:e?s)?|Mr\\.))|(?:(?:Bank|S\\.A))|"
        "(?:(?i:chief\\s+executive(?:e?s)?|Mr\\.))");
  const std::string header = "[pack]\nname = \"g\"\nversion = \"1\"\n[define]\n";
  CHECK(testing::LoadError({{"g.toml", header + "H = { gazetteer = 'h.tsv', as_written = 1 }\n"}, {"h.tsv", "name\n"}}) ==
        "g.toml:5: 'as_written' must be true or false");
}

TEST_CASE("rules: patterns over RE2's memory budget are refused with file:line, alone or together") {
  const std::string header = "[pack]\nname = \"big\"\nversion = \"1\"\n";
  auto rule = [](int i, int letters) {
    return fmt::format("[[rule]]\nid = \"big.x{0}\"\ntype = \"ORG\"\npattern = '{0}\\pL{{{1}}}'\n", i, letters);
  };
  CHECK(testing::LoadError({{"big.toml", header + rule(1, 1000)}}) ==
        "big.toml:7: rule big.x1: the pattern exceeds RE2's memory budget (32 MiB)");
  CHECK(testing::LoadError({{"big.toml", header + rule(1, 400) + rule(2, 1000)}}) ==
        "big.toml:11: rule big.x2: the pattern exceeds RE2's memory budget (32 MiB)");
  CHECK(testing::LoadError({{"big.toml", header + rule(1, 400) + rule(2, 400) + rule(3, 400) + rule(4, 400)}}) ==
        "big.toml:4: the rules of pack big together exceed RE2's memory budget (32 MiB)");
}

TEST_CASE("rules: a blocking rule keeps its span free of entities") {
  auto rules = testing::RulesFrom({{"t.toml", kPack}});
  CHECK(testing::Found(rules, "5G and 4G cover 12 cities") == std::vector<std::string>{"CARDINAL 12"});
  CHECK(rules->types() == std::vector<std::string>{"CARDINAL"});
}

}  // namespace
}  // namespace lede
