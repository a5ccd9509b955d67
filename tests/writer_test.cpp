#include "lede/writer.h"

#include <doctest/doctest.h>
#include <simdjson.h>

#include <algorithm>

#include "test_util.h"

#include "json.h"
#include "offsets.h"

namespace lede {
namespace {

std::string Quote(std::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

TEST_CASE("writer: JSON strings escape quotes, backslashes, controls and line separators") {
  CHECK(Quote("") == "\"\"");
  CHECK(Quote("plain caf\xC3\xA9") == "\"plain caf\xC3\xA9\"");
  CHECK(Quote("a\"b\\c") == R"("a\"b\\c")");
  CHECK(Quote("\n\t\r\b\f") == R"("\n\t\r\u0008\u000c")");
  CHECK(Quote(std::string_view("\0\x1f\x7f", 3)) == R"("\u0000\u001f\u007f")");
  CHECK(Quote("a\xE2\x80\xA8" "b\xE2\x80\xA9") == R"("a\u2028b\u2029")");
  CHECK(Quote("\xE2\x80\x99") == "\"\xE2\x80\x99\"");  // other U+20xx stay as they are
}

TEST_CASE("writer: JSON strings are valid UTF-8 whatever the input, invalid sequences as U+FFFD") {
  CHECK(Quote("a\xFF" "b") == "\"a\xEF\xBF\xBD" "b\"");
  CHECK(Quote("x\xE2\x80") == "\"x\xEF\xBF\xBD\"");  // truncated: one subpart
  // A UTF-16 surrogate encoded in UTF-8 cannot be JSON text.
  CHECK(Quote("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
  CHECK(Quote("\xC0\xAF") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
  CHECK(Quote("\xC2\x85|\xC2\x9B|\xC2\xA0") == "\"\\u0085|\\u009b|\xC2\xA0\"");  // C1 controls, then NBSP
}

TEST_CASE("writer: no byte pair makes a string that is not one line of valid JSON") {
  simdjson::dom::parser parser;
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const char bytes[] = {'[', static_cast<char>(a), static_cast<char>(b), ']'};
      const std::string quoted = Quote(std::string_view(bytes, 4));
      CAPTURE(a);
      CAPTURE(b);
      REQUIRE(simdjson::validate_utf8(quoted.data(), quoted.size()));
      REQUIRE(std::none_of(quoted.begin(), quoted.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }));
      std::string_view parsed;
      REQUIRE(parser.parse(quoted).get_string().get(parsed) == simdjson::SUCCESS);
      REQUIRE(parsed.front() == '[');
      REQUIRE(parsed.back() == ']');
    }
  }
}

TEST_CASE("writer: offsets in code points, UTF-16 units and bytes") {
  // "é" is 2 bytes, 1 code point, 1 unit; "📈" is 4 bytes, 1 code point, 2 units.
  std::string text = "\xC3\xA9\xF0\x9F\x93\x88x";
  text += std::string(200, 'y');
  OffsetMap cp(text, OffsetUnit::kCodePoints), u16(text, OffsetUnit::kUtf16), bytes(text, OffsetUnit::kBytes);
  CHECK(cp.Convert(0) == 0);
  CHECK(cp.Convert(2) == 1);
  CHECK(cp.Convert(6) == 2);
  CHECK(cp.Convert(7) == 3);
  CHECK(u16.Convert(6) == 3);
  CHECK(u16.Convert(7) == 4);
  CHECK(bytes.Convert(7) == 7);
  CHECK(cp.Convert(static_cast<uint32_t>(text.size())) == text.size() - 4);
  CHECK(u16.Convert(static_cast<uint32_t>(text.size())) == text.size() - 3);
  std::string full(128, 'z');  // ends exactly on a block boundary
  CHECK(OffsetMap(full, OffsetUnit::kCodePoints).Convert(128) == 128);
  CHECK(OffsetMap("", OffsetUnit::kUtf16).Convert(0) == 0);
}

Document SampleDocument() {
  Document doc;
  doc.id = "a\"b.txt";
  doc.text = "\xC3\xA9 Nokia rose 40%";
  doc.dct = "2022-11-28";
  doc.dct_source = "option";
  doc.input_bytes = 18;
  doc.sentences.push_back(Sentence{Span{0, 18}, 0, 4});
  Entity org{"E1", "ORG", Attributes{}, {Mention{Span{3, 8}, 0, "orgs.company"}}};
  org.attributes.subtype = "company";
  org.attributes.canonical = "Nokia";
  Entity percent{"E2", "PERCENT", Attributes{}, {Mention{Span{14, 17}, 0, "percent.numeric"}}};
  percent.attributes.value = Value::Number("40");
  doc.entities = {org, percent};
  doc.warnings.push_back(Warning{"bom", "removed"});
  return doc;
}

TEST_CASE("writer: a record has every field in a stable order") {
  WriterOptions options;
  options.packs = {{"orgs", "1.0"}, {"percent", "0.2"}};
  Writer writer(options);
  CHECK(writer.Format(SampleDocument()) ==
        R"({"schema":"lede/1","id":"a\"b.txt","dct":"2022-11-28","dct_source":"option","language":"en",)"
        R"("packs":{"orgs":"1.0","percent":"0.2"},"stats":{"bytes":18,"sentences":1,"tokens":0},)"
        R"("entities":[{"id":"E1","type":"ORG","subtype":"company","canonical":"Nokia","mentions":[)"
        R"({"start":2,"end":7,"text":"Nokia","sentence":0,"rule":"orgs.company"}]},)"
        R"({"id":"E2","type":"PERCENT","value":40,"mentions":[)"
        R"({"start":13,"end":16,"text":"40%","sentence":0,"rule":"percent.numeric"}]}],)"
        R"("agreements":[],"warnings":[{"code":"bom","message":"removed"}]})");
}

TEST_CASE("writer: an agreement has its fields in a stable order, optional ones only when set") {
  Document doc = SampleDocument();
  Agreement a;
  a.id = "A1";
  a.kind = "acquisition";
  a.status = "reached";
  a.parties = {"E1"};
  a.roles = {{"acquirer", "E1"}};
  a.trigger = Span{3, 8};
  a.duration = "P5Y";
  a.count = "20";
  a.hedged = true;
  doc.agreements = {a};
  const std::string record = Writer(WriterOptions{}).Format(doc);
  const std::string expected =
      R"("agreements":[{"id":"A1","kind":"acquisition","status":"reached","parties":["E1"],)"
      R"("roles":{"acquirer":"E1"},"trigger":{"start":2,"end":7,"text":"Nokia"},"sentence":0,)"
      R"("duration":"P5Y","count":20,"negated":false,"hedged":true,"continues":false}])";
  CHECK(record.find(expected) != std::string::npos);
}

TEST_CASE("writer: a document without date writes dct null and no dct_source") {
  Document doc;
  doc.id = "x";
  Writer writer(WriterOptions{});
  CHECK(writer.Format(doc) ==
        R"({"schema":"lede/1","id":"x","dct":null,"language":"en","packs":{},"stats":{"bytes":0,"sentences":0,)"
        R"("tokens":0},"entities":[],"agreements":[],"warnings":[]})");
}

TEST_CASE("writer: an error record keeps the arrays, so that jq filters still work") {
  Document doc;
  doc.id = "missing.txt";
  doc.error = "cannot open: No such file or directory";
  Writer writer(WriterOptions{});
  CHECK(writer.Format(doc) ==
        R"({"schema":"lede/1","id":"missing.txt","error":"cannot open: No such file or directory",)"
        R"("entities":[],"agreements":[],"warnings":[]})");
}

TEST_CASE("writer: a skipped input keeps the arrays and says why in its one warning") {
  Document doc;
  doc.id = "dir/logo.png";
  doc.skipped = true;
  doc.warnings.push_back(Warning{"binary", "binary file (a NUL byte in the first 8 KiB), skipped"});
  CHECK(Writer(WriterOptions{}).Format(doc) ==
        R"({"schema":"lede/1","id":"dir/logo.png","entities":[],"agreements":[],)"
        R"("warnings":[{"code":"binary","message":"binary file (a NUL byte in the first 8 KiB), skipped"}]})");
}

TEST_CASE("writer: kept input fields come under meta after the id, in error records too") {
  Document doc;
  doc.id = "d1";
  doc.error = "line 3: no string field 'text'";
  doc.meta = {{"source", R"("reuters")"}, {"tags", R"(["a","b"])"}, {"we\"ird", "null"}};
  CHECK(Writer(WriterOptions{}).Format(doc) ==
        R"({"schema":"lede/1","id":"d1","meta":{"source":"reuters","tags":["a","b"],"we\"ird":null},)"
        R"("error":"line 3: no string field 'text'","entities":[],"agreements":[],"warnings":[]})");
}

