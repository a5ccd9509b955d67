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

TEST_CASE("linker: amounts link by value, range top, currency and subtype") {
  Document doc = testing::Extract(testing::BuiltinRules(),
                                  "It paid $10 a share, then $10. Rates of 10-15% and 10% held; 10% again.");
  std::vector<std::string> entities;
  for (const Entity& e : doc.entities) {
    std::string s = e.type + ":";
    for (const Mention& m : e.mentions) s += " " + std::string(doc.Text(m.span));
    entities.push_back(s);
  }
  CHECK(entities == std::vector<std::string>{"MONEY: $10 a share", "MONEY: $10", "PERCENT: 10-15%", "PERCENT: 10% 10%"});
}

const char* kNamesPack = R"([pack]
name = "n"
version = "1"
[[rule]]
id = "n.person"
type = "PERSON"
gazetteer = "people.tsv"
normalize = "entry"
[[rule]]
id = "n.org"
type = "ORG"
gazetteer = "orgs.tsv"
normalize = "entry"
[[rule]]
id = "n.city"
type = "GPE"
gazetteer = "cities.tsv"
normalize = "entry"
)";

// "text@rule" for each mention of the entity whose canonical name is `name`.
std::vector<std::string> MentionsOf(const Document& doc, std::string_view name) {
  std::vector<std::string> out;
  for (const Entity& e : doc.entities) {
    if (e.attributes.canonical != name) continue;
    for (const Mention& m : e.mentions) out.push_back(std::string(doc.Text(m.span)) + "@" + m.rule);
  }
  return out;
}

TEST_CASE("linker: a word of a person's name standing alone links to the person") {
  auto rules = testing::RulesFrom({{"n.toml", kNamesPack},
                                   {"people.tsv", "name\nSteven Geiszler\nFan Zhiyong\nLee Jae-yong\nLee Kun-hee\n"},
                                   {"orgs.tsv", "name\nHuawei\n"},
                                   {"cities.tsv", "code\tname\n"}});
  Document doc = testing::Extract(rules,
                                  "Geiszler quits. Steven Geiszler and Fan Zhiyong spoke. Fan said Huawei agreed, "
                                  "Geiszler added. Steven Spielberg was not there. Lee Jae-yong met Lee Kun-hee; Lee left.");
  CHECK(MentionsOf(doc, "Steven Geiszler") ==
        std::vector<std::string>{"Geiszler@link.short_form", "Steven Geiszler@n.person", "Geiszler@link.short_form"});
  CHECK(MentionsOf(doc, "Fan Zhiyong") == std::vector<std::string>{"Fan Zhiyong@n.person", "Fan@link.short_form"});
  // "Lee" names two people: it links to neither.
  CHECK(MentionsOf(doc, "Lee Jae-yong") == std::vector<std::string>{"Lee Jae-yong@n.person"});
  // Numbered by first mention, the headline's "Geiszler" included.
  CHECK(doc.entities[0].attributes.canonical == "Steven Geiszler");
  CHECK(doc.entities[0].id == "E1");
}

TEST_CASE("linker: a one-word name links its later bare mentions, unless a longer name or another entity has it") {
  const char* pack = R"([pack]
name = "t"
version = "1"
[[rule]]
id = "t.titled"
type = "PERSON"
pattern = 'Mr\. (?P<mention>[A-Z][a-z]+)'
[[rule]]
id = "t.person"
type = "PERSON"
gazetteer = "people.tsv"
normalize = "entry"
[[rule]]
id = "t.city"
type = "GPE"
gazetteer = "cities.tsv"
normalize = "entry"
)";
  auto rules = testing::RulesFrom(
      {{"t.toml", pack}, {"people.tsv", "name\nJose Sarney\n"}, {"cities.tsv", "code\tname\nBH\tBahrain\n"}});
  Document doc = testing::Extract(
      rules, "Mr. Geiszler spoke. Geiszler left. Jose Sarney met Mr. Sarney. Sarney said so. Mr. Bahrain saw Bahrain.");
  CHECK(MentionsOf(doc, "Geiszler") == std::vector<std::string>{"Geiszler@t.titled", "Geiszler@link.short_form"});
  // "Sarney" alone and "Mr. Sarney" are Jose Sarney's.
  CHECK(MentionsOf(doc, "Jose Sarney") ==
        std::vector<std::string>{"Jose Sarney@t.person", "Sarney@t.titled", "Sarney@link.short_form"});
  CHECK(MentionsOf(doc, "Sarney").empty());
  // The country keeps its name.
  CHECK(MentionsOf(doc, "Bahrain") == std::vector<std::string>{"Bahrain@t.titled", "Bahrain@t.city"});
}

