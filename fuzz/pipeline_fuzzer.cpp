// The whole pipeline on one document of any bytes: every mention lies on
// character boundaries inside the decoded text, and the record is written.
#include <cstdlib>

#include "lede/extractor.h"
#include "lede/writer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::shared_ptr<const lede::RuleSet> rules = [] {
    std::shared_ptr<const lede::RuleSet> r;
    if (!lede::RuleSet::Load(lede::RuleSetOptions{}, &r).ok()) std::abort();
    return r;
  }();
  static std::unique_ptr<lede::Extractor> extractor = [] {
    std::unique_ptr<lede::Extractor> e;
    if (!lede::Extractor::Create(rules, lede::ExtractOptions{"2022-11-28", {}, false}, &e).ok()) std::abort();
    return e;
  }();
  lede::RawDocument raw;
  raw.id = "fuzz";
  raw.bytes.assign(reinterpret_cast<const char*>(data), size);
  lede::Document doc = extractor->Extract(raw);
  for (const lede::Entity& entity : doc.entities) {
    for (const lede::Mention& m : entity.mentions) {
      if (m.span.end > doc.text.size() || m.span.begin >= m.span.end) std::abort();
      if ((static_cast<unsigned char>(doc.text[m.span.begin]) & 0xC0) == 0x80) std::abort();
    }
  }
  static const lede::Writer writer{lede::WriterOptions{}};
  if (writer.Format(doc).empty()) std::abort();
  return 0;
}