TEST_CASE("writer: pretty output indents by two spaces") {
  WriterOptions options;
  options.pretty = true;
  Document doc;
  doc.id = "x";
  doc.error = "e";
  CHECK(Writer(options).Format(doc) ==
        "{\n  \"schema\": \"lede/1\",\n  \"id\": \"x\",\n  \"error\": \"e\",\n  \"entities\": [],\n"
        "  \"agreements\": [],\n  \"warnings\": []\n}");
}

TEST_CASE("writer: jsonl frames one record per line, json one array") {
  std::string out;
  Writer jsonl(WriterOptions{});
  jsonl.Begin(&out);
  jsonl.Add("{}", &out);
  jsonl.Add("{}", &out);
  jsonl.End(&out);
  CHECK(out == "{}\n{}\n");

  WriterOptions options;
  options.format = OutputFormat::kJson;
  Writer json(options);
  out.clear();
  json.Begin(&out);
  json.Add("{}", &out);
  json.Add("{}", &out);
  json.End(&out);
  CHECK(out == "[\n{},\n{}\n]\n");
  out.clear();
  json.Begin(&out);
  json.End(&out);
  CHECK(out == "[]\n");
}

std::string Framed(const WriterOptions& options, const std::vector<Document>& docs) {
  Writer writer(options);
  std::string out;
  writer.Begin(&out);
  for (const Document& doc : docs) writer.Add(writer.Format(doc), &out);
  writer.End(&out);
  return out;
}

