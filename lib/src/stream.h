// Byte streams the Source reads its inputs from, and a line reader over them.
//
// A stream is read front to back once: a file, standard input, or the data
// of one archive member (archive_reader.h). Readers keep a fixed-size buffer, so
// memory does not grow with the size of what they read.
//
// Thread-safety: none; each stream belongs to one reader.
#ifndef LEDE_SRC_STREAM_H_
#define LEDE_SRC_STREAM_H_

#include <cstdint>
#include <cstdio>
#include <string>

namespace lede {

class InputStream {
 public:
  virtual ~InputStream() = default;

  // Reads up to `n` bytes into `buffer` and returns how many; 0 at the end
  // or on an error, which error() then describes.
  virtual size_t Read(char* buffer, size_t n) = 0;

  // Why the last Read() failed; "" if it did not.
  virtual std::string error() const = 0;
};

// A FILE*, closed at the end when owned (standard input is not).
class FileStream : public InputStream {
 public:
  FileStream(FILE* file, bool owned) : file_(file), owned_(owned) {}
  FileStream(const FileStream&) = delete;
  FileStream& operator=(const FileStream&) = delete;
  ~FileStream() override;

  size_t Read(char* buffer, size_t n) override;
  std::string error() const override { return error_; }

  // Bytes read so far.
  uint64_t position() const { return position_; }

 private:
  FILE* file_;
  bool owned_;
  uint64_t position_ = 0;
  std::string error_;
};

// Splits a stream into lines, keeping at most `limit` bytes of each; longer
// lines are read to their end and reported as too long, so that one huge
// line never costs its size in memory.
class LineReader {
 public:
  LineReader(InputStream* stream, uint64_t limit) : stream_(stream), limit_(limit) {}

  // Fills *line (without its newline) and returns true; false at the end of
  // the stream or on a read error (stream's error() says which).
  // *too_long is set when the line exceeded the limit (*line is then cut).
  bool Next(std::string* line, bool* too_long);

 private:
  InputStream* stream_;
  uint64_t limit_;
  char buffer_[1 << 16];
  size_t pos_ = 0;
  size_t end_ = 0;
};

}  // namespace lede

#endif  // LEDE_SRC_STREAM_H_
