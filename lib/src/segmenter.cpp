#include "segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <fmt/format.h>

#include <algorithm>

namespace lede {
namespace {

// News abbreviations that ICU's English list may lack; a sentence never ends
// right after them.
constexpr const char* kAbbreviations[] = {
    "Inc.", "Co.", "Corp.", "Ltd.", "Bros.", "Cos.", "Gov.", "Sen.", "Rep.", "Gen.", "Lt.", "Col.", "Sgt.",
    "Capt.", "Adm.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Jr.", "Sr.", "No.", "Nos.", "Jan.", "Feb.",
    "Mar.", "Apr.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "U.S.", "U.K.", "U.N.", "E.U.", "vs.",
    "approx.", "est.", "Ave.", "Blvd.", "Mt.", "Ft.", "Pte.", "Plc.", "S.A.", "N.V.", "a.m.", "p.m.",
};

struct Prototypes {
  std::unique_ptr<icu::BreakIterator> sentences;
  std::unique_ptr<icu::BreakIterator> words;
  Status status;
};

const Prototypes& GetPrototypes() {
  static const Prototypes prototypes = [] {
    Prototypes p;
    UErrorCode error = U_ZERO_ERROR;
    const icu::Locale& english = icu::Locale::getEnglish();
    std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
        icu::FilteredBreakIteratorBuilder::createInstance(english, error));
    for (const char* abbreviation : kAbbreviations) {
      builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(abbreviation), error);
    }
    std::unique_ptr<icu::BreakIterator> plain(icu::BreakIterator::createSentenceInstance(english, error));
    if (U_SUCCESS(error)) p.sentences.reset(builder->wrapIteratorWithFilter(plain.release(), error));
    p.words.reset(icu::BreakIterator::createWordInstance(english, error));
    if (U_FAILURE(error)) {
      p.status = Status::Internal(fmt::format("ICU break iterators: {}", u_errorName(error)));
    }
    return p;
  }();
  return prototypes;
}

// Closes a UText on every path out of a scope.
class Utf8Text {
 public:
  explicit Utf8Text(std::string_view text) {
    UErrorCode error = U_ZERO_ERROR;
    utext_openUTF8(&text_, text.data(), static_cast<int64_t>(text.size()), &error);
  }
  ~Utf8Text() { utext_close(&text_); }
  UText* get() { return &text_; }

 private:
  UText text_ = UTEXT_INITIALIZER;
};

// Calls f(begin, end) for each segment `iterator` finds in `utext`.
template <typename F>
void ForEachSegment(icu::BreakIterator& iterator, UText* utext, F f) {
  UErrorCode error = U_ZERO_ERROR;
  iterator.setText(utext, error);
  if (U_FAILURE(error)) return;
  int32_t begin = iterator.first();
  for (int32_t end = iterator.next(); end != icu::BreakIterator::DONE; begin = end, end = iterator.next()) {
    f(begin, end);
  }
}

