// The rule packs and gazetteers under patterns/, compiled into the library by
// cmake/EmbedPacks.cmake.
#ifndef LEDE_SRC_EMBEDDED_PACKS_H_
#define LEDE_SRC_EMBEDDED_PACKS_H_

#include <cstddef>
#include <string_view>

namespace lede {

struct EmbeddedFile {
  const char* path;  // relative to patterns/: "en/percent.toml"
  const char* begin;
  const char* end;

  std::string_view contents() const { return std::string_view(begin, static_cast<size_t>(end - begin)); }
};

extern const EmbeddedFile kEmbeddedFiles[];
extern const std::size_t kEmbeddedFileCount;

}  // namespace lede

#endif  // LEDE_SRC_EMBEDDED_PACKS_H_
