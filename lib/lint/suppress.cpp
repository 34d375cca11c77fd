#include "lint/suppress.h"

#include <map>

#include <string.h>  // memmem

#include "lint/rule.h"
#include "core/text.h"
#include "core/msg/lint.h"

namespace sv {

namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }

// Code points before byte `at`, plus one.
int col_of(std::string_view line, size_t at) {
  int n = 1;
  for (size_t i = 0; i < at && i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++n;
  return n;
}

int cp_count(std::string_view s) { return col_of(s, s.size()) - 1; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && (blank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

constexpr int kNoBlock = -2;

// If `line` (without its comment) ends in a block scalar indicator (`|`, `>-`,
// `|2`...), the indentation its content must exceed (-1: any); else kNoBlock.
int block_scalar_parent(std::string_view line) {
  std::string_view s = trim(line);
  size_t start = s.find_last_of(" \t");
  std::string_view tok = start == std::string_view::npos ? s : s.substr(start + 1);
  if (tok.empty() || (tok[0] != '|' && tok[0] != '>')) return kNoBlock;
  if (tok.find_first_not_of("-+0123456789", 1) != std::string_view::npos) return kNoBlock;
  // The node owning the scalar: a key after any `- ` prefixes, else the last dash.
  size_t p = line.find_first_not_of(" \t");
  size_t last_dash = std::string_view::npos;
  while (p < line.size() && line[p] == '-' && (p + 1 == line.size() || blank(line[p + 1]))) {
    last_dash = p;
    p = line.find_first_not_of(" \t", p + 1);
    if (p == std::string_view::npos) return kNoBlock;
  }
  size_t tok_at = static_cast<size_t>(tok.data() - line.data());
  if (p == tok_at) return last_dash == std::string_view::npos ? -1 : static_cast<int>(last_dash);
  if (tok_at == 0 || (line[tok_at - 1] != ' ' && line[tok_at - 1] != '\t')) return kNoBlock;
  std::string_view before = trim(line.substr(0, tok_at));
  if (before.empty() || (before.back() != ':' && before.back() != '-')) return kNoBlock;
  return static_cast<int>(p);
}

}  // namespace

std::vector<Comment> yaml_comments(std::string_view t) {
  if (t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
  std::vector<Comment> out;
  char quote = 0;        // inside a quoted scalar: ' or "
  int block_parent = kNoBlock;  // inside a block scalar: content is indented more than this
  // Lines as the loader counts them (LF, CRLF or CR alone), so that a
  // comment's line is the line findings give.
  const std::vector<size_t> starts = line_starts_of(t);
  for (size_t index = 0; index < starts.size(); ++index) {
    const int lineno = static_cast<int>(index) + 1;
    size_t end = index + 1 < starts.size() ? starts[index + 1] : t.size();
    if (end > starts[index] && t[end - 1] == '\n') --end;
    if (end > starts[index] && t[end - 1] == '\r') --end;
    std::string_view line = t.substr(starts[index], end - starts[index]);
    size_t indent = line.find_first_not_of(' ');
    if (block_parent != kNoBlock) {
      if (indent == std::string_view::npos || trim(line).empty() ||
          static_cast<int>(indent) > block_parent)
        continue;
      block_parent = kNoBlock;
    }
    size_t comment_at = std::string_view::npos;
    for (size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (quote == '\'') {
        if (c == '\'') {
          if (i + 1 < line.size() && line[i + 1] == '\'') ++i;
          else quote = 0;
        }
        continue;
      }
      if (quote == '"') {
        if (c == '\\') ++i;
        else if (c == '"') quote = 0;
        continue;
      }
      if (c == '#' && (i == 0 || blank(line[i - 1]))) {
        comment_at = i;
        break;
      }
      if (c == '\'' || c == '"') {
        // A quote opens a scalar only where a scalar may start: first on the
        // line, after `[`, `{` or `,`, or after `:`, `-` or `?` and a space.
        size_t j = i == 0 ? std::string_view::npos : line.find_last_not_of(" \t", i - 1);
        bool start = j == std::string_view::npos || line[j] == '[' || line[j] == '{' || line[j] == ',' ||
                     ((line[j] == ':' || line[j] == '-' || line[j] == '?') && j + 1 < i);
        if (start) quote = c;
      }
    }
    if (comment_at != std::string_view::npos) {
      out.push_back(Comment{lineno, col_of(line, comment_at), line.substr(comment_at + 1)});
      line = line.substr(0, comment_at);
    }
    if (!quote) {
      int parent = block_scalar_parent(line);
      if (parent != kNoBlock) block_parent = parent;
    }
  }
  return out;
}

std::vector<Suppression> find_suppressions(const Repo& repo) {
  static constexpr std::string_view kTag = "samverkan-ignore";
  // Only files that mention the tag can hold a suppression.
  std::vector<bool> tagged(repo.files.size());
  bool any_tagged = false;

  for (size_t f = 0; f < repo.files.size(); ++f) {
    const std::string& c = repo.files[f].content;
    if (::memmem(c.data(), c.size(), kTag.data(), kTag.size())) any_tagged = tagged[f] = true;  // glibc's is fastest
  }
  if (!any_tagged) return {};

  // Lines holding an entity's or a nested item's id, in those files.
  std::map<std::pair<int, int>, std::pair<std::string, std::string>> id_lines;
  auto mark = [&](const Text& id, const std::string& entity, const std::string& nested) {
    if (id.set && id.span.valid() && id.span.file >= 0 && static_cast<size_t>(id.span.file) < tagged.size() &&
        tagged[id.span.file])
      id_lines[{id.span.file, id.span.line}] = {entity, nested};
  };
  repo.for_each_entity([&](const Entity& e) { mark(e.id, e.id.v, ""); });
  for (const auto& p : repo.plans) {
    for (const auto& g : p.goals.v) mark(g.id, p.id.v, g.id.v);
    for (const auto& a : p.activities.v) mark(a.id, p.id.v, a.id.v);
  }
  for (const auto& m : repo.meetings)
    for (const auto& a : m.actions.v) mark(a.id, m.id.v, a.id.v);
  for (const auto& c : repo.collaborations)
    for (const auto& g : c.target_groups.v) mark(g.id, c.id.v, g.id.v);

  std::vector<Suppression> out;
  for (size_t f = 0; f < repo.files.size(); ++f) {
    if (!tagged[f]) continue;
    const std::string& content = repo.files[f].content;
    for (const Comment& c : yaml_comments(content)) {
      std::string_view text = c.text;
      size_t lead = text.find_first_not_of(" \t");
      if (lead == std::string_view::npos || text.substr(lead, kTag.size()) != kTag) continue;
      std::string_view rest = text.substr(lead + kTag.size());
      if (!rest.empty() && rest[0] != ':' && !blank(rest[0]) && rest[0] != '\r') continue;  // another word
      Suppression base;
      base.file = static_cast<int>(f);
      base.line = c.line;
      if (auto it = id_lines.find({base.file, c.line}); it != id_lines.end())
        std::tie(base.entity, base.nested) = it->second;
      size_t names_at = lead + kTag.size() + 1;  // after the colon, within c.text
      std::string_view names = rest.empty() || rest[0] != ':' ? std::string_view() : rest.substr(1);
      if (size_t dashes = names.find("--"); dashes != std::string_view::npos) names = names.substr(0, dashes);
      bool any = false;
      size_t at = 0;
      while (at <= names.size()) {
        size_t comma = names.find(',', at);
        if (comma == std::string_view::npos) comma = names.size();
        std::string_view raw = names.substr(at, comma - at);
        std::string_view name = trim(raw);
        if (!name.empty()) {
          Suppression s = base;
          s.rule = std::string(name);
          // The comment's text starts one byte after the '#', at column c.col + 1.
          size_t byte = names_at + at + static_cast<size_t>(name.data() - raw.data());
          s.span = Span{base.file, c.line, c.col + col_of(c.text, byte),
                        cp_count(name)};
          out.push_back(std::move(s));
          any = true;
        }
        at = comma + 1;
      }
      if (!any) {
        Suppression s = base;
        s.span = Span{base.file, c.line, c.col, 1 + cp_count(trim(c.text))};
        out.push_back(std::move(s));
      }
    }
  }
  return out;
}

namespace {

bool covers(const Suppression& s, const Finding& f) {
  if (s.rule != f.code) return false;
  if (s.file == f.span.file && (f.span.line == s.line || f.span.line == s.line + 1)) return true;
  return !s.entity.empty() && s.entity == f.entity && (s.nested.empty() || s.nested == f.nested);
}

}  // namespace

size_t apply_suppressions(const Repo& repo, std::vector<Suppression> sup, std::vector<Finding>& findings,
                          Severity unused, const std::set<std::string>& off_rules) {
  if (sup.empty()) return 0;
  size_t silenced = 0;
  std::vector<Finding> kept;
  for (auto& f : findings) {
    bool hit = false;
    if (rules::find_rule(f.code))
      for (auto& s : sup)
        if (covers(s, f)) hit = s.used = true;
    if (hit) ++silenced;
    else kept.push_back(std::move(f));
  }
  findings = std::move(kept);
  if (unused == Severity::off) return silenced;

  for (const auto& s : sup) {
    if (s.used || off_rules.count(s.rule)) continue;
    Finding f;
    f.severity = unused;
    f.code = rules::unused_suppression.id;
    f.span = s.span;
    f.entity = s.entity;
    f.nested = s.rule;
    if (s.rule.empty()) {
      f.message = msg_of(msg::lint_suppression_empty);
      f.help = msg_of(msg::lint_help_suppression_syntax);
    } else if (rules::find_rule(s.rule)) {
      f.message = msg_of(msg::lint_suppression_unused, s.rule);
      f.help = msg_of(msg::lint_help_remove_suppression);
    } else {
      f.message = msg_of(msg::lint_suppression_not_rule, s.rule);
      f.help = rules::rule_suggestion(s.rule, true);
    }
    findings.push_back(std::move(f));
  }
  return silenced;
}

}  // namespace sv
