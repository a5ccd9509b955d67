// Segmenter: sentences and word tokens, by ICU's break iterators over the
// UTF-8 text itself (a UText, so no UTF-16 copy is made and offsets stay in
// bytes).
//
// Sentence breaking suppresses breaks after abbreviations ICU knows for
// English plus news ones ("U.S.", "Inc.", "Co.", "Corp.", "Gov."). ICU ends a
// sentence at every line break; a break at a single line break is undone
// when the line before it lacks final punctuation, as in hard-wrapped wire
// copy, unless that line is the first (a headline) and the next one starts
// with a capital.
//
// Words are ICU's, but for possessives ("Huawei" + "'s") and digits listed
// with commas and no spaces ("22,24,26,31": a token each, where ICU makes
// one number).
//
// Thread-safety: a Segmenter owns its iterators; one per thread.
#ifndef LEDE_SRC_SEGMENTER_H_
#define LEDE_SRC_SEGMENTER_H_

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <string_view>
#include <vector>

#include "lede/document.h"
#include "lede/status.h"

namespace lede {

// The index of the sentence that contains byte `offset` (of the last one
// starting before it, when the offset falls between sentences); 0 if none.
uint32_t SentenceIndex(const std::vector<Sentence>& sentences, uint32_t offset);

class Segmenter {
 public:
  // Clones iterators from prototypes built once per process.
  static Status Create(std::unique_ptr<Segmenter>* out);
  ~Segmenter();

  // Replaces *sentences and *tokens with those of `text` (valid UTF-8).
  void Split(std::string_view text, std::vector<Sentence>* sentences, std::vector<Token>* tokens);

 private:
  Segmenter(std::unique_ptr<icu::BreakIterator> sentences, std::unique_ptr<icu::BreakIterator> words);
  void SplitSentences(std::string_view text, UText* utext, std::vector<Sentence>* sentences);
  void SplitWords(std::string_view text, UText* utext, std::vector<Token>* tokens);

  std::unique_ptr<icu::BreakIterator> sentences_;
  std::unique_ptr<icu::BreakIterator> words_;
};

}  // namespace lede

#endif  // LEDE_SRC_SEGMENTER_H_
