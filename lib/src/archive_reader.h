// ArchiveReader: the members of an archive (tar, zip, and tar compressed
// with gzip, zstd, bzip2 or xz), or the one stream of a compressed file
// (.gz, .zst, .bz2, .xz), read through libarchive one member at a time.
//
// Data is decompressed block by block as Read() asks for it, so neither the
// archive nor a member is ever held whole in memory; a member's size is only
// what its header claims, and a reader must cap what it takes.
//
// Thread-safety: none; one thread reads an archive.
#ifndef LEDE_SRC_ARCHIVE_READER_H_
#define LEDE_SRC_ARCHIVE_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "stream.h"

struct archive;

namespace lede {

enum class ArchiveKind {
  kNone,        // not an archive
  kContainer,   // members with names: .tar, .tar.gz, .tgz, .tar.zst, .zip, ...
  kCompressed,  // one compressed stream: .gz, .zst, .bz2, .xz
};

// What a path's name says it is (case does not matter). For kCompressed,
// *inner is the name without the compression suffix ("a.jsonl" for
// "a.jsonl.gz"), which tells how to read the content.
ArchiveKind ArchiveKindOf(std::string_view path, std::string* inner);

class ArchiveReader : public InputStream {
 public:
  struct Member {
    std::string name;      // path inside the archive; for kCompressed, the inner name
    bool regular = false;  // a file with data; false for links, devices, FIFOs, sockets
    std::string what;      // for members that are not regular: "symbolic link to 'a'", "character device"
    int64_t size = -1;     // size the header declares; -1 when unknown
  };

  // Opens `path` as `kind` (not kNone). On failure returns null and sets
  // *error to libarchive's reason.
  static std::unique_ptr<ArchiveReader> Open(const std::string& path, ArchiveKind kind, std::string* error);

  ArchiveReader(const ArchiveReader&) = delete;
  ArchiveReader& operator=(const ArchiveReader&) = delete;
  ~ArchiveReader() override;

  // Moves to the next member that is not a directory and fills *member.
  // Returns false at the end, or on a damaged archive: error() then says
  // why, unless a Read() already reported the damage that ended it.
  bool Next(Member* member);

  // The current member's data (InputStream). A damaged member fails here.
  size_t Read(char* buffer, size_t n) override;
  std::string error() const override { return error_; }

  // Bytes of the archive file read so far (compressed bytes).
  uint64_t position() const;

 private:
  ArchiveReader(struct archive* archive, std::string inner);

  struct archive* archive_;
  std::string inner_;  // kCompressed: the inner name; "" for containers
  std::string error_;
  bool ended_ = false;  // a fatal error or the end: Next() returns false
};

}  // namespace lede

#endif  // LEDE_SRC_ARCHIVE_READER_H_
