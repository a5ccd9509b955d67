#include "numbers.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <optional>
#include <vector>

namespace lede {
namespace {

constexpr int kApproxDigits = 15;

Int128 Pow10(int n) {
  Int128 p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Words for 0..19 and the tens.
constexpr std::array<std::string_view, 20> kUnits = {
    "zero",    "one",     "two",       "three",    "four",     "five",    "six",
    "seven",   "eight",   "nine",      "ten",      "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen",  "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 8> kTens = {"twenty", "thirty",  "forty",  "fifty",
                                                   "sixty",  "seventy", "eighty", "ninety"};
// Ordinal words for 1..19, and the tens.
constexpr std::array<std::string_view, 20> kOrdinalUnits = {
    "zeroth",     "first",      "second",      "third",       "fourth",     "fifth",     "sixth",
    "seventh",    "eighth",     "ninth",       "tenth",       "eleventh",   "twelfth",   "thirteenth",
    "fourteenth", "fifteenth",  "sixteenth",   "seventeenth", "eighteenth", "nineteenth"};
constexpr std::array<std::string_view, 8> kOrdinalTens = {"twentieth", "thirtieth",  "fortieth",  "fiftieth",
                                                          "sixtieth",  "seventieth", "eightieth", "ninetieth"};

struct Scale {
  std::string_view word;
  int power;  // of ten
};
// Scale words and the suffixes news attaches to digits ("10k", "2bn").
constexpr Scale kScales[] = {
    {"thousand", 3}, {"k", 3},       {"million", 6}, {"mn", 6},      {"m", 6},    {"mm", 6},
    {"mil", 6},      {"mln", 6},     {"billion", 9}, {"bn", 9},      {"b", 9},    {"bln", 9},
    {"g", 9},        {"trillion", 12}, {"tn", 12},   {"tln", 12},    {"t", 12},   {"lakh", 5},
    {"lakhs", 5},    {"lac", 5},     {"crore", 7},   {"crores", 7},
};

std::optional<int> ScalePower(std::string_view word) {
  for (const Scale& s : kScales) {
    if (word == s.word) return s.power;
  }
  return std::nullopt;
}

template <size_t N>
int IndexOf(const std::array<std::string_view, N>& words, std::string_view word) {
  for (size_t i = 0; i < N; ++i) {
    if (words[i] == word) return static_cast<int>(i);
  }
  return -1;
}

// The value of a number word below 100, or -1.
int SmallNumber(std::string_view word) {
  if (word == "nought" || word == "naught" || word == "oh") return 0;
  if (int u = IndexOf(kUnits, word); u >= 0) return u;
  if (int t = IndexOf(kTens, word); t >= 0) return 20 + 10 * t;
  return -1;
}

// The denominator a fraction word names ("thirds" -> 3, "half" -> 2), 0 if
// none. Ordinals double as denominators ("fifths").
long long Denominator(std::string_view word) {
  if (word == "half" || word == "halves") return 2;
  if (word == "quarter" || word == "quarters") return 4;
  std::string_view w = word;
  if (w.ends_with("s")) w.remove_suffix(1);
  if (w == "first" || w == "second") return 0;  // never denominators in practice
  if (int u = IndexOf(kOrdinalUnits, w); u >= 3) return u;
  if (int t = IndexOf(kOrdinalTens, w); t >= 0) return 20 + 10 * t;
  if (w == "hundredth") return 100;
  if (w == "thousandth") return 1000;
  if (w == "millionth") return 1000000;
  if (w == "billionth") return 1000000000;
  if (w == "trillionth") return 1000000000000;
  return 0;
}

// The value of "first" to "ninth" (or "firsts" ...), else 0.
int UnitOrdinal(std::string_view word) {
  if (word.ends_with("s")) word.remove_suffix(1);
  const int u = IndexOf(kOrdinalUnits, word);
  return u <= 9 ? u : 0;
}

bool IsTen(int n) { return n >= 20 && n % 10 == 0; }

Decimal Pow10Decimal(int power) {
  Decimal d = Decimal::Integer(1);
  for (int i = 0; i < power; ++i) d = d * Decimal::Integer(10);
  return d;
}

// Splits into lower-case tokens: runs of letters, runs of digits with their
// separators, and single other characters; hyphens and white space split.
std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> tokens;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (std::isalpha(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
      tokens.push_back(ToLower(text.substr(i, j - i)));
      i = j;
    } else if (IsDigit(c) || (c == '.' && i + 1 < text.size() && IsDigit(text[i + 1]))) {
      size_t j = i;
      while (j < text.size() && (IsDigit(text[j]) || ((text[j] == ',' || text[j] == '.') && j + 1 < text.size() &&
                                                      IsDigit(text[j + 1])))) {
        ++j;
      }
      tokens.emplace_back(text.substr(i, j - i));
      i = j;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '-' || c == '\'') {
      ++i;
    } else if (static_cast<unsigned char>(c) >= 0x80) {  // one UTF-8 character, as "½"
      size_t j = i + 1;
      while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
      tokens.emplace_back(text.substr(i, j - i));
      i = j;
    } else {
      tokens.emplace_back(1, c);
      ++i;
    }
  }
  return tokens;
}

// Reads digits with separators: "1,234,567.5", "12,34,567" (Indian), "5,00"
// and "1,3" (decimal commas), ".25".
bool ParseDigits(std::string_view token, Decimal* out) {
  std::string digits;
  const size_t commas = static_cast<size_t>(std::count(token.begin(), token.end(), ','));
  const size_t points = static_cast<size_t>(std::count(token.begin(), token.end(), '.'));
  const size_t last_comma = token.rfind(',');
  const size_t last_point = token.rfind('.');
  // "1.111,11" and "1.234.567": points group thousands, a comma is the point.
  const bool european = (commas == 1 && points >= 1 && last_comma > last_point) || (points > 1 && commas == 0);
  const bool decimal_comma = (commas == 1 && points == 0 && token.size() - last_comma - 1 != 3) || european;
  const bool decimal_points = !european;
  if (points > 1 && commas == 0) {
    // Thousands groups have three digits each; "192.168.1.2" is no number.
    for (size_t at = token.find('.'); at != std::string_view::npos; at = token.find('.', at + 1)) {
      const size_t next = token.find('.', at + 1);
      if ((next == std::string_view::npos ? token.size() : next) - at - 1 != 3) return false;
    }
  }
  for (char c : token) {
    if (IsDigit(c)) {
      digits.push_back(c);
    } else if (c == ',') {
      if (decimal_comma || !decimal_points) digits.push_back('.');
    } else if (c == '.') {
      if (!decimal_points) continue;
      digits.push_back('.');
    }
  }
  return Decimal::Parse(digits, out);
}

// The running sum of a number said in words and digits.
class Accumulator {
 public:
  // Adds a number below a hundred, or digits ("3 hundred").
  void AddSmall(const Decimal& n) {
    small_ = small_ + n;
    any_ = true;
  }
  // False for a second "hundred" before a bigger scale word: "3 hundred
  // and 2 hundred" is two numbers, not one.
  bool Hundred() {
    if (hundreds_set_) return false;
    hundreds_ = (small_.IsZero() && !any_ ? Decimal::Integer(1) : small_) * Decimal::Integer(100);
    small_ = Decimal();
    hundreds_set_ = true;
    any_ = true;
    return true;
  }
  // "dozen" multiplies what came last: "three hundred and two dozens" is
  // 300 + 24.
  void Dozen() {
    if (small_.IsZero() && !hundreds_set_) small_ = Decimal::Integer(1);
    if (!small_.IsZero()) {
      small_ = small_ * Decimal::Integer(12);
    } else {
      hundreds_ = hundreds_ * Decimal::Integer(12);
    }
    any_ = true;
  }
  // A scale word: the part so far times the scale; right after another
  // scale ("lakh crore") it multiplies what that one made.
  void ScaleBy(int power) {
    const Decimal scale = Decimal::Integer(1) * Pow10Decimal(power);
    if (Part().IsZero() && last_scaled_.has_value()) {
      total_ = total_ + *last_scaled_ * scale + last_scaled_->Negated();
      last_scaled_ = *last_scaled_ * scale;
    } else {
      const Decimal part = Part().IsZero() ? Decimal::Integer(1) : Part();
      last_scaled_ = part * scale;
      total_ = total_ + *last_scaled_;
    }
    last_power_ = power;
    small_ = hundreds_ = Decimal();
    hundreds_set_ = false;
    any_ = true;
  }
  int last_power() const { return last_power_; }
  // A fraction "and a half" right after a scale word is of that scale: "one
  // million and a half" is 1,500,000.
  void AddFraction(const Decimal& fraction, bool after_scale) {
    if (after_scale && last_power_ > 0) {
      total_ = total_ + fraction * Pow10Decimal(last_power_);
    } else {
      small_ = small_ + fraction;
    }
    any_ = true;
  }
  Decimal Part() const { return hundreds_ + small_; }
  Decimal Value() const { return total_ + Part(); }
  bool any() const { return any_; }

