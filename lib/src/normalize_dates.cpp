// Temporal normalizers: TIMEX3 values for dates, times, durations and sets.
//
// A rule tells these functions what it matched through named captures (or
// fixed args): year, month, day, weekday, quarter, half, season, decade,
// century for calendar parts; unit, count, shift ("last", "next", "this"),
// direction ("ago", "later"), offset for relative ones; mod, part (of day),
// tense. docs/rules.md lists them. The policy for resolving what the text
// leaves open (which Friday, which March) is in docs/dates.md.
#include <fmt/format.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <memory>

#include "normalizers.h"
#include "rules_impl.h"

namespace lede {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The words of `s`, lower case: runs of letters, digits and apostrophes.
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> words;
  words.reserve(16);
  std::string word;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'') {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

template <size_t N>
int IndexIn(const std::array<std::string_view, N>& names, std::string_view word, size_t prefix) {
  for (size_t i = 0; i < N; ++i) {
    if (word == names[i] || (prefix > 0 && word.size() >= prefix && names[i].starts_with(word))) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",
                                                      "may",     "june",     "july",      "august",
                                                      "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {"monday", "tuesday", "wednesday", "thursday",
                                                       "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 20> kSmall = {
    "one",    "two",    "three",    "four",     "five",    "six",     "seven",     "eight",     "nine",     "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
constexpr std::array<std::string_view, 8> kTens = {"twenty", "thirty",  "forty",  "fifty",
                                                   "sixty",  "seventy", "eighty", "ninety"};
constexpr std::array<std::string_view, 12> kOrdinals = {"first",   "second", "third",  "fourth",
                                                        "fifth",   "sixth",  "seventh", "eighth",
                                                        "ninth",   "tenth",  "eleventh", "twelfth"};

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int ToInt(std::string_view digits) {
  int n = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), n);
  return n;
}

// "3", "three", "twenty-five", "a", "an", "a couple of" -> 3, 3, 25, 1, 1,
// 2. Vague counts ("several", "a few", "many") set *vague. Returns false
// for anything else.
bool ParseCount(std::string_view text, double* n, bool* vague) {
  *vague = false;
  std::string s = Lower(text);
  std::erase(s, ',');
  if (s.empty()) return false;
  if (std::isdigit(static_cast<unsigned char>(s[0]))) {
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *n);
    return ec == std::errc() && ptr == s.data() + s.size();
  }
  const std::vector<std::string> words = Words(s);
  if (words.empty()) return false;
  static constexpr std::array<std::string_view, 9> kVague = {"several", "few", "many", "some", "couple",
                                                             "numerous", "multiple", "recent", "various"};
  if (words.back() == "couple" || (words.size() >= 2 && words[words.size() - 2] == "couple")) {
    *n = 2;
    return true;
  }
  for (const std::string& w : words) {
    if (IndexIn(kVague, w, 0)) {
      *vague = true;
      return true;
    }
  }
  double value = 0;
  for (const std::string& w : words) {
    if (w == "a" || w == "an") {
      value += 1;
    } else if (int small = IndexIn(kSmall, w, 0)) {
      value += small;
    } else if (int tens = IndexIn(kTens, w, 0)) {
      value += 10 * (tens + 1);
    } else if (w == "hundred") {
      value = std::max(value, 1.0) * 100;
    } else if (w == "dozen") {
      value = std::max(value, 1.0) * 12;
    } else if (w == "half") {
      value = value == 0 ? 0.5 : value + 0.5;
    } else if (w != "and" && w != "of") {
      return false;
    }
  }
  *n = value;
  return value > 0;
}

// "first", "1st", "third", "3", "Q3" -> 1, 1, 3, 3, 3; 0 when not one.
int ParseOrdinal(std::string_view text) {
  std::string s = Lower(text);
  if (!s.empty() && (s[0] == 'q' || s[0] == 'h')) s.erase(0, 1);
  size_t digits = 0;
  while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
  if (digits > 0) return ToInt(std::string_view(s).substr(0, digits));
  if (int n = IndexIn(kOrdinals, s, 0)) return n;
  static constexpr std::array<std::string_view, 12> kOrdinalsTwenty = {
      "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
      "nineteenth", "twentieth",  "twenty-first", "twenty-second", "twenty-third", "twenty-fourth"};
  if (int n = IndexIn(kOrdinalsTwenty, s, 0)) return n + 12;
  if (s == "last" || s == "final" || s == "fourth") return 4;
  return 0;
}

int ParseMonth(std::string_view text) {
  std::string s = Lower(text);
  if (AllDigits(s)) {
    int m = ToInt(s);
    return m >= 1 && m <= 12 ? m : 0;
  }
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "sept") return 9;
  return s.size() >= 3 ? IndexIn(kMonths, s, 3) : 0;
}

int ParseWeekday(std::string_view text) {
  std::string s = Lower(text);
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "tues") return 2;
  if (s == "thur" || s == "thurs") return 4;
  return s.size() >= 3 ? IndexIn(kWeekdays, s, 3) : 0;
}

int ParseSeason(std::string_view text) {
  const std::string s = Lower(text);
  if (s == "spring") return 1;
  if (s == "summer") return 2;
  if (s == "fall" || s == "autumn") return 3;
  if (s == "winter") return 4;
  return 0;
}

