#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kMsg{"rule.action-without-owner.msg", "åtgärden `{0}` i `{1}` har ingen ägare (`owner`)",
                     "action `{0}` of `{1}` has no `owner`"};
static const Tr kHelp{"rule.action-without-owner.help",
                      "ange den part som ansvarar för åtgärden, t.ex. `owner: {0}`",
                      "name the party that answers for it, e.g. `owner: {0}`"};

static void check(Context& c) {
  each_action(c.repo, [&](const Meeting& m, const Action& a) {
    if (a.owner.set) return;
    std::string example = "nassjo-kommun";
    if (!m.attendees.v.empty() && m.attendees.v[0].organisation.set) example = m.attendees.v[0].organisation.v;
    c.report(a.id.span, m.id.v, a.id.v, msg_of(kMsg, a.id.v, m.id.v), msg_of(kHelp, example));
  });
}

extern const Rule action_without_owner{
    "action-without-owner",
    Severity::warning,
    {"rule.action-without-owner.summary", "en åtgärd utan ägare", "an action without an owner"},
    {{"rule.action-without-owner.explanation",
      R"(Vad: en åtgärd i ett protokolls åtgärdslista (`actions`) utan `owner`, den part som ansvarar för den.

Varför: tydlig ansvarsfördelning är ett villkor för god samverkan (Samverkanskompetens i Skaraborg), och revisorer finner ofta beslut som aldrig återrapporteras. En åtgärd utan ägare blir inte gjord.

Fel:
{example1}

Rätt:
{example2})",
      R"(What: an action in the minutes' action list (`actions`) without an `owner`, the party that answers for it.

Why: a clear division of responsibility is a condition of good samverkan (Samverkanskompetens in Skaraborg), and auditors often find decisions that are never reported back. An action nobody owns does not get done.

Fails:
{example1}

Passes:
{example2})"},
     {R"(actions:
  - id: x1
    title: Ta fram gemensam broschyr)",
      R"(actions:
  - id: x1
    title: Ta fram gemensam broschyr
    owner: nassjo-kommun
    responsible: Samverkanskoordinator)"}},
    {},
    check,
};

}  // namespace sv::rules
