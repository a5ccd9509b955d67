// Source: yields the inputs of a run as RawDocuments, one at a time, in a
// stable order, never holding more than one document in memory.
//
// A path is a file (one document), a directory (its files, recursively, in
// byte order of their paths), "-" for standard input, a JSON Lines file (one
// document per line), an archive (.tar, .tar.gz, .tgz, .tar.zst, .zip, ...:
// its members in archive order, each read like a file) or a compressed file
// (.gz, .zst, .bz2, .xz: read like the file it holds, "a.jsonl.gz" as JSON
// Lines). Archives are streamed: one member's data at a time, decompressed
// as it is read.
//
// Nothing fails here: an input that cannot be read comes back as a
// RawDocument with its error set, so that every input yields exactly one
// output record. Files found in a directory or an archive that look binary
// (a NUL byte in their first 8 KiB and no UTF-16 byte order mark, as ripgrep
// decides) come back unread, with RawDocument::skipped set.
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
  // Pass the other top-level fields of a JSON Lines input through as
  // RawDocument::meta. A field whose name is the first part of the text, id
  // or date field is left out, so that the text is never copied twice.
  bool keep_fields = false;
  // Larger documents become error records, also inside archives, where
  // this is what stops a zip bomb. Spans are 32-bit and ICU indexes with
  // int32_t, so it is capped at 2 GiB - 1.
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

  // Bytes of the input files read so far (compressed bytes for archives),
  // for a progress display.
  uint64_t BytesRead() const;

  // The total size of the inputs, walking directories (a stat per file),
  // or 0 when it is not known ahead (standard input, a pipe).
  uint64_t TotalBytes() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace lede

#endif  // LEDE_SOURCE_H_
