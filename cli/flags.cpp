#include "flags.h"

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <map>

namespace lede::cli {
namespace {

namespace po = boost::program_options;

// The commands a flag applies to.
enum Scope : unsigned { kExtract = 1, kRules = 2, kEval = 4, kAll = 7 };

struct Flag {
  const char* names;  // "long,s" as Boost wants it
  const char* value;  // name of its value; null for a switch
  const char* help;
  unsigned scope;
};

// The one flag table: parsing and --help both read it.
constexpr Flag kFlags[] = {
    {"dct", "DATE",
     "Document creation date (YYYY-MM-DD) for every input; relative dates resolve against it. Without it, "
     "the date an input carries (JSON Lines field) is used.",
     kExtract},
    {"types,t", "TYPES", "Keep only entities of these types, comma-separated (ORG,DATE).", kExtract},
    {"format", "FORMAT", "Output: jsonl (one record per line, the default) or json (one array).", kExtract},
    {"pretty", nullptr, "Indent the output.", kExtract},
    {"offsets", "UNIT", "Offsets in codepoints (default), bytes or utf16 code units.", kExtract},
    {"overlaps", "MODE", "resolve (default): one entity per place; keep: every candidate.", kExtract},
    {"threads,j", "N", "Worker threads (default: one per core).", kExtract},
    {"jsonl", nullptr, "Read every input, stdin included, as JSON Lines (default for *.jsonl, *.ndjson).", kExtract},
    {"text", nullptr, "Read every input as one plain-text document, *.jsonl included.", kExtract},
    {"text-field", "FIELD", "JSON Lines field holding the text (default text; dotted paths reach inside objects).",
     kExtract},
    {"id-field", "FIELD", "JSON Lines field holding the document id (default id).", kExtract},
    {"date-field", "FIELD", "JSON Lines field holding the document date (default dct).", kExtract},
    {"max-doc-bytes", "N", "Larger documents become error records (default 64M; K, M, G suffixes).", kExtract},
    {"quiet,q", nullptr, "No summary of failed inputs on stderr.", kExtract},
    {"profile", nullptr, "Print the time spent per stage, over all threads, on stderr at the end.", kExtract},
    {"patterns", "DIR",
     "Add the rule packs in DIR (repeatable); a pack named like a built-in one replaces it.", kAll},
    {"no-builtin", nullptr, "Leave out the built-in rule packs.", kAll},
    {"gold", "FILE", "Gold corpus, JSON Lines with entities (required).", kEval},
    {"map", "MAP", "Map gold types onto lede's, e.g. DURATION=DATE,SET=DATE; TYPE= drops a type.", kEval},
    {"source", "NAMES", "Only gold documents whose source is one of these, comma-separated.", kEval},
    {"json", nullptr, "Print the scores as JSON.", kEval},
    {"details", nullptr, "List every miss, false alarm and wrong value.", kEval},
    {"help,h", nullptr, "Show this help.", kAll},
    {"version,V", nullptr, "Show the version.", kAll},
};

po::options_description Describe(unsigned scope) {
  po::options_description options;
  for (const Flag& flag : kFlags) {
    if ((flag.scope & scope) == 0) continue;
    if (flag.value == nullptr) {
      options.add_options()(flag.names, po::bool_switch(), flag.help);
    } else {
      options.add_options()(flag.names, po::value<std::vector<std::string>>()->value_name(flag.value), flag.help);
    }
  }
  options.add_options()("input", po::value<std::vector<std::string>>(), "");
  return options;
}

std::vector<std::string> SplitList(const std::string& list) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    if (comma > start) items.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return items;
}

bool ParseCount(const std::string& text, const std::string& flag, uint64_t* out, std::string* error) {
  uint64_t n = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  std::string_view suffix(ptr, static_cast<size_t>(text.data() + text.size() - ptr));
  int shift = suffix.empty() ? 0 : suffix == "K" || suffix == "k" ? 10 : suffix == "M" ? 20 : suffix == "G" ? 30 : -1;
  if (ec != std::errc() || ptr == text.data() || shift < 0 || n > (UINT64_MAX >> shift)) {
    *error = fmt::format("invalid --{} '{}': expected a number", flag, text);
    return false;
  }
  *out = n << shift;
  return true;
}

// Picks a named choice: --format json -> OutputFormat::kJson.
template <typename T>
bool Choose(const std::string& flag, const std::string& text, std::initializer_list<std::pair<const char*, T>> choices,
            T* out, std::string* error) {
  std::string names;
  for (const auto& [name, value] : choices) {
    if (text == name) {
      *out = value;
      return true;
    }
    names += names.empty() ? name : std::string(", ") + name;
  }
  *error = fmt::format("invalid --{} '{}': expected one of {}", flag, text, names);
  return false;
}

// The high layer: raw flag strings -> the library's option structs.
class Builder {
 public:
  Builder(const po::variables_map& vm, Args* args, std::string* error) : vm_(vm), args_(args), error_(error) {}

