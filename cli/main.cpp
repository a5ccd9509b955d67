// lede: the command line. It parses flags, loads the rule packs, wires the
// library's stages together and turns outcomes into exit codes; everything
// else lives in liblede.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include <unistd.h>

#include "flags.h"
#include "lede/batch.h"
#include "lede/eval.h"
#include "lede/explain.h"
#include "lede/progress.h"
#include "lede/rules.h"

namespace lede::cli {
namespace {

// Exit codes, as ripgrep's: 1 is kept for "a condition was not met".
constexpr int kExitOk = 0;
constexpr int kExitUnmet = 1;
constexpr int kExitError = 2;

// Set by the first SIGINT of an extraction (see CatchInterrupt).
std::atomic<bool> interrupted = false;

void OnInterrupt(int) { interrupted = true; }

// Ctrl-C during an extraction stops reading; the documents in flight are
// finished and written, so the output ends with a whole record (and a whole
// JSON array). The handler is reset by its first call: a second Ctrl-C kills
// at once. SA_RESTART keeps a read or write it cuts short from failing. A
// SIGINT that was ignored (nohup, `cmd &` in a script) stays ignored.
void CatchInterrupt() {
  struct sigaction action = {};
  sigaction(SIGINT, nullptr, &action);
  if (action.sa_handler == SIG_IGN) return;
  action.sa_handler = OnInterrupt;
  action.sa_flags = SA_RESETHAND | SA_RESTART;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "lede: %s\n", message.c_str());
  return kExitError;
}

// Writes to stdout. A reader that went away (EPIPE, as in `lede ... | head`)
// ends the run quietly; any other write error is reported.
class Output {
 public:
  bool Write(std::string_view bytes) {
    if (broken_pipe_ || failed_) return false;
    if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) == bytes.size()) return true;
    (errno == EPIPE ? broken_pipe_ : failed_) = true;
    error_ = errno;
    return false;
  }
  // Flushes; returns the exit code the output alone calls for.
  int Finish() {
    if (!broken_pipe_ && !failed_ && std::fflush(stdout) != 0) {
      (errno == EPIPE ? broken_pipe_ : failed_) = true;
      error_ = errno;
    }
    if (failed_) return Fail(fmt::format("cannot write the output: {}", std::strerror(error_)));
    return kExitOk;
  }

 private:
  bool broken_pipe_ = false;
  bool failed_ = false;
  int error_ = 0;
};

void PrintProfile(const BatchSummary& summary) {
  const StageTimes& t = summary.stages;
  const std::pair<const char*, double> stages[] = {
      {"read", summary.read},   {"decode", t.decode},       {"segment", t.segment}, {"match", t.match},
      {"resolve", t.resolve},   {"normalize", t.normalize}, {"link", t.link},       {"agreements", t.agreements},
      {"write", summary.write}};
  double total = 0;
  for (const auto& [name, seconds] : stages) total += seconds;
  std::fprintf(stderr, "lede: %llu documents, %.1f MB; time per stage, all threads:\n",
               static_cast<unsigned long long>(summary.documents), summary.bytes / 1e6);
  for (const auto& [name, seconds] : stages) {
    std::fprintf(stderr, "  %-10s %8.3f s %5.1f%%\n", name, seconds, total > 0 ? 100 * seconds / total : 0.0);
  }
}

// Color where a person reads the output: a terminal, unless NO_COLOR
// (no-color.org) or TERM=dumb says otherwise.
bool UseColor(ColorChoice choice) {
  if (choice != ColorChoice::kAuto) return choice == ColorChoice::kAlways;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) != 0 && (no_color == nullptr || *no_color == '\0') &&
         (term == nullptr || std::strcmp(term, "dumb") != 0);
}

// The table of --count: entities and mentions per type, as TSV.
std::string CountTable(const BatchSummary& summary) {
  std::string out = "type\tentities\tmentions\n";
  for (const auto& [type, count] : summary.types) {
    out += fmt::format("{}\t{}\t{}\n", type, count.entities, count.mentions);
  }
  return out;
}

