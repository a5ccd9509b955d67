#include "matcher.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "rules_impl.h"

namespace lede {
namespace {

// RE2's budget for a compiled program and its DFA cache. The union of all
// rules is large and its DFA is shared by every thread: when the cache is too
// small, RE2 keeps flushing it and falls back to its much slower NFA.
constexpr int64_t kUnionMemory = int64_t{256} << 20;
constexpr int64_t kRuleMemory = int64_t{8} << 20;

RE2::Options RegexOptions(int64_t max_mem, bool longest = true) {
  RE2::Options options;
  options.set_longest_match(longest);
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  return options;
}

// Calls on_group(name_begin, name_end) for each "(?P<name>" of `pattern`
// outside escapes and character classes, and copies the rest to *out:
// on_group appends what replaces the group's opening.
template <typename OnGroup>
std::string RewriteGroups(std::string_view pattern, OnGroup on_group) {
  std::string out;
  out.reserve(pattern.size());
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out.push_back(c);
      out.push_back(pattern[++i]);
      continue;
    }
    if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      out.push_back(c);
      // A ']' right after '[' or '[^' is a literal.
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') out.push_back(pattern[++i]);
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') out.push_back(pattern[++i]);
      continue;
    } else if (pattern.substr(i, 4) == "(?P<") {
      size_t close = pattern.find('>', i);
      if (close != std::string_view::npos) {
        on_group(pattern.substr(i + 4, close - i - 4), &out);
        i = close;
        continue;
      }
    }
    out.push_back(c);
  }
  return out;
}

// The union of all rules needs no captures, and must not repeat a name.
std::string WithoutNamedGroups(std::string_view pattern) {
  return RewriteGroups(pattern, [](std::string_view, std::string* out) { out->append("(?:"); });
}

// RE2 refuses a group name used twice, but a rule may well name the same
// part in two alternatives ("Q3 2022" | "2022 Q3"): later uses become
// "name__2", "name__3", and MatchView reads whichever took part.
constexpr std::string_view kRepeatMark = "__";

std::string WithUniqueGroupNames(std::string_view pattern) {
  std::map<std::string, int, std::less<>> seen;
  return RewriteGroups(pattern, [&](std::string_view name, std::string* out) {
    const int n = ++seen[std::string(name)];
    out->append("(?P<").append(name);
    if (n > 1) out->append(kRepeatMark).append(std::to_string(n));
    out->push_back('>');
  });
}

// The names of a pattern's capturing groups in RE2's numbering (left
// parentheses in order), "" for unnamed ones; a repeated name stays as is.
std::vector<std::string> GroupNames(std::string_view pattern) {
  std::vector<std::string> names;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') ++i;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;
    } else if (c == '(' && (i + 1 >= pattern.size() || pattern[i + 1] != '?')) {
      names.emplace_back();
    } else if (pattern.substr(i, 4) == "(?P<") {
      const size_t close = pattern.find('>', i);
      names.emplace_back(pattern.substr(i + 4, close - i - 4));
    }
  }
  return names;
}

size_t NextCharacter(std::string_view text, size_t pos) {
  ++pos;
  while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  return pos;
}

}  // namespace

struct Matcher::Compiled {
  std::unique_ptr<RE2> union_re;
  std::unique_ptr<RE2::Set> starts;  // which regex rules match at a span's start
};

Matcher::Matcher() = default;
Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;
Matcher::~Matcher() = default;

