#include "json.h"

#include <fmt/format.h>

namespace lede {

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t plain = 0;  // start of the run not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::string_view escape;
    char buffer[8];
    if (c == '"') {
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
      escape = std::string_view(buffer, static_cast<size_t>(fmt::format_to(buffer, "\\u{:04x}", c) - buffer));
    } else if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
      escape = s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      out->append(s.substr(plain, i - plain)).append(escape);
      i += 2;
      plain = i + 1;
      continue;
    } else {
      continue;
    }
    out->append(s.substr(plain, i - plain)).append(escape);
    plain = i + 1;
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
