#include "lede/eval.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace lede {
namespace {

const char* kPack = R"([pack]
name = "e"
version = "1"
[[rule]]
id = "e.year"
type = "DATE"
pattern = '\b(?P<year>\d{4})\b'
normalize = "date"
[[rule]]
id = "e.unit"
type = "QUANTITY"
pattern = '\byears\b'
[[rule]]
id = "e.percent"
type = "PERCENT"
pattern = '(?P<num>\d+)%'
normalize = "percent"
)";

TEST_CASE("eval: strict, relaxed and value scores per type, gold types mapped") {
  testing::TempDir dir;
  // Code point offsets: "é" before the first entity shifts bytes, not code points.
  const std::string gold = dir.Write("gold.jsonl",
      R"({"id":"a","text":"é in 2021 and 2022, up 5%","dct":"2022-11-28","source":"s1","entities":[)"
      R"({"start":5,"end":9,"type":"DATE","text":"2021","value":"2021"},)"
      R"({"start":14,"end":18,"type":"DATE","text":"2022","value":"2023"},)"
      R"({"start":23,"end":25,"type":"PERCENT","text":"5%","value":"5%"}]})" "\n"
      R"({"id":"b","text":"since 1999 for two years","dct":null,"source":"s2","entities":[)"
      R"({"start":0,"end":10,"type":"DATE","text":"since 1999","value":null},)"
      R"({"start":15,"end":24,"type":"DURATION","text":"two years","value":"P2Y"}]})" "\n");
  EvalOptions options;
  options.gold_path = gold;
  options.type_map = {{"DURATION", "DATE"}};
  options.details = true;
  EvalReport report;
  REQUIRE(Evaluate(testing::RulesFrom({{"e.toml", kPack}}), options, &report).ok());
  CHECK(report.documents == 2);
  REQUIRE(report.types.size() == 3);
  const TypeScore& date = report.types[0];
  CHECK(date.type == "DATE");
  CHECK(date.gold == 4);
  CHECK(date.predicted == 3);
  CHECK(date.strict == 2);
  CHECK(date.relaxed == 3);
  CHECK(date.valued == 2);
  CHECK(date.value_ok == 1);
  CHECK(date.StrictPrecision() == doctest::Approx(2.0 / 3));
  CHECK(date.RelaxedRecall() == doctest::Approx(0.75));
  CHECK(date.RelaxedF1() == doctest::Approx(2 * 1.0 * 0.75 / 1.75));
  const TypeScore& percent = report.types[1];
  CHECK(percent.type == "PERCENT");
  CHECK(percent.strict == 1);
  CHECK(percent.value_ok == 1);  // "5%" and 5 are the same number
  // QUANTITY is not annotated in the gold: listed, but not in the total.
  CHECK(report.types[2].type == "QUANTITY");
  CHECK(report.types[2].predicted == 1);
  CHECK(report.total.gold == 5);
  CHECK(report.total.predicted == 4);
  CHECK(report.total.relaxed == 4);
  CHECK(report.details == std::vector<std::string>{
                              "VALUE a DATE [14,18) '2022' gold=2023 lede=2022",
                              "SPAN  b gold DATE [0,10) 'since 1999' lede DATE [6,10) '1999'",
                              "MISS  b DATE [15,24) 'two years' gold=P2Y",
                          });
  CHECK(report.ToJson().starts_with(R"({"documents":2,"types":[{"type":"DATE","gold":4,"predicted":3,"strict":2,)"));

  options.sources = {"s2"};
  options.details = false;
  EvalReport only;
  REQUIRE(Evaluate(testing::RulesFrom({{"e.toml", kPack}}), options, &only).ok());
  CHECK(only.documents == 1);
  CHECK(only.total.gold == 2);
}

TEST_CASE("eval: money values compare currency and amount") {
  testing::TempDir dir;
  const std::string gold = dir.Write("gold.jsonl",
      R"({"id":"m","text":"2021","dct":null,"entities":[{"start":0,"end":4,"type":"DATE","text":"2021","value":"USD 2021|2021"}]})" "\n");
  EvalOptions options;
  options.gold_path = gold;
  EvalReport report;
  REQUIRE(Evaluate(testing::RulesFrom({{"e.toml", kPack}}), options, &report).ok());
  CHECK(report.total.value_ok == 1);  // one of the '|' alternatives matches
}

