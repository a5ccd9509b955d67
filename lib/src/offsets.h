// OffsetMap: byte offsets into UTF-8 text -> code points or UTF-16 units.
#ifndef LEDE_SRC_OFFSETS_H_
#define LEDE_SRC_OFFSETS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "lede/writer.h"

namespace lede {

// Counts are kept per 64-byte block, so a conversion costs at most 64 byte
// tests whatever the offset, and the table costs 1/16 of the text.
class OffsetMap {
 public:
  OffsetMap(std::string_view text, OffsetUnit unit);

  // `byte_offset` must lie on a character boundary of the text.
  uint64_t Convert(uint32_t byte_offset) const;

 private:
  uint32_t CountUnits(size_t begin, size_t end) const;

  std::string_view text_;
  OffsetUnit unit_;
  std::vector<uint32_t> block_starts_;  // units before each 64-byte block
};

}  // namespace lede

#endif  // LEDE_SRC_OFFSETS_H_
