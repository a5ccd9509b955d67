#include "json.h"

#include <fmt/format.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace lede {

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t plain = 0;  // start of the run not yet copied
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::string_view escape;
    size_t length = 1;  // of the input that `escape` replaces
    char buffer[8];
    auto hex = [&](UChar32 code) {
      return std::string_view(buffer, static_cast<size_t>(fmt::format_to(buffer, "\\u{:04x}", code) - buffer));
    };
    if (c >= 0x80) {
      const auto* bytes = reinterpret_cast<const uint8_t*>(s.data() + i);
      int32_t next = 0;
      UChar32 code;
      U8_NEXT(bytes, next, static_cast<int32_t>(std::min<size_t>(s.size() - i, 4)), code);
      length = static_cast<size_t>(next);
      if (code < 0) {
        escape = "\xEF\xBF\xBD";  // U+FFFD for each maximal invalid subpart
      } else if (code < 0xA0 || code == 0x2028 || code == 0x2029) {
        escape = hex(code);  // C1 controls, which terminals act on; line breaks to JavaScript
      } else {
        i += length;
        continue;
      }
    } else if (c == '"') {
      escape = "\\\"";
    } else if (c == '\\') {
      escape = "\\\\";
    } else if (c == '\n') {
      escape = "\\n";
    } else if (c == '\t') {
      escape = "\\t";
    } else if (c == '\r') {
      escape = "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      escape = hex(c);
    } else {
      ++i;
      continue;
    }
    out->append(s.substr(plain, i - plain)).append(escape);
    i += length;
    plain = i;
  }
  out->append(s.substr(plain)).push_back('"');
}

void JsonBuilder::NewLine() {
  out_->push_back('\n');
  out_->append(2 * has_items_.size(), ' ');
}

void JsonBuilder::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_items_.empty()) return;
  if (has_items_.back()) out_->push_back(',');
  has_items_.back() = true;
  if (pretty_) NewLine();
}

void JsonBuilder::Key(std::string_view key) {
  BeforeValue();
  AppendJsonString(key, out_);
  out_->append(pretty_ ? ": " : ":");
  after_key_ = true;
}

void JsonBuilder::Open(char bracket) {
  BeforeValue();
  out_->push_back(bracket);
  has_items_.push_back(false);
}

void JsonBuilder::Close(char bracket) {
  const bool had_items = has_items_.back();
  has_items_.pop_back();
  if (pretty_ && had_items) NewLine();
  out_->push_back(bracket);
}

void JsonBuilder::Raw(std::string_view json) {
  BeforeValue();
  out_->append(json);
}

void JsonBuilder::String(std::string_view s) {
  BeforeValue();
  AppendJsonString(s, out_);
}

void JsonBuilder::Number(std::string_view digits) {
  BeforeValue();
  out_->append(digits);
}

void JsonBuilder::Number(uint64_t n) {
  BeforeValue();
  fmt::format_to(std::back_inserter(*out_), "{}", n);
}

void JsonBuilder::Null() {
  BeforeValue();
  out_->append("null");
}

void JsonBuilder::Bool(bool b) {
  BeforeValue();
  out_->append(b ? "true" : "false");
}

}  // namespace lede
