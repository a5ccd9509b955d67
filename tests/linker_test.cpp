#include "linker.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace lede {
namespace {

const char* kPack = R"([pack]
name = "l"
version = "1"
[[rule]]
id = "l.country"
type = "GPE"
gazetteer = "c.tsv"
normalize = "entry"
[[rule]]
id = "l.demonym"
type = "NORP"
gazetteer = "c.tsv"
match = ["demonyms"]
normalize = "entry"
[[rule]]
id = "l.year"
type = "DATE"
pattern = '\b(?P<year>\d{4})\b'
normalize = "date"
[[rule]]
id = "l.word"
type = "ORG"
pattern = 'Acme\w*'
)";

TEST_CASE("linker: mentions with one key become one entity, numbered by first mention") {
  auto rules = testing::RulesFrom({{"l.toml", kPack},
                                   {"c.tsv", "code\tname\taliases\tdemonyms\nGB\tUnited Kingdom\tBritain|UK\tBritish\n"}});
  Document doc = testing::Extract(rules, "In 2021 Britain and Acme met.\nThe UK, Acme, AcmeCo and British firms; 2021.");
  REQUIRE(doc.entities.size() == 5);
  auto texts = [&](const Entity& e) {
    std::vector<std::string> out;
    for (const Mention& m : e.mentions) out.push_back(std::string(doc.Text(m.span)) + "#" + std::to_string(m.sentence));
    return out;
  };
  CHECK(doc.entities[0].id == "E1");
  CHECK(doc.entities[0].type == "DATE");
  CHECK(texts(doc.entities[0]) == std::vector<std::string>{"2021#0", "2021#1"});
  CHECK(doc.entities[1].id == "E2");
  CHECK(doc.entities[1].attributes.code == "GB");
  CHECK(texts(doc.entities[1]) == std::vector<std::string>{"Britain#0", "UK#1"});
  // Without canonical name or value, the text is the key and the canonical.
  CHECK(doc.entities[2].attributes.canonical == "Acme");
  CHECK(texts(doc.entities[2]) == std::vector<std::string>{"Acme#0", "Acme#1"});
  CHECK(texts(doc.entities[3]) == std::vector<std::string>{"AcmeCo#1"});
  // Same code, other type: a separate entity.
  CHECK(doc.entities[4].type == "NORP");
  CHECK(doc.entities[4].attributes.code == "GB");
  CHECK(doc.entities[4].id == "E5");
  CHECK(doc.entities[0].mentions[0].rule == "l.year");
}

}  // namespace
}  // namespace lede
