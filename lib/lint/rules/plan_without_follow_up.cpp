#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kNone{"rule.plan-without-follow-up.none", "planen `{0}` har inga uppföljningstillfällen (`follow_ups`)",
                      "plan `{0}` has no follow-up dates (`follow_ups`)"};
static const Tr kNoneHelp{"rule.plan-without-follow-up.none-help",
                          "planera uppföljningen, t.ex. `follow_ups: [{date: 2026-05-15, type: tertial}]`",
                          "plan the follow-up, e.g. `follow_ups: [{date: 2026-05-15, type: tertial}]`"};
static const Tr kGoal{"rule.plan-without-follow-up.goal",
                      "målet `{0}` har inget mätvärde till uppföljningen {1}: inget efter föregående uppföljning, {2}",
                      "goal `{0}` has no measurement for the follow-up of {1}: none after the previous follow-up, {2}"};
static const Tr kGoalFirst{"rule.plan-without-follow-up.goal-first",
                           "målet `{0}` har inget mätvärde till uppföljningen {1}: inget sedan periodens start, {2}",
                           "goal `{0}` has no measurement for the follow-up of {1}: none since the period's start, {2}"};
static const Tr kGoalHelp{"rule.plan-without-follow-up.goal-help",
                          "för in utfallet under `measurements`, t.ex. `- {{date: {0}, value: ...}}`",
                          "record the outcome under `measurements`, e.g. `- {{date: {0}, value: ...}}`"};
static const Tr kNote{"rule.plan-without-follow-up.note", "uppföljningen", "the follow-up"};

// Whether a goal has a value for a follow-up: a measurement dated after the
// follow-up before it, or for the first one, from the start of the plan's
// period. A value is often dated at the end of the tertial or half-year it
// measures and presented at a follow-up some weeks later: that is normal.
static bool measured_for(const Goal& g, const FollowUp* previous, const Plan& p) {
  for (const auto& m : g.measurements.v) {
    if (!m.date.set) continue;
    if (previous ? m.date.v > previous->date.v : !p.period.set || m.date.v >= p.period.v.start) return true;
  }
  return false;
}

static void report_goal(Context& c, const Plan& p, const Goal& g, const FollowUp& last, const FollowUp* previous) {
  std::string since = previous ? previous->date.v.str() : p.period.set ? p.period.v.start.str() : std::string();
  Message msg = previous ? msg_of(kGoal, g.id.v, last.date.v.str(), since)
                         : msg_of(kGoalFirst, g.id.v, last.date.v.str(), since);
  auto& f = c.report(g.id.span, p.id.v, g.id.v, std::move(msg), msg_of(kGoalHelp, last.date.v.str()));
  f.notes.push_back(Note{msg_of(kNote), last.date.span});
}

static void check(Context& c) {
  for (const auto& p : c.repo.plans) {
    if (!p.id.set || p.status_value() == PlanStatus::archived || invalid(p.status)) continue;
    if (p.follow_ups.v.empty()) {
      c.report(p.where(), p.id.v, "", msg_of(kNone, p.id.v), msg_of(kNoneHelp));
      continue;
    }
    // The latest follow-up that has passed, and the one before it.
    const FollowUp* last = nullptr;
    const FollowUp* previous = nullptr;
    for (const auto& f : p.follow_ups.v) {
      if (!f.date.set || f.date.v >= c.today) continue;
      if (!last || f.date.v > last->date.v) {
        if (last) previous = last;
        last = &f;
      } else if (f.date.v < last->date.v && (!previous || f.date.v > previous->date.v)) {
        previous = &f;
      }
    }
    if (!last) continue;
    for (const auto& g : p.goals.v)
      if (g.id.set && !measured_for(g, previous, p)) report_goal(c, p, g, *last, previous);
  }
}

extern const Rule plan_without_follow_up{
    "plan-without-follow-up",
    Severity::warning,
    {"rule.plan-without-follow-up.summary", "en handlingsplan utan uppföljning, eller ett mål som inte följts upp",
     "a plan without follow-up, or a goal not followed up"},
    {{"rule.plan-without-follow-up.explanation",
      R"(Vad: en handlingsplan utan `follow_ups`, eller ett mål i planen som saknar mätvärde (`measurements`) till den senast passerade uppföljningen: daterat efter uppföljningen före den (för den första: från periodens start). Ett utfall dateras ofta vid tertialets eller halvårets slut och redovisas vid en uppföljning några veckor senare; det räknas. Arkiverade planer (`status: archived`) kontrolleras inte.

Varför: kontinuerlig uppföljning och revidering är ett av villkoren för god samverkan (Samverkanskompetens i Skaraborg), och revisorer finner ofta att målen aldrig följs upp. Ett mål utan utfall efter en uppföljning har inte följts upp.

Fel (med dagens datum 2026-10-15):
{example1}

Rätt:
{example2})",
      R"(What: a plan without `follow_ups`, or a goal of the plan with no measurement (`measurements`) for the latest follow-up that has passed: dated after the follow-up before it (for the first one: from the start of the plan's period). A value is often dated at the end of the tertial or half-year and presented at a follow-up some weeks later; that counts. Archived plans (`status: archived`) are not checked.

Why: continuous follow-up and revision is one of the conditions of good samverkan (Samverkanskompetens in Skaraborg), and auditors often find that goals are never followed up. A goal with no outcome after a follow-up was not followed up.

Fails (today being 2026-10-15):
{example1}

Passes:
{example2})"},
     {R"(period: 2026
follow_ups:
  - {date: 2026-05-15, type: tertial}
  - {date: 2026-09-15, type: tertial}
goals:
  - id: g1
    title: Fler i arbete
    measurements:
      - {date: 2026-04-30, value: 31})",
      R"(period: 2026
follow_ups:
  - {date: 2026-05-15, type: tertial}
  - {date: 2026-09-15, type: tertial}
goals:
  - id: g1
    title: Fler i arbete
    measurements:
      - {date: 2026-04-30, value: 31}
      - {date: 2026-08-31, value: 34})"}},
    {},
    check,
};

}  // namespace sv::rules
