#include "lede/source.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace lede {
namespace {

using testing::TempDir;

// "id|bytes|dct|error" per document.
std::vector<std::string> ReadAll(std::vector<std::string> paths, SourceOptions options = {}) {
  Source source(std::move(paths), options);
  std::vector<std::string> out;
  RawDocument doc;
  while (source.Next(&doc)) out.push_back(doc.id + "|" + doc.bytes + "|" + doc.dct + "|" + doc.error);
  return out;
}

using Strings = std::vector<std::string>;

TEST_CASE("source: files in the order given, one document each, the missing ones as errors") {
  TempDir dir;
  std::string a = dir.Write("a.txt", "Alpha"), b = dir.Write("b.txt", "");
  CHECK(ReadAll({b, dir.Path("missing.txt"), a}) ==
        Strings{b + "|||", dir.Path("missing.txt") + "|||cannot open: No such file or directory", a + "|Alpha||"});
}

TEST_CASE("source: directories recurse in path order and skip hidden entries") {
  TempDir dir;
  dir.Write("b.txt", "B");
  dir.Write("a/z.txt", "AZ");
  dir.Write("a/b/c.txt", "ABC");
  dir.Write(".hidden/x.txt", "X");
  dir.Write("a/.secret", "S");
  CHECK(ReadAll({dir.Path()}) == Strings{dir.Path("a/b/c.txt") + "|ABC||", dir.Path("a/z.txt") + "|AZ||",
                                         dir.Path("b.txt") + "|B||"});
}

TEST_CASE("source: JSON Lines, one document per line, errors per line") {
  TempDir dir;
  std::string path = dir.Write("in.jsonl",
                               "{\"id\":\"d1\",\"text\":\"Nokia \\u00e9\",\"dct\":\"2022-11-28\"}\n"
                               "\n"
                               "{\"text\":\"no id\"}\n"
                               "{\"id\":7,\"text\":\"numeric id\",\"dct\":null}\n"
                               "{\"id\":\"d4\",\"body\":\"wrong field\"}\n"
                               "{not json\n"
                               "{\"id\":\"d6\",\"text\":42}\n"
                               "{\"id\":\"d7\",\"text\":\"trailing comma\",}\n"  // crashed On Demand lookups
                               "[\"an array\"]\n"
                               "{\"id\":\"d9\",\"text\":\"last, no newline\"}");
  CHECK(ReadAll({path}) == Strings{
                               "d1|Nokia \xC3\xA9|2022-11-28|",
                               path + ":3|no id||",
                               "7|numeric id||",
                               path + ":5|||line 5: no string field 'text'",
                               path + ":6|||line 6: malformed JSON (The JSON document has an improper structure: "
                                          "missing or superfluous commas, braces, missing keys, etc)",
                               path + ":7|||line 7: no string field 'text'",
                               path + ":8|||line 8: malformed JSON (The JSON document has an improper structure: "
                                          "missing or superfluous commas, braces, missing keys, etc)",
                               path + ":9|||line 9: not a JSON object",
                               "d9|last, no newline||",
                           });
  // An empty id would name no record (found by source_fuzzer).
  const std::string empty_id = dir.Write("empty-id.jsonl", "{\"id\":\"\",\"text\":\"x\"}\n");
  CHECK(ReadAll({empty_id}) == Strings{empty_id + ":1|x||"});
}

TEST_CASE("source: JSON Lines fields by dotted path") {
  TempDir dir;
  std::string path = dir.Write("in.ndjson", R"({"meta":{"key":"k1","date":"2021-05-04"},"article":{"body":"B"}})" "\n");
  SourceOptions options;
  options.text_field = "article.body";
  options.id_field = "meta.key";
  options.date_field = "meta.date";
  CHECK(ReadAll({path}, options) == Strings{"k1|B|2021-05-04|"});
}

TEST_CASE("source: the mode decides between text and JSON Lines") {
  TempDir dir;
  std::string jsonl = dir.Write("in.jsonl", "{\"text\":\"T\"}\n");
  std::string txt = dir.Write("in.txt", "{\"text\":\"T\"}\n");
  SourceOptions text;
  text.mode = SourceOptions::Mode::kText;
  CHECK(ReadAll({jsonl}, text) == Strings{jsonl + "|{\"text\":\"T\"}\n||"});
  SourceOptions lines;
  lines.mode = SourceOptions::Mode::kJsonl;
  CHECK(ReadAll({txt}, lines) == Strings{txt + ":1|T||"});
}

TEST_CASE("source: documents over the size limit become error records") {
  TempDir dir;
  std::string big = dir.Write("big.txt", std::string(100, 'x'));
  std::string small = dir.Write("small.txt", std::string(10, 'y'));
  std::string lines = dir.Write("l.jsonl", "{\"text\":\"" + std::string(100, 'z') + "\"}\n{\"text\":\"ok\"}\n");
  SourceOptions options;
  options.max_document_bytes = 50;
  const std::string limit = "larger than the limit of 50 bytes (--max-doc-bytes)";
  CHECK(ReadAll({big, small, lines}, options) ==
        Strings{big + "|||" + limit, small + "|yyyyyyyyyy||", lines + ":1|||line 1: " + limit, lines + ":2|ok||"});
}

TEST_CASE("source: a directory given where a file is expected inside JSON mode is still expanded") {
  TempDir dir;
  dir.Write("d/x.jsonl", "{\"id\":\"x\",\"text\":\"X\"}\n");
  CHECK(ReadAll({dir.Path("d")}) == Strings{"x|X||"});
}

}  // namespace
}  // namespace lede
