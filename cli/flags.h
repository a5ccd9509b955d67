// Command-line flags of `lede`, in two layers as ripgrep has them: one flag
// table (the single source of --help, the man page and the shell
// completions) parsed into raw strings, then turned into the library's
// option structs. No extraction logic lives here.
#ifndef LEDE_CLI_FLAGS_H_
#define LEDE_CLI_FLAGS_H_

#include <string>
#include <vector>

#include "lede/batch.h"
#include "lede/eval.h"
#include "lede/extractor.h"
#include "lede/rules.h"
#include "lede/source.h"
#include "lede/writer.h"

namespace lede::cli {

enum class Command { kExtract, kExplain, kRulesList, kRulesTest, kRulesCheck, kEval, kGenerate, kHelp, kVersion };

// --color: auto colors only a terminal that wants them (NO_COLOR unset).
enum class ColorChoice { kAuto, kAlways, kNever };

// --generate: what to print.
enum class Generated { kMan, kBash, kZsh, kFish };

struct Args {
  Command command = Command::kExtract;
  std::vector<std::string> paths;  // inputs of extract; explain: a file, or the words of a text
  std::string pack;                // rules test|check: one pack, or all
  bool quiet = false;              // no progress, no summary on stderr
  bool progress = false;           // progress on stderr even when it is not a terminal
  bool profile = false;            // per-stage times on stderr
  bool json = false;               // eval: a JSON report
  RuleSetOptions rules;
  ExtractOptions extract;
  SourceOptions source;
  WriterOptions writer;            // packs are filled in once the rules are loaded
  BatchOptions batch;
  EvalOptions eval;
  ColorChoice color = ColorChoice::kAuto;  // --format text and explain
  bool count = false;                      // counts per type instead of records
  std::vector<std::string> expected_types; // -e type=T: exit 1 unless each is found
  Generated generate = Generated::kMan;
};

// Parses the command line. On a usage error returns false and sets *error to
// a one-line message.
bool ParseArgs(int argc, const char* const* argv, Args* args, std::string* error);

// The text of `lede --help`.
std::string HelpText();

// What `lede --generate KIND` prints: the man page (roff) or a shell
// completion script, made from the flag table as --help is.
std::string Generate(Generated kind);

}  // namespace lede::cli

#endif  // LEDE_CLI_FLAGS_H_
