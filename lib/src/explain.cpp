#include "lede/explain.h"

#include <fmt/format.h>

#include "highlight.h"
#include "json.h"
#include "offsets.h"

namespace lede {
namespace {

using Outcome = CandidateTrace::Outcome;
using Reason = CandidateTrace::Reason;

std::string Quoted(std::string_view text) {
  std::string out;
  AppendJsonString(text, &out);
  return out;
}

// The non-empty attributes as a JSON object, keys as in the record.
std::string AttributesJson(const Attributes& a) {
  std::string out;
  JsonBuilder json(&out, false);
  json.BeginObject();
  auto string = [&](std::string_view key, const std::string& value) {
    if (value.empty()) return;
    json.Key(key);
    json.String(value);
  };
  auto value = [&](std::string_view key, const Value& v) {
    if (v.empty()) return;
    json.Key(key);
    v.kind == Value::Kind::kNumber ? json.Number(v.text) : json.String(v.text);
  };
  string("subtype", a.subtype);
  string("canonical", a.canonical);
  value("value", a.value);
  value("value_max", a.value_max);
  string("timex_type", a.timex_type);
  string("mod", a.mod);
  string("freq", a.freq);
  string("code", a.code);
  string("country", a.country);
  string("ticker", a.ticker);
  string("currency", a.currency);
  string("unit", a.unit);
  json.EndObject();
  return out;
}

std::string_view ReasonText(Reason reason) {
  switch (reason) {
    case Reason::kPriority: return "higher priority";
    case Reason::kLength: return "longer";
    case Reason::kPosition: return "starts first";
    case Reason::kOrder: return "a full tie; its rule is declared first";
  }
  return "";
}

class Explainer {
 public:
  Explainer(const Document& doc, const std::vector<CandidateTrace>& trace, const ExplainOptions& options)
      : doc_(doc), trace_(trace), offsets_(doc.text, options.offsets), paint_(options.color) {}

  std::string Report() {
    out_ = paint_("1", fmt::format("==> {} <==", doc_.id)) + "\n";
    if (!doc_.error.empty()) return out_ + fmt::format("error: {}\n", doc_.error);
    size_t counts[5] = {};
    for (const CandidateTrace& c : trace_) {
      ++counts[static_cast<size_t>(c.outcome)];
      Describe(c);
    }
    const size_t linked = LinkerMentions();
    out_ += fmt::format("{} candidates: {} kept, {} beaten, {} blocking, {} refused", trace_.size(),
                        counts[static_cast<size_t>(Outcome::kKept)], counts[static_cast<size_t>(Outcome::kBeaten)],
                        counts[static_cast<size_t>(Outcome::kBlocking)],
                        counts[static_cast<size_t>(Outcome::kRefused)]);
    if (size_t filtered = counts[static_cast<size_t>(Outcome::kFiltered)]; filtered > 0) {
      out_ += fmt::format(", {} filtered", filtered);
    }
    out_ += fmt::format("; {} from the linker; ", linked);
    out_ += doc_.dct.empty() ? "no document date\n" : fmt::format("document date {} ({})\n", doc_.dct, doc_.dct_source);
    return out_;
  }

 private:
  // "12-19 "Samsung"": where a span is and what it says.
  std::string Where(Span span, std::string_view type) const {
    const std::string offsets = fmt::format("{}-{}", offsets_.Convert(span.begin), offsets_.Convert(span.end));
    return fmt::format("{} {}", paint_("2", offsets), paint_.Type(type, Quoted(doc_.Text(span))));
  }

  void Describe(const CandidateTrace& c) {
    out_ += fmt::format("{} {} {} {}\n", Where(c.span, c.type), paint_.Type(c.type, c.type), c.rule,
                        paint_("2", fmt::format("priority {}", c.priority)));
    switch (c.outcome) {
      case Outcome::kKept:
        out_ += fmt::format("  {}: {}\n", paint_("32", "kept"),
                            c.entity.empty() ? CueUse(c.span) : c.entity + " " + AttributesJson(c.attributes));
        break;
      case Outcome::kBlocking:
        out_ += fmt::format("  {}: holds its place and yields nothing\n", paint_("33", "blocking"));
        break;
      case Outcome::kBeaten: {
        const CandidateTrace& w = trace_[c.winner];
        std::string reason(ReasonText(c.reason));
        if (c.reason == Reason::kPriority) reason += fmt::format(" ({} > {})", w.priority, c.priority);
        out_ += fmt::format("  {} by {} {} {}: {}\n", paint_("31", w.outcome == Outcome::kBlocking ? "blocked" : "beaten"),
                            w.type, w.rule, Where(w.span, w.type), reason);
        break;
      }
      case Outcome::kRefused:
        out_ += fmt::format("  {}: its normalizer found no value in it\n", paint_("33", "refused"));
        break;
      case Outcome::kFiltered:
        out_ += fmt::format("  {}: not of the types asked for\n", paint_("2", "filtered"));
        break;
    }
  }

  // What the Agreements stage made of a cue it was handed.
  std::string CueUse(Span span) const {
    for (const Agreement& agreement : doc_.agreements) {
      if (agreement.trigger == span) return "trigger of " + agreement.id;
    }
    return "a cue for the agreements stage";
  }

  // Mentions that no candidate explains: the Linker's short forms and
  // acronyms. Returns their count.
  size_t LinkerMentions() {
    size_t count = 0;
    for (const EntityMention& m : MentionsInTextOrder(doc_, true)) {
      bool from_rule = false;
      for (const CandidateTrace& c : trace_) {
        from_rule |= c.outcome == Outcome::kKept && c.span == m.mention->span && c.rule == m.mention->rule;
      }
      if (from_rule) continue;
      const std::string& type = m.entity->type;
      out_ += fmt::format("{} {} {}\n  {}: {} {}\n", Where(m.mention->span, type),
                          paint_.Type(type, type), m.mention->rule, paint_("32", "linked"),
                          m.entity->id, AttributesJson(m.entity->attributes));
      ++count;
    }
    return count;
  }

  const Document& doc_;
  const std::vector<CandidateTrace>& trace_;
  const OffsetMap offsets_;
  const Painter paint_;
  std::string out_;
};

}  // namespace

std::string FormatExplanation(const Document& doc, const std::vector<CandidateTrace>& trace,
                              const ExplainOptions& options) {
  return Explainer(doc, trace, options).Report();
}

}  // namespace lede
