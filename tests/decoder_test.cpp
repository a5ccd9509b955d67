#include "decoder.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace lede {
namespace {

using namespace std::string_view_literals;

struct Decoded {
  std::string text;
  std::vector<Warning> warnings;
  std::string error;
};

Decoded Decode(std::string_view bytes) {
  Decoded d;
  if (!DecodeText(bytes, &d.text, &d.warnings, &d.error)) {
    CHECK(d.text.empty());
    CHECK(d.warnings.empty());
  }
  return d;
}

// Every warning as "code: message".
std::vector<std::string> Warnings(const Decoded& d) {
  std::vector<std::string> out;
  for (const Warning& w : d.warnings) out.push_back(w.code + ": " + w.message);
  return out;
}

using Strings = std::vector<std::string>;

TEST_CASE("decoder: empty input stays empty, with a warning") {
  Decoded d = Decode("");
  CHECK(d.text.empty());
  CHECK(Warnings(d) == Strings{"empty: the input is empty"});
  CHECK(Warnings(Decode("\xEF\xBB\xBF")) ==
        Strings{"bom: a UTF-8 byte order mark was removed; offsets start after it", "empty: the input is empty"});
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
  CHECK(Warnings(d) == Strings{"bom: a UTF-8 byte order mark was removed; offsets start after it"});
  // After a UTF-8 BOM the text is UTF-8, even when it looks like another charset.
  d = Decode("\xEF\xBB\xBFLe pr\xE9sident fran\xE7" "ais a sign\xE9 un accord.");
  CHECK(d.text == "Le pr\xEF\xBF\xBDsident fran\xEF\xBF\xBD" "ais a sign\xEF\xBF\xBD un accord.");
  CHECK(d.warnings.back().message == "3 invalid UTF-8 sequences replaced with U+FFFD, the first at byte 8");
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
      // Valid multi-byte sequences outnumber the invalid ones: UTF-8 with an
      // error, not windows-1252 (which would turn each "’" into "â€™").
      {"Huawei\xE2\x80\x99s and Nokia\xE2\x80\x99s deal, \xFF signed on Monday in Shenzhen and Espoo.",
       "Huawei\xE2\x80\x99s and Nokia\xE2\x80\x99s deal, \xEF\xBF\xBD signed on Monday in Shenzhen and Espoo.",
       "1 invalid UTF-8 sequence replaced with U+FFFD, the first at byte 31"},
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

TEST_CASE("decoder: UTF-16 with a byte order mark") {
  Decoded le = Decode("\xFF\xFEH\0u\0a\0w\0e\0i\0 \0\xAC\x20"sv);
  CHECK(le.text == "Huawei \xE2\x82\xAC");
  CHECK(Warnings(le) == Strings{"charset: decoded from UTF-16LE (byte order mark)"});
  Decoded be = Decode("\xFE\xFF\0N\0o\xD8\x3D\xDC\xC8"sv);
  CHECK(be.text == "No\xF0\x9F\x93\x88");
  CHECK(Warnings(be) == Strings{"charset: decoded from UTF-16BE (byte order mark)"});
  // A lone surrogate and an odd last byte are invalid.
  Decoded bad = Decode("\xFF\xFEx\0\x00\xD8y\0z"sv);
  CHECK(bad.text == "x\xEF\xBF\xBDy\xEF\xBF\xBD");
  CHECK(Warnings(bad) == Strings{"charset: decoded from UTF-16LE (byte order mark)",
                                 "invalid-bytes: 2 invalid UTF-16LE sequences replaced with U+FFFD, the first at byte 4"});
}

TEST_CASE("decoder: UTF-16 without byte order mark is detected by its NUL bytes") {
  std::string bytes;
  for (char c : std::string_view("Huawei and Nokia signed a deal")) bytes += {c, '\0'};
  Decoded d = Decode(bytes);
  CHECK(d.text == "Huawei and Nokia signed a deal");
  CHECK(Warnings(d) == Strings{"charset: decoded from UTF-16LE (detected with confidence 100%)"});
}

TEST_CASE("decoder: legacy charsets are detected and converted") {
  // "华为与诺基亚达成专利许可协议。" in GB18030.
  Decoded gb = Decode("\xBB\xAA\xCE\xAA\xD3\xEB\xC5\xB5\xBB\xF9\xD1\xC7\xB4\xEF\xB3\xC9\xD7\xA8\xC0\xFB\xD0\xED\xBF\xC9"
                      "\xD0\xAD\xD2\xE9\xA1\xA3");
  CHECK(gb.text == "\xE5\x8D\x8E\xE4\xB8\xBA\xE4\xB8\x8E\xE8\xAF\xBA\xE5\x9F\xBA\xE4\xBA\x9A\xE8\xBE\xBE\xE6\x88\x90"
                   "\xE4\xB8\x93\xE5\x88\xA9\xE8\xAE\xB8\xE5\x8F\xAF\xE5\x8D\x8F\xE8\xAE\xAE\xE3\x80\x82");
  CHECK(Warnings(gb) == Strings{"charset: decoded from GB18030 (detected with confidence 100%)"});

  Decoded cp1252 = Decode(
      "Siemens Energy\x92s chief executive said the \x93green hydrogen\x94 agreement \x97 worth \x80" "4 billion \x97 was "
      "signed in Riyadh on Monday, after two years of talks with ACWA Power\x92s founder and the Saudi r\xE9gime\x92s fund.");
  CHECK(cp1252.text ==
        "Siemens Energy\xE2\x80\x99s chief executive said the \xE2\x80\x9Cgreen hydrogen\xE2\x80\x9D agreement \xE2\x80\x94 "
        "worth \xE2\x82\xAC" "4 billion \xE2\x80\x94 was signed in Riyadh on Monday, after two years of talks with ACWA "
        "Power\xE2\x80\x99s founder and the Saudi r\xC3\xA9gime\xE2\x80\x99s fund.");
  CHECK(Warnings(cp1252) == Strings{"charset: decoded from windows-1252 (detected with confidence 59%)"});

  // ISO-8859-1 is read as windows-1252, as browsers do.
  Decoded latin1 = Decode("Le pr\xE9sident fran\xE7" "ais a sign\xE9 un accord.");
  CHECK(latin1.text == "Le pr\xC3\xA9sident fran\xC3\xA7" "ais a sign\xC3\xA9 un accord.");
  CHECK(Warnings(latin1) == Strings{"charset: decoded from windows-1252 (detected with confidence 58%)"});
}

TEST_CASE("decoder: NUL bytes mean binary data, not text") {
  const std::string_view inputs[] = {
      "a\0b"sv,
      "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"sv,
      "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xff" "a"sv,
      "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Length 8 /Filter /FlateDecode >>\nstream\nx\x9c\x03\0\0\0\0\x01"sv,
      "\xEF\xBB\xBFtext\0"sv,
      "\xFF\xFEx\0\0\0"sv,
  };
  for (std::string_view bytes : inputs) {
    CAPTURE(bytes);
    Decoded d = Decode(bytes);
    CHECK(d.error == "binary data (NUL bytes), not text");
  }
}

}  // namespace
}  // namespace lede
