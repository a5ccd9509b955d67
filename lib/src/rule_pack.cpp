#include "rule_pack.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <tuple>
#include <cctype>
#include <map>
#include <set>
#include <toml++/toml.h>

#include "agreements.h"
#include "gazetteer.h"
#include "normalizer.h"

namespace lede {
namespace {

// Reports the first problem of a pack as "origin:line: message".
class PackErrors {
 public:
  PackErrors(const std::string& origin, std::string* error) : origin_(origin), error_(error) {}

  bool Fail(uint32_t line, std::string_view message) {
    *error_ = fmt::format("{}:{}: {}", origin_, line, message);
    return false;
  }
  bool Fail(const toml::node& node, std::string_view message) { return Fail(node.source().begin.line, message); }
  std::string Origin(uint32_t line) const { return fmt::format("{}:{}", origin_, line); }

 private:
  const std::string& origin_;
  std::string* error_;
};

bool IsIdentifier(std::string_view s, bool upper) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok = (c >= '0' && c <= '9') || c == '_' || (upper ? (c >= 'A' && c <= 'Z') : (c >= 'a' && c <= 'z'));
    if (!ok) return false;
  }
  return !(s[0] >= '0' && s[0] <= '9');
}

// Checks that `table` has only `allowed` keys: a misspelt key would otherwise
// be silently ignored.
bool OnlyKeys(const toml::table& table, std::initializer_list<std::string_view> allowed, std::string_view where,
              PackErrors& errors) {
  for (auto&& [key, node] : table) {
    bool known = false;
    for (std::string_view a : allowed) known = known || key.str() == a;
    if (!known) return errors.Fail(key.source().begin.line, fmt::format("unknown key '{}' in {}", key.str(), where));
  }
  return true;
}

bool GetString(const toml::table& table, std::string_view key, bool required, uint32_t line, std::string* out,
               PackErrors& errors) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) return errors.Fail(line, fmt::format("missing required key '{}'", key));
    return true;
  }
  if (!node->is_string()) return errors.Fail(*node, fmt::format("'{}' must be a string", key));
  *out = node->as_string()->get();
  return true;
}

// A string or an array of strings.
bool GetStringList(const toml::table& table, std::string_view key, uint32_t line, std::vector<std::string>* out,
                   PackErrors& errors) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return true;
  if (node->is_string()) {
    out->push_back(node->as_string()->get());
    return true;
  }
  const toml::array* array = node->as_array();
  if (array == nullptr || array->empty() || !array->is_homogeneous(toml::node_type::string)) {
    return errors.Fail(line, fmt::format("'{}' must be a string or an array of strings", key));
  }
  for (const toml::node& item : *array) out->push_back(item.as_string()->get());
  return true;
}

// The length of the UTF-8 byte sequence `pattern` starts with, written as
// escapes ("\xE2\x80\x99" for U+2019: 12), or 0. RE2 reads them as the
// code points U+00E2 U+0080 U+0099, which never match.
size_t Utf8ByteEscapes(std::string_view pattern) {
  auto byte = [&](size_t at) {
    unsigned value = 0;
    if (pattern.size() < at + 4 || pattern[at] != '\\' || pattern[at + 1] != 'x') return 0u;
    const char* digits = pattern.data() + at + 2;
    const auto [end, ec] = std::from_chars(digits, digits + 2, value, 16);
    return ec == std::errc() && end == digits + 2 ? value : 0u;
  };
  const unsigned lead = byte(0);
  if (lead < 0xC2 || lead > 0xF4) return 0;
  const size_t bytes = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  for (size_t i = 1; i < bytes; ++i) {
    if (byte(4 * i) < 0x80 || byte(4 * i) > 0xBF) return 0;
  }
  return 4 * bytes;
}

// Expands {NAME} references to [define] macros, each wrapped in (?:...).
// Macros may use other macros; a cycle is an error. "\p{L}", "\x{C0}" and
// counted repetitions like "{2,4}" are not references.
class MacroExpander {
 public:
  explicit MacroExpander(const std::map<std::string, std::string, std::less<>>& macros) : macros_(macros) {}

  bool Expand(std::string_view pattern, std::string* out, std::string* error) {
    std::set<std::string, std::less<>> active;
    return ExpandInto(pattern, &active, out, error);
  }

