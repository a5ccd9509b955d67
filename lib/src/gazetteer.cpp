#include "gazetteer.h"

#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <utility>

namespace lede {
namespace {

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
}

char FoldAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char AsWritten(char c) { return c; }

// The bit of a key in PhraseIndex::Index::prefixes: a hash of its first
// four bytes (or fewer, and its length), mapped by `fold`. Two bytes let
// through nearly every capitalized word ("He", "In", "Reuters" all begin
// some name); four turn most away.
size_t KeyPrefix(std::string_view key, char (*fold)(char)) {
  uint32_t bytes = static_cast<uint32_t>(std::min<size_t>(key.size(), 4));
  for (size_t i = 0; i < 4 && i < key.size(); ++i) bytes = bytes << 8 | static_cast<unsigned char>(fold(key[i]));
  return (bytes * 0x9E3779B1u) >> 16;
}

uint32_t KeyHash(std::string_view key) { return static_cast<uint32_t>(std::hash<std::string_view>{}(key)); }

// The index key of a name or token: its leading run of word bytes.
std::string_view FirstWord(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && IsWordByte(static_cast<unsigned char>(s[n]))) ++n;
  return s.substr(0, n);
}

std::string Folded(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = FoldAscii(c);
  return out;
}

std::string Capitalized(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return out;
}

// Whether a word is written in capitals: two letters at least, none lower case.
bool InCapitals(std::string_view word) {
  int letters = 0;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    letters += c >= 'A' && c <= 'Z';
  }
  return letters >= 2;
}

// Length of a white-space run at text[pos] (ASCII space, tab, CR, LF and
// no-break space), 0 if there is none.
size_t SpaceRun(std::string_view text, size_t pos) {
  size_t start = pos;
  while (pos < text.size()) {
    char c = text[pos];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++pos;
    } else if (c == '\xC2' && pos + 1 < text.size() && text[pos + 1] == '\xA0') {
      pos += 2;
    } else {
      break;
    }
  }
  return pos - start;
}

// If `name` is found at text[pos], returns the end of the match in the text;
// else 0. A single space in the name matches any white-space run.
size_t MatchName(std::string_view name, std::string_view text, size_t pos, bool ignore_case) {
  for (char c : name) {
    if (c == ' ') {
      size_t run = SpaceRun(text, pos);
      if (run == 0) return 0;
      pos += run;
      continue;
    }
    if (pos >= text.size()) return 0;
    char t = text[pos];
    if (ignore_case ? FoldAscii(t) != FoldAscii(c) : t != c) return 0;
    ++pos;
  }
  return pos;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Calls on_name with each name of a list cell ("a|b|c").
template <typename OnName>
void ForEachIn(std::string_view cell, OnName on_name) {
  while (!cell.empty()) {
    const size_t bar = cell.find('|');
    const std::string_view name = Trim(cell.substr(0, bar));
    cell.remove_prefix(bar == std::string_view::npos ? cell.size() : bar + 1);
    if (!name.empty()) on_name(name);
  }
}

}  // namespace

