#include "matcher.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cctype>
#include <future>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "rules_impl.h"

namespace lede {
namespace {

// RE2's budget for a compiled program and its DFA cache. The union of all
// rules is large and its DFA is shared by every thread: when the cache is too
// small, RE2 keeps flushing it and falls back to its much slower NFA.
constexpr int64_t kUnionMemory = int64_t{256} << 20;
constexpr int64_t kRuleMemory = int64_t{8} << 20;
// Each pack's share of the Set of all rules, and a rule's alone.
constexpr int64_t kPackMemory = 4 * kRuleMemory;

// The pack of a rule: its id up to the first dot.
std::string_view PackOf(const Rule& rule) {
  return std::string_view(rule.info.id).substr(0, rule.info.id.find('.'));
}

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

// Memoizes, per thread, what RE2 said about a short stretch of text. News
// repeats the same numbers, dates and phrases ("1.2 million", "Feb 26") so
// often that most re-matches are answered from here (four in five on
// Reuters-21578): an anchored match with captures costs a microsecond, a
// lookup a tenth of that. Keys carry the Matcher's serial number, so that
// another Matcher, even at the same address, never reads them; the table is
// emptied when full, which bounds its memory.
template <typename Value>
class Memo {
 public:
  // The value stored under `key`, or null.
  const Value* Find(std::string_view key) const {
    const auto it = map_.find(key);
    return it == map_.end() ? nullptr : &it->second;
  }
  const Value& Insert(std::string_view key, Value value) {
    constexpr size_t kMaxEntries = 1 << 16;
    if (map_.size() >= kMaxEntries) map_.clear();
    return map_.emplace(std::string(key), std::move(value)).first->second;
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Value, Hash, std::equal_to<>> map_;
};

// A memo key: what RE2 can see of text[begin, end) when matching within it
// (the span, and the byte on each side, for \b, or the text's edge), under
// a given matcher and rule.
void MemoKey(uint64_t matcher, uint32_t rule, std::string_view text, size_t begin, size_t end, std::string* key) {
  key->clear();
  key->append(reinterpret_cast<const char*>(&matcher), sizeof matcher);
  key->append(reinterpret_cast<const char*>(&rule), sizeof rule);
  auto edge = [&](size_t at, bool inside) {
    if (inside) {
      key->push_back('\1');
      key->push_back(text[at]);
    } else {
      key->push_back('\0');
    }
  };
  edge(begin - 1, begin > 0);
  edge(end, end < text.size());
  key->append(text.substr(begin, end - begin));
}

// text[begin, end) and the byte on each side, all an anchored match within
// the span can see (\b, (?m)^), and what the memo keys hold. Giving RE2 the
// whole document instead would make it judge the text too long for its
// fast capturing engine and run a DFA over the span first.
struct Window {
  re2::StringPiece context;
  size_t begin, end;  // the span within context
};

Window WindowAround(std::string_view text, size_t begin, size_t end) {
  const size_t from = begin > 0 ? begin - 1 : 0;
  const size_t to = std::min(end + 1, text.size());
  return Window{re2::StringPiece(text.data() + from, to - from), begin - from, end - from};
}

std::atomic<uint64_t> matcher_serials{0};

// Whether the line around `pos` is in title case, as a headline is ("Merz
// Seals Coalition Deal"): four capitalized words at least, twice as many
// as lower-case ones, and none of those longer than three letters ("of",
// "and" may be).
bool InTitleCaseLine(std::string_view text, const std::vector<Token>& tokens, size_t pos) {
  const size_t newline = text.rfind('\n', pos);
  const size_t begin = newline == std::string_view::npos ? 0 : newline + 1;
  const size_t end = std::min(text.find('\n', pos), text.size());
  auto token = std::lower_bound(tokens.begin(), tokens.end(), begin,
                                [](const Token& t, size_t at) { return t.span.begin < at; });
  int capitalized = 0, lower = 0;
  for (; token != tokens.end() && token->span.begin < end; ++token) {
    if (token->kind != TokenKind::kWord) continue;
    const char first = text[token->span.begin];
    if (first >= 'a' && first <= 'z') {
      if (token->span.size() > 3) return false;
      ++lower;
    } else if (first >= 'A' && first <= 'Z') {
      ++capitalized;
    }
  }
  return capitalized >= 4 && 2 * lower < capitalized;
}

// The group that marks a pattern's mention within its match.
constexpr std::string_view kMentionGroup = "mention";

// Memo "rule" of a span's extents; captures are memoized per regex rule.
constexpr uint32_t kExtentsMemo = UINT32_MAX;

}  // namespace

struct Matcher::Compiled {
  std::unique_ptr<RE2> union_re;
  // Which regex rules match at the start of a span the union found. It
  // runs only over that span, so one Set of all rules costs less than one
  // per pack (a third less over Reuters-21578, start-up included): each
  // call has a fixed price, and most spans start only one pack's rules.
  // Its memory budget is each pack's share times the packs.
  std::unique_ptr<RE2::Set> starts;
  std::vector<uint32_t> set_regex;  // Set index -> index into regex_rules_
};

Matcher::Matcher() = default;
Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;
Matcher::~Matcher() = default;

bool Matcher::Compile(std::vector<Rule>* rules, std::string* error) {
  serial_ = ++matcher_serials;
  compiled_ = std::make_unique<Compiled>();
  std::string alternation;
  std::set<std::string_view> packs;
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
    if (!rule.headline) {
      not_in_headlines_.resize(rules->size());
      not_in_headlines_[index] = true;
    }
    if (rule.info.gazetteer) {
      phrases_.Add(index, *rule.table, rule.match_columns,
                   rule.ignore_case ? NameCase::kAnyCase
                   : rule.capitals  ? NameCase::kAsWrittenOrCapitals
                                    : NameCase::kAsWritten);
      continue;
    }
    rule.group_names = GroupNames(rule.pattern);
    KeyCheck checks[2] = {{{}, rule.table}, {{}, rule.reject}};  // lookup_key, reject_key
    for (auto [key_name, keys, check] : {std::tuple{"lookup_key", &rule.lookup_key, &checks[0]},
                                         {"reject_key", &rule.reject_key, &checks[1]}}) {
      for (const std::string& key : *keys) {
        const size_t before = check->groups.size();
        // Every group of that name: a name may recur in alternatives.
        for (size_t g = 0; g < rule.group_names.size(); ++g) {
          if (rule.group_names[g] == key) check->groups.push_back(static_cast<int>(g) + 1);
        }
        if (check->groups.size() == before) {
          *error = fmt::format("{}: rule {}: {} '{}' names no group of the pattern", rule.pattern_origin,
                               rule.info.id, key_name, key);
          return false;
        }
      }
    }
    auto regex = std::make_unique<RegexRule>();
    regex->rule = index;
    regex->plain = WithoutNamedGroups(rule.pattern);
    regex->named = WithUniqueGroupNames(rule.pattern);
    regex->groups = static_cast<int>(rule.group_names.size());
    const auto mention = std::find(rule.group_names.begin(), rule.group_names.end(), kMentionGroup);
    regex->mention_group = mention == rule.group_names.end() ? 0 : static_cast<int>(mention - rule.group_names.begin()) + 1;
    regex->cue = rule.cue();
    regex->lookup = std::move(checks[0]);
    regex->reject = std::move(checks[1]);
    const auto regex_index = static_cast<uint32_t>(regex_rules_.size());
    if (const GazetteerTable* anchors = rule.starts_with != nullptr ? rule.starts_with
                                        : rule.contains != nullptr  ? rule.contains
                                                                    : rule.follows) {
      // Tried only near a name of the table, never in the union.
      if (!Anchor(index, rule, *regex, *anchors, error)) return false;
      anchored_.resize(rules->size());
      anchored_[index] = Anchored{static_cast<uint32_t>(anchored_regex_.size()),
                                  rule.contains != nullptr ? kContainsReach : 0, rule.follows != nullptr};
      anchored_regex_.push_back(regex_index);
    } else {
      packs.insert(PackOf(rule));
      compiled_->set_regex.push_back(regex_index);
      if (!alternation.empty()) alternation.push_back('|');
      alternation.append("(?:").append(regex->plain).append(")");
    }
    regex_rules_.push_back(std::move(regex));
  }
  if (alternation.empty()) return true;
  compiled_->starts = std::make_unique<RE2::Set>(
      RegexOptions(kPackMemory * static_cast<int64_t>(packs.size())), RE2::ANCHOR_START);
  for (uint32_t id : compiled_->set_regex) {
    std::string set_error;
    if (compiled_->starts->Add(regex_rules_[id]->plain, &set_error) < 0) {
      const Rule& rule = (*rules)[regex_rules_[id]->rule];
      *error = fmt::format("{}: rule {}: {}", rule.pattern_origin, rule.info.id, set_error);
      return false;
    }
  }
  // The union and the Set take most of start-up: build them side by side.
  auto set_compiled = std::async(std::launch::async, [this] { return compiled_->starts->Compile(); });
  compiled_->union_re = std::make_unique<RE2>(alternation, RegexOptions(kUnionMemory));
  if (!set_compiled.get() || !compiled_->union_re->ok()) {
    *error = OverBudget(*rules);
    return false;
  }
  // A rule that can match the empty string would match everywhere.
  std::vector<int> empty;
  if (compiled_->starts->Match("", &empty)) {
    const uint32_t first = compiled_->set_regex[static_cast<size_t>(*std::min_element(empty.begin(), empty.end()))];
    const Rule& rule = (*rules)[regex_rules_[first]->rule];
    *error = fmt::format("{}: rule {}: the pattern matches the empty string", rule.pattern_origin, rule.info.id);
    return false;
  }
  return true;
}

bool Matcher::Anchor(uint32_t index, const Rule& rule, const RegexRule& regex, const GazetteerTable& table,
                     std::string* error) {
  // Compiled now, not on first use: no Set checks the pattern.
  regex.Compile();
  if (!regex.extent->ok()) {
    *error = fmt::format("{}: rule {}: {}", rule.pattern_origin, rule.info.id, regex.extent->error());
    return false;
  }
  if (RE2::FullMatch("", *regex.extent)) {
    *error = fmt::format("{}: rule {}: the pattern matches the empty string", rule.pattern_origin, rule.info.id);
    return false;
  }
  // As written, like a gazetteer rule's names, unless the rule says
  // ignore_case: in any case, every word of the text needs folding and a
  // lookup, so only short lists should (titles, context words).
  phrases_.Add(index, table, table.NameColumns(), rule.ignore_case ? NameCase::kAnyCase : NameCase::kAsWritten);
  return true;
}

std::string Matcher::OverBudget(const std::vector<Rule>& rules) const {
  // Rules and packs are compiled one by one only here, on failure, to keep
  // start-up short.
  std::map<std::string_view, RE2::Set> pack_sets;
  for (uint32_t id : compiled_->set_regex) {
    const Rule& rule = rules[regex_rules_[id]->rule];
    RE2::Set alone(RegexOptions(kPackMemory), RE2::ANCHOR_START);
    if (alone.Add(regex_rules_[id]->plain, nullptr) < 0 || !alone.Compile()) {
      return fmt::format("{}: rule {}: the pattern exceeds RE2's memory budget ({} MiB)", rule.pattern_origin,
                         rule.info.id, kPackMemory >> 20);
    }
    pack_sets.try_emplace(PackOf(rule), RegexOptions(kPackMemory), RE2::ANCHOR_START)
        .first->second.Add(regex_rules_[id]->plain, nullptr);
  }
  for (auto& [pack, set] : pack_sets) {
    if (set.Compile()) continue;
    const std::string_view failed = pack;  // clang before 16 cannot capture a structured binding
    const auto first = std::find_if(rules.begin(), rules.end(), [&](const Rule& r) { return PackOf(r) == failed; });
    return fmt::format("{}: the rules of pack {} together exceed RE2's memory budget ({} MiB)", first->info.origin,
                       failed, kPackMemory >> 20);
  }
  return fmt::format("the rules together exceed RE2's memory budget ({} MiB)", kUnionMemory >> 20);
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
  constexpr size_t kWindow = 128;
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

void Matcher::Scan(std::string_view text, const std::vector<Token>& tokens, std::vector<Candidate>* candidates,
                   std::span<const Candidate> refused) const {
  phrases_.Match(text, tokens, candidates);
  if (!refused.empty()) {
    std::erase_if(*candidates,
                  [&](const Candidate& c) { return std::find(refused.begin(), refused.end(), c) != refused.end(); });
  }
  thread_local Attempts attempts;
  TakeAttempts(text, tokens, candidates, &attempts);
  if (!contexts_.empty()) {
    std::erase_if(*candidates, [&](const Candidate& c) { return !InContext(text, c); });
  }
  ScanRegex(text, tokens, attempts, refused, candidates);
  if (!not_in_headlines_.empty()) {
    std::erase_if(*candidates, [&](const Candidate& c) {
      return c.rule < not_in_headlines_.size() && not_in_headlines_[c.rule] && InTitleCaseLine(text, tokens, c.span.begin);
    });
  }
}

namespace {

// Whether a token starting with byte `c` may begin a name: an upper-case
// letter, a digit or a non-ASCII letter; not a lower-case word ("said"),
// nor a sign.
bool MayBeginName(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// Whether `gap` is spaces or tabs: a follows rule's match is on the line of
// its name. Hard-wrapped text breaks lines between any two words, and there
// a title-shaped word joined too much ("a major\nJapanese firm").
bool IsSpaceGap(std::string_view gap) { return !gap.empty() && gap.find_first_not_of(" \t") == std::string_view::npos; }

}  // namespace

void Matcher::TakeAttempts(std::string_view text, const std::vector<Token>& tokens,
                           std::vector<Candidate>* candidates, Attempts* attempts) const {
  attempts->words = (anchored_regex_.size() + 63) / 64;
  attempts->bits.assign(tokens.size() * attempts->words, 0);
  if (anchored_regex_.empty()) return;
  // The first token from byte `at` on.
  auto first_from = [&](uint32_t at) {
    return std::lower_bound(tokens.begin(), tokens.end(), at,
                            [](const Token& t, uint32_t pos) { return t.span.begin < pos; });
  };
  // A follows rule is not tried where a name of its table begins: after
  // "Oil Minister Sheikh" the name is the one after "Sheikh".
  thread_local std::vector<std::pair<size_t, uint64_t>> unmark;  // word, bit
  unmark.clear();
  std::erase_if(*candidates, [&](const Candidate& name) {
    if (name.rule >= anchored_.size() || anchored_[name.rule].bit == kNotAnchored) return false;
    const Anchored& anchored = anchored_[name.rule];
    const uint64_t bit = uint64_t{1} << (anchored.bit % 64);
    auto word_of = [&](std::vector<Token>::const_iterator token) {
      return static_cast<size_t>(token - tokens.begin()) * attempts->words + anchored.bit / 64;
    };
    if (anchored.follows) {
      const auto next = first_from(name.span.end);
      if (next != tokens.end() && IsSpaceGap(text.substr(name.span.end, next->span.begin - name.span.end))) {
        attempts->bits[word_of(next)] |= bit;
      }
      unmark.emplace_back(word_of(first_from(name.span.begin)), bit);
      return true;
    }
    for (auto token = first_from(name.span.begin - std::min(name.span.begin, anchored.reach));
         token != tokens.end() && token->span.begin <= name.span.begin; ++token) {
      if (token->span.begin < name.span.begin && !MayBeginName(text[token->span.begin])) continue;
      attempts->bits[word_of(token)] |= bit;
    }
    return true;
  });
  for (const auto& [word, bit] : unmark) attempts->bits[word] &= ~bit;
}

void Matcher::ScanRegex(std::string_view text, const std::vector<Token>& tokens, const Attempts& attempts,
                        std::span<const Candidate> refused, std::vector<Candidate>* candidates) const {
  if (compiled_->union_re == nullptr && anchored_regex_.empty()) return;
  const re2::StringPiece input(text.data(), text.size());
  thread_local std::string key;
  // A refused candidate is left out. It still hides its own rule's matches
  // that start inside it ("7" in "24/7", "2 and 3" in "1 and 2 and 3"), not
  // other rules', but for one that starts a word and ends where it ends: a
  // range refused for its bottom leaves its top ("500,000 to 1 mln dlrs").
  auto left_out = [&](const Candidate& c) {
    return std::any_of(refused.begin(), refused.end(), [&](const Candidate& r) {
      if (r == c) return true;
      const bool inside = r.rule == c.rule && r.span.begin < c.span.begin && c.span.begin < r.span.end;
      if (!inside) return false;
      // Inside, c starts after r's start, so a byte stands before it.
      const bool last_words =
          c.span.end == r.span.end && std::isspace(static_cast<unsigned char>(text[c.span.begin - 1]));
      return !last_words;
    });
  };
  auto keep = [&](Candidate candidate) {
    if (Accept(text, &candidate) && !left_out(candidate)) candidates->push_back(candidate);
  };
  size_t pos = 0;
  for (size_t t = 0; t < tokens.size(); ++t) {
    const size_t begin = tokens[t].span.begin;
    if (begin < pos) continue;
    const size_t found_before = candidates->size();
    re2::StringPiece found;
    if (compiled_->union_re != nullptr &&
        compiled_->union_re->Match(input, begin, text.size(), RE2::ANCHOR_START, &found, 1) && !found.empty()) {
      MemoKey(serial_, kExtentsMemo, text, begin, begin + found.size(), &key);
      for (const Extent& extent : Extents(text, begin, found, key)) {
        const Span match{static_cast<uint32_t>(begin), static_cast<uint32_t>(begin) + extent.size};
        keep(Candidate{match, regex_rules_[extent.regex]->rule, extent.regex, match});
      }
    }
    // Rules outside the union take part here as if in it; attempts inside
    // a match already kept are passed over.
    for (size_t w = 0; w < attempts.words; ++w) {
      for (uint64_t bits = attempts.bits[t * attempts.words + w]; bits != 0; bits &= bits - 1) {
        const size_t bit = w * 64 + static_cast<size_t>(std::countr_zero(bits));
        if (Candidate candidate; MatchAttempt(text, static_cast<uint32_t>(begin), anchored_regex_[bit], &candidate)) {
          keep(candidate);
        }
      }
    }
    // What a dropped candidate covered is claimed by no one: the scan goes
    // on at the first token after the furthest candidate kept, or at the
    // next token if none was. A mention inside a wider match hides nothing
    // from its own start on: "rival RMB" must not hide "RMB 10bn". Cues
    // hide nothing: entities compete with entities, cues with cues ("the
    // takeover deal between X and Y" holds a cue and the entity Y).
    for (size_t c = found_before; c < candidates->size(); ++c) {
      const Candidate& kept = (*candidates)[c];
      if (regex_rules_[kept.payload]->cue) continue;
      pos = std::max<size_t>(pos, kept.span == kept.match ? kept.match.end : kept.span.begin);
    }
  }
}

bool Matcher::Accept(std::string_view text, Candidate* candidate) const {
  const RegexRule& regex = *regex_rules_[candidate->payload];
  // Captured once, when first needed: each lookup of the memo costs a hash
  // of the match and a cache miss.
  thread_local std::vector<Span> spans;
  bool captured = false;
  auto captures = [&]() -> const std::vector<Span>& {
    if (!captured) Captures(text, *candidate, &spans);
    captured = true;
    return spans;
  };
  if (regex.mention_group > 0) {
    const Span& mention = captures()[static_cast<size_t>(regex.mention_group - 1)];
    if (mention == kNoCapture || mention.size() == 0) return false;
    candidate->span = mention;
  }
  if (!contexts_.empty() && !InContext(text, *candidate)) return false;
  // A lookup accepts plurals ("300 megawatts"); a rejection does not
  // ("Wells" is a name though "well" is not).
  if (!regex.lookup.groups.empty() && !CapturesIn(text, captures(), regex.lookup, true)) return false;
  return regex.reject.groups.empty() || !CapturesIn(text, captures(), regex.reject, false);
}

bool Matcher::MatchAttempt(std::string_view text, uint32_t begin, uint32_t id, Candidate* candidate) const {
  const RegexRule& regex = *regex_rules_[id];
  re2::StringPiece found;
  if (!regex.extent->Match(re2::StringPiece(text.data(), text.size()), begin, text.size(), RE2::ANCHOR_START, &found,
                           1) ||
      found.empty()) {
    return false;
  }
  const Span match{begin, begin + static_cast<uint32_t>(found.size())};
  *candidate = Candidate{match, regex.rule, id, match};
  return true;
}

const std::vector<Matcher::Extent>& Matcher::Extents(std::string_view text, size_t begin, re2::StringPiece found,
                                                     std::string_view key) const {
  thread_local Memo<std::vector<Extent>> memo;
  if (const std::vector<Extent>* extents = memo.Find(key)) return *extents;
  std::vector<int> starting;
  compiled_->starts->Match(found, &starting);
  std::sort(starting.begin(), starting.end());  // in rule order, whatever the Set's
  std::vector<Extent> extents;
  const Window window = WindowAround(text, begin, begin + found.size());
  for (int in_set : starting) {
    const uint32_t id = compiled_->set_regex[static_cast<size_t>(in_set)];
    const RegexRule& regex = *regex_rules_[id];
    regex.Compile();
    re2::StringPiece own;  // this rule's longest match at `begin`
    if (regex.extent->Match(window.context, window.begin, window.end, RE2::ANCHOR_START, &own, 1)) {
      extents.push_back(Extent{id, static_cast<uint32_t>(own.size())});
    }
  }
  return memo.Insert(key, std::move(extents));
}

bool Matcher::CapturesIn(std::string_view text, const std::vector<Span>& spans, const KeyCheck& check, bool lookup) {
  bool any = false;
  for (int group : check.groups) {
    const Span& key = spans[static_cast<size_t>(group - 1)];
    if (key == kNoCapture) continue;
    const std::string_view name = text.substr(key.begin, key.size());
    const bool in = (lookup ? check.table->FindNameOrForm(name) : check.table->FindName(name)) >= 0;
    if (lookup && !in) return false;
    any = any || in;
  }
  return any;
}

void Matcher::Captures(std::string_view text, const Candidate& candidate, std::vector<Span>* spans) const {
  const RegexRule& regex = *regex_rules_[candidate.payload];
  spans->assign(static_cast<size_t>(regex.groups), kNoCapture);
  if (regex.groups == 0) return;
  // Memoized relative to the candidate's start.
  thread_local Memo<std::vector<Span>> memo;
  thread_local std::string key;
  const Span match = candidate.match;
  MemoKey(serial_, candidate.payload, text, match.begin, match.end, &key);
  const std::vector<Span>* relative = memo.Find(key);
  if (relative == nullptr) relative = &memo.Insert(key, RelativeCaptures(regex, text, match));
  for (size_t g = 0; g < spans->size(); ++g) {
    const Span& group = (*relative)[g];
    if (!(group == kNoCapture)) (*spans)[g] = Span{match.begin + group.begin, match.begin + group.end};
  }
}

std::vector<Span> Matcher::RelativeCaptures(const RegexRule& regex, std::string_view text, Span span) {
  std::vector<Span> spans(static_cast<size_t>(regex.groups), kNoCapture);
  regex.Compile();
  thread_local std::vector<re2::StringPiece> groups;
  groups.resize(static_cast<size_t>(regex.groups) + 1);
  const Window window = WindowAround(text, span.begin, span.end);
  if (!regex.parts->Match(window.context, window.begin, window.end, RE2::ANCHOR_BOTH, groups.data(),
                          regex.groups + 1)) {
    return spans;
  }
  for (int g = 1; g <= regex.groups; ++g) {
    const re2::StringPiece& group = groups[static_cast<size_t>(g)];
    if (group.data() == nullptr) continue;
    const auto group_begin = static_cast<uint32_t>(group.data() - text.data()) - span.begin;
    spans[static_cast<size_t>(g - 1)] = Span{group_begin, group_begin + static_cast<uint32_t>(group.size())};
  }
  return spans;
}

}  // namespace lede