TEST_CASE("eval: amounts in cents compare with lede's dollars; names by code or canonical name") {
  testing::TempDir dir;
  const std::string gold = dir.Write("gold.jsonl",
      R"({"id":"m","text":"Shares fell 50 cents in Britain.","dct":null,"entities":[)"
      R"({"start":12,"end":20,"type":"MONEY","text":"50 cents","value":"Cent 50"},)"
      R"({"start":24,"end":31,"type":"GPE","text":"Britain","value":"GB"}]})" "\n");
  EvalOptions options;
  options.gold_path = gold;
  EvalReport report;
  REQUIRE(Evaluate(testing::BuiltinRules(), options, &report).ok());
  CHECK(report.total.valued == 2);
  CHECK(report.total.value_ok == 2);
}

TEST_CASE("eval: places from the end compare with lede's place and subtype from_end") {
  testing::TempDir dir;
  const std::string gold = dir.Write("gold.jsonl",
      R"({"id":"o","text":"the penultimate and the antepenultimate round","dct":null,"entities":[)"
      R"({"start":4,"end":15,"type":"ORDINAL","text":"penultimate","value":"end-1"},)"
      R"({"start":24,"end":39,"type":"ORDINAL","text":"antepenultimate","value":"end+0"}]})" "\n");
  EvalOptions options;
  options.gold_path = gold;
  EvalReport report;
  REQUIRE(Evaluate(testing::BuiltinRules(), options, &report).ok());
  CHECK(report.total.valued == 2);
  CHECK(report.total.value_ok == 1);  // the third from the end is not the last
}

TEST_CASE("eval: agreements score kind, status and parties") {
  testing::TempDir dir;
  const std::string gold = dir.Write("gold.jsonl",
      R"({"id":"a","text":"Huawei and Nokia signed a patent licensing agreement.","dct":"2022-11-28","agreements":[)"
      R"({"kind":"patent_license","status":"signed","parties":["Nokia","Huawei"]}]})" "\n"
      R"({"id":"b","text":"Huawei and Nokia signed a deal.","dct":"2022-11-28","agreements":[)"
      R"({"kind":"other","status":"reached","parties":["Huawei","Nokia"]}]})" "\n"
      R"({"id":"c","text":"The deal covers phones.","dct":"2022-11-28","agreements":[]})" "\n");
  EvalOptions options;
  options.gold_path = gold;
  options.details = true;
  EvalReport report;
  REQUIRE(Evaluate(testing::BuiltinRules(), options, &report).ok());
  // AGREEMENT first, the one type the gold annotates; the ORG mentions
  // follow, out of the total.
  REQUIRE(report.types.size() == 2);
  CHECK(report.types[0].type == "AGREEMENT");
  CHECK(report.types[1].type == "ORG");
  const TypeScore& s = report.total;
  CHECK(s.gold == 2);
  CHECK(s.predicted == 2);
  CHECK(s.strict == 1);   // a: all the same, the party order aside
  CHECK(s.relaxed == 2);  // b: the same parties, another status
  CHECK(s.value_ok == 1);
  CHECK(report.details == std::vector<std::string>{"VALUE b gold other/reached lede other/signed [Huawei, Nokia] 'deal'"});
}

TEST_CASE("eval: an unreadable or malformed corpus is an error with its line") {
  EvalOptions options;
  options.gold_path = "/nonexistent/gold.jsonl";
  EvalReport report;
  auto rules = testing::RulesFrom({{"e.toml", kPack}});
  CHECK(Evaluate(rules, options, &report).message() == "/nonexistent/gold.jsonl: cannot read the gold corpus");
  testing::TempDir dir;
  options.gold_path = dir.Write("bad.jsonl", "{\"id\":\"a\",\"text\":\"x\",\"entities\":[]}\n{\"id\":\"b\"}\n");
  CHECK(Evaluate(rules, options, &report).message() == options.gold_path + ":2: no string field 'text'");
}

}  // namespace
}  // namespace lede
