// Helpers shared by the unit tests.
#ifndef LEDE_TESTS_TEST_UTIL_H_
#define LEDE_TESTS_TEST_UTIL_H_

#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "lede/extractor.h"
#include "lede/rules.h"
#include "segmenter.h"

// Lets doctest print the string lists most tests compare.
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& strings) {
    std::string out = "{";
    for (const std::string& s : strings) out += (out.size() > 1 ? ", \"" : "\"") + s + "\"";
    return String((out + "}").c_str());
  }
};
}  // namespace doctest

namespace lede::testing {

using Files = std::vector<std::pair<std::string, std::string>>;

// Rules from in-memory packs; fails the test if they do not load.
inline std::shared_ptr<const RuleSet> RulesFrom(const Files& files) {
  std::shared_ptr<const RuleSet> rules;
  Status status = RuleSet::FromFiles(files, &rules);
  REQUIRE_MESSAGE(status.ok(), status.ToString());
  return rules;
}

// The built-in packs.
inline std::shared_ptr<const RuleSet> BuiltinRules() {
  static const std::shared_ptr<const RuleSet> rules = [] {
    std::shared_ptr<const RuleSet> r;
    Status status = RuleSet::Load(RuleSetOptions{}, &r);
    REQUIRE_MESSAGE(status.ok(), status.ToString());
    return r;
  }();
  return rules;
}

// The message of a load that must fail.
inline std::string LoadError(const Files& files) {
  std::shared_ptr<const RuleSet> rules;
  Status status = RuleSet::FromFiles(files, &rules);
  CHECK_FALSE(status.ok());
  return status.message();
}

inline Document Extract(const std::shared_ptr<const RuleSet>& rules, const std::string& text,
                        const std::string& dct = "", ExtractOptions options = {}) {
  std::unique_ptr<Extractor> extractor;
  Status status = Extractor::Create(rules, options, &extractor);
  REQUIRE_MESSAGE(status.ok(), status.ToString());
  RawDocument raw;
  raw.id = "test";
  raw.bytes = text;
  raw.dct = dct;
  return extractor->Extract(raw);
}

// Every mention as "TYPE text", or "TYPE text=value" where there is a
// value, in text order: one string compares a whole extraction.
inline std::vector<std::string> Found(const Document& doc) {
  std::vector<std::pair<uint32_t, std::string>> found;
  for (const Entity& e : doc.entities) {
    for (const Mention& m : e.mentions) {
      std::string s = e.type + " " + std::string(doc.Text(m.span));
      if (!e.attributes.value.empty()) s += "=" + e.attributes.value.text;
      found.emplace_back(m.span.begin, std::move(s));
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (auto& [at, s] : found) out.push_back(std::move(s));
  return out;
}

inline std::vector<std::string> Found(const std::shared_ptr<const RuleSet>& rules, const std::string& text,
                                      const std::string& dct = "") {
  return Found(Extract(rules, text, dct));
}

// The tokens of `text`, as the Segmenter makes them.
inline std::vector<Token> Tokens(const std::string& text) {
  std::unique_ptr<Segmenter> segmenter;
  REQUIRE(Segmenter::Create(&segmenter).ok());
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  segmenter->Split(text, &sentences, &tokens);
  return tokens;
}

// A directory of its own under the system's temporary directory, removed
// with everything in it at the end of the test.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("lede-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `contents` to `name` (creating directories) and returns its path.
  std::string Write(const std::string& name, const std::string& contents) const {
    std::filesystem::path path = path_ / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << contents;
    return path.string();
  }
  std::string Path(const std::string& name = "") const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace lede::testing

#endif  // LEDE_TESTS_TEST_UTIL_H_