TEST_CASE("linker: a titled surname is the person named in full, unless two have it") {
  const char* pack = R"([pack]
name = "t"
version = "1"
[[rule]]
id = "t.titled"
type = "PERSON"
pattern = '(?:Mr|Ms|President) (?P<mention>[A-Z][a-z]+)'
[[rule]]
id = "t.person"
type = "PERSON"
pattern = '(?:Keir Starmer|Ed Miliband|David Miliband|Ali Khamenei)'
)";
  auto rules = testing::RulesFrom({{"t.toml", pack}});
  Document doc = testing::Extract(rules,
                                  "Keir Starmer and Ed Miliband met David Miliband and Ali Khamenei. Mr Starmer, "
                                  "Ms Miliband and President Ali spoke.");
  CHECK(MentionsOf(doc, "Keir Starmer") == std::vector<std::string>{"Keir Starmer@t.person", "Starmer@t.titled"});
  CHECK(MentionsOf(doc, "Miliband") == std::vector<std::string>{"Miliband@t.titled"});
  // A given name is no surname.
  CHECK(MentionsOf(doc, "Ali") == std::vector<std::string>{"Ali@t.titled"});
}

TEST_CASE("linker: an acronym introduced in parentheses links, there and later") {
  auto rules = testing::RulesFrom({{"n.toml", kNamesPack},
                                   {"people.tsv", "name\nSteven Geiszler\n"},
                                   {"orgs.tsv", "name\nFederal Trade Commission\nHuawei\n"},
                                   {"cities.tsv", "code\tname\n"}});
  Document doc = testing::Extract(
      rules, "The Federal Trade Commission (FTC) sued. Huawei (HW) and the FTC met. Huawei (XYZ) did not. The FTC won.");
  CHECK(MentionsOf(doc, "Federal Trade Commission") ==
        std::vector<std::string>{"Federal Trade Commission@n.org", "FTC@link.acronym", "FTC@link.acronym",
                                 "FTC@link.acronym"});
  // An acronym must start like the name; "(HW)" does, "(XYZ)" does not.
  CHECK(MentionsOf(doc, "Huawei") == std::vector<std::string>{"Huawei@n.org", "HW@link.acronym", "Huawei@n.org"});
}

TEST_CASE("linker: 'the' and an institution's head word name the one with that head named last") {
  auto rules = testing::RulesFrom({{"n.toml", kNamesPack},
                                   {"people.tsv", "name\nKazuo Ueda\n"},
                                   {"orgs.tsv", "name\nEuropean Commission\nFederal Trade Commission\nBank of England\n"},
                                   {"cities.tsv", "code\tname\n"}});
  Document doc = testing::Extract(rules,
                                  "The European Commission met the Bank of England. The Commission said the Bank "
                                  "agreed. The Federal Trade Commission sued; the Commission Report came out and "
                                  "the Commission won.");
  CHECK(MentionsOf(doc, "European Commission") ==
        std::vector<std::string>{"European Commission@n.org", "Commission@link.short_form"});
  CHECK(MentionsOf(doc, "Bank of England") == std::vector<std::string>{"Bank of England@n.org", "Bank@link.short_form"});
  // Named last, and not "the Commission Report".
  CHECK(MentionsOf(doc, "Federal Trade Commission") ==
        std::vector<std::string>{"Federal Trade Commission@n.org", "Commission@link.short_form"});
}

