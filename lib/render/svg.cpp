#include "render/svg.h"

#include <cmath>

#include "render/escape.h"
#include "core/msg/render.h"

namespace sv::render {

namespace {

const Tr* const kShortMonths[12] = {&msg::r_ms1, &msg::r_ms2, &msg::r_ms3,  &msg::r_ms4,
                                    &msg::r_ms5, &msg::r_ms6, &msg::r_ms7,  &msg::r_ms8,
                                    &msg::r_ms9, &msg::r_ms10, &msg::r_ms11, &msg::r_ms12};

// Fills with at least 3:1 contrast against white (WCAG 1.4.11 for graphics).
const char* status_fill(const std::string& s) {
  if (s == "late") return "#b3261e";
  if (s == "soon-late") return "#8a5300";
  if (s == "ongoing") return "#1f5fa8";
  if (s == "done") return "#2e6b30";
  if (s == "cancelled" || s == "postponed") return "#5f6368";
  return "#6b5b95";  // not started
}

std::string n(double x) { return fmt::format("{:.1f}", x); }

std::string open(const std::string& id, const std::string& title, const std::string& desc, int w, int h) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {2} {3}\" "
      "aria-labelledby=\"{0}-title {0}-desc\" class=\"chart\">"
      "<title id=\"{0}-title\">{1}</title><desc id=\"{0}-desc\">{4}</desc>",
      id, escape_html(title), w, h, escape_html(desc));
}

}  // namespace

std::string gantt_svg(const std::string& id, const std::string& title, const std::string& desc,
                      const std::vector<GanttRow>& rows, Date from, Date to, Date today, Lang lang) {
  const int W = 800, left = 110, right = 40, top = 28, row_h = 26;
  const int H = top + static_cast<int>(rows.size()) * row_h + 22;
  const double span = std::max(1L, to.days() - from.days() + 1);
  auto x_of = [&](const Date& d) { return left + (W - left - right) * ((d.days() - from.days()) / span); };
  std::string s = open(id, title, desc, W, H);
  // Month grid.
  Date m{from.y, from.m, 1};
  while (m <= to) {
    double x = x_of(std::max(m, from));
    s += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#c8c8c8\"/>", n(x), top - 6, H - 18);
    s += fmt::format("<text x=\"{0}\" y=\"{1}\" font-size=\"12\" fill=\"#333\">{2}</text>", n(x + 3), top - 10,
                     escape_html(kShortMonths[m.m - 1]->get(lang)));
    m = m.m == 12 ? Date{m.y + 1, 1, 1} : Date{m.y, m.m + 1, 1};
  }
  int y = top;
  for (const auto& r : rows) {
    double x1 = x_of(r.start), x2 = x_of(r.end.plus_days(1));
    s += "<g>";
    s += fmt::format("<title>{0} {1}: {2} – {3}, {4}</title>", escape_html(r.label), escape_html(r.title),
                     r.start.str(), r.end.str(), escape_html(r.status_text));
    s += fmt::format("<text x=\"4\" y=\"{0}\" font-size=\"13\" fill=\"#1a1a1a\">{1}</text>", y + 17,
                     escape_html(r.label));
    s += fmt::format("<rect x=\"{0}\" y=\"{1}\" width=\"{2}\" height=\"18\" rx=\"3\" fill=\"{3}\"/>", n(x1), y + 4,
                     n(std::max(2.0, x2 - x1)), status_fill(r.status));
    s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"14\" fill=\"{}\">{}</text>", n(std::max(x1, x2 - 2) + 4),
                     y + 18, status_fill(r.status), escape_html(r.symbol));
    s += "</g>";
    y += row_h;
  }
  if (from <= today && today <= to) {
    double x = x_of(today);
    s += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#1a1a1a\" stroke-width=\"2\" "
        "stroke-dasharray=\"4 3\"/><text x=\"{3}\" y=\"{4}\" font-size=\"11\" fill=\"#1a1a1a\">{5}</text>",
        n(x), top - 4, H - 16, n(x + 3), H - 4, escape_html(msg::r_today.get(lang)));
  }
  s += "</svg>";
  return s;
}

