#include "lede/source.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>

#include "archive_reader.h"
#include "stream.h"

namespace lede {
namespace {

namespace fs = std::filesystem;

// As ripgrep decides: a NUL byte in the first 8 KiB makes a file binary,
// unless it starts with a UTF-16 byte order mark: that text is full of NULs,
// and the Decoder converts it.
constexpr size_t kBinaryProbe = 8192;

bool StartsWithUtf16Bom(std::string_view bytes) {
  return bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
}

std::string ErrnoText() { return std::strerror(errno); }

// "a.b" -> "/a/b", the JSON pointer simdjson looks fields up by.
std::string JsonPointer(std::string_view dotted) {
  std::string pointer = "/";
  for (char c : dotted) {
    if (c == '.') {
      pointer += '/';
    } else if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
  return pointer;
}

bool IsJsonlName(std::string_view name) { return name.ends_with(".jsonl") || name.ends_with(".ndjson"); }

// Hidden, as ripgrep skips them: a part of the path starts with '.' ("./a"
// and "../a" are not hidden).
bool IsHidden(std::string_view path) {
  size_t start = 0;
  while (start < path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(start, slash - start);
    if (part.starts_with(".") && part != "." && part != "..") return true;
    start = slash + 1;
  }
  return false;
}

// The regular files below `dir` that are not hidden, in byte order.
bool ListFiles(const std::string& dir, std::vector<std::string>* files, std::string* error) {
  std::error_code code;
  auto it = fs::recursive_directory_iterator(dir, fs::directory_options::none, code);
  for (; !code && it != fs::recursive_directory_iterator(); it.increment(code)) {
    if (it->path().filename().string().starts_with(".")) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files->push_back(it->path().string());
  }
  if (code) {
    *error = code.message();
    return false;
  }
  std::sort(files->begin(), files->end());
  return true;
}

// A path still to be read; files found in a directory are checked for
// binary content, paths given by the user are read as they are.
struct Pending {
  std::string path;
  bool found = false;
};

}  // namespace

struct Source::State {
  SourceOptions options;
  std::vector<std::string> paths;  // as given
  std::deque<Pending> pending;     // paths not yet opened
  std::string text_pointer, id_pointer, date_pointer;
  std::vector<std::string> field_roots;  // top-level fields --keep-fields leaves out

  // The archive being read, if any.
  std::unique_ptr<ArchiveReader> archive;
  std::string archive_path;
  bool archive_compressed = false;  // one stream (.gz), not members
  bool archive_found = false;       // Pending::found of the archive

  // The JSON Lines being read, if any: a file, stdin, or an archive member.
  std::unique_ptr<FileStream> file;
  std::unique_ptr<LineReader> lines;
  InputStream* lines_stream = nullptr;
  std::string lines_id;  // "path" of "path:line" ids
  uint64_t line_number = 0;
  std::string line;
  simdjson::dom::parser parser;
  bool lines_failed = false;  // the stream failed: its error record was the last

  uint64_t bytes_done = 0;  // of the input files finished

