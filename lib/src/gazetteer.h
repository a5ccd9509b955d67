// Gazetteers: TSV lists of names, and matching them on tokens.
//
// A table has a header row naming its columns, then one entry per row; lines
// starting with '#' are comments. A cell of a list column (aliases,
// demonyms) holds several names separated by '|'.
//
// Matching is by hash lookup, never one regex per name (thousands of names
// would make the regex scan crawl): names are indexed by their first word,
// and at each token of the text only the names starting with that token's
// first word are compared. A name matches where it begins at a token start
// and ends at a token end, white space in the name matching any run of white
// space in the text.
#ifndef LEDE_SRC_GAZETTEER_H_
#define LEDE_SRC_GAZETTEER_H_

#include <bitset>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "candidate.h"
#include "lede/document.h"

namespace lede {

// Strings numbered 0, 1, 2... in the order they were added, found by open
// addressing over a flat array of slots: a lookup that misses reads one
// cache line, where a node-based map reads a bucket, a node and its key.
// Name lookups are a tenth of a run's time with the name lists loaded, and
// most of them miss.
class KeyIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  // The number of `key`, the next one (size() before the call) if new.
  uint32_t Insert(std::string_view key);
  // The number of `key`, or kNone.
  uint32_t Find(std::string_view key) const;

 private:
  struct Slot {
    uint32_t hash = 0;
    uint32_t key = kNone;  // index into keys_
  };
  std::vector<Slot> slots_;  // a power of two of them, at most half in use
  std::vector<std::string> keys_;

  // The slot of `key`, or the empty one where it would go.
  size_t SlotOf(std::string_view key, uint32_t hash) const;
};

// The column that lists which of a row's names are also common words, given
// names or other places ("Reading", "Jordan"): rules skip them unless they
// match that column on purpose, with context.
inline constexpr std::string_view kAmbiguousColumn = "ambiguous";

class GazetteerTable {
 public:
  // Parses TSV text read from `origin`; on failure sets *error to
  // "origin:line: message" and returns false.
  bool Parse(std::string text, const std::string& origin, std::string* error);

  // Index of the column called `name`, or -1.
  int Column(std::string_view name) const;
  // The columns a table's names come from unless a rule says otherwise:
  // "name" and, where the table has one, "aliases".
  std::vector<int> NameColumns() const;
  size_t rows() const { return rows_.size(); }
  // The cell at (row, column); "" for column -1 or a short row.
  std::string_view Cell(size_t row, int column) const;
  const std::string& origin() const { return origin_; }
  // Line of `row` in the file, for messages.
  uint32_t Line(size_t row) const { return rows_[row].line; }

  // Calls on_name with each name in `columns` of `row` (one or more per
  // cell, '|'-separated), leaving out those listed in the row's ambiguous
  // column unless `columns` holds that column itself.
  void ForEachName(size_t row, const std::vector<int>& columns,
                   const std::function<void(std::string_view)>& on_name) const;

  // Indexes the names in `columns` (see ForEachName) for FindName. Call
  // once, before sharing the table among threads.
  void IndexNames(const std::vector<int>& columns);
  // The row one of whose names is `name`, in any ASCII case; -1 if none.
  int FindName(std::string_view name) const;
  // Also as a plural ("Euros" finds "euro") or written apart ("HK $").
  int FindNameOrForm(std::string_view name) const;

 private:
  struct Row {
    uint32_t line;
    std::vector<std::string_view> cells;  // views into text_
  };
  std::string text_;
  std::string origin_;
  std::vector<std::string> columns_;
  std::vector<Row> rows_;
  // The row of a name in lower case, or -1.
  int RowOf(std::string_view folded) const;

  KeyIndex names_;                 // lower-case names
  std::vector<uint32_t> name_rows_;  // by number in names_: the row
};

// How the names of a gazetteer rule may be written in the text.
enum class NameCase {
  kAsWritten,
  kAnyCase,             // in any ASCII case ("ignore_case")
  kAsWrittenOrCapitals  // or all in capitals, as a dateline has it: "STOCKHOLM" ("capitals")
};

class PhraseIndex {
 public:
  // Adds the names in `columns` of every row of `table`, to be reported as
  // candidates of rule `rule`. `table` must outlive the index.
  void Add(uint32_t rule, const GazetteerTable& table, const std::vector<int>& columns, NameCase name_case);

  // Appends a candidate for the longest name of each rule found at each
  // token start.
  void Match(std::string_view text, const std::vector<Token>& tokens, std::vector<Candidate>* out) const;

  bool empty() const { return exact_.phrases.empty() && folded_.phrases.empty() && capitals_.phrases.empty(); }

 private:
  struct Phrase {
    std::string_view name;  // as written in the table
    uint32_t rule;
    uint32_t row;
    // The name's first byte after its key and the white space after that
    // (in lower case where the index ignores case), '\0' if it has none.
    char next;
  };
  // The names that begin with one key (a first word), by their next byte
  // and, for one next byte, longest first. A common key ("New", "The")
  // heads hundreds of names, and the text's next byte picks the few worth
  // comparing by binary search, without reading the others.
  struct Index {
    explicit Index(bool ignore_case) : ignore_case(ignore_case) {}

    bool ignore_case;  // names compare in any ASCII case past the key; next bytes are folded
    KeyIndex keys;
    std::vector<std::vector<Phrase>> phrases;  // by number in keys
    // The keys' first four bytes, hashed (KeyPrefix): most tokens are
    // turned away by one bit test, before any hashing of the whole word.
    std::bitset<1 << 16> prefixes;

    // Adds a name of `rule`, from `row`, under its first word `key` (its
    // index key, already folded where the index ignores case).
    void Insert(std::string_view key, std::string_view name, uint32_t rule, uint32_t row);
    // The names of `key`, or null.
    const std::vector<Phrase>* Find(std::string_view key) const;
  };

  void MatchIn(const Index& index, std::string_view key, std::string_view text, const std::vector<Token>& tokens,
               size_t first, std::vector<Candidate>* out) const;

  Index exact_{false};    // by first word as written
  Index folded_{true};    // by first word in ASCII lower case, for kAnyCase rules
  Index capitals_{true};  // by first word in ASCII capitals, for kAsWrittenOrCapitals rules
};

}  // namespace lede

#endif  // LEDE_SRC_GAZETTEER_H_
