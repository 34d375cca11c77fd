// Calendar dates, times of day and follow-up periods, as the format writes them.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace sv {

struct Date {
  int y = 0, m = 0, d = 0;
  auto operator<=>(const Date&) const = default;
  // Days since 1970-01-01 (proleptic Gregorian).
  long days() const;
  static Date from_days(long days);
  std::string str() const;  // YYYY-MM-DD
  Date plus_days(long n) const { return from_days(days() + n); }
};

bool is_leap(int y);
int days_in_month(int y, int m);
// Strict YYYY-MM-DD that is a real calendar date.
std::optional<Date> parse_date(std::string_view s);

struct TimeOfDay {
  int minutes = 0;  // since midnight
  auto operator<=>(const TimeOfDay&) const = default;
  std::string str() const;  // HH:MM
};
std::optional<TimeOfDay> parse_time(std::string_view s);

// A period: YYYY, YYYYH1/H2, YYYYT1-T3, YYYYQ1-Q4, or an explicit range.
struct Period {
  std::string text;  // as written; "start..end" for a range
  Date start, end;   // inclusive
  bool contains(const Date& d) const { return start <= d && d <= end; }
};
std::optional<Period> parse_period(std::string_view s);
Period period_range(const Date& start, const Date& end);

// The date "today" for reproducible results: --today, else SOURCE_DATE_EPOCH,
// else the system clock (UTC). Returns nullopt and sets `error` on bad input.
std::optional<Date> resolve_today(const std::string& option, std::string& error);

}  // namespace sv
