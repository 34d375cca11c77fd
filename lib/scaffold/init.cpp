#include "scaffold/init.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "load/load.h"
#include "scaffold/yaml_writer.h"

namespace sv::scaffold {

namespace {

using Values = std::map<std::string, std::string, std::less<>>;

// `text` with each {{key}} replaced by its value. A key the table does not
// have is a bug in a template (tests/unit/test_init.cpp makes every one).
std::string fill(std::string_view text, const Values& values) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find("{{", i);
    if (open == text.npos) break;
    size_t close = text.find("}}", open + 2);
    if (close == text.npos) break;
    out.append(text, i, open - i);
    std::string_view key = text.substr(open + 2, close - open - 2);
    auto it = values.find(key);
    if (it == values.end()) throw std::logic_error("init template: unknown placeholder {{" + std::string(key) + "}}");
    out += it->second;
    i = close + 2;
  }
  out.append(text.substr(i));
  return out;
}

// The scalar `v` as YAML writes it in a mapping's value: plain or quoted.
std::string yaml_scalar(std::string_view v) {
  YamlWriter w;
  w.text(v);
  std::string s = w.str();
  return s.substr(0, s.size() - 1);  // without the newline
}

Values values_for(const InitOptions& o) {
  const Date t = o.today;
  auto date = [&](long days) { return t.plus_days(days).str(); };
  // About a year from today: the example plan's period.
  Date end = t.plus_days(364);
  Values v;
  v["name_text"] = o.name;
  v["name"] = yaml_scalar(o.name);
  v["today"] = t.str();
  v["year"] = std::to_string(t.y);
  v["next_year"] = std::to_string(t.y + 1);
  v["end"] = end.str();
  v["baseline"] = date(-1);
  v["valid_until"] = std::to_string(t.y + 2) + "-12-31";
  v["due0"] = date(14);
  v["due1"] = date(120);
  v["due2"] = date(240);
  v["follow1"] = date(122);
  v["follow2"] = date(244);
  v["next_meeting"] = date(84);
  v["next_meeting_wg"] = date(28);
  return v;
}

// samverkan.yaml, with a comment on each line in the repository's language.
std::string config_file(const InitOptions& o) {
  const bool sv = o.lang == Lang::sv;
  YamlWriter w;
  w.comment(sv ? "Samverkans konfiguration. Formatet: samverkan schema --config, reglerna: samverkan rules."
               : "The repository's configuration. Its format: samverkan schema --config; the rules: samverkan rules.");
  w.begin_map();
  w.key("name").text(o.name).comment(sv ? "visas på varje rapport" : "shown on every report");
  w.key("language").plain(sv ? "sv" : "en").comment(sv ? "sv eller en: språket i rapporter och meddelanden"
                                                       : "sv or en: the language of reports and messages");
  w.end_map();
  std::string text = w.str();
  text += sv ? "\n# Regler kan stängas av eller skärpas, t.ex.:\n# rules:\n#   meeting-minutes-not-approved: off\n"
             : "\n# Rules can be turned off or made stricter, e.g.:\n# rules:\n#   meeting-minutes-not-approved: off\n";
  return text;
}

// A template's name with its language variant: "gitlab-ci.en.yml" is the
// English "gitlab-ci.yml".
std::string variant(std::string_view name, Lang lang) {
  if (lang == Lang::sv) return std::string(name);
  size_t dot = name.rfind('.');
  if (dot == name.npos) return std::string(name) + ".en";
  return std::string(name.substr(0, dot)) + ".en" + std::string(name.substr(dot));
}

std::string_view shared_template(std::string_view name, Lang lang) {
  const auto& all = init_templates();
  std::string want = variant(name, lang);
  for (const auto& f : all)
    if (f.name == want) return f.text;
  for (const auto& f : all)
    if (f.name == name) return f.text;
  throw std::logic_error("init template missing: " + std::string(name));
}

}  // namespace

std::string ci_path(Ci ci) {
  switch (ci) {
    case Ci::github: return ".github/workflows/samverkan.yml";
    case Ci::gitlab: return ".gitlab-ci.yml";
    case Ci::none: break;
  }
  return "";
}

std::vector<GeneratedFile> init_files(const InitOptions& o) {
  const Values values = values_for(o);
  std::vector<GeneratedFile> files;
  files.push_back({"samverkan.yaml", config_file(o)});

  const std::string prefix = std::string(o.lang == Lang::sv ? "sv" : "en") + "/";
  const std::string example = prefix + "example/";
  const std::string readme = ".README.md";
  for (const auto& t : init_templates()) {
    std::string_view name = t.name;
    if (name.substr(0, prefix.size()) != prefix) continue;
    std::string rel(name.substr(prefix.size()));
    std::string path;
    if (name.substr(0, example.size()) == example) {
      if (!o.example) continue;
      path = rel.substr(example.size() - prefix.size());
    } else if (rel.size() > readme.size() && rel.compare(rel.size() - readme.size(), readme.size(), readme) == 0) {
      path = rel.substr(0, rel.size() - readme.size()) + "/README.md";
    } else {
      path = rel;
    }
    files.push_back({fill(path, values), fill(t.text, values)});
  }

  // Copied as they are: GitHub's expressions are written ${{ … }} too.
  files.push_back({".gitignore", std::string(shared_template("gitignore", o.lang))});
  files.push_back({".pre-commit-config.yaml", std::string(shared_template("pre-commit-config.yaml", o.lang))});
  if (o.ci == Ci::github) files.push_back({ci_path(o.ci), std::string(shared_template("github-workflow.yml", o.lang))});
  if (o.ci == Ci::gitlab) files.push_back({ci_path(o.ci), std::string(shared_template("gitlab-ci.yml", o.lang))});

  // The editor: VS Code's YAML extension checks each file against the
  // schema of this version of samverkan, described in the repository's
  // language (`samverkan schema` renews them).
  files.push_back({".vscode/samverkan.schema.json", json_schema(false, o.lang)});
  files.push_back({".vscode/samverkan-config.schema.json", json_schema(true, o.lang)});
  files.push_back({".vscode/settings.json", std::string(shared_template("vscode-settings.json", o.lang))});
  files.push_back({".vscode/extensions.json", std::string(shared_template("vscode-extensions.json", o.lang))});

  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return files;
}

}  // namespace sv::scaffold