int Extract(Args& args, const std::shared_ptr<const RuleSet>& rules) {
  const std::vector<std::string> known = rules->types();
  for (const std::string& type : args.expected_types) {
    if (std::find(known.begin(), known.end(), type) == known.end()) {
      return Fail(fmt::format("--fail-if: no rule finds type '{}'", type));
    }
  }
  for (const PackInfo& pack : rules->packs()) args.writer.packs.emplace_back(pack.name, pack.version);
  args.writer.color = UseColor(args.color);
  Source source(args.paths, args.source);
  Writer writer(args.writer);
  Output output;
  BatchSummary summary;
  CatchInterrupt();
  args.batch.interrupt = &interrupted;
  // Progress only where someone watches: on a terminal, unless forced.
  const bool terminal = isatty(STDERR_FILENO) != 0;
  BatchProgress progress;
  BatchOptions batch = args.batch;
  std::unique_ptr<ProgressMeter> meter;
  if (args.progress || (terminal && !args.quiet)) {
    ProgressOptions options;
    options.terminal = terminal;
    options.delay_seconds = args.progress ? 0 : 1;
    options.total_bytes = source.TotalBytes();
    batch.progress = &progress;
    meter = std::make_unique<ProgressMeter>(progress, options);
  }
  // --count writes its table at the end instead of the records.
  Status status = RunBatch(source, rules, args.extract, writer, batch,
                           [&](std::string_view bytes) { return args.count || output.Write(bytes); }, &summary);
  if (meter) meter->Finish();
  if (!status.ok()) return Fail(status.message());
  if (args.profile) PrintProfile(summary);
  if (args.count) output.Write(CountTable(summary));
  if (int code = output.Finish(); code != kExitOk) return code;
  if (summary.stopped) return kExitOk;  // the reader went away: not an error, as in ripgrep
  if (interrupted) {
    std::fprintf(stderr, "lede: interrupted after %llu records\n", static_cast<unsigned long long>(summary.documents));
    return kExitError;
  }
  if (summary.failed > 0) {
    if (!args.quiet) {
      std::fprintf(stderr, "lede: %llu of %llu inputs could not be processed; their records carry \"error\"\n",
                   static_cast<unsigned long long>(summary.failed), static_cast<unsigned long long>(summary.documents));
    }
    return kExitError;
  }
  int code = kExitOk;
  for (const std::string& type : args.expected_types) {
    if (summary.types.contains(type)) continue;
    if (!args.quiet) std::fprintf(stderr, "lede: --fail-if type=%s: none found\n", type.c_str());
    code = kExitUnmet;
  }
  return code;
}

// `lede explain TEXT|FILE`: one document: standard input for no argument or
// "-"; a file if the one argument names one, or looks like a path (so that a
// mistyped path fails rather than being explained as text); else the
// arguments, joined by spaces, are the text.
int Explain(const Args& args, const std::shared_ptr<const RuleSet>& rules) {
  std::unique_ptr<Extractor> extractor;
  Status status = Extractor::Create(rules, args.extract, &extractor);
  if (!status.ok()) return Fail(status.message());
  RawDocument raw;
  const std::vector<std::string>& words = args.paths;
  const bool path = words.size() == 1 && (words[0] == "-" || std::filesystem::is_regular_file(words[0]) ||
                                          (words[0].find('/') != std::string::npos &&
                                           words[0].find_first_of(" \t\n") == std::string::npos));
  if (words.empty() || path) {
    SourceOptions options;
    options.mode = SourceOptions::Mode::kText;
    Source source(words, options);
    source.Next(&raw);
  } else {
    raw.id = "text";
    for (const std::string& word : words) raw.bytes += (raw.bytes.empty() ? "" : " ") + word;
  }
  std::vector<CandidateTrace> trace;
  const Document doc = extractor->Extract(raw, &trace);
  if (!doc.error.empty()) return Fail(fmt::format("{}: {}", doc.id, doc.error));
  ExplainOptions options;
  options.color = UseColor(args.color);
  options.offsets = args.writer.offsets;
  Output output;
  output.Write(FormatExplanation(doc, trace, options));
  return output.Finish();
}

