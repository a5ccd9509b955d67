// Source: yields the inputs of a run as RawDocuments, one at a time, in a
// stable order, never holding more than one document in memory.
//
// A path is a file (one document), a directory (its files, recursively, in
// byte order of their paths), "-" for standard input, or a JSON Lines file
// (one document per line). Nothing fails here: an input that cannot be read
// comes back as a RawDocument with its error set, so that every input yields
// exactly one output record.
//
// Thread-safety: none; one thread calls Next().
#ifndef LEDE_SOURCE_H_
#define LEDE_SOURCE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lede/document.h"

namespace lede {

struct SourceOptions {
  enum class Mode {
    kAuto,   // JSON Lines for *.jsonl and *.ndjson, text otherwise
    kText,   // every input is one document
    kJsonl,  // every input, stdin included, is JSON Lines
  };
  Mode mode = Mode::kAuto;
  // JSON Lines fields, as dotted paths ("meta.published").
  std::string text_field = "text";
  std::string id_field = "id";
  std::string date_field = "dct";
  // Larger documents become error records. Spans are 32-bit, so this can
  // never exceed 4 GiB - 1.
  uint64_t max_document_bytes = 64ull << 20;
};

class Source {
 public:
  // No paths means standard input.
  Source(std::vector<std::string> paths, const SourceOptions& options);
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;
  ~Source();

  // Fills *doc with the next input and returns true; false at the end.
  bool Next(RawDocument* doc);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace lede

#endif  // LEDE_SOURCE_H_
