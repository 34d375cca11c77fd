// YAML → the loader's tree. The only file in samverkan that includes yaml-cpp.
//
// yaml-cpp's event API is used instead of YAML::Node because it lets us see
// every key (duplicates included), keep exact positions, and share aliased
// nodes instead of expanding them.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "load_tree.h"
#include "text.h"

namespace sv {

std::vector<size_t> line_starts_of(std::string_view text) {
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts.push_back(i + 1);
  return starts;
}

Span span_at(int file, std::string_view text, const std::vector<size_t>& line_starts, size_t pos,
             size_t len_bytes) {
  pos = std::min(pos, text.size());
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), pos);
  size_t line = static_cast<size_t>(it - line_starts.begin());  // 1-based
  size_t start = line_starts[line - 1];
  Span s;
  s.file = file;
  s.line = static_cast<int>(line);
  s.col = static_cast<int>(utf8_length(text.substr(start, pos - start))) + 1;
  s.len = static_cast<int>(utf8_length(text.substr(pos, std::min(len_bytes, text.size() - pos))));
  return s;
}

bool precheck_text(int file, std::string_view content, std::string_view& text,
                   std::vector<Finding>& findings) {
  auto fail = [&](const char* code, Message m, Span sp, std::optional<Message> help = {}) {
    findings.push_back(make_finding(code, std::move(m), sp, {}, std::move(help)));
    return false;
  };
  Span whole{file, 0, 0, 0};
  if (content.size() > kMaxFileBytes)
    return fail("file-too-large", msg_of(msg::file_too_large, kMaxFileBytes >> 20), whole);
  text = content;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    auto ls = line_starts_of(text.substr(0, nul));
    return fail("file-binary", msg_of(msg::file_binary), span_at(file, text, ls, nul, 1));
  }
  if (auto bad = utf8_invalid_at(text); bad != std::string_view::npos) {
    auto ls = line_starts_of(text.substr(0, bad));
    Span sp = span_at(file, text.substr(0, bad), ls, bad);
    sp.len = 1;
    return fail("utf8-invalid",
                msg_of(msg::utf8_invalid, fmt::format("{:02X}", static_cast<unsigned char>(text[bad]))), sp,
                msg_of(msg::help_utf8));
  }
  return true;
}

