#include "lede/batch.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <thread>

namespace lede {
namespace {

// One document on its way through the pipeline.
struct Item {
  RawDocument raw;
  std::string record;
  bool failed = false;
};

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

}  // namespace

Status RunBatch(Source& source, std::shared_ptr<const RuleSet> rules, const ExtractOptions& extract,
                Writer& writer, const BatchOptions& options, const RecordSink& sink, BatchSummary* summary) {
  // Fail before reading anything if an Extractor cannot be made; the workers'
  // own Extractors then cannot fail either.
  std::unique_ptr<Extractor> first;
  Status status = Extractor::Create(rules, extract, &first);
  if (!status.ok()) return status;

  const unsigned threads = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  const unsigned in_flight = options.max_in_flight > 0 ? options.max_in_flight : 4 * threads;
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, threads);
  tbb::enumerable_thread_specific<std::unique_ptr<Extractor>> extractors([&] {
    std::unique_ptr<Extractor> extractor;
    Extractor::Create(rules, extract, &extractor);
    return extractor;
  });

  std::atomic<bool> stop = false;
  std::string out;
  writer.Begin(&out);
  if (!out.empty() && !sink(out)) stop = true;

  BatchProgress* progress = options.progress;
  tbb::enumerable_thread_specific<double> format_seconds(0.0);
  tbb::enumerable_thread_specific<std::map<std::string, TypeCount>> type_counts;
  double output_seconds = 0;
  tbb::parallel_pipeline(
      in_flight,
      tbb::make_filter<void, Item*>(tbb::filter_mode::serial_in_order,
                                    [&](tbb::flow_control& control) -> Item* {
                                      const auto start = Clock::now();
                                      auto item = std::make_unique<Item>();
                                      if (stop || (options.interrupt != nullptr && *options.interrupt) ||
                                          !source.Next(&item->raw)) {
                                        control.stop();
                                        return nullptr;
                                      }
                                      summary->bytes += item->raw.bytes.size();
                                      summary->read += SecondsSince(start);
                                      if (progress != nullptr) {
                                        progress->bytes_read.store(source.BytesRead(), std::memory_order_relaxed);
                                      }
                                      return item.release();
                                    }) &
          tbb::make_filter<Item*, Item*>(tbb::filter_mode::parallel,
                                         [&](Item* item) {
                                           Document doc = extractors.local()->Extract(item->raw);
                                           item->raw = RawDocument{};  // free the input early
                                           item->failed = !doc.error.empty();
                                           for (const Entity& entity : doc.entities) {
                                             TypeCount& count = type_counts.local()[entity.type];
                                             ++count.entities;
                                             count.mentions += entity.mentions.size();
                                           }
                                           const auto start = Clock::now();
                                           item->record = writer.Format(doc);
                                           format_seconds.local() += SecondsSince(start);
                                           return item;
                                         }) &
          tbb::make_filter<Item*, void>(tbb::filter_mode::serial_in_order, [&](Item* raw_item) {
            std::unique_ptr<Item> item(raw_item);
            if (stop) return;
            const auto start = Clock::now();
            out.clear();
            writer.Add(item->record, &out);
            const bool taken = sink(out);
            output_seconds += SecondsSince(start);
            if (!taken) {
              stop = true;
              return;
            }
            ++summary->documents;
            summary->failed += item->failed;
            if (progress) progress->documents.store(summary->documents, std::memory_order_relaxed);
          }));

  summary->stopped = stop;
  for (const std::unique_ptr<Extractor>& extractor : extractors) summary->stages += extractor->times();
  summary->write = format_seconds.combine(std::plus<double>()) + output_seconds;
  for (const auto& counts : type_counts) {
    for (const auto& [type, count] : counts) {
      summary->types[type].entities += count.entities;
      summary->types[type].mentions += count.mentions;
    }
  }
  if (!stop) {
    out.clear();
    writer.End(&out);
    if (!out.empty() && !sink(out)) summary->stopped = true;
  }
  return Status::OK();
}

}  // namespace lede
