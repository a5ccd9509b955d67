#include "lede/batch.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace lede {
namespace {

TEST_CASE("batch: records come out in input order, whatever the threads") {
  testing::TempDir dir;
  std::string lines;
  for (int i = 0; i < 300; ++i) {
    // Uneven sizes make later documents finish first.
    lines += "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"" + std::string(static_cast<size_t>((300 - i) * 40), 'x') +
             " in 2021.\"}\n";
  }
  const std::string path = dir.Write("in.jsonl", lines + "{broken\n");
  for (unsigned threads : {1u, 2u, 4u}) {
    CAPTURE(threads);
    Source source({path}, SourceOptions{});
    Writer writer(WriterOptions{});
    std::string out;
    BatchSummary summary;
    BatchOptions options;
    options.threads = threads;
    options.max_in_flight = 3;
    REQUIRE(RunBatch(source, testing::BuiltinRules(), ExtractOptions{}, writer, options,
                     [&](std::string_view bytes) {
                       out.append(bytes);
                       return true;
                     },
                     &summary)
                .ok());
    CHECK(summary.documents == 301);
    CHECK(summary.failed == 1);
    CHECK_FALSE(summary.stopped);
    size_t pos = 0;
    for (int i = 0; i < 300; ++i) {
      size_t at = out.find("\"id\":\"d" + std::to_string(i) + "\"", pos);
      REQUIRE(at != std::string::npos);
      pos = at;
    }
    CHECK(std::count(out.begin(), out.end(), '\n') == 301);
    CHECK(out.find("\"error\":\"line 301: malformed JSON (") != std::string::npos);
  }
}

TEST_CASE("batch: the progress counters end at the records written and the bytes read") {
  testing::TempDir dir;
  const std::string path = dir.Write("in.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n{\"text\":\"c\"}\n");
  Source source({path}, SourceOptions{});
  Writer writer(WriterOptions{});
  BatchSummary summary;
  BatchProgress progress;
  BatchOptions options;
  options.progress = &progress;
  REQUIRE(RunBatch(source, testing::BuiltinRules(), ExtractOptions{}, writer, options,
                   [](std::string_view) { return true; }, &summary)
              .ok());
  CHECK(progress.documents == 3);
  CHECK(progress.bytes_read == 39);
  CHECK(summary.bytes == 3);
}

TEST_CASE("batch: a sink that refuses stops the run early") {
  testing::TempDir dir;
  std::string lines;
  for (int i = 0; i < 100; ++i) lines += "{\"text\":\"t\"}\n";
  Source source({dir.Write("in.jsonl", lines)}, SourceOptions{});
  Writer writer(WriterOptions{});
  BatchSummary summary;
  int calls = 0;
  REQUIRE(RunBatch(source, testing::BuiltinRules(), ExtractOptions{}, writer, BatchOptions{},
                   [&](std::string_view) { return ++calls < 5; }, &summary)
              .ok());
  CHECK(summary.stopped);
  CHECK(summary.documents == 4);
  CHECK(calls == 5);
}

TEST_CASE("batch: bad extract options fail before anything is read") {
  Source source({"/nonexistent"}, SourceOptions{});
  Writer writer(WriterOptions{});
  BatchSummary summary;
  ExtractOptions options;
  options.dct = "soon";
  Status status = RunBatch(source, testing::BuiltinRules(), options, writer, BatchOptions{},
                           [](std::string_view) { return true; }, &summary);
  CHECK(status.message() == "invalid document date 'soon': expected YYYY-MM-DD");
  CHECK(summary.documents == 0);
}

TEST_CASE("batch: the summary counts entities and mentions per type") {
  testing::TempDir dir;
  const std::string path = dir.Write("in.jsonl",
                                     "{\"text\":\"Nokia and Nokia rose 5%.\"}\n{\"text\":\"Huawei rose 7%.\"}\n"
                                     "{\"text\":\"x\"}\n{broken\n");
  Source source({path}, SourceOptions{});
  Writer writer(WriterOptions{});
  BatchSummary summary;
  REQUIRE(RunBatch(source, testing::BuiltinRules(), ExtractOptions{}, writer, BatchOptions{},
                   [](std::string_view) { return true; }, &summary)
              .ok());
  CHECK(summary.documents == 4);
  CHECK(summary.failed == 1);
  CHECK(summary.types == std::map<std::string, TypeCount>{{"ORG", {2, 3}}, {"PERCENT", {2, 2}}});
}

}  // namespace
}  // namespace lede
