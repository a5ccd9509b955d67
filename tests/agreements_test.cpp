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
id = "a.city"
type = "GPE"
pattern = '\bRome\b'
[[rule]]
id = "a.nationality"
type = "NORP"
pattern = '\bSudanese\b'
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
id = "a.bid"
type = "AGREEMENT"
subtype = "acquisition"
pattern = 'takeover bid'
args = { offer = "yes" }
[[rule]]
id = "a.stake"
type = "AGREEMENT"
subtype = "investment"
pattern = '\bstake\b'
[[rule]]
id = "a.loan"
type = "AGREEMENT"
subtype = "loan"
pattern = '\bloan\b'
[[rule]]
id = "a.contract"
type = "AGREEMENT"
subtype = "contract"
pattern = '\bcontract\b'
[[rule]]
id = "a.treaty"
type = "AGREEMENT"
subtype = "treaty"
pattern = '(?i:treaty)'
[[rule]]
id = "a.ceasefire"
type = "AGREEMENT"
subtype = "ceasefire"
pattern = '\bceasefire\b'
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
id = "a.launched"
type = "AGREEMENT_STATUS"
subtype = "reached"
pattern = '\blaunched\b'
args = { offer = "proposed" }
[[rule]]
id = "a.agreed"
type = "AGREEMENT_STATUS"
subtype = "reached"
pattern = '\bagreed\b'
[[rule]]
id = "a.denied"
type = "AGREEMENT_STATUS"
subtype = "denied"
pattern = '\bdenied\b'
[[rule]]
id = "a.expired"
type = "AGREEMENT_STATUS"
subtype = "expired"
pattern = '\bexpired\b'
[[rule]]
id = "a.rejected"
type = "AGREEMENT_STATUS"
subtype = "rejected"
pattern = '\brejected\b'
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
pattern = '\bto continue\b|\breplaces\b'
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
        Strings{"patent_license reached [Huawei, Nokia]", "patent_license extended [Huawei, Nokia] duration=P5Y"});
}

TEST_CASE("agreements: offers, denials, and the verb after a relative clause") {
  // An offer launched is only proposed; the name after "for" is its target.
  CHECK(Agreements("Apple launched a takeover bid for Nokia.") ==
        Strings{"acquisition proposed [Apple, Nokia] acquirer=Apple target=Nokia"});
  CHECK(Agreements("Apple denied on Friday that it had reached a deal with Nokia.") ==
        Strings{"other denied [Apple, Nokia] negated"});
  CHECK(Agreements("The deal that Apple signed with Nokia in 2021 expired.") ==
        Strings{"other expired [Apple, Nokia] date=2021"});
  // A status word after the trigger, but in another clause, is not its.
  CHECK(Agreements("Huawei made a loan to Japan, and Nokia extended its plans.").empty());
}

TEST_CASE("agreements: a generic deal after another refers back to it") {
  // "the deal" is the same one again.
  CHECK(Agreements("Huawei and Nokia extended a patent licensing agreement after the deal was reached.") ==
        Strings{"patent_license extended [Huawei, Nokia]"});
  // Another one of its kind, whose parties "their" or "the two companies" are.
  CHECK(Agreements("Apple signed a patent licensing agreement with Nokia, extending their existing deal.") ==
        Strings{"patent_license signed [Apple, Nokia]", "patent_license extended [Apple, Nokia]"});
  CHECK(Agreements("Apple signed a patent licensing agreement with Nokia that replaces the deal the two companies "
                   "reached in 2021.") ==
        Strings{"patent_license signed [Apple, Nokia] date=2021 continues", "patent_license reached [Apple, Nokia] date=2021"});
  // One listed after a count shares its status and subject.
  CHECK(Agreements("Huawei has signed 20 patent licensing agreements, including a new deal with Nokia.") ==
        Strings{"patent_license signed [Huawei] count=20", "patent_license signed [Huawei, Nokia]"});
}

TEST_CASE("agreements: a deal named as known, without parties, is the last one told") {
  // In the sentence, whatever its kind.
  CHECK(Agreements("Apple agreed to buy Nokia after the FTC blocked the planned takeover.") ==
        Strings{"acquisition reached [Apple, Nokia] acquirer=Apple target=Nokia",
                "acquisition blocked [Apple, Nokia] acquirer=Apple target=Nokia"});
  // In a sentence before, of its kind, or where the parties are named together.
  CHECK(Agreements("Huawei signed a contract with Nokia. The contract expired in 2021.") ==
        Strings{"contract signed [Huawei, Nokia]", "contract expired [Huawei, Nokia] date=2021"});
  CHECK(Agreements("Huawei signed a contract with Nokia. The two companies signed the deal in 2021.") ==
        Strings{"contract signed [Huawei, Nokia]", "contract signed [Huawei, Nokia] date=2021"});
  CHECK(Agreements("Huawei signed a contract with Nokia. Shares rose after the deal was signed.") ==
        Strings{"contract signed [Huawei, Nokia]", "other signed []"});
}

TEST_CASE("agreements: who is a party, and what the kind and status become") {
  // A stake right after a verb that buys it: one investment.
  CHECK(Agreements("Apple agreed to buy a 10% stake in Nokia.") ==
        Strings{"investment reached [Apple, Nokia] investor=Apple target=Nokia"});
  // A parent that only says whose the party is; a board that acts for its company.
  CHECK(Agreements("Apple signed a deal with Nokia's chip unit Rapidus.") == Strings{"other signed [Apple, Rapidus]"});
  CHECK(Agreements("Nokia's board rejected a deal with Apple.") == Strings{"other rejected [Nokia, Apple]"});
  // A group is no party; its named members are.
  CHECK(Agreements("Huawei signed a loan with a group of eight banks, including Apple and Nokia.") ==
        Strings{"loan signed [Huawei, Apple, Nokia]"});
  // A state body named by a nationality stands for it.
  CHECK(Agreements("The Sudanese army and Nokia agreed to a ceasefire.") == Strings{"ceasefire reached [Sudanese, Nokia]"});
  // A loan extended to someone is granted; a business sold goes to a buyer.
  CHECK(Agreements("Apple extended a loan to Japan.") == Strings{"loan reached [Apple, Japan]"});
  CHECK(Agreements("Huawei reached a deal to sell its Japan business to Nokia.") ==
        Strings{"acquisition reached [Huawei, Nokia] acquirer=Nokia target=Huawei"});
  // A contract to supply is a supply deal; a treaty's name is no party.
  CHECK(Agreements("Huawei signed a contract with Nokia on Friday to supply chips.") == Strings{"supply signed [Huawei, Nokia]"});
  CHECK(Agreements("The Treaty of Rome was signed in 2021.") == Strings{"treaty signed [] date=2021"});
  // Past a comma, no borrower.
  CHECK(Agreements("Huawei signed a loan to meet its targets, Nokia said.") == Strings{"loan signed [Huawei]"});
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
