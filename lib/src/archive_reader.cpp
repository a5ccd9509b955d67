#include "archive_reader.h"

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace lede {
namespace {

constexpr std::string_view kContainerSuffixes[] = {".tar",  ".tar.gz", ".tgz",  ".tar.zst", ".tzst", ".tar.bz2",
                                                   ".tbz2", ".tbz",    ".tar.xz", ".txz",   ".zip"};
constexpr std::string_view kCompressedSuffixes[] = {".gz", ".zst", ".bz2", ".xz"};

std::string Message(struct archive* archive) {
  const char* text = archive_error_string(archive);
  return text != nullptr ? text : "unknown libarchive error";
}

// What a member that is not a regular file is, for its error record.
std::string Describe(struct archive_entry* entry) {
  if (const char* target = archive_entry_hardlink(entry)) return fmt::format("hard link to '{}'", target);
  switch (archive_entry_filetype(entry)) {
    case AE_IFLNK: {
      const char* target = archive_entry_symlink(entry);
      return fmt::format("symbolic link to '{}'", target != nullptr ? target : "");
    }
    case AE_IFCHR: return "character device";
    case AE_IFBLK: return "block device";
    case AE_IFIFO: return "FIFO";
    case AE_IFSOCK: return "socket";
    default: return "special file";
  }
}

}  // namespace

ArchiveKind ArchiveKindOf(std::string_view path, std::string* inner) {
  std::string lower(path);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view suffix : kContainerSuffixes) {
    if (lower.ends_with(suffix)) return ArchiveKind::kContainer;
  }
  for (std::string_view suffix : kCompressedSuffixes) {
    if (lower.ends_with(suffix)) {
      inner->assign(path.substr(0, path.size() - suffix.size()));
      return ArchiveKind::kCompressed;
    }
  }
  return ArchiveKind::kNone;
}

std::unique_ptr<ArchiveReader> ArchiveReader::Open(const std::string& path, ArchiveKind kind, std::string* error) {
  struct archive* archive = archive_read_new();
  archive_read_support_filter_all(archive);
  std::string inner;
  if (kind == ArchiveKind::kContainer) {
    archive_read_support_format_all(archive);
    archive_read_support_format_empty(archive);
  } else {
    // "raw" takes any stream as one member; offered alone, it cannot be
    // mistaken for a container format.
    archive_read_support_format_raw(archive);
    ArchiveKindOf(path, &inner);
  }
  if (archive_read_open_filename(archive, path.c_str(), 1 << 16) != ARCHIVE_OK) {
    *error = Message(archive);
    archive_read_free(archive);
    return nullptr;
  }
  return std::unique_ptr<ArchiveReader>(new ArchiveReader(archive, std::move(inner)));
}

ArchiveReader::ArchiveReader(struct archive* archive, std::string inner)
    : archive_(archive), inner_(std::move(inner)) {}

ArchiveReader::~ArchiveReader() { archive_read_free(archive_); }

bool ArchiveReader::Next(Member* member) {
  error_.clear();
  while (!ended_) {
    struct archive_entry* entry = nullptr;
    const int status = archive_read_next_header(archive_, &entry);
    if (status == ARCHIVE_EOF) break;
    if (status < ARCHIVE_WARN) {
      // A header that cannot be read leaves no way to find the next one.
      error_ = Message(archive_);
      break;
    }
    if (archive_entry_filetype(entry) == AE_IFDIR) continue;
    *member = Member{};
    if (!inner_.empty()) {
      member->name = inner_;
    } else {
      const char* name = archive_entry_pathname_utf8(entry);
      if (name == nullptr) name = archive_entry_pathname(entry);
      member->name = name != nullptr ? name : "";
    }
    member->regular = archive_entry_filetype(entry) == AE_IFREG && archive_entry_hardlink(entry) == nullptr;
    if (!member->regular) member->what = Describe(entry);
    if (archive_entry_size_is_set(entry)) member->size = archive_entry_size(entry);
    return true;
  }
  ended_ = true;
  return false;
}

size_t ArchiveReader::Read(char* buffer, size_t n) {
  const la_ssize_t got = archive_read_data(archive_, buffer, n);
  if (got >= 0) return static_cast<size_t>(got);
  error_ = Message(archive_);
  // After a fatal error libarchive can read nothing more; after a lesser
  // one (a bad checksum in one zip member) the next member may be fine.
  if (got == ARCHIVE_FATAL) ended_ = true;
  return 0;
}

uint64_t ArchiveReader::position() const { return static_cast<uint64_t>(archive_filter_bytes(archive_, -1)); }

}  // namespace lede