namespace {

struct AliasBomb {
  YAML::Mark mark;
};
struct AnchorCycle {
  YAML::Mark mark;
  std::string name;
};

// Length in bytes of the scalar written at pos: a quoted string up to its
// closing quote, a plain one up to a comment or the end of the line (or, in
// flow context, the next flow indicator).
size_t scalar_extent(std::string_view text, size_t pos, bool in_flow) {
  if (pos >= text.size()) return 0;
  size_t eol = text.find_first_of("\r\n", pos);
  if (eol == std::string_view::npos) eol = text.size();
  char q = text[pos];
  if (q == '"' || q == '\'') {
    for (size_t i = pos + 1; i < eol; ++i) {
      if (q == '"' && text[i] == '\\') { ++i; continue; }
      if (text[i] == q) {
        if (q == '\'' && i + 1 < eol && text[i + 1] == '\'') { ++i; continue; }
        return i + 1 - pos;
      }
    }
    return eol - pos;
  }
  if (q == '|' || q == '>') return 1;
  size_t end = eol;
  for (size_t i = pos; i < eol; ++i) {
    if (text[i] == '#' && i > pos && (text[i - 1] == ' ' || text[i - 1] == '\t')) { end = i; break; }
    if (in_flow && (text[i] == ',' || text[i] == ']' || text[i] == '}')) { end = i; break; }
    if (text[i] == ':' && (i + 1 == eol || text[i + 1] == ' ')) { end = i; break; }
  }
  while (end > pos && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return end - pos;
}

class Builder : public YAML::EventHandler {
 public:
  Builder(int file, std::string_view text, RawFile& out, std::vector<Finding>& findings)
      : file_(file), text_(text), out_(out), findings_(findings) {}

  void OnDocumentStart(const YAML::Mark& m) override {
    doc_ = RawDoc{};
    doc_.start = span(m, 0);
    stack_.clear();
    anchors_.clear();
    open_.clear();
    names_.clear();
    alias_extra_ = 0;
  }
  void OnDocumentEnd() override { out_.docs.push_back(doc_); }

  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override {
    RawNode& n = make(RawNode::Type::null, m, 0);
    finish_leaf(n, a);
  }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                const std::string& value) override {
    size_t pos = static_cast<size_t>(std::max(0, m.pos));
    RawNode& n = make(RawNode::Type::scalar, m, scalar_extent(text_, pos, in_flow()));
    n.value = value;
    n.quoted = tag == "!" || tag == "tag:yaml.org,2002:str";
    finish_leaf(n, a);
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override {
    auto it = anchors_.find(a);
    if (it == anchors_.end()) return;  // yaml-cpp reports unknown anchors itself
    if (open_.count(a)) throw AnchorCycle{m, names_[a]};
    const RawNode* target = it->second;
    alias_extra_ += target->weight;
    if (alias_extra_ > kAliasBudget) throw AliasBomb{m};
    attach(target);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                       YAML::EmitterStyle::value style) override {
    open_container(RawNode::Type::seq, m, a, style == YAML::EmitterStyle::Flow);
  }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                  YAML::EmitterStyle::value style) override {
    open_container(RawNode::Type::map, m, a, style == YAML::EmitterStyle::Flow);
  }
  void OnSequenceEnd() override { close_container(); }
  void OnMapEnd() override {
    RawNode* n = stack_.back().node;
    resolve_map(*n);
    close_container();
  }
  void OnAnchor(const YAML::Mark&, const std::string& name) override { pending_name_ = name; }

 private:
  struct Open {
    RawNode* node;
    YAML::anchor_t anchor;
    bool flow;
  };

  Span span(const YAML::Mark& m, size_t len) {
    return span_at(file_, text_, out_.line_starts, static_cast<size_t>(std::max(0, m.pos)), len);
  }
  bool in_flow() const { return !stack_.empty() && stack_.back().flow; }

  RawNode& make(RawNode::Type t, const YAML::Mark& m, size_t len) {
    RawNode& n = out_.arena.emplace_back();
    n.type = t;
    n.span = span(m, len);
    return n;
  }
  void remember(RawNode& n, YAML::anchor_t a) {
    if (a) {
      anchors_[a] = &n;
      names_[a] = pending_name_;
    }
    pending_name_.clear();
  }
  void finish_leaf(RawNode& n, YAML::anchor_t a) {
    remember(n, a);
    attach(&n);
  }
  void attach(const RawNode* n) {
    if (stack_.empty()) {
      doc_.root = n;
      return;
    }
    RawNode* parent = stack_.back().node;
    parent->kids.push_back(n);
    parent->weight = std::min<uint64_t>(parent->weight + n->weight, uint64_t(1) << 62);
  }
  void open_container(RawNode::Type t, const YAML::Mark& m, YAML::anchor_t a, bool flow) {
    RawNode& n = make(t, m, 1);
    remember(n, a);
    if (a) open_.insert(a);
    stack_.push_back(Open{&n, a, flow || in_flow()});
  }
  void close_container() {
    Open o = stack_.back();
    stack_.pop_back();
    if (o.anchor) open_.erase(o.anchor);
    attach(o.node);
  }

  void report(const char* code, Message m, Span sp, std::vector<Note> notes = {}) {
    findings_.push_back(make_finding(code, std::move(m), sp));
    findings_.back().notes = std::move(notes);
  }

  // Finds duplicate keys (keeping the first), rejects non-text keys, and
  // applies merge keys (`<<: *defaults`): explicit keys win over merged ones.
  void resolve_map(RawNode& n) {
    std::vector<const RawNode*> kids;
    std::vector<const RawNode*> merges;
    std::unordered_map<std::string_view, const RawNode*> seen;
    for (size_t i = 0; i + 1 < n.kids.size(); i += 2) {
      const RawNode* k = n.kids[i];
      const RawNode* v = n.kids[i + 1];
      if (!k->is_scalar()) {
        report("yaml-syntax", msg_of(msg::yaml_key_not_text), k->span);
        continue;
      }
      if (k->value == "<<" && !k->quoted) {
        merges.push_back(v);
        continue;
      }
      auto [it, fresh] = seen.emplace(k->value, k);
      if (!fresh) {
        report("yaml-duplicate-key", msg_of(msg::yaml_duplicate_key, k->value), k->span,
               {Note{msg_of(msg::note_first_here), it->second->span}});
        continue;
      }
      kids.push_back(k);
      kids.push_back(v);
    }
    for (const RawNode* m : merges) {
      std::vector<const RawNode*> sources;
      if (m->is_map()) sources.push_back(m);
      else if (m->is_seq()) sources.assign(m->kids.begin(), m->kids.end());
      for (const RawNode* src : sources) {
        if (!src->is_map()) {
          report("yaml-syntax", msg_of(msg::yaml_merge_invalid), m->span);
          break;
        }
        for (size_t i = 0; i < src->pairs(); ++i) {
          if (seen.emplace(src->key(i)->value, src->key(i)).second) {
            kids.push_back(src->key(i));
            kids.push_back(src->val(i));
          }
        }
      }
      if (sources.empty()) report("yaml-syntax", msg_of(msg::yaml_merge_invalid), m->span);
    }
    n.kids = std::move(kids);
  }

  int file_;
  std::string_view text_;
  RawFile& out_;
  std::vector<Finding>& findings_;
  RawDoc doc_;
  std::vector<Open> stack_;
  std::unordered_map<YAML::anchor_t, const RawNode*> anchors_;
  std::unordered_map<YAML::anchor_t, std::string> names_;
  std::unordered_set<YAML::anchor_t> open_;
  std::string pending_name_;
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
  std::istringstream in{std::string(text)};
  Builder builder(file, text, out, findings);
  auto report = [&](const char* code, Message m, Span sp, std::optional<Message> help = {}) {
    findings.push_back(make_finding(code, std::move(m), sp, {}, std::move(help)));
  };
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const YAML::DeepRecursion& e) {
    report("yaml-too-deep", msg_of(msg::yaml_too_deep),
           span_at(file, text, out.line_starts, static_cast<size_t>(std::max(0, e.mark.pos)), 1));
  } catch (const YAML::Exception& e) {
    int line = e.mark.line + 1;
    size_t tab = tab_in_indent(text, out.line_starts, line);
    if (tab != std::string_view::npos) {
      report("yaml-tab-indent", msg_of(msg::yaml_tab), span_at(file, text, out.line_starts, tab, 1),
             msg_of(msg::help_tab));
    } else {
      Span sp = e.mark.is_null() ? Span{file, 0, 0, 0}
                                 : span_at(file, text, out.line_starts,
                                           static_cast<size_t>(std::max(0, e.mark.pos)), 1);
      report("yaml-syntax", msg_of(msg::yaml_syntax, e.msg), sp);
    }
  } catch (const AliasBomb& b) {
    report("yaml-alias-bomb", msg_of(msg::yaml_alias_bomb, kAliasBudget),
           span_at(file, text, out.line_starts, static_cast<size_t>(std::max(0, b.mark.pos)), 1));
  } catch (const AnchorCycle& c) {
    report("yaml-anchor-cycle", msg_of(msg::yaml_anchor_cycle, c.name),
           span_at(file, text, out.line_starts, static_cast<size_t>(std::max(0, c.mark.pos)), 1));
  }
}

}  // namespace sv
