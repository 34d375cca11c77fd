#include "lint/lint.h"
#include "core/wording.h"

#include <algorithm>
#include <exception>
#include <set>

#include "core/codes.h"
#include "core/parallel.h"
#include "lint/rule_util.h"
#include "lint/suppress.h"
#include "core/text.h"
#include "core/msg/core.h"
#include "core/msg/lint.h"

namespace sv {

namespace {

Finding config_finding(Code code, Span span, Message m, std::optional<Message> help) {
  Finding f;
  f.severity = Severity::error;
  f.code = code;
  f.span = span;
  f.message = std::move(m);
  f.help = std::move(help);
  return f;
}

std::optional<Message> suggest(std::string_view word, const std::vector<std::string>& candidates) {
  if (auto near = did_you_mean(word, candidates)) return msg_of(msg::help_did_you_mean, *near);
  return std::nullopt;
}

// A value as the user wrote it, for messages.
std::string as_written(const RuleOption& o) {
  if (o.is_list) return "[…]";
  if (!o.is_scalar) return "{…}";
  return o.value.v.empty() ? "null" : o.value.v;
}

bool parse_int(std::string_view s, long& out) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string_view::npos) return false;
  out = std::stol(std::string(s));
  return true;
}

// Checks one option's value; on success stores it in `s`.
void set_option(const rules::OptionDef& def, const RuleOption& o, rules::Settings& s,
                std::vector<Finding>& out) {
  auto invalid = [&](Span at, Message m, std::optional<Message> help = {}) {
    out.push_back(config_finding(code::config_value_invalid, at, std::move(m), std::move(help)));
  };
  if (def.type == rules::OptionDef::Type::integer) {
    long n = 0;
    if (!o.is_scalar || !parse_int(o.value.v, n) || n < def.min || n > def.max) {
      invalid(o.value.span, msg_of(msg::lint_config_int_invalid, def.name, def.min, def.max, as_written(o)));
      return;
    }
    s.values.emplace_back(def.name, std::to_string(n));
    return;
  }
  if (!o.is_list) {
    invalid(o.value.span, msg_of(msg::lint_config_list_invalid, def.name, def.default_value));
    return;
  }
  std::vector<std::string> items;
  bool ok = true;
  for (const auto& item : o.items) {
    bool allowed = def.choices.empty();
    for (const char* c : def.choices) allowed = allowed || item.v == c;
    if (allowed) {
      items.push_back(item.v);
      continue;
    }
    std::vector<std::string> choices(def.choices.begin(), def.choices.end());
    invalid(item.span, msg_of(msg::lint_config_choice_invalid, def.name, item.v),
            suggest(item.v, choices).value_or(msg_of(msg::lint_help_choices, join_quoted(choices))));
    ok = false;
  }
  if (ok) s.lists.emplace_back(def.name, std::move(items));
}

}  // namespace

std::map<std::string, rules::Settings> rule_settings(const Config& config, std::vector<Finding>& out,
                                                     const std::vector<const rules::Rule*>& rules) {
  std::map<std::string, rules::Settings> all;
  std::vector<std::string> ids;
  for (const rules::Rule* r : rules) {
    all[r->id].severity = r->default_severity;
    ids.emplace_back(r->id);
  }
  for (const auto& setting : config.rules) {
    const rules::Rule* rule = nullptr;
    for (const rules::Rule* r : rules)
      if (setting.id.v == r->id) rule = r;
    if (!rule) {
      out.push_back(config_finding(code::config_rule_unknown, setting.id.span,
                                   msg_of(msg::lint_config_rule_unknown, setting.id.v),
                                   suggest(setting.id.v, ids).value_or(msg_of(msg::lint_help_rules_list))));
      continue;
    }
    rules::Settings& s = all[rule->id];
    if (setting.severity.set && !severity_from_name(setting.severity.v, s.severity))
      out.push_back(config_finding(code::config_value_invalid, setting.severity.span,
                                   msg_of(msg::lint_config_severity_invalid,
                                          setting.severity.v.empty() ? "null" : setting.severity.v),
                                   msg_of(msg::lint_help_severities)));
    std::vector<std::string> names = {"severity"};
    for (const auto& d : rule->options) names.emplace_back(d.name);
    for (const auto& o : setting.options) {
      if (o.key.v == "severity") {  // not a scalar: the loader kept it as an option
        out.push_back(config_finding(code::config_value_invalid, o.value.span,
                                     msg_of(msg::lint_config_severity_invalid, as_written(o)),
                                     msg_of(msg::lint_help_severities)));
        continue;
      }
      const rules::OptionDef* def = nullptr;
      for (const auto& d : rule->options)
        if (o.key.v == d.name) def = &d;
      if (def) {
        set_option(*def, o, s, out);
        continue;
      }
      std::vector<std::string> options(names.begin() + 1, names.end());
      auto help = suggest(o.key.v, names);
      if (!help) help = options.empty() ? msg_of(msg::lint_help_no_options) : msg_of(msg::lint_help_options, join_quoted(options));
      out.push_back(config_finding(code::config_option_unknown, o.key.span,
                                   msg_of(msg::lint_config_option_unknown, rule->id, o.key.v), help));
    }
  }
  return all;
}

