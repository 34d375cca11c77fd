#include "core/messages.h"

#include "core/kinds.h"

#include <fmt/args.h>

#include "core/msg/cli.h"
#include "core/msg/core.h"
#include "core/msg/export.h"
#include "core/msg/git.h"
#include "core/msg/lint.h"
#include "core/msg/render.h"
#include "core/msg/lsp.h"
#include "core/msg/scaffold.h"
#include "core/privacy.h"

namespace sv {

bool parse_lang(std::string_view s, Lang& out) {
  if (s.substr(0, 2) == "sv") { out = Lang::sv; return true; }
  if (s.substr(0, 2) == "en") { out = Lang::en; return true; }
  return false;
}

std::string Arg::str(Lang l) const {
  if (m) return m->str(l);
  if (!t) return s;
  if (s.empty()) return std::string(t->get(l));
  return fmt::format("{} `{}`", t->get(l), s);
}

std::string Message::str(Lang l) const {
  if (!text) return {};
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& a : args) store.push_back(a.str(l));
  try {
    return privacy::mask(fmt::vformat(text->get(l), store));
  } catch (const fmt::format_error&) {
    // A catalogue bug must never crash the tool; the test suite catches it.
    return std::string(text->get(l));
  }
}


const std::vector<const Tr*>& catalogue() {
  static const std::vector<const Tr*> all = {
#define MSG(name, sv_text, en_text) &msg::name,
#include "core/msg/core.def"
#include "core/msg/cli.def"
#include "core/msg/lint.def"
#include "core/msg/render.def"
#include "core/msg/git.def"
#include "core/msg/scaffold.def"
#include "core/msg/lsp.def"
#include "core/msg/export.def"
#undef MSG
#define KIND(k_name, k_type, k_list, k_sv, k_en) &msg::git_k_##k_name,
#include "core/kinds.def"
#undef KIND
  };
  return all;
}

}  // namespace sv