// The grain of a unit word, singular or plural; false for time units.
bool ParseUnit(std::string_view text, Grain* grain) {
  std::string s = Lower(text);
  if (s == "centuries") s = "century";
  if (s == "halves") s = "half";
  if (s.size() > 1 && s.back() == 's') s.pop_back();
  static constexpr std::pair<std::string_view, Grain> kUnits[] = {
      {"day", Grain::kDay},         {"week", Grain::kWeek},       {"weekend", Grain::kWeekend},
      {"month", Grain::kMonth},     {"quarter", Grain::kQuarter}, {"half", Grain::kHalf},
      {"season", Grain::kSeason},   {"year", Grain::kYear},       {"decade", Grain::kDecade},
      {"century", Grain::kCentury},
  };
  for (const auto& [name, g] : kUnits) {
    if (s == name) {
      *grain = g;
      return true;
    }
  }
  return false;
}

// "today", "yesterday", "tomorrow" as a day offset from the document date.
bool DayWord(std::string_view text, int* offset) {
  const std::string s = Lower(text);
  *offset = s == "yesterday" ? -1 : s == "tomorrow" ? 1 : 0;
  return s == "today" || *offset != 0;
}

// A year said in words, as in broadcast transcripts: "nineteen ninety-six",
// "two thousand", "two thousand and one"; 0 for anything else.
int ParseSpokenYear(std::string_view text) {
  std::vector<std::string> words = Words(text);
  auto number = [](const std::vector<std::string>& part) {
    double n = 0;
    bool vague = false;
    std::string joined;
    for (const std::string& w : part) joined += (joined.empty() ? "" : " ") + w;
    return !part.empty() && ParseCount(joined, &n, &vague) && !vague ? static_cast<int>(n) : -1;
  };
  const auto thousand = std::find(words.begin(), words.end(), "thousand");
  if (thousand != words.end()) {
    const int thousands = number({words.begin(), thousand});
    std::vector<std::string> rest(thousand + 1, words.end());
    if (!rest.empty() && rest[0] == "and") rest.erase(rest.begin());
    const int units = rest.empty() ? 0 : number(rest);
    return thousands > 0 && units >= 0 && units < 100 ? thousands * 1000 + units : 0;
  }
  // "nineteen ninety six": a century, then the year in it.
  if (words.size() < 2) return 0;
  const int century = number({words[0]});
  const int rest = number({words.begin() + 1, words.end()});
  return century >= 10 && century <= 20 && rest >= 0 && rest < 100 ? century * 100 + rest : 0;
}

// A year as written: "2022", "'98", "98" (a two-digit year is the one of its
// century nearest the document date, or 19xx/20xx around 1950 without one).
int ParseYear(std::string_view text, const CalendarDate& dct) {
  if (!text.empty() && std::isalpha(static_cast<unsigned char>(text[0]))) return ParseSpokenYear(text);
  std::string s(text);
  std::erase(s, '\'');
  std::erase(s, '\xE2');  // a curly apostrophe's lead byte; the rest never reach a digit check
  s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return !std::isdigit(static_cast<unsigned char>(c)); }),
          s.end());
  if (s.size() == 4) return ToInt(s);
  if (s.size() != 2) return 0;
  const int yy = ToInt(s);
  if (!dct.known()) return yy < 50 ? 2000 + yy : 1900 + yy;
  int year = dct.year - dct.year % 100 + yy;
  if (year > dct.year + 20) year -= 100;
  return year;
}

// Which way an expression the text leaves open points, by the nearest
// tense cue around the match: -1 back from the document date, +1 ahead, 0
// when there is no cue. *distance gets the cue's distance in words.
int Tense(const MatchView& match, size_t* distance = nullptr) {
  size_t ignored;
  if (distance == nullptr) distance = &ignored;
  *distance = 0;
  if (std::string_view forced = match.Capture("tense"); !forced.empty()) return forced == "future" ? 1 : -1;
  // The present of a scheduled event looks ahead too: "the year begins in
  // October", "the offer expires Friday".
  static constexpr std::array<std::string_view, 33> kFuture = {
      "will",     "'ll",      "shall",   "won't",  "wo",      "would",   "scheduled", "expected",
      "expects",  "expect",   "plans",   "plan",   "planned", "planning", "intends",  "due",
      "upcoming", "begin",    "going",   "aims",   "forthcoming", "next", "could",    "might",
      "soon",     "begins",   "starts",  "ends",   "expires", "opens",   "closes",    "resumes",
      "matures"};
  // "by" and "until" point ahead only when nothing else says when: "had
  // filed by Wednesday" is past.
  static constexpr std::array<std::string_view, 2> kWeakFuture = {"by", "until"};
  // Reporting verbs ("said", "told") are not among them: news reports in
  // the past what is yet to come ("said the offer expires Nov. 16").
  static constexpr std::array<std::string_view, 42> kPast = {
      "was",    "were",   "had",    "did",   "ago",    "since",  "has",   "have",  "rose",  "fell",
      "grew",   "made",   "took",   "gave",  "came",   "went",   "sold",  "bought", "paid", "lost",
      "won",    "became", "began",  "left",  "met",    "held",   "brought", "cut",  "hit",  "beat",
      "saw",    "got",    "spent",  "earned", "last",  "earlier", "shrank", "sank", "slid", "swung",
      "stood",  "struck"};
  // Cues farther than eight words are never read: cut the sentence to a
  // window around the match (a cut word at the edge is dropped).
  constexpr size_t kWindow = 80;
  std::string_view left = match.Before(), right = match.After();
  if (left.size() > kWindow) {
    left.remove_prefix(left.size() - kWindow);
    left.remove_prefix(std::min(left.size(), left.find(' ') + 1));
  }
  if (right.size() > kWindow) right = right.substr(0, right.rfind(' ', kWindow));
  const std::vector<std::string> before = Words(left);
  const std::vector<std::string> after = Words(right);
  // Reporting verbs are a cue only next to the date: "said Friday", "said
  // on Friday", "told reporters on Friday", "on Friday said" date the
  // saying; "will vote on Friday, he said" and "opens on Thursday, said
  // Smith" do not.
  auto classify = [](const std::string& w, bool adjacent) {
    if (IndexIn(kFuture, w, 0)) return 1;
    if (IndexIn(kWeakFuture, w, 0)) return 2;
    static constexpr std::array<std::string_view, 9> kReporting = {
        "said", "says", "told", "reported", "announced", "stated", "noted", "added", "warned"};
    if (IndexIn(kReporting, w, 0)) return adjacent ? -1 : 0;
    if (IndexIn(kPast, w, 0) || (w.size() > 4 && w.ends_with("ed"))) return -1;
    return 0;
  };
  // A participle after "be" or "been" ("will be paid Nov. 20") says nothing
  // of when; the auxiliary before it does. "by" and "until" speak of a
  // date a few words after them ("filed by Friday", "until at least
  // November", "until tomorrow or Monday"), not of one further on or before
  // them ("on Tuesday, driven by sales"), and "by" before a number is a
  // change ("devalued by 31 pct in September").
  auto cue = [&](const std::vector<std::string>& words, size_t i, bool adjacent) {
    const int t = classify(words[i], adjacent);
    if (t < 0 && i > 0 && (words[i - 1] == "be" || words[i - 1] == "been" || words[i - 1] == "being")) return 0;
    if (t == 2 && (&words != &before || i + 4 < words.size() ||
                   (i + 1 < words.size() && std::isdigit(static_cast<unsigned char>(words[i + 1][0]))))) {
      return 0;
    }
    return t;
  };
  // Nearest cue wins; before the match first at equal distance.
  const size_t reach = std::min<size_t>(std::max(before.size(), after.size()), 8);
  size_t weak = SIZE_MAX;  // distance of the nearest weak cue
  for (size_t d = 0; d < reach; ++d) {
    for (int t : {d < before.size() ? cue(before, before.size() - 1 - d, d <= 2) : 0,
                  d < after.size() ? cue(after, d, d == 0 && right.starts_with(' ')) : 0}) {
      if (t == 2) {
        weak = std::min(weak, d);
      } else if (t != 0) {
        *distance = d;
        return t;
      }
    }
  }
  if (weak != SIZE_MAX) {
    *distance = weak;
    return 1;
  }
  return 0;
}

