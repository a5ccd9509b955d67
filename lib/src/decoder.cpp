#include "decoder.h"

#include <fmt/format.h>
#include <simdjson.h>
#include <unicode/utf8.h>

namespace lede {

void DecodeText(std::string_view bytes, std::string* text, std::vector<Warning>* warnings) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (bytes.starts_with(kBom)) {
    bytes.remove_prefix(kBom.size());
    warnings->push_back(Warning{"bom", "a UTF-8 byte order mark was removed; offsets start after it"});
  }
  // Nearly all input is valid: check it at SIMD speed and copy it whole.
  if (simdjson::validate_utf8(bytes.data(), bytes.size())) {
    text->assign(bytes);
    return;
  }
  text->clear();
  text->reserve(bytes.size() + 16);
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  size_t replaced = 0;
  int32_t first_bad = -1;
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c >= 0) {
      text->append(bytes.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
      continue;
    }
    // U8_NEXT consumed one maximal invalid subpart.
    text->append("\xEF\xBF\xBD");
    if (first_bad < 0) first_bad = start;
    ++replaced;
  }
  warnings->push_back(Warning{
      "invalid-utf8", fmt::format("{} invalid UTF-8 sequence{} replaced with U+FFFD, the first at byte {}", replaced,
                                  replaced == 1 ? "" : "s", first_bad)});
}

}  // namespace lede
