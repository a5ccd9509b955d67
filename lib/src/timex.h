// Calendar arithmetic and TIMEX3 values.
//
// A TimexPoint is a date at some grain (a day, an ISO week, a month, a
// quarter, a year, a decade ...), with the year possibly unknown. It knows
// its TIMEX3 value ("2022-11-28", "2022-W47-WE", "2022-Q3", "199") and how to
// move by whole units, which is all that resolving "last month" or "a year
// earlier" takes. Dates are proleptic Gregorian; weeks are ISO 8601 weeks.
#ifndef LEDE_SRC_TIMEX_H_
#define LEDE_SRC_TIMEX_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace lede {

// A calendar date; year 0 means unknown.
struct CalendarDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  bool known() const { return year != 0; }
  friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
};

// Parses "YYYY-MM-DD" (a real date of years 1000..9999), or the date part of
// an ISO 8601 date-time ("2022-11-28T10:15:00Z").
bool ParseIsoDate(std::string_view text, CalendarDate* date);

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
// Days since 1970-01-01, and back.
int64_t DaysFromCivil(const CalendarDate& date);
CalendarDate CivilFromDays(int64_t days);
CalendarDate AddDays(const CalendarDate& date, int64_t days);
// ISO weekday: 1 Monday .. 7 Sunday.
int Weekday(const CalendarDate& date);
// The ISO 8601 week of a date: its year may differ from the date's near
// January 1st ("2021-01-01" is in 2020-W53).
struct IsoWeek {
  int year = 0;
  int week = 0;
};
IsoWeek IsoWeekOf(const CalendarDate& date);
// The Monday of an ISO week.
CalendarDate MondayOf(const IsoWeek& week);

// The grains TIMEX3 dates come in, finest last.
enum class Grain { kCentury, kDecade, kYear, kHalf, kQuarter, kSeason, kMonth, kWeek, kWeekend, kDay };

struct TimexPoint {
  Grain grain = Grain::kDay;
  int year = 0;   // 0: unknown ("XXXX"); ISO week-year for kWeek and kWeekend
  int month = 0;  // kMonth, kDay
  int day = 0;    // kDay
  // kHalf 1..2, kQuarter 1..4 (0: unknown, "QX"), kSeason 1..4 (SP, SU, FA,
  // WI), kWeek and kWeekend: the ISO week, kDecade: year / 10, kCentury:
  // year / 100.
  int index = 0;

  // The period of `grain` that contains `date`.
  static TimexPoint Containing(const CalendarDate& date, Grain grain);
  // The first day of the period (day 1 of an unknown month for kMonth).
  CalendarDate FirstDay() const;
  // Moves by `n` units of `unit`, keeping this point's grain when it is
  // finer than the unit ("a year before 2022-Q3" is 2021-Q3), else taking
  // the unit's ("a month before 2022-11-28" is 2022-10 when unit_grain).
  TimexPoint Shifted(Grain unit, int n) const;
  // "2022-11-28", "XXXX-11-28", "2022-W47-WE", "2022-Q3", "2022-SU", "199".
  std::string Value() const;
  // Reads back what Value() writes; false for anything else.
  static bool Parse(std::string_view value, TimexPoint* point);
};

}  // namespace lede

#endif  // LEDE_SRC_TIMEX_H_
