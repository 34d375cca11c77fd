// `samverkan new`: one new file of the suggested layout (docs/format.md §1)
// from what the repository holds and what the user gives. Each function
// checks its input against the repository and throws SystemError (exit 2)
// for what it cannot make: an unknown or taken id, a bad date or period,
// text that is not UTF-8. It writes nothing; the caller does (never over an
// existing file). The file's comments and wording are in the repository's
// language (samverkan.yaml `language`).
#pragma once

#include <string>
#include <vector>

#include "load/repository.h"

namespace sv::scaffold {

struct NewFile {
  std::string path;     // relative to the repository's root, '/'-separated
  std::string content;  // YAML, ending with a newline
};

struct MeetingSpec {
  std::string forum, date, type;  // type: "" for regular
};
struct PlanSpec {
  std::string collaboration, period, from;  // from: a plan's id, or ""
};
struct ReportSpec {
  std::string collaboration, period;
};
struct OrganisationSpec {
  std::string id, name, type, parent, short_name;
};
struct CollaborationSpec {
  std::string id, name, parent;
  std::vector<std::string> parties;
};
struct ForumSpec {
  std::string id, name, collaboration, type, level, cadence;
};

NewFile new_meeting(const Loaded& l, const MeetingSpec& s);
NewFile new_plan(const Loaded& l, const PlanSpec& s);
NewFile new_report(const Loaded& l, const ReportSpec& s);
NewFile new_organisation(const Loaded& l, const OrganisationSpec& s);
NewFile new_collaboration(const Loaded& l, const CollaborationSpec& s);
NewFile new_forum(const Loaded& l, const ForumSpec& s);

// Text the user gave for a file (`new`, `init --name`): valid UTF-8 without
// U+FFFE/U+FFFF (the loader reads them as U+FFFD), and with `required` not
// only blanks; else throws SystemError (exit 2) naming `option`.
void check_text(const std::string& option, const std::string& v, bool required);

}  // namespace sv::scaffold
