// Numbers as news writes them, read into exact decimals.
//
// ParseNumber reads digits ("1,234.5", "1 234 567", "12,34,567" Indian
// grouping, "1.3e6"), words ("twenty-five", "one hundred and six", "five
// and a half million", "two point five"), scale words and suffixes ("1.2
// billion", "10k", "2bn", "13 lakh", "two dozen"), fractions ("three
// quarters", "two thirds", "1/4", "2 1/4", "11-1/2", "one over three",
// "½") and signs ("minus five", "-0.5"). Values stay exact decimal text
// wherever the number is a finite decimal; a fraction like 2/3 is written
// to 15 significant digits.
#ifndef LEDE_SRC_NUMBERS_H_
#define LEDE_SRC_NUMBERS_H_

#include <string>
#include <string_view>

namespace lede {

__extension__ typedef __int128 Int128;  // GCC and Clang have it; ISO C++ does not

// An exact decimal, coefficient × 10^-scale.
class Decimal {
 public:
  Decimal() = default;
  static Decimal Integer(long long n) { return Decimal(n, 0); }
  // Reads plain decimal digits with an optional point and sign ("-12.50").
  static bool Parse(std::string_view digits, Decimal* out);

  Decimal operator+(const Decimal& other) const;
  Decimal operator*(const Decimal& other) const;
  // A quotient: exact when it is a finite decimal, else 15 significant
  // digits. False for division by zero.
  bool DividedBy(const Decimal& divisor, Decimal* out) const;
  Decimal Negated() const { return Decimal(-coefficient_, scale_); }

  bool IsZero() const { return coefficient_ == 0; }
  bool IsInteger() const;
  // The shortest decimal text: "1200000000", "12.5", "-0.25".
  std::string ToString() const;
  long double ToDouble() const;

 private:
  Decimal(Int128 coefficient, int scale) : coefficient_(coefficient), scale_(scale) {}
  Decimal Trimmed() const;

  Int128 coefficient_ = 0;
  int scale_ = 0;
};

// Reads a number in digits, words or both; false when `text` is not one.
bool ParseNumber(std::string_view text, Decimal* value);

// Reads an ordinal: "first", "21st", "twenty-first", "one hundred
// twenty-fifth", "3rd"; false when `text` is not one.
bool ParseOrdinalNumber(std::string_view text, Decimal* value);

}  // namespace lede

#endif  // LEDE_SRC_NUMBERS_H_
