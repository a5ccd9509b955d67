// RunBatch: the whole run over many documents, in parallel and in order.
//
// An ordered oneTBB pipeline: one thread reads from the Source, workers
// extract and format (each with its own Extractor), one thread hands the
// records to the sink in input order. At most `max_in_flight` documents are
// in memory at once, so memory stays flat on inputs of any size.
#ifndef LEDE_BATCH_H_
#define LEDE_BATCH_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "lede/extractor.h"
#include "lede/rules.h"
#include "lede/source.h"
#include "lede/status.h"
#include "lede/writer.h"

namespace lede {

// Live counts of a run, for a progress display on another thread. The run
// stores them (relaxed) once per document; readers may see them lag.
struct BatchProgress {
  std::atomic<uint64_t> documents = 0;   // records written
  std::atomic<uint64_t> bytes_read = 0;  // Source::BytesRead()
};

struct BatchOptions {
  unsigned threads = 0;        // 0: one per core
  unsigned max_in_flight = 0;  // 0: four per thread
  // Once *interrupt is true (a signal handler may set it), no more documents
  // are read; those already read are finished and written, so the output
  // ends with whole records and is framed as usual.
  const std::atomic<bool>* interrupt = nullptr;
  BatchProgress* progress = nullptr;  // updated during the run when set
};

// What the documents of a run held, for one entity type.
struct TypeCount {
  uint64_t entities = 0;
  uint64_t mentions = 0;
  friend bool operator==(const TypeCount&, const TypeCount&) = default;
};

struct BatchSummary {
  uint64_t documents = 0;  // records written
  uint64_t failed = 0;     // records with an error
  uint64_t bytes = 0;      // input bytes
  bool stopped = false;    // the sink asked to stop early
  double read = 0;         // seconds in the Source: reading, decompressing, parsing JSON Lines
  StageTimes stages;       // summed over all worker threads
  double write = 0;        // seconds serializing records (all threads) and handing them to the sink
  std::map<std::string, TypeCount> types;  // by entity type (lede --count, --fail-if)
};

// Receives framed output bytes in order; returns false to stop the run (for
// example when the reader of a pipe went away).
using RecordSink = std::function<bool(std::string_view bytes)>;

// Fails only when an Extractor cannot be made (see Extractor::Create);
// failed documents are records, counted in summary->failed.
Status RunBatch(Source& source, std::shared_ptr<const RuleSet> rules, const ExtractOptions& extract,
                Writer& writer, const BatchOptions& options, const RecordSink& sink,
                BatchSummary* summary);

}  // namespace lede

#endif  // LEDE_BATCH_H_
