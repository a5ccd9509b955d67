#include "decoder.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace lede {
namespace {

struct Decoded {
  std::string text;
  std::vector<Warning> warnings;
};

Decoded Decode(std::string_view bytes) {
  Decoded d;
  DecodeText(bytes, &d.text, &d.warnings);
  return d;
}

TEST_CASE("decoder: empty input stays empty, without warnings") {
  Decoded d = Decode("");
  CHECK(d.text.empty());
  CHECK(d.warnings.empty());
}

TEST_CASE("decoder: valid UTF-8 passes through unchanged") {
  const std::string text = "Nokia \xE2\x80\x99s caf\xC3\xA9 \xF0\x9F\x93\x88 rose 40%";
  Decoded d = Decode(text);
  CHECK(d.text == text);
  CHECK(d.warnings.empty());
}

TEST_CASE("decoder: a UTF-8 byte order mark is removed with a warning") {
  Decoded d = Decode("\xEF\xBB\xBFHuawei");
  CHECK(d.text == "Huawei");
  REQUIRE(d.warnings.size() == 1);
  CHECK(d.warnings[0].code == "bom");
}

TEST_CASE("decoder: invalid sequences become U+FFFD, one per maximal subpart") {
  struct Case {
    std::string_view bytes;
    std::string_view text;
    std::string_view message;
  };
  const Case cases[] = {
      {"a\xFF" "b", "a\xEF\xBF\xBD" "b", "1 invalid UTF-8 sequence replaced with U+FFFD, the first at byte 1"},
      {"Nokia \xFF\xFE signed", "Nokia \xEF\xBF\xBD\xEF\xBF\xBD signed",
       "2 invalid UTF-8 sequences replaced with U+FFFD, the first at byte 6"},
      // A truncated three-byte sequence is one subpart.
      {"x\xE2\x80", "x\xEF\xBF\xBD", "1 invalid UTF-8 sequence replaced with U+FFFD, the first at byte 1"},
      // An overlong encoding of '/' and a UTF-16 surrogate are invalid.
      {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", "2 invalid UTF-8 sequences replaced with U+FFFD, the first at byte 0"},
      {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
       "3 invalid UTF-8 sequences replaced with U+FFFD, the first at byte 0"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.bytes);
    Decoded d = Decode(c.bytes);
    CHECK(d.text == c.text);
    REQUIRE(d.warnings.size() == 1);
    CHECK(d.warnings[0].code == "invalid-utf8");
    CHECK(d.warnings[0].message == c.message);
  }
}

TEST_CASE("decoder: NUL bytes are valid UTF-8 and kept") {
  Decoded d = Decode(std::string_view("a\0b", 3));
  CHECK(d.text == std::string_view("a\0b", 3));
  CHECK(d.warnings.empty());
}

}  // namespace
}  // namespace lede
