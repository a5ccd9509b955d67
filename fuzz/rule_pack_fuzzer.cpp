// Any pack text either loads or is refused with "file:line: message".
#include <cstdlib>

#include "lede/rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string toml(reinterpret_cast<const char*>(data), size);
  std::shared_ptr<const lede::RuleSet> rules;
  lede::Status status = lede::RuleSet::FromFiles({{"f.toml", toml}, {"g.tsv", "name\taliases\nAcme\tAcme Corp\n"}}, &rules);
  if (!status.ok() && status.message().rfind("f.toml:", 0) != 0 && status.message().rfind("g.tsv:", 0) != 0 &&
      status.message().find("RE2") == std::string::npos) {
    std::abort();
  }
  return 0;
}
