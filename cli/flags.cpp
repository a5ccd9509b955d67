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
enum Scope : unsigned { kExtract = 1, kRules = 2, kEval = 4, kExplain = 8, kAll = 15 };

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
     kExtract | kExplain},
    {"types,t", "TYPES", "Keep only entities of these types, comma-separated (ORG,DATE).", kExtract | kExplain},
    {"format", "FORMAT",
     "Output: jsonl (one record per line, the default), json (one array), tsv (one row per mention), text (the "
     "text with its entities marked) or html (one self-contained report page).",
     kExtract},
    {"pretty", nullptr, "Indent the output.", kExtract},
    {"color", "WHEN", "Color text output and explain: auto (default: on a terminal, unless NO_COLOR is set), "
     "always or never.", kExtract | kExplain},
    {"count", nullptr, "Print the count of entities and mentions per type instead of the records.", kExtract},
    {"fail-if,e", "COND",
     "Exit 1 unless an entity matches COND, type=TYPE (repeatable: each must match); for CI checks.", kExtract},
    {"offsets", "UNIT", "Offsets in codepoints (default), bytes or utf16 code units.", kExtract | kExplain},
    {"overlaps", "MODE", "resolve (default): one entity per place; keep: every candidate.", kExtract | kExplain},
    {"threads,j", "N", "Worker threads (default: one per core).", kExtract},
    {"jsonl", nullptr, "Read every input, stdin included, as JSON Lines (default for *.jsonl, *.ndjson).", kExtract},
    {"text", nullptr, "Read every input as one plain-text document, *.jsonl included.", kExtract},
    {"text-field", "FIELD", "JSON Lines field holding the text (default text; dotted paths reach inside objects).",
     kExtract},
    {"id-field", "FIELD", "JSON Lines field holding the document id (default id).", kExtract},
    {"date-field", "FIELD", "JSON Lines field holding the document date (default dct).", kExtract},
    {"keep-fields", nullptr, "Pass the other fields of JSON Lines inputs through, under \"meta\" in each record.",
     kExtract},
    {"max-doc-bytes", "N",
     "Larger documents (archive members and JSON Lines lines too) become error records (default 64M; K, M, G "
     "suffixes).",
     kExtract},
    {"progress", nullptr,
     "Show progress on stderr even when it is not a terminal (by default only on a terminal, after a second).",
     kExtract},
    {"quiet,q", nullptr, "No progress and no summary of failed inputs on stderr.", kExtract},
    {"profile", nullptr, "Print the time spent per stage, over all threads, on stderr at the end.", kExtract},
    {"patterns", "DIR",
     "Add the rule packs in DIR (repeatable); a pack named like a built-in one replaces it.", kAll},
    {"no-builtin", nullptr, "Leave out the built-in rule packs.", kAll},
    {"gold", "FILE", "Gold corpus, JSON Lines with entities (required).", kEval},
    {"map", "MAP", "Map gold types onto lede's, e.g. DURATION=DATE,SET=DATE; TYPE= drops a type.", kEval},
    {"source", "NAMES", "Only gold documents whose source is one of these, comma-separated.", kEval},
    {"json", nullptr, "Print the scores as JSON.", kEval},
    {"details", nullptr, "List every miss, false alarm and wrong value.", kEval},
    {"generate", "KIND", "Print the man page (man) or a shell completion script (bash, zsh, fish).", kAll},
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

// Types are upper case; users need not type them so.
std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
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

// The values of flags that take one of a few names; parsing and the shell
// completions both read them.
template <typename T>
using Choices = std::pair<const char*, T>[];
constexpr Choices<OutputFormat> kFormats = {{"jsonl", OutputFormat::kJsonl},
                                            {"json", OutputFormat::kJson},
                                            {"tsv", OutputFormat::kTsv},
                                            {"text", OutputFormat::kText},
                                            {"html", OutputFormat::kHtml}};
constexpr Choices<ColorChoice> kColors = {
    {"auto", ColorChoice::kAuto}, {"always", ColorChoice::kAlways}, {"never", ColorChoice::kNever}};