// Where a shift word points: -1, 0 or +1; 2 when it is not one.
int ShiftOf(std::string_view text) {
  const std::string s = Lower(text);
  static constexpr std::array<std::string_view, 9> kBack = {"last",   "past",   "previous", "prior",    "preceding",
                                                            "latest", "recent", "earlier",  "this past"};
  static constexpr std::array<std::string_view, 7> kAhead = {"next",  "coming",      "following", "upcoming",
                                                             "later", "forthcoming", "this coming"};
  static constexpr std::array<std::string_view, 6> kNow = {"this", "current", "present", "same", "the", "that"};
  if (IndexIn(kBack, s, 0)) return -1;
  if (IndexIn(kAhead, s, 0)) return 1;
  if (IndexIn(kNow, s, 0)) return 0;
  return 2;
}

// Where a direction word points: -1 or +1, with whether it counts from the
// date last mentioned ("earlier") rather than the document date ("ago").
bool DirectionOf(std::string_view text, int* sign, bool* anaphoric) {
  const std::string s = Lower(text);
  static constexpr std::pair<std::string_view, std::pair<int, bool>> kDirections[] = {
      {"ago", {-1, false}},      {"back", {-1, false}},    {"earlier", {-1, true}}, {"before", {-1, true}},
      {"previously", {-1, true}}, {"prior", {-1, true}},   {"later", {1, true}},    {"after", {1, true}},
      {"afterward", {1, true}},  {"afterwards", {1, true}}, {"hence", {1, false}},  {"from now", {1, false}},
      {"on", {1, true}},
  };
  for (const auto& [word, meaning] : kDirections) {
    if (s == word) {
      *sign = meaning.first;
      *anaphoric = meaning.second;
      return true;
    }
  }
  return false;
}

// The last date named in its own right, if within `sentences` sentences
// before the match.
bool Reference(const MatchView& match, uint32_t sentences, TimexPoint* point) {
  const NormalizeContext& context = match.context();
  return !context.reference.empty() && match.sentence() <= context.reference_sentence + sentences &&
         TimexPoint::Parse(context.reference, point) && point->year != 0;
}

// The date "a year earlier" counts from: the last date named, if within the
// two sentences before, else the document date.
bool Anchor(const MatchView& match, TimexPoint* point) {
  if (Reference(match, 2, point)) return true;
  if (!match.dct().known()) return false;
  *point = TimexPoint::Containing(match.dct(), Grain::kDay);
  return true;
}

