#include <algorithm>
#include <set>

#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kMsg{"rule.report-missing.msg",
                     "samverkan `{0}` har ingen rapport för {1} (slut {2}), som planen `{3}` omfattar",
                     "collaboration `{0}` has no report for {1} (ended {2}), which plan `{3}` covers"};
static const Tr kHelp{"rule.report-missing.help",
                      "skriv rapporten: `kind: report`, `collaboration: {0}`, `period: {1}`",
                      "write the report: `kind: report`, `collaboration: {0}`, `period: {1}`"};

// The period a report option value names in year y: H1, H2 or year.
static std::optional<Period> period_for(std::string_view option, int y) {
  if (option == "year") return parse_period(std::to_string(y));
  if (option == "H1" || option == "H2") return parse_period(std::to_string(y) + std::string(option));
  return std::nullopt;
}

static void check(Context& c) {
  auto options = c.option_list("periods");
  for (const auto& collab : c.repo.collaborations) {
    if (!collab.id.set) continue;
    std::vector<const Plan*> plans;
    for (const Plan* p : c.index().plans_of_collaboration(collab.id.v))
      if (p->id.set && p->period.set) plans.push_back(p);
    std::sort(plans.begin(), plans.end(), [](const Plan* a, const Plan* b) {
      return std::tie(a->period.v.start, a->id.v) < std::tie(b->period.v.start, b->id.v);
    });
    std::set<std::string> done;
    for (const Plan* p : plans)
      for (int y = p->period.v.start.y; y <= p->period.v.end.y; ++y)
        for (const auto& o : options) {
          auto need = period_for(o, y);
          if (!need || need->end >= c.today || need->end < p->period.v.start || need->start > p->period.v.end) continue;
          if (!done.insert(need->text).second) continue;
          const auto& reports = c.index().reports_of_collaboration(collab.id.v);
          bool found = std::any_of(reports.begin(), reports.end(), [&](const Report* r) {
            return r->period.set && r->period.v.start == need->start && r->period.v.end == need->end;
          });
          if (!found)
            c.report(p->period.span, collab.id.v, need->text,
                     msg_of(kMsg, collab.id.v, need->text, need->end.str(), p->id.v),
                     msg_of(kHelp, collab.id.v, need->text));
        }
  }
}

extern const Rule report_missing{
    "report-missing",
    Severity::warning,
    {"rule.report-missing.summary", "en halvårs- eller helårsrapport som saknas",
     "a half-year or full-year report that is missing"},
    {{"rule.report-missing.explanation",
      R"(Vad: en samverkan med en handlingsplan vars period berör ett halvår eller år som har tagit slut, utan någon `report` för just den perioden. Vilka perioder som kräver rapport anges med `periods`: `H1` (första halvåret, YYYYH1), `H2` (andra halvåret) och `year` (helår, YYYY). En rapport räknas om den hör till samverkan och dess `period` är samma period, skriven som `2026H1` eller som start och slut. Fyndet pekar på planens `period`.

Varför: samverkanskoordinatorn rapporterar vid halvårs- och helårsskiftet till förbundschefen (Uppdrag Samverkan på Höglandet). Utan rapport får huvudmännen ingen samlad bild av arbetet.

Fel (med dagens datum 2026-10-15): planen har `period: 2026` och ingen rapport har `period: 2026H1`.

Rätt:
{example1})",
      R"(What: a collaboration with a plan whose period touches a half-year or year that has ended, with no `report` for that very period. Which periods need a report is set by `periods`: `H1` (the first half-year, YYYYH1), `H2` (the second) and `year` (the full year, YYYY). A report counts when it belongs to the collaboration and its `period` is the same period, written as `2026H1` or as a start and end. The finding points at the plan's `period`.

Why: the coordinator reports at the turn of the half-year and the year to the head of the association (Uppdrag Samverkan på Höglandet). Without a report the huvudmän get no overall picture of the work.

Fails (today being 2026-10-15): the plan has `period: 2026` and no report has `period: 2026H1`.

Passes:
{example1})"},
     {R"(kind: report
id: halvarsrapport-2026
collaboration: samverkan-nassjo
period: 2026H1
submitted: 2026-08-28)"}},
    {{"periods", "[H1, year]", OptionDef::Type::list,
      {"rule.report-missing.opt.periods", "perioder som kräver rapport: H1, H2, year",
       "periods that need a report: H1, H2, year"},
      0, 0, {"H1", "H2", "year"}}},
    check,
};

}  // namespace sv::rules
