// Command-line flags of `lede`, in two layers as ripgrep has them: one flag
// table (the single source of --help, and later of the man page and shell
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

enum class Command { kExtract, kRulesList, kRulesTest, kRulesCheck, kEval, kHelp, kVersion };

struct Args {
  Command command = Command::kExtract;
  std::vector<std::string> paths;  // inputs of extract
  std::string pack;                // rules test|check: one pack, or all
  bool quiet = false;
  bool profile = false;            // per-stage times on stderr
  bool json = false;               // eval: a JSON report
  RuleSetOptions rules;
  ExtractOptions extract;
  SourceOptions source;
  WriterOptions writer;            // packs are filled in once the rules are loaded
  BatchOptions batch;
  EvalOptions eval;
};

// Parses the command line. On a usage error returns false and sets *error to
// a one-line message.
bool ParseArgs(int argc, const char* const* argv, Args* args, std::string* error);

// The text of `lede --help`.
std::string HelpText();

}  // namespace lede::cli

#endif  // LEDE_CLI_FLAGS_H_
