#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kMsg{"rule.collaboration-without-steering.msg",
                     "samverkan `{0}` har ingen styrgrupp (inget forum av typ `steering` eller `board`)",
                     "collaboration `{0}` has no steering group (no forum of type `steering` or `board`)"};
static const Tr kHelp{"rule.collaboration-without-steering.help",
                      "lägg till ett forum med `collaboration: {0}` och `type: steering`, med chefer från alla parter",
                      "add a forum with `collaboration: {0}` and `type: steering`, with managers from every party"};

static void check(Context& c) {
  for (const auto& collab : c.repo.collaborations) {
    if (!collab.id.set || !forums_of(c, collab.id.v, {ForumType::steering, ForumType::board}).empty()) continue;
    // A forum whose type is not valid may be the steering group: validation reports it.
    bool unsure = false;
    for (const auto& f : c.repo.forums) unsure |= f.collaboration.v == collab.id.v && invalid(f.type);
    if (!unsure) c.report(collab.where(), collab.id.v, "", msg_of(kMsg, collab.id.v), msg_of(kHelp, collab.id.v));
  }
}

extern const Rule collaboration_without_steering{
    "collaboration-without-steering",
    Severity::warning,
    {"rule.collaboration-without-steering.summary", "en samverkan utan styrgrupp",
     "a collaboration without a steering group"},
    {{"rule.collaboration-without-steering.explanation",
      R"(Vad: en samverkan som inget forum av typ `steering` (styrgrupp, ledningsgrupp) eller `board` (styrelse) hör till.

Varför: samverkan behöver en styrgrupp med chefer från alla aktörer (Uppdrag Samverkan på Höglandet) och en ledning som prioriterar den (Samverkanskompetens i Skaraborg). Utan ett forum som beslutar finns ingen som fastställer planen.

Fel: samverkan-nassjo har bara en arbetsgrupp:
{example1}

Rätt: dessutom
{example2})",
      R"(What: a collaboration that no forum of type `steering` (styrgrupp, ledningsgrupp) or `board` (styrelse) belongs to.

Why: samverkan needs a steering group with managers from every party (Uppdrag Samverkan på Höglandet) and a leadership that gives it priority (Samverkanskompetens in Skaraborg). Without a forum that decides, nobody approves the plan.

Fails: samverkan-nassjo has only a working group:
{example1}

Passes: with, in addition,
{example2})"},
     {R"(kind: forum
id: arbetsgrupp-nassjo
collaboration: samverkan-nassjo
type: working)",
      R"(kind: forum
id: styrgrupp-nassjo
collaboration: samverkan-nassjo
type: steering)"}},
    {},
    check,
};

}  // namespace sv::rules
