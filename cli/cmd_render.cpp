// samverkan render: documents people read, from the data.
#include <algorithm>

#include "app.h"
#include "core/privacy.h"
#include "output/output.h"
#include "render/render.h"
#include "export/convert.h"
#include "core/msg/export.h"
#include "core/text.h"
#include "core/msg/cli.h"
#include "core/msg/render.h"

namespace cli {

struct RenderOptions {
  std::string what;  // the subcommand
  std::string id;
  std::string path;  // the repository, for the commands without an id
  std::string format = "md";
  std::string out;
  std::string period;
  std::string today;
  std::string base_url;  // single documents: where the site is, for links
  bool fail_on_pnr = false;  // exit 1 when a personnummer had to be masked
};

// The entity of kind T with this id, or a usage error with a suggestion.
template <class T>
static const T* find_or_fail(const sv::Repo& repo, const std::vector<T>& all, sv::Kind k, const std::string& id,
                             const Global& g) {
  if (auto* e = repo.find_as<T>(id)) return e;
  std::vector<std::string> ids;
  for (const auto& e : all) ids.push_back(e.id.v);
  std::optional<sv::Message> help;
  if (auto s = sv::did_you_mean(id, ids)) help = sv::msg_of(sv::msg::r_did_you_mean, *s);
  fail(g, sv::msg_of(sv::msg::r_unknown_id, sv::kind_name(k), id), help);
  return nullptr;
}

// A template the repository may not use (a link out of it, a loop) stops
// rendering before anything is written: each is printed as a finding at the
// template, and the exit code is 1, as for a finding of validate, so that a
// publishing step fails and nothing behind the link reaches the site.
static int refuse_templates(sv::Loaded& l, const std::vector<sv::render::RefusedTemplate>& refused, const Global& g) {
  std::vector<sv::SourceFile>& files = l.repo.files;
  for (const auto& r : refused) {
    auto it = std::find_if(files.begin(), files.end(), [&](const sv::SourceFile& f) { return f.path == r.path; });
    if (it == files.end()) it = files.insert(files.end(), sv::SourceFile{r.path, {}});
    sv::Span at{static_cast<int>(it - files.begin()), 0, 0, 0};
    sv::privacy::err(sv::format_finding_text(l.repo, sv::make_finding(r.code, r.message, at), {l.lang, g.color_on(2)}));
  }
  sv::privacy::err(sv::tr(l.lang, sv::msg::r_templates_refused) + "\n");
  return 1;
}

// One document (not the site), to standard output or --out.
static int render_one(const RenderOptions& o, const Global& g, const sv::Loaded& l, const sv::render::Options& ro,
                      const std::optional<sv::Period>& period) {
  const sv::Repo& repo = l.repo;
  // DOCX and PDF are made from the HTML by an external engine (export/convert.h).
  bool converted = o.format == "docx" || o.format == "pdf";
  auto f = o.format == "md" ? sv::render::Format::md : sv::render::Format::html;
  std::string text;
  if (o.what == "plan") {
    auto* p = find_or_fail(repo, repo.plans, sv::Kind::plan, o.id, g);
    if (!p) return 2;
    text = sv::render::plan(repo, *p, f, ro);
  } else if (o.what == "meeting") {
    auto* m = find_or_fail(repo, repo.meetings, sv::Kind::meeting, o.id, g);
    if (!m) return 2;
    text = sv::render::meeting(repo, *m, f, ro);
  } else if (o.what == "collaboration" || o.what == "report") {
    auto* c = find_or_fail(repo, repo.collaborations, sv::Kind::collaboration, o.id, g);
    if (!c) return 2;
    text = o.what == "report" ? sv::render::report(repo, *c, *period, f, ro)
                              : sv::render::collaboration(repo, *c, f, ro);
  } else if (o.what == "directory") {
    text = sv::render::directory(repo, f, ro);
  } else {
    text = sv::render::calendar(repo, ro);
  }
  if (converted) {
    sv::exports::ConvertOptions co;
    co.today = ro.today;
    if (o.format == "docx" && l.source) {  // the organisation's look: templates/reference.docx
      std::string bytes;
      sv::ReadError error;
      if (l.source->read("templates/reference.docx", bytes, error)) co.reference_docx = std::move(bytes);
      else if (!error.missing) throw sv::SystemError(error.message);
    }
    std::string bytes = o.format == "docx" ? sv::exports::html_to_docx(text, co) : sv::exports::html_to_pdf(text, co);
    sv::privacy::write_binary_file(o.out, bytes, true);
    return 0;
  }
  if (o.out.empty()) {
    sv::privacy::out(text);
    sv::privacy::flush_out();  // masked (and counted) before the warning
  } else {
    sv::privacy::write_file(o.out, text, true);
  }
  return 0;
}

// What the privacy boundary masked in the output (core/privacy.h): said on
// standard error, and with --fail-on-pnr an exit 1 for publishing steps.
static int masked_warning(const RenderOptions& o, sv::Lang lang, size_t masked) {
  if (masked == 0) return 0;
  sv::privacy::err(sv::tr(lang, masked == 1 ? sv::msg::r_warn_masked_one : sv::msg::r_warn_masked, masked) + "\n");
  return o.fail_on_pnr ? 1 : 0;
}

// The site, with a warning for each entity left without a page because an
// earlier one with its id has it (validation reports the duplicate id).
static void render_site(const RenderOptions& o, const sv::Repo& repo, const sv::render::Options& ro, sv::Lang lang) {
  for (const auto& page : sv::render::site(repo, o.out, ro))
    sv::privacy::err(sv::tr(lang, sv::msg::r_warn_duplicate_page, sv::kind_name(page.skipped->kind), page.skipped->id.v,
                            sv::printable(sv::location(repo, page.skipped->where())),
                            sv::printable(sv::location(repo, page.shown->where())), page.file) +
                     "\n");
}

static int run_render(const RenderOptions& o, const Global& g) {
  std::string bad;
  auto today = sv::resolve_today(o.today, bad);
  if (!today) return fail(g, sv::msg_of(sv::msg::cli_bad_today, bad));
  // A base URL goes into links as written: nothing that would end a link.
  if (o.base_url.find_first_of(" \t\r\n()<>\"'`\\[]") != std::string::npos)
    return fail(g, sv::msg_of(sv::msg::r_bad_base_url, o.base_url));
  std::optional<sv::Period> period;
  if (o.what == "report" && !(period = sv::parse_period(o.period)))
    return fail(g, sv::msg_of(sv::msg::r_bad_period, o.period));
  if ((o.format == "docx" || o.format == "pdf") && o.out.empty())
    return fail(g, sv::msg_of(sv::msg::x_err_needs_out, o.format));
  sv::Loaded& l = load(g, o.path);
  sv::render::Options ro{l.lang, *today, {}};
  if (l.source) {
    sv::render::RepositoryTemplates templates = sv::render::read_templates(*l.source);
    if (!templates.refused.empty()) return refuse_templates(l, templates.refused, g);
    ro.templates = std::move(templates.texts);
  }
  ro.base_url = o.base_url;
  if (int n = sv::count(l.findings).error; n > 0) sv::privacy::err(sv::tr(l.lang, sv::msg::r_warn_errors, n) + "\n");
  const sv::Repo& repo = l.repo;
  size_t masked_before = sv::privacy::masked_count();
  if (o.what == "site" && o.format == "pdf") {
    // The whole site in one PDF, a printed page per site page, in the site's order.
    sv::exports::ConvertOptions co;
    co.today = ro.today;
    sv::privacy::write_binary_file(o.out, sv::exports::html_to_pdf(sv::render::site_print(repo, ro), co), true);
  } else if (o.what == "site") {
    render_site(o, repo, ro, l.lang);
  } else if (int code = render_one(o, g, l, ro, period); code != 0) return code;
  return masked_warning(o, l.lang, sv::privacy::masked_count() - masked_before);
}

Run setup_render(CLI::App& app, Global& g) {
  auto o = std::make_shared<RenderOptions>();
  CLI::App* cmd = app.add_subcommand("render", T(g, sv::msg::r_cli_render));
  cmd->require_subcommand(1);
  struct Sub {
    const char* name;
    const sv::Tr* help;
    bool id, format;
  };
  static const Sub subs[] = {
      {"site", &sv::msg::r_cli_site, false, false},
      {"plan", &sv::msg::r_cli_plan, true, true},
      {"meeting", &sv::msg::r_cli_meeting, true, true},
      {"report", &sv::msg::r_cli_report, true, true},
      {"collaboration", &sv::msg::r_cli_collaboration, true, true},
      {"directory", &sv::msg::r_cli_directory, false, true},
      {"calendar", &sv::msg::r_cli_calendar, false, false},
  };
  for (const Sub& s : subs) {
    CLI::App* sub = cmd->add_subcommand(s.name, T(g, *s.help));
    sub->group(T(g, sv::msg::cli_commands));
    sub->option_defaults()->group(T(g, sv::msg::cli_options));
    sub->set_help_flag("-h,--help", T(g, sv::msg::cli_opt_help));  // made before the group was set
    if (s.id) sub->add_option("id", o->id, T(g, sv::msg::r_opt_id))->required()->type_name("ID");
    else sub->add_option("path", o->path, T(g, sv::msg::cli_opt_path))->type_name("PATH");
    if (s.format) {
      sub->add_option("--format", o->format, T(g, sv::msg::r_opt_format))->check(one_of(g, {"md", "html", "docx", "pdf"}));
      sub->add_option("--base-url", o->base_url, T(g, sv::msg::r_opt_base_url))->type_name("URL");
    }
    auto* out = sub->add_option("--out", o->out, T(g, sv::msg::r_opt_out))->type_name(std::string_view(s.name) == "site" ? "DIR" : "FILE");
    if (std::string_view(s.name) == "site") {
      out->required();
      sub->add_option("--format", o->format, T(g, sv::msg::r_opt_site_format))->check(one_of(g, {"html", "pdf"}));
    }
    if (std::string_view(s.name) == "report")
      sub->add_option("--period", o->period, T(g, sv::msg::r_opt_period))->required()->type_name("PERIOD");
    sub->add_option("--today", o->today, T(g, sv::msg::r_opt_today))->type_name("YYYY-MM-DD");
    sub->add_flag("--fail-on-pnr", o->fail_on_pnr, T(g, sv::msg::r_opt_fail_on_pnr));
    add_rev_option(sub, g);
    sub->callback([o, name = std::string(s.name)] { o->what = name; });
  }
  return [o, &g] { return run_render(*o, g); };
}

}  // namespace cli