constexpr Choices<OffsetUnit> kOffsetUnits = {
    {"codepoints", OffsetUnit::kCodePoints}, {"bytes", OffsetUnit::kBytes}, {"utf16", OffsetUnit::kUtf16}};
constexpr Choices<bool> kOverlapModes = {{"resolve", false}, {"keep", true}};
constexpr Choices<Generated> kGenerated = {
    {"man", Generated::kMan}, {"bash", Generated::kBash}, {"zsh", Generated::kZsh}, {"fish", Generated::kFish}};

template <typename T, size_t N>
std::vector<std::string_view> Names(const std::pair<const char*, T> (&choices)[N]) {
  std::vector<std::string_view> names;
  for (const auto& [name, value] : choices) names.push_back(name);
  return names;
}

// The names a flag takes, for completions; empty for a free value.
std::vector<std::string_view> ChoiceNames(std::string_view flag) {
  if (flag == "format") return Names(kFormats);
  if (flag == "color") return Names(kColors);
  if (flag == "offsets") return Names(kOffsetUnits);
  if (flag == "overlaps") return Names(kOverlapModes);
  if (flag == "generate") return Names(kGenerated);
  return {};
}

// Picks a named choice: --format json -> OutputFormat::kJson.
template <typename T, size_t N>
bool Choose(const std::string& flag, const std::string& text, const std::pair<const char*, T> (&choices)[N], T* out,
            std::string* error) {
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
    a.progress = Switch("progress");
    if (a.quiet && a.progress) return Fail("--progress and --quiet exclude each other");
    a.profile = Switch("profile");
    a.json = Switch("json");
    if (Has("dct")) a.extract.dct = Last("dct");
    for (const std::string& list : All("types")) {
      for (const std::string& type : SplitList(list)) a.extract.types.push_back(Upper(type));
    }
    if (Has("format") && !Choose("format", Last("format"), kFormats, &a.writer.format, error_)) return false;
    a.writer.pretty = Switch("pretty");
    if (Has("color") && !Choose("color", Last("color"), kColors, &a.color, error_)) return false;
    a.count = Switch("count");
    for (const std::string& condition : All("fail-if")) {
      // Only entity types for now; the FIELD= prefix leaves room for more.
      if (!condition.starts_with("type=") || condition.size() == 5) {
        return Fail(fmt::format("invalid --fail-if '{}': expected type=TYPE", condition));
      }
      a.expected_types.push_back(Upper(condition.substr(5)));
    }
    if (Has("offsets") && !Choose("offsets", Last("offsets"), kOffsetUnits, &a.writer.offsets, error_)) return false;
    if (Has("overlaps") && !Choose("overlaps", Last("overlaps"), kOverlapModes, &a.extract.keep_overlaps, error_)) {
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
    a.source.keep_fields = Switch("keep-fields");
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
  } else if (!words.empty() && words[0] == "explain") {
    scope = kExplain;
    args->command = Command::kExplain;
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
  if (vm.count("generate")) {
    args->command = Command::kGenerate;
    return Choose("generate", vm["generate"].as<std::vector<std::string>>().back(), kGenerated, &args->generate,
                  error);
  }
  if (!Builder(vm, args, error).Build()) return false;
  std::vector<std::string> inputs = vm.count("input") ? vm["input"].as<std::vector<std::string>>() : std::vector<std::string>{};
  switch (args->command) {
    case Command::kExtract:
    case Command::kExplain:
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

namespace {

// What --help and the man page say around the flags.
constexpr std::pair<const char*, const char*> kCommands[] = {
    {"lede [OPTIONS] [PATH|-]...", "extract from files, directories, JSON Lines, archives or stdin"},
    {"lede explain [OPTIONS] TEXT|FILE", "which rule fired where, what the resolver dropped and why"},
    {"lede rules list|test|check [PACK]", "show, self-test or lint the rule packs"},
    {"lede eval --gold GOLD.jsonl", "precision / recall / F1 per type against a gold corpus"},
};
constexpr std::pair<const char*, const char*> kExamples[] = {
    {"lede --dct 2022-11-28 article.txt", "one article, relative dates resolved against its date"},
    {"cat article.txt | lede -t ORG,GPE | jq -r '.entities[].canonical'", "organization and place names"},
    {"lede archive.jsonl --text-field body -j 8 > entities.jsonl", "a JSON Lines archive on 8 threads"},
    {"lede news-2023.tar.zst dump.jsonl.gz > entities.jsonl", "archives and compressed files, streamed"},
    {"lede --format tsv dir/ | cut -f3,4 | sort | uniq -c", "mention texts per type, counted"},
    {"lede --format text article.txt", "the article with its entities marked"},
    {"lede --format html dir/ > report.html", "one report page to open in a browser"},
    {"lede --count -e type=ORG press-release.txt", "counts per type; exit 1 if no organization is named"},
    {"lede explain 'Samsung signed a deal on Nov. 28'", "why each candidate was kept or dropped"},
    {"lede eval --gold timebank.jsonl --map DURATION=DATE,SET=DATE", "scores against a gold corpus"},
};
constexpr const char* kExitStatus[] = {
    "0: success.",
    "1: a --fail-if condition was not met; rules test: an example failed; rules check: a finding.",
    "2: an input failed (its record carries \"error\"), bad usage, a bad rule pack or a write error.",
};

// The option sections, each with the flags it shows: every flag once.
struct Section {
  const char* title;
  bool (*shows)(const Flag&);
};
constexpr Section kSections[] = {
    {"Extract options (explain takes those marked *)",
     [](const Flag& f) { return f.scope != kAll && (f.scope & kExtract) != 0; }},
    {"Eval options", [](const Flag& f) { return f.scope == kEval; }},
    {"Options of every command", [](const Flag& f) { return f.scope == kAll; }},
};

std::string_view LongName(const Flag& flag) {
  std::string_view names = flag.names;
  return names.substr(0, names.find(','));
}

// The short name ('t' of "types,t"), or 0.
char ShortName(const Flag& flag) {
  std::string_view names = flag.names;
  size_t comma = names.find(',');
  return comma == std::string_view::npos ? 0 : names[comma + 1];
}

// The help text up to its first full stop, for completion menus.
std::string_view Summary(const Flag& flag) {
  std::string_view help = flag.help;
  size_t stop = help.find(". ");
  if (stop == std::string_view::npos) stop = help.size() - (help.ends_with('.') ? 1 : 0);
  return help.substr(0, stop);
}

// Escapes what roff reads as commands: backslashes, and a dot or quote
// starting a line; "-" becomes a real minus for option names.
std::string Roff(std::string_view text, bool minus = false) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-' && minus) {
      out += "\\-";
    } else {
      out.push_back(c);
    }
  }
  if (out.starts_with('.') || out.starts_with('\'')) out.insert(0, "\\&");
  return out;
}

std::string ManPage() {
  std::string out = fmt::format(".TH LEDE 1 \"\" \"lede {}\" \"User Commands\"\n", LEDE_VERSION);
  out += ".SH NAME\nlede \\- entities, values and agreements in news text\n.SH SYNOPSIS\n";
  for (const auto& [usage, what] : kCommands) out += fmt::format(".B {}\n.br\n", Roff(usage, true));
  out +=
      ".SH DESCRIPTION\n"
      "lede reads news articles (files, directories, JSON Lines, archives, standard input), finds entities "
      "with rule packs (organizations, people, places, dates, amounts), normalizes their values, finds "
      "agreements between parties, and writes one record per input: JSON Lines by default, or JSON, TSV, "
      "marked-up text or an HTML report.\n.PP\n";
  for (const auto& [usage, what] : kCommands) {
    out += fmt::format(".TP\n.B {}\n{}.\n", Roff(usage, true), Roff(what));
  }
  for (const Section& section : kSections) {
    out += fmt::format(".SH {}\n", Roff(section.title));
    for (const Flag& flag : kFlags) {
      if (!section.shows(flag)) continue;
      std::string names = fmt::format("\\fB\\-\\-{}\\fR", Roff(LongName(flag), true));
      if (char s = ShortName(flag)) names = fmt::format("\\fB\\-{}\\fR, {}", s, names);
      if (flag.value != nullptr) names += fmt::format(" \\fI{}\\fR", flag.value);
      out += fmt::format(".TP\n{}\n{}\n", names, Roff(flag.help));
    }
  }
  out += ".SH EXIT STATUS\n";
  for (const char* line : kExitStatus) out += fmt::format("{}\n.br\n", Roff(line));
  out += ".SH EXAMPLES\n";
  for (const auto& [command, what] : kExamples) {
    out += fmt::format(".TP\n.B {}\n{}.\n", Roff(command, true), Roff(what));
  }
  out += ".SH SEE ALSO\njq(1), and docs/ in the lede sources: cli.md, output.md, rules.md.\n";
  return out;
}

// Words for a shell's list: the choices of a flag, separated by spaces.
std::string Joined(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view word : words) out += fmt::format("{}{}", out.empty() ? "" : " ", word);
  return out;
}

