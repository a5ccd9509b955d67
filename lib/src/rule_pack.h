// Parsing one rule pack (TOML) into plain specs; docs/rules.md has the format.
//
// This stage checks everything that can be checked from the pack alone:
// TOML syntax, required and unknown keys, rule id shape, macro references and
// cycles, normalizer names. Compiling the regexes and loading gazetteers is
// rules.cpp's job, which reports with the line numbers kept here.
#ifndef LEDE_SRC_RULE_PACK_H_
#define LEDE_SRC_RULE_PACK_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lede/rules.h"

namespace lede {

// An example or counter-example. The text may mark the expected span with
// [brackets]; value and dct are optional ("" when absent).
struct Example {
  std::string text;
  std::string value;
  std::string dct;
  uint32_t line = 0;
};

struct RuleSpec {
  RuleInfo info;                  // id, type, subtype, normalize, priority, origin
  std::string pattern;            // regex rules: the pattern, macros expanded
  uint32_t pattern_line = 0;
  std::string preceded_by;        // context regexes, macros expanded; "" for none
  std::string followed_by;
  std::string lookup;             // regex rules: a TSV the normalizer looks captures up in
  uint32_t lookup_line = 0;
  std::vector<std::string> lookup_key;  // the captures that must name entries of `lookup`
  std::string reject;             // regex rules: a TSV of names captures must not be
  uint32_t reject_line = 0;
  std::vector<std::string> reject_key;  // the captures that must name no entry of `reject`
  std::string starts_with;        // regex rules: a TSV one of whose names the match begins with
  uint32_t starts_with_line = 0;
  std::string contains;           // regex rules: a TSV one of whose names the match holds, near its start
  uint32_t contains_line = 0;
  std::string follows;            // regex rules: a TSV one of whose names the match comes right after
  uint32_t follows_line = 0;
  std::string gazetteer;          // gazetteer rules: TSV path relative to the pack
  uint32_t gazetteer_line = 0;
  std::vector<std::string> match_columns;  // gazetteer columns whose names match; empty: the default
  bool ignore_case = false;       // gazetteer names match in any ASCII case
  bool capitals = false;          // gazetteer names match as written or in capitals
  bool headline = true;           // false: the rule does not fire in a title-case line
  std::vector<std::pair<std::string, std::string>> args;  // args = {name = "value"} for the normalizer
  std::vector<Example> examples;
  std::vector<Example> counter_examples;
};

struct PackSpec {
  PackInfo info;
  std::vector<RuleSpec> rules;
};

class GazetteerTable;

// Gives the gazetteer at `path` (relative to the pack), for macros made of
// its names; false with *error set when it cannot.
using TableLoader = std::function<bool(const std::string& path, const GazetteerTable** table, std::string* error)>;

// Parses `toml`, read from `origin` (used in messages). On failure returns
// false and sets *error to "origin:line: message".
bool ParsePack(std::string_view toml, const std::string& origin, const TableLoader& load_table, PackSpec* pack,
               std::string* error);

// The regex that matches any name of `table` in `columns` (indexes), in any
// case and with an optional plural "s" (or only as written, if
// `as_written`); longest names first, white space matching any run of it.
std::string NamesPattern(const GazetteerTable& table, const std::vector<int>& columns, bool as_written);

// Splits an example's text at its [brackets]: *plain gets the text without
// them, *begin/*end the byte range they enclosed. Returns false when the text
// marks no span (then *plain is the text as written).
bool SplitExampleSpan(std::string_view text, std::string* plain, uint32_t* begin, uint32_t* end);

}  // namespace lede

#endif  // LEDE_SRC_RULE_PACK_H_
