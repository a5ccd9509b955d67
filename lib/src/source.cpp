#include "lede/source.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>

namespace lede {
namespace {

namespace fs = std::filesystem;

std::string ErrnoText() { return std::strerror(errno); }

// Reads lines from a FILE*, keeping at most `limit` bytes of each; longer
// lines are read to their end and reported as too long, so that one huge
// line never costs its size in memory.
class LineReader {
 public:
  LineReader(FILE* file, bool owned, uint64_t limit) : file_(file), owned_(owned), limit_(limit) {}
  ~LineReader() {
    if (owned_) std::fclose(file_);
  }

  // Fills *line (without its newline) and returns true; false at the end.
  // *too_long is set when the line exceeded the limit (*line is then cut).
  bool Next(std::string* line, bool* too_long) {
    line->clear();
    *too_long = false;
    bool any = false;
    for (;;) {
      if (pos_ == end_) {
        end_ = std::fread(buffer_, 1, sizeof buffer_, file_);
        pos_ = 0;
        if (end_ == 0) {
          if (std::ferror(file_)) error_ = errno;
          return any;
        }
      }
      any = true;
      const char* start = buffer_ + pos_;
      const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
      const size_t n = newline ? static_cast<size_t>(newline - start) : end_ - pos_;
      if (line->size() + n > limit_) {
        *too_long = true;
      } else {
        line->append(start, n);
      }
      pos_ += n;
      if (newline) {
        ++pos_;
        return true;
      }
    }
  }

  // The errno of a failed read, 0 if none failed.
  int error() const { return error_; }

 private:
  FILE* file_;
  bool owned_;
  uint64_t limit_;
  char buffer_[1 << 16];
  size_t pos_ = 0;
  size_t end_ = 0;
  int error_ = 0;
};

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

bool IsJsonlPath(const std::string& path) {
  return path.ends_with(".jsonl") || path.ends_with(".ndjson");
}

}  // namespace

struct Source::State {
  SourceOptions options;
  std::deque<std::string> pending;  // paths not yet opened
  std::string text_pointer, id_pointer, date_pointer;

  // The JSON Lines file being read, if any.
  std::unique_ptr<LineReader> lines;
  std::string lines_path;
  uint64_t line_number = 0;
  std::string line;
  simdjson::dom::parser parser;