bool GazetteerTable::Parse(std::string text, const std::string& origin, std::string* error) {
  text_ = std::move(text);
  origin_ = origin;
  std::string_view rest(text_);
  uint32_t line = 0;
  bool have_header = false;
  while (!rest.empty()) {
    size_t newline = rest.find('\n');
    std::string_view row = rest.substr(0, newline);
    rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
    ++line;
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    if (row.empty() || row.front() == '#') continue;
    std::vector<std::string_view> cells;
    for (size_t start = 0;;) {
      size_t tab = row.find('\t', start);
      cells.push_back(Trim(row.substr(start, tab == std::string_view::npos ? row.npos : tab - start)));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (!have_header) {
      for (std::string_view cell : cells) columns_.emplace_back(cell);
      if (Column("name") < 0) {
        *error = fmt::format("{}:{}: the header row has no 'name' column", origin, line);
        return false;
      }
      have_header = true;
      continue;
    }
    if (cells.size() > columns_.size()) {
      *error = fmt::format("{}:{}: {} cells, but the header names {} columns", origin, line, cells.size(),
                           columns_.size());
      return false;
    }
    rows_.push_back(Row{line, std::move(cells)});
  }
  if (!have_header) {
    *error = fmt::format("{}:1: empty gazetteer: a header row is required", origin);
    return false;
  }
  return true;
}

int GazetteerTable::Column(std::string_view name) const {
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::vector<int> GazetteerTable::NameColumns() const {
  std::vector<int> columns{Column("name")};  // Parse requires it
  if (const int aliases = Column("aliases"); aliases >= 0) columns.push_back(aliases);
  return columns;
}

std::string_view GazetteerTable::Cell(size_t row, int column) const {
  const std::vector<std::string_view>& cells = rows_[row].cells;
  if (column < 0 || static_cast<size_t>(column) >= cells.size()) return {};
  return cells[static_cast<size_t>(column)];
}

void GazetteerTable::ForEachName(size_t row, const std::vector<int>& columns,
                                 const std::function<void(std::string_view)>& on_name) const {
  const int ambiguous_column = Column(kAmbiguousColumn);
  const bool skip_ambiguous =
      ambiguous_column >= 0 && std::find(columns.begin(), columns.end(), ambiguous_column) == columns.end();
  std::vector<std::string_view> ambiguous;
  if (skip_ambiguous) ForEachIn(Cell(row, ambiguous_column), [&](std::string_view name) { ambiguous.push_back(name); });
  for (int column : columns) {
    ForEachIn(Cell(row, column), [&](std::string_view name) {
      if (std::find(ambiguous.begin(), ambiguous.end(), name) == ambiguous.end()) on_name(name);
    });
  }
}

void GazetteerTable::IndexNames(const std::vector<int>& columns) {
  for (size_t row = 0; row < rows_.size(); ++row) {
    ForEachName(row, columns, [&](std::string_view name) {
      // A name of two rows is the first's.
      if (names_.Insert(Folded(name)) == name_rows_.size()) name_rows_.push_back(static_cast<uint32_t>(row));
    });
  }
}

int GazetteerTable::RowOf(std::string_view folded) const {
  const uint32_t number = names_.Find(folded);
  return number == KeyIndex::kNone ? -1 : static_cast<int>(name_rows_[number]);
}

int GazetteerTable::FindName(std::string_view name) const { return RowOf(Folded(name)); }

int GazetteerTable::FindNameOrForm(std::string_view name) const {
  std::string key = Folded(name);
  if (const int row = RowOf(key); row >= 0) return row;
  // A plural: "euros", "rupees".
  if (key.size() > 2 && key.back() == 's') {
    if (const int row = RowOf(std::string_view(key).substr(0, key.size() - 1)); row >= 0) return row;
  }
  // A symbol written apart: "HK $".
  if (std::erase(key, ' ') > 0) return RowOf(key);
  return -1;
}

size_t KeyIndex::SlotOf(std::string_view key, uint32_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.key == kNone || (slot.hash == hash && keys_[slot.key] == key)) return i;
  }
}

uint32_t KeyIndex::Insert(std::string_view key) {
  if (2 * (keys_.size() + 1) > slots_.size()) {
    // Grow, and place every key anew.
    const std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(std::max<size_t>(64, 2 * slots_.size())));
    for (const Slot& slot : old) {
      if (slot.key != kNone) slots_[SlotOf(keys_[slot.key], slot.hash)] = slot;
    }
  }
  const uint32_t hash = KeyHash(key);
  Slot& slot = slots_[SlotOf(key, hash)];
  if (slot.key == kNone) {
    slot = Slot{hash, static_cast<uint32_t>(keys_.size())};
    keys_.emplace_back(key);
  }
  return slot.key;
}

uint32_t KeyIndex::Find(std::string_view key) const {
  return slots_.empty() ? kNone : slots_[SlotOf(key, KeyHash(key))].key;
}

void PhraseIndex::Add(uint32_t rule, const GazetteerTable& table, const std::vector<int>& columns,
                      NameCase name_case) {
  auto add = [&](Index* index, std::string (*index_key)(std::string_view)) {
    for (size_t row = 0; row < table.rows(); ++row) {
      table.ForEachName(row, columns, [&](std::string_view name) {
        const std::string_view key = FirstWord(name);
        if (key.empty()) return;  // names must start with a letter or digit
        index->Insert(index_key(key), name, rule, static_cast<uint32_t>(row));
      });
    }
  };
  if (name_case == NameCase::kAnyCase) {
    add(&folded_, Folded);
    return;
  }
  add(&exact_, [](std::string_view key) { return std::string(key); });
  if (name_case == NameCase::kAsWrittenOrCapitals) add(&capitals_, Capitalized);
}

