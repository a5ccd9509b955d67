// RuleSet: the rule packs lede extracts with, loaded and compiled once.
//
// A rule pack is a TOML file (docs/rules.md): a [pack] header, [define]
// macros, and [[rule]] tables, each a regex or a gazetteer (TSV) with a type,
// a normalizer and its own examples. The packs under patterns/ are compiled
// into lede; directories given in RuleSetOptions add packs or replace a
// built-in pack of the same name.
//
// Loading is all or nothing: the first broken pack (TOML syntax, a regex RE2
// refuses, an unknown normalizer, a duplicate rule id, a missing gazetteer)
// fails the whole load with "file:line: message".
//
// Thread-safety: a RuleSet is immutable once loaded; share one among any
// number of threads and Extractors.
#ifndef LEDE_RULES_H_
#define LEDE_RULES_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "lede/status.h"

namespace lede {

struct RuleInfo {
  std::string id;         // "percent.numeric", unique across all packs
  std::string type;       // entity type; "NONE" for rules that only block
  std::string subtype;
  std::string normalize;  // normalizer name, "" for none
  std::string origin;     // "patterns/en/percent.toml:12"
  int priority = 0;
  bool gazetteer = false;  // matched from a TSV list rather than a regex
  size_t examples = 0;
  size_t counter_examples = 0;
};

struct PackInfo {
  std::string name;
  std::string version;
  std::string language;
  std::string description;
  std::string origin;  // file the pack came from
  std::vector<RuleInfo> rules;
};

struct RuleSetOptions {
  // Start from the packs compiled into lede.
  bool builtin = true;
  // Directories whose *.toml packs (recursively) are added; a pack whose
  // name equals a built-in pack's replaces it.
  std::vector<std::string> pattern_dirs;
};

// One example or counter-example that did not behave, as `lede rules test`
// reports it.
struct ExampleFailure {
  std::string rule;    // rule id
  std::string origin;  // pack file and line of the rule
  std::string text;    // the example as written
  std::string reason;  // what was expected and what came out
};

class RuleSet {
 public:
  // Loads and compiles the packs `options` names into *out.
  static Status Load(const RuleSetOptions& options, std::shared_ptr<const RuleSet>* out);
  // Test hook: loads packs from memory. `files` maps paths ("en/x.toml",
  // "en/gazetteers/y.tsv") to contents; every *.toml among them is a pack.
  static Status FromFiles(const std::vector<std::pair<std::string, std::string>>& files,
                          std::shared_ptr<const RuleSet>* out);

  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;
  ~RuleSet();

  // The packs in load order, with their rules in file order.
  const std::vector<PackInfo>& packs() const;
  // Every entity type some rule can produce, sorted; "NONE" and the cues
  // of the Agreements stage ("AGREEMENT_STATUS" ...) excluded.
  std::vector<std::string> types() const;

  // Internals shared with the pipeline stages (lib/src/rules_impl.h).
  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit RuleSet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Runs every example and counter-example of the pack named `pack` (all packs
// when empty) through the whole pipeline. An example passes when its rule
// finds a mention of the rule's type in it (exactly over the part in
// [brackets], if the example marks one, and with the expected value, if it
// gives one); a counter-example passes when no mention of the rule's type is
// found (inside its [brackets], if marked). Failures are appended to
// *failures; *checked counts the examples run. NotFound for an unknown pack.
Status TestRuleExamples(const std::shared_ptr<const RuleSet>& rules, const std::string& pack,
                        std::vector<ExampleFailure>* failures, size_t* checked);

}  // namespace lede

#endif  // LEDE_RULES_H_
