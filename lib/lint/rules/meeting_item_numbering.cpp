#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kRepeat{"rule.meeting-item-numbering.repeat", "§ {0} förekommer två gånger i `{1}`",
                        "§ {0} appears twice in `{1}`"};
static const Tr kSkip{"rule.meeting-item-numbering.skip", "§ {0} följer på § {1} i `{2}`: § {3} saknas",
                      "§ {0} follows § {1} in `{2}`: § {3} is missing"};
static const Tr kSkipMany{"rule.meeting-item-numbering.skip-many", "§ {0} följer på § {1} i `{2}`: §§ {3}–{4} saknas",
                          "§ {0} follows § {1} in `{2}`: §§ {3}–{4} are missing"};
static const Tr kBack{"rule.meeting-item-numbering.back", "§ {0} kommer efter § {1} i `{2}`",
                      "§ {0} comes after § {1} in `{2}`"};
static const Tr kHelp{"rule.meeting-item-numbering.help", "numrera paragraferna i följd; den här borde vara § {0}",
                      "number the paragraphs in sequence; this one should be § {0}"};
static const Tr kFirst{"rule.meeting-item-numbering.first", "första § {0}", "first § {0}"};

static void check(Context& c) {
  for (const auto& m : c.repo.meetings) {
    if (!m.id.set) continue;
    std::vector<int> numbers;
    for (const auto& it : m.items.v) numbers.push_back(it.number);
    for (const auto& p : numbering_problems(numbers)) {
      const Item& it = m.items.v[p.index];
      int n = it.number;
      int before = m.items.v[p.index - 1].number;
      Span where = it.number_written.set ? it.number_written.span : it.span;
      std::string nested = "§" + std::to_string(n);
      switch (p.kind) {
        case NumberingProblem::Kind::repeat: {
          auto& f = c.report(where, m.id.v, nested, msg_of(kRepeat, n, m.id.v), msg_of(kHelp, p.expected));
          for (size_t i = 0; i < p.index; ++i)
            if (m.items.v[i].number == n) {
              const Item& first = m.items.v[i];
              f.notes.push_back(Note{msg_of(kFirst, n), first.number_written.set ? first.number_written.span : first.span});
              break;
            }
          break;
        }
        case NumberingProblem::Kind::skip:
          c.report(where, m.id.v, nested, msg_of(p.expected == n - 1 ? kSkip : kSkipMany, n, before, m.id.v, p.expected, n - 1),
                   msg_of(kHelp, p.expected));
          break;
        case NumberingProblem::Kind::backwards:
          c.report(where, m.id.v, nested, msg_of(kBack, n, before, m.id.v), msg_of(kHelp, p.expected));
          break;
      }
    }
  }
}

extern const Rule meeting_item_numbering{
    "meeting-item-numbering",
    Severity::warning,
    {"rule.meeting-item-numbering.summary", "paragrafnummer i ett protokoll som upprepas eller hoppar",
     "§ numbers in minutes that repeat or skip"},
    {{"rule.meeting-item-numbering.explanation",
      R"(Vad: punkter (`items`) i ett protokoll vars paragrafnummer (`number`; utan det punktens plats i listan) inte följer på varandra: ett nummer som redan använts, ett som hoppar över nummer, eller ett som är lägre än det förra. Numreringen får börja på vilket nummer som helst, eftersom många forum numrerar paragraferna löpande över året (§ 45, § 46, ...).

Varför: i ett protokoll hänvisar beslut, åtgärder (`actions[].item`) och senare protokoll till paragrafnumren. Ett nummer som saknas eller förekommer två gånger gör hänvisningarna osäkra och väcker frågan om en paragraf tagits bort.

Fel:
{example1}

Rätt:
{example2})",
      R"(What: agenda items (`items`) in minutes whose § numbers (`number`; without it, the item's position in the list) do not follow each other: a number used before, one that skips numbers, or one lower than the one before. The numbers may start anywhere, since many forums number their paragraphs through the year (§ 45, § 46, ...).

Why: decisions, actions (`actions[].item`) and later minutes refer to the § numbers. A number missing or used twice makes those references unsure and raises the question whether a paragraph was removed.

Fails:
{example1}

Passes:
{example2})"},
     {R"(items:
  - {number: 1, title: Mötets öppnande}
  - {number: 2, title: Handlingsplan 2027}
  - {number: 4, title: Övriga frågor})",
      R"(items:
  - {number: 1, title: Mötets öppnande}
  - {number: 2, title: Handlingsplan 2027}
  - {number: 3, title: Övriga frågor})"}},
    {},
    check,
};

}  // namespace sv::rules