LintReport run_lint(Loaded& l, const LintOptions& o) {
  LintReport report;
  auto settings = rule_settings(l.repo.config, l.findings);
  std::set<std::string> off;
  struct Job {
    const rules::Rule* rule;
    std::vector<Finding> found;
    std::exception_ptr error;
  };
  std::vector<Job> jobs;
  for (const rules::Rule* rule : rules::all_rules()) {
    const rules::Settings& s = settings.at(rule->id);
    bool selected = o.select.empty() || std::find(o.select.begin(), o.select.end(), rule->id) != o.select.end();
    if (s.severity == Severity::off || !selected) {
      off.insert(rule->id);
      continue;
    }
    jobs.push_back(Job{rule, {}, nullptr});
  }
  rules::Index index(l.repo);
  std::function<const History*()> history = o.history_source;
  if (!history) history = [h = o.history] { return h; };
  // The suppression comments are found while the rules run. The long scans
  // start first; the findings are joined in rule order whatever the schedule,
  // and of rules that throw, the first in rule order is reported.
  std::vector<Suppression> suppressions;
  std::exception_ptr suppressions_error;
  std::vector<Job*> order;
  for (auto& job : jobs)
    if (job.rule->reads_all_text) order.push_back(&job);
  for (auto& job : jobs)
    if (!job.rule->reads_all_text) order.push_back(&job);
  parallel_for(order.size() + 1, threads_for(order.size() + 1, o.threads), [&](size_t i) {
    try {
      if (i == 0) {
        suppressions = find_suppressions(l.repo);
        return;
      }
      Job& job = *order[i - 1];
      rules::Context ctx(l.repo, o.today, *job.rule, settings.at(job.rule->id), job.found);
      ctx.history_source = history;
      ctx.shared_index = &index;
      job.rule->check(ctx);
    } catch (...) {
      (i == 0 ? suppressions_error : order[i - 1]->error) = std::current_exception();
    }
  });
  for (auto& job : jobs)
    if (job.error) std::rethrow_exception(job.error);
  if (suppressions_error) std::rethrow_exception(suppressions_error);
  std::vector<Finding> found;
  for (auto& job : jobs) {
    found.insert(found.end(), std::make_move_iterator(job.found.begin()), std::make_move_iterator(job.found.end()));
  }
  report.suppressed =
      apply_suppressions(l.repo, std::move(suppressions), found, settings.at(rules::unused_suppression.id).severity, off);
  l.findings.insert(l.findings.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  sort_findings(l.findings, l.lang);
  if (o.write_baseline) {
    report.recorded = make_baseline(l.repo, l.findings);
    report.baselined = apply_baseline(l.repo, report.recorded, Severity::off, l.findings);
  } else if (o.baseline) {
    report.baselined = apply_baseline(l.repo, *o.baseline, settings.at(rules::baseline_stale.id).severity, l.findings);
  }
  if (o.write_baseline || o.baseline) sort_findings(l.findings, l.lang);  // else sorted above
  return report;
}

}  // namespace sv
