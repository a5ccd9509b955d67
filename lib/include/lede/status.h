// Status: the outcome of an operation that can fail, patterned on LevelDB's.
//
// lede's API never throws. Functions that can fail return a Status; results
// come back through out-parameters. A Status is a plain value: cheap to copy
// when OK, safe to use from any thread.
#ifndef LEDE_STATUS_H_
#define LEDE_STATUS_H_

#include <string>
#include <string_view>
#include <utility>

namespace lede {

class Status {
 public:
  // An OK status.
  Status() = default;

  static Status OK() { return Status(); }
  // Bad input from the caller: a malformed option, a broken rule pack.
  static Status InvalidArgument(std::string_view message) { return Status(kInvalidArgument, message); }
  // A file or directory that does not exist.
  static Status NotFound(std::string_view message) { return Status(kNotFound, message); }
  // A failure to read or write: permissions, a closed pipe, a full disk.
  static Status IOError(std::string_view message) { return Status(kIOError, message); }
  // A failure inside a library lede relies on (ICU, RE2).
  static Status Internal(std::string_view message) { return Status(kInternal, message); }

  bool ok() const { return code_ == kOk; }
  bool IsInvalidArgument() const { return code_ == kInvalidArgument; }
  bool IsNotFound() const { return code_ == kNotFound; }
  bool IsIOError() const { return code_ == kIOError; }

  // The message alone, as given by the failing operation ("" when OK).
  const std::string& message() const { return message_; }
  // "OK", or the kind of failure followed by the message.
  std::string ToString() const;

 private:
  enum Code { kOk, kInvalidArgument, kNotFound, kIOError, kInternal };
  Status(Code code, std::string_view message) : code_(code), message_(message) {}

  Code code_ = kOk;
  std::string message_;
};

}  // namespace lede

#endif  // LEDE_STATUS_H_