  bool NextLine(RawDocument* doc);
  void ParseLine(RawDocument* doc);
  void ReadWhole(const std::string& path, RawDocument* doc);
  void ReadStdin(RawDocument* doc);
  bool Expand(const std::string& dir, RawDocument* doc);
  std::string TooLarge() const {
    return fmt::format("larger than the limit of {} bytes (--max-doc-bytes)", options.max_document_bytes);
  }
};

Source::Source(std::vector<std::string> paths, const SourceOptions& options) : state_(std::make_unique<State>()) {
  state_->options = options;
  // Offsets are 32-bit and ICU's break iterators index with int32_t.
  state_->options.max_document_bytes = std::min<uint64_t>(options.max_document_bytes, INT32_MAX);
  if (paths.empty()) paths.push_back("-");
  state_->pending.assign(paths.begin(), paths.end());
  state_->text_pointer = JsonPointer(options.text_field);
  state_->id_pointer = JsonPointer(options.id_field);
  state_->date_pointer = JsonPointer(options.date_field);
}

Source::~Source() = default;

bool Source::Next(RawDocument* doc) {
  State& s = *state_;
  *doc = RawDocument{};
  for (;;) {
    if (s.lines != nullptr) {
      if (s.NextLine(doc)) return true;
      s.lines.reset();
    }
    if (s.pending.empty()) return false;
    std::string path = std::move(s.pending.front());
    s.pending.pop_front();

    const bool jsonl = s.options.mode == SourceOptions::Mode::kJsonl ||
                       (s.options.mode == SourceOptions::Mode::kAuto && IsJsonlPath(path));
    if (path == "-") {
      if (jsonl) {
        s.lines = std::make_unique<LineReader>(stdin, false, s.options.max_document_bytes);
        s.lines_path = "-";
        s.line_number = 0;
        continue;
      }
      s.ReadStdin(doc);
      return true;
    }
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (fs::is_directory(status)) {
      if (s.Expand(path, doc)) return true;
      continue;
    }
    if (jsonl && fs::is_regular_file(status)) {
      FILE* file = std::fopen(path.c_str(), "rb");
      if (file == nullptr) {
        doc->id = path;
        doc->error = fmt::format("cannot open: {}", ErrnoText());
        return true;
      }
      s.lines = std::make_unique<LineReader>(file, true, s.options.max_document_bytes);
      s.lines_path = path;
      s.line_number = 0;
      continue;
    }
    s.ReadWhole(path, doc);
    return true;
  }
}

bool Source::State::NextLine(RawDocument* doc) {
  bool too_long = false;
  while (lines->Next(&line, &too_long)) {
    ++line_number;
    if (!too_long && line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank line
    doc->id = fmt::format("{}:{}", lines_path, line_number);
    if (too_long) {
      doc->error = fmt::format("line {}: {}", line_number, TooLarge());
    } else {
      ParseLine(doc);
    }
    return true;
  }
  if (const int error = lines->error(); error != 0) {
    doc->id = lines_path;
    doc->error = fmt::format("read error after line {}: {}", line_number, std::strerror(error));
    lines.reset();  // a failed stream keeps failing: this is its last record
    return true;
  }
  return false;
}

void Source::State::ParseLine(RawDocument* doc) {
  auto fail = [&](std::string_view what) {
    doc->error = fmt::format("line {}: {}", line_number, what);
  };
  // The DOM parser validates the whole line before any lookup. (On Demand
  // parses lazily, and a lookup after it met an error in the line, such as a
  // trailing comma, crashed.)
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

void Source::State::ReadWhole(const std::string& path, RawDocument* doc) {
  doc->id = path;
  FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    doc->error = fmt::format("cannot open: {}", ErrnoText());
    return;
  }
  std::error_code error;
  if (fs::is_directory(path, error)) {
    std::fclose(file);
    doc->error = "is a directory";
    return;
  }
  const uint64_t size = fs::is_regular_file(path, error) ? fs::file_size(path, error) : 0;
  if (size > options.max_document_bytes) {
    std::fclose(file);
    doc->error = TooLarge();
    return;
  }
  doc->bytes.resize(size);
  size_t got = std::fread(doc->bytes.data(), 1, size, file);
  doc->bytes.resize(got);
  // Files that do not know their size (pipes, /proc) are read to their end.
  char buffer[1 << 16];
  while (size_t n = std::fread(buffer, 1, sizeof buffer, file)) {
    if (doc->bytes.size() + n > options.max_document_bytes) {
      doc->bytes.clear();
      doc->error = TooLarge();
      break;
    }
    doc->bytes.append(buffer, n);
  }
  if (std::ferror(file)) {
    doc->bytes.clear();
    doc->error = fmt::format("read error: {}", ErrnoText());
  }
  std::fclose(file);
}

void Source::State::ReadStdin(RawDocument* doc) {
  doc->id = "-";
  char buffer[1 << 16];
  bool too_large = false;
  while (size_t n = std::fread(buffer, 1, sizeof buffer, stdin)) {
    if (doc->bytes.size() + n > options.max_document_bytes) too_large = true;
    if (!too_large) doc->bytes.append(buffer, n);
  }
  if (too_large) {
    doc->bytes.clear();
    doc->error = TooLarge();
  } else if (std::ferror(stdin)) {
    doc->error = fmt::format("read error: {}", ErrnoText());
  }
}

bool Source::State::Expand(const std::string& dir, RawDocument* doc) {
  std::vector<std::string> files;
  std::error_code error;
  auto it = fs::recursive_directory_iterator(dir, fs::directory_options::none, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with(".")) {  // hidden files and directories, as ripgrep
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files.push_back(it->path().string());
  }
  if (error) {
    doc->id = dir;
    doc->error = fmt::format("cannot read directory: {}", error.message());
    return true;
  }
  std::sort(files.begin(), files.end());
  pending.insert(pending.begin(), files.begin(), files.end());
  return false;
}

}  // namespace lede
