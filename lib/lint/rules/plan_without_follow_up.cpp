#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kNone{"rule.plan-without-follow-up.none", "planen `{0}` har inga uppföljningstillfällen (`follow_ups`)",
                      "plan `{0}` has no follow-up dates (`follow_ups`)"};
static const Tr kNoneHelp{"rule.plan-without-follow-up.none-help",
                          "planera uppföljningen, t.ex. `follow_ups: [{date: 2026-05-15, type: tertial}]`",
                          "plan the follow-up, e.g. `follow_ups: [{date: 2026-05-15, type: tertial}]`"};
static const Tr kGoal{"rule.plan-without-follow-up.goal",
                      "målet `{0}` har inget mätvärde från uppföljningen {1} eller senare",
                      "goal `{0}` has no measurement from the follow-up of {1} or later"};
static const Tr kGoalHelp{"rule.plan-without-follow-up.goal-help",
                          "för in utfallet under `measurements`, t.ex. `- {{date: {0}, value: ...}}`",
                          "record the outcome under `measurements`, e.g. `- {{date: {0}, value: ...}}`"};
static const Tr kNote{"rule.plan-without-follow-up.note", "uppföljningen", "the follow-up"};

static void check(Context& c) {
  for (const auto& p : c.repo.plans) {
    if (!p.id.set || p.status_value() == PlanStatus::archived || invalid(p.status)) continue;
    if (p.follow_ups.v.empty()) {
      c.report(p.where(), p.id.v, "", msg_of(kNone, p.id.v), msg_of(kNoneHelp));
      continue;
    }
    const FollowUp* last = nullptr;  // the latest follow-up that has passed
    for (const auto& f : p.follow_ups.v)
      if (f.date.set && f.date.v < c.today && (!last || f.date.v > last->date.v)) last = &f;
    if (!last) continue;
    for (const auto& g : p.goals.v) {
      if (!g.id.set) continue;
      bool measured = false;
      for (const auto& m : g.measurements.v) measured |= m.date.set && m.date.v >= last->date.v;
      if (measured) continue;
      auto& f = c.report(g.id.span, p.id.v, g.id.v, msg_of(kGoal, g.id.v, last->date.v.str()),
                         msg_of(kGoalHelp, last->date.v.str()));
      f.notes.push_back(Note{msg_of(kNote), last->date.span});
    }
  }
}

extern const Rule plan_without_follow_up{
    "plan-without-follow-up",
    Severity::warning,
    {"rule.plan-without-follow-up.summary", "en handlingsplan utan uppföljning, eller ett mål som inte följts upp",
     "a plan without follow-up, or a goal not followed up"},
    {{"rule.plan-without-follow-up.explanation",
      R"(Vad: en handlingsplan utan `follow_ups`, eller ett mål i planen som saknar mätvärde (`measurements`) daterat samma dag som den senast passerade uppföljningen eller senare. Arkiverade planer (`status: archived`) kontrolleras inte.

Varför: kontinuerlig uppföljning och revidering är ett av villkoren för god samverkan (källa 000, Samverkanskompetens i Skaraborg), och revisorer finner ofta att målen aldrig följs upp. Ett mål utan utfall efter en uppföljning har inte följts upp.

Fel (med dagens datum 2026-10-15):
{example1}

Rätt:
{example2})",
      R"(What: a plan without `follow_ups`, or a goal of the plan with no measurement (`measurements`) dated on or after the latest follow-up date that has passed. Archived plans (`status: archived`) are not checked.

Why: continuous follow-up and revision is one of the conditions of good samverkan (source 000, Samverkanskompetens in Skaraborg), and auditors often find that goals are never followed up. A goal with no outcome after a follow-up was not followed up.

Fails (today being 2026-10-15):
{example1}

Passes:
{example2})"},
     {R"(follow_ups:
  - {date: 2026-09-15, type: tertial}
goals:
  - id: g1
    title: Fler i arbete
    measurements:
      - {date: 2026-05-15, value: 31})",
      R"(follow_ups:
  - {date: 2026-09-15, type: tertial}
goals:
  - id: g1
    title: Fler i arbete
    measurements:
      - {date: 2026-05-15, value: 31}
      - {date: 2026-09-15, value: 34})"}},
    {},
    check,
};

}  // namespace sv::rules