WriterOptions Options(OutputFormat format) {
  WriterOptions options;
  options.format = format;
  return options;
}

TEST_CASE("writer: tsv has a header row, then one row per mention in text order") {
  CHECK(Framed(Options(OutputFormat::kTsv), {}) == "id\tentity\ttype\ttext\tcanonical\tvalue\tcode\tstart\tend\tsentence\n");
  Document doc = SampleDocument();
  doc.entities[0].attributes.code = "FI";
  doc.entities[0].mentions.push_back(Mention{Span{18, 19}, 0, "x"});  // after the PERCENT: rows go by text order
  doc.text += " N";
  CHECK(Framed(Options(OutputFormat::kTsv), {doc}) ==
        "id\tentity\ttype\ttext\tcanonical\tvalue\tcode\tstart\tend\tsentence\n"
        "a\"b.txt\tE1\tORG\tNokia\tNokia\t\tFI\t2\t7\t0\n"
        "a\"b.txt\tE2\tPERCENT\t40%\t\t40\t\t13\t16\t0\n"
        "a\"b.txt\tE1\tORG\tN\tNokia\t\tFI\t17\t18\t0\n");
}

TEST_CASE("writer: tsv escapes tabs, line breaks and backslashes; an error record has no rows") {
  Document doc;
  doc.id = "a\tb";
  doc.text = "x\ty\nz\\\r";
  doc.entities.push_back(Entity{"E1", "ORG", Attributes{}, {Mention{Span{0, 7}, 0, "r"}}});
  Document error;
  error.id = "missing";
  error.error = "cannot open";
  const Writer writer(Options(OutputFormat::kTsv));
  CHECK(writer.Format(doc) == "a\\tb\tE1\tORG\tx\\ty\\nz\\\\\\r\t\t\t\t0\t7\t0\n");
  CHECK(writer.Format(error) == "");
}

TEST_CASE("writer: text marks mentions as [text]{TYPE} and escapes the text's own brackets") {
  CHECK(Framed(Options(OutputFormat::kText), {}) == "");
  Document doc = SampleDocument();
  Document other;
  other.id = "b";
  other.text = "[1] a\\b ";
  Document error;
  error.id = "c";
  error.error = "cannot open";
  Document skipped;
  skipped.id = "d.png";
  skipped.skipped = true;
  skipped.warnings.push_back(Warning{"binary", "binary file (a NUL byte in the first 8 KiB), skipped"});
  CHECK(Framed(Options(OutputFormat::kText), {doc, other, error, skipped}) ==
        "==> a\"b.txt <==\n\xC3\xA9 [Nokia]{ORG} rose [40%]{PERCENT}\n"
        "\n==> b <==\n\\[1\\] a\\\\b \n"
        "\n==> c <==\nerror: cannot open\n"
        "\n==> d.png <==\nbinary file (a NUL byte in the first 8 KiB), skipped\n");
}

TEST_CASE("writer: text in color paints mentions by type and ends with a legend") {
  WriterOptions options = Options(OutputFormat::kText);
  options.color = true;
  CHECK(Writer(options).Format(SampleDocument()) ==
        "\x1b[1m==> a\"b.txt <==\x1b[0m\n\xC3\xA9 \x1b[1;34mNokia\x1b[0m rose \x1b[1;36m40%\x1b[0m\n"
        "\x1b[1;34mORG\x1b[0m  \x1b[1;36mPERCENT\x1b[0m\n");
}

TEST_CASE("writer: marked text shows one of overlapping mentions, the first and longer") {
  Document doc;
  doc.id = "x";
  doc.text = "Bank of China";
  doc.entities.push_back(Entity{"E1", "ORG", Attributes{}, {Mention{Span{0, 13}, 0, "r"}}});
  doc.entities.push_back(Entity{"E2", "GPE", Attributes{}, {Mention{Span{8, 13}, 0, "r"}}});
  doc.entities.push_back(Entity{"E3", "ORG", Attributes{}, {Mention{Span{0, 4}, 0, "r"}}});
  CHECK(Writer(Options(OutputFormat::kText)).Format(doc) == "==> x <==\n[Bank of China]{ORG}\n");
  // TSV has room for all of them.
  CHECK(Writer(Options(OutputFormat::kTsv)).Format(doc) ==
        "x\tE1\tORG\tBank of China\t\t\t\t0\t13\t0\nx\tE3\tORG\tBank\t\t\t\t0\t4\t0\n"
        "x\tE2\tGPE\tChina\t\t\t\t8\t13\t0\n");
}

}  // namespace
}  // namespace lede
