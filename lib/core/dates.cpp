#include "core/dates.h"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <ctime>
#include <fmt/format.h>

namespace sv {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && is_leap(y) ? 29 : n[m - 1];
}

// Howard Hinnant's days_from_civil / civil_from_days.
long Date::days() const {
  int yy = y - (m <= 2);
  long era = (yy >= 0 ? yy : yy - 399) / 400;
  unsigned yoe = static_cast<unsigned>(yy - era * 400);
  unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

Date Date::from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = static_cast<long>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

std::string Date::str() const { return fmt::format("{:04}-{:02}-{:02}", y, m, d); }

static bool digits(std::string_view s, size_t from, size_t n, int& out) {
  if (from + n > s.size()) return false;
  int v = 0;
  for (size_t i = from; i < from + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

std::optional<Date> parse_date(std::string_view s) {
  Date d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!digits(s, 0, 4, d.y) || !digits(s, 5, 2, d.m) || !digits(s, 8, 2, d.d)) return std::nullopt;
  if (d.y < 1900 || d.m < 1 || d.m > 12 || d.d < 1 || d.d > days_in_month(d.y, d.m)) return std::nullopt;
  return d;
}

std::string TimeOfDay::str() const { return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60); }

std::optional<TimeOfDay> parse_time(std::string_view s) {
  int h = 0, m = 0;
  if (s.size() != 5 || s[2] != ':' || !digits(s, 0, 2, h) || !digits(s, 3, 2, m)) return std::nullopt;
  if (h > 23 || m > 59) return std::nullopt;
  return TimeOfDay{h * 60 + m};
}

Period period_range(const Date& start, const Date& end) {
  return Period{start.str() + ".." + end.str(), start, end};
}

std::optional<Period> parse_period(std::string_view s) {
  int y = 0;
  if (s.size() < 4 || !digits(s, 0, 4, y) || y < 1900) return std::nullopt;
  auto span = [&](int m1, int m2) {
    return Period{std::string(s), Date{y, m1, 1}, Date{y, m2, days_in_month(y, m2)}};
  };
  if (s.size() == 4) return span(1, 12);
  if (s.size() != 6) return std::nullopt;
  char k = s[4];
  int n = s[5] - '0';
  if (k == 'H' && n >= 1 && n <= 2) return span(n * 6 - 5, n * 6);
  if (k == 'T' && n >= 1 && n <= 3) return span(n * 4 - 3, n * 4);
  if (k == 'Q' && n >= 1 && n <= 4) return span(n * 3 - 2, n * 3);
  return std::nullopt;
}

std::optional<Date> resolve_today(const std::string& option, std::string& error) {
  if (!option.empty()) {
    auto d = parse_date(option);
    if (!d) error = option;
    return d;
  }
  long secs = 0;
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) {
    std::string_view v(e);
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), secs);
    if (ec != std::errc() || p != v.data() + v.size() || secs < 0) {
      error = std::string(v);
      return std::nullopt;
    }
  } else {
    secs = static_cast<long>(std::time(nullptr));
  }
  return Date{1970, 1, 1}.plus_days(secs / 86400);
}

}  // namespace sv
