// The command line: shared options and the commands. Only cli/ includes CLI11.
// Each command is one options struct plus a setup and a run function.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/messages.h"
#include "load/repository.h"

namespace cli {

// Options every command takes.
struct Global {
  std::string dir;         // -C DIR
  std::string lang;        // --lang
  std::string color = "auto";
  bool no_cache = false;   // --no-cache
  std::string rev;         // --rev REV (validate, lint, render): read the data from git
  sv::Lang ui = sv::Lang::sv;  // language of help texts, known before parsing

  std::optional<sv::Lang> lang_option() const;
  bool color_on(int fd) const;
};

// The language of a command that needs no repository (rules, schema): --lang
// (or SAMVERKAN_LANG), else the language of the repository around the current
// directory, else Swedish; outside a repository too.
sv::Lang command_lang(const Global& g);

// What validate and lint check and report, from the options they share
// (scope.cpp): the paths given, where the data is read from (--rev in Global,
// --staged), and what counts as new (--changed-since).
struct Scope {
  std::vector<std::string> paths;  // PATH...: the repository's folder, or files in it
  std::string changed_since;       // --changed-since REV
  bool staged = false;             // --staged: git's index
  // Resolved by resolve_scope(): where the repository is looked for, and the
  // files (relative to its root) whose findings are reported; empty: all.
  std::string start = ".";
  std::set<std::string> files;
};

// A command's run function; returns the exit code.
using Run = std::function<int()>;

// Adds one subcommand; the returned function runs it after parsing.
using Setup = Run (*)(CLI::App& app, Global& g);

Run setup_validate(CLI::App& app, Global& g);
Run setup_lint(CLI::App& app, Global& g);
Run setup_rules(CLI::App& app, Global& g);
Run setup_schema(CLI::App& app, Global& g);
Run setup_diff(CLI::App& app, Global& g);
Run setup_log(CLI::App& app, Global& g);
Run setup_render(CLI::App& app, Global& g);
Run setup_export(CLI::App& app, Global& g);
Run setup_new(CLI::App& app, Global& g);
Run setup_lsp(CLI::App& app, Global& g);         // the language server
Run setup_completion(CLI::App& app, Global& g);  // completion bash|zsh|fish
Run setup_complete(CLI::App& app, Global& g);    // hidden __complete
Run setup_man(CLI::App& app, Global& g);         // hidden __man

// The command tree as the completions and the man pages read it (tree.cpp).
// A hidden command's name starts with "__"; hidden options have no group.
bool is_hidden(const CLI::App* sub);
std::vector<const CLI::App*> visible_subcommands(const CLI::App& app);
// The options one may type (--help included, positionals and hidden ones not).
std::vector<const CLI::Option*> visible_options(const CLI::App& app);
std::vector<const CLI::Option*> positionals(const CLI::App& app);
// The values an option checked by one_of() accepts; empty for any other.
std::vector<std::string> option_choices(const CLI::Option* opt);
// Whether the option is followed by a value (not a flag).
bool takes_value(const CLI::Option* opt);
// "validate", "render plan": the command's path below samverkan.
std::string command_path(const CLI::App& app);
// The word an option's value is shown by in the help's language ("FIL",
// "{text,json}"), as the help shows it (help.cpp).
std::string value_word(const CLI::App& app, const CLI::Option* opt);
Run setup_init(CLI::App& app, Global& g);

// docs/rules.md: the rules and the codes, from their tables (rules_doc.cpp).
std::string rules_markdown();

// Shared helpers for commands.
// Loads the repository at `path` (default: the current directory), from the
// work tree, or from git with --rev.
sv::Loaded& load(const Global& g, const std::string& path);  // kept until exit
// Adds PATH..., --rev, --staged and --changed-since to validate or lint.
void add_scope_options(CLI::App* cmd, Global& g, Scope& s);
// Finds where the paths lie (a file's repository is found above it). Throws
// SystemError for files in different repositories or outside any, and, in the
// work tree (not `at_revision`, not --staged), for a path that does not exist.
void resolve_scope(Scope& s, bool at_revision);
// Loads the scope's repository from the work tree, --rev or --staged.
sv::Loaded& load(const Global& g, const Scope& s);
// The findings a command reports: with --changed-since only those the data
// at the comparison point did not have (`check` adds to a loaded base what
// the command adds to what loaded now: the lint rules), then with files only
// those located in them.
void narrow(const Global& g, const Scope& s, sv::Loaded& now,
            const std::function<void(sv::Loaded& base, const std::string& commit)>& check);
// Adds --rev to a command.
void add_rev_option(CLI::App* cmd, Global& g);
// Prints an error (exit 2) and returns 2.
int fail(const Global& g, const sv::Message& m, const std::optional<sv::Message>& help = {});
// The translated text of a catalogue entry in the UI language (for help texts).
inline std::string T(const Global& g, const sv::Tr& t) { return t.get(g.ui); }
// The help's formatter: CLI11's words in the help's language, columns by
// display width (help.cpp).
std::shared_ptr<CLI::Formatter> help_formatter(const Global& g);
// An option whose value must be one of `allowed`; CLI11's IsMember, with the
// error in the user's language.
CLI::Validator one_of(const Global& g, std::vector<std::string> allowed);
extern const char* const kOneOf;  // its validator's name

}  // namespace cli
