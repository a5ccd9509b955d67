// ProgressMeter: a run's progress on stderr (documents, MB, MB/s, and the
// share done with an ETA when the total size is known).
//
// A thread of its own reads the BatchProgress counters and redraws at most
// four times a second, so that the run's threads never wait on a terminal;
// they only store two counters per document.
//
// Thread-safety: the ProgressMeter is made, finished and destroyed by one
// thread; the BatchProgress it reads may be written by others meanwhile.
#ifndef LEDE_PROGRESS_H_
#define LEDE_PROGRESS_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

#include "lede/batch.h"

namespace lede {

struct ProgressOptions {
  FILE* out = stderr;
  // A terminal: one line redrawn in place four times a second. Otherwise
  // (a log), a line per second.
  bool terminal = true;
  // Draw nothing before this many seconds, and nothing at all for a run
  // that ends sooner, so that short runs stay quiet.
  double delay_seconds = 1.0;
  uint64_t total_bytes = 0;  // Source::TotalBytes(); 0 when unknown (no ETA)
};

// One progress line, without framing: "lede: 1200 documents, 5.3 MB,
// 27.1 MB/s, 26% of 20.1 MB, ETA 0:02"; when `done`, the totals and the
// time taken: "lede: 21577 documents, 19.8 MB in 0.7 s, 28.3 MB/s".
std::string FormatProgress(uint64_t documents, uint64_t bytes, uint64_t total_bytes, double seconds, bool done);

class ProgressMeter {
 public:
  // Starts the drawing thread.
  ProgressMeter(const BatchProgress& progress, const ProgressOptions& options);
  ProgressMeter(const ProgressMeter&) = delete;
  ProgressMeter& operator=(const ProgressMeter&) = delete;
  // Finish()es if that was not done.
  ~ProgressMeter();

  // Stops drawing and, unless the run ended before the delay, prints the
  // final line. Call when the run is over, before other stderr messages.
  void Finish();

 private:
  void Loop();
  void Draw(bool done);

  const BatchProgress& progress_;
  ProgressOptions options_;
  std::chrono::steady_clock::time_point start_;
  bool drawn_ = false;
  bool stop_ = false;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread thread_;
};

}  // namespace lede

#endif  // LEDE_PROGRESS_H_