std::string BashCompletion() {
  std::string options, cases;
  for (const Flag& flag : kFlags) {
    options += fmt::format(" --{}", LongName(flag));
    if (char s = ShortName(flag)) options += fmt::format(" -{}", s);
    if (flag.value == nullptr) continue;
    std::string pattern = fmt::format("--{}", LongName(flag));
    if (char s = ShortName(flag)) pattern += fmt::format("|-{}", s);
    const std::vector<std::string_view> choices = ChoiceNames(LongName(flag));
    std::string reply = !choices.empty()               ? fmt::format("$(compgen -W '{}' -- \"$cur\")", Joined(choices))
                        : LongName(flag) == "patterns" ? "$(compgen -d -- \"$cur\")"
                        : LongName(flag) == "gold"     ? "$(compgen -f -- \"$cur\")"
                                                       : "";
    cases += fmt::format("    {}) COMPREPLY=({}); return ;;\n", pattern, reply);
  }
  return fmt::format(
      "# bash completion for lede, made by `lede --generate bash`\n"
      "_lede() {{\n"
      "  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}\n"
      "  case $prev in\n{}  esac\n"
      "  if [[ $cur == -* ]]; then\n"
      "    COMPREPLY=($(compgen -W '{}' -- \"$cur\"))\n"
      "  elif [[ $COMP_CWORD -eq 1 ]]; then\n"
      "    COMPREPLY=($(compgen -W 'explain rules eval' -- \"$cur\") $(compgen -f -- \"$cur\"))\n"
      "  elif [[ $COMP_CWORD -eq 2 && ${{COMP_WORDS[1]}} == rules ]]; then\n"
      "    COMPREPLY=($(compgen -W 'list test check' -- \"$cur\"))\n"
      "  else\n"
      "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
      "  fi\n"
      "}}\n"
      "complete -o filenames -F _lede lede\n",
      cases, options.substr(1));
}

