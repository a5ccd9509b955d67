#include "lede/extractor.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <map>
#include <tuple>

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

// Identity of a candidate: two candidates are never equal in all of these.
auto Key(const Candidate& c) { return std::tuple(c.span.begin, c.span.end, c.rule, c.payload); }

// The trace of `found`, every candidate of the Matcher, from what the later
// stages did with them (see CandidateTrace).
std::vector<CandidateTrace> TraceCandidates(const std::vector<Rule>& rules, std::vector<Candidate> found,
                                            const std::vector<Defeat>& defeats,
                                            const std::vector<NormalizedMention>& normalized,
                                            const ExtractOptions& options, const Document& doc) {
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    return std::tuple(a.span.begin, b.span.end, a.rule, a.payload) < std::tuple(b.span.begin, a.span.end, b.rule, b.payload);
  });
  std::map<std::tuple<uint32_t, uint32_t, uint32_t, uint32_t>, size_t> index;
  for (size_t i = 0; i < found.size(); ++i) index.emplace(Key(found[i]), i);
  std::vector<CandidateTrace> trace(found.size());
  for (size_t i = 0; i < found.size(); ++i) {
    const RuleInfo& info = rules[found[i].rule].info;
    trace[i].span = found[i].span;
    trace[i].rule = info.id;
    trace[i].type = info.type;
    trace[i].priority = info.priority;
    trace[i].outcome = CandidateTrace::Outcome::kRefused;  // unless found below
    if (rules[found[i].rule].blocking()) trace[i].outcome = CandidateTrace::Outcome::kBlocking;
  }
  for (const Defeat& defeat : defeats) {
    CandidateTrace& loser = trace[index.at(Key(defeat.loser))];
    loser.outcome = CandidateTrace::Outcome::kBeaten;
    loser.winner = index.at(Key(defeat.winner));
    loser.reason = defeat.reason;
  }
  for (const NormalizedMention& mention : normalized) {
    const auto rule = static_cast<uint32_t>(mention.rule - rules.data());
    // Normalizing keeps each candidate's span and rule; the payload tells
    // apart only gazetteer rows of one name, of which the Resolver kept one.
    CandidateTrace* kept_one = nullptr;
    for (auto it = index.lower_bound(std::tuple(mention.span.begin, mention.span.end, rule, 0u));
         it != index.end() && it->first <= std::tuple(mention.span.begin, mention.span.end, rule, UINT32_MAX); ++it) {
      if (trace[it->second].outcome == CandidateTrace::Outcome::kRefused) {
        kept_one = &trace[it->second];
        break;
      }
    }
    if (kept_one == nullptr) continue;
    CandidateTrace& kept = *kept_one;
    kept.attributes = mention.attributes;
    const bool filtered = !options.types.empty() && !mention.rule->cue() &&
                          std::find(options.types.begin(), options.types.end(), kept.type) == options.types.end();
    kept.outcome = filtered ? CandidateTrace::Outcome::kFiltered : CandidateTrace::Outcome::kKept;
    for (const Entity& entity : doc.entities) {
      for (const Mention& m : entity.mentions) {
        if (m.span == kept.span && m.rule == kept.rule) kept.entity = entity.id;
      }
    }
  }
  return trace;
}

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
  std::vector<Candidate> refused;
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

Document Extractor::Extract(const RawDocument& raw) { return Extract(raw, nullptr); }

Document Extractor::Extract(const RawDocument& raw, std::vector<CandidateTrace>* trace) {
  Document doc;
  doc.id = raw.id;
  doc.input_bytes = raw.bytes.size();
  doc.meta = raw.meta;
  if (!raw.error.empty()) {
    doc.error = raw.error;
    return doc;
  }
  if (!raw.skipped.code.empty()) {
    doc.skipped = true;
    doc.warnings.push_back(raw.skipped);
    return doc;
  }
  StageClock clock;
  StageTimes& times = state_->times;
  if (std::string error; !DecodeText(raw.bytes, &doc.text, &doc.warnings, &error)) {
    doc.error = std::move(error);  // binary data: no text to look at
    clock.Lap(&times.decode);
    return doc;
  }

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
  std::vector<Candidate> found;
  if (trace != nullptr) found = state_->candidates;
  std::vector<Defeat> defeats;
  NormalizeContext context;
  // A winner its normalizer refuses ("3 hundred and 2 hundred") must take
  // neither the candidates it beat nor those it hid in the Matcher with it:
  // match and resolve again without it. Each round refuses at least one
  // more candidate, and refusals are rare (263 over Reuters-21578).
  state_->refused.clear();
  for (;;) {
    defeats.clear();
    ResolveOverlaps(rules.rules, state_->options.keep_overlaps, &state_->candidates,
                    trace != nullptr ? &defeats : nullptr);
    clock.Lap(&times.resolve);
    state_->mentions.clear();
    context = NormalizeContext{doc.text, &doc.sentences, dct, {}, 0};
    if (!dct.known()) context.dct = DatelineDate(rules.rules, rules.matcher, state_->candidates, &context);
    const size_t refused_before = state_->refused.size();
    NormalizeCandidates(rules.rules, rules.matcher, state_->candidates, &context, &state_->mentions,
                        &state_->refused);
    clock.Lap(&times.normalize);
    if (state_->refused.size() == refused_before) break;
    state_->candidates.clear();
    rules.matcher.Scan(doc.text, doc.tokens, &state_->candidates, state_->refused);
    clock.Lap(&times.match);
    if (trace != nullptr) {
      for (const Candidate& c : state_->candidates) {
        if (std::find(found.begin(), found.end(), c) == found.end()) found.push_back(c);
      }
    }
  }
  if (!dct.known() && context.dct.known()) {
    doc.dct = fmt::format("{:04}-{:02}-{:02}", context.dct.year, context.dct.month, context.dct.day);
    doc.dct_source = "dateline";
  }
  std::vector<NormalizedMention> normalized;
  if (trace != nullptr) normalized = state_->mentions;
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
  if (trace != nullptr) {
    std::vector<CandidateTrace> traced =
        TraceCandidates(rules.rules, std::move(found), defeats, normalized, state_->options, doc);
    trace->insert(trace->end(), std::make_move_iterator(traced.begin()), std::make_move_iterator(traced.end()));
  }
  return doc;
}

const StageTimes& Extractor::times() const { return state_->times; }

}  // namespace lede
