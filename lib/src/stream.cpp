#include "stream.h"

#include <cerrno>
#include <cstring>

namespace lede {

FileStream::~FileStream() {
  if (owned_) std::fclose(file_);
}

size_t FileStream::Read(char* buffer, size_t n) {
  const size_t got = std::fread(buffer, 1, n, file_);
  position_ += got;
  if (got == 0 && std::ferror(file_)) error_ = std::strerror(errno);
  return got;
}

bool LineReader::Next(std::string* line, bool* too_long) {
  line->clear();
  *too_long = false;
  bool any = false;
  for (;;) {
    if (pos_ == end_) {
      end_ = stream_->Read(buffer_, sizeof buffer_);
      pos_ = 0;
      if (end_ == 0) return any && stream_->error().empty();
    }
    any = true;
    const char* start = buffer_ + pos_;
    const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
    const size_t n = newline ? static_cast<size_t>(newline - start) : end_ - pos_;
    if (line->size() + n > limit_) {
      *too_long = true;
    } else {
      line->append(start, n);
    }
    pos_ += n;
    if (newline) {
      ++pos_;
      return true;
    }
  }
}

}  // namespace lede