bool Matcher::Compile(std::vector<Rule>* rules, std::string* error) {
  compiled_ = std::make_unique<Compiled>();
  compiled_->starts = std::make_unique<RE2::Set>(RegexOptions(kUnionMemory), RE2::ANCHOR_START);
  std::string alternation;
  for (uint32_t index = 0; index < rules->size(); ++index) {
    Rule& rule = (*rules)[index];
    if (!rule.preceded_by.empty() || !rule.followed_by.empty()) {
      contexts_.resize(rules->size());
      Context& context = contexts_[index];
      for (auto [pattern, compiled, wrap] :
           {std::tuple{&rule.preceded_by, &context.before, "(?:%s)\\z"}, {&rule.followed_by, &context.after, "\\A(?:%s)"}}) {
        if (pattern->empty()) continue;
        std::string wrapped(wrap);
        wrapped.replace(wrapped.find("%s"), 2, *pattern);
        *compiled = std::make_unique<RE2>(wrapped, RegexOptions(kRuleMemory));
        if (!(*compiled)->ok()) {
          *error = fmt::format("{}: rule {}: {}", rule.info.origin, rule.info.id, (*compiled)->error());
          return false;
        }
      }
    }
    if (rule.info.gazetteer) {
      phrases_.Add(index, *rule.table, rule.match_columns, rule.ignore_case);
      continue;
    }
    std::string set_error;
    std::string plain = WithoutNamedGroups(rule.pattern);
    if (compiled_->starts->Add(plain, &set_error) < 0) {
      *error = fmt::format("{}: rule {}: {}", rule.pattern_origin, rule.info.id, set_error);
      return false;
    }
    rule.group_names = GroupNames(rule.pattern);
    int key_group = 0;
    if (!rule.lookup_key.empty()) {
      const auto key = std::find(rule.group_names.begin(), rule.group_names.end(), rule.lookup_key);
      if (key == rule.group_names.end()) {
        *error = fmt::format("{}: rule {}: lookup_key '{}' names no group of the pattern", rule.pattern_origin,
                             rule.info.id, rule.lookup_key);
        return false;
      }
      key_group = static_cast<int>(key - rule.group_names.begin()) + 1;
    }
    if (!alternation.empty()) alternation.push_back('|');
    alternation.append("(?:").append(plain).append(")");
    auto regex = std::make_unique<RegexRule>();
    regex->rule = index;
    regex->plain = std::move(plain);
    regex->named = WithUniqueGroupNames(rule.pattern);
    regex->groups = static_cast<int>(rule.group_names.size());
    regex->key_group = key_group;
    regex->lookup = key_group > 0 ? rule.table : nullptr;
    regex_rules_.push_back(std::move(regex));
  }
  if (regex_rules_.empty()) return true;
  compiled_->union_re = std::make_unique<RE2>(alternation, RegexOptions(kUnionMemory));
  if (!compiled_->union_re->ok() || !compiled_->starts->Compile()) {
    *error = fmt::format("the rules together exceed RE2's memory budget ({} MiB): {}", kUnionMemory >> 20,
                         compiled_->union_re->error());
    return false;
  }
  // A rule that can match the empty string would match everywhere.
  std::vector<int> empty;
  compiled_->starts->Match("", &empty);
  if (!empty.empty()) {
    const Rule& rule = (*rules)[regex_rules_[static_cast<size_t>(*std::min_element(empty.begin(), empty.end()))]->rule];
    *error = fmt::format("{}: rule {}: the pattern matches the empty string", rule.pattern_origin, rule.info.id);
    return false;
  }
  return true;
}

void Matcher::RegexRule::Compile() const {
  std::call_once(compiled, [this] {
    extent = std::make_unique<RE2>(plain, RegexOptions(kRuleMemory));
    // Captures come from an anchored match over the rule's own extent,
    // which RE2 serves with its fast one-pass or bit-state engines; asking
    // a leftmost-longest regex for captures would send it to the slow NFA.
    parts = std::make_unique<RE2>(named, RegexOptions(kRuleMemory, false));
  });
}

bool Matcher::InContext(std::string_view text, const Candidate& candidate) const {
  constexpr size_t kWindow = 64;
  const Context& context = contexts_[candidate.rule];
  if (context.before != nullptr) {
    const size_t from = candidate.span.begin > kWindow ? candidate.span.begin - kWindow : 0;
    const std::string_view window = text.substr(from, candidate.span.begin - from);
    if (!RE2::PartialMatch(re2::StringPiece(window.data(), window.size()), *context.before)) return false;
  }
  if (context.after != nullptr) {
    const std::string_view window = text.substr(candidate.span.end, kWindow);
    if (!RE2::PartialMatch(re2::StringPiece(window.data(), window.size()), *context.after)) return false;
  }
  return true;
}

