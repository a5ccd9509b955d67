// Golden cases per pack (tests/golden/README.md): exact mentions and values
// through the whole pipeline, and negative sentences that must yield nothing.
#include <doctest/doctest.h>
#include <simdjson.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_util.h"

namespace lede {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> GoldenFiles(std::string_view suffix) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(LEDE_GOLDEN_DIR)) {
    if (entry.path().string().ends_with(suffix)) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// "TYPE 'text' value=... mod=...", with just the attributes `shown` has: an
// expectation names only the attributes it checks.
std::string Describe(const std::string& type, std::string_view text, const Attributes& a, const Attributes& shown) {
  std::string s = type + " '" + std::string(text) + "'";
  if (!shown.value.empty()) s += " value=" + a.value.text;
  if (!shown.value_max.empty()) s += " value_max=" + a.value_max.text;
  if (!shown.timex_type.empty()) s += " timex_type=" + a.timex_type;
  if (!shown.mod.empty()) s += " mod=" + a.mod;
  if (!shown.freq.empty()) s += " freq=" + a.freq;
  if (!shown.currency.empty()) s += " currency=" + a.currency;
  if (!shown.unit.empty()) s += " unit=" + a.unit;
  if (!shown.subtype.empty()) s += " subtype=" + a.subtype;
  if (!shown.canonical.empty()) s += " canonical=" + a.canonical;
  if (!shown.code.empty()) s += " code=" + a.code;
  if (!shown.country.empty()) s += " country=" + a.country;
  return s;
}

struct Expected {
  std::string type;
  std::string text;
  Attributes attributes;
};

// The mentions of `types` in `doc`, in text order, each described with the
// attributes the expectation at its place names (all of them past the end).
std::vector<std::string> Found(const Document& doc, const std::vector<std::string>& types,
                               const std::vector<Expected>& expected) {
  std::vector<std::pair<uint32_t, std::pair<const Entity*, const Mention*>>> found;
  for (const Entity& e : doc.entities) {
    if (std::find(types.begin(), types.end(), e.type) == types.end()) continue;
    for (const Mention& m : e.mentions) found.push_back({m.span.begin, {&e, &m}});
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (size_t i = 0; i < found.size(); ++i) {
    const Entity& e = *found[i].second.first;
    const Attributes& shown = i < expected.size() ? expected[i].attributes : e.attributes;
    out.push_back(Describe(e.type, doc.Text(found[i].second.second->span), e.attributes, shown));
  }
  return out;
}

TEST_CASE("golden: every case of every pack") {
  simdjson::ondemand::parser parser;
  size_t cases = 0;
  for (const fs::path& file : GoldenFiles(".jsonl")) {
    std::ifstream in(file);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      if (line.empty()) continue;
      CAPTURE(file.filename().string());
      CAPTURE(number);
      simdjson::padded_string padded(line);
      simdjson::ondemand::document json = parser.iterate(padded);
      const std::string text{std::string_view(json["text"])};
      std::string dct;
      if (std::string_view d; !json["dct"].get_string().get(d)) dct = d;
      std::vector<std::string> types;
      for (auto type : json["types"].get_array()) types.emplace_back(std::string_view(type.get_string()));
      std::vector<Expected> expected;
      for (auto item : json["expect"].get_array()) {
        simdjson::ondemand::object e = item.get_object();
        Expected x{std::string(std::string_view(e["type"])), std::string(std::string_view(e["text"])), {}};
        std::string_view v;
        if (!e["value"].get_string().get(v)) x.attributes.value = Value::String(std::string(v));
        if (!e["value_max"].get_string().get(v)) x.attributes.value_max = Value::String(std::string(v));
        if (!e["timex_type"].get_string().get(v)) x.attributes.timex_type = v;
        if (!e["mod"].get_string().get(v)) x.attributes.mod = v;
        if (!e["freq"].get_string().get(v)) x.attributes.freq = v;
        if (!e["currency"].get_string().get(v)) x.attributes.currency = v;
        if (!e["unit"].get_string().get(v)) x.attributes.unit = v;
        if (!e["subtype"].get_string().get(v)) x.attributes.subtype = v;
        if (!e["canonical"].get_string().get(v)) x.attributes.canonical = v;
        if (!e["code"].get_string().get(v)) x.attributes.code = v;
        if (!e["country"].get_string().get(v)) x.attributes.country = v;
        expected.push_back(std::move(x));
      }
      std::vector<std::string> wanted;
      for (const Expected& x : expected) wanted.push_back(Describe(x.type, x.text, x.attributes, x.attributes));
      CHECK_MESSAGE(Found(testing::Extract(testing::BuiltinRules(), text, dct), types, expected) == wanted, text);
      ++cases;
    }
  }
  CHECK(cases >= 20);
}

TEST_CASE("golden: negative sentences yield nothing of their types") {
  for (const fs::path& file : GoldenFiles("-negative.txt")) {
    std::ifstream in(file);
    std::string header;
    std::getline(in, header);
    REQUIRE(header.starts_with("# types: "));
    std::vector<std::string> types;
    std::istringstream words(header.substr(9));
    for (std::string type; words >> type;) types.push_back(type);
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      CAPTURE(file.filename().string());
      CHECK_MESSAGE(Found(testing::Extract(testing::BuiltinRules(), line, "2022-11-28"), types, {}).empty(), line);
    }
  }
}

}  // namespace
}  // namespace lede