// Resolves a relative expression: a unit moved by a count in some direction.
bool ResolveRelative(const MatchView& match, Grain unit, TimexPoint* point, std::string* fallback) {
  double count = 1;
  bool vague = false;
  if (std::string_view c = match.Capture("count"); !c.empty() && !ParseCount(c, &count, &vague)) return false;
  int sign = 0;
  bool anaphoric = false;
  if (std::string_view offset = match.Capture("offset"); !offset.empty()) {
    count = std::abs(ToInt(offset[0] == '-' || offset[0] == '+' ? offset.substr(1) : offset));
    sign = count == 0 ? 0 : offset[0] == '-' ? -1 : 1;
  } else if (std::string_view direction = match.Capture("direction"); !direction.empty()) {
    if (!DirectionOf(direction, &sign, &anaphoric)) return false;
  } else if (std::string_view shift = match.Capture("shift"); !shift.empty()) {
    sign = ShiftOf(shift);
    if (sign == 2) return false;
    const std::string word = Lower(shift);
    // "that year", "the following month": counted from the date just named.
    anaphoric = word == "that" || word == "same" || word == "following" || word == "preceding";
    // "the quarter": the quarter just named, else the last one complete.
    if (word == "the" || word == "latest") {
      if (TimexPoint named; Reference(match, 3, &named) && named.grain == unit) {
        *point = named;
        return true;
      }
      sign = -1;
    }
  } else if (unit == Grain::kWeekend && match.dct().known()) {
    // "the weekend": the one just past in a report, the coming one ahead.
    const bool weekday = Weekday(match.dct()) <= 5;
    sign = Tense(match) > 0 ? (weekday ? 0 : 1) : (weekday ? -1 : 0);
  }
  // "a year ago" in a report on quarterly results is the same quarter a
  // year back.
  if (TimexPoint quarter; !anaphoric && unit == Grain::kYear && !match.Capture("direction").empty() &&
                          Reference(match, 2, &quarter) &&
                          (quarter.grain == Grain::kQuarter || quarter.grain == Grain::kHalf)) {
    anaphoric = true;
  }
  if (vague) {
    *fallback = sign < 0 ? "PAST_REF" : sign > 0 ? "FUTURE_REF" : "PRESENT_REF";
    return true;
  }
  TimexPoint from;
  if (anaphoric) {
    if (!Anchor(match, &from)) return false;
  } else if (match.dct().known()) {
    from = TimexPoint::Containing(match.dct(), Grain::kDay);
  } else {
    *fallback = sign < 0 ? "PAST_REF" : sign > 0 ? "FUTURE_REF" : "PRESENT_REF";
    return true;
  }
  // "a decade ago" is a year, not a decade ("the last decade" is one).
  const bool counted = !match.Capture("direction").empty();
  Grain grain = counted && (unit == Grain::kDecade || unit == Grain::kCentury) ? Grain::kYear : unit;
  Grain forced;
  if (ParseUnit(match.Capture("grain"), &forced)) {
    grain = forced;
  } else if (anaphoric && from.grain > unit && from.grain != Grain::kDay) {
    grain = from.grain;  // "a year earlier" than a quarter is a quarter
  }
  if (count != std::floor(count)) return false;
  if (grain != from.grain) {
    if (from.year == 0) return false;
    from = TimexPoint::Containing(from.FirstDay(), grain);
  }
  *point = from.Shifted(unit, sign * static_cast<int>(count));
  // "this year's third quarter": the part the match names, in that year.
  if (point->grain == Grain::kQuarter && !match.Capture("quarter").empty()) {
    point->index = ParseOrdinal(match.Capture("quarter"));
  } else if (point->grain == Grain::kHalf && !match.Capture("half").empty()) {
    point->index = ParseOrdinal(match.Capture("half"));
  }
  return true;
}

// A named period without a year ("the third quarter", "summer", "March",
// "Nov. 25"), seen from the document date: with "last" or "next", the one
// strictly before or after the current period; with "this", the one of the
// document's year (or the current one); with a tense cue, the nearest in its
// direction; without one, the nearest.
TimexPoint Nearest(const MatchView& match, const TimexPoint& period) {
  const CalendarDate& dct = match.dct();
  const int64_t today = DaysFromCivil(dct);
  auto start = [](const TimexPoint& p) { return DaysFromCivil(p.FirstDay()); };
  auto end = [&](const TimexPoint& p) { return start(p.Shifted(p.grain, 1)); };
  const TimexPoint current = TimexPoint::Containing(dct, period.grain);
  std::array<TimexPoint, 3> options = {period, period, period};
  for (int i = 0; i < 3; ++i) options[static_cast<size_t>(i)].year = dct.year - 1 + i;

  const int shift = ShiftOf(match.Capture("shift"));
  size_t cue_distance = 0;
  int tense = shift == -1 || shift == 1 || shift == 0 ? 0 : Tense(match, &cue_distance);
  if (tense != 0 && cue_distance > 1) {
    // A tense cue a few words away is weak evidence: it does not send a date
    // a year away when the other reading is a few weeks off ("expects
    // third-quarter profit" in October).
    const TimexPoint& back = options[static_cast<size_t>(start(options[1]) <= today ? 1 : 0)];
    const TimexPoint& ahead = options[static_cast<size_t>(end(options[1]) > today ? 1 : 2)];
    const int64_t to_back = today - end(back) + 1, to_ahead = start(ahead) - today;
    if (tense < 0 && to_back > 180 && to_ahead < 90) tense = 0;
    if (tense > 0 && to_ahead > 180 && to_back < 90) tense = 0;
  }
  const TimexPoint* best = nullptr;
  int64_t best_distance = INT64_MAX;
  for (const TimexPoint& option : options) {
    const int64_t from = start(option), to = end(option);
    int64_t distance;  // smaller is better; INT64_MAX rules the option out
    if (shift == -1) {
      distance = to <= start(current) ? today - from : INT64_MAX;
    } else if (shift == 1) {
      distance = from >= end(current) ? from - today : INT64_MAX;
    } else if (shift == 0) {
      distance = (from <= today && today < to) ? 0 : option.year == dct.year ? 1 : INT64_MAX;
    } else if (tense < 0) {
      distance = from <= today ? today - from : INT64_MAX;
    } else if (tense > 0) {
      distance = to > today ? std::max<int64_t>(from - today, 0) : INT64_MAX;
    } else {
      distance = today < from ? from - today : today >= to ? today - to + 1 : 0;
    }
    if (distance < best_distance) {
      best_distance = distance;
      best = &option;
    }
  }
  return best != nullptr ? *best : options[1];
}

