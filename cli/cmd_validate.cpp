// samverkan validate [PATH...]: the format and every reference.

#include "app.h"
#include "core/privacy.h"
#include "output/output.h"
#include "core/msg/cli.h"

namespace cli {

struct ValidateOptions {
  Scope scope;
  std::string format = "text";
};

static int run_validate(ValidateOptions& o, const Global& g) {
  resolve_scope(o.scope, !g.rev.empty());
  sv::Loaded& l = load(g, o.scope);
  narrow(g, o.scope, l, [](sv::Loaded&, const std::string&) {});  // loading is the whole check
  if (o.format == "json") {
    sv::privacy::out(sv::format_json(l.repo, l.findings, l.lang));
  } else {
    sv::privacy::out(sv::format_text(l.repo, l.findings, sv::OutputOptions{l.lang, g.color_on(1)}));
  }
  return sv::count(l.findings).error > 0 ? 1 : 0;
}

Run setup_validate(CLI::App& app, Global& g) {
  auto o = std::make_shared<ValidateOptions>();
  CLI::App* cmd = app.add_subcommand("validate", T(g, sv::msg::cli_validate));
  add_scope_options(cmd, g, o->scope);
  cmd->add_option("--format", o->format, T(g, sv::msg::cli_opt_format))->check(one_of(g, {"text", "json"}));
  return [o, &g] { return run_validate(*o, g); };
}

}  // namespace cli