 private:
  bool ExpandInto(std::string_view pattern, std::set<std::string, std::less<>>* active, std::string* out,
                  std::string* error) {
    for (size_t i = 0; i < pattern.size(); ++i) {
      char c = pattern[i];
      if (c == '\\' && i + 1 < pattern.size()) {
        if (const size_t bytes = Utf8ByteEscapes(pattern.substr(i))) {
          *error = fmt::format("'{}' spells UTF-8 bytes, but RE2 reads each \\xHH as a code point: write \\x{{...}}",
                               pattern.substr(i, bytes));
          return false;
        }
        // An escape and, for \p{..}, \P{..} and \x{..}, its braces pass
        // unchanged.
        out->push_back(c);
        out->push_back(pattern[++i]);
        if ((pattern[i] == 'p' || pattern[i] == 'P' || pattern[i] == 'x') && i + 1 < pattern.size() &&
            pattern[i + 1] == '{') {
          size_t close = pattern.find('}', i);
          if (close == std::string_view::npos) close = pattern.size() - 1;
          out->append(pattern.substr(i + 1, close - i));
          i = close;
        }
        continue;
      }
      if (c == '{') {
        size_t close = pattern.find('}', i);
        if (close != std::string_view::npos) {
          std::string_view name = pattern.substr(i + 1, close - i - 1);
          if (IsIdentifier(name, /*upper=*/true)) {
            auto it = macros_.find(name);
            if (it == macros_.end()) {
              *error = fmt::format("unknown macro {{{}}}", name);
              return false;
            }
            if (!active->insert(it->first).second) {
              *error = fmt::format("macro {{{}}} refers to itself", name);
              return false;
            }
            out->append("(?:");
            if (!ExpandInto(it->second, active, out, error)) return false;
            out->append(")");
            active->erase(it->first);
            i = close;
            continue;
          }
        }
      }
      out->push_back(c);
    }
    return true;
  }

  const std::map<std::string, std::string, std::less<>>& macros_;
};

bool ParseExample(const toml::node& node, Example* example, PackErrors& errors) {
  example->line = node.source().begin.line;
  if (node.is_string()) {
    example->text = node.as_string()->get();
    return true;
  }
  const toml::table* table = node.as_table();
  if (table == nullptr) return errors.Fail(node, "an example is a string or a table {text, value, dct}");
  if (!OnlyKeys(*table, {"text", "value", "dct"}, "example", errors)) return false;
  return GetString(*table, "text", true, example->line, &example->text, errors) &&
         GetString(*table, "value", false, example->line, &example->value, errors) &&
         GetString(*table, "dct", false, example->line, &example->dct, errors);
}

bool ParseExamples(const toml::table& table, std::string_view key, std::vector<Example>* out, PackErrors& errors) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return true;
  const toml::array* array = node->as_array();
  if (array == nullptr) return errors.Fail(*node, fmt::format("'{}' must be an array", key));
  for (const toml::node& item : *array) {
    Example example;
    if (!ParseExample(item, &example, errors)) return false;
    out->push_back(std::move(example));
  }
  return true;
}

bool ParseStringList(const toml::table& table, std::string_view key, std::vector<std::string>* out,
                     PackErrors& errors) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return true;
  const toml::array* array = node->as_array();
  if (array == nullptr) return errors.Fail(*node, fmt::format("'{}' must be an array of strings", key));
  out->clear();
  for (const toml::node& item : *array) {
    if (!item.is_string()) return errors.Fail(item, fmt::format("'{}' must be an array of strings", key));
    out->push_back(item.as_string()->get());
  }
  return true;
}

// Reads an optional true/false key into *flag.
bool GetBool(const toml::table& table, std::string_view key, bool* flag, PackErrors& errors) {
  const toml::node* value = table.get(key);
  if (value == nullptr) return true;
  if (!value->is_boolean()) return errors.Fail(*value, fmt::format("'{}' must be true or false", key));
  *flag = value->as_boolean()->get();
  return true;
}