// A weekday: the nearest one back (or ahead) from the document date; the
// document's own weekday is that day, unless "last" or "next" says otherwise.
TimexPoint NearestWeekday(const MatchView& match, int weekday) {
  const CalendarDate& dct = match.dct();
  const int shift = ShiftOf(match.Capture("shift"));
  const int today = Weekday(dct);
  int delta = weekday - today;
  if (shift == 0) {  // "this Friday": in this week
    return TimexPoint::Containing(AddDays(dct, delta), Grain::kDay);
  }
  // "Wednesday's ruling" names an event already had.
  const bool possessive = match.After().starts_with("'s") || match.After().starts_with("\xE2\x80\x99s");
  const int tense = possessive ? -1 : Tense(match);
  const int sign = shift == -1 || shift == 1 ? shift : tense == 0 ? -1 : tense;
  if (sign < 0) {
    if (delta > 0 || (delta == 0 && shift == -1)) delta -= 7;
  } else {
    if (delta < 0 || (delta == 0 && shift == 1)) delta += 7;
  }
  return TimexPoint::Containing(AddDays(dct, delta), Grain::kDay);
}

// The date a match names, at its grain; *fallback gets a value like
// PAST_REF when the match names no point that can be computed.
bool ResolvePoint(const MatchView& match, TimexPoint* point, std::string* fallback) {
  Grain unit;
  if (ParseUnit(match.Capture("unit"), &unit)) return ResolveRelative(match, unit, point, fallback);
  if (int offset; DayWord(match.Capture("unit"), &offset)) {
    if (!match.dct().known()) {
      *fallback = offset < 0 ? "PAST_REF" : offset > 0 ? "FUTURE_REF" : "PRESENT_REF";
      return true;
    }
    *point = TimexPoint::Containing(AddDays(match.dct(), offset), Grain::kDay);
    return true;
  }

  const CalendarDate& dct = match.dct();
  const int year = ParseYear(match.Capture("year"), dct);
  TimexPoint p;
  p.year = year;
  if (std::string_view decade = match.Capture("decade"); !decade.empty()) {
    std::string digits;
    for (char c : decade) {
      if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
    }
    p.grain = Grain::kDecade;
    if (digits.size() == 4) {
      p.index = ToInt(digits) / 10;
    } else if (digits.size() == 2) {
      const int century = dct.known() ? dct.year / 100 : 19;
      p.index = century * 10 + ToInt(digits) / 10;
      if (p.index * 10 > (dct.known() ? dct.year : 2000)) p.index -= 10;
    } else {
      static constexpr std::array<std::string_view, 8> kDecades = {"twenties", "thirties",  "forties",  "fifties",
                                                                   "sixties",  "seventies", "eighties", "nineties"};
      const int d = IndexIn(kDecades, Lower(decade), 0);
      if (d == 0) return false;
      p.index = 190 + d + 1;
    }
  } else if (std::string_view century = match.Capture("century"); !century.empty()) {
    const int n = ParseOrdinal(century);
    if (n < 1 || n > 30) return false;
    p.grain = Grain::kCentury;
    p.index = n - 1;
  } else if (std::string_view month = match.Capture("month"); !month.empty()) {
    p.month = ParseMonth(month);
    if (p.month == 0) return false;
    p.grain = Grain::kMonth;
    // "the April-June quarter": a calendar quarter or half by its months.
    if (std::string_view last = match.Capture("month_last"); !last.empty()) {
      const int first = p.month, months = ParseMonth(last) - first + 1;
      if (months == 3 && first % 3 == 1) {
        p = TimexPoint{Grain::kQuarter, year, 0, 0, (first + 2) / 3};
      } else if (months == 6 && first % 6 == 1) {
        p = TimexPoint{Grain::kHalf, year, 0, 0, (first + 5) / 6};
      } else {
        return false;
      }
      *point = year == 0 && dct.known() ? Nearest(match, p) : p;
      return true;
    }
    if (std::string_view day = match.Capture("day"); !day.empty()) {
      p.day = ParseOrdinal(day);
      if (p.day < 1 || p.day > DaysInMonth(year == 0 ? 2000 : year, p.month)) return false;
      p.grain = Grain::kDay;
    }
    // "the fourth Thursday of November": a day known once the year is.
    const std::string_view nth_text = match.Capture("nth");
  const int nth = nth_text == "-1" ? -1 : ToInt(nth_text);
    const int nth_weekday = ParseWeekday(match.Capture("weekday"));
    if (nth != 0 && nth_weekday != 0) {
      p.grain = Grain::kDay;
      p.day = 15;  // a stand-in for choosing the year
    }
    if (year == 0 && dct.known()) p = Nearest(match, p);
    if (nth != 0 && nth_weekday != 0) {
      if (p.year == 0) {
        *fallback = fmt::format("XXXX-{:02}-XX", p.month);
        return true;
      }
      const CalendarDate first{p.year, p.month, 1};
      int day = 1 + (nth_weekday - Weekday(first) + 7) % 7 + 7 * (nth > 0 ? nth - 1 : 0);
      if (nth < 0) {  // the last one of the month
        while (day + 7 <= DaysInMonth(p.year, p.month)) day += 7;
      }
      p.day = day;
    }
  } else if (std::string_view week = match.Capture("week"); !week.empty()) {
    p.grain = match.Capture("weekend").empty() ? Grain::kWeek : Grain::kWeekend;
    p.index = ToInt(week);
    if (p.index < 1 || p.index > 53) return false;
  } else if (std::string_view quarter = match.Capture("quarter"); !quarter.empty()) {
    p.grain = Grain::kQuarter;
    p.index = ParseOrdinal(quarter);
    if (p.index < 1 || p.index > 4) return false;
    if (year == 0 && dct.known()) p = Nearest(match, p);
  } else if (std::string_view half = match.Capture("half"); !half.empty()) {
    p.grain = Grain::kHalf;
    p.index = ParseOrdinal(half);
    if (p.index == 4) p.index = 2;  // "the last half"
    if (p.index < 1 || p.index > 2) return false;
    if (year == 0 && dct.known()) p = Nearest(match, p);
  } else if (std::string_view season = match.Capture("season"); !season.empty()) {
    p.grain = Grain::kSeason;
    p.index = ParseSeason(season);
    if (p.index == 0) return false;
    if (year == 0 && dct.known()) p = Nearest(match, p);
  } else if (std::string_view weekday = match.Capture("weekday"); !weekday.empty()) {
    const int w = ParseWeekday(weekday);
    if (w == 0) return false;
    if (!dct.known()) {
      *fallback = fmt::format("XXXX-WXX-{}", w);
      return true;
    }
    p = NearestWeekday(match, w);
  } else if (year != 0) {
    p.grain = Grain::kYear;
  } else {
    return false;
  }
  *point = p;
  return true;
}