void Matcher::Scan(std::string_view text, const std::vector<Token>& tokens,
                   std::vector<Candidate>* candidates) const {
  phrases_.Match(text, tokens, candidates);
  if (!contexts_.empty()) {
    std::erase_if(*candidates, [&](const Candidate& c) { return !InContext(text, c); });
  }
  ScanRegex(text, candidates);
}

void Matcher::ScanRegex(std::string_view text, std::vector<Candidate>* candidates) const {
  if (regex_rules_.empty()) return;
  const re2::StringPiece input(text.data(), text.size());
  std::vector<int> starting;
  size_t pos = 0;
  re2::StringPiece found;
  while (pos < text.size() && compiled_->union_re->Match(input, pos, text.size(), RE2::UNANCHORED, &found, 1)) {
    const size_t begin = static_cast<size_t>(found.data() - text.data());
    const size_t end = begin + found.size();
    if (end == begin) {  // only a context-dependent rule like \b can match empty
      pos = NextCharacter(text, begin);
      continue;
    }
    const size_t found_before = candidates->size();
    starting.clear();
    compiled_->starts->Match(found, &starting);
    std::sort(starting.begin(), starting.end());  // in rule order, whatever the Set's
    for (int id : starting) {
      const RegexRule& regex = *regex_rules_[static_cast<size_t>(id)];
      regex.Compile();
      re2::StringPiece own;  // this rule's longest match at `begin`
      if (!regex.extent->Match(input, begin, end, RE2::ANCHOR_START, &own, 1)) continue;
      const Candidate candidate{Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(begin + own.size())},
                                regex.rule, static_cast<uint32_t>(id)};
      if (!contexts_.empty() && !InContext(text, candidate)) continue;
      if (regex.key_group > 0 && !KeyInLookup(text, candidate)) continue;
      candidates->push_back(candidate);
    }
    // What a dropped candidate covered is claimed by no one: the scan goes
    // on after the furthest candidate kept, inside the match if none was.
    size_t furthest = 0;
    for (size_t c = found_before; c < candidates->size(); ++c) furthest = std::max<size_t>(furthest, (*candidates)[c].span.end);
    pos = furthest > begin ? furthest : NextCharacter(text, begin);
  }
}

bool Matcher::KeyInLookup(std::string_view text, const Candidate& candidate) const {
  const RegexRule& regex = *regex_rules_[candidate.payload];
  thread_local std::vector<Span> spans;
  Captures(text, candidate, &spans);
  const Span& key = spans[static_cast<size_t>(regex.key_group - 1)];
  return !(key == kNoCapture) && regex.lookup->FindName(text.substr(key.begin, key.size())) >= 0;
}

void Matcher::Captures(std::string_view text, const Candidate& candidate, std::vector<Span>* spans) const {
  const RegexRule& regex = *regex_rules_[candidate.payload];
  spans->assign(static_cast<size_t>(regex.groups), kNoCapture);
  if (regex.groups == 0) return;
  regex.Compile();
  thread_local std::vector<re2::StringPiece> groups;
  groups.resize(static_cast<size_t>(regex.groups) + 1);
  const re2::StringPiece input(text.data(), text.size());
  if (!regex.parts->Match(input, candidate.span.begin, candidate.span.end, RE2::ANCHOR_BOTH, groups.data(),
                          regex.groups + 1)) {
    return;
  }
  for (int g = 1; g <= regex.groups; ++g) {
    const re2::StringPiece& group = groups[static_cast<size_t>(g)];
    if (group.data() == nullptr) continue;
    const auto group_begin = static_cast<uint32_t>(group.data() - text.data());
    (*spans)[static_cast<size_t>(g - 1)] = Span{group_begin, group_begin + static_cast<uint32_t>(group.size())};
  }
}

}  // namespace lede