  bool Build() {
    Args& a = *args_;
    a.rules.builtin = !Switch("no-builtin");
    a.rules.pattern_dirs = All("patterns");
    a.quiet = Switch("quiet");
    a.profile = Switch("profile");
    a.json = Switch("json");
    if (Has("dct")) a.extract.dct = Last("dct");
    for (const std::string& list : All("types")) {
      for (std::string type : SplitList(list)) {
        for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        a.extract.types.push_back(type);
      }
    }
    if (Has("format") && !Choose<OutputFormat>("format", Last("format"),
                                               {{"jsonl", OutputFormat::kJsonl}, {"json", OutputFormat::kJson}},
                                               &a.writer.format, error_)) {
      return false;
    }
    a.writer.pretty = Switch("pretty");
    if (Has("offsets") &&
        !Choose<OffsetUnit>("offsets", Last("offsets"),
                            {{"codepoints", OffsetUnit::kCodePoints}, {"bytes", OffsetUnit::kBytes},
                             {"utf16", OffsetUnit::kUtf16}},
                            &a.writer.offsets, error_)) {
      return false;
    }
    if (Has("overlaps") && !Choose<bool>("overlaps", Last("overlaps"), {{"resolve", false}, {"keep", true}},
                                         &a.extract.keep_overlaps, error_)) {
      return false;
    }
    if (Has("threads")) {
      uint64_t n = 0;
      if (!ParseCount(Last("threads"), "threads", &n, error_)) return false;
      if (n == 0 || n > 1024) return Fail(fmt::format("invalid --threads '{}': expected 1 to 1024", Last("threads")));
      a.batch.threads = static_cast<unsigned>(n);
    }
    if (Switch("jsonl") && Switch("text")) return Fail("--jsonl and --text exclude each other");
    if (Switch("jsonl")) a.source.mode = SourceOptions::Mode::kJsonl;
    if (Switch("text")) a.source.mode = SourceOptions::Mode::kText;
    if (Has("text-field")) a.source.text_field = Last("text-field");
    if (Has("id-field")) a.source.id_field = Last("id-field");
    if (Has("date-field")) a.source.date_field = Last("date-field");
    if (Has("max-doc-bytes") && !ParseCount(Last("max-doc-bytes"), "max-doc-bytes", &a.source.max_document_bytes,
                                            error_)) {
      return false;
    }
    if (Has("gold")) a.eval.gold_path = Last("gold");
    for (const std::string& list : All("map")) {
      for (const std::string& pair : SplitList(list)) {
        size_t equals = pair.find('=');
        if (equals == std::string::npos) return Fail(fmt::format("invalid --map '{}': expected GOLD=LEDE", pair));
        a.eval.type_map.emplace_back(pair.substr(0, equals), pair.substr(equals + 1));
      }
    }
    for (const std::string& list : All("source")) {
      for (const std::string& name : SplitList(list)) a.eval.sources.push_back(name);
    }
    a.eval.details = Switch("details");
    return true;
  }

 private:
  bool Has(const char* name) const { return vm_.count(name) > 0; }
  bool Switch(const char* name) const { return Has(name) && vm_[name].as<bool>(); }
  std::vector<std::string> All(const char* name) const {
    return Has(name) ? vm_[name].as<std::vector<std::string>>() : std::vector<std::string>{};
  }
  std::string Last(const char* name) const { return All(name).back(); }
  bool Fail(std::string message) {
    *error_ = std::move(message);
    return false;
  }

  const po::variables_map& vm_;
  Args* args_;
  std::string* error_;
};

}  // namespace

