// Sentences and tokens of any valid text are ordered, inside it and apart.
#include <cstdlib>

#include "decoder.h"
#include "segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<lede::Segmenter> segmenter = [] {
    std::unique_ptr<lede::Segmenter> s;
    if (!lede::Segmenter::Create(&s).ok()) std::abort();
    return s;
  }();
  std::string text, error;
  std::vector<lede::Warning> warnings;
  if (!lede::DecodeText(std::string_view(reinterpret_cast<const char*>(data), size), &text, &warnings, &error)) {
    return 0;
  }
  std::vector<lede::Sentence> sentences;
  std::vector<lede::Token> tokens;
  segmenter->Split(text, &sentences, &tokens);
  uint32_t last = 0;
  for (const lede::Token& t : tokens) {
    if (t.span.begin < last || t.span.end <= t.span.begin || t.span.end > text.size()) std::abort();
    last = t.span.end;
  }
  last = 0;
  for (const lede::Sentence& s : sentences) {
    if (s.span.begin < last || s.span.end <= s.span.begin || s.span.end > text.size()) std::abort();
    if (s.first_token > s.end_token || s.end_token > tokens.size()) std::abort();
    last = s.span.end;
  }
  return 0;
}
