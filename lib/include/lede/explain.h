// Explain: the report of `lede explain`, which shows an analyst writing a
// rule what every rule found in a text and what became of it.
//
// For each candidate of the trace (Extractor::Extract with a trace), in text
// order: its span, text, type, rule and priority, then its fate: kept (with
// the entity it joined and the attributes its normalizer gave, as JSON),
// beaten (by which candidate, and by which of the Resolver's tests), blocked
// by a rule of type NONE, refused by its normalizer, or left out by a type
// filter. Mentions no rule found (the Linker's short forms and acronyms)
// follow, then a summary. docs/cli.md shows an example.
//
// Thread-safety: a pure function.
#ifndef LEDE_EXPLAIN_H_
#define LEDE_EXPLAIN_H_

#include <string>
#include <vector>

#include "lede/document.h"
#include "lede/extractor.h"
#include "lede/writer.h"

namespace lede {

struct ExplainOptions {
  bool color = false;  // ANSI colors, for a terminal
  OffsetUnit offsets = OffsetUnit::kCodePoints;
};

// The report for `doc` and the trace its extraction gave.
std::string FormatExplanation(const Document& doc, const std::vector<CandidateTrace>& trace,
                              const ExplainOptions& options);

}  // namespace lede

#endif  // LEDE_EXPLAIN_H_
