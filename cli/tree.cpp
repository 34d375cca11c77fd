// The command tree as the completions and the man pages read it: the same
// CLI11 definitions the parser and the help use, so neither can drift.
#include "app.h"

namespace cli {

bool is_hidden(const CLI::App* sub) { return sub->get_name().rfind("__", 0) == 0; }

std::vector<const CLI::App*> visible_subcommands(const CLI::App& app) {
  std::vector<const CLI::App*> out;
  for (const CLI::App* sub : app.get_subcommands({}))
    if (!is_hidden(sub) && !sub->get_group().empty()) out.push_back(sub);
  return out;
}

std::vector<const CLI::Option*> visible_options(const CLI::App& app) {
  std::vector<const CLI::Option*> out;
  for (const CLI::Option* opt : app.get_options())
    if (!opt->get_positional() && !opt->get_group().empty()) out.push_back(opt);
  return out;
}

std::vector<const CLI::Option*> positionals(const CLI::App& app) {
  std::vector<const CLI::Option*> out;
  for (const CLI::Option* opt : app.get_options())
    if (opt->get_positional()) out.push_back(opt);
  return out;
}

std::vector<std::string> option_choices(const CLI::Option* opt) {
  std::string shown;
  try {
    // get_validator is not const in CLI11 2.1; it only looks.
    shown = const_cast<CLI::Option*>(opt)->get_validator(kOneOf)->get_description();
  } catch (const CLI::OptionNotFound&) {
    return {};
  }
  // one_of() describes itself as "{a,b,c}".
  std::vector<std::string> out;
  if (shown.size() < 2) return out;
  std::string item;
  for (char c : shown.substr(1, shown.size() - 2)) {
    if (c == ',') out.push_back(std::move(item)), item.clear();
    else item += c;
  }
  out.push_back(item);
  return out;
}

bool takes_value(const CLI::Option* opt) { return opt->get_type_size() != 0; }

std::string command_path(const CLI::App& app) {
  std::string path;
  for (const CLI::App* a = &app; a->get_parent(); a = a->get_parent())
    path = path.empty() ? a->get_name() : a->get_name() + " " + path;
  return path;
}

}  // namespace cli