bool ParseRule(const toml::table& table, const PackInfo& pack, MacroExpander& macros, RuleSpec* rule,
               PackErrors& errors) {
  const uint32_t line = table.source().begin.line;
  RuleInfo& info = rule->info;
  info.origin = errors.Origin(line);
  if (!OnlyKeys(table,
                {"id", "type", "subtype", "pattern", "gazetteer", "match", "ignore_case", "capitals", "preceded_by", "followed_by",
                 "headline", "normalize", "args", "lookup", "lookup_key", "reject", "reject_key", "starts_with", "contains", "follows",
                 "priority", "examples", "counter_examples"},
                "[[rule]]", errors)) {
    return false;
  }
  if (!GetString(table, "id", true, line, &info.id, errors)) return false;
  const std::string prefix = pack.name + ".";
  if (info.id.size() <= prefix.size() || info.id.compare(0, prefix.size(), prefix) != 0 ||
      !IsIdentifier(std::string_view(info.id).substr(prefix.size()), /*upper=*/false)) {
    return errors.Fail(line, fmt::format("rule id '{}' must be '{}<name>' with <name> in [a-z0-9_]", info.id, prefix));
  }
  if (!GetString(table, "type", true, line, &info.type, errors) ||
      !GetString(table, "subtype", false, line, &info.subtype, errors) ||
      !GetString(table, "normalize", false, line, &info.normalize, errors)) {
    return false;
  }
  if (!IsIdentifier(info.type, /*upper=*/true)) {
    return errors.Fail(line, fmt::format("rule {}: type '{}' must be upper case, like ORG", info.id, info.type));
  }
  if (!info.normalize.empty() && FindNormalizer(info.normalize) == nullptr) {
    return errors.Fail(*table.get("normalize"),
                       fmt::format("rule {}: unknown normalizer '{}'", info.id, info.normalize));
  }
  if (const toml::node* args = table.get("args")) {
    const toml::table* args_table = args->as_table();
    if (args_table == nullptr) return errors.Fail(*args, "'args' must be a table of strings");
    for (auto&& [key, value] : *args_table) {
      if (!value.is_string()) return errors.Fail(value, fmt::format("args.{} must be a string", key.str()));
      rule->args.emplace_back(std::string(key.str()), value.as_string()->get());
    }
    // Cues carry args for the Agreements stage, which reads them itself.
    if (info.normalize.empty() && !IsCueType(info.type)) {
      return errors.Fail(*args, fmt::format("rule {}: 'args' needs a normalizer or a cue type", info.id));
    }
  }
  if (const toml::node* priority = table.get("priority")) {
    if (!priority->is_integer()) return errors.Fail(*priority, "'priority' must be an integer");
    int64_t p = priority->as_integer()->get();
    if (p < -1000 || p > 1000) return errors.Fail(*priority, "'priority' must be within -1000..1000");
    info.priority = static_cast<int>(p);
  }

  for (auto [key, out] : {std::pair{"preceded_by", &rule->preceded_by}, {"followed_by", &rule->followed_by}}) {
    std::string raw, error;
    if (!GetString(table, key, false, line, &raw, errors)) return false;
    if (!raw.empty() && !macros.Expand(raw, out, &error)) {
      return errors.Fail(*table.get(key), fmt::format("rule {}: {}", info.id, error));
    }
  }
  if (!GetBool(table, "headline", &rule->headline, errors)) return false;
  const toml::node* pattern = table.get("pattern");
  const toml::node* gazetteer = table.get("gazetteer");
  if ((pattern == nullptr) == (gazetteer == nullptr)) {
    return errors.Fail(line, fmt::format("rule {}: give exactly one of 'pattern' and 'gazetteer'", info.id));
  }
  if (pattern != nullptr) {
    std::string raw;
    if (!GetString(table, "pattern", true, line, &raw, errors)) return false;
    rule->pattern_line = pattern->source().begin.line;
    std::string error;
    if (!macros.Expand(raw, &rule->pattern, &error)) {
      return errors.Fail(rule->pattern_line, fmt::format("rule {}: {}", info.id, error));
    }
    for (auto [name, key_name, path, path_line, key] :
         {std::tuple{"lookup", "lookup_key", &rule->lookup, &rule->lookup_line, &rule->lookup_key},
          {"reject", "reject_key", &rule->reject, &rule->reject_line, &rule->reject_key}}) {
      if (const toml::node* node = table.get(name)) {
        if (!GetString(table, name, true, line, path, errors) || !GetStringList(table, key_name, line, key, errors)) {
          return false;
        }
        *path_line = node->source().begin.line;
      } else if (table.get(key_name) != nullptr) {
        return errors.Fail(line, fmt::format("rule {}: '{}' needs a '{}' table", info.id, key_name, name));
      }
    }
    int anchors = 0;
    for (auto [key, path, path_line] : {std::tuple{"starts_with", &rule->starts_with, &rule->starts_with_line},
                                        {"contains", &rule->contains, &rule->contains_line},
                                        {"follows", &rule->follows, &rule->follows_line}}) {
      if (const toml::node* node = table.get(key)) {
        if (!GetString(table, key, true, line, path, errors)) return false;
        *path_line = node->source().begin.line;
        ++anchors;
      }
    }
    if (anchors > 1) {
      return errors.Fail(line,
                         fmt::format("rule {}: give at most one of 'starts_with', 'contains' and 'follows'", info.id));
    }
    if (table.get("match") != nullptr || table.get("capitals") != nullptr) {
      return errors.Fail(line, fmt::format("rule {}: 'match' and 'capitals' apply to gazetteer rules", info.id));
    }
    // The names of the table a rule is tried near may match in any case.
    if (table.get("ignore_case") != nullptr && anchors == 0) {
      return errors.Fail(line, fmt::format("rule {}: 'ignore_case' applies to gazetteer rules and to the names of "
                                           "'starts_with', 'contains' and 'follows'", info.id));
    }
    if (!GetBool(table, "ignore_case", &rule->ignore_case, errors)) return false;
  } else {
    for (const char* key : {"lookup", "reject", "starts_with", "contains", "follows"}) {
      if (table.get(key) != nullptr) {
        return errors.Fail(line, fmt::format("rule {}: '{}' applies to regex rules", info.id, key));
      }
    }
    info.gazetteer = true;
    rule->gazetteer_line = gazetteer->source().begin.line;
    if (!GetString(table, "gazetteer", true, line, &rule->gazetteer, errors) ||
        !ParseStringList(table, "match", &rule->match_columns, errors)) {
      return false;
    }
    if (!GetBool(table, "ignore_case", &rule->ignore_case, errors) || !GetBool(table, "capitals", &rule->capitals, errors)) {
      return false;
    }
  }
  if (!ParseExamples(table, "examples", &rule->examples, errors) ||
      !ParseExamples(table, "counter_examples", &rule->counter_examples, errors)) {
    return false;
  }
  info.examples = rule->examples.size();
  info.counter_examples = rule->counter_examples.size();
  return true;
}

