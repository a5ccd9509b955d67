#include "timex.h"

#include <doctest/doctest.h>

#include "test_util.h"

namespace lede {
namespace {

CalendarDate D(int y, int m, int d) { return CalendarDate{y, m, d}; }

TEST_CASE("timex: leap years and month lengths") {
  CHECK(IsLeapYear(2024));
  CHECK(IsLeapYear(2000));
  CHECK_FALSE(IsLeapYear(1900));
  CHECK_FALSE(IsLeapYear(2023));
  CHECK(DaysInMonth(2024, 2) == 29);
  CHECK(DaysInMonth(2023, 2) == 28);
  CHECK(DaysInMonth(2022, 4) == 30);
  CHECK(DaysInMonth(2022, 12) == 31);
}

TEST_CASE("timex: days since the epoch, weekdays and adding days") {
  CHECK(DaysFromCivil(D(1970, 1, 1)) == 0);
  CHECK(DaysFromCivil(D(2000, 3, 1)) == 11017);
  CHECK(CivilFromDays(DaysFromCivil(D(2024, 2, 29))) == D(2024, 2, 29));
  CHECK(CivilFromDays(-1) == D(1969, 12, 31));
  CHECK(Weekday(D(2022, 11, 28)) == 1);  // a Monday
  CHECK(Weekday(D(1970, 1, 1)) == 4);    // a Thursday
  CHECK(Weekday(D(2000, 1, 2)) == 7);    // a Sunday
  CHECK(AddDays(D(2022, 12, 31), 1) == D(2023, 1, 1));
  CHECK(AddDays(D(2024, 3, 1), -1) == D(2024, 2, 29));
  CHECK(AddDays(D(2023, 3, 1), -1) == D(2023, 2, 28));
}

TEST_CASE("timex: ISO weeks across year ends") {
  struct Case {
    CalendarDate date;
    int year, week;
  };
  const Case cases[] = {
      {D(2022, 11, 28), 2022, 48}, {D(2021, 1, 1), 2020, 53}, {D(2021, 1, 4), 2021, 1},
      {D(2019, 12, 30), 2020, 1},  {D(2018, 12, 31), 2019, 1}, {D(2016, 1, 3), 2015, 53},
      {D(2020, 12, 31), 2020, 53},
  };
  for (const Case& c : cases) {
    CAPTURE(c.date.year);
    CAPTURE(c.date.month);
    CAPTURE(c.date.day);
    const IsoWeek w = IsoWeekOf(c.date);
    CHECK(w.year == c.year);
    CHECK(w.week == c.week);
    CHECK(Weekday(MondayOf(w)) == 1);
    CHECK(IsoWeekOf(MondayOf(w)).week == c.week);
  }
  CHECK(MondayOf(IsoWeek{2021, 1}) == D(2021, 1, 4));
  CHECK(MondayOf(IsoWeek{2020, 53}) == D(2020, 12, 28));
}

TEST_CASE("timex: the period containing a date, at every grain") {
  const CalendarDate d = D(2022, 11, 28);
  CHECK(TimexPoint::Containing(d, Grain::kDay).Value() == "2022-11-28");
  CHECK(TimexPoint::Containing(d, Grain::kWeek).Value() == "2022-W48");
  CHECK(TimexPoint::Containing(d, Grain::kWeekend).Value() == "2022-W48-WE");
  CHECK(TimexPoint::Containing(d, Grain::kMonth).Value() == "2022-11");
  CHECK(TimexPoint::Containing(d, Grain::kQuarter).Value() == "2022-Q4");
  CHECK(TimexPoint::Containing(d, Grain::kHalf).Value() == "2022-H2");
  CHECK(TimexPoint::Containing(d, Grain::kSeason).Value() == "2022-FA");
  CHECK(TimexPoint::Containing(d, Grain::kYear).Value() == "2022");
  CHECK(TimexPoint::Containing(d, Grain::kDecade).Value() == "202");
  CHECK(TimexPoint::Containing(d, Grain::kCentury).Value() == "20");
  // January's winter began in the December before.
  CHECK(TimexPoint::Containing(D(2023, 1, 15), Grain::kSeason).Value() == "2022-WI");
  CHECK(TimexPoint::Containing(D(2023, 12, 15), Grain::kSeason).Value() == "2023-WI");
  // The first days of January can be in the last ISO week of the year before.
  CHECK(TimexPoint::Containing(D(2021, 1, 2), Grain::kWeek).Value() == "2020-W53");
}

TEST_CASE("timex: shifting by units keeps the grain, clamps month ends") {
  auto shift = [](const CalendarDate& d, Grain grain, Grain unit, int n) {
    return TimexPoint::Containing(d, grain).Shifted(unit, n).Value();
  };
  CHECK(shift(D(2022, 3, 31), Grain::kDay, Grain::kMonth, -1) == "2022-02-28");
  CHECK(shift(D(2024, 3, 31), Grain::kDay, Grain::kMonth, -1) == "2024-02-29");
  CHECK(shift(D(2024, 2, 29), Grain::kDay, Grain::kYear, 1) == "2025-02-28");
  CHECK(shift(D(2022, 1, 15), Grain::kMonth, Grain::kMonth, -1) == "2021-12");
  CHECK(shift(D(2022, 2, 15), Grain::kQuarter, Grain::kQuarter, -1) == "2021-Q4");
  CHECK(shift(D(2022, 8, 15), Grain::kQuarter, Grain::kYear, -1) == "2021-Q3");
  CHECK(shift(D(2022, 8, 15), Grain::kHalf, Grain::kHalf, 1) == "2023-H1");
  CHECK(shift(D(2022, 1, 3), Grain::kWeek, Grain::kWeek, -1) == "2021-W52");
  CHECK(shift(D(2021, 1, 4), Grain::kWeek, Grain::kWeek, -1) == "2020-W53");
  CHECK(shift(D(2022, 11, 28), Grain::kWeekend, Grain::kWeek, -1) == "2022-W47-WE");
  CHECK(shift(D(2022, 11, 28), Grain::kDay, Grain::kWeek, 2) == "2022-12-12");
  CHECK(shift(D(2022, 11, 28), Grain::kYear, Grain::kDecade, -1) == "2012");
  CHECK(shift(D(2022, 11, 28), Grain::kDecade, Grain::kDecade, -1) == "201");
  CHECK(shift(D(2022, 7, 1), Grain::kSeason, Grain::kSeason, 2) == "2022-WI");
  CHECK(shift(D(2022, 7, 1), Grain::kSeason, Grain::kSeason, 3) == "2023-SP");
  // A unit finer than the point: from the period's first day.
  CHECK(TimexPoint::Containing(D(2022, 8, 15), Grain::kQuarter).Shifted(Grain::kDay, 1).Value() == "2022-07-02");
}

TEST_CASE("timex: values read back") {
  for (const char* value : {"2022-11-28", "XXXX-11-28", "2022-11", "2022-W47", "2022-W47-WE", "2022-Q3", "2022-QX",
                            "2022-H2", "2022-SU", "2022", "199", "20"}) {
    CAPTURE(value);
    TimexPoint p;
    REQUIRE(TimexPoint::Parse(value, &p));
    CHECK(p.Value() == value);
  }
  TimexPoint p;
  for (const char* bad : {"", "2022-13x", "20222", "2022-Q", "2022-W4", "2022-XY", "PAST_REF", "P5Y"}) {
    CAPTURE(bad);
    CHECK_FALSE(TimexPoint::Parse(bad, &p));
  }
}

}  // namespace
}  // namespace lede
