#include "lede/extractor.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <thread>

#include "lede/source.h"
#include "lede/writer.h"
#include "test_util.h"

namespace lede {
namespace {

using Strings = std::vector<std::string>;

TEST_CASE("extractor: the seed-style sentence through every stage with the built-in packs") {
  Document doc = testing::Extract(testing::BuiltinRules(),
                                  "China's Huawei and Nokia renewed a licence. Britain will remove Huawei's "
                                  "equipment by 2027, and revenue fell 40% in Germany.",
                                  "2022-11-28");
  CHECK(testing::Found(doc) == Strings{"GPE China", "ORG Huawei", "ORG Nokia", "GPE Britain", "ORG Huawei",
                                       "DATE 2027=2027", "PERCENT 40%=40", "GPE Germany"});
  CHECK(doc.dct == "2022-11-28");
  CHECK(doc.dct_source == "input");
  CHECK(doc.sentences.size() == 2);
  CHECK(doc.error.empty());
  CHECK(doc.warnings.empty());
}

TEST_CASE("extractor: the dct option overrides the input's; a bad input date is a warning") {
  auto rules = testing::BuiltinRules();
  ExtractOptions options;
  options.dct = "2020-01-31";
  Document doc = testing::Extract(rules, "x", "2022-11-28", options);
  CHECK(doc.dct == "2020-01-31");
  CHECK(doc.dct_source == "option");

  doc = testing::Extract(rules, "x", "yesterday");
  CHECK(doc.dct.empty());
  REQUIRE(doc.warnings.size() == 1);
  CHECK(doc.warnings[0].code == "bad-dct");
  CHECK(doc.warnings[0].message == "ignored document date 'yesterday': expected YYYY-MM-DD");

  doc = testing::Extract(rules, "x", "2022-11-28T08:00:00Z");
  CHECK(doc.dct == "2022-11-28");
}

TEST_CASE("extractor: bad options are refused at creation") {
  std::unique_ptr<Extractor> extractor;
  ExtractOptions bad_date;
  bad_date.dct = "28/11/2022";
  CHECK(Extractor::Create(testing::BuiltinRules(), bad_date, &extractor).message() ==
        "invalid document date '28/11/2022': expected YYYY-MM-DD");
  ExtractOptions bad_type;
  bad_type.types = {"ORG", "COMPANY"};
  Status status = Extractor::Create(testing::BuiltinRules(), bad_type, &extractor);
  CHECK(status.IsInvalidArgument());
  CHECK(status.message() == "unknown entity type 'COMPANY'; the rules produce CARDINAL, DATE, GPE, LOC, MONEY, NORP, ORDINAL, ORG, PERCENT, PERSON, QUANTITY, TIME");
}

TEST_CASE("extractor: a type filter keeps only those types") {
  ExtractOptions options;
  options.types = {"GPE", "PERCENT"};
  Document doc = testing::Extract(testing::BuiltinRules(), "Nokia in Germany rose 5% in 2021.", "", options);
  CHECK(testing::Found(doc) == Strings{"GPE Germany", "PERCENT 5%=5"});
  CHECK(doc.entities[0].id == "E1");
}

TEST_CASE("extractor: a winner its normalizer refuses leaves its place to the candidates it beat or hid") {
  auto rules = testing::RulesFrom({{"x.toml", R"([pack]
name = "x"
version = "1"
[[rule]]
id = "x.pair"
type = "CARDINAL"
pattern = '\d hundred and \d hundred'
normalize = "cardinal"
priority = 13
[[rule]]
id = "x.hundreds"
type = "CARDINAL"
pattern = '\d hundred'
normalize = "cardinal"
)"}});
  // "3 hundred" lost to it, "2 hundred" started inside it.
  CHECK(testing::Found(testing::Extract(rules, "3 hundred and 2 hundred")) ==
        Strings{"CARDINAL 3 hundred=300", "CARDINAL 2 hundred=200"});
  // The built-in packs: "fiscal 1987 ending September 31" names no day; the
  // month stays a date, the 31 a number.
  CHECK(testing::Found(testing::Extract(testing::BuiltinRules(), "Results for the year ending September 31 will be out.",
                                        "1987-03-01")) == Strings{"DATE September=1987-09", "CARDINAL 31=31"});
}

TEST_CASE("extractor: a read error passes through as the document's error") {
  std::unique_ptr<Extractor> extractor;
  REQUIRE(Extractor::Create(testing::BuiltinRules(), ExtractOptions{}, &extractor).ok());
  RawDocument raw;
  raw.id = "gone.txt";
  raw.error = "cannot open: No such file or directory";
  Document doc = extractor->Extract(raw);
  CHECK(doc.id == "gone.txt");
  CHECK(doc.error == raw.error);
  CHECK(doc.entities.empty());
}

TEST_CASE("extractor: empty and blank documents yield empty records") {
  Document doc = testing::Extract(testing::BuiltinRules(), "");
  CHECK(doc.entities.empty());
  CHECK(doc.sentences.empty());
  doc = testing::Extract(testing::BuiltinRules(), "\n\n   \n");
  CHECK(doc.entities.empty());
  CHECK(doc.tokens.empty());
}

TEST_CASE("extractor: one extractor serves many documents without carrying state over") {
  std::unique_ptr<Extractor> extractor;
  REQUIRE(Extractor::Create(testing::BuiltinRules(), ExtractOptions{}, &extractor).ok());
  RawDocument first, second;
  first.id = "1";
  first.bytes = "Nokia rose 5%.";
  second.id = "2";
  second.bytes = "Germany.";
  CHECK(testing::Found(extractor->Extract(first)) == Strings{"ORG Nokia", "PERCENT 5%=5"});
  CHECK(testing::Found(extractor->Extract(second)) == Strings{"GPE Germany"});
}

TEST_CASE("extractor: agreements with the built-in packs") {
  auto rules = testing::BuiltinRules();
  auto kinds = [&](const std::string& text) {
    Strings out;
    for (const Agreement& a : testing::Extract(rules, text, "2022-11-28").agreements) {
      out.push_back(a.kind + " " + a.status + " " + std::to_string(a.parties.size()));
    }
    return out;
  };
  CHECK(kinds("Huawei and Nokia announced a patent licensing agreement, extending a five-year-old technology "
              "sharing agreement.") == Strings{"patent_license reached 2", "technology_license extended 2"});
  CHECK(kinds("Huawei has signed more than 20 patent licensing agreements this year.") ==
        Strings{"patent_license signed 1"});
  // Cue words end at word boundaries: "significant" holds no "sign".
  CHECK(kinds("The deal made significant progress.").empty());
  CHECK(kinds("There was a great deal of interest, and the ministry will deal with the problem.").empty());
}

// The state RunBatch shares between its workers (the rules with their lazily
// compiled regexes, one Writer) under plain threads: ThreadSanitizer (the tsan
// preset runs this suite) cannot see oneTBB's own synchronization, since
// Debian's libtbb is not instrumented.
TEST_CASE("extractor: threads sharing the rules and a writer make what one thread makes" *
          doctest::test_suite("threads")) {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(LEDE_GOLDEN_DIR)) {
    if (entry.path().extension() == ".jsonl") paths.push_back(entry.path().string());
  }
  std::vector<RawDocument> inputs;
  Source source(paths, SourceOptions{});
  for (RawDocument doc; source.Next(&doc);) inputs.push_back(doc);
  REQUIRE(inputs.size() > 50);

  std::shared_ptr<const RuleSet> rules;  // fresh, so that the threads compile its regexes
  REQUIRE(RuleSet::Load(RuleSetOptions{}, &rules).ok());
  const Writer writer(WriterOptions{});
  auto run = [&](std::vector<std::string>* records) {
    std::unique_ptr<Extractor> extractor;
    if (!Extractor::Create(rules, ExtractOptions{}, &extractor).ok()) return;  // no records: the test fails
    for (const RawDocument& raw : inputs) records->push_back(writer.Format(extractor->Extract(raw)));
  };
  std::vector<std::vector<std::string>> records(4);
  std::vector<std::thread> threads;
  for (auto& out : records) threads.emplace_back(run, &out);
  for (std::thread& thread : threads) thread.join();
  std::vector<std::string> alone;
  run(&alone);
  for (const auto& out : records) CHECK(out == alone);
}

}  // namespace
}  // namespace lede
