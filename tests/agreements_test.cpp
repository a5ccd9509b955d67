#include "agreements.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace lede {
namespace {

// A small world: a few names, numbers and dates, and the cues the stage
// reads, so that these tests follow the stage, not the built-in lists.
const char* kPack = R"([pack]
name = "a"
version = "1"
[[rule]]
id = "a.org"
type = "ORG"
gazetteer = "orgs.tsv"
normalize = "entry"
priority = 30
[[rule]]
id = "a.country"
type = "GPE"
gazetteer = "countries.tsv"
normalize = "entry"
priority = 30
[[rule]]
id = "a.count"
type = "CARDINAL"
pattern = '(?:(?P<mod>more than) )?\b(?P<num>\d+)\b'
normalize = "cardinal"
[[rule]]
id = "a.year"
type = "DATE"
pattern = '\b(?P<year>20\d\d)\b'
normalize = "date"
priority = 20
[[rule]]
id = "a.duration"
type = "DATE"
pattern = '\b(?P<count>five)-(?P<unit>year)(?:-old)?'
normalize = "duration"
[[rule]]
id = "a.patent"
type = "AGREEMENT"
subtype = "patent_license"
pattern = 'patent licensing agreements?'
[[rule]]
id = "a.deal"
type = "AGREEMENT"
subtype = "other"
pattern = '\b(?:deal|agreement)s?\b'
[[rule]]
id = "a.acquisition"
type = "AGREEMENT"
subtype = "acquisition"
pattern = 'acquisition|takeover(?: deal)?'
[[rule]]
id = "a.partner"
type = "ORG"
pattern = '\bdeal with (?P<mention>Z[a-z]+)'
[[rule]]
id = "a.agree_to_buy"
type = "AGREEMENT"
subtype = "acquisition"
pattern = 'agreed to buy'
args = { status = "reached" }
[[rule]]
id = "a.not_a_deal"
type = "AGREEMENT_NONE"
pattern = 'a great deal'
priority = 50
[[rule]]
id = "a.signed"
type = "AGREEMENT_STATUS"
subtype = "signed"
pattern = '\bsign(?:ed)?\b'
[[rule]]
id = "a.reached"
type = "AGREEMENT_STATUS"
subtype = "reached"
pattern = '\breached\b'
[[rule]]
id = "a.extended"
type = "AGREEMENT_STATUS"
subtype = "extended"
pattern = '\bextend(?:ed|ing)\b'
[[rule]]
id = "a.blocked"
type = "AGREEMENT_STATUS"
subtype = "blocked"
pattern = '\bblocked\b'
[[rule]]
id = "a.hedge"
type = "AGREEMENT_HEDGE"
pattern = '\breportedly\b'
[[rule]]
id = "a.expected"
type = "AGREEMENT_HEDGE"
pattern = 'expected to'
[[rule]]
id = "a.not"
type = "AGREEMENT_NEGATION"
pattern = "\\bnot\\b|n't"
[[rule]]
id = "a.continues"
type = "AGREEMENT_CONTINUES"
pattern = '\bto continue\b'
)";

const testing::Files kFiles = {
    {"a.toml", kPack},
    {"orgs.tsv", "name\tsubtype\nHuawei\tcompany\nNokia\tcompany\nApple\tcompany\nFTC\tgovernment\nRapidus\tcompany\n"},
    {"countries.tsv", "code\tname\nJP\tJapan\nAU\tAustralia\n"},
};