// A macro is a regex, or { gazetteer = "...", columns = [...], as_written =
// true|false }: every name of a gazetteer, so that a pattern can say "a
// currency name" while the names stay in one list (and a rule's `contains`
// can name the same list).
bool MacroBody(const toml::node& node, std::string_view name, const TableLoader& load_table, std::string* body,
               PackErrors& errors) {
  if (node.is_string()) {
    *body = node.as_string()->get();
    return true;
  }
  const toml::table* table = node.as_table();
  if (table == nullptr) return errors.Fail(node, fmt::format("macro {} must be a string or a table {{gazetteer, columns}}", name));
  if (!OnlyKeys(*table, {"gazetteer", "columns", "as_written"}, fmt::format("macro {}", name), errors)) return false;
  std::string path;
  std::vector<std::string> columns;
  if (!GetString(*table, "gazetteer", true, node.source().begin.line, &path, errors) ||
      !ParseStringList(*table, "columns", &columns, errors)) {
    return false;
  }
  bool as_written = false;
  if (!GetBool(*table, "as_written", &as_written, errors)) return false;
  const GazetteerTable* gazetteer = nullptr;
  std::string error;
  if (!load_table || !load_table(path, &gazetteer, &error)) {
    return errors.Fail(node, fmt::format("macro {}: {}", name, error.empty() ? "no gazetteers here" : error));
  }
  std::vector<int> indexes = columns.empty() ? gazetteer->NameColumns() : std::vector<int>{};
  for (const std::string& column : columns) {
    indexes.push_back(gazetteer->Column(column));
    if (indexes.back() < 0) {
      return errors.Fail(node, fmt::format("macro {}: {} has no column '{}'", name, gazetteer->origin(), column));
    }
  }
  *body = NamesPattern(*gazetteer, indexes, as_written);
  return true;
}