bool ParseArgs(int argc, const char* const* argv, Args* args, std::string* error) {
  std::vector<std::string> words(argv + 1, argv + argc);
  unsigned scope = kExtract;
  args->command = Command::kExtract;
  if (!words.empty() && words[0] == "rules") {
    scope = kRules;
    std::string sub = words.size() > 1 ? words[1] : "list";
    static const std::map<std::string, Command> kSubcommands = {
        {"list", Command::kRulesList}, {"test", Command::kRulesTest}, {"check", Command::kRulesCheck}};
    auto it = kSubcommands.find(sub);
    if (it == kSubcommands.end()) {
      if (!sub.starts_with("-")) {
        *error = fmt::format("unknown command 'rules {}': expected list, test or check", sub);
        return false;
      }
      it = kSubcommands.find("list");
    } else {
      words.erase(words.begin());
    }
    args->command = it->second;
    words.erase(words.begin());
  } else if (!words.empty() && words[0] == "eval") {
    scope = kEval;
    args->command = Command::kEval;
    words.erase(words.begin());
  }

  po::variables_map vm;
  try {
    po::positional_options_description positional;
    positional.add("input", -1);
    po::store(po::command_line_parser(words).options(Describe(scope)).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    *error = e.what();
    return false;
  }
  if (vm.count("help") && vm["help"].as<bool>()) {
    args->command = Command::kHelp;
    return true;
  }
  if (vm.count("version") && vm["version"].as<bool>()) {
    args->command = Command::kVersion;
    return true;
  }
  if (!Builder(vm, args, error).Build()) return false;
  std::vector<std::string> inputs = vm.count("input") ? vm["input"].as<std::vector<std::string>>() : std::vector<std::string>{};
  switch (args->command) {
    case Command::kExtract:
      args->paths = std::move(inputs);
      break;
    case Command::kRulesTest:
    case Command::kRulesCheck:
    case Command::kRulesList:
      if (inputs.size() > 1) {
        *error = "rules takes at most one pack name";
        return false;
      }
      if (!inputs.empty()) args->pack = inputs[0];
      break;
    case Command::kEval:
      if (args->eval.gold_path.empty()) {
        *error = "eval needs --gold FILE";
        return false;
      }
      if (!inputs.empty()) {
        *error = fmt::format("eval reads its texts from --gold, not from '{}'", inputs[0]);
        return false;
      }
      break;
    default:
      break;
  }
  return true;
}

std::string HelpText() {
  std::string out = fmt::format(
      "lede {} - entities, values and agreements in news text, as JSON Lines\n\n"
      "Usage:\n"
      "  lede [OPTIONS] [PATH|-]...          extract from files, directories, JSON Lines or stdin\n"
      "  lede rules list|test|check [PACK]   show, self-test or lint the rule packs\n"
      "  lede eval --gold GOLD.jsonl         precision / recall / F1 per type against a gold corpus\n\n"
      "Examples:\n"
      "  lede --dct 2022-11-28 article.txt\n"
      "  cat article.txt | lede -t ORG,GPE | jq -r '.entities[].canonical'\n"
      "  lede archive.jsonl --text-field body -j 8 > entities.jsonl\n"
      "  lede eval --gold timebank.jsonl --map DURATION=DATE,SET=DATE\n",
      LEDE_VERSION);
  struct Section {
    const char* title;
    unsigned scope;
  };
  for (const Section& section : {Section{"Extract options", kExtract}, Section{"Eval options", kEval},
                                 Section{"Options of every command", kAll}}) {
    out += fmt::format("\n{}:\n", section.title);
    for (const Flag& flag : kFlags) {
      if (flag.scope != section.scope) continue;
      std::string_view names = flag.names;
      size_t comma = names.find(',');
      std::string left = comma == std::string_view::npos
                             ? fmt::format("    --{}", names)
                             : fmt::format("-{}, --{}", names.substr(comma + 1), names.substr(0, comma));
      if (flag.value != nullptr) left += fmt::format(" {}", flag.value);
      out += fmt::format("  {:<26} {}\n", left, flag.help);
    }
  }
  out += "\nExit status: 0 success; 2 an input failed (its record carries \"error\"), bad usage or a bad rule pack.\n";
  return out;
}

}  // namespace lede::cli
