#include "lede/explain.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace lede {
namespace {

// One candidate per kind of fate: a length win, a priority win, a block, a
// refusal by the normalizer; and a name the Linker finds again on its own.
const char* kPack = R"([pack]
name = "x"
version = "1"
[[rule]]
id = "x.short"
type = "ORG"
pattern = 'Acme'
priority = 10
[[rule]]
id = "x.long"
type = "ORG"
pattern = 'Acme Corp'
priority = 10
[[rule]]
id = "x.number"
type = "CARDINAL"
pattern = '\d+'
normalize = "cardinal"
[[rule]]
id = "x.percent"
type = "PERCENT"
pattern = '(?P<num>\d+)%'
normalize = "percent"
priority = 5
[[rule]]
id = "x.generation"
type = "NONE"
pattern = '\dG'
priority = 50
[[rule]]
id = "x.ordinal"
type = "ORDINAL"
pattern = 'umpteenth'
normalize = "ordinal"
[[rule]]
id = "x.person"
type = "PERSON"
pattern = 'Steven Geiszler'
normalize = "person"
)";

constexpr const char* kText = "Acme Corp rose 5% with 5G, said Steven Geiszler, for the umpteenth time; then Geiszler left.";

RawDocument Input() {
  RawDocument raw;
  raw.id = "t";
  raw.bytes = kText;
  return raw;
}

std::vector<CandidateTrace> Trace(const ExtractOptions& options, Document* doc) {
  std::unique_ptr<Extractor> extractor;
  REQUIRE(Extractor::Create(testing::RulesFrom({{"x.toml", kPack}}), options, &extractor).ok());
  std::vector<CandidateTrace> trace;
  *doc = extractor->Extract(Input(), &trace);
  return trace;
}

// Each candidate as "rule@begin:outcome", with the winner of a defeat.
std::vector<std::string> Fates(const std::vector<CandidateTrace>& trace) {
  const char* outcomes[] = {"kept", "blocking", "beaten", "refused", "filtered"};
  std::vector<std::string> out;
  for (const CandidateTrace& c : trace) {
    std::string s = c.rule + "@" + std::to_string(c.span.begin) + ":" + outcomes[static_cast<int>(c.outcome)];
    if (c.outcome == CandidateTrace::Outcome::kBeaten) s += "<" + trace[c.winner].rule;
    if (!c.entity.empty()) s += "=" + c.entity;
    out.push_back(s);
  }
  return out;
}

TEST_CASE("explain: the trace holds every candidate in text order with its fate") {
  Document doc;
  const std::vector<CandidateTrace> trace = Trace(ExtractOptions{}, &doc);
  CHECK(Fates(trace) == std::vector<std::string>{"x.long@0:kept=E1", "x.short@0:beaten<x.long", "x.percent@15:kept=E2",
                                                 "x.number@15:beaten<x.percent", "x.generation@23:blocking",
                                                 "x.number@23:beaten<x.generation", "x.person@32:kept=E3",
                                                 "x.ordinal@57:refused"});
  CHECK(trace[1].reason == CandidateTrace::Reason::kLength);
  CHECK(trace[3].reason == CandidateTrace::Reason::kPriority);
  CHECK(trace[2].attributes.value == Value::Number("5"));
  CHECK(trace[0].priority == 10);
  CHECK(trace[0].type == "ORG");
  // The Extractor's result is the same with or without a trace.
  std::unique_ptr<Extractor> extractor;
  REQUIRE(Extractor::Create(testing::RulesFrom({{"x.toml", kPack}}), ExtractOptions{}, &extractor).ok());
  CHECK(testing::Found(extractor->Extract(Input())) == testing::Found(doc));
}

TEST_CASE("explain: a type filter marks what it leaves out") {
  ExtractOptions options;
  options.types = {"ORG"};
  Document doc;
  const std::vector<std::string> fates = Fates(Trace(options, &doc));
  CHECK(fates[2] == "x.percent@15:filtered");
  CHECK(fates[6] == "x.person@32:filtered");
}

TEST_CASE("explain: the report, plain") {
  Document doc;
  const std::vector<CandidateTrace> trace = Trace(ExtractOptions{}, &doc);
  CHECK(FormatExplanation(doc, trace, ExplainOptions{}) ==
        "==> t <==\n"
        "0-9 \"Acme Corp\" ORG x.long priority 10\n"
        "  kept: E1 {}\n"
        "0-4 \"Acme\" ORG x.short priority 10\n"
        "  beaten by ORG x.long 0-9 \"Acme Corp\": longer\n"
        "15-17 \"5%\" PERCENT x.percent priority 5\n"
        "  kept: E2 {\"value\":5}\n"
        "15-16 \"5\" CARDINAL x.number priority 0\n"
        "  beaten by PERCENT x.percent 15-17 \"5%\": higher priority (5 > 0)\n"
        "23-25 \"5G\" NONE x.generation priority 50\n"
        "  blocking: holds its place and yields nothing\n"
        "23-24 \"5\" CARDINAL x.number priority 0\n"
        "  blocked by NONE x.generation 23-25 \"5G\": higher priority (50 > 0)\n"
        "32-47 \"Steven Geiszler\" PERSON x.person priority 0\n"
        "  kept: E3 {\"canonical\":\"Steven Geiszler\"}\n"
        "57-66 \"umpteenth\" ORDINAL x.ordinal priority 0\n"
        "  refused: its normalizer found no value in it\n"
        "78-86 \"Geiszler\" PERSON link.short_form\n"
        "  linked: E3 {\"canonical\":\"Steven Geiszler\"}\n"
        "8 candidates: 3 kept, 3 beaten, 1 blocking, 1 refused; 1 from the linker; no document date\n");
}

TEST_CASE("explain: the report in color, offsets in other units, and for an error") {
  Document doc;
  doc.id = "d";
  doc.text = "\xC3\xA9 Acme";
  doc.dct = "2022-11-28";
  doc.dct_source = "option";
  doc.entities.push_back(Entity{"E1", "ORG", Attributes{}, {Mention{Span{3, 7}, 0, "x.short"}}});
  CandidateTrace kept;
  kept.span = Span{3, 7};
  kept.rule = "x.short";
  kept.type = "ORG";
  kept.entity = "E1";
  CHECK(FormatExplanation(doc, {kept}, ExplainOptions{true, OffsetUnit::kBytes}) ==
        "\x1b[1m==> d <==\x1b[0m\n"
        "\x1b[2m3-7\x1b[0m \x1b[1;34m\"Acme\"\x1b[0m \x1b[1;34mORG\x1b[0m x.short \x1b[2mpriority 0\x1b[0m\n"
        "  \x1b[32mkept\x1b[0m: E1 {}\n"
        "1 candidates: 1 kept, 0 beaten, 0 blocking, 0 refused; 0 from the linker; document date 2022-11-28 (option)\n");
  CHECK(FormatExplanation(doc, {kept}, ExplainOptions{false, OffsetUnit::kCodePoints}).find("\n2-6 \"Acme\"") !=
        std::string::npos);
  Document error;
  error.id = "gone";
  error.error = "cannot open";
  CHECK(FormatExplanation(error, {}, ExplainOptions{}) == "==> gone <==\nerror: cannot open\n");
}

}  // namespace
}  // namespace lede