// Text inside single quotes in zsh and fish: a quote ends it, so it is
// closed, escaped and reopened.
std::string SingleQuoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string ZshCompletion() {
  std::string specs;
  for (const Flag& flag : kFlags) {
    std::string description(Summary(flag));
    std::erase_if(description, [](char c) { return c == '[' || c == ']'; });
    std::string action;
    if (flag.value != nullptr) {
      const std::vector<std::string_view> choices = ChoiceNames(LongName(flag));
      action = fmt::format(":{}:{}", flag.value,
                           !choices.empty()               ? fmt::format("({})", Joined(choices))
                           : LongName(flag) == "patterns" ? "_files -/"
                           : LongName(flag) == "gold"     ? "_files"
                                                          : " ");
    }
    std::string name = fmt::format("--{}", LongName(flag));
    std::string spec = fmt::format("*{}[{}]{}", name, description, action);
    specs += fmt::format("    {} \\\n", SingleQuoted(spec));
    if (char s = ShortName(flag)) specs += fmt::format("    {} \\\n", SingleQuoted(fmt::format("*-{}[{}]{}", s, description, action)));
  }
  return fmt::format(
      "#compdef lede\n"
      "# zsh completion for lede, made by `lede --generate zsh`\n"
      "_lede() {{\n"
      "  if (( CURRENT == 2 )) && [[ $words[2] != -* ]]; then\n"
      "    _alternative 'commands:command:(explain rules eval)' 'files:input:_files'\n"
      "    return\n"
      "  fi\n"
      "  if (( CURRENT == 3 )) && [[ $words[2] == rules ]]; then\n"
      "    _values 'rules command' list test check\n"
      "    return\n"
      "  fi\n"
      "  _arguments -s \\\n{}"
      "    '*:input:_files'\n"
      "}}\n"
      "_lede \"$@\"\n",
      specs);
}