// "kind status [party, ...]" for each agreement, parties by canonical name.
std::vector<std::string> Agreements(const std::string& text) {
  static const auto rules = testing::RulesFrom(kFiles);
  const Document doc = testing::Extract(rules, text, "2022-11-28");
  std::vector<std::string> out;
  for (const Agreement& a : doc.agreements) {
    std::string s = a.kind + " " + a.status + " [";
    for (size_t i = 0; i < a.parties.size(); ++i) {
      for (const Entity& e : doc.entities) {
        if (e.id == a.parties[i]) s += (i > 0 ? ", " : "") + e.attributes.canonical;
      }
    }
    s += "]";
    for (const auto& [role, id] : a.roles) {
      for (const Entity& e : doc.entities) {
        if (e.id == id) s += " " + role + "=" + e.attributes.canonical;
      }
    }
    if (!a.count.empty()) s += " count=" + a.count;
    if (!a.counterparty_count.empty()) s += " with=" + a.counterparty_count;
    if (!a.duration.empty()) s += " duration=" + a.duration;
    for (const Entity& e : doc.entities) {
      if (!a.date.empty() && e.id == a.date) s += " date=" + e.attributes.value.text;
    }
    if (a.negated) s += " negated";
    if (a.hedged) s += " hedged";
    if (a.continues) s += " continues";
    out.push_back(s);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST_CASE("agreements: coordinated subjects, a status word, the kind of the trigger, a date") {
  CHECK(Agreements("Huawei and Nokia signed a patent licensing agreement in 2021.") ==
        Strings{"patent_license signed [Huawei, Nokia] date=2021"});
  CHECK(Agreements("Huawei signed a deal with Nokia.") == Strings{"other signed [Huawei, Nokia]"});
  CHECK(Agreements("A deal between Japan and Australia was signed.") == Strings{"other signed [Japan, Australia]"});
  CHECK(Agreements("The deal was signed by Japan and Australia.") == Strings{"other signed [Japan, Australia]"});
}

TEST_CASE("agreements: descriptions, a place that says where a party is from, prepositions") {
  CHECK(Agreements("Huawei and chipmaker Nokia signed a deal.") == Strings{"other signed [Huawei, Nokia]"});
  CHECK(Agreements("Apple and Japan's Rapidus signed a deal.") == Strings{"other signed [Apple, Rapidus]"});
  // A name after a preposition is no subject: only "with" makes Nokia a party.
  CHECK(Agreements("A year after talks with Nokia, Huawei signed a deal.") == Strings{"other signed [Huawei]"});
  CHECK(Agreements("Japan and Australia are expected to sign a deal.") ==
        Strings{"other signed [Japan, Australia] hedged"});
  CHECK(Agreements("The deal was signed on Friday by Japan's Rapidus.") == Strings{"other signed [Rapidus]"});
  // The first "to" names no one; the second does.
  CHECK(Agreements("Huawei signed a deal to supply chips for five years to Japan's Rapidus.") ==
        Strings{"supply signed [Huawei, Rapidus]"});
  // Not past a word that leads elsewhere: Japan is where, not with whom.
  CHECK(Agreements("Huawei signed a deal to supply chips to build a plant in Japan.") ==
        Strings{"supply signed [Huawei]"});
  // A description between the verb and its object.
  CHECK(Agreements("Apple agreed to buy Japan-based chipmaker Rapidus.") ==
        Strings{"acquisition reached [Apple, Rapidus] acquirer=Apple target=Rapidus"});
  // "from" names a party, not the object.
  CHECK(Agreements("Apple agreed to buy back shares from Nokia.") ==
        Strings{"acquisition reached [Apple, Nokia] acquirer=Apple"});
}

TEST_CASE("agreements: a status word serves coordinated triggers, not any later one") {
  CHECK(Agreements("Huawei signed a deal with Nokia and a patent licensing agreement with Apple.") ==
        Strings{"other signed [Huawei, Nokia]", "patent_license signed [Huawei, Apple]"});
  CHECK(Agreements("Huawei signed a patent licensing agreement covering deals in 2021.") ==
        Strings{"patent_license signed [Huawei] date=2021"});
}

TEST_CASE("agreements: counts, durations and a new deal extending an old one") {
  CHECK(Agreements("Huawei has signed more than 20 patent licensing agreements.") ==
        Strings{"patent_license signed [Huawei] count=20"});
  CHECK(Agreements("Huawei reached deals with 15 carmakers.") == Strings{"other reached [Huawei] with=15"});
  CHECK(Agreements("Huawei and Nokia reached a patent licensing agreement, extending a five-year-old deal.") ==
        Strings{"patent_license reached [Huawei, Nokia]", "other extended [Huawei, Nokia] duration=P5Y"});
}

TEST_CASE("agreements: acquisitions have roles; whoever blocks a deal is no party") {
  CHECK(Agreements("Apple agreed to buy Nokia.") == Strings{"acquisition reached [Apple, Nokia] acquirer=Apple target=Nokia"});
  CHECK(Agreements("The FTC blocked Apple's acquisition of Nokia.") ==
        Strings{"acquisition blocked [Apple, Nokia] acquirer=Apple target=Nokia"});
}

TEST_CASE("agreements: 'it' is the one company the sentence before named") {
  CHECK(Agreements("Huawei shares rose. It signed a deal with Nokia.") == Strings{"other signed [Huawei, Nokia]"});
  CHECK(Agreements("Huawei and Apple met. It signed a deal with Nokia.") == Strings{"other signed [Nokia]"});
}

TEST_CASE("agreements: hedges, negation, continuation, and no event without a status") {
  CHECK(Agreements("Huawei reportedly did not sign the deal with Nokia.") ==
        Strings{"other signed [Huawei, Nokia] negated hedged"});
  CHECK(Agreements("Huawei and Nokia reached an agreement to continue licensing.") ==
        Strings{"technology_license reached [Huawei, Nokia] continues"});
  CHECK(Agreements("The deal covers phones.").empty());
  CHECK(Agreements("Huawei signed a great deal of letters.").empty());
}

TEST_CASE("agreements: cues are not entities and do not hide them") {
  const Document doc = testing::Extract(testing::RulesFrom(kFiles), "Huawei signed 2 deals.", "2022-11-28");
  CHECK(testing::Found(doc) == Strings{"ORG Huawei", "CARDINAL 2=2"});
  // The cue "takeover deal" covers where the name's pattern starts ("deal
  // with"): the name is still found.
  const Document covered = testing::Extract(testing::RulesFrom(kFiles), "Apple signed a takeover deal with Zorg.", "2022-11-28");
  CHECK(testing::Found(covered) == Strings{"ORG Apple", "ORG Zorg"});
}

}  // namespace
}  // namespace lede
