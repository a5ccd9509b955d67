#include "matcher.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

#include "rules_impl.h"

namespace lede {
namespace {

// RE2's budget for a compiled program and its DFA cache. The union of all
// rules is large and its DFA is shared by every thread: when the cache is too
// small, RE2 keeps flushing it and falls back to its much slower NFA.
constexpr int64_t kUnionMemory = int64_t{256} << 20;
constexpr int64_t kRuleMemory = int64_t{8} << 20;

RE2::Options RegexOptions(int64_t max_mem) {
  RE2::Options options;
  options.set_longest_match(true);
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  return options;
}

// Rewrites named groups "(?P<name>" as "(?:": the union of all rules must not
// repeat a group name, and it needs no captures at all.
std::string WithoutNamedGroups(std::string_view pattern) {
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
        out.append("(?:");
        i = close;
        continue;
      }
    }
    out.push_back(c);
  }
  return out;
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
    if (rule.info.gazetteer) {
      phrases_.Add(index, *rule.table, rule.match_columns, rule.ignore_case);
      continue;
    }
    auto re = std::make_unique<RE2>(rule.pattern, RegexOptions(kRuleMemory));
    if (!re->ok()) {
      *error = fmt::format("{}: rule {}: {}", rule.pattern_origin, rule.info.id, re->error());
      return false;
    }
    if (RE2::FullMatch("", *re)) {
      *error = fmt::format("{}: rule {}: the pattern matches the empty string", rule.pattern_origin, rule.info.id);
      return false;
    }
    rule.group_names.assign(static_cast<size_t>(re->NumberOfCapturingGroups()), "");
    for (const auto& [group, name] : re->CapturingGroupNames()) rule.group_names[static_cast<size_t>(group - 1)] = name;

    std::string plain = WithoutNamedGroups(rule.pattern);
    std::string set_error;
    if (compiled_->starts->Add(plain, &set_error) < 0) {
      *error = fmt::format("{}: rule {}: {}", rule.pattern_origin, rule.info.id, set_error);
      return false;
    }
    if (!alternation.empty()) alternation.push_back('|');
    alternation.append("(?:").append(plain).append(")");
    regex_rules_.push_back(RegexRule{index, std::move(re), static_cast<int>(rule.group_names.size())});
  }
  if (regex_rules_.empty()) return true;
  compiled_->union_re = std::make_unique<RE2>(alternation, RegexOptions(kUnionMemory));
  if (!compiled_->union_re->ok() || !compiled_->starts->Compile()) {
    *error = fmt::format("the rules together exceed RE2's memory budget ({} MiB): {}", kUnionMemory >> 20,
                         compiled_->union_re->error());
    return false;
  }
  return true;
}

void Matcher::Scan(std::string_view text, const std::vector<Token>& tokens, std::vector<Candidate>* candidates,
                   std::vector<Span>* captures) const {
  phrases_.Match(text, tokens, candidates);
  if (regex_rules_.empty()) return;

  const re2::StringPiece input(text.data(), text.size());
  std::vector<int> starting;
  std::vector<re2::StringPiece> groups;
  size_t pos = 0;
  re2::StringPiece found;
  while (pos < text.size() && compiled_->union_re->Match(input, pos, text.size(), RE2::UNANCHORED, &found, 1)) {
    const size_t begin = static_cast<size_t>(found.data() - text.data());
    const size_t end = begin + found.size();
    if (end == begin) {  // only a context-dependent rule like \b can match empty
      pos = begin + 1;
      while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
      continue;
    }
    starting.clear();
    compiled_->starts->Match(re2::StringPiece(found.data(), found.size()), &starting);
    std::sort(starting.begin(), starting.end());  // in rule order, whatever the Set's
    for (int id : starting) {
      const RegexRule& regex = regex_rules_[static_cast<size_t>(id)];
      groups.resize(static_cast<size_t>(regex.groups) + 1);
      if (!regex.re->Match(input, begin, end, RE2::ANCHOR_START, groups.data(), regex.groups + 1)) continue;
      const uint32_t first_capture = static_cast<uint32_t>(captures->size());
      for (int g = 1; g <= regex.groups; ++g) {
        const re2::StringPiece& group = groups[static_cast<size_t>(g)];
        if (group.data() == nullptr) {
          captures->push_back(kNoCapture);
        } else {
          const auto group_begin = static_cast<uint32_t>(group.data() - text.data());
          captures->push_back(Span{group_begin, group_begin + static_cast<uint32_t>(group.size())});
        }
      }
      const auto span_begin = static_cast<uint32_t>(begin);
      candidates->push_back(
          Candidate{Span{span_begin, span_begin + static_cast<uint32_t>(groups[0].size())}, regex.rule, first_capture});
    }
    pos = end;
  }
}

}  // namespace lede
