// A lint rule: its id, default severity, options, explanation and check, all in
// one file (lib/rules/<id>.cpp), registered with one line in registry.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates.h"
#include "finding.h"
#include "model.h"

namespace sv {
struct History;
}

namespace sv::rules {

struct OptionDef {
  const char* name;
  const char* default_value;  // as it would be written in samverkan.yaml
  enum class Type { integer, list } type = Type::integer;
  Tr help;
};

struct Rule;

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
  // The git history (history.h), for the rules that read it; null when none was read.
  const History* history = nullptr;

  // Reports a finding of this rule. `entity` is the id of the entity concerned
  // and `nested` the nested id or field (baselines key on both, never on lines).
  Finding& report(Span span, std::string entity, std::string nested, Message message,
                  std::optional<Message> help = {});

  long option_int(std::string_view name) const;
  std::vector<std::string> option_list(std::string_view name) const;

 private:
  std::vector<Finding>& out_;
};

struct Rule {
  const char* id;
  Severity default_severity;
  Tr summary;      // one line, for `samverkan rules`
  Tr explanation;  // what it finds, why (with its source), a failing and a passing example
  std::vector<OptionDef> options;
  void (*check)(Context&);
};

// Every rule, sorted by id.
const std::vector<const Rule*>& all_rules();
const Rule* find_rule(std::string_view id);

}  // namespace sv::rules