std::string wheel_svg(const std::string& id, const std::string& title, const std::string& desc, int year,
                      const std::vector<WheelEvent>& events, Date today, Lang lang) {
  const double cx = 250, cy = 250, pi = std::acos(-1.0);
  const double ring[4] = {186, 156, 126, 96};
  const char* fill[4] = {"#1f5fa8", "#2e6b30", "#b3261e", "#6b5b95"};
  const Tr* names[4] = {&msg::r_cat_meeting, &msg::r_cat_follow_up, &msg::r_cat_deadline, &msg::r_cat_obligation};
  auto angle = [&](const Date& d) {
    double f = (d.m - 1 + (d.d - 1.0) / days_in_month(d.y, d.m)) / 12.0;
    return f * 2 * pi - pi / 2;
  };
  // One shape per category, so the kinds differ by more than colour.
  auto mark = [&](int c, double x, double y) {
    switch (c) {
      case 0: return fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"7\" fill=\"{}\"/>", n(x), n(y), fill[c]);
      case 1: return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>", n(x - 6), n(y - 6), fill[c]);
      case 2:
        return fmt::format("<path d=\"M{} {}l7 7l-7 7l-7 -7z\" fill=\"{}\"/>", n(x), n(y - 7), fill[c]);
      default:
        return fmt::format("<path d=\"M{} {}l7 12h-14z\" fill=\"{}\"/>", n(x), n(y - 7), fill[c]);
    }
  };
  std::string s = open(id, title, desc, 500, 590);
  s += fmt::format("<circle cx=\"250\" cy=\"250\" r=\"232\" fill=\"#f7f7f4\" stroke=\"#767676\"/>");
  for (double r : ring)
    s += fmt::format("<circle cx=\"250\" cy=\"250\" r=\"{}\" fill=\"none\" stroke=\"#d0d0d0\"/>", n(r));
  for (int m = 0; m < 12; ++m) {
    double a = m / 12.0 * 2 * pi - pi / 2, mid = (m + 0.5) / 12.0 * 2 * pi - pi / 2;
    s += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#9a9a9a\"/>", n(cx + 80 * std::cos(a)),
                     n(cy + 80 * std::sin(a)), n(cx + 232 * std::cos(a)), n(cy + 232 * std::sin(a)));
    s += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"14\" text-anchor=\"middle\" dominant-baseline=\"middle\" "
        "fill=\"#1a1a1a\">{}</text>",
        n(cx + 218 * std::cos(mid)), n(cy + 218 * std::sin(mid)), escape_html(kShortMonths[m]->get(lang)));
  }
  s += fmt::format(
      "<text x=\"250\" y=\"250\" font-size=\"28\" font-weight=\"bold\" text-anchor=\"middle\" "
      "dominant-baseline=\"middle\" fill=\"#1a1a1a\">{}</text>",
      year);
  for (const auto& e : events) {
    double a = angle(e.date), r = ring[e.category];
    s += fmt::format("<g><title>{} {}</title>{}</g>", e.date.str(), escape_html(e.text),
                     mark(e.category, cx + r * std::cos(a), cy + r * std::sin(a)));
  }
  if (today.y == year) {
    double a = angle(today);
    s += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#1a1a1a\" stroke-width=\"2\"/>",
                     n(cx + 60 * std::cos(a)), n(cy + 60 * std::sin(a)), n(cx + 232 * std::cos(a)),
                     n(cy + 232 * std::sin(a)));
  }
  // Legend.
  for (int c = 0; c < 4; ++c) {
    double x = 20 + (c % 2) * 240, y = 508 + (c / 2) * 30;
    s += mark(c, x + 8, y);
    s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"14\" dominant-baseline=\"middle\" fill=\"#1a1a1a\">{}</text>",
                     n(x + 24), n(y), escape_html(names[c]->get(lang)));
  }
  s += fmt::format("<text x=\"20\" y=\"572\" font-size=\"14\" dominant-baseline=\"middle\" fill=\"#1a1a1a\">— {}</text>",
                   escape_html(msg::r_today.get(lang)));
  s += "</svg>";
  return s;
}

}  // namespace sv::render
