// Suppression comments: `# samverkan-ignore: RULE[, RULE] -- reason` in a data
// file silences those lint rules on its own line and the line below it; on the
// line of an entity's `id` (or a nested item's `id`) it silences them for that
// whole entity (or item). Only lint rules can be silenced: validation findings
// mean the data is broken. A suppression that silences nothing is itself a
// finding (`unused-suppression`).
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/model.h"

namespace sv {

// A YAML comment: where its `#` is, and the text after it.
struct Comment {
  int line = 0;
  int col = 0;  // code points, 1-based
  std::string_view text;
};

// The comments of a YAML file, found by scanning its text: a `#` at the start
// of a line or after a space or tab, outside quoted strings and block scalars.
std::vector<Comment> yaml_comments(std::string_view content);

// One rule name in a suppression comment (or the comment, if it names none).
struct Suppression {
  int file = -1, line = 0;
  Span span;           // the rule's name in the comment, or the comment
  std::string rule;    // empty: the comment names no rule
  std::string entity;  // on an id line: the entity it covers
  std::string nested;  // on a nested item's id line: that item
  bool used = false;
};

// The suppression comments of every data file. Only reads the repository, so
// it may run while the rules do.
std::vector<Suppression> find_suppressions(const Repo& repo);

// Removes the findings of lint rules that the suppressions `sup` silence and
// adds `unused-suppression` findings (at `unused`, unless off) for rule names
// that silence nothing; names of rules in `off_rules` are not reported.
// Returns how many findings were silenced.
size_t apply_suppressions(const Repo& repo, std::vector<Suppression> sup, std::vector<Finding>& findings,
                          Severity unused, const std::set<std::string>& off_rules);

}  // namespace sv