 private:
  Decimal total_, hundreds_, small_;
  std::optional<Decimal> last_scaled_;
  int last_power_ = 0;
  bool hundreds_set_ = false;
  bool any_ = false;
};

// A fraction character: "½" -> 1/2.
bool VulgarFraction(std::string_view text, Decimal* out) {
  static constexpr std::pair<std::string_view, std::pair<int, int>> kFractions[] = {
      {"\xC2\xBD", {1, 2}},     {"\xE2\x85\x93", {1, 3}}, {"\xE2\x85\x94", {2, 3}}, {"\xC2\xBC", {1, 4}},
      {"\xC2\xBE", {3, 4}},     {"\xE2\x85\x95", {1, 5}}, {"\xE2\x85\x99", {1, 6}}, {"\xE2\x85\x9B", {1, 8}},
      {"\xE2\x85\x9C", {3, 8}}, {"\xE2\x85\x9D", {5, 8}}, {"\xE2\x85\x9E", {7, 8}},
  };
  for (const auto& [glyph, fraction] : kFractions) {
    if (text == glyph) {
      return Decimal::Integer(fraction.first).DividedBy(Decimal::Integer(fraction.second), out);
    }
  }
  return false;
}

// Numbers written in scientific notation: "1.3e6", "1.3x10^6", "1.1^23".
bool ParseScientific(std::string_view text, Decimal* out) {
  std::string s = ToLower(text);
  std::erase(s, ' ');
  size_t at = s.find("x10^");
  size_t skip = 4;
  bool power = false;
  if (at == std::string::npos) {
    at = s.find('e');
    skip = 1;
  }
  if (at == std::string::npos) {
    at = s.find('^');
    skip = 1;
    power = true;
  }
  if (at == std::string::npos || at == 0) return false;
  Decimal base;
  if (!Decimal::Parse(s.substr(0, at), &base)) return false;
  std::string exponent = s.substr(at + skip);
  while (exponent.size() > 1 && (exponent[0] == '+' || (exponent[0] == '-' && exponent[1] == '-'))) {
    exponent.erase(0, exponent[0] == '+' ? 1 : 2);  // "^--23": a double minus is a plus
  }
  Decimal e;
  if (!Decimal::Parse(exponent, &e) || !e.IsInteger()) return false;
  const long double value = power ? std::pow(base.ToDouble(), e.ToDouble()) : base.ToDouble() * std::pow(10.0L, e.ToDouble());
  if (!std::isfinite(value)) return false;
  return Decimal::Parse(fmt::format("{:.{}g}", static_cast<double>(value), kApproxDigits), out) ||
         Decimal::Parse(fmt::format("{:.0f}", static_cast<double>(value)), out);
}

bool ParseTokens(const std::vector<std::string>& tokens, Decimal* value);

// A ten right before a unit ordinal makes one denominator with it: "three
// twenty-firsts" is 3/21, "one hundred thirty fifths" 100/35. First in the
// number or after "and" the ten is counted instead ("thirty fifths" is 30/5,
// "one hundred and thirty fifths" 130/5).
bool JoinsDenominator(const std::vector<std::string>& tokens, size_t ten) {
  return ten >= 1 && ten + 1 < tokens.size() && tokens[ten - 1] != "and" && IsTen(SmallNumber(tokens[ten])) &&
         UnitOrdinal(tokens[ten + 1]) > 0;
}

// A fraction before a scale smaller than the last one said is of that
// scale alone: "one billion and a half million" is 1,000,500,000.
std::optional<int> SmallerScale(const Accumulator& sum, const std::vector<std::string>& tokens, size_t at) {
  if (at >= tokens.size()) return std::nullopt;
  const std::optional<int> power = ScalePower(tokens[at]);
  if (power && *power < sum.last_power()) return power;
  return std::nullopt;
}

// An ordinal in words: the last word the ordinal, the words before it a
// cardinal ("one hundred and fifth" is 105, "three trillionth" 3 x 10^12).
bool ParseOrdinalTokens(std::vector<std::string> tokens, Decimal* value) {
  if (tokens.empty()) return false;
  std::string last = tokens.back();
  if (last == "nineth") last = "ninth";  // a common misspelling
  tokens.pop_back();
  Decimal ordinal;
  if (int u = IndexOf(kOrdinalUnits, last); u >= 1) {
    ordinal = Decimal::Integer(u);
  } else if (int t = IndexOf(kOrdinalTens, last); t >= 0) {
    ordinal = Decimal::Integer(20 + 10 * t);
  } else if (last == "hundredth" || last == "thousandth" || last == "millionth" || last == "billionth" ||
             last == "trillionth") {
    tokens.push_back(last.substr(0, last.size() - 2));  // "trillionth" -> "... trillion"
    return ParseTokens(tokens, value);
  } else {
    return false;
  }
  if (tokens.empty()) {
    *value = ordinal;
    return true;
  }
  Decimal before;
  if (!ParseTokens(tokens, &before)) return false;
  *value = before + ordinal;
  return true;
}

// "one one hundred fifth": one over an ordinal of several words, 1/105.
bool ParseOneOverOrdinal(const std::vector<std::string>& tokens, Decimal* value) {
  if (tokens.size() < 3 || (tokens[0] != "one" && tokens[0] != "a" && tokens[0] != "an") ||
      SmallNumber(tokens[1]) < 0) {
    return false;
  }
  Decimal ordinal;
  return ParseOrdinalTokens(std::vector<std::string>(tokens.begin() + 1, tokens.end()), &ordinal) &&
         Decimal::Integer(1).DividedBy(ordinal, value);
}

// "a over b", "a out of b", "a in b", "a/b", "a b/c".
bool ParseRatio(const std::vector<std::string>& tokens, Decimal* value) {
  for (size_t i = 1; i + 1 < tokens.size(); ++i) {
    size_t width = tokens[i] == "over" || tokens[i] == "/" || tokens[i] == "in" ? 1
                   : tokens[i] == "out" && tokens[i + 1] == "of" ? 2
                                                                  : 0;
    if (width == 0) continue;
    std::vector<std::string> left(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(i));
    std::vector<std::string> right(tokens.begin() + static_cast<std::ptrdiff_t>(i + width), tokens.end());
    // "7-1/2 mln": a scale after a fraction in digits is of all of it.
    int power = 0;
    if (const std::optional<int> scale = right.size() == 2 ? ScalePower(right[1]) : std::nullopt;
        tokens[i] == "/" && scale) {
      power = *scale;
      right.pop_back();
    }
    Decimal whole;
    // "2 1/4": a whole number before the numerator.
    if (tokens[i] == "/" && left.size() == 2 && IsDigit(left[0][0]) && IsDigit(left[1][0])) {
      if (!ParseDigits(left[0], &whole)) return false;
      left.erase(left.begin());
    }
    Decimal numerator, denominator, quotient;
    if (!ParseTokens(left, &numerator) || !ParseTokens(right, &denominator) ||
        !numerator.DividedBy(denominator, &quotient)) {
      return false;
    }
    // A share is at most the whole ("12 out of 10" are two numbers), and a
    // fraction in digits is less than one and more than nothing: "1986/87"
    // is a season, "24/7" all the time.
    const long double share = quotient.ToDouble();
    if ((width == 2 && share > 1) || (tokens[i] == "/" && (share >= 1 || share <= 0))) return false;
    *value = (whole + quotient) * Pow10Decimal(power);
    return true;
  }
  return false;
}

bool ParseTokens(const std::vector<std::string>& tokens, Decimal* value) {
  if (tokens.empty()) return false;
  if (tokens.size() == 1) {
    if (IsDigit(tokens[0][0]) || tokens[0][0] == '.') return ParseDigits(tokens[0], value);
    if (VulgarFraction(tokens[0], value)) return true;
  }
  if (ParseRatio(tokens, value) || ParseOneOverOrdinal(tokens, value)) return true;

  Accumulator sum;
  bool after_scale = false;  // the previous word was a scale word (or "and" after one)
  std::optional<Decimal> before_and;  // the value when the last "and" came
  int and_power = 0;  // the power of the scale word right before that "and"
  bool and_after_hundred = false;  // "hundred and"
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    const std::string_view next = i + 1 < tokens.size() ? std::string_view(tokens[i + 1]) : "";
    if (t == "and") {
      before_and = sum.Value();
      and_after_hundred = i > 0 && tokens[i - 1].starts_with("hundred");
      and_power = after_scale ? sum.last_power() : 0;
      continue;
    }
    if (t == "of") continue;  // "two thirds of a million"
    // A denominator divides what was said since the last "and" (else all of
    // it): "twenty-three fifths" is 23/5, "twenty and three fifths" 20 3/5.
    // After "million and" it is of millions: "six million and two thirds".
    // After "hundred and" the fraction a mixed number ends in is proper:
    // "two hundred and fifty-four hundredths" is 200.54, "one hundred and
    // thirty fifths" 130/5.
    const int ten = i >= 1 && JoinsDenominator(tokens, i - 1) ? SmallNumber(tokens[i - 1]) : 0;
    if (const long long d = ten > 0 ? ten + UnitOrdinal(t) : Denominator(t);
        d > 0 && sum.any() && t != "half" && t != "quarter" && t != "halves") {
      Decimal base = before_and.value_or(Decimal());
      Decimal numerator = sum.Value() + base.Negated() + Decimal::Integer(-ten);
      if (and_after_hundred && numerator.ToDouble() >= static_cast<long double>(d)) {
        numerator = numerator + base;
        base = Decimal();
      }
      Decimal quotient;
      if (!numerator.DividedBy(Decimal::Integer(d), &quotient)) return false;
      sum = Accumulator();
      sum.AddSmall(base + quotient * Pow10Decimal(and_power));
      continue;
    }
    if (t == "point" || t == ".") {
      // Digits after "point" are said one by one: "point zero three".
      std::string decimals;
      for (++i; i < tokens.size(); ++i) {
        int d = SmallNumber(tokens[i]);
        // "point seventy-one" is .71; "point zero three" .03.
        if (d >= 20 && i + 1 < tokens.size() && SmallNumber(tokens[i + 1]) > 0 && SmallNumber(tokens[i + 1]) < 10) {
          d += SmallNumber(tokens[++i]);
        }
        if (d >= 0) {
          decimals += std::to_string(d);
        } else if (IsDigit(tokens[i][0])) {
          decimals += tokens[i];
        } else {
          return false;
        }
      }
      Decimal fraction;
      if (decimals.empty() || !Decimal::Parse("0." + decimals, &fraction)) return false;
      sum.AddSmall(fraction);
      break;
    }
    if (IsDigit(t[0]) || t[0] == '.') {
      Decimal digits;
      if (!ParseDigits(t, &digits)) return false;
      sum.AddSmall(digits);
      after_scale = false;
      continue;
    }
    Decimal fraction;
    if (VulgarFraction(t, &fraction)) {
      sum.AddFraction(fraction, false);
      continue;
    }
    if (t == "a" || t == "an") {
      // "a hundred", "a half": one of what follows; "half a" ends in it.
      if (next.empty()) {
        if (sum.any()) continue;
        return false;
      }
      if (const long long d = Denominator(next); d > 0) {
        Decimal::Integer(1).DividedBy(Decimal::Integer(d), &fraction);
        if (const std::optional<int> power = SmallerScale(sum, tokens, i + 2)) {
          sum.AddSmall(fraction * Pow10Decimal(*power));
          i += 2;
          continue;
        }
        const bool of_scale = after_scale || (i > 0 && tokens[i - 1] == "and" && sum.Part().IsZero());
        sum.AddFraction(fraction, of_scale);
        ++i;
        continue;
      }
      if (sum.Part().IsZero()) sum.AddSmall(Decimal::Integer(1));  // "half a dozen" is not 1.5 dozen
      continue;
    }
    if (const int n = SmallNumber(t); n >= 0) {
      // Number words in a row make no number ("three-nought-four", "two
      // three"), but for a ten and a unit ("twenty-five") and a ten that
      // joins a denominator ("twenty twenty fifths").
      const int before = i > 0 ? SmallNumber(tokens[i - 1]) : -1;
      if (before >= 0 && !(IsTen(before) && n < 10) && !JoinsDenominator(tokens, i)) return false;
      // "two quarters", "three halves" (the generic rule above takes the
      // other denominators).
      if (const long long d = Denominator(next); (next.starts_with("half") || next.starts_with("quarter")) && d > 0) {
        Decimal::Integer(n).DividedBy(Decimal::Integer(d), &fraction);
        if (const std::optional<int> power = SmallerScale(sum, tokens, i + 2)) {
          sum.AddSmall(fraction * Pow10Decimal(*power));
          i += 2;
          continue;
        }
        sum.AddFraction(fraction, after_scale && sum.Part().IsZero());
        ++i;
        continue;
      }
      sum.AddSmall(Decimal::Integer(n));
      after_scale = false;
      continue;
    }
    if (t == "hundred" || (t == "hundreds" && sum.any())) {  // a bare "hundreds" is no number
      if (!sum.Hundred()) return false;
      continue;
    }
    if (t == "dozen" || t == "dozens" || t == "dz" || t == "dzs" || t == "doz" || t == "dozs") {
      sum.Dozen();
      continue;
    }
    if (const std::optional<int> power = ScalePower(t)) {
      sum.ScaleBy(*power);
      after_scale = true;
      continue;
    }
    if (const long long d = Denominator(t); d > 0 && (t == "half" || t == "quarter")) {
      // "half million": a fraction of the scale that follows.
      Decimal::Integer(1).DividedBy(Decimal::Integer(d), &fraction);
      sum.AddSmall(fraction);
      continue;
    }
    return false;
  }
  if (!sum.any()) return false;
  *value = sum.Value();
  return true;
}

}  // namespace

