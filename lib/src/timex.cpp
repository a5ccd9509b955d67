#include "timex.h"

#include <fmt/format.h>

#include <charconv>

namespace lede {
namespace {

// Months per unit, for the units that are whole months.
int MonthsIn(Grain unit) {
  switch (unit) {
    case Grain::kMonth: return 1;
    case Grain::kQuarter: return 3;
    case Grain::kSeason: return 3;
    case Grain::kHalf: return 6;
    case Grain::kYear: return 12;
    case Grain::kDecade: return 120;
    case Grain::kCentury: return 1200;
    default: return 0;
  }
}

int FloorDiv(int a, int b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
int FloorMod(int a, int b) { return a - FloorDiv(a, b) * b; }

CalendarDate AddMonths(const CalendarDate& date, int months) {
  int total = date.year * 12 + (date.month - 1) + months;
  CalendarDate out{FloorDiv(total, 12), FloorMod(total, 12) + 1, date.day};
  out.day = std::min(out.day, DaysInMonth(out.year, out.month));
  return out;
}

// Seasons by the month they start: spring in March, summer in June, fall in
// September, winter in December (so January's winter is the previous year's).
int SeasonOfMonth(int month) { return month == 12 ? 4 : month < 3 ? 4 : (month - 3) / 3 + 1; }

constexpr const char* kSeasons[] = {"SP", "SU", "FA", "WI"};

}  // namespace

bool ParseIsoDate(std::string_view text, CalendarDate* date) {
  if (text.size() > 10 && text[10] == 'T') text = text.substr(0, 10);
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  auto number = [&](size_t at, size_t n, int* out) {
    return std::from_chars(text.data() + at, text.data() + at + n, *out).ptr == text.data() + at + n;
  };
  CalendarDate d;
  if (!number(0, 4, &d.year) || !number(5, 2, &d.month) || !number(8, 2, &d.day)) return false;
  if (d.year < 1000 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > DaysInMonth(d.year, d.month)) {
    return false;
  }
  *date = d;
  return true;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil and civil_from_days.
int64_t DaysFromCivil(const CalendarDate& date) {
  const int64_t y = date.year - (date.month <= 2);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (date.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CalendarDate CivilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return CalendarDate{static_cast<int>(yoe + era * 400 + (month <= 2)), month, day};
}

CalendarDate AddDays(const CalendarDate& date, int64_t days) { return CivilFromDays(DaysFromCivil(date) + days); }

int Weekday(const CalendarDate& date) {
  const int64_t days = DaysFromCivil(date);  // 1970-01-01 was a Thursday
  return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1;
}

IsoWeek IsoWeekOf(const CalendarDate& date) {
  // The week belongs to the year of its Thursday.
  const CalendarDate thursday = AddDays(date, 4 - Weekday(date));
  const int64_t first = DaysFromCivil(CalendarDate{thursday.year, 1, 1});
  return IsoWeek{thursday.year, static_cast<int>((DaysFromCivil(thursday) - first) / 7 + 1)};
}

CalendarDate MondayOf(const IsoWeek& week) {
  const CalendarDate jan4{week.year, 1, 4};  // always in week 1
  return AddDays(jan4, 1 - Weekday(jan4) + 7 * (week.week - 1));
}

TimexPoint TimexPoint::Containing(const CalendarDate& date, Grain grain) {
  TimexPoint p;
  p.grain = grain;
  p.year = date.year;
  switch (grain) {
    case Grain::kDay:
      p.month = date.month;
      p.day = date.day;
      break;
    case Grain::kMonth: p.month = date.month; break;
    case Grain::kWeek:
    case Grain::kWeekend: {
      const IsoWeek week = IsoWeekOf(date);
      p.year = week.year;
      p.index = week.week;
      break;
    }
    case Grain::kQuarter: p.index = (date.month - 1) / 3 + 1; break;
    case Grain::kHalf: p.index = (date.month - 1) / 6 + 1; break;
    case Grain::kSeason:
      p.index = SeasonOfMonth(date.month);
      if (date.month < 3) p.year = date.year - 1;
      break;
    case Grain::kYear: break;
    case Grain::kDecade: p.index = FloorDiv(date.year, 10); break;
    case Grain::kCentury: p.index = FloorDiv(date.year, 100); break;
  }
  return p;
}

CalendarDate TimexPoint::FirstDay() const {
  switch (grain) {
    case Grain::kDay: return CalendarDate{year, month, day};
    case Grain::kMonth: return CalendarDate{year, month, 1};
    case Grain::kWeek:
    case Grain::kWeekend: return MondayOf(IsoWeek{year, index});
    case Grain::kQuarter: return CalendarDate{year, std::max(index, 1) * 3 - 2, 1};
    case Grain::kHalf: return CalendarDate{year, index * 6 - 5, 1};
    case Grain::kSeason: return CalendarDate{year, index * 3 % 12 == 0 ? 12 : index * 3, 1};
    case Grain::kYear: return CalendarDate{year, 1, 1};
    case Grain::kDecade: return CalendarDate{index * 10, 1, 1};
    case Grain::kCentury: return CalendarDate{index * 100, 1, 1};
  }
  return CalendarDate{year, 1, 1};
}

TimexPoint TimexPoint::Shifted(Grain unit, int n) const {
  // A unit finer than the point: move from the period the point starts with.
  if (unit > grain && !(unit == Grain::kWeekend && grain == Grain::kWeek)) {
    if (year == 0) return *this;
    return Containing(FirstDay(), unit).Shifted(unit, n);
  }
  TimexPoint p = *this;
  if (unit == Grain::kDay || unit == Grain::kWeek || unit == Grain::kWeekend) {
    const int days = unit == Grain::kDay ? n : 7 * n;
    if (year == 0) return p;
    const TimexPoint moved = Containing(AddDays(FirstDay(), days), grain);
    if (grain == Grain::kDay || grain == Grain::kWeek || grain == Grain::kWeekend) return moved;
    return p;
  }
  const int months = MonthsIn(unit) * n;
  switch (grain) {
    case Grain::kDay:
    case Grain::kMonth: {
      if (year == 0) {  // an unknown year stays unknown; the month wraps
        p.month = FloorMod(p.month - 1 + months, 12) + 1;
        return p;
      }
      const CalendarDate moved = AddMonths(CalendarDate{year, month, grain == Grain::kDay ? day : 1}, months);
      p.year = moved.year;
      p.month = moved.month;
      if (grain == Grain::kDay) p.day = moved.day;
      return p;
    }
    case Grain::kWeek:
    case Grain::kWeekend: {
      if (year == 0) return p;
      const TimexPoint moved = Containing(AddMonths(FirstDay(), months), Grain::kWeek);
      p.year = moved.year;
      p.index = moved.index;
      return p;
    }
    case Grain::kQuarter:
    case Grain::kHalf:
    case Grain::kSeason: {
      const int per_year = grain == Grain::kHalf ? 2 : 4;
      const int steps = months / (12 / per_year);
      if (p.index == 0) {  // "QX": only the year can move
        if (year != 0) p.year += FloorDiv(steps, per_year);
        return p;
      }
      const int total = p.year * per_year + (p.index - 1) + steps;
      p.index = FloorMod(total, per_year) + 1;
      if (year != 0) p.year = FloorDiv(total, per_year);
      return p;
    }
    case Grain::kYear:
      if (year != 0) p.year += months / 12;
      return p;
    case Grain::kDecade: p.index += months / 120; return p;
    case Grain::kCentury: p.index += months / 1200; return p;
  }
  return p;
}

std::string TimexPoint::Value() const {
  const std::string y = year == 0 ? "XXXX" : fmt::format("{:04}", year);
  switch (grain) {
    case Grain::kDay:
      return fmt::format("{}-{}-{}", y, month == 0 ? "XX" : fmt::format("{:02}", month),
                         day == 0 ? "XX" : fmt::format("{:02}", day));
    case Grain::kMonth: return fmt::format("{}-{:02}", y, month);
    case Grain::kWeek: return fmt::format("{}-W{:02}", y, index);
    case Grain::kWeekend: return fmt::format("{}-W{:02}-WE", y, index);
    case Grain::kQuarter: return index == 0 ? y + "-QX" : fmt::format("{}-Q{}", y, index);
    case Grain::kHalf: return fmt::format("{}-H{}", y, index);
    case Grain::kSeason: return fmt::format("{}-{}", y, kSeasons[index - 1]);
    case Grain::kYear: return y;
    case Grain::kDecade: return fmt::format("{:03}", index);
    case Grain::kCentury: return fmt::format("{:02}", index);
  }
  return y;
}

bool TimexPoint::Parse(std::string_view value, TimexPoint* point) {
  auto number = [](std::string_view s, int* out) {
    return !s.empty() && std::from_chars(s.data(), s.data() + s.size(), *out).ptr == s.data() + s.size();
  };
  TimexPoint p;
  if (value.size() == 2 || value.size() == 3) {  // "19", "199"
    p.grain = value.size() == 2 ? Grain::kCentury : Grain::kDecade;
    if (!number(value, &p.index)) return false;
    *point = p;
    return true;
  }
  if (value.size() < 4 || !(value.substr(0, 4) == "XXXX" || number(value.substr(0, 4), &p.year))) return false;
  const std::string_view rest = value.substr(4);
  if (!rest.empty() && rest[0] != '-') return false;
  bool ok = true;
  if (rest.empty()) {
    p.grain = Grain::kYear;
  } else if (rest.size() == 3 && rest[1] == 'Q') {
    p.grain = Grain::kQuarter;
    ok = rest[2] == 'X' || number(rest.substr(2), &p.index);
  } else if (rest.size() == 3 && rest[1] == 'H') {
    p.grain = Grain::kHalf;
    ok = number(rest.substr(2), &p.index);
  } else if (rest.size() == 3 && rest[1] >= 'A' && rest[1] <= 'Z') {
    p.grain = Grain::kSeason;
    for (int i = 0; i < 4; ++i) {
      if (rest.substr(1) == kSeasons[i]) p.index = i + 1;
    }
    ok = p.index != 0;
  } else if (rest.size() == 3) {
    p.grain = Grain::kMonth;
    ok = number(rest.substr(1), &p.month);
  } else if (rest.size() >= 4 && rest[1] == 'W' && (rest.size() == 4 || rest.substr(4) == "-WE")) {
    p.grain = rest.size() == 4 ? Grain::kWeek : Grain::kWeekend;
    ok = number(rest.substr(2, 2), &p.index);
  } else if (rest.size() == 6) {
    p.grain = Grain::kDay;
    ok = number(rest.substr(1, 2), &p.month) && number(rest.substr(4, 2), &p.day);
  } else {
    ok = false;
  }
  if (ok) *point = p;
  return ok;
}

}  // namespace lede