int ListRules(const RuleSet& rules, const std::string& pack) {
  bool found = pack.empty();
  for (const PackInfo& info : rules.packs()) {
    if (!pack.empty() && info.name != pack) continue;
    found = true;
    fmt::print("{} {} ({} rules) {}\n  {}\n", info.name, info.version, info.rules.size(), info.origin,
               info.description);
    for (const RuleInfo& rule : info.rules) {
      fmt::print("  {:<28} {:<9} {:<10} priority {:>4}  {:<9} {}\n", rule.id, rule.type,
                 rule.normalize.empty() ? "-" : rule.normalize, rule.priority, rule.gazetteer ? "gazetteer" : "regex",
                 fmt::format("{} examples, {} counter", rule.examples, rule.counter_examples));
    }
  }
  if (!found) return Fail(fmt::format("no rule pack named '{}'", pack));
  std::string types;
  for (const std::string& type : rules.types()) types += (types.empty() ? "" : " ") + type;
  fmt::print("types: {}\n", types);
  return kExitOk;
}

int TestRules(const std::shared_ptr<const RuleSet>& rules, const std::string& pack) {
  std::vector<ExampleFailure> failures;
  size_t checked = 0;
  Status status = TestRuleExamples(rules, pack, &failures, &checked);
  if (!status.ok()) return Fail(status.message());
  for (const ExampleFailure& f : failures) {
    fmt::print("{}: {}: {}\n    {}\n", f.origin, f.rule, f.text, f.reason);
  }
  fmt::print("{} examples, {} failed\n", checked, failures.size());
  return failures.empty() ? kExitOk : kExitUnmet;
}

// Lint beyond what loading checks: every rule should show what it finds.
int CheckRules(const RuleSet& rules, const std::string& pack) {
  size_t findings = 0, count = 0;
  for (const PackInfo& info : rules.packs()) {
    if (!pack.empty() && info.name != pack) continue;
    for (const RuleInfo& rule : info.rules) {
      ++count;
      if (rule.examples == 0) {
        fmt::print("{}: {}: no examples\n", rule.origin, rule.id);
        ++findings;
      }
    }
  }
  fmt::print("{} rules checked, {} findings\n", count, findings);
  return findings == 0 ? kExitOk : kExitUnmet;
}

int Evaluate(const Args& args, const std::shared_ptr<const RuleSet>& rules) {
  EvalReport report;
  Status status = lede::Evaluate(rules, args.eval, &report);
  if (!status.ok()) return Fail(status.message());
  for (const std::string& line : report.details) fmt::print("{}\n", line);
  fmt::print("{}", args.json ? report.ToJson() : report.ToText());
  return kExitOk;
}

int Run(int argc, char** argv) {
  Args args;
  std::string error;
  if (!ParseArgs(argc, argv, &args, &error)) {
    std::fprintf(stderr, "lede: %s\nUsage: lede [OPTIONS] [PATH|-]...  (see lede --help)\n", error.c_str());
    return kExitError;
  }
  if (args.command == Command::kHelp) {
    fmt::print("{}", HelpText());
    return kExitOk;
  }
  if (args.command == Command::kVersion) {
    fmt::print("lede {}\n", LEDE_VERSION);
    return kExitOk;
  }
  if (args.command == Command::kGenerate) {
    fmt::print("{}", Generate(args.generate));
    return kExitOk;
  }
  std::shared_ptr<const RuleSet> rules;
  Status status = RuleSet::Load(args.rules, &rules);
  if (!status.ok()) return Fail(status.message());
  // The rules live until the process ends: freeing their compiled regexes
  // and name indexes one by one would cost a tenth of a one-article run,
  // and the system takes the memory back at once.
  static auto* const kept_until_exit = new std::shared_ptr<const RuleSet>();
  *kept_until_exit = rules;
  switch (args.command) {
    case Command::kRulesList: return ListRules(*rules, args.pack);
    case Command::kRulesTest: return TestRules(rules, args.pack);
    case Command::kRulesCheck: return CheckRules(*rules, args.pack);
    case Command::kEval: return Evaluate(args, rules);
    case Command::kExplain: return Explain(args, rules);
    default: return Extract(args, rules);
  }
}

}  // namespace
}  // namespace lede::cli

int main(int argc, char** argv) {
  // A closed pipe must show up as EPIPE from fwrite, not kill the process.
  std::signal(SIGPIPE, SIG_IGN);
  const int code = lede::cli::Run(argc, argv);
  if (lede::cli::interrupted) {
    // Die of the signal, as the shell expects of an interrupted command
    // (status 130; a loop around lede stops too).
    std::signal(SIGINT, SIG_DFL);
    std::raise(SIGINT);
  }
  return code;
}
