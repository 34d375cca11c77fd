#include <cctype>

#include "lint/rule_util.h"
#include "core/text.h"

namespace sv::rules {

static const Tr kPersonal{"rule.personal-identity-number.personal",
                          "texten innehåller ett personnummer ({0}); uppgifter om enskilda personer hör inte hemma här",
                          "the text holds a personnummer ({0}); data about individuals does not belong here"};
static const Tr kCoordination{"rule.personal-identity-number.coordination",
                              "texten innehåller ett samordningsnummer ({0}); uppgifter om enskilda personer hör inte hemma här",
                              "the text holds a samordningsnummer ({0}); data about individuals does not belong here"};
static const Tr kHelp{"rule.personal-identity-number.help",
                      "ta bort numret, och ta bort det ur git-historiken också (t.ex. med git filter-repo): en incheckning behåller det",
                      "remove the number, and remove it from the git history too (e.g. with git filter-repo): a commit keeps it"};

// The key a value at `pos` of `line` belongs to: the word before the last
// ": " outside quotes before it ("notes", "phone", ...), "#" in a comment, or "".
static std::string key_before(std::string_view line, size_t pos) {
  char quote = 0;
  size_t colon = std::string_view::npos;
  for (size_t i = 0; i < pos; ++i) {
    char ch = line[i];
    if (quote) {
      if (ch == quote) quote = 0;
    } else if (ch == '"' || ch == '\'') {
      quote = ch;
    } else if (ch == '#' && (i == 0 || line[i - 1] == ' ')) {
      return "#";
    } else if (ch == ':' && i + 1 < line.size() && line[i + 1] == ' ') {
      colon = i;
    }
  }
  if (colon == std::string_view::npos) return "";
  size_t b = colon;
  while (b > 0 && (std::isalnum(static_cast<unsigned char>(line[b - 1])) || line[b - 1] == '_' || line[b - 1] == '-')) --b;
  return std::string(line.substr(b, colon - b));
}

static void check(Context& c) {
  const Repo& repo = c.repo;
  for (int file = 0; file < static_cast<int>(repo.files.size()); ++file) {
    std::string_view text = repo.files[file].content;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    // Text the loader could not read as UTF-8 is reported by it; binary and
    // too large files are still scanned (what was read of them).
    if (repo.files[file].not_text && utf8_invalid_at(text) != std::string_view::npos) continue;
    // A number never spans lines (nor does its digit run): one scan of the
    // whole text finds what a scan of each line would.
    int line_no = 1;
    size_t start = 0;  // of line line_no
    for (const auto& p : find_personal_numbers(text)) {
      for (size_t nl; (nl = text.find('\n', start)) != std::string_view::npos && nl < p.pos;) {
        start = nl + 1;
        ++line_no;
      }
      size_t end = text.find('\n', start);
      std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
      size_t pos = p.pos - start;
      std::string key = key_before(line, pos);
      // Organisationsnummer and telephone numbers have the same shape and are not about individuals.
      if (key == "org_number" || key == "phone") continue;
      // The entity whose document holds the line.
      const Entity* owner = nullptr;
      repo.for_each_entity([&](const Entity& e) {
        if (e.file == file && e.span.line <= line_no && (!owner || e.span.line > owner->span.line)) owner = &e;
      });
      Span sp{file, line_no, static_cast<int>(utf8_length(line.substr(0, pos))) + 1, static_cast<int>(p.len)};
      c.report(sp, owner ? owner->id.v : "", key, msg_of(p.coordination ? kCoordination : kPersonal, p.masked),
               msg_of(kHelp))
          .redact = true;
    }
  }
}

extern const Rule personal_identity_number{
    "personal-identity-number",
    Severity::error,
    {"rule.personal-identity-number.summary", "ett personnummer eller samordningsnummer i texten",
     "a personnummer or samordningsnummer in the text"},
    {{"rule.personal-identity-number.explanation",
      R"(Vad: ett personnummer eller samordningsnummer någonstans i filerna, samverkan.yaml medräknad: i alla textvärden, i tilläggsfält (`x-...`) och i kommentarer. Det som söks är 10 eller 12 siffror, ÅÅMMDD-NNNK, ÅÅMMDD+NNNK, ÅÅMMDDNNNK, ÅÅÅÅMMDDNNNK eller ÅÅÅÅMMDD-NNNK, som inte ingår i en längre sifferföljd, med ett verkligt datum (för samordningsnummer är dagen ökad med 60) och en kontrollsiffra enligt Luhn. Värden under `org_number` och `phone` hoppas över: organisationsnummer och telefonnummer har samma form men gäller inte enskilda. Meddelandet visar aldrig numrets fyra sista siffror.

Varför: uppgifter om enskilda personer hör inte hemma i samverkansfilerna, som ofta delas och publiceras (IMY:s vägledning; sekretess inom socialtjänsten, 26 kap. 1 § OSL). Samordnad individuell plan (SIP) och annat om en enskild person hanteras i verksamheternas journalsystem.

Fel:
{example1}

Rätt:
{example2})",
      R"(What: a personnummer or samordningsnummer anywhere in the files, samverkan.yaml included: in every text value, in extension fields (`x-...`) and in comments. What is looked for is 10 or 12 digits, YYMMDD-NNNC, YYMMDD+NNNC, YYMMDDNNNC, YYYYMMDDNNNC or YYYYMMDD-NNNC, not part of a longer run of digits, with a real date (for a samordningsnummer the day is raised by 60) and a Luhn check digit. Values of `org_number` and `phone` are skipped: organisation numbers and telephone numbers have the same shape but are not about individuals. The message never shows the number's last four digits.

Why: data about individuals does not belong in samverkan files, which are often shared and published (IMY guidance; secrecy in social services, 26 kap. 1 § OSL). A coordinated individual plan (SIP) and anything else about one person belongs in the services' record systems.

Fails:
{example1}

Passes:
{example2})"},
     {R"(items:
  - title: Ärende
    notes: Gäller 640823-3234, som behöver stöd från flera huvudmän.)",
      R"(items:
  - title: Ärende
    notes: Ett ärende där en person behöver stöd från flera huvudmän (uppgifter finns i journalen).)"}},
    {},
    check,
    true,
};

}  // namespace sv::rules
