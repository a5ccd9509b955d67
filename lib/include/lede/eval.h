// Evaluate: precision, recall and F1 per entity type against a gold corpus.
//
// The gold corpus is JSON Lines, one document per line:
//   {"id","text","dct","source","entities":[{"start","end","type","text","value"}]}
// with code-point offsets (../shared/corpora/README.md). Each text runs
// through the pipeline with its own dct; every mention lede finds is compared
// with the gold entities of its type.
//
//   strict   the same span and type
//   relaxed  overlapping spans of the same type, matched one to one
//   value    of the relaxed matches whose gold has a value, the share where
//            lede's value is the same (numbers compared as numbers)
#ifndef LEDE_EVAL_H_
#define LEDE_EVAL_H_

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "lede/rules.h"
#include "lede/status.h"

namespace lede {

struct EvalOptions {
  std::string gold_path;
  // Gold type -> lede type, applied before comparing ("DURATION" -> "DATE").
  // A gold type mapped to "" is dropped.
  std::vector<std::pair<std::string, std::string>> type_map;
  // Only documents whose "source" is one of these; empty takes all.
  std::vector<std::string> sources;
  // Collect every miss and false alarm in EvalReport::details.
  bool details = false;
};

struct TypeScore {
  std::string type;
  size_t gold = 0;
  size_t predicted = 0;
  size_t strict = 0;   // exact span matches
  size_t relaxed = 0;  // overlapping matches
  size_t valued = 0;   // relaxed matches whose gold has a value
  size_t value_ok = 0;

  double StrictPrecision() const;
  double StrictRecall() const;
  double StrictF1() const;
  double RelaxedPrecision() const;
  double RelaxedRecall() const;
  double RelaxedF1() const;
  double ValueAccuracy() const;
};

struct EvalReport {
  size_t documents = 0;
  std::vector<TypeScore> types;  // sorted by type, gold types first
  TypeScore total;               // over the types the gold annotates
  std::vector<std::string> details;

  std::string ToText() const;  // an aligned table
  std::string ToJson() const;  // one JSON object
};

Status Evaluate(const std::shared_ptr<const RuleSet>& rules, const EvalOptions& options,
                EvalReport* report);

}  // namespace lede

#endif  // LEDE_EVAL_H_