bool ParseTable(const toml::table& root, const TableLoader& load_table, PackSpec* pack, PackErrors& errors) {
  if (!OnlyKeys(root, {"pack", "define", "rule"}, "the pack file", errors)) return false;
  const toml::table* header = root["pack"].as_table();
  if (header == nullptr) return errors.Fail(1, "missing [pack] table");
  const uint32_t header_line = header->source().begin.line;
  PackInfo& info = pack->info;
  if (!OnlyKeys(*header, {"name", "version", "language", "description"}, "[pack]", errors) ||
      !GetString(*header, "name", true, header_line, &info.name, errors) ||
      !GetString(*header, "version", true, header_line, &info.version, errors) ||
      !GetString(*header, "language", false, header_line, &info.language, errors) ||
      !GetString(*header, "description", false, header_line, &info.description, errors)) {
    return false;
  }
  if (!IsIdentifier(info.name, /*upper=*/false)) {
    return errors.Fail(header_line, fmt::format("pack name '{}' must be in [a-z0-9_]", info.name));
  }

  std::map<std::string, std::string, std::less<>> macros;
  std::map<std::string, uint32_t, std::less<>> macro_lines;
  if (const toml::node* define = root.get("define")) {
    const toml::table* table = define->as_table();
    if (table == nullptr) return errors.Fail(*define, "[define] must be a table");
    for (auto&& [key, node] : *table) {
      if (!IsIdentifier(key.str(), /*upper=*/true)) {
        return errors.Fail(key.source().begin.line, fmt::format("macro name '{}' must be upper case", key.str()));
      }
      std::string body;
      if (!MacroBody(node, key.str(), load_table, &body, errors)) return false;
      macros.emplace(std::string(key.str()), std::move(body));
      macro_lines.emplace(std::string(key.str()), node.source().begin.line);
    }
  }
  // Expanding every macro once finds cycles and unknown references even in
  // macros no rule uses.
  MacroExpander expander(macros);
  for (const auto& [name, line] : macro_lines) {
    std::string expanded, error;
    if (!expander.Expand("{" + name + "}", &expanded, &error)) return errors.Fail(line, error);
  }

  const toml::node* rules = root.get("rule");
  if (rules == nullptr) return true;
  const toml::array* array = rules->as_array();
  if (array == nullptr) return errors.Fail(*rules, "rules are written as [[rule]] tables");
  std::set<std::string, std::less<>> ids;
  for (const toml::node& node : *array) {
    const toml::table* table = node.as_table();
    if (table == nullptr) return errors.Fail(node, "rules are written as [[rule]] tables");
    RuleSpec rule;
    if (!ParseRule(*table, info, expander, &rule, errors)) return false;
    if (!ids.insert(rule.info.id).second) {
      return errors.Fail(*table, fmt::format("duplicate rule id '{}'", rule.info.id));
    }
    info.rules.push_back(rule.info);
    pack->rules.push_back(std::move(rule));
  }
  return true;
}

}  // namespace

bool ParsePack(std::string_view toml, const std::string& origin, const TableLoader& load_table, PackSpec* pack,
               std::string* error) {
  PackErrors errors(origin, error);
  pack->info.origin = origin;
  try {
    toml::table root = toml::parse(toml, origin);
    return ParseTable(root, load_table, pack, errors);
  } catch (const toml::parse_error& e) {
    return errors.Fail(e.source().begin.line, e.description());
  }
}

std::string NamesPattern(const GazetteerTable& table, const std::vector<int>& columns, bool as_written) {
  std::vector<std::string> names;
  for (size_t row = 0; row < table.rows(); ++row) {
    table.ForEachName(row, columns, [&](std::string_view name) { names.emplace_back(name); });
  }
  // No names: a pattern that matches nothing, not the empty string.
  if (names.empty()) return "[^\\x00-\\x{10FFFF}]";
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::string pattern = as_written ? "(?:" : "(?i:";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) pattern += '|';
    for (char c : names[i]) {
      if (c == ' ') {
        pattern += "\\s+";
      } else if (std::string_view("\\.+*?()|[]{}^$").find(c) != std::string_view::npos) {
        pattern += '\\';
        pattern += c;
      } else {
        pattern += c;
      }
    }
    // A plural: "dollars", "tonnes"; names of symbols ("$") take none.
    if (!as_written && std::isalpha(static_cast<unsigned char>(names[i].back()))) pattern += "(?:e?s)?";
  }
  return pattern + ")";
}

bool SplitExampleSpan(std::string_view text, std::string* plain, uint32_t* begin, uint32_t* end) {
  size_t open = text.find('[');
  size_t close = open == std::string_view::npos ? open : text.find(']', open);
  if (close == std::string_view::npos) {
    plain->assign(text);
    return false;
  }
  plain->assign(text.substr(0, open));
  plain->append(text.substr(open + 1, close - open - 1));
  plain->append(text.substr(close + 1));
  *begin = static_cast<uint32_t>(open);
  *end = static_cast<uint32_t>(close - 1);
  return true;
}

}  // namespace lede
