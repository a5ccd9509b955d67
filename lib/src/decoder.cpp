#include "decoder.h"

#include <fmt/format.h>
#include <simdjson.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <memory>

namespace lede {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8
// See decoder.h for why these two.
constexpr int kMinConfidence = 50;
constexpr size_t kDetectBytes = 64 << 10;

bool HasNul(std::string_view s) { return std::memchr(s.data(), 0, s.size()) != nullptr; }

// How many invalid sequences were replaced, and the input offset of the first.
struct Replaced {
  size_t count = 0;
  size_t first = 0;

  void Add(size_t offset) {
    if (count++ == 0) first = offset;
  }
};

// Copies `bytes` to *text with each maximal invalid subpart replaced by
// U+FFFD; counts the valid multi-byte sequences in *multibyte.
Replaced CopyUtf8(std::string_view bytes, std::string* text, size_t* multibyte) {
  text->reserve(bytes.size() + 16);
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  Replaced replaced;
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c >= 0) {
      text->append(bytes.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
      *multibyte += c >= 0x80;
      continue;
    }
    // U8_NEXT consumed one maximal invalid subpart.
    text->append(kReplacement);
    replaced.Add(static_cast<size_t>(start));
  }
  return replaced;
}

// ICU's name for the charset of `bytes`, or "" when its detector is not
// confident enough; *confidence is its confidence (0 to 100).
std::string DetectCharset(std::string_view bytes, int* confidence) {
  // The detector runs every recognizer over all it is given: a sample will do.
  const std::string_view sample = bytes.substr(0, kDetectBytes);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status), ucsdet_close);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "";
  *confidence = ucsdet_getConfidence(match, &status);
  const char* name = ucsdet_getName(match, &status);
  if (U_FAILURE(status) || *confidence < kMinConfidence) return "";
  return std::strcmp(name, "ISO-8859-1") == 0 ? "windows-1252" : name;
}

// The context of OnInvalid: where the input starts, and the count so far.
struct InvalidBytes {
  const char* input;
  Replaced* replaced;
};

// ICU's callback for bytes the source charset cannot decode: writes U+FFFD
// and counts them (ICU's own substitute is U+001A for some charsets).
void OnInvalid(const void* context, UConverterToUnicodeArgs* args, const char* /*units*/, int32_t length,
               UConverterCallbackReason reason, UErrorCode* status) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close or clone: nothing to replace
  const auto* invalid = static_cast<const InvalidBytes*>(context);
  // The converter has consumed the `length` bad bytes just before `source`.
  invalid->replaced->Add(static_cast<size_t>(std::max<ptrdiff_t>(0, args->source - length - invalid->input)));
  constexpr UChar kFffd = 0xFFFD;
  *status = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kFffd, 1, 0, status);
}

using Converter = std::unique_ptr<UConverter, decltype(&ucnv_close)>;

// Converts `bytes` from `charset` to UTF-8 in *text. False when ICU has no
// converter of that name.
bool Convert(std::string_view bytes, const char* charset, std::string* text, Replaced* replaced) {
  UErrorCode status = U_ZERO_ERROR;
  Converter source(ucnv_open(charset, &status), ucnv_close);
  Converter utf8(ucnv_open("UTF-8", &status), ucnv_close);
  InvalidBytes context{bytes.data(), replaced};
  ucnv_setToUCallBack(source.get(), OnInvalid, &context, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return false;
  text->resize(bytes.size() + bytes.size() / 2 + 16);
  char* target = text->data();
  const char* in = bytes.data();
  UChar pivot[1024];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  for (bool reset = true;; reset = false) {
    status = U_ZERO_ERROR;
    ucnv_convertEx(utf8.get(), source.get(), &target, text->data() + text->size(), &in, bytes.data() + bytes.size(),
                   pivot, &pivot_source, &pivot_target, pivot + std::size(pivot), reset, /*flush=*/true, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
    const size_t used = static_cast<size_t>(target - text->data());
    text->resize(2 * text->size());
    target = text->data() + used;
  }
  text->resize(static_cast<size_t>(target - text->data()));
  return U_SUCCESS(status);
}

}  // namespace

bool DecodeText(std::string_view bytes, std::string* text, std::vector<Warning>* warnings, std::string* error) {
  text->clear();
  // Nearly all input is valid: check it at SIMD speed and copy it whole.
  if (!bytes.starts_with(kUtf8Bom) && simdjson::validate_utf8(bytes.data(), bytes.size()) && !HasNul(bytes)) {
    text->assign(bytes);
    if (text->empty()) warnings->push_back(Warning{"empty", "the input is empty"});
    return true;
  }
  std::vector<Warning> found;
  size_t skipped = 0;   // the byte order mark
  std::string charset;  // "" for UTF-8
  if (bytes.starts_with(kUtf8Bom)) {
    skipped = kUtf8Bom.size();
    found.push_back(Warning{"bom", "a UTF-8 byte order mark was removed; offsets start after it"});
  } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    skipped = 2;
    charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    found.push_back(Warning{"charset", fmt::format("decoded from {} (byte order mark)", charset)});
  }
  const std::string_view rest = bytes.substr(skipped);
  Replaced replaced;
  if (!charset.empty()) {
    Convert(rest, charset.c_str(), text, &replaced);
  } else if (skipped > 0 && simdjson::validate_utf8(rest.data(), rest.size())) {
    text->assign(rest);
  } else {
    size_t multibyte = 0;
    replaced = CopyUtf8(rest, text, &multibyte);
    int confidence = 0;
    // No BOM, and not UTF-8 with a few errors: maybe another charset.
    if (skipped == 0 && (replaced.count > multibyte || HasNul(rest))) {
      if (std::string detected = DetectCharset(rest, &confidence); !detected.empty() && detected != "UTF-8") {
        std::string converted;
        Replaced converted_replaced;
        if (Convert(rest, detected.c_str(), &converted, &converted_replaced)) {
          *text = std::move(converted);
          replaced = converted_replaced;
          charset = std::move(detected);
          found.push_back(
              Warning{"charset", fmt::format("decoded from {} (detected with confidence {}%)", charset, confidence)});
        }
      }
    }
  }
  if (HasNul(*text)) {
    text->clear();
    *error = "binary data (NUL bytes), not text";
    return false;
  }
  if (replaced.count > 0) {
    found.push_back(Warning{charset.empty() ? "invalid-utf8" : "invalid-bytes",
                            fmt::format("{} invalid {} sequence{} replaced with U+FFFD, the first at byte {}",
                                        replaced.count, charset.empty() ? "UTF-8" : charset,
                                        replaced.count == 1 ? "" : "s", skipped + replaced.first)});
  }
  if (text->empty()) found.push_back(Warning{"empty", "the input is empty"});
  warnings->insert(warnings->end(), found.begin(), found.end());
  return true;
}

}  // namespace lede