// TIMEX3 code of a part of the day.
std::string_view PartOfDay(std::string_view text) {
  const std::string s = Lower(text);
  if (s.find("morning") != std::string::npos || s == "dawn") return "MO";
  if (s.find("afternoon") != std::string::npos) return "AF";
  if (s.find("evening") != std::string::npos || s == "dusk") return "EV";
  if (s.find("night") != std::string::npos || s == "overnight") return "NI";
  if (s.find("day") != std::string::npos) return "DT";
  return "";
}

// "P5Y", "P18M", "PT3H", "PXY": a count of units as an ISO 8601 duration.
// Quarters and halves are months, decades and centuries years, so that
// every value stays plain ISO 8601.
bool DurationValue(const MatchView& match, std::string* value) {
  double count = 1;
  bool vague = false;
  if (std::string_view c = match.Capture("count"); !c.empty() && !ParseCount(c, &count, &vague)) return false;
  if (!match.Capture("plural").empty() && match.Capture("count").empty()) vague = true;
  if (!match.Capture("and_half").empty()) count += 0.5;
  const std::string unit = Lower(match.Capture("unit"));
  std::string u = unit;
  if (u.size() > 1 && u.back() == 's' && u != "hours" && u != "minutes" && u != "seconds") u.pop_back();
  static constexpr std::pair<std::string_view, std::string_view> kTime[] = {
      {"hour", "H"}, {"hours", "H"}, {"hr", "H"}, {"minute", "M"}, {"minutes", "M"}, {"min", "M"},
      {"second", "S"}, {"seconds", "S"}, {"sec", "S"}};
  for (const auto& [name, letter] : kTime) {
    if (u == name) {
      *value = vague ? fmt::format("PTX{}", letter) : fmt::format("PT{}{}", count, letter);
      return true;
    }
  }
  Grain grain;
  if (u == "centurie") u = "century";
  if (u == "fortnight") {
    grain = Grain::kWeek;
    count *= 2;
  } else if (!ParseUnit(u, &grain)) {
    return false;
  }
  if (grain == Grain::kWeekend) {
    *value = vague ? "PXWE" : fmt::format("P{}D", count * 2);
    return true;
  }
  static constexpr std::pair<Grain, std::pair<int, char>> kAs[] = {
      {Grain::kQuarter, {3, 'M'}}, {Grain::kHalf, {6, 'M'}},    {Grain::kSeason, {3, 'M'}},
      {Grain::kDecade, {10, 'Y'}}, {Grain::kCentury, {100, 'Y'}}, {Grain::kDay, {1, 'D'}},
      {Grain::kWeek, {1, 'W'}},    {Grain::kMonth, {1, 'M'}},   {Grain::kYear, {1, 'Y'}},
  };
  for (const auto& [g, as] : kAs) {
    if (g != grain) continue;
    if (vague) {
      *value = fmt::format("PX{}", as.second);
      return true;
    }
    double n = count * as.first;
    // Half units become the next smaller one: 1.5 years are 18 months.
    if (n != std::floor(n) && as.second == 'Y') {
      *value = fmt::format("P{}M", n * 12);
    } else if (n != std::floor(n) && as.second == 'M') {
      *value = fmt::format("P{}W", std::round(n * 30 / 7 * 10) / 10);
    } else {
      *value = fmt::format("P{}{}", n, as.second);
    }
    return true;
  }
  return false;
}

// "daily", "annually" ... as the period they recur with; "" otherwise.
std::string_view AdverbUnit(std::string_view text) {
  static constexpr std::pair<std::string_view, std::string_view> kAdverbs[] = {
      {"hourly", "PT1H"}, {"daily", "P1D"},     {"nightly", "P1D"},  {"weekly", "P1W"},
      {"monthly", "P1M"}, {"quarterly", "P3M"}, {"yearly", "P1Y"},   {"annually", "P1Y"},
  };
  const std::string s = Lower(text);
  for (const auto& [word, value] : kAdverbs) {
    if (s == word) return value;
  }
  return "";
}

