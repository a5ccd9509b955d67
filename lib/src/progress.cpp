#include "lede/progress.h"

#include <fmt/format.h>

namespace lede {
namespace {

using Clock = std::chrono::steady_clock;

// "0:07", "12:34", "1:02:03".
std::string Duration(double seconds) {
  const auto s = static_cast<uint64_t>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

std::string FormatProgress(uint64_t documents, uint64_t bytes, uint64_t total_bytes, double seconds, bool done) {
  const double mb = bytes / 1e6;
  const double rate = seconds > 0 ? mb / seconds : 0;
  const char* noun = documents == 1 ? "document" : "documents";
  if (done) return fmt::format("lede: {} {}, {:.1f} MB in {:.1f} s, {:.1f} MB/s", documents, noun, mb, seconds, rate);
  std::string line = fmt::format("lede: {} {}, {:.1f} MB, {:.1f} MB/s", documents, noun, mb, rate);
  if (total_bytes > 0) {
    const uint64_t left = total_bytes > bytes ? total_bytes - bytes : 0;
    line += fmt::format(", {}% of {:.1f} MB", 100 * (total_bytes - left) / total_bytes, total_bytes / 1e6);
    if (rate > 0) line += fmt::format(", ETA {}", Duration(left / 1e6 / rate));
  }
  return line;
}

ProgressMeter::ProgressMeter(const BatchProgress& progress, const ProgressOptions& options)
    : progress_(progress), options_(options), start_(Clock::now()), thread_([this] { Loop(); }) {}

ProgressMeter::~ProgressMeter() { Finish(); }

void ProgressMeter::Finish() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stop_) return;
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
  if (drawn_ || options_.delay_seconds <= 0) Draw(true);
}

void ProgressMeter::Loop() {
  const auto interval = std::chrono::milliseconds(options_.terminal ? 250 : 1000);
  std::unique_lock<std::mutex> lock(mutex_);
  while (!wake_.wait_for(lock, interval, [this] { return stop_; })) {
    if (std::chrono::duration<double>(Clock::now() - start_).count() >= options_.delay_seconds) Draw(false);
  }
}

void ProgressMeter::Draw(bool done) {
  const std::string line =
      FormatProgress(progress_.documents.load(std::memory_order_relaxed),
                     progress_.bytes_read.load(std::memory_order_relaxed), options_.total_bytes,
                     std::chrono::duration<double>(Clock::now() - start_).count(), done);
  // On a terminal, "\r" and erase-to-end-of-line redraw the line in place.
  if (options_.terminal) {
    std::fprintf(options_.out, "\r%s\x1b[K%s", line.c_str(), done ? "\n" : "");
  } else {
    std::fprintf(options_.out, "%s\n", line.c_str());
  }
  std::fflush(options_.out);
  drawn_ = true;
}

}  // namespace lede
