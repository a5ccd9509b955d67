#include "offsets.h"

#include <algorithm>

namespace lede {
namespace {
constexpr size_t kBlock = 64;
}  // namespace

OffsetMap::OffsetMap(std::string_view text, OffsetUnit unit) : text_(text), unit_(unit) {
  if (unit_ == OffsetUnit::kBytes) return;
  block_starts_.reserve(text.size() / kBlock + 1);
  uint32_t units = 0;
  for (size_t block = 0; block < text.size(); block += kBlock) {
    block_starts_.push_back(units);
    units += CountUnits(block, std::min(block + kBlock, text.size()));
  }
}

uint32_t OffsetMap::CountUnits(size_t begin, size_t end) const {
  uint32_t units = 0;
  for (size_t i = begin; i < end; ++i) {
    const auto byte = static_cast<unsigned char>(text_[i]);
    units += (byte & 0xC0) != 0x80;  // a lead byte starts a code point
    if (unit_ == OffsetUnit::kUtf16) units += byte >= 0xF0;  // beyond the BMP: a surrogate pair
  }
  return units;
}

uint64_t OffsetMap::Convert(uint32_t byte_offset) const {
  if (unit_ == OffsetUnit::kBytes) return byte_offset;
  const size_t block = byte_offset / kBlock;
  if (block >= block_starts_.size()) {  // only the end of a text that fills its last block
    return block_starts_.empty() ? 0 : block_starts_.back() + CountUnits((block - 1) * kBlock, byte_offset);
  }
  return block_starts_[block] + CountUnits(block * kBlock, byte_offset);
}

}  // namespace lede
