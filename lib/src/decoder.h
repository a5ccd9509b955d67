// Decoder: makes valid UTF-8 of an input's bytes.
//
// Valid UTF-8 without NUL bytes, nearly every input, is copied as it is: the
// check runs at SIMD speed and nothing else is looked at. Otherwise:
//
// - A UTF-8 byte order mark is dropped (with a "bom" warning, since offsets
//   then differ from the file's); the rest is UTF-8 whatever it holds.
// - A UTF-16 byte order mark (FF FE, FE FF) decodes the rest as UTF-16LE or
//   UTF-16BE, with a "charset" warning.
// - Bytes that are not UTF-8 (or hold NULs) are UTF-8 with a few bad bytes,
//   or text in another charset. When valid multi-byte sequences are at least
//   as many as invalid ones, the text is taken as UTF-8. Else ICU's charset
//   detector looks at the first 64 KiB, and its best guess is trusted from a
//   confidence of 50 (of 100). That is where articles in windows-1252 (60 to
//   75), GB18030 and UTF-16 without BOM (100) land, and even a sentence of
//   French in Latin-1 (58), while English with a stray bad byte (about 40)
//   and binary data (about 20) stay below. The text is then converted from
//   that charset, with a "charset" warning. ISO-8859-1 is read as
//   windows-1252, its superset for text, as browsers do (WHATWG Encoding).
// - Otherwise, or when the guess is UTF-8, the text is UTF-8 with errors.
//
// Invalid sequences become U+FFFD, one per maximal invalid subpart as the
// Unicode standard recommends, with one warning that counts them and gives
// the first one's byte offset in the input ("invalid-utf8", or
// "invalid-bytes" for other charsets). Decoded text holding U+0000 is binary
// data (a PNG, a PDF, a file of NULs), not text: DecodeText fails. Empty text
// gets an "empty" warning. All output offsets refer to the decoded text.
#ifndef LEDE_SRC_DECODER_H_
#define LEDE_SRC_DECODER_H_

#include <string>
#include <string_view>
#include <vector>

#include "lede/document.h"

namespace lede {

// Replaces *text with the decoded form of `bytes` and appends warnings.
// Returns false, with *error set and *text cleared, when `bytes` are binary.
bool DecodeText(std::string_view bytes, std::string* text, std::vector<Warning>* warnings, std::string* error);

}  // namespace lede

#endif  // LEDE_SRC_DECODER_H_
