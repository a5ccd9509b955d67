#include "numbers.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace lede {
namespace {

std::string Number(std::string_view text) {
  Decimal d;
  return ParseNumber(text, &d) ? d.ToString() : "-";
}

std::string Ordinal(std::string_view text) {
  Decimal d;
  return ParseOrdinalNumber(text, &d) ? d.ToString() : "-";
}

TEST_CASE("numbers: exact decimal arithmetic") {
  Decimal a, b, q;
  REQUIRE(Decimal::Parse("1.2", &a));
  REQUIRE(Decimal::Parse("1000000000", &b));
  CHECK((a * b).ToString() == "1200000000");
  CHECK((a + b).ToString() == "1000000001.2");
  CHECK(Decimal::Integer(1).DividedBy(Decimal::Integer(8), &q));
  CHECK(q.ToString() == "0.125");
  CHECK(Decimal::Integer(2).DividedBy(Decimal::Integer(3), &q));
  CHECK(q.ToString() == "0.666666666666667");
  CHECK_FALSE(Decimal::Integer(1).DividedBy(Decimal(), &q));
  REQUIRE(Decimal::Parse("-0.050", &a));
  CHECK(a.ToString() == "-0.05");
  CHECK_FALSE(Decimal::Parse("1.2.3", &a));
  CHECK_FALSE(Decimal::Parse("", &a));
  CHECK_FALSE(Decimal::Parse("-", &a));
}

TEST_CASE("numbers: digits with separators, signs and suffixes") {
  const std::pair<std::string, std::string> cases[] = {
      {"192", "192"},           {"1,234,567", "1234567"},   {"1,674,200.5", "1674200.5"}, {"4.800", "4.8"},
      {".25", "0.25"},          {"-9.2321312", "-9.2321312"}, {"- 10  k", "-10000"},     {"10k", "10000"},
      {"100k", "100000"},       {"10M", "10000000"},        {"1MM", "1000000"},           {"2mil", "2000000"},
      {"1.2b", "1200000000"},   {"2bn", "2000000000"},      {"10 bln", "10000000000"},    {"10 tln", "10000000000000"},
      {"1,674.5 G", "1674500000000"}, {"2.33 k", "2330"},   {"1 234 567", "1234567"},     {"12,34,567.89", "1234567.89"},
      {"1.111,11", "1111.11"},  {"5,00", "5"},              {"1,3", "1.3"},               {"1e10", "10000000000"},
      {"1.3e6", "1300000"},     {"1.3x10^6", "1300000"},    {"6.23x10^-4", "0.000623"},   {"-12e-1", "-1.2"},
      {"1.2 million", "1200000"}, {"1,674.5 million", "1674500000"}, {"13 lakh", "1300000"}, {"1 crore", "10000000"},
      {"10 crore", "100000000"},
  };
  for (const auto& [text, value] : cases) {
    CAPTURE(text);
    CHECK(Number(text) == value);
  }
}

TEST_CASE("numbers: words") {
  const std::pair<std::string, std::string> cases[] = {
      {"three", "3"},
      {"twenty-five", "25"},
      {"fifty - two", "52"},
      {"one hundred and six", "106"},
      {"Three hundred  and  thirty one", "331"},
      {"two hundred and two thousand", "202000"},
      {"two  thousand  and  two hundred", "2200"},
      {"twenty-one trillion and three hundred", "21000000000300"},
      {"a hundred", "100"},
      {"hundred thousand", "100000"},
      {"two dozen", "24"},
      {"half a dozen", "6"},
      {"three hundred and two dozens", "324"},
      {"4 thousand 3 hundred and 21", "4321"},
      {"322 hundred", "32200"},
      {"2.12 hundred", "212"},
      {"two hundred point zero three", "200.03"},
      {"two hundred point seventy-one", "200.71"},
      {"nine point nought four", "9.04"},
      {"minus five point five", "-5.5"},
      {"negative one", "-1"},
      {"zero", "0"},
      {"three lakh crore", "3000000000000"},
      {"6 crore and two hundred", "60000200"},
  };
  for (const auto& [text, value] : cases) {
    CAPTURE(text);
    CHECK(Number(text) == value);
  }
}

TEST_CASE("numbers: fractions") {
  const std::pair<std::string, std::string> cases[] = {
      {"two thirds", "0.666666666666667"},
      {"five eighths", "0.625"},
      {"a half", "0.5"},
      {"three quarters", "0.75"},
      {"one and a half", "1.5"},
      {"five and a half million", "5500000"},
      {"one million and a half", "1500000"},
      {"3 million and a quarter", "3250000"},
      {"five billion and three quarters", "5750000000"},
      {"half million", "500000"},
      {"quarter million", "250000"},
      {"twenty and three fifths", "20.6"},
      {"one hundred and three quarters", "100.75"},
      {"3/4", "0.75"},
      {"2 1/4", "2.25"},
      {"-4/5", "-0.8"},
      {"one over three", "0.333333333333333"},
      {"1 over 3", "0.333333333333333"},
      {"one out of three", "0.333333333333333"},
      {"\xC2\xBD", "0.5"},
      {"\xE2\x85\x94", "0.666666666666667"},
      {"two out of three", "0.666666666666667"},
      {"one in five", "0.2"},
      {"negative one over 20", "-0.05"},
      // A ten joins the unit ordinal after it, unless it leads or follows "and".
      {"a twenty-first", "0.0476190476190476"},
      {"one twenty-fifth", "0.04"},
      {"three twenty firsts", "0.142857142857143"},
      {"twenty twenty fifths", "0.8"},
      {"one hundred thirty fifths", "2.85714285714286"},
      {"one hundred and thirty fifths", "26"},
      {"one hundred and thirty-two fifths", "26.4"},
      {"two hundred and fifty-four hundredths", "200.54"},
      {"thirty fifths", "6"},
      {"twenty-three fifths", "4.6"},
      {"ninety - five hundred-fifths", "1900"},
      // After "million and" a fraction is of millions; before a smaller scale, of that one.
      {"six million and two thirds", "6666666.666666667"},
      {"two million and three fifths", "2600000"},
      {"one billion and a half million", "1000500000"},
      {"one billion and three quarters million", "1000750000"},
      {"two thirds of a million", "666666.666666667"},
      // One over an ordinal of several words; a whole number and a fraction as stock prices are quoted.
      {"one one hundred fifth", "0.00952380952380952"},
      {"one one hundred and fifth", "0.00952380952380952"},
      {"11-1/2", "11.5"},
  };
  for (const auto& [text, value] : cases) {
    CAPTURE(text);
    CHECK(Number(text) == value);
  }
}

TEST_CASE("numbers: what is not a number") {
  for (std::string text : {"", "a", "an", "the", "one two three four apple", "192.168.1.2", "hundreds of",
                           "three-nought-four", "two three", "twenty twenty", "one one hundred",
                           "3 hundred and 2 hundred",
                           // A share is at most the whole; a fraction in digits is between nothing and one.
                           "12 out of 10", "five out of three", "1986/87", "24/7", "0/92"}) {
    CAPTURE(text);
    CHECK(Number(text) == "-");
  }
}

TEST_CASE("numbers: ordinals") {
  const std::pair<std::string, std::string> cases[] = {
      {"first", "1"},          {"2nd", "2"},         {"21st", "21"},         {"103rd", "103"},
      {"twelfth", "12"},       {"twentieth", "20"},  {"twenty-first", "21"}, {"one hundred twenty-fifth", "125"},
      {"trillionth", "1000000000000"}, {"third", "3"},
      {"two hundredth", "200"}, {"three trillionth", "3000000000000"}, {"a hundred trillionth", "100000000000000"},
      {"one hundred twenty fifth", "125"}, {"twenty-one trillion and three hundred twenty second", "21000000000322"},
  };
  for (const auto& [text, value] : cases) {
    CAPTURE(text);
    CHECK(Ordinal(text) == value);
  }
  CHECK(Ordinal("21th2") == "-");
  CHECK(Ordinal("apple") == "-");
}

// The numeric mentions the built-in packs find in `text`, as "TYPE
// text=value".
std::vector<std::string> Numeric(const std::string& text) {
  ExtractOptions options;
  options.types = {"CARDINAL", "ORDINAL", "PERCENT", "MONEY"};
  return testing::Found(testing::Extract(testing::BuiltinRules(), text, "", options));
}

TEST_CASE("numbers: spans and values through the built-in packs") {
  using Strings = std::vector<std::string>;
  const std::pair<std::string, Strings> cases[] = {
      {"Two out of three voters and one in five adults backed it, one over three.",
       {"CARDINAL Two out of three=0.666666666666667", "CARDINAL one in five=0.2",
        "CARDINAL one over three=0.333333333333333"}},
      {"It was one twenty-fifth, then six million and two thirds, then two thirds of a million.",
       {"CARDINAL one twenty-fifth=0.04", "CARDINAL six million and two thirds=6666666.666666667",
        "CARDINAL two thirds of a million=666666.666666667"}},
      {"The two hundredth anniversary; I like the first one.", {"ORDINAL two hundredth=200", "ORDINAL first=1"}},
      {"4 thousand 3 hundred and 21 people", {"CARDINAL 4 thousand 3 hundred and 21=4321"}},
      {"40 000 workers", {"CARDINAL 40 000=40000"}},
      {"More than half the staff, and 2\xC2\xBD times \xC2\xBE of it.",
       {"CARDINAL More than half=0.5", "CARDINAL 2\xC2\xBD=2.5", "CARDINAL \xC2\xBE=0.75"}},
      {"C$300 million, Mex$10 million, AUD$ 15 and 75 USD million.",
       {"MONEY C$300 million=300000000", "MONEY Mex$10 million=10000000", "MONEY AUD$ 15=15",
        "MONEY 75 USD million=75000000"}},
      {"It costs a quarter million us dollars; it cost 15 dollars 50.",
       {"MONEY a quarter million us dollars=250000", "MONEY 15 dollars 50=15.5"}},
      {"10,000 bitcoins", {"MONEY 10,000 bitcoins=10000"}},
      {"It rose 11-1/2 to 29-3/8, or 2-1/2 percentage points, at 7-1/8 pct.",
       {"CARDINAL 11-1/2=11.5", "CARDINAL 29-3/8=29.375", "PERCENT 2-1/2 percentage points=2.5",
        "PERCENT 7-1/8 pct=7.125"}},
      {"between 4.85 and 5.65 pct", {"PERCENT between 4.85 and 5.65 pct=4.85"}},
      {"Shr one ct vs 2 H.K. cents", {"MONEY one ct=0.01", "MONEY 2 H.K. cents=0.02"}},
      // "a third" is an ordinal before a noun, a fraction before "of" or a verb.
      {"He won a third term; a third of staff left and a third voted no.",
       {"ORDINAL third=3", "CARDINAL a third=0.333333333333333", "CARDINAL a third=0.333333333333333"}},
      {"Prices rose 2.5pc; 10 PCs were sold.", {"PERCENT 2.5pc=2.5", "CARDINAL 10=10"}},
      {"Bills worth 3,196 billion lire and 20 mln schillings.",
       {"MONEY 3,196 billion lire=3196000000000", "MONEY 20 mln schillings=20000000"}},
      {"Shares rose 49p to 432.7p; Rs 1.5 lakh crore and 100m dollars.",
       {"MONEY 49p=0.49", "MONEY 432.7p=4.327", "MONEY Rs 1.5 lakh crore=1500000000000",
        "MONEY 100m dollars=100000000"}},
      {"It cut rates by a quarter-point, then half a point, then a quarter of a percentage point.",
       {"PERCENT a quarter-point=0.25", "PERCENT half a point=0.5", "PERCENT a quarter of a percentage point=0.25"}},
      {"the penultimate round, third from last, the last but one and the Nineth Meeting",
       {"ORDINAL penultimate=2", "ORDINAL third from last=3", "ORDINAL last but one=2", "ORDINAL Nineth=9"}},
  };
  for (const auto& [text, found] : cases) {
    CAPTURE(text);
    CHECK(Numeric(text) == found);
  }
}

TEST_CASE("numbers: what the new forms leave alone") {
  using Strings = std::vector<std::string>;
  const std::pair<std::string, Strings> cases[] = {
      {"12 in 3 raids", {"CARDINAL 12=12", "CARDINAL 3=3"}},             // "in" is a ratio after "one" only
      {"up 20 over 3 years", {"CARDINAL 20=20"}},                      // "over" before a noun is no ratio
      {"3 million and 21 were hurt", {"CARDINAL 3 million=3000000", "CARDINAL 21=21"}},
      {"orders for 47 767-300s", {"CARDINAL 47=47", "CARDINAL 767=767"}},  // no thousands before a hyphen
      // Number words in a row are numbers each; "and" joins only after a scale word.
      {"They were playing three-nought-four.", {"CARDINAL three=3", "CARDINAL nought=0", "CARDINAL four=4"}},
      {"between three and six firms", {"CARDINAL three=3", "CARDINAL six=6"}},
      {"it paid 5 and 6 dlrs", {"CARDINAL 5=5", "MONEY 6 dlrs=6"}},  // "and" makes a range after "between" only
      // A range refused for its bottom leaves its top.
      {"from 500,000 to 1 mln dlrs", {"CARDINAL 500,000=500000", "MONEY 1 mln dlrs=1000000"}},
      {"MAY7 2165B 2170A 2166, 10M", {"CARDINAL 2166=2166", "CARDINAL 10M=10000000"}},  // bid and offer
      {"the 9/11 attacks, the 1/6 committee, the S&P 500 and a Fortune 500 firm", {}},
      // A glued "m" is a million before a plural or "people"; metres elsewhere.
      {"3.2m people saw the 100m final in 1080p", {"CARDINAL 3.2m=3200000"}},
      {"the 100m was run by 1.8m tall men, 300m of whom", {"CARDINAL 300m=300000000"}},
      {"she won the 400m hurdles", {}},
      {"a two-for-one split", {"CARDINAL two=2", "CARDINAL one=1"}},  // a hyphen after a word is no minus
      {"there are 12 out of 10", {"CARDINAL 12=12", "CARDINAL 10=10"}},
      {"3 hundred and 2 hundred", {"CARDINAL 3 hundred=300", "CARDINAL 2 hundred=200"}},
      {"4 thousand 3 hundred and 0", {"CARDINAL 4 thousand 3 hundred=4300", "CARDINAL 0=0"}},
      {"Exercises 22,24,26,31.", {"CARDINAL 22=22", "CARDINAL 24=24", "CARDINAL 26=26", "CARDINAL 31=31"}},
      {"the 1986/87 season, open 24/7", {}},
      {"fell from 10 to 5 percent", {"CARDINAL 10=10", "PERCENT 5 percent=5"}},  // a range runs upward
      {"paid 5 dollars 20 times", {"MONEY 5 dollars=5", "CARDINAL 20=20"}},  // bare cents end a phrase
      {"in the first half of the year", {}},  // "half" needs a modifier (and this one is a date)
  };
  for (const auto& [text, found] : cases) {
    CAPTURE(text);
    CHECK(Numeric(text) == found);
  }
}

}  // namespace
}  // namespace lede
