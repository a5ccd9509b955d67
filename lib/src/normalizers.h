// The normalizer functions the registry in normalizer.cpp names, grouped by
// the file that holds them. Each reads a MatchView and fills Attributes; see
// docs/rules.md for the captures and args each one reads.
#ifndef LEDE_SRC_NORMALIZERS_H_
#define LEDE_SRC_NORMALIZERS_H_

#include <string>
#include <string_view>

#include "normalizer.h"

namespace lede {

// The TIMEX3 mod a modifier as written stands for: "early" -> START,
// "more than" -> MORE_THAN, "about" -> APPROX; "" for none.
std::string ModifierOf(std::string_view text);

// normalize_dates.cpp: TIMEX3 dates, times, durations and sets.
bool NormalizeDate(const MatchView& match, Attributes* out);
bool NormalizeTime(const MatchView& match, Attributes* out);
bool NormalizeDuration(const MatchView& match, Attributes* out);
bool NormalizeSet(const MatchView& match, Attributes* out);

// normalize_numbers.cpp: exact numeric values.
bool NormalizeCardinal(const MatchView& match, Attributes* out);
bool NormalizeFraction(const MatchView& match, Attributes* out);
bool NormalizeOrdinal(const MatchView& match, Attributes* out);
bool NormalizeOrdinalFromEnd(const MatchView& match, Attributes* out);
bool NormalizePercent(const MatchView& match, Attributes* out);
bool NormalizeMoney(const MatchView& match, Attributes* out);
bool NormalizeQuantity(const MatchView& match, Attributes* out);

// normalize_names.cpp: canonical names of people, places and organizations.
bool NormalizeName(const MatchView& match, Attributes* out);
bool NormalizeOrganization(const MatchView& match, Attributes* out);

}  // namespace lede

#endif  // LEDE_SRC_NORMALIZERS_H_
