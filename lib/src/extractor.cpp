#include "lede/extractor.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>

#include "agreements.h"
#include "decoder.h"
#include "linker.h"
#include "normalizer.h"
#include "resolver.h"
#include "rules_impl.h"
#include "segmenter.h"

namespace lede {

namespace {

// Adds the time since the last call to one stage's total.
class StageClock {
 public:
  void Lap(double* total) {
    const auto now = std::chrono::steady_clock::now();
    *total += std::chrono::duration<double>(now - last_).count();
    last_ = now;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace

StageTimes& StageTimes::operator+=(const StageTimes& other) {
  decode += other.decode;
  segment += other.segment;
  match += other.match;
  resolve += other.resolve;
  normalize += other.normalize;
  link += other.link;
  agreements += other.agreements;
  return *this;
}

struct Extractor::State {
  std::shared_ptr<const RuleSet> rules;
  ExtractOptions options;
  std::unique_ptr<Segmenter> segmenter;
  // Buffers reused from document to document.
  std::vector<Candidate> candidates;
  std::vector<NormalizedMention> mentions;
  StageTimes times;
};

Status Extractor::Create(std::shared_ptr<const RuleSet> rules, const ExtractOptions& options,
                         std::unique_ptr<Extractor>* out) {
  CalendarDate date;
  if (!options.dct.empty() && !ParseIsoDate(options.dct, &date)) {
    return Status::InvalidArgument(fmt::format("invalid document date '{}': expected YYYY-MM-DD", options.dct));
  }
  const std::vector<std::string> known = rules->types();
  for (const std::string& type : options.types) {
    if (!std::binary_search(known.begin(), known.end(), type)) {
      return Status::InvalidArgument(
          fmt::format("unknown entity type '{}'; the rules produce {}", type, fmt::join(known, ", ")));
    }
  }
  auto state = std::make_unique<State>();
  state->rules = std::move(rules);
  state->options = options;
  Status status = Segmenter::Create(&state->segmenter);
  if (!status.ok()) return status;
  out->reset(new Extractor(std::move(state)));
  return Status::OK();
}

Extractor::Extractor(std::unique_ptr<State> state) : state_(std::move(state)) {}
Extractor::~Extractor() = default;

Document Extractor::Extract(const RawDocument& raw) {
  Document doc;
  doc.id = raw.id;
  doc.input_bytes = raw.bytes.size();
  if (!raw.error.empty()) {
    doc.error = raw.error;
    return doc;
  }
  StageClock clock;
  StageTimes& times = state_->times;
  DecodeText(raw.bytes, &doc.text, &doc.warnings);

  CalendarDate dct;
  if (!state_->options.dct.empty()) {
    ParseIsoDate(state_->options.dct, &dct);  // checked in Create
    doc.dct_source = "option";
  } else if (!raw.dct.empty()) {
    if (ParseIsoDate(raw.dct, &dct)) {
      doc.dct_source = "input";
    } else {
      doc.warnings.push_back(Warning{"bad-dct", fmt::format("ignored document date '{}': expected YYYY-MM-DD", raw.dct)});
    }
  }
  if (dct.known()) doc.dct = fmt::format("{:04}-{:02}-{:02}", dct.year, dct.month, dct.day);

  clock.Lap(&times.decode);
  state_->segmenter->Split(doc.text, &doc.sentences, &doc.tokens);
  clock.Lap(&times.segment);

  const RuleSet::Impl& rules = state_->rules->impl();
  state_->candidates.clear();
  rules.matcher.Scan(doc.text, doc.tokens, &state_->candidates);
  clock.Lap(&times.match);
  ResolveOverlaps(rules.rules, state_->options.keep_overlaps, &state_->candidates);
  clock.Lap(&times.resolve);
  state_->mentions.clear();
  NormalizeContext context{doc.text, &doc.sentences, dct, {}, 0};
  if (!dct.known()) {
    context.dct = DatelineDate(rules.rules, rules.matcher, state_->candidates, &context);
    if (context.dct.known()) {
      doc.dct = fmt::format("{:04}-{:02}-{:02}", context.dct.year, context.dct.month, context.dct.day);
      doc.dct_source = "dateline";
    }
  }
  NormalizeCandidates(rules.rules, rules.matcher, state_->candidates, &context, &state_->mentions);
  if (!state_->options.types.empty()) {
    const std::vector<std::string>& types = state_->options.types;
    std::erase_if(state_->mentions, [&](const NormalizedMention& m) {
      return !m.rule->cue() && std::find(types.begin(), types.end(), m.rule->info.type) == types.end();
    });
  }
  clock.Lap(&times.normalize);
  LinkMentions(state_->mentions, &doc);
  clock.Lap(&times.link);
  FindAgreements(state_->mentions, &doc);
  clock.Lap(&times.agreements);
  return doc;
}

const StageTimes& Extractor::times() const { return state_->times; }

}  // namespace lede
