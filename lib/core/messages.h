// The message catalogue: every user-facing text, in Swedish and English.
//
// Texts are fmt format strings with positional arguments ({0}, {1}, ...).
// The central catalogue is the set of *.def files in msg/, one per area
// (core, lint, render, git, cli); rule files may hold their own Tr texts
// next to the rule, which is where ruff keeps them too.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>
#include <fmt/format.h>

namespace sv {

enum class Lang { sv, en };

// Parses "sv"/"en" (also "sv_SE.UTF-8" style); false when unknown.
bool parse_lang(std::string_view s, Lang& out);

// One translatable text.
struct Tr {
  const char* id;  // stable key, e.g. "core.field-required"
  const char* sv;
  const char* en;
  const char* get(Lang l) const { return l == Lang::sv ? sv : en; }
};

// An argument of a message: literal text, or a catalogue text translated
// when the message is printed, or both: a catalogue word naming something
// and its id, printed as "word `id`" (`goal `g1``, `mål `g1``).
struct Message;
struct Arg {
  std::string s;
  const Tr* t = nullptr;
  // A whole message as the argument ("cannot read the baseline x: <why>"),
  // translated with the rest.
  std::shared_ptr<const Message> m;
  std::string str(Lang l) const;
};

// A text with its arguments, resolved to a language only when printed.
struct Message {
  const Tr* text = nullptr;
  std::vector<Arg> args;
  std::string str(Lang l) const;
};

inline Arg named(const Tr& word, std::string id) { return Arg{std::move(id), &word}; }
inline Arg to_arg(const Tr& t) { return Arg{{}, &t}; }
inline Arg to_arg(Arg a) { return a; }
inline Arg to_arg(Message m) { return Arg{{}, nullptr, std::make_shared<const Message>(std::move(m))}; }
template <class T>
  requires(!std::is_same_v<std::remove_cvref_t<T>, Message>)
Arg to_arg(T&& v) {
  return Arg{fmt::format("{}", std::forward<T>(v)), nullptr};
}

template <class... A>
Message msg_of(const Tr& t, A&&... a) {
  return Message{&t, {to_arg(std::forward<A>(a))...}};
}

// Formats a text directly.
template <class... A>
std::string tr(Lang l, const Tr& t, A&&... a) {
  return msg_of(t, std::forward<A>(a)...).str(l);
}

// Every entry of the central catalogue (for tests and `rules`).
const std::vector<const Tr*>& catalogue();

// The texts themselves are declared per area in core/msg/<area>.h
// (core, cli, lint, render, git), each from its msg/<area>.def.


}  // namespace sv
