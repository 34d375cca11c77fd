#include "lint/rule_util.h"
#include "core/wording.h"

namespace sv::rules {

static const Tr kGap{"rule.forum-meets-cadence.gap",
                     "forumet `{0}` ska mötas {1} (var {2}:e dag + {3} dagars marginal), men det gick {4} dagar mellan mötena {5} och {6}",
                     "forum `{0}` should meet {1} (every {2} days + {3} days' grace), but {4} days passed between its meetings of {5} and {6}"};
static const Tr kSince{"rule.forum-meets-cadence.since",
                       "forumet `{0}` ska mötas {1} (var {2}:e dag + {3} dagars marginal), men har inte mötts på {4} dagar, sedan {5}",
                       "forum `{0}` should meet {1} (every {2} days + {3} days' grace), but has not met for {4} days, since {5}"};
static const Tr kNone{"rule.forum-meets-cadence.none", "forumet `{0}` ska mötas {1}, men inget hållet möte finns",
                      "forum `{0}` should meet {1}, but no meeting held is recorded"};
static const Tr kHelp{"rule.forum-meets-cadence.help",
                      "för in de möten som hållits (`kind: meeting`, `forum: {0}`), eller ändra `cadence` om forumet möts mer sällan",
                      "record the meetings held (`kind: meeting`, `forum: {0}`), or change `cadence` if the forum meets less often"};

static void check(Context& c) {
  long grace = c.option_int("grace_days");
  for (const auto& f : c.repo.forums) {
    auto cadence = f.cadence_value();
    if (!f.id.set || !cadence) continue;
    auto days = cadence_days(*cadence);
    if (!days) continue;  // ad-hoc
    long limit = *days + grace;
    std::vector<const Meeting*> held;
    for (const Meeting* m : meetings_of(c, f.id.v))
      if (m->date.v <= c.today) held.push_back(m);
    if (held.empty()) {
      c.report(f.cadence.span, f.id.v, "", msg_of(kNone, f.id.v, enum_arg<Cadence>(f.cadence.v)), msg_of(kHelp, f.id.v));
      continue;
    }
    for (size_t i = 1; i < held.size(); ++i) {
      const Meeting& a = *held[i - 1];
      const Meeting& b = *held[i];
      long gap = b.date.v.days() - a.date.v.days();
      if (gap > limit)
        c.report(b.date.span, f.id.v, a.id.v + ".." + b.id.v,
                 msg_of(kGap, f.id.v, enum_arg<Cadence>(f.cadence.v), *days, grace, gap, a.date.v.str(), b.date.v.str()),
                 msg_of(kHelp, f.id.v));
    }
    const Meeting& last = *held.back();
    long since = c.today.days() - last.date.v.days();
    if (since > limit)
      c.report(f.cadence.span, f.id.v, last.id.v + "..today",
               msg_of(kSince, f.id.v, enum_arg<Cadence>(f.cadence.v), *days, grace, since, last.date.v.str()), msg_of(kHelp, f.id.v));
  }
}

extern const Rule forum_meets_cadence{
    "forum-meets-cadence",
    Severity::warning,
    {"rule.forum-meets-cadence.summary", "ett forum som inte möts så ofta som det ska",
     "a forum that does not meet as often as it should"},
    {{"rule.forum-meets-cadence.explanation",
      R"(Vad: ett forum med `cadence` där det gått för lång tid mellan två möten i följd, eller från det senaste mötet till i dag. Varje `cadence` ger ett antal dagar: `weekly` 7, `biweekly` 14, `monthly` 31, `bimonthly` 61, `quarterly` 92, `semiannual` 183, `annual` 366; `ad-hoc` kontrolleras inte. Ett glapp räknas som för långt när det är större än det antalet plus `grace_days`. Bara möten som hållits (daterade i dag eller tidigare) räknas; ett forum utan något hållet möte ger ett fynd, på sin `cadence`.

Varför: kontinuerliga mötesplatser håller samverkan levande (Samverkansprinciper och mål 2009). Ett forum som slutat mötas är ett tidigt tecken på att samverkan har tappat fart.

Fel (med dagens datum 2026-10-15): forumet har `cadence: monthly` och möten 2026-03-05 och 2026-06-11 (98 dagar, mer än 31 + 14).

Rätt: möten 2026-03-05, 2026-04-09, 2026-05-07, 2026-06-11, 2026-08-20, 2026-09-17 och 2026-10-08 (inget glapp över 45 dagar).)",
      R"(What: a forum with a `cadence` where too long passed between two consecutive meetings, or from its last meeting until today. Each `cadence` gives a number of days: `weekly` 7, `biweekly` 14, `monthly` 31, `bimonthly` 61, `quarterly` 92, `semiannual` 183, `annual` 366; `ad-hoc` is not checked. A gap is too long when it exceeds that number plus `grace_days`. Only meetings held (dated today or earlier) count; a forum with no meeting held gives one finding, at its `cadence`.

Why: continuous meeting places keep samverkan alive (Samverkansprinciper och mål 2009). A forum that has stopped meeting is an early sign that the collaboration has lost pace.

Fails (today being 2026-10-15): the forum has `cadence: monthly` and meetings on 2026-03-05 and 2026-06-11 (98 days, more than 31 + 14).

Passes: meetings on 2026-03-05, 2026-04-09, 2026-05-07, 2026-06-11, 2026-08-20, 2026-09-17 and 2026-10-08 (no gap over 45 days).)"},
     {}},
    {{"grace_days", "14", OptionDef::Type::integer,
      {"rule.forum-meets-cadence.opt.grace_days", "dagar utöver takten innan regeln slår till",
       "days beyond the cadence before the rule fires"}}},
    check,
};

}  // namespace sv::rules
