// Any bytes decode to valid UTF-8.
#include <simdjson.h>

#include <cstdlib>

#include "decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text;
  std::vector<lede::Warning> warnings;
  lede::DecodeText(std::string_view(reinterpret_cast<const char*>(data), size), &text, &warnings);
  if (!simdjson::validate_utf8(text.data(), text.size())) std::abort();
  return 0;
}