void PhraseIndex::Index::Insert(std::string_view key, std::string_view name, uint32_t rule, uint32_t row) {
  const uint32_t number = keys.Insert(key);
  if (number == phrases.size()) {
    prefixes.set(KeyPrefix(key, AsWritten));
    phrases.emplace_back();
  }
  // The key is the name's first word, in the index's case: as long.
  const std::string_view rest = Trim(name.substr(key.size()));
  const char next = rest.empty() ? '\0' : ignore_case ? FoldAscii(rest.front()) : rest.front();
  // Among the names of one next byte, longest first, so that the first hit
  // per rule is the longest name; after the names as long, in the order
  // they came.
  std::vector<Phrase>& list = phrases[number];
  const auto after = std::find_if(list.begin(), list.end(), [&](const Phrase& p) {
    return p.next > next || (p.next == next && p.name.size() < name.size());
  });
  list.insert(after, Phrase{name, rule, row, next});
}

const std::vector<PhraseIndex::Phrase>* PhraseIndex::Index::Find(std::string_view key) const {
  const uint32_t number = keys.Find(key);
  return number == KeyIndex::kNone ? nullptr : &phrases[number];
}

void PhraseIndex::Match(std::string_view text, const std::vector<Token>& tokens, std::vector<Candidate>* out) const {
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == TokenKind::kPunct) continue;
    std::string_view token = text.substr(tokens[i].span.begin, tokens[i].span.size());
    std::string_view key = FirstWord(token);
    if (key.empty()) continue;
    const size_t prefix = KeyPrefix(key, AsWritten);
    if (exact_.prefixes.test(prefix)) MatchIn(exact_, key, text, tokens, i, out);
    if (folded_.prefixes.test(KeyPrefix(key, FoldAscii))) MatchIn(folded_, Folded(key), text, tokens, i, out);
    // A word in capitals is its own key there: no copy for the common case.
    if (capitals_.prefixes.test(prefix) && InCapitals(key)) MatchIn(capitals_, key, text, tokens, i, out);
  }
}

void PhraseIndex::MatchIn(const Index& index, std::string_view key, std::string_view text,
                          const std::vector<Token>& tokens, size_t first, std::vector<Candidate>* out) const {
  const std::vector<Phrase>* names = index.Find(key);
  if (names == nullptr) return;
  const uint32_t begin = tokens[first].span.begin;
  const size_t after_key = begin + key.size();
  const size_t next_at = after_key + SpaceRun(text, after_key);
  char next = next_at < text.size() ? text[next_at] : '\0';
  if (index.ignore_case) next = FoldAscii(next);
  const size_t reported = out->size();
  // The names that go on with the text's next byte, then the key alone:
  // each shorter than the one before.
  auto with_next = [&](char c) {
    const auto [from, to] = std::equal_range(names->begin(), names->end(), Phrase{{}, 0, 0, c},
                                             [](const Phrase& a, const Phrase& b) { return a.next < b.next; });
    return std::span<const Phrase>(from, to);
  };
  for (const std::span<const Phrase> phrases : {with_next(next), next == '\0' ? std::span<const Phrase>() : with_next('\0')}) {
    for (const Phrase& phrase : phrases) {
      bool rule_done = false;
      for (size_t k = reported; k < out->size(); ++k) rule_done = rule_done || (*out)[k].rule == phrase.rule;
      if (rule_done) continue;
      // Every name here begins with the key, which the text has: compare the
      // rest. Common first words ("The", "China") head hundreds of names.
      const size_t end = MatchName(phrase.name.substr(key.size()), text, after_key, index.ignore_case);
      if (end == 0) continue;
      // The name must end where a token ends.
      size_t j = first;
      while (j < tokens.size() && tokens[j].span.end < end) ++j;
      if (j == tokens.size() || tokens[j].span.end != end) continue;
      const Span span{begin, static_cast<uint32_t>(end)};
      out->push_back(Candidate{span, phrase.rule, phrase.row, span});
    }
  }
}

}  // namespace lede
