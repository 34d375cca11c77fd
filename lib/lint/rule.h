// A lint rule: its id, default severity, options, explanation and check, all in
// one file (lib/lint/rules/<id>.cpp), registered with one line in registry.cpp.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.h"
#include "core/finding.h"
#include "core/model.h"

namespace sv {
struct History;
}

namespace sv::rules {

struct OptionDef {
  const char* name;
  const char* default_value;  // as it would be written in samverkan.yaml: `14`, `[H1, year]`
  enum class Type { integer, list } type = Type::integer;
  Tr help;
  // What samverkan.yaml may set (anything else is `config-value-invalid`):
  // an integer in [min, max]; a list of items from `choices` (any item when empty).
  long min = 0;
  long max = 100000;
  std::vector<const char*> choices = {};
};

struct Rule;
class Index;

// A rule's explanation: what it finds, why (with its source) and examples
// that fail and pass. The YAML of the examples is the same in every language,
// so it is written once, in `examples`; the text names each by its place,
// `{example1}`, `{example2}`, ..., where it is printed indented by two spaces.
struct Explanation {
  Tr text;
  std::vector<const char*> examples;
};
// The explanation in one language, its examples in their places.
std::string explanation_text(const Explanation& e, Lang lang);

// A rule's effective settings: its severity and option values (defaults
// overridden by samverkan.yaml).
struct Settings {
  Severity severity = Severity::warning;
  std::vector<std::pair<std::string, std::string>> values;  // scalar options
  std::vector<std::pair<std::string, std::vector<std::string>>> lists;
};

class Context {
 public:
  Context(const Repo& repo, const Date& today, const Rule& rule, const Settings& settings,
          std::vector<Finding>& out)
      : repo(repo), today(today), rule(rule), settings(settings), out_(out) {}

  const Repo& repo;
  const Date today;
  const Rule& rule;
  const Settings& settings;
  // The git history (history.h), for the rules that read it; null when none
  // was read. It may still be loading while the rules run: the first call
  // waits for it.
  const History* history() const { return history_source ? history_source() : nullptr; }
  std::function<const History*()> history_source;
  // The lookups the rules share (util.h), built once per run; null: this
  // context builds its own on first use.
  const Index* shared_index = nullptr;
  const Index& index() const;

  // Reports a finding of this rule. `entity` is the id of the entity concerned
  // and `nested` the nested id or field (baselines key on both, never on lines).
  Finding& report(Span span, std::string entity, std::string nested, Message message,
                  std::optional<Message> help = {});

  // An option's value: from samverkan.yaml when set there (and valid), else its default.
  long option_int(std::string_view name) const;
  std::vector<std::string> option_list(std::string_view name) const;

 private:
  std::vector<Finding>& out_;
  mutable std::shared_ptr<const Index> own_index_;
};

struct Rule {
  const char* id;
  Severity default_severity;
  Tr summary;      // one line, for `samverkan rules`
  Explanation explanation;
  std::vector<OptionDef> options;
  void (*check)(Context&);
  // Reads every byte of every file (not only the model): started first, so
  // that its long scan runs beside the other rules rather than after them.
  bool reads_all_text = false;
};

// Every rule, sorted by id (the one table, registry.cpp): what `rules:` may
// name and `samverkan rules` lists.
const std::vector<const Rule*>& every_rule();
const Rule* find_any_rule(std::string_view id);
// The rules with a check of their own, sorted by id: what lint runs,
// `--select` picks and `samverkan-ignore` silences.
const std::vector<const Rule*>& all_rules();
const Rule* find_rule(std::string_view id);
std::vector<std::string> rule_ids(bool lint_only = false);  // lint_only: all_rules() only
// Help for a name that is no rule: "did you mean `x`?", else where the rules are listed.
Message rule_suggestion(std::string_view name, bool lint_only = false);

// The lint engine's own rules (lib/lint/rules/): configured like the others,
// but reported by the engine (baseline.cpp, suppress.cpp), not by a check.
extern const Rule baseline_stale;
extern const Rule unused_suppression;

// A rule's explanation, then its options with their defaults: for
// `samverkan rules ID` and the help of SARIF rules.
std::string rule_help(const Rule& r, Lang lang);

// The items of a list as written in samverkan.yaml's flow style: `[H1, year]`.
std::vector<std::string> parse_list(std::string_view text);

}  // namespace sv::rules