std::string FishCompletion() {
  std::string out =
      "# fish completion for lede, made by `lede --generate fish`\n"
      "complete -c lede -n __fish_use_subcommand -a explain -d 'Show which rule fired where'\n"
      "complete -c lede -n __fish_use_subcommand -a rules -d 'Show, self-test or lint the rule packs'\n"
      "complete -c lede -n __fish_use_subcommand -a eval -d 'Scores against a gold corpus'\n"
      "complete -c lede -n '__fish_seen_subcommand_from rules' -a 'list test check'\n";
  for (const Flag& flag : kFlags) {
    std::string line = "complete -c lede";
    if (flag.scope == kEval) line += " -n '__fish_seen_subcommand_from eval'";
    if (char s = ShortName(flag)) line += fmt::format(" -s {}", s);
    line += fmt::format(" -l {}", LongName(flag));
    if (flag.value != nullptr) {
      const std::vector<std::string_view> choices = ChoiceNames(LongName(flag));
      line += choices.empty() ? " -r" : fmt::format(" -x -a {}", SingleQuoted(Joined(choices)));
    }
    out += fmt::format("{} -d {}\n", line, SingleQuoted(Summary(flag)));
  }
  return out;
}

// `text` in lines of at most `width` columns (a longer word stays whole),
// every line after the first indented by `indent`.
std::string Wrapped(std::string_view text, size_t indent, size_t width) {
  std::string out;
  size_t column = indent;
  while (!text.empty()) {
    size_t space = text.find(' ');
    std::string_view word = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    if (column > indent && column + 1 + word.size() > width) {
      out += "\n" + std::string(indent, ' ');
      column = indent;
    } else if (column > indent) {
      out.push_back(' ');
      ++column;
    }
    out += word;
    column += word.size();
  }
  return out;
}

}  // namespace

std::string HelpText() {
  std::string out = fmt::format("lede {} - entities, values and agreements in news text\n\nUsage:\n", LEDE_VERSION);
  for (const auto& [usage, what] : kCommands) out += fmt::format("  {:<35} {}\n", usage, what);
  out += "\nExamples:\n";
  for (const auto& [command, what] : kExamples) out += fmt::format("  {}\n      {}\n", command, what);
  for (const Section& section : kSections) {
    out += fmt::format("\n{}:\n", section.title);
    for (const Flag& flag : kFlags) {
      if (!section.shows(flag)) continue;
      std::string left = fmt::format("--{}", LongName(flag));
      left = ShortName(flag) != 0 ? fmt::format("-{}, {}", ShortName(flag), left) : "    " + left;
      const char mark = (flag.scope & kExplain) != 0 && flag.scope != kAll ? '*' : ' ';
      if (flag.value != nullptr) left += fmt::format(" {}", flag.value);
      out += fmt::format(" {}{:<26} {}\n", mark, left, Wrapped(flag.help, 29, 80));
    }
  }
  out += "\nExit status:\n";
  for (const char* line : kExitStatus) out += fmt::format("  {}\n", Wrapped(line, 5, 80));
  return out;
}

std::string Generate(Generated kind) {
  switch (kind) {
    case Generated::kMan: return ManPage();
    case Generated::kBash: return BashCompletion();
    case Generated::kZsh: return ZshCompletion();
    case Generated::kFish: return FishCompletion();
  }
  return {};
}

}  // namespace lede::cli
