// Any bytes decode to valid UTF-8 without NULs, or are refused as binary
// with a reason and nothing else.
#include <simdjson.h>

#include <cstdlib>
#include <cstring>

#include "decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text, error;
  std::vector<lede::Warning> warnings;
  if (!lede::DecodeText(std::string_view(reinterpret_cast<const char*>(data), size), &text, &warnings, &error)) {
    if (!text.empty() || !warnings.empty() || error.empty()) std::abort();
    return 0;
  }
  if (!simdjson::validate_utf8(text.data(), text.size())) std::abort();
  if (std::memchr(text.data(), 0, text.size()) != nullptr) std::abort();
  return 0;
}
