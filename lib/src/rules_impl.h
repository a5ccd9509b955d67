// The compiled form of a RuleSet, shared by the pipeline stages.
#ifndef LEDE_SRC_RULES_IMPL_H_
#define LEDE_SRC_RULES_IMPL_H_

#include <memory>
#include <string>
#include <vector>

#include "agreements.h"
#include "gazetteer.h"
#include "lede/rules.h"
#include "matcher.h"
#include "normalizer.h"
#include "rule_pack.h"

namespace lede {

// The type of rules that claim a span only to keep other rules off it
// ("5G", "COVID-19"); they never yield an entity.
inline constexpr std::string_view kBlockingType = "NONE";

struct Rule {
  RuleInfo info;
  std::string pattern;                    // regex rules
  std::string pattern_origin;             // "file:line" of the pattern
  std::string preceded_by;                // context regexes, "" for none
  std::string followed_by;
  std::vector<std::string> group_names;   // regex rules: group i+1's name, "" if unnamed
  const GazetteerTable* table = nullptr;  // gazetteer rules; the lookup table of regex rules
  std::vector<int> match_columns;         // gazetteer rules
  std::vector<std::string> lookup_key;    // regex rules: captures that must be in `table`
  const GazetteerTable* reject = nullptr;  // regex rules: names `reject_key` must not be
  std::vector<std::string> reject_key;
  const GazetteerTable* starts_with = nullptr;  // regex rules: matches begin with one of its names
  const GazetteerTable* contains = nullptr;     // regex rules: matches hold one of its names, near their start
  const GazetteerTable* follows = nullptr;      // regex rules: matches come right after one of its names
  bool ignore_case = false;               // gazetteer rules, and the names of starts_with, contains and follows
  bool capitals = false;                  // gazetteer rules
  bool headline = true;                   // false: not in a title-case line
  NormalizeFn normalize = nullptr;
  std::vector<std::pair<std::string, std::string>> args;  // fixed inputs of the normalizer
  std::vector<Example> examples;
  std::vector<Example> counter_examples;

  bool blocking() const { return info.type == kBlockingType || info.type == kNotAgreementType; }
  // A cue for the Agreements stage: it competes only with other cues.
  bool cue() const { return IsCueType(info.type); }
};

struct RuleSet::Impl {
  std::vector<PackInfo> packs;
  std::vector<Rule> rules;  // all packs' rules, in pack order
  std::vector<std::unique_ptr<GazetteerTable>> tables;
  Matcher matcher;
};

}  // namespace lede

#endif  // LEDE_SRC_RULES_IMPL_H_
