// The normalizer functions the registry in normalizer.cpp names, grouped by
// the file that holds them. Each reads a MatchView and fills Attributes; see
// docs/rules.md for the captures and args each one reads.
#ifndef LEDE_SRC_NORMALIZERS_H_
#define LEDE_SRC_NORMALIZERS_H_

#include "normalizer.h"

namespace lede {

// normalize_dates.cpp: TIMEX3 dates, times, durations and sets.
bool NormalizeDate(const MatchView& match, Attributes* out);
bool NormalizeTime(const MatchView& match, Attributes* out);
bool NormalizeDuration(const MatchView& match, Attributes* out);
bool NormalizeSet(const MatchView& match, Attributes* out);

}  // namespace lede

#endif  // LEDE_SRC_NORMALIZERS_H_
