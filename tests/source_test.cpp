#include "lede/source.h"

#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <tuple>

#include "test_util.h"

namespace lede {
namespace {

using testing::TempDir;

// "id|bytes|dct|error" per document, and "|skipped: why" for a skipped one.
std::vector<std::string> ReadAll(std::vector<std::string> paths, SourceOptions options = {}) {
  Source source(std::move(paths), options);
  std::vector<std::string> out;
  RawDocument doc;
  while (source.Next(&doc)) {
    out.push_back(doc.id + "|" + doc.bytes + "|" + doc.dct + "|" + doc.error);
    if (!doc.skipped.code.empty()) out.back() += "|" + doc.skipped.code + ": " + doc.skipped.message;
  }
  return out;
}

// A member of a test archive: a file with data, a directory ("a/"), or a
// symbolic link or device (type set, data unused).
struct Member {
  Member(std::string name, std::string data, unsigned type = AE_IFREG, std::string link = "")
      : name(std::move(name)), data(std::move(data)), type(type), link(std::move(link)) {}
  std::string name;
  std::string data;
  unsigned type;
  std::string link;  // target of a symbolic link
};

// Writes an archive with libarchive's writer, so that tests need no tools:
// `format` "tar", "zip" or "raw" (one stream), `filter` "", "gzip" or "zstd".
std::string WriteArchive(const TempDir& dir, const std::string& name, const std::string& format,
                         const std::string& filter, const std::vector<Member>& members) {
  const std::string path = dir.Path(name);
  struct archive* a = archive_write_new();
  REQUIRE(archive_write_set_format_by_name(a, format == "tar" ? "pax" : format.c_str()) == ARCHIVE_OK);
  if (!filter.empty()) REQUIRE(archive_write_add_filter_by_name(a, filter.c_str()) == ARCHIVE_OK);
  REQUIRE(archive_write_open_filename(a, path.c_str()) == ARCHIVE_OK);
  for (const Member& m : members) {
    struct archive_entry* entry = archive_entry_new();
    const bool dir_member = m.name.ends_with("/");
    archive_entry_set_pathname(entry, m.name.c_str());
    archive_entry_set_filetype(entry, dir_member ? AE_IFDIR : m.type);
    archive_entry_set_perm(entry, 0644);
    if (m.type == AE_IFLNK) archive_entry_set_symlink(entry, m.link.c_str());
    if (m.type == AE_IFREG && !dir_member) archive_entry_set_size(entry, static_cast<la_int64_t>(m.data.size()));
    REQUIRE(archive_write_header(a, entry) == ARCHIVE_OK);
    if (!m.data.empty()) REQUIRE(archive_write_data(a, m.data.data(), m.data.size()) == static_cast<la_ssize_t>(m.data.size()));
    archive_entry_free(entry);
  }
  REQUIRE(archive_write_close(a) == ARCHIVE_OK);
  archive_write_free(a);
  return path;
}

// Text that compresses badly, so that cutting its archive cuts its data.
std::string Noise(size_t size) {
  std::string noise;
  for (uint64_t i = 1; noise.size() < size; ++i) noise += std::to_string(i * 2654435761u % 1000003) + " ";
  return noise;
}

// Cuts a file to its first `keep` bytes.
void Truncate(const std::string& path, uintmax_t keep) { std::filesystem::resize_file(path, keep); }

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

TEST_CASE("source: tar, tar.gz, tar.zst and zip: members in archive order, as archive:member") {
  TempDir dir;
  const std::vector<Member> members = {
      {"b.txt", "Beta"}, {"a/", ""}, {"a/c.txt", "Gamma"}, {".hidden.txt", "H"}, {"a/.git/x", "X"}, {"./d.txt", "Delta"}};
  for (const auto& [name, format, filter] : {std::tuple{"n.tar", "tar", ""}, {"n.tar.gz", "tar", "gzip"},
                                             {"n.TGZ", "tar", "gzip"}, {"n.tar.zst", "tar", "zstd"},
                                             {"n.zip", "zip", ""}}) {
    CAPTURE(name);
    const std::string path = WriteArchive(dir, name, format, filter, members);
    CHECK(ReadAll({path}) ==
          Strings{path + ":b.txt|Beta||", path + ":a/c.txt|Gamma||", path + ":./d.txt|Delta||"});
  }
}

TEST_CASE("source: a .gz or .zst file is read as the file it holds; x.jsonl.gz as JSON Lines") {
  TempDir dir;
  const std::string text = WriteArchive(dir, "a.txt.gz", "raw", "gzip", {{"a.txt", "Nokia in 2021."}});
  const std::string lines = WriteArchive(dir, "b.jsonl.zst", "raw", "zstd",
                                         {{"b.jsonl", "{\"id\":\"b1\",\"text\":\"One\"}\n{\"text\":\"Two\"}\n"}});
  CHECK(ReadAll({text, lines}) == Strings{text + "|Nokia in 2021.||", "b1|One||", lines + ":2|Two||"});
}

TEST_CASE("source: JSON Lines members of an archive, one document per line") {
  TempDir dir;
  const std::string path = WriteArchive(
      dir, "x.tar.gz", "tar", "gzip",
      {{"d/x.jsonl", "{\"id\":\"j1\",\"text\":\"One\"}\n\n{\"text\":\"Two\"}\n{bad\n"}, {"y.ndjson", "{\"text\":\"Y\"}"},
       {"z.txt", "Zed"}});
  CHECK(ReadAll({path}) == Strings{"j1|One||", path + ":d/x.jsonl:3|Two||",
                                   path + ":d/x.jsonl:4|||line 4: malformed JSON (The JSON document has an improper "
                                          "structure: missing or superfluous commas, braces, missing keys, etc)",
                                   path + ":y.ndjson:1|Y||", path + ":z.txt|Zed||"});
  SourceOptions text;
  text.mode = SourceOptions::Mode::kText;
  CHECK(ReadAll({WriteArchive(dir, "t.tar", "tar", "", {{"x.jsonl", "{\"text\":\"T\"}\n"}})}, text) ==
        Strings{dir.Path("t.tar") + ":x.jsonl|{\"text\":\"T\"}\n||"});
}

TEST_CASE("source: binary files in directories and archives are skipped with a warning, given ones are read") {
  TempDir dir;
  const std::string binary = std::string(100, 'x') + '\0' + "rest";
  const std::string late_nul = std::string(8192, 'x') + '\0';  // past the first 8 KiB: text
  dir.Write("d/a.txt", "A");
  dir.Write("d/b.png", binary);
  dir.Write("d/c.txt", late_nul);
  const std::string utf16 = std::string("\xFF\xFEN\0o\0k\0i\0a\0", 12);  // "Nokia", UTF-16LE with its mark
  dir.Write("d/d.txt", utf16);
  const std::string skipped = "||||binary: binary file (a NUL byte in the first 8 KiB), skipped";
  CHECK(ReadAll({dir.Path("d")}) == Strings{dir.Path("d/a.txt") + "|A||", dir.Path("d/b.png") + skipped,
                                         dir.Path("d/c.txt") + "|" + late_nul + "||", dir.Path("d/d.txt") + "|" + utf16 + "||"});
  CHECK(ReadAll({dir.Path("d/b.png")}) == Strings{dir.Path("d/b.png") + "|" + binary + "||"});

  const std::string tar = WriteArchive(dir, "bin.tar", "tar", "", {{"img.png", binary}, {"a.txt", "A"}});
  CHECK(ReadAll({tar}) == Strings{tar + ":img.png" + skipped, tar + ":a.txt|A||"});
  // A compressed file is read like the file it holds: skipped when found, read when given.
  dir.Write("e/a.txt", "A");
  const std::string gz = WriteArchive(dir, "e/img.png.gz", "raw", "gzip", {{"img.png", binary}});
  CHECK(ReadAll({dir.Path("e")}) == Strings{dir.Path("e/a.txt") + "|A||", gz + skipped});
  CHECK(ReadAll({gz}) == Strings{gz + "|" + binary + "||"});
  // A binary file over the size limit is still only skipped: the probe comes first.
  SourceOptions small;
  small.max_document_bytes = 50;
  CHECK(ReadAll({dir.Path("d")}, small) ==
        Strings{dir.Path("d/a.txt") + "|A||", dir.Path("d/b.png") + skipped,
                dir.Path("d/c.txt") + "|||larger than the limit of 50 bytes (--max-doc-bytes)", dir.Path("d/d.txt") + "|" + utf16 + "||"});
}

TEST_CASE("source: damaged archives give one error record each, and the next inputs still come") {
  TempDir dir;
  const std::string after = dir.Write("after.txt", "After");
  const Strings after_record = {after + "|After||"};
  auto with_after = [&](Strings records) {
    records.push_back(after_record[0]);
    return records;
  };

  // A truncated .gz: small enough for libarchive to meet the cut while it
  // opens the file; in a larger one the cut shows as a read error, as below.
  const std::string gz = WriteArchive(dir, "cut.txt.gz", "raw", "gzip", {{"cut.txt", Noise(100000)}});
  Truncate(gz, std::filesystem::file_size(gz) / 2);
  CHECK(ReadAll({gz, after}) == with_after({gz + "|||cannot open: truncated gzip input"}));

  // A truncated .tar.gz: the members before the cut are read.
  const std::string tgz =
      WriteArchive(dir, "cut.tar.gz", "tar", "gzip", {{"first.txt", "First"}, {"big.txt", Noise(200000)}});
  Truncate(tgz, std::filesystem::file_size(tgz) / 2);
  CHECK(ReadAll({tgz, after}) ==
        with_after({tgz + ":first.txt|First||", tgz + ":big.txt|||read error: truncated gzip input"}));

  // Not a zip at all.
  const std::string junk = dir.Write("junk.zip", "PK\x03\x04 this is not a zip archive, only its first bytes");
  CHECK(ReadAll({junk, after}) == with_after({junk + "|||damaged archive: Truncated ZIP file header"}));

  // A zip whose first member's data was damaged: its checksum fails, the next member is fine.
  const std::string zip = WriteArchive(dir, "crc.zip", "zip", "", {{"one.txt", Noise(100000)}, {"two.txt", "Two"}});
  {
    std::fstream file(zip, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(20000);  // well inside one.txt's deflated data
    file.write("DAMAGED", 7);
  }
  const Strings crc = ReadAll({zip, after});
  REQUIRE(crc.size() == 3);
  CHECK(crc[0].starts_with(zip + ":one.txt|||read error: "));
  CHECK(crc[1] == zip + ":two.txt|Two||");

  // A zip bomb: 16 MiB of spaces in a few KiB, capped by the document size limit.
  const std::string bomb = WriteArchive(dir, "bomb.zip", "zip", "", {{"bomb.txt", std::string(16 << 20, ' ')}, {"ok.txt", "OK"}});
  CHECK(std::filesystem::file_size(bomb) < 100000);
  SourceOptions capped;
  capped.max_document_bytes = 1 << 20;
  CHECK(ReadAll({bomb, after}, capped) ==
        with_after({bomb + ":bomb.txt|||larger than the limit of 1048576 bytes (--max-doc-bytes)", bomb + ":ok.txt|OK||"}));

  // A symbolic link that points at itself, and a device: skipped as errors, never followed or opened.
  const std::string tar = WriteArchive(dir, "special.tar", "tar", "",
                                       {{"loop", "", AE_IFLNK, "loop"}, {"dev/null", "", AE_IFCHR}, {"ok.txt", "OK"}});
  CHECK(ReadAll({tar, after}) ==
        with_after({tar + ":loop|||not a regular file (symbolic link to 'loop')",
                    tar + ":dev/null|||not a regular file (character device)", tar + ":ok.txt|OK||"}));

  // A missing archive.
  CHECK(ReadAll({dir.Path("missing.tar.gz")}) ==
        Strings{dir.Path("missing.tar.gz") + "|||cannot open: No such file or directory"});
}

TEST_CASE("source: --keep-fields passes the other top-level fields through, as compact JSON") {
  TempDir dir;
  const std::string path = dir.Write(
      "in.jsonl",
      R"({"id":"a","text":"T","dct":"2022-01-02","source":"reuters","tags":[ "x", "y" ],"n":1.50,"o":{"k":null}})" "\n"
      R"({"article":{"body":"B","lang":"en"},"url":"u"})" "\n"
      R"({"text":"T","bad":"\ud800"})" "\n");
  SourceOptions options;
  options.keep_fields = true;
  Source source({path}, options);
  RawDocument doc;
  using Meta = std::vector<std::pair<std::string, std::string>>;
  REQUIRE(source.Next(&doc));
  CHECK(doc.meta == Meta{{"source", R"("reuters")"}, {"tags", R"(["x","y"])"}, {"n", "1.5"}, {"o", R"({"k":null})"}});
  REQUIRE(source.Next(&doc));
  CHECK(doc.error == "line 2: no string field 'text'");
  CHECK(doc.meta == Meta{{"article", R"({"body":"B","lang":"en"})"}, {"url", R"("u")"}});
  REQUIRE(source.Next(&doc));
  CHECK(doc.error.starts_with("line 3: malformed JSON ("));
  CHECK(doc.bytes.empty());

  options.text_field = "article.body";
  Source nested({path}, options);
  REQUIRE(nested.Next(&doc));
  REQUIRE(nested.Next(&doc));
  CHECK(doc.bytes == "B");
  CHECK(doc.meta == Meta{{"url", R"("u")"}});
}

TEST_CASE("source: sizes for progress: the total ahead, the bytes read as it goes") {
  TempDir dir;
  const std::string a = dir.Write("d/a.txt", "Alpha"), b = dir.Write("b.jsonl", "{\"text\":\"B\"}\n");
  dir.Write("d/.hidden", "not counted");
  Source source({dir.Path("d"), b}, SourceOptions{});
  CHECK(source.TotalBytes() == 5 + 13);
  CHECK(source.BytesRead() == 0);
  RawDocument doc;
  REQUIRE(source.Next(&doc));
  CHECK(source.BytesRead() == 5);
  REQUIRE(source.Next(&doc));
  CHECK_FALSE(source.Next(&doc));
  CHECK(source.BytesRead() == 5 + 13);

  const std::string tgz = WriteArchive(dir, "x.tar.gz", "tar", "gzip", {{"x.txt", std::string(100000, 'x')}});
  Source archive({tgz}, SourceOptions{});
  CHECK(archive.TotalBytes() == std::filesystem::file_size(tgz));
  while (archive.Next(&doc)) {
  }
  CHECK(archive.BytesRead() == std::filesystem::file_size(tgz));
  CHECK(Source({"-"}, SourceOptions{}).TotalBytes() == 0);
}

}  // namespace
}  // namespace lede
