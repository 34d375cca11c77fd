// samverkan completion bash|zsh|fish: the shell's completion script, and the
// hidden `samverkan __complete SHELL -- WORD...` that script asks at every
// TAB. The answers are read from the command tree the parser itself uses
// (tree.cpp) and, for ids, from the repository, so they cannot drift.
//
// What __complete prints: a first line naming what to complete — `words`
// (the lines that follow), `files` or `dirs` (the shell completes paths) —
// then one candidate a line; for zsh "value:description" (':' escaped),
// for fish "value<TAB>description".

#include <algorithm>
#include <map>

#include "app.h"
#include "core/codes.h"
#include "core/enums.h"
#include "core/msg/cli.h"
#include "core/privacy.h"
#include "core/text.h"
#include "lint/rule.h"

namespace cli {
namespace {

// What a value is completed from, where the option's own definition does
// not say (one_of() values and FILE/DIR are read from the definitions).
enum class From { languages, rules, rules_and_codes, entities };
struct ValueSource {
  const char* command;  // the command's path: "", "lint", "render plan"
  const char* option;   // an option's long name, or a positional's index ("0")
  From from;
  const char* kind = "";  // for entities: the kind (core/kinds.def), "" for any
};
// The one place that says which value is which: a command that takes an id
// gets its line here.
const ValueSource kValueSources[] = {
    {"", "--lang", From::languages},
    {"lint", "--select", From::rules},
    {"rules", "0", From::rules_and_codes},
    {"log", "0", From::entities},
    {"render plan", "0", From::entities, "plan"},
    {"render meeting", "0", From::entities, "meeting"},
    {"render report", "0", From::entities, "report"},
    {"render collaboration", "0", From::entities, "collaboration"},
    {"export", "--collaboration", From::entities, "collaboration"},
    {"new meeting", "0", From::entities, "forum"},
    {"new plan", "0", From::entities, "collaboration"},
    {"new plan", "--from", From::entities, "plan"},
    {"new report", "0", From::entities, "collaboration"},
    {"new organisation", "--parent", From::entities, "organisation"},
    {"new collaboration", "--parent", From::entities, "collaboration"},
    {"new forum", "--collaboration", From::entities, "collaboration"},
};

struct Candidate {
  std::string value, description;
};

struct Answer {
  std::string what = "words";  // words, files, dirs
  std::vector<Candidate> candidates;
};

const ValueSource* source_of(const CLI::App& app, const std::string& key) {
  std::string path = command_path(app);
  for (const auto& s : kValueSources)
    if (path == s.command && key == s.option) return &s;
  return nullptr;
}

// The option `name` ("--format", "-o") of the command or of one above it
// (options fall through to subcommands).
const CLI::Option* find_option(const CLI::App* app, const std::string& name) {
  for (; app; app = app->get_parent())
    for (const CLI::Option* opt : app->get_options())
      if (!opt->get_positional() && opt->check_name(name)) return opt;
  return nullptr;
}

// The ids of the repository's entities of `kind` ("" any), sorted. A missing
// or broken repository gives none: completion never fails.
std::vector<std::string> entity_ids(const Global& g, const std::string& dir, const std::string& kind) {
  std::vector<std::string> ids;
  try {
    Global quiet = g;
    quiet.rev.clear();
    sv::Loaded& l = load(quiet, dir.empty() ? "." : dir);
    l.repo.for_each_entity([&](const sv::Entity& e) {
      if (e.id.set && !e.id.v.empty() && (kind.empty() || kind == sv::kind_name(e.kind))) ids.push_back(e.id.v);
    });
  } catch (const std::exception&) {
    return {};
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// The values of an option or a positional of `app`.
Answer values(const CLI::App& app, const CLI::Option* opt, const std::string& key, const Global& g,
              const std::string& dir) {
  Answer a;
  for (const auto& v : option_choices(opt)) a.candidates.push_back({v, ""});
  if (!a.candidates.empty()) return a;
  const ValueSource* s = source_of(app, key);
  if (!s && app.get_parent() && !opt->get_positional())  // a global option, used below samverkan
    for (const CLI::App* up = app.get_parent(); up && !s; up = up->get_parent()) s = source_of(*up, key);
  if (s) {
    switch (s->from) {
      case From::languages:
        for (const char* l : sv::enum_names<sv::ConfigLanguage>()) a.candidates.push_back({l, ""});
        break;
      case From::rules_and_codes:
        for (const auto& c : sv::all_codes()) a.candidates.push_back({std::string(c.id), c.summary.get(g.ui)});
        [[fallthrough]];
      case From::rules:
        for (const auto* r : sv::rules::every_rule()) a.candidates.push_back({r->id, r->summary.get(g.ui)});
        break;
      case From::entities:
        for (auto& id : entity_ids(g, dir, s->kind)) a.candidates.push_back({std::move(id), ""});
        break;
    }
    return a;
  }
  // A path: the shell completes it. Any other value (a date, a revision, a
  // count) has nothing to offer.
  std::string type = opt->get_type_name();
  auto is = [&](const sv::Tr& t) { return type == t.get(sv::Lang::sv) || type == t.get(sv::Lang::en); };
  if (is(sv::msg::cli_DIR) || type == "DIR") a.what = "dirs";
  else if (is(sv::msg::cli_FILE) || type == "FILE" || type == "PATH" || type == "PATH..." ||
           type == "FORMAT=FILE")
    a.what = "files";
  return a;
}

// How kValueSources names an option: "--select", else "-C".
std::string key_of(const CLI::Option* opt) {
  if (!opt->get_lnames().empty()) return "--" + opt->get_lnames().front();
  return opt->get_snames().empty() ? "" : "-" + opt->get_snames().front();
}

// Completes the last word, the others read as the parser would read them.
Answer complete(const CLI::App& root, const std::vector<std::string>& words, const Global& g) {
  const CLI::App* app = &root;
  size_t position = 0;  // the positional next
  std::string dir;      // -C DIR
  bool only_positionals = false;
  std::string cur = words.empty() ? "" : words.back();
  const CLI::Option* pending = nullptr;  // an option waiting for its value
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string& w = words[i];
    if (pending) {
      if (pending->check_name("-C")) dir = w;
      pending = nullptr;
      continue;
    }
    if (!only_positionals && w == "--") {
      only_positionals = true;
    } else if (!only_positionals && w.size() > 1 && w[0] == '-') {
      auto eq = w.find('=');
      const CLI::Option* opt = find_option(app, w.substr(0, eq));
      if (opt && takes_value(opt)) {
        if (eq == std::string::npos) pending = opt;
        else if (opt->check_name("-C")) dir = w.substr(eq + 1);
      }
    } else {
      const CLI::App* sub = nullptr;
      if (!only_positionals)
        for (const CLI::App* s : app->get_subcommands({}))
          if (s->check_name(w)) sub = s;
      if (sub) {
        app = sub;
        position = 0;
      } else {
        auto pos = positionals(*app);
        // A positional taking many values stays the current one.
        if (position < pos.size() && pos[position]->get_expected_max() <= 1) ++position;
      }
    }
  }
  auto prefixed = [&](Answer a, const std::string& prefix, const std::string& typed) {
    std::vector<Candidate> kept;
    for (auto& c : a.candidates)
      if (c.value.compare(0, typed.size(), typed) == 0) kept.push_back({prefix + c.value, c.description});
    a.candidates = std::move(kept);
    return a;
  };
  // A comma-separated list (--select a,b): the item being typed.
  auto item_of = [&](const CLI::App& at, const CLI::Option* opt, const std::string& key, const std::string& typed,
                     std::string prefix) {
    Answer a = values(at, opt, key, g, dir);
    std::string rest = typed;
    const ValueSource* s = source_of(at, key);
    if (s && s->from == From::rules) {
      auto comma = typed.rfind(',');
      if (comma != std::string::npos) prefix += typed.substr(0, comma + 1), rest = typed.substr(comma + 1);
    }
    return prefixed(a, prefix, rest);
  };
  if (pending) return item_of(*app, pending, key_of(pending), cur, "");
  if (!only_positionals && cur.size() > 1 && cur[0] == '-' && cur.find('=') != std::string::npos) {
    auto eq = cur.find('=');
    const CLI::Option* opt = find_option(app, cur.substr(0, eq));
    if (!opt || !takes_value(opt)) return {};
    return item_of(*app, opt, key_of(opt), cur.substr(eq + 1), cur.substr(0, eq + 1));
  }
  Answer a;
  if (!only_positionals && !cur.empty() && cur[0] == '-') {
    for (const CLI::App* at = app; at; at = at->get_parent())
      for (const CLI::Option* opt : visible_options(*at)) {
        for (const auto& n : opt->get_lnames()) a.candidates.push_back({"--" + n, opt->get_description()});
        for (const auto& n : opt->get_snames()) a.candidates.push_back({"-" + n, opt->get_description()});
      }
    return prefixed(a, "", cur);
  }
  for (const CLI::App* sub : visible_subcommands(*app)) a.candidates.push_back({sub->get_name(), sub->get_description()});
  auto pos = positionals(*app);
  if (position < pos.size()) {
    Answer v = values(*app, pos[position], std::to_string(position), g, dir);
    if (a.candidates.empty()) a.what = v.what;
    for (auto& c : v.candidates) a.candidates.push_back(std::move(c));
  }
  return prefixed(a, "", cur);
}

// A description on one line of the answer.
std::string one_line(std::string text) {
  std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\t'; }, ' ');
  return text;
}

// zsh's _describe reads "value:description"; a ':' in the value is escaped.
std::string zsh_line(const Candidate& c) {
  std::string out;
  for (char ch : c.value) {
    if (ch == ':' || ch == '\\') out += '\\';
    out += ch;
  }
  if (!c.description.empty()) out += ":" + one_line(c.description);
  return out;
}

constexpr const char* kBash = R"(# bash completion for samverkan; generated by `samverkan completion bash`.
# The candidates come from `samverkan __complete`, which reads the command
# line's own definitions and the repository.
_samverkan() {
  local cur words cword
  if declare -F _get_comp_words_by_ref >/dev/null; then
    _get_comp_words_by_ref -n =: cur words cword
  else
    words=("${COMP_WORDS[@]}") cword=$COMP_CWORD cur=${COMP_WORDS[COMP_CWORD]}
  fi
  local IFS=$'\n' out what
  out=($("${words[0]}" __complete bash -- "${words[@]:1:cword}" 2>/dev/null)) || return 0
  what=${out[0]}
  local value=$cur
  [[ $cur == -*=* ]] && value=${cur#*=}
  case $what in
    files) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$value")); return 0 ;;
    dirs) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$value")); return 0 ;;
  esac
  COMPREPLY=("${out[@]:1}")
  # Readline replaces only what follows a '=' or a ':' of COMP_WORDBREAKS.
  if [[ $cur == *=* && $COMP_WORDBREAKS == *=* ]]; then COMPREPLY=("${COMPREPLY[@]#*=}"); fi
  if declare -F __ltrim_colon_completions >/dev/null; then __ltrim_colon_completions "$cur"; fi
  return 0
}
complete -F _samverkan samverkan
)";

constexpr const char* kZsh = R"(#compdef samverkan
# zsh completion for samverkan; generated by `samverkan completion zsh`.
# The candidates come from `samverkan __complete`, which reads the command
# line's own definitions and the repository.
_samverkan() {
  local -a lines
  lines=("${(@f)$(${words[1]} __complete zsh -- "${(@)words[2,CURRENT]}" 2>/dev/null)}")
  local what=${lines[1]}
  shift lines
  case $what in
    files) _files ;;
    dirs) _files -/ ;;
    *) (( ${#lines} )) && _describe -t values samverkan lines ;;
  esac
}
if [[ $funcstack[1] == _samverkan ]]; then
  _samverkan "$@"
else
  compdef _samverkan samverkan
fi
)";

constexpr const char* kFish = R"(# fish completion for samverkan; generated by `samverkan completion fish`.
# The candidates come from `samverkan __complete`, which reads the command
# line's own definitions and the repository.
function __samverkan_complete
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -l out ($tokens[1] __complete fish -- $tokens[2..-1] "$cur" 2>/dev/null)
    switch "$out[1]"
        case files
            __fish_complete_path "$cur"
        case dirs
            __fish_complete_directories "$cur"
        case '*'
            printf '%s\n' $out[2..-1]
    end
end
complete -c samverkan -f -a '(__samverkan_complete)'
)";