  bool IsJsonl(std::string_view name) const {
    return options.mode == SourceOptions::Mode::kJsonl ||
           (options.mode == SourceOptions::Mode::kAuto && IsJsonlName(name));
  }
  bool Open(const Pending& input, RawDocument* doc);
  bool NextMember(RawDocument* doc);
  void StartLines(InputStream* stream, std::string id);
  bool NextLine(RawDocument* doc);
  void ParseLine(RawDocument* doc);
  void KeepFields(const simdjson::dom::object& object, RawDocument* doc);
  void ReadDocument(InputStream& stream, int64_t declared_size, bool skip_binary, RawDocument* doc);
  void ReadFile(const Pending& input, RawDocument* doc);
  void ReadStdin(RawDocument* doc);
  std::string TooLarge() const {
    return fmt::format("larger than the limit of {} bytes (--max-doc-bytes)", options.max_document_bytes);
  }
};

Source::Source(std::vector<std::string> paths, const SourceOptions& options) : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.options = options;
  // Offsets are 32-bit and ICU's break iterators index with int32_t.
  s.options.max_document_bytes = std::min<uint64_t>(options.max_document_bytes, INT32_MAX);
  if (paths.empty()) paths.push_back("-");
  s.paths = paths;
  for (std::string& path : paths) s.pending.push_back(Pending{std::move(path)});
  for (const std::string* field : {&options.text_field, &options.id_field, &options.date_field}) {
    s.field_roots.push_back(field->substr(0, field->find('.')));
  }
  s.text_pointer = JsonPointer(options.text_field);
  s.id_pointer = JsonPointer(options.id_field);
  s.date_pointer = JsonPointer(options.date_field);
}

Source::~Source() = default;

bool Source::Next(RawDocument* doc) {
  State& s = *state_;
  *doc = RawDocument{};
  for (;;) {
    if (s.lines != nullptr) {
      if (s.NextLine(doc)) return true;
      s.lines.reset();
      if (s.file != nullptr) s.bytes_done += s.file->position();
      s.file.reset();
    }
    if (s.archive != nullptr) {
      if (s.NextMember(doc)) return true;
      if (s.lines != nullptr) continue;  // a JSON Lines member
      s.bytes_done += s.archive->position();
      s.archive.reset();
    }
    if (s.pending.empty()) return false;
    Pending input = std::move(s.pending.front());
    s.pending.pop_front();
    if (s.Open(input, doc)) return true;
  }
}

uint64_t Source::BytesRead() const {
  const State& s = *state_;
  return s.bytes_done + (s.file != nullptr ? s.file->position() : 0) +
         (s.archive != nullptr ? s.archive->position() : 0);
}

uint64_t Source::TotalBytes() const {
  uint64_t total = 0;
  std::error_code error;
  for (const std::string& path : state_->paths) {
    std::vector<std::string> files;
    std::string ignored;
    if (fs::is_directory(path, error)) {
      ListFiles(path, &files, &ignored);
    } else if (path != "-" && fs::is_regular_file(path, error)) {
      files.push_back(path);
    } else {
      return 0;
    }
    for (const std::string& file : files) total += fs::file_size(file, error);
  }
  return total;
}

// Starts reading an input. Returns true when it filled *doc (a whole file,
// or an error), false when it opened something to read from (JSON Lines, an
// archive, a directory's files).
bool Source::State::Open(const Pending& input, RawDocument* doc) {
  const std::string& path = input.path;
  if (path == "-") {
    if (!IsJsonl(path)) {
      ReadStdin(doc);
      return true;
    }
    file = std::make_unique<FileStream>(stdin, false);
    StartLines(file.get(), "-");
    return false;
  }
  std::error_code code;
  const fs::file_status status = fs::status(path, code);
  if (fs::is_directory(status)) {
    std::vector<std::string> files;
    std::string error;
    if (!ListFiles(path, &files, &error)) {
      doc->id = path;
      doc->error = fmt::format("cannot read directory: {}", error);
      return true;
    }
    for (auto it = files.rbegin(); it != files.rend(); ++it) pending.push_front(Pending{std::move(*it), true});
    return false;
  }
  std::string inner;
  const ArchiveKind kind = ArchiveKindOf(path, &inner);
  if (kind != ArchiveKind::kNone && fs::is_regular_file(status)) {
    std::string error;
    archive = ArchiveReader::Open(path, kind, &error);
    if (archive == nullptr) {
      doc->id = path;
      doc->error = fmt::format("cannot open: {}", error);
      return true;
    }
    archive_path = path;
    archive_compressed = kind == ArchiveKind::kCompressed;
    archive_found = input.found;
    return false;
  }
  if (IsJsonl(path) && fs::is_regular_file(status)) {
    FILE* handle = std::fopen(path.c_str(), "rb");
    if (handle == nullptr) {
      doc->id = path;
      doc->error = fmt::format("cannot open: {}", ErrnoText());
      return true;
    }
    file = std::make_unique<FileStream>(handle, true);
    StartLines(file.get(), path);
    return false;
  }
  ReadFile(input, doc);
  return true;
}

// The next member of the open archive. Returns true when it filled *doc,
// false at the end of the archive or when it started a JSON Lines member.
bool Source::State::NextMember(RawDocument* doc) {
  ArchiveReader::Member member;
  while (archive->Next(&member)) {
    if (!archive_compressed && IsHidden(member.name)) continue;
    std::string id = archive_compressed ? archive_path : fmt::format("{}:{}", archive_path, member.name);
    if (!member.regular) {
      doc->id = std::move(id);
      doc->error = fmt::format("not a regular file ({})", member.what);
      return true;
    }
    if (IsJsonl(member.name)) {
      StartLines(archive.get(), std::move(id));
      return false;
    }
    doc->id = std::move(id);
    // Members are found like a directory's files; a compressed file is
    // read like the file it holds.
    ReadDocument(*archive, member.size, !archive_compressed || archive_found, doc);
    return true;
  }
  if (archive->error().empty()) return false;
  doc->id = archive_path;
  doc->error = fmt::format("damaged archive: {}", archive->error());
  return true;
}

void Source::State::StartLines(InputStream* stream, std::string id) {
  lines = std::make_unique<LineReader>(stream, options.max_document_bytes);
  lines_stream = stream;
  lines_id = std::move(id);
  line_number = 0;
  lines_failed = false;
}

bool Source::State::NextLine(RawDocument* doc) {
  bool too_long = false;
  while (lines->Next(&line, &too_long)) {
    ++line_number;
    if (!too_long && line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank line
    doc->id = fmt::format("{}:{}", lines_id, line_number);
    if (too_long) {
      doc->error = fmt::format("line {}: {}", line_number, TooLarge());
      line = std::string();  // give back what the cut line took
    } else {
      ParseLine(doc);
    }
    return true;
  }
  if (lines_failed || lines_stream->error().empty()) return false;
  doc->id = lines_id;
  doc->error = fmt::format("read error after line {}: {}", line_number, lines_stream->error());
  lines_failed = true;  // a failed stream keeps failing: this is its last record
  return true;
}

void Source::State::ParseLine(RawDocument* doc) {
  auto fail = [&](std::string_view what) {
    doc->error = fmt::format("line {}: {}", line_number, what);
  };
  // The DOM parser validates the whole line (UTF-8 included) before any
  // lookup, so that what --keep-fields passes through is always valid JSON.
  // (On Demand parses lazily, and a lookup after it met an error in the
  // line, such as a trailing comma, crashed.)
  line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
  simdjson::dom::element json;
  if (auto error = parser.parse(line.data(), line.size(), false).get(json)) {
    std::string_view why = simdjson::error_message(error);
    if (why.ends_with(".")) why.remove_suffix(1);
    return fail(fmt::format("malformed JSON ({})", why));
  }
  // A field looked up in anything but an object fails with a message about
  // JSON pointers, which would mislead.
  if (!json.is_object()) return fail("not a JSON object");
  // Kept before the text is looked up, so that an error record still says
  // which input it was.
  if (options.keep_fields) KeepFields(json.get_object().value_unsafe(), doc);
  std::string_view text;
  if (json.at_pointer(text_pointer).get_string().get(text)) {
    return fail(fmt::format("no string field '{}'", options.text_field));
  }
  doc->bytes.assign(text);

  // An empty id would name no record: the line's own id stays then.
  simdjson::dom::element id;
  if (!json.at_pointer(id_pointer).get(id)) {
    if (id.is_string() && !id.get_string().value_unsafe().empty()) {
      doc->id.assign(id.get_string().value_unsafe());
    } else if (id.is_number()) {
      doc->id = simdjson::minify(id);
    }
  }
  std::string_view date;
  if (!json.at_pointer(date_pointer).get_string().get(date)) doc->dct.assign(date);
}

// The top-level fields other than the text, id and date fields' roots, as
// compact JSON (--keep-fields).
void Source::State::KeepFields(const simdjson::dom::object& object, RawDocument* doc) {
  for (const simdjson::dom::key_value_pair field : object) {
    if (std::find(field_roots.begin(), field_roots.end(), field.key) != field_roots.end()) continue;
    doc->meta.emplace_back(field.key, simdjson::minify(field.value));
  }
}

// Reads a whole stream as one document, keeping at most the size limit.
// With skip_binary, a NUL byte in the first 8 KiB skips it instead. A
// declared size over the limit is believed, so only that probe is read.
void Source::State::ReadDocument(InputStream& stream, int64_t declared_size, bool skip_binary, RawDocument* doc) {
  const uint64_t limit = options.max_document_bytes;
  bool too_large = declared_size > 0 && static_cast<uint64_t>(declared_size) > limit;
  if (declared_size > 0 && !too_large) doc->bytes.reserve(static_cast<size_t>(declared_size));
  uint64_t total = 0;
  char buffer[1 << 16];
  while (!too_large || (skip_binary && total < kBinaryProbe)) {
    const size_t n = stream.Read(buffer, sizeof buffer);
    if (n == 0) break;
    if (total == 0 && StartsWithUtf16Bom(std::string_view(buffer, n))) skip_binary = false;
    if (skip_binary && total < kBinaryProbe &&
        std::memchr(buffer, 0, std::min<uint64_t>(n, kBinaryProbe - total)) != nullptr) {
      doc->bytes = std::string();
      doc->skipped = Warning{"binary", "binary file (a NUL byte in the first 8 KiB), skipped"};
      return;
    }
    total += n;
    if (total > limit) too_large = true;
    if (!too_large) doc->bytes.append(buffer, n);
  }
  if (!stream.error().empty()) {
    doc->bytes = std::string();
    doc->error = fmt::format("read error: {}", stream.error());
  } else if (too_large) {
    doc->bytes = std::string();
    doc->error = TooLarge();
  }
}

void Source::State::ReadFile(const Pending& input, RawDocument* doc) {
  doc->id = input.path;
  FILE* handle = std::fopen(input.path.c_str(), "rb");
  if (handle == nullptr) {
    doc->error = fmt::format("cannot open: {}", ErrnoText());
    return;
  }
  std::error_code error;
  if (fs::is_directory(input.path, error)) {
    std::fclose(handle);
    doc->error = "is a directory";
    return;
  }
  // Files that do not know their size (pipes, /proc) are read to their end.
  const int64_t size = fs::is_regular_file(input.path, error) ? static_cast<int64_t>(fs::file_size(input.path, error)) : -1;
  FileStream stream(handle, true);
  ReadDocument(stream, size, input.found, doc);
  // A file skipped or refused unread still counts as done, for progress.
  bytes_done += size >= 0 ? static_cast<uint64_t>(size) : stream.position();
}

void Source::State::ReadStdin(RawDocument* doc) {
  doc->id = "-";
  FileStream stream(stdin, false);
  ReadDocument(stream, -1, false, doc);
  if (!doc->error.empty() && stream.error().empty()) {
    // Too large: read the rest, so that the writer of the pipe sees it all
    // taken rather than a broken pipe.
    char buffer[1 << 16];
    while (stream.Read(buffer, sizeof buffer) > 0) {
    }
  }
  bytes_done += stream.position();
}

}  // namespace lede
