// samverkan new KIND ...: one new file of the suggested layout (lib/scaffold/new.h),
// written atomically, never over an existing file; prints its path.

#include <filesystem>

#include "app.h"
#include "core/msg/cli.h"
#include "core/msg/scaffold.h"
#include "core/privacy.h"
#include "scaffold/new.h"

namespace cli {

struct NewOptions {
  std::string what;  // the subcommand
  sv::scaffold::MeetingSpec meeting;
  sv::scaffold::PlanSpec plan;
  sv::scaffold::ReportSpec report;
  sv::scaffold::OrganisationSpec organisation;
  sv::scaffold::CollaborationSpec collaboration;
  sv::scaffold::ForumSpec forum;
};

static sv::scaffold::NewFile make(const NewOptions& o, const sv::Loaded& l) {
  if (o.what == "meeting") return sv::scaffold::new_meeting(l, o.meeting);
  if (o.what == "plan") return sv::scaffold::new_plan(l, o.plan);
  if (o.what == "report") return sv::scaffold::new_report(l, o.report);
  if (o.what == "organisation") return sv::scaffold::new_organisation(l, o.organisation);
  if (o.what == "collaboration") return sv::scaffold::new_collaboration(l, o.collaboration);
  return sv::scaffold::new_forum(l, o.forum);
}

static int run_new(const NewOptions& o, const Global& g) {
  namespace fs = std::filesystem;
  sv::Loaded& l = load(g, ".");
  sv::scaffold::NewFile f = make(o, l);
  fs::path full = fs::path(l.repo.root) / f.path;
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  std::string shown = ec ? full.string() : full.lexically_relative(cwd).string();
  if (shown.empty()) shown = full.string();
  if (!sv::privacy::create_data_file(full.string(), f.content)) return fail(g, sv::msg_of(sv::msg::new_exists, shown));
  sv::privacy::out(shown + "\n");
  return 0;
}

Run setup_new(CLI::App& app, Global& g) {
  auto o = std::make_shared<NewOptions>();
  CLI::App* cmd = app.add_subcommand("new", T(g, sv::msg::new_cmd));
  cmd->require_subcommand(1);
  auto sub = [&](const char* name, const sv::Tr& help) {
    CLI::App* s = cmd->add_subcommand(name, T(g, help));
    s->group(T(g, sv::msg::cli_commands));
    s->option_defaults()->group(T(g, sv::msg::cli_options));
    s->set_help_flag("-h,--help", T(g, sv::msg::cli_opt_help));
    s->callback([o, what = std::string(name)] { o->what = what; });
    return s;
  };
  CLI::App* s = sub("meeting", sv::msg::new_cmd_meeting);
  s->add_option("forum", o->meeting.forum, T(g, sv::msg::new_opt_forum))->required()->type_name("FORUM");
  s->add_option("date", o->meeting.date, T(g, sv::msg::new_opt_date))->required()->type_name(T(g, sv::msg::cli_DATE));
  s->add_option("--type", o->meeting.type, T(g, sv::msg::new_opt_meeting_type))->type_name("TYPE");

  s = sub("plan", sv::msg::new_cmd_plan);
  s->add_option("collaboration", o->plan.collaboration, T(g, sv::msg::new_opt_collaboration))->required()->type_name("COLLABORATION");
  s->add_option("period", o->plan.period, T(g, sv::msg::new_opt_period))->required()->type_name(T(g, sv::msg::cli_PERIOD));
  s->add_option("--from", o->plan.from, T(g, sv::msg::new_opt_from))->type_name("PLAN");

  s = sub("report", sv::msg::new_cmd_report);
  s->add_option("collaboration", o->report.collaboration, T(g, sv::msg::new_opt_collaboration))->required()->type_name("COLLABORATION");
  s->add_option("period", o->report.period, T(g, sv::msg::new_opt_period))->required()->type_name(T(g, sv::msg::cli_PERIOD));

  s = sub("organisation", sv::msg::new_cmd_organisation);
  s->add_option("id", o->organisation.id, T(g, sv::msg::new_opt_id))->required()->type_name("ID");
  s->add_option("--name", o->organisation.name, T(g, sv::msg::new_opt_name))->required()->type_name("TEXT");
  s->add_option("--type", o->organisation.type, T(g, sv::msg::new_opt_org_type))->required()->type_name("TYPE");
  s->add_option("--parent", o->organisation.parent, T(g, sv::msg::new_opt_parent))->type_name("ORGANISATION");
  s->add_option("--short-name", o->organisation.short_name, T(g, sv::msg::new_opt_short_name))->type_name("TEXT");

  s = sub("collaboration", sv::msg::new_cmd_collaboration);
  s->add_option("id", o->collaboration.id, T(g, sv::msg::new_opt_id))->required()->type_name("ID");
  s->add_option("--name", o->collaboration.name, T(g, sv::msg::new_opt_name))->required()->type_name("TEXT");
  s->add_option("--parties", o->collaboration.parties, T(g, sv::msg::new_opt_parties))
      ->required()->delimiter(',')->type_name("ORGANISATION,...");
  s->add_option("--parent", o->collaboration.parent, T(g, sv::msg::new_opt_parent))->type_name("COLLABORATION");

  s = sub("forum", sv::msg::new_cmd_forum);
  s->add_option("id", o->forum.id, T(g, sv::msg::new_opt_id))->required()->type_name("ID");
  s->add_option("--name", o->forum.name, T(g, sv::msg::new_opt_name))->required()->type_name("TEXT");
  s->add_option("--collaboration", o->forum.collaboration, T(g, sv::msg::new_opt_collaboration))->required()->type_name("COLLABORATION");
  s->add_option("--type", o->forum.type, T(g, sv::msg::new_opt_forum_type))->required()->type_name("TYPE");
  s->add_option("--level", o->forum.level, T(g, sv::msg::new_opt_level))->type_name("LEVEL");
  s->add_option("--cadence", o->forum.cadence, T(g, sv::msg::new_opt_cadence))->type_name("CADENCE");
  return [o, &g] { return run_new(*o, g); };
}

}  // namespace cli