// The tz database's zone named after `city` ("New York": America/New_York,
// "Tokyo": Asia/Tokyo), from ICU's list of zone ids, or "". News names a
// few zones after cities the ids do not have.
std::string ZoneOfCity(std::string_view city) {
  static constexpr std::pair<std::string_view, std::string_view> kOthers[] = {
      {"Beijing", "Asia/Shanghai"}, {"Washington", "America/New_York"}, {"New Delhi", "Asia/Kolkata"},
      {"Mumbai", "Asia/Kolkata"},   {"Abu Dhabi", "Asia/Dubai"},
  };
  for (const auto& [name, id] : kOthers) {
    if (city == name) return std::string(id);
  }
  std::string suffix = "/" + std::string(city);
  std::replace(suffix.begin(), suffix.end(), ' ', '_');
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<icu::StringEnumeration> ids(icu::TimeZone::createEnumeration(status));
  if (U_FAILURE(status) || ids == nullptr) return "";
  for (const char* id = ids->next(nullptr, status); id != nullptr && U_SUCCESS(status); id = ids->next(nullptr, status)) {
    if (std::string_view(id).ends_with(suffix)) return id;
  }
  return "";
}

// The UTC offset ("-05:00") of the tz database's zone `olson_id` at `hour`
// and `minute` local time of `day` (YYYY-MM-DD), from ICU's copy of the
// database; its standard offset when the day is unknown.
std::string ZoneOffset(const char* olson_id, std::string_view day, int hour, int minute) {
  const std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(olson_id));
  UErrorCode status = U_ZERO_ERROR;
  int32_t raw = zone->getRawOffset(), daylight = 0;
  if (CalendarDate date; ParseIsoDate(day, &date)) {
    const double local_ms = (static_cast<double>(DaysFromCivil(date)) * 86400 + hour * 3600 + minute * 60) * 1000;
    zone->getOffset(local_ms, /*local=*/true, raw, daylight, status);
  }
  if (U_FAILURE(status)) return "";
  const int minutes = (raw + daylight) / 60000;
  return fmt::format("{}{:02}:{:02}", minutes < 0 ? '-' : '+', std::abs(minutes) / 60, std::abs(minutes) % 60);
}

}  // namespace

std::string ModifierOf(std::string_view text) {
  const std::string s = Lower(text);
  static constexpr std::pair<std::string_view, std::string_view> kMods[] = {
      {"early", "START"},         {"beginning", "START"},     {"start", "START"},
      {"dawn", "START"},          {"mid", "MID"},             {"middle", "MID"},
      {"late", "END"},            {"end", "END"},             {"close", "END"},
      {"about", "APPROX"},        {"around", "APPROX"},       {"approximately", "APPROX"},
      {"roughly", "APPROX"},      {"some", "APPROX"},         {"nearly", "APPROX"},
      {"almost", "APPROX"},       {"close to", "APPROX"},     {"more than", "MORE_THAN"},
      {"over", "MORE_THAN"},      {"upwards of", "MORE_THAN"}, {"less than", "LESS_THAN"},
      {"under", "LESS_THAN"},     {"fewer than", "LESS_THAN"}, {"at least", "EQUAL_OR_MORE"},
      {"no more than", "EQUAL_OR_LESS"}, {"at most", "EQUAL_OR_LESS"}, {"up to", "EQUAL_OR_LESS"},
      {"no less than", "EQUAL_OR_MORE"}, {"before", "BEFORE"}, {"after", "AFTER"},
  };
  // Longest phrase first: "no more than" before "more than".
  std::string_view best, mod;
  for (const auto& [words, value] : kMods) {
    if (s.find(words) != std::string::npos && words.size() > best.size()) {
      best = words;
      mod = value;
    }
  }
  return std::string(mod);
}

bool NormalizeDate(const MatchView& match, Attributes* out) {
  out->timex_type = "DATE";
  out->mod = ModifierOf(match.Capture("mod"));
  if (std::string_view value = match.Capture("value"); !value.empty()) {
    out->value = Value::String(std::string(value));
    return true;
  }
  // "the first three quarters of 2022": a range within a year.
  if (std::string_view range = match.Capture("range"); !range.empty()) {
    Grain unit;
    double count = 0;
    bool vague = false;
    const int year = ParseYear(match.Capture("year"), match.dct());
    if (!ParseUnit(match.Capture("unit"), &unit) || !ParseCount(match.Capture("count"), &count, &vague) || vague ||
        year == 0 || (unit != Grain::kQuarter && unit != Grain::kMonth && unit != Grain::kHalf)) {
      return false;
    }
    const int per_year = unit == Grain::kQuarter ? 4 : unit == Grain::kHalf ? 2 : 12;
    const int n = static_cast<int>(count);
    if (n < 1 || n > per_year) return false;
    const bool first = Lower(range) == "first";
    TimexPoint from{unit, year, 0, 0, first ? 1 : per_year - n + 1};
    TimexPoint to{unit, year, 0, 0, first ? n : per_year};
    if (unit == Grain::kMonth) {
      from.month = from.index;
      to.month = to.index;
      from.index = to.index = 0;
    }
    out->value = Value::String(from.Value() + "/" + to.Value());
    return true;
  }
  TimexPoint point;
  std::string fallback;
  if (!ResolvePoint(match, &point, &fallback)) return false;
  std::string value = fallback.empty() ? point.Value() : fallback;
  // A date named in its own right is what "a year earlier" later counts
  // from; one counted back or ahead from another ("a year ago") is not.
  if (fallback.empty() && point.year != 0 && match.Capture("direction").empty()) match.SetReference(value);
  // A part of the day stays out of a DATE's value ("Wednesday night" is
  // the Wednesday), as most TIMEX3 annotation has it; TIME rules keep it.
  out->value = Value::String(std::move(value));
  return true;
}

