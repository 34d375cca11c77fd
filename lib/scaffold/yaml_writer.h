// Writing the YAML that `init` and `new` generate. yaml-cpp's Emitter does
// the writing (it quotes and places comments correctly); libyaml, which reads
// (lib/load), has no writer of comments. Every text goes out so that the
// loader reads back exactly the string given, whatever it holds (`: `, `#`,
// quotes, a leading `-`, newlines, non-ASCII): a text that would read as
// anything but itself as a plain scalar is double-quoted.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace YAML {
class Emitter;
}

namespace sv::scaffold {

class YamlWriter {
 public:
  YamlWriter();
  ~YamlWriter();
  YamlWriter(const YamlWriter&) = delete;
  YamlWriter& operator=(const YamlWriter&) = delete;

  // A comment line (or lines) at the current place: before the next key or
  // item, or after the value just written when it is on the same line.
  YamlWriter& comment(std::string_view text);
  // A comment on a line of its own before the next key of a block mapping
  // (after a value, comment() would stay on the value's line).
  YamlWriter& note(std::string_view text);
  YamlWriter& begin_map();
  YamlWriter& end_map();
  YamlWriter& begin_seq();
  YamlWriter& end_seq();
  // A flow sequence: [a, b]; for short lists of ids.
  YamlWriter& begin_flow_seq();
  YamlWriter& key(std::string_view k);
  // A text, quoted when it must be to read back as itself.
  YamlWriter& text(std::string_view v);
  // A value written as it is: an id, a date, a period, an enum value, a
  // number, `true`/`false`. The caller has checked its shape.
  YamlWriter& plain(std::string_view v);
  // A blank line between top-level blocks, for the eye.
  YamlWriter& blank_line();

  // The document so far, ending with one newline. Throws std::logic_error
  // when the emitter refused what was written (a programming error).
  std::string str() const;

 private:
  YamlWriter& comment_lines(std::string_view text, bool own_line);
  std::unique_ptr<YAML::Emitter> e_;
};

// Whether `v` reads back as the same string when written as a plain scalar
// (exported for the tests).
bool plain_is_safe(std::string_view v);

}  // namespace sv::scaffold
