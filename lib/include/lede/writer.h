// Writer: turns Documents into output records: JSON (schema lede/1,
// docs/schema.md), TSV rows, marked-up text or an HTML report
// (docs/output.md shows each format).
//
// Format() serializes one document and is thread-safe, so records can be
// made in parallel; Begin/Add/End frame them into the output stream (a JSON
// array, the TSV header, the HTML page around the documents) and are called
// by one thread in input order.
#ifndef LEDE_WRITER_H_
#define LEDE_WRITER_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lede/document.h"

namespace lede {

enum class OutputFormat {
  kJsonl,  // one compact record per line
  kJson,   // one JSON array of records
  kTsv,    // one row per mention, after a header row
  kText,   // each text with its mentions marked: [text]{TYPE}, or in color
  kHtml,   // one self-contained HTML page: texts, entity and agreement tables
};

enum class OffsetUnit {
  kCodePoints,  // Unicode code points (Python str, jq)
  kBytes,       // UTF-8 bytes (Rust, Go, C)
  kUtf16,       // UTF-16 code units (JavaScript, Java, .NET)
};

struct WriterOptions {
  OutputFormat format = OutputFormat::kJsonl;
  bool pretty = false;  // indent records (jsonl then spans several lines)
  bool color = false;   // kText: ANSI colors instead of brackets, for a terminal
  OffsetUnit offsets = OffsetUnit::kCodePoints;
  // Name and version of each rule pack, written into every record so that a
  // result names the rules that made it.
  std::vector<std::pair<std::string, std::string>> packs;
};

class Writer {
 public:
  explicit Writer(WriterOptions options);

  // The record for one document, without framing. Thread-safe.
  std::string Format(const Document& doc) const;

  // Framing, in this order: Begin once, Add per record, End once.
  void Begin(std::string* out);
  void Add(std::string_view record, std::string* out);
  void End(std::string* out);

 private:
  WriterOptions options_;
  bool first_ = true;
};

}  // namespace lede

#endif  // LEDE_WRITER_H_
