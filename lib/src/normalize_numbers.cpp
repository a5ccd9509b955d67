// Numeric normalizers: exact values for CARDINAL, ORDINAL, PERCENT, MONEY
// and QUANTITY, with the currency and unit looked up in the rule's table.
//
// Captures: num (the number, in digits or words), num_max (the top of a
// range), num_min (the bottom of a "between" range, whose top is num),
// scale ("billion", "m", "bn" after the number), scale_min (after
// num_min), mod ("more than"), currency, minor ("cents", "pence"), unit,
// rate ("a day"), per ("a share"); args may fix currency ("CNY") or
// subtype.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "normalizers.h"
#include "numbers.h"
#include "rules_impl.h"

namespace lede {
namespace {

// The number in `group` (`num`: else the whole match) times `scale`
// ("1.5", "billion").
bool Amount(const MatchView& match, std::string_view group, std::string_view scale, Decimal* value) {
  std::string text(match.Capture(group));
  if (text.empty() && group == "num") text = match.text();
  if (!scale.empty()) text.append(" ").append(scale);
  return ParseNumber(text, value);
}

// Whether "up to" before a number is a verb's particle, not a limit:
// "inflation picked up to 3.3%", "unemployment edged up to 4.2%", "shares
// rose up to 5%"; not "cut up to 500 jobs".
bool RiseUpTo(const MatchView& match) {
  std::string_view before = match.Before();
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  const size_t space = before.find_last_of(' ');
  const std::string_view verb = space == std::string_view::npos ? before : before.substr(space + 1);
  static constexpr std::string_view kVerbs[] = {"rose", "rise", "rises", "rising", "went", "goes", "go", "shot",
                                                "crept", "creeps", "moves", "ticks", "edges", "inches", "picks",
                                                "climbs", "jumps"};
  return (verb.size() > 3 && verb.ends_with("ed")) ||
         std::find(std::begin(kVerbs), std::end(kVerbs), verb) != std::end(kVerbs);
}

// Fills value, value_max and mod from num, num_max and mod; or from
// num_min and num, the ends of "between 85 and 89 dlrs".
bool Numbers(const MatchView& match, Attributes* out) {
  // A range says its scale once, after the top, for both ends ("1.5 to 2
  // billion", "between 1.5 and 1.6 mln tonnes"), or after each ("$300m-$400m",
  // "between 91 mln and 104 mln").
  const std::string_view scale = match.Capture("scale"), own_scale = match.Capture("scale_min");
  const std::string_view bottom_scale = own_scale.empty() ? scale : own_scale;
  Decimal value, top;
  bool range = !match.Capture("num_max").empty();
  if (match.Capture("num_min").empty()) {
    if (!Amount(match, "num", bottom_scale, &value) || (range && !Amount(match, "num_max", scale, &top))) return false;
    // A range runs upward: "fell from 10 to 5 percent" is no range, and in
    // "7-1/8 pct" the hyphen joins a whole number to a fraction.
    if (range && top.ToDouble() <= value.ToDouble()) return false;
  } else {
    if (range || !Amount(match, "num", scale, &top)) return false;  // "between 5 and 6-7"
    range = true;
    // The top's scale is not the bottom's where the bottom would then pass
    // the top: "between 500,000 and 1 mln".
    if (!Amount(match, "num_min", bottom_scale, &value) ||
        (own_scale.empty() && value.ToDouble() > top.ToDouble() && !Amount(match, "num_min", {}, &value))) {
      return false;
    }
    // "between" gives no order: "losses of between 2.20 and 1.80 dlrs".
    if (value.ToDouble() > top.ToDouble()) std::swap(value, top);
    if (value.ToDouble() == top.ToDouble()) return false;
  }
  out->value = Value::Number(value.ToString());
  if (range) out->value_max = Value::Number(top.ToString());
  const std::string_view mod = match.Capture("mod");
  if (!(mod == "up to" && RiseUpTo(match))) out->mod = ModifierOf(mod);
  return true;
}

}  // namespace

bool NormalizeCardinal(const MatchView& match, Attributes* out) { return Numbers(match, out); }

// "a third" ends a fraction before a word of the rule's lookup table ("a
// third of the staff", "a third more", "fell by a third last year") or
// before none; before any other word it is an ordinal ("a third term", "a
// fourth quarter loss"), and the refusal lets the ordinal rule read it.
// "three quarters" without "of" is left to the durations.
bool NormalizeFraction(const MatchView& match, Attributes* out) {
  const std::string_view article_ordinal = match.Capture("article_ordinal");
  const std::string_view text = match.text();
  if (!article_ordinal.empty() && article_ordinal.data() + article_ordinal.size() == text.data() + text.size()) {
    const std::string_view after = match.After();
    const size_t begin = after.find_first_not_of(" \t\r\n");
    if (begin != std::string_view::npos && std::isalpha(static_cast<unsigned char>(after[begin]))) {
      size_t end = begin;
      while (end < after.size() && std::isalpha(static_cast<unsigned char>(after[end]))) ++end;
      if (match.Lookup(after.substr(begin, end - begin), "name").empty()) return false;
    }
  }
  // Quarters counted are a span of time unless "of" follows ("three
  // quarters of the staff") or nothing does: "the first decline in three
  // quarters", "in the remaining three quarters, it said".
  if (text.ends_with(" quarters")) {
    const std::string_view after = match.After();
    const size_t next = after.find_first_not_of(" \t\r\n");
    const bool of = next != std::string_view::npos && after.substr(next).starts_with("of") &&
                    (after.size() == next + 2 || std::isspace(static_cast<unsigned char>(after[next + 2])));
    if (next != std::string_view::npos && !of) return false;
  }
  return Numbers(match, out);
}

bool NormalizeOrdinal(const MatchView& match, Attributes* out) {
  std::string_view text = match.Capture("num");
  if (text.empty()) text = match.text();
  Decimal value;
  if (!ParseOrdinalNumber(text, &value)) return false;
  out->value = Value::Number(value.ToString());
  return true;
}

// A place counted from the end: the ordinal in `num` ("third from last"),
// else the second ("penultimate") or the third ("antepenultimate") by the
// group that took part.
bool NormalizeOrdinalFromEnd(const MatchView& match, Attributes* out) {
  Decimal value;
  if (const std::string_view num = match.Capture("num"); !num.empty()) {
    if (!ParseOrdinalNumber(num, &value)) return false;
  } else if (!match.Capture("second").empty()) {
    value = Decimal::Integer(2);
  } else if (!match.Capture("third").empty()) {
    value = Decimal::Integer(3);
  } else {
    return false;
  }
  out->value = Value::Number(value.ToString());
  out->subtype = "from_end";
  return true;
}

bool NormalizePercent(const MatchView& match, Attributes* out) {
  if (!Numbers(match, out)) return false;
  if (!match.Capture("points").empty()) out->subtype = "points";
  return true;
}

// The currency is an ISO 4217 code from the rule's lookup table (symbols,
// codes and names: "$", "HK$", "euros", "yuan"), or fixed by the rule.
bool NormalizeMoney(const MatchView& match, Attributes* out) {
  if (!Numbers(match, out)) return false;
  const std::string_view currency = match.Capture("currency");
  std::string_view code = match.Lookup(currency, "code");
  if (code.empty()) code = match.Capture("code");  // a rule that decides the currency itself
  // Cents and pence: the amount is in hundredths of the currency named
  // before them ("50 euro cents"), else of the dollar or pound of the
  // country named ("64 Canadian cts"), else of "the dollar" or "the pound"
  // as the table has them (USD, GBP).
  if (const std::string_view minor = match.Capture("minor"); !minor.empty()) {
    for (Value* amount : {&out->value, &out->value_max}) {
      Decimal units, hundredths;
      if (amount->empty()) continue;
      if (!Decimal::Parse(amount->text, &units) || !units.DividedBy(Decimal::Integer(100), &hundredths)) return false;
      *amount = Value::Number(hundredths.ToString());
    }
    if (code.empty()) {
      const std::string_view major = minor.starts_with("p") || minor.starts_with("P") ? "pound" : "dollar";
      code = match.Lookup(currency.empty() ? std::string(major) : fmt::format("{} {}", currency, major), "code");
    }
  }
  // "thirteen dollars and forty-five cents": the cents add hundredths.
  if (const std::string_view cents_text = match.Capture("cents"); !cents_text.empty()) {
    Decimal amount, cents, hundredths;
    if (!Decimal::Parse(out->value.text, &amount) || !ParseNumber(cents_text, &cents) ||
        !cents.DividedBy(Decimal::Integer(100), &hundredths)) {
      return false;
    }
    out->value = Value::Number((amount + hundredths).ToString());
  }
  if (code.empty()) return false;
  out->currency = std::string(code);
  if (!match.Capture("per").empty()) out->subtype = "per_share";
  return true;
}

// The unit is the canonical name in the rule's lookup table ("tonnes" ->
// "t"), with "/d" and the like for a rate ("barrels a day" -> "bbl/d").
bool NormalizeQuantity(const MatchView& match, Attributes* out) {
  if (!Numbers(match, out)) return false;
  std::string_view unit = match.Lookup(match.Capture("unit"), "symbol");
  if (unit.empty()) return false;
  out->unit = std::string(unit);
  if (std::string_view rate = match.Capture("rate"); !rate.empty()) {
    static constexpr std::pair<std::string_view, std::string_view> kRates[] = {
        {"day", "/d"}, {"week", "/wk"}, {"month", "/mo"}, {"year", "/yr"}, {"hour", "/h"}};
    for (const auto& [word, suffix] : kRates) {
      if (rate.ends_with(word)) out->unit.append(suffix);
    }
  }
  const std::string_view dimension = match.Lookup(match.Capture("unit"), "dimension");
  if (!dimension.empty()) out->subtype = std::string(dimension);
  return true;
}

}  // namespace lede
