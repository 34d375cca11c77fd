// samverkan schema: the JSON Schema of the format, for editors and validators.

#include "app.h"
#include "core/privacy.h"
#include "load/load.h"
#include "core/msg/cli.h"

namespace cli {

struct SchemaOptions {
  bool config = false;
  std::string out;
};

// In the language of --lang, else the repository's (command_lang).
static int run_schema(const SchemaOptions& o, const Global& g) {
  std::string schema = sv::json_schema(o.config, command_lang(g));
  if (o.out.empty()) sv::privacy::out(schema);
  else sv::privacy::write_file(o.out, schema, true);
  return 0;
}

Run setup_schema(CLI::App& app, Global& g) {
  auto o = std::make_shared<SchemaOptions>();
  CLI::App* cmd = app.add_subcommand("schema", T(g, sv::msg::cli_schema));
  cmd->add_flag("--config", o->config, T(g, sv::msg::cli_opt_schema_config));
  cmd->add_option("--out", o->out, T(g, sv::msg::cli_opt_out))->type_name(T(g, sv::msg::cli_FILE));
  return [o, &g] { return run_schema(*o, g); };
}

}  // namespace cli
