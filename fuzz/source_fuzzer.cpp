// Any bytes read as JSON Lines: each line that is not blank becomes one
// document with an id, and a document with an error carries no text.
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "lede/source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The Source reads paths: a file in memory spares the disk.
  static const int fd = memfd_create("lede-fuzz.jsonl", 0);
  static const std::string path = "/proc/self/fd/" + std::to_string(fd);
  if (fd < 0 || ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) std::abort();

  lede::SourceOptions options;
  options.mode = lede::SourceOptions::Mode::kJsonl;
  options.max_document_bytes = 1024;  // reach the limit too
  lede::Source source({path}, options);
  lede::RawDocument doc;
  size_t documents = 0;
  const size_t lines = static_cast<size_t>(std::count(data, data + size, '\n')) + 1;
  while (source.Next(&doc)) {
    if (++documents > lines || doc.id.empty() || (!doc.error.empty() && !doc.bytes.empty())) std::abort();
  }
  return 0;
}
