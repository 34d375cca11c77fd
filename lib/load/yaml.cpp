// YAML → the loader's tree. The only file in samverkan that includes a YAML
// parser: libyaml, the C reference implementation (Debian's libyaml-dev).
//
// Its event API lets us see every key (duplicates included), keep exact
// positions, and share aliased nodes instead of expanding them. libyaml was
// chosen over yaml-cpp for speed: it parses the national-scale benchmark
// about six times faster (docs/benchmark.md), and the parser is most of the
// cost of a cold `validate`.
#include <yaml.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "load/load.h"
#include "load/tree.h"
#include "core/codes.h"
#include "core/text.h"
#include "core/msg/core.h"

namespace sv {

namespace {

// Spans for positions met in order, as the parser meets nodes: the column of
// a position on the line of the one before is counted on from that one, so
// a line holding many nodes is counted once, not once per node.
class Spans {
 public:
  Spans(int file, std::string_view text, const std::vector<size_t>& line_starts)
      : file_(file), text_(text), line_starts_(line_starts) {}
  Span at(size_t pos, size_t len_bytes) {
    pos = std::min(pos, text_.size());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), pos);
    auto line = static_cast<size_t>(it - line_starts_.begin());  // 1-based
    if (line != line_ || pos < pos_) {
      line_ = line;
      pos_ = line_starts_[line - 1];
      col_ = 0;
    }
    col_ += utf8_length(text_.substr(pos_, pos - pos_));
    pos_ = pos;
    Span s;
    s.file = file_;
    s.line = static_cast<int>(line);
    s.col = static_cast<int>(col_) + 1;
    s.len = static_cast<int>(utf8_length(text_.substr(pos, std::min(len_bytes, text_.size() - pos))));
    return s;
  }

 private:
  int file_;
  std::string_view text_;
  const std::vector<size_t>& line_starts_;
  size_t line_ = 0, pos_ = 0, col_ = 0;  // the last position's line (0: none yet), byte and column - 1
};

}  // namespace

Span span_at(int file, std::string_view text, const std::vector<size_t>& line_starts, size_t pos,
             size_t len_bytes) {
  return Spans(file, text, line_starts).at(pos, len_bytes);
}

bool precheck_text(int file, std::string_view content, std::string_view& text,
                   std::vector<Finding>& findings) {
  auto fail = [&](Code code, Message m, Span sp, std::optional<Message> help = {}) {
    findings.push_back(make_finding(code, std::move(m), sp, {}, std::move(help)));
    return false;
  };
  Span whole{file, 0, 0, 0};
  if (content.size() > kMaxFileBytes)
    return fail(code::file_too_large, msg_of(msg::file_too_large, kMaxFileBytes >> 20), whole);
  text = content;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    auto ls = line_starts_of(text.substr(0, nul));
    return fail(code::file_binary, msg_of(msg::file_binary), span_at(file, text, ls, nul, 1));
  }
  if (auto bad = utf8_invalid_at(text); bad != std::string_view::npos) {
    auto ls = line_starts_of(text.substr(0, bad));
    Span sp = span_at(file, text.substr(0, bad), ls, bad);
    sp.len = 1;
    return fail(code::utf8_invalid,
                msg_of(msg::utf8_invalid, fmt::format("{:02X}", static_cast<unsigned char>(text[bad]))), sp,
                msg_of(msg::help_utf8));
  }
  return true;
}