bool Decimal::Parse(std::string_view digits, Decimal* out) {
  bool negative = false;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  Int128 coefficient = 0;
  int scale = 0;
  bool point = false, any = false;
  for (char c : digits) {
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (!IsDigit(c)) return false;
    if (coefficient > Pow10(36)) return false;  // beyond any amount news writes
    coefficient = coefficient * 10 + (c - '0');
    scale += point;
    any = true;
  }
  if (!any) return false;
  *out = Decimal(negative ? -coefficient : coefficient, scale).Trimmed();
  return true;
}

Decimal Decimal::Trimmed() const {
  Decimal d = *this;
  while (d.scale_ > 0 && d.coefficient_ % 10 == 0) {
    d.coefficient_ /= 10;
    --d.scale_;
  }
  return d;
}

Decimal Decimal::operator+(const Decimal& other) const {
  const int scale = std::max(scale_, other.scale_);
  return Decimal(coefficient_ * Pow10(scale - scale_) + other.coefficient_ * Pow10(scale - other.scale_), scale)
      .Trimmed();
}

Decimal Decimal::operator*(const Decimal& other) const {
  return Decimal(coefficient_ * other.coefficient_, scale_ + other.scale_).Trimmed();
}

bool Decimal::DividedBy(const Decimal& divisor, Decimal* out) const {
  if (divisor.IsZero()) return false;
  // Exact when the quotient terminates within 18 decimals.
  Int128 numerator = coefficient_ * Pow10(divisor.scale_);
  const Int128 denominator = divisor.coefficient_ * Pow10(scale_);
  for (int scale = 0; scale <= 18; ++scale) {
    if (numerator % denominator == 0) {
      *out = Decimal(numerator / denominator, scale).Trimmed();
      return true;
    }
    numerator *= 10;
  }
  const long double q = ToDouble() / divisor.ToDouble();
  return Parse(fmt::format("{:.{}g}", static_cast<double>(q), kApproxDigits), out) ||
         Parse(fmt::format("{:.{}f}", static_cast<double>(q), kApproxDigits), out);
}

