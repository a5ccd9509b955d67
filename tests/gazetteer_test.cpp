#include "gazetteer.h"

#include <doctest/doctest.h>

#include "test_util.h"

#include "segmenter.h"

namespace lede {
namespace {

GazetteerTable Table(std::string tsv) {
  GazetteerTable table;
  std::string error;
  REQUIRE_MESSAGE(table.Parse(std::move(tsv), "g.tsv", &error), error);
  return table;
}

std::string ParseError(std::string tsv) {
  GazetteerTable table;
  std::string error;
  CHECK_FALSE(table.Parse(std::move(tsv), "g.tsv", &error));
  return error;
}

// "text@begin rule:row" for every candidate.
std::vector<std::string> Match(const PhraseIndex& index, const std::string& text) {
  std::vector<Candidate> candidates;
  index.Match(text, testing::Tokens(text), &candidates);
  std::vector<std::string> out;
  for (const Candidate& c : candidates) {
    out.push_back(text.substr(c.span.begin, c.span.size()) + "@" + std::to_string(c.span.begin) + " " +
                  std::to_string(c.rule) + ":" + std::to_string(c.payload));
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST_CASE("gazetteer: tables have a header, comments, list cells") {
  GazetteerTable t = Table("# comment\ncode\tname\taliases\r\n\nGB\tUnited Kingdom\tBritain|UK\nDE\tGermany\n");
  CHECK(t.rows() == 2);
  CHECK(t.Column("code") == 0);
  CHECK(t.Column("aliases") == 2);
  CHECK(t.Column("nope") == -1);
  CHECK(t.Cell(0, 2) == "Britain|UK");
  CHECK(t.Cell(1, 2) == "");  // a short row
  CHECK(t.Cell(1, -1) == "");
  CHECK(t.Line(1) == 5);
}

TEST_CASE("gazetteer: broken tables are refused with file:line") {
  CHECK(ParseError("") == "g.tsv:1: empty gazetteer: a header row is required");
  CHECK(ParseError("code\taliases\n") == "g.tsv:1: the header row has no 'name' column");
  CHECK(ParseError("name\tcode\nA\tB\tC\n") == "g.tsv:2: 3 cells, but the header names 2 columns");
}

TEST_CASE("gazetteer: names match whole tokens, longest first, across white space") {
  GazetteerTable t = Table("name\taliases\nSamsung Electronics\tSamsung Electronics Co|Samsung\nUnited States\tU.S.|US\n");
  PhraseIndex index;
  index.Add(7, t, {t.Column("name"), t.Column("aliases")}, NameCase::kAsWritten);
  CHECK(Match(index, "Samsung Electronics Co and Samsung\nElectronics and Samsungs") ==
        Strings{"Samsung Electronics Co@0 7:0", "Samsung\nElectronics@27 7:0"});
  CHECK(Match(index, "the U.S. and the US.") == Strings{"U.S.@4 7:1", "US@17 7:1"});
  CHECK(Match(index, "Samsung's chips") == Strings{"Samsung@0 7:0"});
  CHECK(Match(index, "USA and us") == Strings{});
}

TEST_CASE("gazetteer: ignore_case folds ASCII case; several rules match at one place") {
  GazetteerTable t = Table("name\nNokia\n");
  PhraseIndex index;
  index.Add(1, t, {0}, NameCase::kAsWritten);
  index.Add(2, t, {0}, NameCase::kAnyCase);
  CHECK(Match(index, "NOKIA and Nokia") == Strings{"NOKIA@0 2:0", "Nokia@10 1:0", "Nokia@10 2:0"});
}

TEST_CASE("gazetteer: 'capitals' matches names as written or all in capitals, not in lower case") {
  GazetteerTable t = Table("name\nAbu Dhabi\nNokia\n");
  PhraseIndex index;
  index.Add(3, t, {0}, NameCase::kAsWrittenOrCapitals);
  CHECK(Match(index, "ABU DHABI, Abu Dhabi, abu dhabi, NOKIA, NoKia") ==
        Strings{"ABU DHABI@0 3:0", "Abu Dhabi@11 3:0", "NOKIA@33 3:1"});
}

TEST_CASE("gazetteer: names listed as ambiguous match only through their own column") {
  const GazetteerTable table = Table("code\tname\taliases\tambiguous\nTR\tTurkey\tTurkiye\tTurkey\nGB\tBritain\tUK\t\n");
  PhraseIndex plain;
  plain.Add(0, table, {table.Column("name"), table.Column("aliases")}, NameCase::kAsWritten);
  CHECK(Match(plain, "Turkey and Turkiye and Britain") == Strings{"Turkiye@11 0:0", "Britain@23 0:1"});
  PhraseIndex with_context;
  with_context.Add(1, table, {table.Column("ambiguous")}, NameCase::kAsWritten);
  CHECK(Match(with_context, "Turkey and Turkiye") == Strings{"Turkey@0 1:0"});
  GazetteerTable lookup = Table("name\tambiguous\nWill\tWill\nSteven\t\n");
  lookup.IndexNames({lookup.Column("name")});
  CHECK(lookup.FindName("Steven") == 1);
  CHECK(lookup.FindName("Will") == -1);
}

TEST_CASE("gazetteer: names are found in any case, forms only on request") {
  GazetteerTable table = Table("code\tname\taliases\nEUR\teuro\t\nHKD\tHong Kong dollar\tHK$\nX\twell\t\n");
  table.IndexNames({table.Column("name"), table.Column("aliases")});
  CHECK(table.FindName("EURO") == 0);
  CHECK(table.FindName("euros") == -1);
  CHECK(table.FindNameOrForm("euros") == 0);
  CHECK(table.FindNameOrForm("HK $") == 1);
  CHECK(table.FindName("Wells") == -1);
  CHECK(table.FindNameOrForm("Wells") == 2);
}

}  // namespace
}  // namespace lede
