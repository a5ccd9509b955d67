// stage_bench: single-thread throughput of each pipeline stage on a corpus,
// beside the ceilings ICU and RE2 set on the same text.
//
//   stage_bench CORPUS.jsonl [ROUNDS]
//
// Reads the texts of a JSON Lines corpus into memory, then times, per round
// over all texts: ICU sentence breaking alone, ICU word breaking alone, one
// RE2 scan of a one-pattern regex (the floor of any regex pass), the
// segmenter, the matcher, and the whole Extractor with and without the
// Writer. Prints MB/s per stage (best of ROUNDS).
#include <fmt/format.h>
#include <re2/re2.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <chrono>
#include <functional>

#include "lede/extractor.h"
#include "lede/source.h"
#include "lede/writer.h"
#include "rules_impl.h"
#include "segmenter.h"

namespace {

using Clock = std::chrono::steady_clock;

double BestSeconds(int rounds, const std::function<void()>& run) {
  double best = 1e30;
  for (int i = 0; i < rounds; ++i) {
    auto start = Clock::now();
    run();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  return best;
}

// Counts ICU boundaries over a UTF-8 UText, as the Segmenter drives ICU.
size_t CountBreaks(icu::BreakIterator& iterator, const std::string& text) {
  UErrorCode error = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &error);
  iterator.setText(&utext, error);
  size_t n = 0;
  for (int32_t b = iterator.first(); b != icu::BreakIterator::DONE; b = iterator.next()) ++n;
  utext_close(&utext);
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: stage_bench CORPUS.jsonl [ROUNDS]\n");
    return 2;
  }
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
  lede::SourceOptions source_options;
  source_options.mode = lede::SourceOptions::Mode::kJsonl;
  lede::Source source({argv[1]}, source_options);
  std::vector<lede::RawDocument> docs;
  size_t bytes = 0;
  for (lede::RawDocument doc; source.Next(&doc);) {
    bytes += doc.bytes.size();
    docs.push_back(std::move(doc));
  }
  std::shared_ptr<const lede::RuleSet> rules;
  lede::Status status = lede::RuleSet::Load(lede::RuleSetOptions{}, &rules);
  if (!status.ok()) {
    fmt::print(stderr, "{}\n", status.ToString());
    return 2;
  }
  fmt::print("{} documents, {:.1f} MB, best of {} rounds, one thread\n", docs.size(), bytes / 1e6, rounds);
  size_t sink = 0;  // keeps results alive so that nothing is optimized away
  auto report = [&](const char* name, const std::function<void()>& run) {
    double seconds = BestSeconds(rounds, run);
    fmt::print("  {:<34} {:>8.1f} MB/s  {:>8.0f} docs/s\n", name, bytes / 1e6 / seconds, docs.size() / seconds);
  };

  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> sentences(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), error));
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), error));
  report("ceiling: ICU sentence break", [&] { for (auto& d : docs) sink += CountBreaks(*sentences, d.bytes); });
  report("ceiling: ICU word break", [&] { for (auto& d : docs) sink += CountBreaks(*words, d.bytes); });
  RE2 one(R"(\d+%)");
  report("ceiling: one RE2 scan", [&] {
    for (auto& d : docs) {
      re2::StringPiece in(d.bytes);
      while (RE2::FindAndConsume(&in, one)) ++sink;
    }
  });

  std::unique_ptr<lede::Segmenter> segmenter;
  lede::Segmenter::Create(&segmenter);
  std::vector<lede::Sentence> sentence_spans;
  std::vector<std::vector<lede::Token>> tokens(docs.size());
  report("stage: segmenter", [&] {
    for (size_t i = 0; i < docs.size(); ++i) segmenter->Split(docs[i].bytes, &sentence_spans, &tokens[i]);
  });
  std::vector<lede::Candidate> candidates;
  report("stage: matcher (regex + gazetteers)", [&] {
    for (size_t i = 0; i < docs.size(); ++i) {
      candidates.clear();
      rules->impl().matcher.Scan(docs[i].bytes, tokens[i], &candidates);
      sink += candidates.size();
    }
  });

  std::unique_ptr<lede::Extractor> extractor;
  lede::Extractor::Create(rules, lede::ExtractOptions{}, &extractor);
  report("pipeline: extract", [&] { for (auto& d : docs) sink += extractor->Extract(d).entities.size(); });
  const lede::StageTimes& t = extractor->times();
  const double total = t.decode + t.segment + t.match + t.resolve + t.normalize + t.link + t.agreements;
  fmt::print("  extract stages, share of time: decode {:.0f}%, segment {:.0f}%, match {:.0f}%, resolve {:.0f}%, "
             "normalize {:.0f}%, link {:.0f}%, agreements {:.0f}%\n",
             100 * t.decode / total, 100 * t.segment / total, 100 * t.match / total, 100 * t.resolve / total,
             100 * t.normalize / total, 100 * t.link / total, 100 * t.agreements / total);
  lede::Writer writer(lede::WriterOptions{});
  report("pipeline: extract + write", [&] { for (auto& d : docs) sink += writer.Format(extractor->Extract(d)).size(); });
  return sink == 0;  // never true on real text
}