UChar32 CodePointAt(std::string_view text, size_t at) {
  UChar32 c;
  int32_t i = static_cast<int32_t>(at);
  U8_NEXT_OR_FFFD(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  return c;
}

UChar32 CodePointBefore(std::string_view text, size_t at) {
  UChar32 c;
  int32_t i = static_cast<int32_t>(at);
  U8_PREV_OR_FFFD(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
  return c;
}

bool IsSpace(UChar32 c) { return u_isUWhiteSpace(c); }

// Trims white space off both ends of [begin, end).
Span Trimmed(std::string_view text, size_t begin, size_t end) {
  while (begin < end && IsSpace(CodePointAt(text, begin))) begin += U8_LENGTH(CodePointAt(text, begin));
  while (end > begin && IsSpace(CodePointBefore(text, end))) end -= U8_LENGTH(CodePointBefore(text, end));
  return Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

// Whether a sentence may end with this character: final punctuation, or a
// closing quote or bracket after it.
bool EndsSentence(UChar32 c) {
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"' || c == 0x201D || c == 0x2019 ||
         c == '\'' || c == ')' || c == 0x2026;
}

// ICU's break filter misses abbreviations with a dot inside ("U.S."): it
// breaks "the U.S. Steel deal" after "U.S.". A break there stands only
// before a word that commonly opens a sentence ("... sold in the U.S. The
// company said").
constexpr std::string_view kDottedAbbreviations[] = {"U.S.", "U.K.", "U.N.", "E.U.", "S.A.", "N.V.", "a.m.", "p.m."};
constexpr std::string_view kSentenceOpeners[] = {
    "A", "After", "Also", "An", "And", "As", "At", "But", "By", "Earlier", "For", "He", "Her", "His",
    "However", "I", "If", "In", "It", "Its", "Last", "Meanwhile", "On", "Our", "She", "Some", "That", "The",
    "Their", "There", "These", "They", "This", "Those", "To", "We", "What", "When", "While", "With", "Yet",
};

bool IsDottedAbbreviationBreak(std::string_view text, const Span& previous, const Span& next) {
  const std::string_view before = text.substr(previous.begin, previous.size());
  const bool abbreviated = std::any_of(std::begin(kDottedAbbreviations), std::end(kDottedAbbreviations),
                                       [&](std::string_view a) {
                                         return before.ends_with(a) && (before.size() == a.size() ||
                                                                        !u_isalnum(CodePointBefore(before, before.size() - a.size())));
                                       });
  if (!abbreviated) return false;
  const std::string_view after = text.substr(next.begin, next.size());
  const std::string_view word = after.substr(0, std::min(after.find_first_of(" \n,;:'\""), after.size()));
  return std::find(std::begin(kSentenceOpeners), std::end(kSentenceOpeners), word) == std::end(kSentenceOpeners);
}

// Whether the break between `previous` and `next` is only a hard line wrap.
bool IsLineWrap(std::string_view text, const Span& previous, const Span& next, bool previous_is_first) {
  std::string_view gap = text.substr(previous.end, next.begin - previous.end);
  if (std::count(gap.begin(), gap.end(), '\n') != 1) return false;
  if (EndsSentence(CodePointBefore(text, previous.end))) return false;
  return !previous_is_first || u_islower(CodePointAt(text, next.begin));
}

// Whether a number token is a list written without spaces ("22,24,26,31"):
// three groups or more, each of one or two digits. Grouped thousands
// ("1,234", Indian "12,34,567") end in three digits; a decimal comma
// ("1,5") has one group after it.
bool IsNumberList(std::string_view number) {
  size_t commas = 0;
  size_t digits = 0;  // since the last comma
  for (char c : number) {
    if (c >= '0' && c <= '9') {
      if (++digits > 2) return false;
    } else if (c == ',' && digits > 0) {
      ++commas;
      digits = 0;
    } else {
      return false;
    }
  }
  return digits > 0 && commas >= 2;
}

}  // namespace

uint32_t SentenceIndex(const std::vector<Sentence>& sentences, uint32_t offset) {
  auto after = std::upper_bound(sentences.begin(), sentences.end(), offset,
                                [](uint32_t at, const Sentence& s) { return at < s.span.begin; });
  return after == sentences.begin() ? 0 : static_cast<uint32_t>(after - sentences.begin() - 1);
}

Status Segmenter::Create(std::unique_ptr<Segmenter>* out) {
  const Prototypes& prototypes = GetPrototypes();
  if (!prototypes.status.ok()) return prototypes.status;
  out->reset(new Segmenter(std::unique_ptr<icu::BreakIterator>(prototypes.sentences->clone()),
                           std::unique_ptr<icu::BreakIterator>(prototypes.words->clone())));
  return Status::OK();
}

Segmenter::Segmenter(std::unique_ptr<icu::BreakIterator> sentences, std::unique_ptr<icu::BreakIterator> words)
    : sentences_(std::move(sentences)), words_(std::move(words)) {}

Segmenter::~Segmenter() = default;

void Segmenter::Split(std::string_view text, std::vector<Sentence>* sentences, std::vector<Token>* tokens) {
  Utf8Text utext(text);
  SplitSentences(text, utext.get(), sentences);
  SplitWords(text, utext.get(), tokens);
  // Both lists are in text order and every token lies inside a sentence.
  size_t t = 0;
  for (Sentence& sentence : *sentences) {
    while (t < tokens->size() && (*tokens)[t].span.begin < sentence.span.begin) ++t;
    sentence.first_token = static_cast<uint32_t>(t);
    while (t < tokens->size() && (*tokens)[t].span.end <= sentence.span.end) ++t;
    sentence.end_token = static_cast<uint32_t>(t);
  }
}

void Segmenter::SplitSentences(std::string_view text, UText* utext, std::vector<Sentence>* sentences) {
  sentences->clear();
  ForEachSegment(*sentences_, utext, [&](int32_t begin, int32_t end) {
    Span span = Trimmed(text, static_cast<size_t>(begin), static_cast<size_t>(end));
    if (span.size() == 0) return;
    if (!sentences->empty() && (IsLineWrap(text, sentences->back().span, span, sentences->size() == 1) ||
                                IsDottedAbbreviationBreak(text, sentences->back().span, span))) {
      sentences->back().span.end = span.end;
      return;
    }
    sentences->push_back(Sentence{span, 0, 0});
  });
}

void Segmenter::SplitWords(std::string_view text, UText* utext, std::vector<Token>* tokens) {
  tokens->clear();
  ForEachSegment(*words_, utext, [&](int32_t begin, int32_t end) {
    const int32_t status = words_->getRuleStatus();
    Token token{Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)}, TokenKind::kWord};
    if (status < UBRK_WORD_NONE_LIMIT) {
      if (IsSpace(CodePointAt(text, token.span.begin))) return;
      token.kind = TokenKind::kPunct;
    } else if (status < UBRK_WORD_NUMBER_LIMIT) {
      token.kind = TokenKind::kNumber;
    }
    std::string_view word = text.substr(token.span.begin, token.span.size());
    if (token.kind == TokenKind::kNumber && IsNumberList(word)) {  // a token each number and comma
      uint32_t from = token.span.begin;
      for (uint32_t i = from; i <= token.span.end; ++i) {
        if (i < token.span.end && text[i] != ',') continue;
        tokens->push_back(Token{Span{from, i}, TokenKind::kNumber});
        if (i < token.span.end) tokens->push_back(Token{Span{i, i + 1}, TokenKind::kPunct});
        from = i + 1;
      }
      return;
    }
    // "Huawei's" -> "Huawei" + "'s", so that names match without it.
    size_t suffix = 0;
    for (std::string_view s : {"'s", "'S", "\xE2\x80\x99s", "\xE2\x80\x99S"}) {
      if (word.size() > s.size() && word.ends_with(s)) suffix = s.size();
    }
    if (token.kind == TokenKind::kWord && suffix > 0) {
      const uint32_t split = token.span.end - static_cast<uint32_t>(suffix);
      tokens->push_back(Token{Span{token.span.begin, split}, TokenKind::kWord});
      token.span.begin = split;
    }
    tokens->push_back(token);
  });
}

}  // namespace lede
