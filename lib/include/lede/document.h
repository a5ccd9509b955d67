// The data that flows through lede's pipeline.
//
// A RawDocument is what the Source read; a Document is what the Extractor
// made of it: the decoded text, its sentences and tokens, the entities with
// their mentions, and the warnings met on the way. Stages add to a Document
// and never reach back into earlier ones.
//
// All spans are byte offsets into Document::text, which is always valid
// UTF-8. The Writer converts them to code points or UTF-16 units on output.
// Documents are plain values: no sharing, no locking.
#ifndef LEDE_DOCUMENT_H_
#define LEDE_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lede {

// A half-open byte range [begin, end) into Document::text. 32 bits suffice
// because the Source refuses documents over 4 GiB (see SourceOptions).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool Overlaps(const Span& other) const { return begin < other.end && other.begin < end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// Something worth knowing that did not stop processing ("invalid-utf8").
struct Warning {
  std::string code;     // stable, machine-readable: "invalid-utf8", "bom"
  std::string message;  // for people
};

// One input as the Source yields it, before decoding.
struct RawDocument {
  std::string id;     // the path, "path:line" for JSON Lines, "archive:member", or the id field
  std::string bytes;  // as read, in any encoding
  std::string dct;    // document creation date given by the input, "" if none
  std::string error;  // why the input could not be read ("" if it was)
  // Set (a non-empty code) when the input was passed over unread, such as a
  // binary file in a directory: its record carries this warning, no error.
  Warning skipped;
  // Other fields of a JSON Lines input (--keep-fields): name -> the value as
  // compact JSON, in input order.
  std::vector<std::pair<std::string, std::string>> meta;
};

enum class TokenKind : uint8_t {
  kWord,    // letters, possibly with digits or inner punctuation ("U.S", "3M")
  kNumber,  // starts with a digit ("2022", "1,200.5")
  kPunct,   // anything else that is not white space
};

// A word token; white space is never a token. A possessive "'s" is a token
// of its own, so that "Huawei's" yields "Huawei" and "'s".
struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
};

// A sentence and the tokens inside it, tokens [first_token, end_token).
struct Sentence {
  Span span;
  uint32_t first_token = 0;
  uint32_t end_token = 0;
};

// A normalized value. Numbers stay exact decimal text ("1200000000", "12.5")
// so that amounts round-trip without binary floating point; strings are
// TIMEX3 values ("2022-Q3", "P5Y", "PRESENT_REF").
struct Value {
  enum class Kind : uint8_t { kNone, kString, kNumber };

  Kind kind = Kind::kNone;
  std::string text;

  static Value String(std::string text) { return Value{Kind::kString, std::move(text)}; }
  static Value Number(std::string text) { return Value{Kind::kNumber, std::move(text)}; }
  bool empty() const { return kind == Kind::kNone; }
  friend bool operator==(const Value&, const Value&) = default;
};

// What normalization found out about a mention. Empty strings and an empty
// value mean "does not apply" and are left out of the output.
struct Attributes {
  std::string subtype;     // "company", "country", "bloc", ...
  std::string canonical;   // "Samsung Electronics", "United Kingdom"
  Value value;             // TIMEX3 value, or an exact number
  Value value_max;         // upper end of a range ("10-15%": value 10, value_max 15)
  std::string timex_type;  // DATE, TIME, DURATION or SET
  std::string mod;         // TIMEX3 modifier: APPROX, MORE_THAN, ...
  std::string freq;        // TIMEX3 frequency of a SET: "2X" in "twice a year"
  std::string code;        // ISO 3166-1 alpha-2 for countries, NORP and cities; ISO 3166-2; bloc codes
  std::string country;     // ISO 3166-1 alpha-2 of a city, subdivision or organization
  std::string ticker;      // "NASDAQ:AAPL"
  std::string currency;    // ISO 4217
  std::string unit;        // unit of a QUANTITY

  friend bool operator==(const Attributes&, const Attributes&) = default;
};

// One place in the text that names an entity.
struct Mention {
  Span span;
  uint32_t sentence = 0;  // index into Document::sentences
  std::string rule;       // id of the rule that found it ("percent.numeric")
};

// Mentions that name the same thing, grouped by the Linker.
struct Entity {
  std::string id;    // "E1", "E2", ... numbered by first mention
  std::string type;  // OntoNotes label: ORG, GPE, DATE, PERCENT, ...
  Attributes attributes;
  std::vector<Mention> mentions;  // in text order, never empty
};

// An agreement event: who reached, signed, extended or ended which deal
// with whom, and when (docs/agreements.md).
struct Agreement {
  std::string id;      // "A1", "A2", ... in text order
  std::string kind;    // patent_license, acquisition, trade_agreement, ...
  std::string status;  // reached, signed, extended, terminated, ...
  std::vector<std::string> parties;                         // entity ids
  std::vector<std::pair<std::string, std::string>> roles;  // role -> entity id: acquirer, target, ...
  Span trigger;
  uint32_t sentence = 0;
  std::string date;      // id of the DATE entity dating it; "" if none
  std::string duration;  // TIMEX3 duration ("P5Y"); "" if none
  std::string value;     // id of its MONEY entity; "" if none
  std::string count;               // "more than 20 agreements": exact decimal, "" if none
  std::string counterparty_count;  // "with 15 automakers"
  bool negated = false;
  bool hedged = false;
  bool continues = false;  // "an agreement to continue licensing"
};

struct Document {
  std::string id;
  std::string text;            // decoded, valid UTF-8
  std::string dct;             // YYYY-MM-DD the relative dates resolve against
  std::string dct_source;      // "option", "input", or "" when there is none
  std::string language = "en";
  uint64_t input_bytes = 0;    // size of the input before decoding
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Entity> entities;  // ordered by first mention
  std::vector<Agreement> agreements;
  std::vector<Warning> warnings;
  std::string error;  // why it could not be processed; then all else is empty
  bool skipped = false;  // passed over unread (RawDocument::skipped); warnings say why
  std::vector<std::pair<std::string, std::string>> meta;  // RawDocument::meta, passed through

  std::string_view Text(Span span) const {
    return std::string_view(text).substr(span.begin, span.size());
  }
};

}  // namespace lede

#endif  // LEDE_DOCUMENT_H_
