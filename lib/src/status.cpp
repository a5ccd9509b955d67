#include "lede/status.h"

namespace lede {

std::string Status::ToString() const {
  switch (code_) {
    case kOk: return "OK";
    case kInvalidArgument: return "Invalid argument: " + message_;
    case kNotFound: return "Not found: " + message_;
    case kIOError: return "IO error: " + message_;
    case kInternal: return "Internal error: " + message_;
  }
  return message_;
}

}  // namespace lede