bool Decimal::IsInteger() const { return scale_ == 0; }

long double Decimal::ToDouble() const {
  return static_cast<long double>(coefficient_) / std::pow(10.0L, static_cast<long double>(scale_));
}

std::string Decimal::ToString() const {
  const Decimal d = Trimmed();
  const bool negative = d.coefficient_ < 0;
  Int128 c = negative ? -d.coefficient_ : d.coefficient_;
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(c % 10)));
    c /= 10;
  } while (c > 0);
  if (d.scale_ > 0) {
    if (static_cast<int>(digits.size()) <= d.scale_) digits.insert(0, static_cast<size_t>(d.scale_ - digits.size() + 1), '0');
    digits.insert(digits.size() - static_cast<size_t>(d.scale_), ".");
  }
  return negative ? "-" + digits : digits;
}

bool ParseNumber(std::string_view text, Decimal* value) {
  // Signs: "-5", "minus five", "negative one", "- 1 4/5".
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  bool negative = false;
  const std::string lower = ToLower(text.substr(0, 9));
  for (std::string_view sign : {"minus ", "negative ", "-", "\xE2\x88\x92"}) {
    if (lower.starts_with(sign)) {
      negative = true;
      text.remove_prefix(sign.size());
      break;
    }
  }
  // Digit groups split by spaces ("1 234 567", or thin spaces) join.
  std::string joined;
  joined.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const bool thin = text.substr(i, 3) == "\xE2\x80\xAF" || text.substr(i, 2) == "\xC2\xA0";
    const size_t width = text.substr(i, 3) == "\xE2\x80\xAF" ? 3 : 2;
    if ((thin || text[i] == ' ') && !joined.empty() && IsDigit(joined.back())) {
      const size_t after = i + (thin ? width : 1);
      size_t digits = 0;
      while (after + digits < text.size() && IsDigit(text[after + digits])) ++digits;
      if (digits == 3 && (after + 3 == text.size() || !IsDigit(text[after + 3]))) {
        i = after - 1;
        continue;
      }
    }
    joined.push_back(text[i]);
  }
  Decimal parsed;
  if (!ParseScientific(joined, &parsed) && !ParseTokens(Tokens(joined), &parsed)) return false;
  *value = negative ? parsed.Negated() : parsed;
  return true;
}

bool ParseOrdinalNumber(std::string_view text, Decimal* value) {
  const std::string s = ToLower(text);
  // "21st", "2nd", "103rd".
  size_t digits = 0;
  while (digits < s.size() && IsDigit(s[digits])) ++digits;
  if (digits > 0) {
    const std::string_view suffix = std::string_view(s).substr(digits);
    if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return false;
    return Decimal::Parse(s.substr(0, digits), value);
  }
  return ParseOrdinalTokens(Tokens(s), value);
}

}  // namespace lede