namespace {

// Nesting deeper than this is refused (no real document comes close; the
// tree's readers recurse).
constexpr size_t kMaxDepth = 1000;

// Why the builder stopped reading a file; each becomes one finding.
struct Stop {
  Code code;
  Message message;
  size_t pos;  // byte offset
};

// Length in bytes of the scalar written at pos: a quoted string up to its
// closing quote, a plain one up to a comment or the end of the line (or, in
// flow context, the next flow indicator).
size_t scalar_extent(std::string_view text, size_t pos, bool in_flow) {
  if (pos >= text.size()) return 0;
  // Scanned up to the scalar's end only, not to the line's first: a line
  // holding many scalars is not read again for each.
  auto line_ends = [&](size_t i) { return i >= text.size() || text[i] == '\r' || text[i] == '\n'; };
  char q = text[pos];
  if (q == '"' || q == '\'') {
    size_t i = pos + 1;
    for (; !line_ends(i); ++i) {
      if (q == '"' && text[i] == '\\') {
        if (line_ends(++i)) break;
        continue;
      }
      if (text[i] == q) {
        if (q == '\'' && !line_ends(i + 1) && text[i + 1] == '\'') { ++i; continue; }
        return i + 1 - pos;
      }
    }
    return std::min(i, text.size()) - pos;
  }
  if (q == '|' || q == '>') return 1;
  size_t end = pos;
  for (; !line_ends(end); ++end) {
    const char c = text[end];
    if (c == '#' && end > pos && (text[end - 1] == ' ' || text[end - 1] == '\t')) break;
    if (in_flow && (c == ',' || c == ']' || c == '}')) break;
    if (c == ':' && (line_ends(end + 1) || text[end + 1] == ' ')) break;
  }
  while (end > pos && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return end - pos;
}

// libyaml counts positions in characters; spans want bytes. Marks mostly
// move forward, so a cursor makes the conversion linear in the file.
class Offsets {
 public:
  explicit Offsets(std::string_view text) : text_(text) {}
  size_t byte_of(size_t index) {
    if (index < chars_) chars_ = bytes_ = 0;
    while (chars_ < index && bytes_ < text_.size()) {
      bytes_ += utf8_seq_len(static_cast<unsigned char>(text_[bytes_]));
      ++chars_;
    }
    return std::min(bytes_, text_.size());
  }

 private:
  static size_t utf8_seq_len(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }
  std::string_view text_;
  size_t chars_ = 0, bytes_ = 0;
};

std::string_view str_of(const yaml_char_t* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

bool is_null_text(std::string_view v) {
  return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

class Builder {
 public:
  Builder(int file, std::string_view text, RawFile& out, std::vector<Finding>& findings)
      : file_(file), text_(text), out_(out), findings_(findings), offsets_(text), spans_(file, text, out.line_starts) {}

  // Takes one event; throws Stop when the file cannot be read further.
  void on(const yaml_event_t& e) {
    switch (e.type) {
      case YAML_DOCUMENT_START_EVENT:
        doc_ = RawDoc{};
        doc_.start = span(e.start_mark, 0);
        stack_.clear();
        anchors_.clear();
        open_.clear();
        alias_extra_ = 0;
        break;
      case YAML_DOCUMENT_END_EVENT: out_.docs.push_back(doc_); break;
      case YAML_SCALAR_EVENT: on_scalar(e); break;
      case YAML_ALIAS_EVENT: on_alias(e); break;
      case YAML_SEQUENCE_START_EVENT:
        open_container(RawNode::Type::seq, e.start_mark, str_of(e.data.sequence_start.anchor),
                       e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE);
        break;
      case YAML_MAPPING_START_EVENT:
        open_container(RawNode::Type::map, e.start_mark, str_of(e.data.mapping_start.anchor),
                       e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE);
        break;
      case YAML_SEQUENCE_END_EVENT: close_container(); break;
      case YAML_MAPPING_END_EVENT: close_container(); break;
      default: break;
    }
  }

  size_t byte_of(const yaml_mark_t& m) { return offsets_.byte_of(m.index); }

 private:
  struct Open {
    RawNode* node;
    std::string_view anchor;
    bool flow;
  };

  Span span(const yaml_mark_t& m, size_t len) {
    return spans_.at(byte_of(m), len);
  }
  bool in_flow() const { return !stack_.empty() && stack_.back().flow; }

  void on_scalar(const yaml_event_t& e) {
    const auto& d = e.data.scalar;
    std::string_view value(reinterpret_cast<const char*>(d.value), d.length);
    std::string_view tag = str_of(d.tag);
    bool plain = d.style == YAML_PLAIN_SCALAR_STYLE || d.style == YAML_ANY_SCALAR_STYLE;
    size_t pos = byte_of(e.start_mark);
    if (plain && tag.empty() && is_null_text(value)) {
      RawNode& n = make(RawNode::Type::null, pos, 0);
      finish_leaf(n, str_of(d.anchor));
      return;
    }
    RawNode& n = make(RawNode::Type::scalar, pos, scalar_extent(text_, pos, in_flow()));
    n.value = out_.arena.text(value);
    // Quoted and block scalars, and `!`/`!!str` tags, are always text.
    n.quoted = !plain || tag == "!" || tag == "tag:yaml.org,2002:str";
    finish_leaf(n, str_of(d.anchor));
  }
  void on_alias(const yaml_event_t& e) {
    std::string_view name = str_of(e.data.alias.anchor);
    size_t pos = byte_of(e.start_mark);
    auto it = anchors_.find(name);
    if (it == anchors_.end()) throw Stop{code::yaml_syntax, msg_of(msg::yaml_unknown_alias, name), pos};
    if (open_.count(name)) throw Stop{code::yaml_anchor_cycle, msg_of(msg::yaml_anchor_cycle, name), pos};
    const RawNode* target = it->second;
    alias_extra_ += target->weight;
    if (alias_extra_ > kAliasBudget) throw Stop{code::yaml_alias_bomb, msg_of(msg::yaml_alias_bomb, kAliasBudget), pos};
    // An alias used as a mapping's key is a key of its own, where the alias
    // is written (so a duplicate key made by it is shown there).
    bool at_key = !stack_.empty() && stack_.back().node->is_map() && kids_[stack_.size() - 1].size() % 2 == 0;
    if (at_key && target->is_scalar()) {
      RawNode& key = make(RawNode::Type::scalar, pos, 1 + name.size());
      key.value = target->value;
      key.quoted = target->quoted;
      attach(&key);
      return;
    }
    attach(target);
  }

  RawNode& make(RawNode::Type t, size_t pos, size_t len) {
    RawNode& n = out_.make();
    n.type = t;
    n.span = spans_.at(pos, len);
    return n;
  }
  // Anchor names live in strings of their own: libyaml frees its events.
  std::string_view remember(RawNode& n, std::string_view anchor) {
    if (anchor.empty()) return {};
    auto name = names_.emplace(anchor).first;
    anchors_[*name] = &n;
    return *name;
  }
  void finish_leaf(RawNode& n, std::string_view anchor) {
    remember(n, anchor);
    attach(&n);
  }
  void attach(const RawNode* n) {
    if (stack_.empty()) {
      doc_.root = n;
      return;
    }
    RawNode* parent = stack_.back().node;
    kids_[stack_.size() - 1].push_back(n);
    parent->weight = static_cast<uint32_t>(std::min<uint64_t>(uint64_t(parent->weight) + n->weight, UINT32_MAX));
  }
  void open_container(RawNode::Type t, const yaml_mark_t& m, std::string_view anchor, bool flow) {
    size_t pos = byte_of(m);
    if (stack_.size() >= kMaxDepth) throw Stop{code::yaml_too_deep, msg_of(msg::yaml_too_deep, kMaxDepth), pos};
    RawNode& n = make(t, pos, 1);
    std::string_view name = remember(n, anchor);
    if (!name.empty()) open_.insert(name);
    stack_.push_back(Open{&n, name, flow || in_flow()});
    if (kids_.size() < stack_.size()) kids_.resize(stack_.size());
    kids_[stack_.size() - 1].clear();
  }
  // The container's children go to the arena, a mapping's checked first.
  void close_container() {
    Open o = stack_.back();
    std::vector<const RawNode*>& kids = kids_[stack_.size() - 1];
    if (o.node->is_map()) resolve_map(kids);
    o.node->kids = out_.arena.list(kids);
    stack_.pop_back();
    if (!o.anchor.empty()) open_.erase(o.anchor);
    attach(o.node);
  }

  void report(Code code, Message m, Span sp, std::vector<Note> notes = {}) {
    findings_.push_back(make_finding(code, std::move(m), sp));
    findings_.back().notes = std::move(notes);
  }

  // Finds duplicate keys (keeping the first), rejects non-text keys, and
  // applies merge keys (`<<: *defaults`): explicit keys win over merged ones.
  // `pairs` (keys and values alternating) becomes the mapping's children.
  void resolve_map(std::vector<const RawNode*>& pairs) {
    std::vector<const RawNode*>& kids = resolved_;
    kids.clear();
    // The keys kept so far: looked up along the list while the mapping is
    // small, in a hash map once it grows.
    std::unordered_map<std::string_view, const RawNode*> seen;
    auto first = [&](std::string_view key) -> const RawNode* {
      if (seen.empty() && kids.size() <= 32) {
        for (size_t j = 0; j < kids.size(); j += 2)
          if (kids[j]->value == key) return kids[j];
        return nullptr;
      }
      if (seen.empty())
        for (size_t j = 0; j < kids.size(); j += 2) seen.emplace(kids[j]->value, kids[j]);
      auto it = seen.find(key);
      return it == seen.end() ? nullptr : it->second;
    };
    auto keep = [&](const RawNode* k, const RawNode* v) {
      kids.push_back(k);
      kids.push_back(v);
      if (!seen.empty()) seen.emplace(k->value, k);
    };
    std::vector<const RawNode*> merges;
    for (size_t i = 0; i + 1 < pairs.size(); i += 2) {
      const RawNode* k = pairs[i];
      const RawNode* v = pairs[i + 1];
      if (!k->is_scalar()) {
        report(code::yaml_syntax, msg_of(msg::yaml_key_not_text), k->span);
        continue;
      }
      if (k->value == "<<" && !k->quoted) {
        merges.push_back(v);
        continue;
      }
      if (const RawNode* before = first(k->value)) {
        report(code::yaml_duplicate_key, msg_of(msg::yaml_duplicate_key, k->value), k->span,
               {Note{msg_of(msg::note_first_here), before->span}});
        continue;
      }
      keep(k, v);
    }
    for (const RawNode* m : merges) {
      std::vector<const RawNode*> sources;
      if (m->is_map()) sources.push_back(m);
      else if (m->is_seq()) sources.assign(m->kids.begin(), m->kids.end());
      for (const RawNode* src : sources) {
        if (!src->is_map()) {
          report(code::yaml_syntax, msg_of(msg::yaml_merge_invalid), m->span);
          break;
        }
        for (size_t i = 0; i < src->pairs(); ++i)
          if (!first(src->key(i)->value)) keep(src->key(i), src->val(i));
      }
      if (sources.empty()) report(code::yaml_syntax, msg_of(msg::yaml_merge_invalid), m->span);
    }
    pairs.swap(kids);
  }

  int file_;
  std::string_view text_;
  RawFile& out_;
  std::vector<Finding>& findings_;
  Offsets offsets_;
  Spans spans_;
  RawDoc doc_;
  std::vector<Open> stack_;
  std::vector<std::vector<const RawNode*>> kids_;  // the open containers' children, by depth
  std::vector<const RawNode*> resolved_;           // resolve_map's scratch
  std::unordered_set<std::string> names_;  // owns every anchor name seen in the file
  std::unordered_map<std::string_view, const RawNode*> anchors_;
  std::unordered_set<std::string_view> open_;
  uint64_t alias_extra_ = 0;
};

// The first tab in the indentation of line `line` (1-based) or the line
// before it, as a byte offset; npos if none.
size_t tab_in_indent(std::string_view text, const std::vector<size_t>& starts, int line) {
  for (int l = std::max(1, line - 1); l <= line && l <= static_cast<int>(starts.size()); ++l) {
    for (size_t i = starts[l - 1]; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i)
      if (text[i] == '\t') return i;
  }
  return std::string_view::npos;
}

// libyaml's problems in our words. Its texts are a fixed set; one we have not
// translated is shown as it is.
struct Problem {
  std::string_view text;
  const Tr* ours;
  const Tr* help;
};
const Problem kProblems[] = {
    {"mapping values are not allowed in this context", &msg::yp_mapping_value, &msg::help_quote},
    {"could not find expected ':'", &msg::yp_expected_colon, nullptr},
    {"did not find expected key", &msg::yp_expected_key, &msg::help_indent},
    {"did not find expected '-' indicator", &msg::yp_expected_dash, &msg::help_indent},
    {"did not find expected ',' or ']'", &msg::yp_flow_seq, nullptr},
    {"did not find expected ',' or '}'", &msg::yp_flow_map, nullptr},
    {"did not find expected node content", &msg::yp_expected_value, nullptr},
    {"found unexpected end of stream", &msg::yp_end_of_stream, nullptr},
    {"found character that cannot start any token", &msg::yp_cannot_start, &msg::help_quote},
    {"block sequence entries are not allowed in this context", &msg::yp_dash_here, &msg::help_indent},
    {"found unknown escape character", &msg::yp_escape, nullptr},
    {"control characters are not allowed", &msg::yp_control, &msg::help_control},
};

// What the note on the context mark says: where the unfinished thing began.
const Tr* context_note(std::string_view ctx) {
  if (ctx.find("quoted scalar") != std::string_view::npos) return &msg::note_yaml_quote_start;
  if (ctx.find("flow sequence") != std::string_view::npos) return &msg::note_yaml_list_start;
  if (ctx.find("mapping") != std::string_view::npos) return &msg::note_yaml_map_start;
  if (ctx.find("simple key") != std::string_view::npos) return &msg::note_yaml_key_start;
  return nullptr;
}

// RAII for libyaml's parser and events.
struct Parser {
  yaml_parser_t p;
  Parser() { yaml_parser_initialize(&p); }
  ~Parser() { yaml_parser_delete(&p); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};
struct Event {
  yaml_event_t e;
  ~Event() { yaml_event_delete(&e); }
};

}  // namespace

ParsedFile parse_file(int file, std::string_view content) {
  ParsedFile p;
  std::string_view text;
  p.parsed = precheck_text(file, content, text, p.findings);
  if (p.parsed) parse_yaml(file, text, p.raw, p.findings);
  return p;
}

void parse_yaml(int file, std::string_view text, RawFile& out, std::vector<Finding>& findings) {
  out.line_starts = line_starts_of(text);
  Builder builder(file, text, out, findings);
  Parser parser;
  yaml_parser_set_input_string(&parser.p, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  yaml_parser_set_encoding(&parser.p, YAML_UTF8_ENCODING);
  auto at = [&](size_t pos) { return span_at(file, text, out.line_starts, pos, 1); };
  try {
    for (;;) {
      Event ev;
      if (!yaml_parser_parse(&parser.p, &ev.e)) {
        ev.e.type = YAML_NO_EVENT;  // nothing to free
        break;
      }
      builder.on(ev.e);
      if (ev.e.type == YAML_STREAM_END_EVENT) return;
    }
  } catch (const Stop& s) {
    findings.push_back(make_finding(s.code, s.message, at(s.pos)));
    return;
  }
  // A syntax error: libyaml's problem, at its mark, in our words where we have them.
  const yaml_parser_t& p = parser.p;
  if (p.error == YAML_MEMORY_ERROR) {
    findings.push_back(make_finding(code::yaml_syntax, msg_of(msg::yaml_syntax, to_arg(msg::yp_out_of_memory)), Span{file, 0, 0, 0}));
    return;
  }
  size_t pos = p.error == YAML_READER_ERROR ? std::min(p.problem_offset, text.size())
                                            : builder.byte_of(p.problem_mark);
  Span sp = at(pos);
  size_t tab = tab_in_indent(text, out.line_starts, sp.line);
  if (tab != std::string_view::npos) {
    findings.push_back(make_finding(code::yaml_tab_indent, msg_of(msg::yaml_tab), at(tab), {}, msg_of(msg::help_tab)));
    return;
  }
  std::string_view problem = p.problem ? p.problem : "";
  const Problem* known = nullptr;
  for (const Problem& k : kProblems)
    if (k.text == problem) known = &k;
  Message m = known ? msg_of(msg::yaml_syntax, to_arg(*known->ours)) : msg_of(msg::yaml_syntax, problem);
  std::optional<Message> help;
  if (known && known->help) help = msg_of(*known->help);
  Finding f = make_finding(code::yaml_syntax, std::move(m), sp, {}, std::move(help));
  if (p.context && p.error != YAML_READER_ERROR) {
    size_t cpos = builder.byte_of(p.context_mark);
    const Tr* note = context_note(p.context);
    if (note && cpos != pos) f.notes.push_back(Note{msg_of(*note), at(cpos)});
  }
  findings.push_back(std::move(f));
}

}  // namespace sv

std::string sv::yaml_library_version() { return yaml_get_version_string(); }
