// Decoder: makes valid UTF-8 of an input's bytes.
//
// A UTF-8 byte order mark is dropped (with a warning, since offsets then
// differ from the file's). Invalid sequences become U+FFFD, one per maximal
// invalid subpart as the Unicode standard recommends, with one warning that
// counts them and gives the first byte offset. All output offsets refer to
// the decoded text.
#ifndef LEDE_SRC_DECODER_H_
#define LEDE_SRC_DECODER_H_

#include <string>
#include <string_view>
#include <vector>

#include "lede/document.h"

namespace lede {

// Replaces *text with the decoded form of `bytes`; appends warnings.
void DecodeText(std::string_view bytes, std::string* text, std::vector<Warning>* warnings);

}  // namespace lede

#endif  // LEDE_SRC_DECODER_H_