bool NormalizeTime(const MatchView& match, Attributes* out) {
  out->timex_type = "TIME";
  out->mod = ModifierOf(match.Capture("mod"));
  // The day: named in the match, else the document's.
  std::string day = "XXXX-XX-XX";
  TimexPoint point;
  std::string fallback;
  const bool names_day = !match.Capture("weekday").empty() || !match.Capture("month").empty() ||
                         !match.Capture("unit").empty() || !match.Capture("shift").empty();
  if (names_day) {
    if (!ResolvePoint(match, &point, &fallback)) return false;
    if (fallback.empty() && point.grain == Grain::kDay) day = point.Value();
  } else if (TimexPoint named; Reference(match, 1, &named) && named.grain == Grain::kDay) {
    day = named.Value();  // "on Oct. 13 ... at 10 p.m."
  } else if (match.dct().known()) {
    day = TimexPoint::Containing(match.dct(), Grain::kDay).Value();
  }
  std::string clock;
  int hour = 12, minute = 0;  // a part of the day ("tonight") is taken at noon for its zone's offset
  if (std::string_view hour_text = match.Capture("hour"); !hour_text.empty()) {
    hour = ToInt(hour_text);
    minute = ToInt(match.Capture("minute"));
    const std::string ampm = Lower(match.Capture("ampm"));
    if (!ampm.empty()) {
      if (hour < 1 || hour > 12) return false;
      if (ampm[0] == 'p' && hour != 12) hour += 12;
      if (ampm[0] == 'a' && hour == 12) hour = 0;
    }
    if (hour > 24 || minute > 59) return false;
    clock = fmt::format("{:02}:{:02}", hour, minute);
    if (std::string_view second = match.Capture("second"); !second.empty()) clock += fmt::format(":{:02}", ToInt(second));
  } else if (std::string_view part = PartOfDay(match.Capture("part")); !part.empty()) {
    clock = part;
  } else {
    return false;
  }
  std::string zone;
  if (std::string_view city = match.Capture("zone_city"); !city.empty()) {
    if (const std::string olson_id = ZoneOfCity(city); !olson_id.empty()) {
      zone = ZoneOffset(olson_id.c_str(), day, hour, minute);
    }
  } else if (std::string_view z = match.Capture("zone"); !z.empty()) {
    static constexpr std::pair<std::string_view, std::string_view> kZones[] = {
        {"UTC", "Z"},       {"GMT", "Z"},       {"Z", "Z"},         {"EST", "-05:00"},  {"EDT", "-04:00"},
        {"CST", "-06:00"},  {"CDT", "-05:00"},  {"MST", "-07:00"},  {"MDT", "-06:00"},  {"PST", "-08:00"},
        {"PDT", "-07:00"},  {"BST", "+01:00"},  {"CET", "+01:00"},  {"CEST", "+02:00"}, {"EET", "+02:00"},
        {"EEST", "+03:00"}, {"MSK", "+03:00"},  {"IST", "+05:30"},  {"SGT", "+08:00"},  {"HKT", "+08:00"},
        {"JST", "+09:00"},  {"KST", "+09:00"},  {"AEST", "+10:00"}, {"AEDT", "+11:00"},
    };
    // US zones said without "standard" or "daylight": the offset in force then.
    static constexpr std::pair<std::string_view, const char*> kRegions[] = {
        {"ET", "America/New_York"}, {"CT", "America/Chicago"}, {"MT", "America/Denver"}, {"PT", "America/Los_Angeles"},
    };
    std::string upper(z);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::erase(upper, '.');
    for (const auto& [name, offset] : kZones) {
      if (upper == name) zone = offset;
    }
    for (const auto& [name, olson_id] : kRegions) {
      if (upper == name) zone = ZoneOffset(olson_id, day, hour, minute);
    }
  }
  out->value = Value::String(day + "T" + clock + zone);
  return true;
}

bool NormalizeDuration(const MatchView& match, Attributes* out) {
  out->timex_type = "DURATION";
  out->mod = ModifierOf(match.Capture("mod"));
  std::string value;
  if (std::string_view fixed = match.Capture("value"); !fixed.empty()) {
    value = fixed;
  } else if (!DurationValue(match, &value)) {
    return false;
  }
  out->value = Value::String(std::move(value));
  return true;
}

bool NormalizeSet(const MatchView& match, Attributes* out) {
  out->timex_type = "SET";
  if (std::string_view times = match.Capture("times"); !times.empty()) {
    const std::string t = Lower(times);
    double n = t == "once" ? 1 : t == "twice" ? 2 : t == "thrice" ? 3 : 0;
    bool vague = false;
    if (n == 0 && !ParseCount(t.substr(0, t.find(' ')), &n, &vague)) return false;
    out->freq = vague ? "X" : fmt::format("{}X", n);
  }
  std::string value;
  if (std::string_view weekday = match.Capture("weekday"); !weekday.empty()) {
    const int w = ParseWeekday(weekday);
    if (w == 0) return false;
    value = fmt::format("XXXX-WXX-{}", w);
  } else if (std::string_view month = match.Capture("month"); !month.empty()) {
    const int m = ParseMonth(month);
    if (m == 0) return false;
    value = fmt::format("XXXX-{:02}", m);
  } else if (std::string_view adverb = AdverbUnit(match.Capture("unit")); !adverb.empty()) {
    value = adverb;
  } else if (!DurationValue(match, &value)) {
    return false;
  }
  if (std::string_view part = PartOfDay(match.Capture("part")); !part.empty()) {
    value = (value.starts_with("P") ? "XXXX-XX-XX" : value) + "T" + std::string(part);
  }
  out->value = Value::String(std::move(value));
  return true;
}

}  // namespace lede