TEST_CASE("linker: a person's surname takes a one-word place of that spelling, unless a preposition marks it") {
  auto rules = testing::RulesFrom({{"n.toml", kNamesPack},
                                   {"people.tsv", "name\nKazuo Ueda\n"},
                                   {"orgs.tsv", "name\nHuawei\n"},
                                   {"cities.tsv", "code\tname\nJP\tUeda\nJP\tTokyo\n"}});
  Document doc = testing::Extract(rules, "Kazuo Ueda spoke in Tokyo. Ueda said rates would rise. He grew up in Ueda.");
  CHECK(MentionsOf(doc, "Kazuo Ueda") == std::vector<std::string>{"Kazuo Ueda@n.person", "Ueda@link.short_form"});
  CHECK(MentionsOf(doc, "Ueda") == std::vector<std::string>{"Ueda@n.city"});
  // Without the person, the word stays a city.
  Document city = testing::Extract(rules, "Ueda said rates would rise.");
  CHECK(MentionsOf(city, "Ueda") == std::vector<std::string>{"Ueda@n.city"});
}

TEST_CASE("linker: a company's first word names it alone, where the text never writes it in lower case") {
  const char* pack = R"([pack]
name = "c"
version = "1"
[[rule]]
id = "c.named"
type = "ORG"
subtype = "company"
pattern = '[A-Z][a-z]+ (?:Therapeutics|Motors|Canada|Holding)'
[[rule]]
id = "c.shares_of"
type = "ORG"
pattern = 'shares of (?P<mention>[A-Z][a-z]+)'
[[rule]]
id = "c.person"
type = "PERSON"
pattern = 'Dudley Taft'
)";
  auto rules = testing::RulesFrom({{"c.toml", pack}});
  Document doc = testing::Extract(rules,
                                  "Halvern Therapeutics bid for shares of Orvane. Halvern's chief said shares of "
                                  "Halvern rose; Halvern Labs and Lear-Halvern did not. General Motors said general "
                                  "demand fell; General said so.");
  // The guessed "shares of Halvern" joins the name given in full before it.
  CHECK(MentionsOf(doc, "Halvern Therapeutics") ==
        std::vector<std::string>{"Halvern Therapeutics@c.named", "Halvern@link.short_form", "Halvern@link.short_form"});
  CHECK(MentionsOf(doc, "Halvern").empty());
  CHECK(MentionsOf(doc, "Orvane") == std::vector<std::string>{"Orvane@c.shares_of"});
  // "general" is a word of the text: "General" alone is no company.
  CHECK(MentionsOf(doc, "General Motors") == std::vector<std::string>{"General Motors@c.named"});

  // Named first, the one-word company is its own; a person keeps a word.
  Document other = testing::Extract(rules,
                                    "Dudley Taft bought shares of Texaco. Texaco Canada and Taft Holding agreed; "
                                    "Texaco said Taft won.");
  CHECK(MentionsOf(other, "Texaco") == std::vector<std::string>{"Texaco@c.shares_of", "Texaco@link.short_form"});
  CHECK(MentionsOf(other, "Texaco Canada") == std::vector<std::string>{"Texaco Canada@c.named"});
  CHECK(MentionsOf(other, "Dudley Taft") == std::vector<std::string>{"Dudley Taft@c.person", "Taft@link.short_form"});

  // Two companies of one first word: the word alone is neither's.
  Document two = testing::Extract(rules, "Kestrel Motors and Kestrel Holding agreed; Kestrel said so.");
  CHECK(MentionsOf(two, "Kestrel Motors") == std::vector<std::string>{"Kestrel Motors@c.named"});
  CHECK(MentionsOf(two, "Kestrel Holding") == std::vector<std::string>{"Kestrel Holding@c.named"});
}

}  // namespace
}  // namespace lede
