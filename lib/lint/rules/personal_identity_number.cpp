#include <algorithm>
#include <cctype>

#include "lint/rule_util.h"
#include "core/privacy.h"
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

static const Tr kInPath{"rule.personal-identity-number.path",
                        "filens namn innehåller ett personnummer ({0}); uppgifter om enskilda personer hör inte hemma här",
                        "the file's name holds a personnummer ({0}); data about individuals does not belong here"};
static const Tr kHelpPath{"rule.personal-identity-number.help-path",
                          "byt namn på filen eller mappen, och ta bort det gamla namnet ur git-historiken också (t.ex. med git filter-repo)",
                          "rename the file or folder, and remove the old name from the git history too (e.g. with git filter-repo)"};

// The key a value at `pos` of `line` belongs to, for the finding's place:
// the word before the last ": " outside quotes before it ("notes", ...), "#"
// in a comment, or "".
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

// A number found in a file's text: as written, or only once YAML's escapes
// and escaped line breaks are decoded (core/privacy.h).
struct Found {
  size_t pos = 0, len = 0;
  std::string masked;
  bool coordination = false;
};

static std::vector<Found> numbers_in(std::string_view text) {
  std::vector<Found> all;
  for (const auto& p : find_personal_numbers(text)) all.push_back({p.pos, p.len, p.masked, p.coordination});
  for (const auto& h : privacy::find_hidden_personal_numbers(text)) all.push_back({h.pos, h.len, h.masked, h.coordination});
  std::sort(all.begin(), all.end(), [](const Found& a, const Found& b) { return a.pos < b.pos; });
  return all;
}

// The values of `org_number` and `phone` in a file, as the loader read them:
// organisationsnummer and telephone numbers have a personnummer's shape but
// are not about individuals. By span, not by the text before a number, so
// that "phone: ..." inside a block scalar or a comment is not taken for one.
static std::vector<Span> exempt_spans(const Repo& repo, int file) {
  std::vector<Span> spans;
  for (const auto& org : repo.organisations) {
    if (org.file != file) continue;
    if (org.org_number.set) spans.push_back(org.org_number.span);
    for (const auto& contact : org.contacts.v)
      if (contact.phone.set) spans.push_back(contact.phone.span);
  }
  return spans;
}

static bool within(const std::vector<Span>& spans, int line, int col) {
  for (const auto& s : spans)
    if (s.line == line && s.col <= col && col < s.col + std::max(1, s.len)) return true;
  return false;
}

static void check_text(Context& c, int file) {
  const Repo& repo = c.repo;
  std::string_view text = repo.files[file].content;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // Text the loader could not read as UTF-8 is reported by it; binary and
  // too large files are still scanned (what was read of them).
  if (repo.files[file].not_text && utf8_invalid_at(text) != std::string_view::npos) return;
  std::vector<Span> exempt = exempt_spans(repo, file);
  int line_no = 1;
  size_t start = 0;  // of line line_no
  for (const auto& p : numbers_in(text)) {
    for (size_t nl; (nl = text.find('\n', start)) != std::string_view::npos && nl < p.pos;) {
      start = nl + 1;
      ++line_no;
    }
    size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    size_t pos = p.pos - start;
    int col = static_cast<int>(utf8_length(line.substr(0, pos))) + 1;
    if (within(exempt, line_no, col)) continue;
    // The entity whose document holds the line.
    const Entity* owner = nullptr;
    repo.for_each_entity([&](const Entity& e) {
      if (e.file == file && e.span.line <= line_no && (!owner || e.span.line > owner->span.line)) owner = &e;
    });
    // A hidden number may go on over an escaped line break: marked to its line's end.
    size_t on_line = std::min(p.len, line.size() - pos);
    Span sp{file, line_no, col, static_cast<int>(utf8_length(line.substr(pos, on_line)))};
    c.report(sp, owner ? owner->id.v : "", key_before(line, pos),
             msg_of(p.coordination ? kCoordination : kPersonal, p.masked), msg_of(kHelp))
        .redact = true;
  }
}

// A file's name and folders are output too: every finding about the file shows them.
static void check_path(Context& c, int file) {
  for (const auto& p : find_personal_numbers(c.repo.files[file].path))
    c.report(Span{file, 0, 0, 0}, "", "path", msg_of(kInPath, p.masked), msg_of(kHelpPath));
}

static void check(Context& c) {
  for (int file = 0; file < static_cast<int>(c.repo.files.size()); ++file) {
    check_path(c, file);
    check_text(c, file);
  }
}

extern const Rule personal_identity_number{
    "personal-identity-number",
    Severity::error,
    {"rule.personal-identity-number.summary", "ett personnummer eller samordningsnummer i texten",
     "a personnummer or samordningsnummer in the text"},
    {{"rule.personal-identity-number.explanation",
      R"(Vad: ett personnummer eller samordningsnummer någonstans i filerna, samverkan.yaml medräknad: i alla textvärden, i tilläggsfält (`x-...`), i kommentarer och i filers och mappars namn; också skrivet med YAML:s escape-sekvenser (`"\x36\x34…"`, `"\u0036…"`) eller delat av en radbrytning med `\` i en sträng inom citattecken. Det som söks är 10 eller 12 siffror, ÅÅMMDD-NNNK, ÅÅMMDD+NNNK, ÅÅMMDDNNNK, ÅÅÅÅMMDDNNNK eller ÅÅÅÅMMDD-NNNK, som inte ingår i en längre sifferföljd, med ett verkligt datum (för samordningsnummer är dagen ökad med 60) och en kontrollsiffra enligt Luhn. Värden under `org_number` och `phone` hoppas över: organisationsnummer och telefonnummer har samma form men gäller inte enskilda. Ingen utskrift från samverkan visar någonsin numrets fyra sista siffror: meddelanden, källrader, rapporter och filer får dem maskerade (`640823-****`), och `samverkan render` varnar när den har maskerat något.

Varför: uppgifter om enskilda personer hör inte hemma i samverkansfilerna, som ofta delas och publiceras (IMY:s vägledning; sekretess inom socialtjänsten, 26 kap. 1 § OSL). Samordnad individuell plan (SIP) och annat om en enskild person hanteras i verksamheternas journalsystem.

Fel:
{example1}

Rätt:
{example2})",
      R"(What: a personnummer or samordningsnummer anywhere in the files, samverkan.yaml included: in every text value, in extension fields (`x-...`), in comments and in the names of files and folders; also when written with YAML's escapes (`"\x36\x34…"`, `"\u0036…"`) or split by an escaped line break (`\`) in a double-quoted string. What is looked for is 10 or 12 digits, YYMMDD-NNNC, YYMMDD+NNNC, YYMMDDNNNC, YYYYMMDDNNNC or YYYYMMDD-NNNC, not part of a longer run of digits, with a real date (for a samordningsnummer the day is raised by 60) and a Luhn check digit. Values of `org_number` and `phone` are skipped: organisation numbers and telephone numbers have the same shape but are not about individuals. No output of samverkan ever shows the number's last four digits: messages, source lines, rendered documents and files have them masked (`640823-****`), and `samverkan render` warns when it masked any.

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