struct CompletionOptions {
  std::string shell, out;
};

struct CompleteOptions {
  std::string shell;
  std::vector<std::string> words;
};

}  // namespace

Run setup_completion(CLI::App& app, Global& g) {
  auto o = std::make_shared<CompletionOptions>();
  CLI::App* cmd = app.add_subcommand("completion", T(g, sv::msg::cli_completion));
  cmd->add_option("shell", o->shell, T(g, sv::msg::cli_opt_shell))->required()->check(one_of(g, {"bash", "zsh", "fish"}));
  cmd->add_option("--out", o->out, T(g, sv::msg::cli_opt_out))->type_name("FILE");
  return [o] {
    std::string script = o->shell == "bash" ? kBash : o->shell == "zsh" ? kZsh : kFish;
    if (o->out.empty()) sv::privacy::out(script);
    else sv::privacy::write_file(o->out, script, true);
    return 0;
  };
}

Run setup_complete(CLI::App& app, Global& g) {
  auto o = std::make_shared<CompleteOptions>();
  CLI::App* cmd = app.add_subcommand("__complete", "");
  cmd->add_option("shell", o->shell)->required();
  cmd->add_option("words", o->words);
  cmd->allow_extras();
  return [o, &app, &g] {
    Answer a = complete(app, o->words.empty() ? std::vector<std::string>{""} : o->words, g);
    std::string text = a.what + "\n";
    for (const auto& c : a.candidates) {
      if (o->shell == "zsh") text += zsh_line(c);
      else if (o->shell == "fish" && !c.description.empty()) text += c.value + "\t" + one_line(c.description);
      else text += c.value;
      text += "\n";
    }
    sv::privacy::out(text);
    return 0;
  };
}

}  // namespace cli
