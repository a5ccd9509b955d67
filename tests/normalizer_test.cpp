#include "normalizer.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace lede {
namespace {

using Strings = std::vector<std::string>;

TEST_CASE("normalizer: ISO dates, leap years and date-times") {
  struct Case {
    const char* text;
    bool ok;
    int year, month, day;
  };
  const Case cases[] = {
      {"2022-11-28", true, 2022, 11, 28},  {"2024-02-29", true, 2024, 2, 29}, {"2000-02-29", true, 2000, 2, 29},
      {"1900-02-29", false, 0, 0, 0},      {"2023-02-29", false, 0, 0, 0},    {"2022-04-31", false, 0, 0, 0},
      {"2022-13-01", false, 0, 0, 0},      {"2022-00-10", false, 0, 0, 0},    {"2022-1-1", false, 0, 0, 0},
      {"22-11-28", false, 0, 0, 0},        {"", false, 0, 0, 0},              {"0999-01-01", false, 0, 0, 0},
      {"2022-11-28T10:15:00Z", true, 2022, 11, 28}, {"2022-11-28 10:15", false, 0, 0, 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CalendarDate date;
    REQUIRE(ParseIsoDate(c.text, &date) == c.ok);
    if (!c.ok) continue;
    CHECK(date.year == c.year);
    CHECK(date.month == c.month);
    CHECK(date.day == c.day);
  }
}

TEST_CASE("normalizer: every name is registered once, sorted") {
  std::vector<std::string_view> names = NormalizerNames();
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
  for (std::string_view name : names) CHECK((FindNormalizer(name) != nullptr));
  CHECK((FindNormalizer("no-such") == nullptr));
}

TEST_CASE("normalizer: percent values are exact decimals") {
  auto rules = testing::RulesFrom({{"p.toml", R"([pack]
name = "p"
version = "1"
[[rule]]
id = "p.percent"
type = "PERCENT"
pattern = '(?P<num>[\d,.]+)%'
normalize = "percent"
)"}});
  CHECK(testing::Found(rules, "40% 12.50% 1,250% 007% 0.5% .5% 3.0%") ==
        Strings{"PERCENT 40%=40", "PERCENT 12.50%=12.5", "PERCENT 1,250%=1250", "PERCENT 007%=7",
                "PERCENT 0.5%=0.5", "PERCENT .5%=0.5", "PERCENT 3.0%=3"});
  // Not a number: the normalizer refuses, so there is no mention.
  CHECK(testing::Found(rules, "1.2.3% ,%").empty());
}

TEST_CASE("normalizer: a rule without normalizer keeps its subtype; gazetteer cells carry over") {
  auto rules = testing::RulesFrom({{"g.toml", R"([pack]
name = "g"
version = "1"
[[rule]]
id = "g.entry"
type = "GPE"
subtype = "country"
gazetteer = "c.tsv"
normalize = "entry"
[[rule]]
id = "g.plain"
type = "ORG"
subtype = "media"
pattern = 'Daily \w+'
)"},
                                   {"c.tsv", "code\tname\taliases\tsubtype\nGB\tUnited Kingdom\tBritain\t\nEU\tEuropean Union\tEU\tbloc\n"}});
  Document doc = testing::Extract(rules, "Britain, the EU and the Daily Planet");
  REQUIRE(doc.entities.size() == 3);
  auto place = [](const char* subtype, const char* canonical, const char* code) {
    Attributes a;
    a.subtype = subtype;
    a.canonical = canonical;
    a.code = code;
    return a;
  };
  CHECK(doc.entities[0].attributes == place("country", "United Kingdom", "GB"));
  CHECK(doc.entities[1].attributes == place("bloc", "European Union", "EU"));
  CHECK(doc.entities[2].attributes.subtype == "media");
  CHECK(doc.entities[2].attributes.canonical == "Daily Planet");
}

}  // namespace
}  // namespace lede
