#include "lede/progress.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>

namespace lede {
namespace {

TEST_CASE("progress: the line says documents, MB and MB/s, and share and ETA when the total is known") {
  CHECK(FormatProgress(0, 0, 0, 0, false) == "lede: 0 documents, 0.0 MB, 0.0 MB/s");
  CHECK(FormatProgress(1, 0, 0, 0, true) == "lede: 1 document, 0.0 MB in 0.0 s, 0.0 MB/s");
  CHECK(FormatProgress(1200, 5300000, 0, 2, false) == "lede: 1200 documents, 5.3 MB, 2.6 MB/s");
  CHECK(FormatProgress(1200, 5000000, 20000000, 2, false) ==
        "lede: 1200 documents, 5.0 MB, 2.5 MB/s, 25% of 20.0 MB, ETA 0:06");
  CHECK(FormatProgress(7, 1000000, 8000000000, 1, false) ==
        "lede: 7 documents, 1.0 MB, 1.0 MB/s, 0% of 8000.0 MB, ETA 2:13:19");
  CHECK(FormatProgress(9, 3000000, 2000000, 1, false) == "lede: 9 documents, 3.0 MB, 3.0 MB/s, 100% of 2.0 MB, ETA 0:00");
  CHECK(FormatProgress(21577, 19800000, 19800000, 0.7, true) == "lede: 21577 documents, 19.8 MB in 0.7 s, 28.3 MB/s");
}

// What a meter wrote to a file once finished.
std::string Run(const BatchProgress& progress, ProgressOptions options) {
  FILE* file = std::tmpfile();
  REQUIRE(file != nullptr);
  options.out = file;
  {
    ProgressMeter meter(progress, options);
    meter.Finish();
  }
  std::string out(1000, '\0');
  std::rewind(file);
  out.resize(std::fread(out.data(), 1, out.size(), file));
  std::fclose(file);
  return out;
}

TEST_CASE("progress: a meter prints its final line, unless the run ended before its delay") {
  BatchProgress progress;
  progress.documents = 3;
  progress.bytes_read = 2500000;
  ProgressOptions log;
  log.terminal = false;
  log.delay_seconds = 0;
  const std::string forced = Run(progress, log);
  CHECK(forced.starts_with("lede: 3 documents, 2.5 MB in "));
  CHECK(forced.ends_with(" MB/s\n"));
  ProgressOptions terminal;
  CHECK(terminal.delay_seconds == 1.0);
  CHECK(Run(progress, terminal).empty());
  terminal.delay_seconds = 0;
  const std::string redrawn = Run(progress, terminal);
  CHECK(redrawn.starts_with("\rlede: 3 documents, 2.5 MB in "));
  CHECK(redrawn.ends_with(" MB/s\x1b[K\n"));
}

}  // namespace
}  // namespace lede
