// Extractor: runs the pipeline on one document at a time.
//
//   Decoder -> Segmenter -> Matcher -> Resolver -> Normalizer -> Linker
//
// Thread-safety: an Extractor holds per-thread state (ICU break iterators,
// match buffers) and must not be used by two threads at once. Make one per
// thread; all of them may share one RuleSet.
#ifndef LEDE_EXTRACTOR_H_
#define LEDE_EXTRACTOR_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lede/document.h"
#include "lede/rules.h"
#include "lede/status.h"

namespace lede {

struct ExtractOptions {
  // Document creation date (YYYY-MM-DD) for every document; overrides the
  // date an input carries. Relative dates resolve against it.
  std::string dct;
  // Keep only entities of these types; empty keeps all.
  std::vector<std::string> types;
  // Keep every candidate instead of resolving overlaps (--overlaps keep).
  bool keep_overlaps = false;
};

// What became of one candidate span a rule matched, for people writing
// rules (`lede explain`).
struct CandidateTrace {
  enum class Outcome : uint8_t {
    kKept,      // a mention now; for an agreement cue, handed to the Agreements stage
    kBlocking,  // a rule of type NONE: it holds its place and yields nothing
    kBeaten,    // an overlapping candidate took the place: `winner`, for `reason`
    kRefused,   // its normalizer found it was no such thing ("Feb. 30")
    kFiltered,  // of a type ExtractOptions::types leaves out
  };
  // The Resolver's tests, in its order: the first that tells two
  // overlapping candidates apart decides.
  enum class Reason : uint8_t {
    kPriority,  // the winner's rule has the higher priority
    kLength,    // the winner is longer
    kPosition,  // the winner starts first
    kOrder,     // a full tie: the winner's rule is declared first
  };

  Span span;
  std::string rule;  // rule id, "dates.month_day"
  std::string type;
  int priority = 0;
  Outcome outcome = Outcome::kKept;
  size_t winner = 0;  // kBeaten: index of the winner in the trace
  Reason reason = Reason::kPriority;
  std::string entity;     // kKept: id of the entity it became a mention of; "" for cues
  Attributes attributes;  // kKept: what its normalizer made of it
};

// Time spent per stage, summed over the documents an Extractor processed.
struct StageTimes {
  double decode = 0;  // seconds
  double segment = 0;
  double match = 0;
  double resolve = 0;
  double normalize = 0;
  double link = 0;
  double agreements = 0;

  StageTimes& operator+=(const StageTimes& other);
};

class Extractor {
 public:
  // Fails with InvalidArgument for a malformed dct or a type no rule
  // produces, and Internal when ICU cannot make its break iterators.
  static Status Create(std::shared_ptr<const RuleSet> rules, const ExtractOptions& options,
                       std::unique_ptr<Extractor>* out);

  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;
  ~Extractor();

  // Never fails: a document that cannot be processed comes back with
  // Document::error set and nothing else extracted.
  Document Extract(const RawDocument& raw);
  // The same, and appends to *trace every candidate the Matcher found, in
  // text order (longer first at one start), with what became of it.
  Document Extract(const RawDocument& raw, std::vector<CandidateTrace>* trace);

  // Stage times of every Extract() so far (a clock read per stage and
  // document: cheap enough to be always on).
  const StageTimes& times() const;

 private:
  struct State;
  explicit Extractor(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace lede

#endif  // LEDE_EXTRACTOR_H_
