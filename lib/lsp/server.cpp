#include "lsp/server.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include "core/codes.h"
#include "core/errors.h"
#include "core/fields.h"
#include "core/msg/core.h"
#include "core/msg/lsp.h"
#include "core/privacy.h"
#include "core/status.h"
#include "core/text.h"
#include "history/history.h"
#include "lint/lint.h"
#include "lint/rule_util.h"
#include "load/cache.h"
#include "load/live.h"
#include "load/load.h"
#include "lsp/navigate.h"
#include "lsp/place.h"
#include "lsp/protocol.h"
#include "output/output.h"

#ifndef SAMVERKAN_VERSION
#define SAMVERKAN_VERSION "dev"
#endif

namespace sv::lsp {

namespace {

namespace fs = std::filesystem;

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;
constexpr int kRequestFailed = -32803;
constexpr int kRequestCancelled = -32800;

struct RpcError {
  int code;
  std::string message;
};

// What the reading thread hands over.
struct Incoming {
  Reader::Status status = Reader::Status::eof;
  std::string body;
  Message problem;
};

class Queue {
 public:
  void push(Incoming in) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      items_.push_back(std::move(in));
    }
    ready_.notify_one();
  }
  // Everything waiting; blocks until there is something.
  std::vector<Incoming> take_all() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return !items_.empty(); });
    std::vector<Incoming> out(std::make_move_iterator(items_.begin()), std::make_move_iterator(items_.end()));
    items_.clear();
    return out;
  }
  bool empty() {
    std::lock_guard<std::mutex> lock(mutex_);
    return items_.empty();
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Incoming> items_;
};

// One samverkan root of the workspace.
struct Root {
  std::string dir;  // absolute, no link in it
  std::shared_ptr<OverlaySource> overlay;
  std::unique_ptr<LiveRepo> live;
  std::set<std::string> dirty;  // paths to read again before the next answer
  bool reload = false;
  bool loaded_once = false;
  std::vector<std::vector<Finding>> lint;  // the last lint's findings, per file
  bool lint_stale = true;
  std::set<int> lint_hidden;  // files edited since the last lint: their lint findings wait for the next
  std::unordered_map<int, std::unique_ptr<LineIndex>> lines;
  std::map<std::string, std::string> published;  // uri → the diagnostics last sent
  std::set<int> to_publish;
  bool publish_all = false;
  std::unique_ptr<History> history;
  bool history_read = false;
  std::map<std::string, std::string> open_uris;  // path → the uri the editor opened it by
  std::set<std::string> outside;  // open paths the repository does not take (settle())

  const Repo& repo() const { return live->loaded().repo; }
  const LineIndex& lines_of(int file) {
    auto& l = lines[file];
    if (!l) l = std::make_unique<LineIndex>(repo().files[file].content);
    return *l;
  }
  std::string uri_of(int file) const {
    const std::string& path = repo().files[file].path;
    auto it = open_uris.find(path);
    return it != open_uris.end() ? it->second : path_to_uri(dir + "/" + path);
  }
};

struct Doc {
  Root* root = nullptr;
  std::string path;  // relative to the root
  std::string text;
  long version = 0;
};

const Json* field(const Json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}
const std::string* string_field(const Json& j, const char* key) {
  const Json* f = field(j, key);
  return f && f->is_string() ? &f->get_ref<const std::string&>() : nullptr;
}

// The title an entity goes by: its name or title, else what it is about.
std::string title_of(const Entity& e) {
  if (auto* o = dynamic_cast<const Organisation*>(&e)) return o->name.v;
  if (auto* c = dynamic_cast<const Collaboration*>(&e)) return c->name.v;
  if (auto* f = dynamic_cast<const Forum*>(&e)) return f->name.v;
  if (auto* p = dynamic_cast<const Plan*>(&e)) return p->title.v;
  if (auto* m = dynamic_cast<const Meeting*>(&e)) return m->forum.v + (m->date.set ? " " + m->date.v.str() : "");
  if (auto* r = dynamic_cast<const Report*>(&e)) return r->collaboration.v + (r->period.set ? " " + r->period.v.text : "");
  return {};
}

std::string number_text(double v) { return fmt::format("{}", v); }

class Server {
 public:
  explicit Server(const ServerOptions& o) : opt_(o), lint_(o.lint) {
    if (o.lang) lang_ = *o.lang;
  }

  int run(int fd) {
    // The reading thread owns its share of the queue: it may still block on
    // input after `exit`, and the process ends without waiting for it.
    auto queue = std::make_shared<Queue>();
    std::thread reader([queue, fd] {
      Reader r(fd);
      for (;;) {
        Incoming in;
        in.status = r.next(in.body, in.problem);
        const bool end = in.status == Reader::Status::eof;
        queue->push(std::move(in));
        if (end) return;
      }
    });
    reader.detach();
    for (;;) {
      std::vector<Incoming> batch = queue->take_all();
      // Requests cancelled in this batch are answered as such, not run.
      std::set<std::string> cancelled;
      std::vector<Json> messages;
      bool end = false;
      for (auto& in : batch) {
        if (in.status == Reader::Status::eof) {
          end = true;
          break;
        }
        if (in.status == Reader::Status::skipped) {
          log(msg_of(msg::lsp_bad_message, in.problem));
          continue;
        }
        Json j = Json::parse(in.body, nullptr, false);
        if (j.is_discarded() && utf8_invalid_at(in.body) != std::string::npos) {
          // Bytes that are no UTF-8 (a document's text as the client sent it): each
          // becomes U+FFFD, so that the message still counts and the loader says what is wrong.
          j = Json::parse(repair_utf8(in.body), nullptr, false);
        }
        if (j.is_discarded()) {
          respond_error(Json(), kParseError, tr(lang(), msg::lsp_bad_json, "parse error"));
          continue;
        }
        if (const std::string* m = string_field(j, "method"); m && *m == "$/cancelRequest") {
          if (const Json* p = field(j, "params"))
            if (const Json* id = field(*p, "id")) cancelled.insert(id->dump());
          continue;
        }
        messages.push_back(std::move(j));
      }
      for (const Json& j : messages) {
        handle(j, cancelled);
        if (exit_code_) return *exit_code_;
      }
      if (end) return shutdown_ ? 0 : 1;
      settle();
      publish();
      if (lint_enabled() && queue->empty()) {
        lint_roots();
        publish();
      }
    }
  }

 private:
  Lang lang() const { return lang_.value_or(Lang::sv); }
  bool lint_enabled() const { return lint_; }

  void log(const Message& m) { privacy::err(m.str(lang()) + "\n"); }

  void send(const Json& j) {
    if (!write_message(j)) exit_code_ = 1;  // the client is gone
  }
  void respond(const Json& id, Json result) { send(Json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}); }
  void respond_error(const Json& id, int code, const std::string& message) {
    send(Json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }
  void notify(const char* method, Json params) {
    send(Json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  void handle(const Json& j, const std::set<std::string>& cancelled) {
    const Json* id = field(j, "id");
    const std::string* method = string_field(j, "method");
    if (!j.is_object() || (!method && !id)) {
      respond_error(Json(), kInvalidRequest, tr(lang(), msg::lsp_not_request));
      return;
    }
    if (!method) return;  // a response to a request of ours: none is sent
    static const Json empty = Json::object();
    const Json* p = field(j, "params");
    const Json& params = p ? *p : empty;
    if (id && !(id->is_string() || id->is_number_integer())) {
      respond_error(Json(), kInvalidRequest, tr(lang(), msg::lsp_not_request));
      return;
    }
    if (!id) {
      try {
        notification(*method, params);
      } catch (const RpcError& e) {
        log(msg_of(msg::lsp_bad_message, e.message));
      } catch (const std::exception& ex) {
        log(msg_of(msg::lsp_bad_message, ex.what()));
      }
      return;
    }
    if (cancelled.count(id->dump())) {
      respond_error(*id, kRequestCancelled, tr(lang(), msg::lsp_cancelled));
      return;
    }
    try {
      respond(*id, request(*method, params));
    } catch (const RpcError& e) {
      respond_error(*id, e.code, e.message);
    } catch (const Json::exception&) {
      respond_error(*id, kInvalidParams, tr(lang(), msg::lsp_bad_params, *method));
    } catch (const std::exception& ex) {
      respond_error(*id, kInternalError, ex.what());
    } catch (...) {
      respond_error(*id, kInternalError, "internal error");
    }
  }

  // ---- lifecycle and documents ------------------------------------------

  Json request(const std::string& method, const Json& params) {
    if (method == "initialize") return initialize(params);
    if (!initialized_) throw RpcError{kServerNotInitialized, tr(lang(), msg::lsp_not_initialized)};
    if (shutdown_) throw RpcError{kInvalidRequest, tr(lang(), msg::lsp_shut_down)};
    if (method == "shutdown") {
      shutdown_ = true;
      return nullptr;
    }
    using Handler = Json (Server::*)(const Json&);
    static const std::pair<const char*, Handler> kRequests[] = {
        {"textDocument/codeAction", &Server::code_actions},   {"textDocument/completion", &Server::completion},
        {"textDocument/definition", &Server::definition},     {"textDocument/documentSymbol", &Server::symbols},
        {"textDocument/hover", &Server::hover},               {"textDocument/prepareRename", &Server::prepare_rename},
        {"textDocument/references", &Server::references},     {"textDocument/rename", &Server::rename},
    };
    for (const auto& [name, handler] : kRequests)
      if (method == name) return (this->*handler)(params);
    throw RpcError{kMethodNotFound, tr(lang(), msg::lsp_unknown_method, method)};
  }

  void notification(const std::string& method, const Json& params) {
    if (method == "exit") {
      exit_code_ = shutdown_ ? 0 : 1;
      return;
    }
    if (!initialized_ || shutdown_) return;
    using Handler = void (Server::*)(const Json&);
    static const std::pair<const char*, Handler> kNotifications[] = {
        {"textDocument/didChange", &Server::did_change},
        {"textDocument/didClose", &Server::did_close},
        {"textDocument/didOpen", &Server::did_open},
        {"textDocument/didSave", &Server::did_save},
        {"workspace/didChangeConfiguration", &Server::configuration},
        {"workspace/didChangeWatchedFiles", &Server::watched},
        {"workspace/didChangeWorkspaceFolders", &Server::folders},
    };
    for (const auto& [name, handler] : kNotifications)
      if (method == name) return (this->*handler)(params);
    // initialized, $/setTrace and the rest: nothing to do.
  }

  Json initialize(const Json& params) {
    if (initialized_) throw RpcError{kInvalidRequest, "initialize was called before"};
    initialized_ = true;
    // UTF-8 when the client can count so (what the files are), else LSP's UTF-16.
    if (const Json* caps = field(params, "capabilities"))
      if (const Json* general = field(*caps, "general"))
        if (const Json* encodings = field(*general, "positionEncodings"); encodings && encodings->is_array())
          for (const Json& e : *encodings)
            if (e.is_string() && e.get<std::string>() == "utf-8") enc_ = Encoding::utf8;
    if (const Json* init = field(params, "initializationOptions")) apply_settings(*init);
    std::vector<std::string> dirs;
    if (const Json* folders = field(params, "workspaceFolders"); folders && folders->is_array()) {
      for (const Json& f : *folders)
        if (const std::string* uri = string_field(f, "uri"))
          if (auto path = uri_to_path(*uri)) dirs.push_back(*path);
    }
    if (dirs.empty()) {
      if (const std::string* uri = string_field(params, "rootUri")) {
        if (auto path = uri_to_path(*uri)) dirs.push_back(*path);
      } else if (const std::string* path = string_field(params, "rootPath")) {
        dirs.push_back(*path);
      }
    }
    for (const auto& d : dirs) add_folder(d);
    Json caps = {
        {"positionEncoding", encoding_name(enc_)},
        {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
        {"definitionProvider", true},
        {"referencesProvider", true},
        {"hoverProvider", true},
        {"completionProvider", {{"triggerCharacters", Json::array({"#", " "})}, {"resolveProvider", false}}},
        {"renameProvider", {{"prepareProvider", true}}},
        {"codeActionProvider", {{"codeActionKinds", Json::array({"quickfix"})}}},
        {"documentSymbolProvider", true},
        {"workspace", {{"workspaceFolders", {{"supported", true}, {"changeNotifications", true}}}}},
    };
    return Json{{"capabilities", std::move(caps)}, {"serverInfo", {{"name", "samverkan"}, {"version", SAMVERKAN_VERSION}}}};
  }

  void apply_settings(const Json& s) {
    const Json* j = &s;
    if (const Json* nested = field(s, "samverkan")) j = nested;
    if (const Json* l = field(*j, "lint"); l && l->is_boolean()) lint_ = l->get<bool>();
    if (const std::string* language = string_field(*j, "language"); language && !opt_.lang) {
      Lang l;
      if (parse_lang(*language, l)) lang_ = l;
    }
    if (const std::string* today = string_field(*j, "today")) {
      std::string bad;
      if (auto d = resolve_today(*today, bad)) today_ = *d;
    }
  }

  void configuration(const Json& params) {
    const bool was = lint_;
    const auto lang_was = lang_;
    if (const Json* s = field(params, "settings")) apply_settings(*s);
    if (lang_ != lang_was) {
      for (auto& r : roots_) r->reload = true;
    }
    if (was != lint_ || lang_ != lang_was)
      for (auto& r : roots_) {
        r->lint_stale = true;
        r->publish_all = true;
        if (!lint_) r->lint.clear();
      }
  }

  void folders(const Json& params) {
    const Json* event = field(params, "event");
    if (!event) return;
    if (const Json* added = field(*event, "added"); added && added->is_array())
      for (const Json& f : *added)
        if (const std::string* uri = string_field(f, "uri"))
          if (auto path = uri_to_path(*uri)) add_folder(*path);
  }

  // A folder of the workspace: the samverkan root at or above it.
  Root* add_folder(const std::string& dir) {
    std::string root;
    try {
      root = find_root(dir);
    } catch (const SystemError&) {
      log(msg_of(msg::lsp_no_root, dir));
      return nullptr;
    }
    for (auto& r : roots_)
      if (r->dir == root) return r.get();
    auto r = std::make_unique<Root>();
    r->dir = root;
    try {
      r->overlay = std::make_shared<OverlaySource>(open_worktree(root));
    } catch (const SystemError& e) {
      log(msg_of(msg::lsp_load_failed, root, e.what()));
      return nullptr;
    }
    r->reload = true;
    roots_.push_back(std::move(r));
    return roots_.back().get();
  }

  // The root a file belongs to, and its path there.
  Root* root_of(const std::string& uri, std::string& rel, bool may_add) {
    auto path = uri_to_path(uri);
    if (!path) return nullptr;
    std::error_code ec;
    fs::path p(*path);
    fs::path dir = fs::weakly_canonical(p.parent_path(), ec);
    if (ec) return nullptr;
    std::string full = (dir / p.filename()).string();
    Root* best = nullptr;
    for (auto& r : roots_)
      if (full.size() > r->dir.size() && full.compare(0, r->dir.size(), r->dir) == 0 && full[r->dir.size()] == '/')
        if (!best || r->dir.size() > best->dir.size()) best = r.get();
    if (!best && may_add) {
      best = add_folder(dir.string());
      if (best && !(full.size() > best->dir.size() && full.compare(0, best->dir.size(), best->dir) == 0)) return nullptr;
    }
    if (best) rel = full.substr(best->dir.size() + 1);
    return best;
  }

  void did_open(const Json& params) {
    const Json& td = params.at("textDocument");
    const std::string& uri = td.at("uri").get_ref<const std::string&>();
    Doc d;
    d.root = root_of(uri, d.path, true);
    d.text = td.at("text").get<std::string>();
    if (const Json* v = field(td, "version"); v && v->is_number_integer()) d.version = v->get<long>();
    if (d.root) {
      d.root->overlay->set(d.path, d.text);
      d.root->open_uris[d.path] = uri;
      d.root->dirty.insert(d.path);
    }
    docs_[uri] = std::move(d);
  }

  void did_change(const Json& params) {
    const Json& td = params.at("textDocument");
    const std::string& uri = td.at("uri").get_ref<const std::string&>();
    auto it = docs_.find(uri);
    if (it == docs_.end()) return;
    Doc& d = it->second;
    for (const Json& change : params.at("contentChanges"))
      if (!apply_change(d.text, change, enc_)) throw RpcError{kInvalidParams, "contentChanges"};
    if (const Json* v = field(td, "version"); v && v->is_number_integer()) d.version = v->get<long>();
    if (d.root) {
      d.root->overlay->set(d.path, d.text);
      d.root->dirty.insert(d.path);
    }
  }

  void did_save(const Json& params) {
    const Json& td = params.at("textDocument");
    auto it = docs_.find(td.at("uri").get<std::string>());
    if (it != docs_.end() && it->second.root) it->second.root->dirty.insert(it->second.path);
  }

  void did_close(const Json& params) {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    auto it = docs_.find(uri);
    if (it == docs_.end()) return;
    if (Root* r = it->second.root) {
      r->overlay->drop(it->second.path);
      r->open_uris.erase(it->second.path);
      r->dirty.insert(it->second.path);  // what is on disk counts again
    }
    docs_.erase(it);
  }

  void watched(const Json& params) {
    for (const Json& change : params.at("changes")) {
      const std::string* uri = string_field(change, "uri");
      if (!uri) continue;
      std::string rel;
      Root* r = root_of(*uri, rel, false);
      if (!r) continue;
      const int type = change.value("type", 2);  // 1 created, 2 changed, 3 deleted
      if (rel.rfind(".git/", 0) == 0 || rel == ".git") {
        r->history.reset();  // a commit or a checkout: the history is read again
        r->history_read = false;
        r->lint_stale = true;
        continue;
      }
      std::string name = rel.substr(rel.rfind('/') + 1);  // npos + 1 is 0
      if (rel != "samverkan.yaml" && !is_data_file_name(name)) continue;
      if (r->overlay->holds(rel)) continue;  // open: the editor's text counts
      if (type == 2 && rel != "samverkan.yaml") r->dirty.insert(rel);
      else r->reload = true;
    }
  }

  // ---- checking and publishing ------------------------------------------

  LoadOptions load_options() const {
    LoadOptions lo;
    lo.lang = lang_;
    lo.threads = opt_.threads;
    lo.cache_dir = opt_.cache_dir;
    return lo;
  }

  // Brings every root up to date with the open documents and the disk.
  void settle() {
    for (auto& rp : roots_) settle(*rp);
  }
  void settle(Root& r) {
    if (r.reload || !r.live) {
      r.reload = false;
      r.dirty.clear();
      r.outside.clear();  // what is listed may have changed (samverkan.yaml's exclude)
      try {
        if (r.live) r.live->reload();
        else r.live = std::make_unique<LiveRepo>(r.overlay, load_options());
      } catch (const SystemError& e) {
        log(msg_of(msg::lsp_load_failed, r.dir, e.what()));
        r.live.reset();
        return;
      }
      r.lines.clear();
      r.lint.clear();
      r.lint_hidden.clear();
      r.lint_stale = true;
      r.publish_all = true;
      return;
    }
    if (r.dirty.empty()) return;
    std::set<std::string> dirty;
    dirty.swap(r.dirty);
    for (const std::string& path : dirty) {
      // A file the repository does not take (hidden, excluded, no data file
      // name: a CI workflow open beside the data) is left alone after the
      // one reload that found so, not reloaded again at every keystroke.
      if (r.outside.count(path)) continue;
      const bool whole = r.live->file_index(path) <= 0;
      std::vector<int> touched = r.live->update(path);
      if (whole) {
        r.lines.clear();
        r.lint.clear();
        r.lint_hidden.clear();
        r.publish_all = true;
        if (path != "samverkan.yaml" && r.live->file_index(path) < 0) r.outside.insert(path);
      } else {
        const int f = r.live->file_index(path);
        r.lines.erase(f);
        r.lint_hidden.insert(f);
        r.to_publish.insert(touched.begin(), touched.end());
      }
    }
    r.lint_stale = true;
  }

  void lint_roots() {
    for (auto& rp : roots_) {
      Root& r = *rp;
      if (!r.live || !r.lint_stale) continue;
      r.lint_stale = false;
      Loaded& l = r.live->loaded_for_lint();
      if (!r.history_read) {
        r.history_read = true;
        try {
          const HistoryQuery query = rules::history_needs(l.repo);
          HistoryOptions ho;
          ho.until = today();
          ho.cache_dir = opt_.cache_dir;
          ho.query = &query;
          r.history = std::make_unique<History>(history_for(r.dir, "", l.repo, ho));
        } catch (const std::exception&) {
          r.history.reset();  // no git, or none readable: the history rules say so themselves
        }
      }
      LintOptions lo;
      lo.today = today();
      lo.history = r.history.get();
      lo.threads = opt_.threads;
      std::vector<Finding> validation;
      validation.swap(l.findings);
      try {
        run_lint(l, lo);
      } catch (const std::exception& ex) {
        log(msg_of(msg::lsp_load_failed, r.dir, ex.what()));
      }
      std::vector<Finding> found;
      found.swap(l.findings);
      l.findings.swap(validation);
      const size_t n = l.repo.files.size();
      std::vector<std::vector<Finding>> by_file(n);
      for (auto& f : found)
        by_file[f.span.file >= 0 && static_cast<size_t>(f.span.file) < n ? f.span.file : 0].push_back(std::move(f));
      // Only the files whose lint findings changed are published again (a
      // national repository has thousands of warnings that stay as they were).
      for (size_t f = 0; f < n; ++f) {
        static const std::vector<Finding> none;
        const auto& before = f < r.lint.size() ? r.lint[f] : none;
        if (!same_findings(before, by_file[f])) r.to_publish.insert(static_cast<int>(f));
      }
      for (int f : r.lint_hidden) r.to_publish.insert(f);
      r.lint = std::move(by_file);
      r.lint_hidden.clear();
    }
  }

  // Whether two lists of findings say the same, at the same places.
  static bool same_findings(const std::vector<Finding>& a, const std::vector<Finding>& b) {
    if (a.size() != b.size()) return false;
    auto args = [](const Message& m) {
      std::string out;
      for (const Arg& x : m.args) out += x.s + '\x1f' + (x.t ? x.t->id : "") + '\x1f' + (x.m ? x.m->str(Lang::en) : "") + '\x1e';
      return out;
    };
    for (size_t i = 0; i < a.size(); ++i) {
      const Finding& x = a[i];
      const Finding& y = b[i];
      if (x.code != y.code || x.severity != y.severity || x.span.line != y.span.line || x.span.col != y.span.col ||
          x.span.len != y.span.len || x.message.text != y.message.text || x.notes.size() != y.notes.size() ||
          x.help.has_value() != y.help.has_value() || args(x.message) != args(y.message) ||
          (x.help && (x.help->text != y.help->text || args(*x.help) != args(*y.help))))
        return false;
      for (size_t k = 0; k < x.notes.size(); ++k)
        if (x.notes[k].span.file != y.notes[k].span.file || x.notes[k].span.line != y.notes[k].span.line ||
            x.notes[k].span.col != y.notes[k].span.col || x.notes[k].text.text != y.notes[k].text.text ||
            args(x.notes[k].text) != args(y.notes[k].text))
          return false;
    }
    return true;
  }

  Date today() const {
    if (today_) return *today_;
    if (opt_.today) return *opt_.today;
    std::string bad;
    return resolve_today("", bad).value_or(Date{});
  }

  Json range_of(Root& r, const Span& s, size_t from = 0, size_t length = std::string::npos) {
    if (!s.valid()) return Json{{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}};
    const LineIndex& lines = r.lines_of(s.file);
    const size_t line = static_cast<size_t>(s.line - 1);
    size_t col = static_cast<size_t>(std::max(s.col, 1) - 1);
    size_t len = static_cast<size_t>(std::max(s.len, 0));
    if (length != std::string::npos) {
      // A part of the value: after its opening quote.
      std::string_view text = lines.line(line);
      size_t byte = lines.offset(line, col, Encoding::utf32) - lines.offset(line, 0, Encoding::utf32);
      if (byte < text.size() && (text[byte] == '"' || text[byte] == '\'')) ++col;
      col += from;
      len = length;
    }
    const size_t a = lines.character_of_column(line, col, enc_);
    const size_t b = lines.character_of_column(line, col + len, enc_);
    return Json{{"start", {{"line", line}, {"character", a}}}, {"end", {{"line", line}, {"character", b}}}};
  }

  Json diagnostic(Root& r, const Finding& f) {
    const Lang l = r.live->loaded().lang;
    Json d = {{"range", range_of(r, f.span)},
              {"severity", f.severity == Severity::error ? 1 : f.severity == Severity::warning ? 2 : 3},
              {"code", f.code},
              {"source", "samverkan"},
              {"message", message_with_help(f, l)}};
    Json related = Json::array();
    for (const Note& n : f.notes) {
      if (!n.span.valid()) continue;
      related.push_back({{"location", {{"uri", r.uri_of(n.span.file)}, {"range", range_of(r, n.span)}}},
                         {"message", n.text.str(l)}});
    }
    if (!related.empty()) d["relatedInformation"] = std::move(related);
    return d;
  }

  void publish() {
    for (auto& rp : roots_) {
      Root& r = *rp;
      if (!r.live) continue;
      const size_t n = r.repo().files.size();
      std::set<int> files;
      if (r.publish_all) {
        for (size_t f = 0; f < n; ++f) files.insert(static_cast<int>(f));
        r.publish_all = false;
      }
      files.insert(r.to_publish.begin(), r.to_publish.end());
      r.to_publish.clear();
      std::map<std::string, std::string> now;
      for (int f : files) {
        if (f < 0 || static_cast<size_t>(f) >= n) continue;
        std::vector<Finding> all = r.live->findings_of(f);
        if (lint_ && static_cast<size_t>(f) < r.lint.size() && !r.lint_hidden.count(f))
          all.insert(all.end(), r.lint[f].begin(), r.lint[f].end());
        sort_findings(all, r.live->loaded().lang);
        Json list = Json::array();
        for (const Finding& x : all) list.push_back(diagnostic(r, x));
        const std::string uri = r.uri_of(f);
        std::string text = list.dump();
        auto old = r.published.find(uri);
        if (old == r.published.end() ? list.empty() : old->second == text) continue;
        Json params = {{"uri", uri}, {"diagnostics", std::move(list)}};
        auto doc = docs_.find(uri);
        if (doc != docs_.end()) params["version"] = doc->second.version;
        notify("textDocument/publishDiagnostics", std::move(params));
        if (text == "[]") r.published.erase(uri);
        else r.published[uri] = std::move(text);
      }
      if (files.size() == n) {
        // After a reload: files that are gone lose their diagnostics.
        std::set<std::string> live;
        for (size_t f = 0; f < n; ++f) live.insert(r.uri_of(static_cast<int>(f)));
        for (auto it = r.published.begin(); it != r.published.end();) {
          if (live.count(it->first)) {
            ++it;
            continue;
          }
          notify("textDocument/publishDiagnostics", Json{{"uri", it->first}, {"diagnostics", Json::array()}});
          it = r.published.erase(it);
        }
      }
    }
  }

  // ---- the features -----------------------------------------------------

  struct At {
    Root* root = nullptr;
    int file = -1;
    int line = 0;  // 1-based
    int col = 0;   // 1-based code points
    size_t line0 = 0, column0 = 0;
  };

  At at(const Json& params) {
    const std::string& uri = params.at("textDocument").at("uri").get_ref<const std::string&>();
    const Json& pos = params.at("position");
    At a;
    auto doc = docs_.find(uri);
    std::string rel;
    a.root = doc != docs_.end() ? doc->second.root : root_of(uri, rel, true);
    if (doc != docs_.end()) rel = doc->second.path;
    if (!a.root) return a;
    settle(*a.root);
    if (!a.root->live) {
      a.root = nullptr;
      return a;
    }
    a.file = a.root->live->file_index(rel);
    if (a.file < 0) return a;
    a.line0 = pos.at("line").get<size_t>();
    const size_t character = pos.at("character").get<size_t>();
    a.column0 = a.root->lines_of(a.file).column_of_character(a.line0, character, enc_);
    a.line = static_cast<int>(a.line0 + 1);
    a.col = static_cast<int>(a.column0 + 1);
    return a;
  }

  Json location(Root& r, const Occurrence& o) {
    return Json{{"uri", r.uri_of(o.file)}, {"range", range_of(r, o.span, o.from, o.length)}};
  }

  Json definition(const Json& params) {
    At a = at(params);
    if (!a.root || a.file < 0) return nullptr;
    auto o = occurrence_at(a.root->repo(), a.file, a.line, a.col);
    if (!o) return nullptr;
    auto d = o->declaration ? o : declaration_of(a.root->repo(), o->key);
    if (!d) return nullptr;
    return location(*a.root, *d);
  }

  Json references(const Json& params) {
    At a = at(params);
    if (!a.root || a.file < 0) return nullptr;
    auto o = occurrence_at(a.root->repo(), a.file, a.line, a.col);
    if (!o) return Json::array();
    bool with = true;
    if (const Json* c = field(params, "context"))
      if (const Json* d = field(*c, "includeDeclaration"); d && d->is_boolean()) with = d->get<bool>();
    Json out = Json::array();
    for (const Occurrence& x : occurrences_of(a.root->repo(), o->key, with)) out.push_back(location(*a.root, x));
    return out;
  }

  // "- label: value" lines of what a coordinator wants to know of what a key names.
  std::string facts(const Named& n, Lang l) {
    std::string out;
    auto line = [&](std::string_view owner, std::string_view f, const std::optional<std::string>& v,
                    std::string_view unit = "") {
      if (!v || v->empty()) return;
      out += "- " + field_label(owner, f, l) + ": " + field_value(owner, f, v, unit, l) + "\n";
    };
    auto text = [](const Text& t) { return t.set ? std::optional<std::string>(t.v) : std::nullopt; };
    auto date = [](const Val<Date>& d) { return d.set ? std::optional<std::string>(d.v.str()) : std::nullopt; };
    const Entity& e = *n.entity;
    if (n.nested.empty()) {
      if (auto* o = dynamic_cast<const Organisation*>(&e)) {
        line("organisation", "type", text(o->type));
        line("organisation", "parent", text(o->parent));
        line("organisation", "short_name", text(o->short_name));
      } else if (auto* c = dynamic_cast<const Collaboration*>(&e)) {
        std::vector<std::string> parties;
        for (const auto& p : c->parties.v) parties.push_back(p.v);
        line("collaboration", "parties", join(parties, ", "));
        line("collaboration", "area", text(c->area));
      } else if (auto* f = dynamic_cast<const Forum*>(&e)) {
        line("forum", "collaboration", text(f->collaboration));
        line("forum", "type", text(f->type));
        line("forum", "level", text(f->level));
        line("forum", "cadence", text(f->cadence));
        if (f->members.set) out += "- " + tr(l, msg::lsp_hover_members) + ": " + std::to_string(f->members.v.size()) + "\n";
      } else if (auto* p = dynamic_cast<const Plan*>(&e)) {
        line("plan", "collaboration", text(p->collaboration));
        if (p->period.set) line("plan", "period", p->period.v.text);
        line("plan", "status", p->status.set ? text(p->status) : std::nullopt);
      } else if (auto* m = dynamic_cast<const Meeting*>(&e)) {
        line("meeting", "forum", text(m->forum));
        line("meeting", "date", date(m->date));
        line("meeting", "type", text(m->type));
      } else if (auto* rep = dynamic_cast<const Report*>(&e)) {
        line("report", "collaboration", text(rep->collaboration));
        if (rep->period.set) line("report", "period", rep->period.v.text);
        line("report", "submitted", date(rep->submitted));
      }
      return out;
    }
    if (auto* p = dynamic_cast<const Plan*>(&e)) {
      if (n.nested == "goal" && n.index < p->goals.v.size()) {
        const Goal& g = p->goals.v[n.index];
        const std::string unit = g.unit.set ? g.unit.v : "";
        line("goal", "indicator", text(g.indicator));
        if (g.baseline.set && g.baseline.v.value.set)
          line("goal", "baseline.value", number_text(g.baseline.v.value.v), unit);
        if (g.target.set && g.target.v.value.set) line("goal", "target.value", number_text(g.target.v.value.v), unit);
        Progress pr = goal_progress(*p, g);
        if (pr.measured)
          out += "- " + tr(l, msg::lsp_hover_latest) + ": " +
                 field_value("measurement", "value", number_text(pr.latest), unit, l) + " (" + pr.latest_date.str() + ")\n";
        if (pr.computable) out += "- " + tr(l, msg::lsp_hover_progress) + ": " + std::to_string(pr.percent) + " %\n";
      } else if (n.nested == "activity" && n.index < p->activities.v.size()) {
        const Activity& a = p->activities.v[n.index];
        line("activity", "status", std::string(enum_name(a.status_value())));
        line("activity", "due", date(a.due));
        line("activity", "owner", text(a.owner));
        if (a.budget.set) line("activity", "budget", number_text(a.budget.v));
      }
    } else if (auto* m = dynamic_cast<const Meeting*>(&e)) {
      if (n.index < m->actions.v.size()) {
        const Action& a = m->actions.v[n.index];
        line("action", "status", std::string(enum_name(a.status_value())));
        line("action", "due", date(a.due));
        line("action", "owner", text(a.owner));
        line("action", "responsible", text(a.responsible));
      }
    } else if (auto* c = dynamic_cast<const Collaboration*>(&e)) {
      if (n.index < c->target_groups.v.size()) line("target_group", "description", text(c->target_groups.v[n.index].description));
    }
    return out;
  }

  std::string nested_title(const Named& n) {
    if (auto* p = dynamic_cast<const Plan*>(n.entity)) {
      if (n.nested == "goal" && n.index < p->goals.v.size()) return p->goals.v[n.index].title.v;
      if (n.nested == "activity" && n.index < p->activities.v.size()) return p->activities.v[n.index].title.v;
    }
    if (auto* m = dynamic_cast<const Meeting*>(n.entity))
      if (n.index < m->actions.v.size()) return m->actions.v[n.index].title.v;
    if (auto* c = dynamic_cast<const Collaboration*>(n.entity))
      if (n.index < c->target_groups.v.size()) return c->target_groups.v[n.index].name.v;
    return {};
  }

  const Tr& nested_word(const std::string& w) {
    if (w == "goal") return msg::w_goal;
    if (w == "activity") return msg::w_activity;
    if (w == "action") return msg::w_action;
    return msg::w_target_group;
  }

  Json hover(const Json& params) {
    At a = at(params);
    if (!a.root || a.file < 0) return nullptr;
    Root& r = *a.root;
    const Lang l = r.live->loaded().lang;
    if (auto o = occurrence_at(r.repo(), a.file, a.line, a.col)) {
      Named n = named(r.repo(), o->key);
      std::string md;
      if (!n.entity) {
        md = tr(l, msg::lsp_hover_unknown, o->key);
      } else {
        const std::string title = n.nested.empty() ? title_of(*n.entity) : nested_title(n);
        const std::string word = n.nested.empty() ? kind_word(n.entity->kind).get(l) : nested_word(n.nested).get(l);
        md = (title.empty() ? "" : "**" + title + "** · ") + word + " `" + o->key + "`\n\n" + facts(n, l);
        if (auto d = declaration_of(r.repo(), o->key))
          md += "\n" + tr(l, msg::lsp_hover_defined, r.repo().files[d->file].path + ":" + std::to_string(d->span.line));
      }
      return Json{{"contents", {{"kind", "markdown"}, {"value", md}}}, {"range", range_of(r, o->span)}};
    }
    // On a key: what the field means.
    const LineIndex& lines = r.lines_of(a.file);
    std::string_view text = lines.line(a.line0);
    // The key under the cursor: read the whole word.
    size_t b = lines.offset(a.line0, a.column0, Encoding::utf32) - lines.offset(a.line0, 0, Encoding::utf32);
    size_t s = b, e = b;
    auto key_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    while (s > 0 && key_char(text[s - 1])) --s;
    while (e < text.size() && key_char(text[e])) ++e;
    if (s == e || e >= text.size() || text[e] != ':') return nullptr;
    std::string key(text.substr(s, e - s));
    Place k = place_at(lines, a.line0, utf8_length(text.substr(0, s)));
    const std::string kind = a.file == 0 ? "config" : k.kind;  // samverkan.yaml's fields are `config`'s
    auto [owner, f] = owner_and_field(kind, k.path, key);
    const Tr* d = describe_field(kind, k.path, key);
    const std::string label = field_label(owner, f, l);
    std::string md = "`" + key + "`" + (label != key && label != f ? " (" + label + ")" : "");
    if (d) md += ": " + std::string(d->get(l));
    const Json* mapping = a.file == 0 ? field(schema(), "config") : field(schema()["definitions"], k.kind.c_str());
    for (const std::string& st : k.path) mapping = step(mapping, st);
    const Json* props = properties_of(mapping);
    if (!props || !props->contains(key)) return nullptr;  // a key the format does not have
    return Json{{"contents", {{"kind", "markdown"}, {"value", md}}}};
  }

  // The owner (fields.def) and field a key at `path` in a document of `kind` is.
  static std::pair<std::string, std::string> owner_and_field(const std::string& kind, const std::vector<std::string>& path,
                                                             const std::string& key) {
    std::string owner = kind, prefix;
    for (const std::string& step : path) {
      if (step == "-") continue;
      std::string_view group = list_item_group(step);
      if (!group.empty()) {
        owner = std::string(group);
        prefix.clear();
      } else {
        prefix += step + ".";
      }
    }
    return {owner, prefix + key};
  }

  static const Tr* describe_field(const std::string& kind, const std::vector<std::string>& path, const std::string& key) {
    auto [owner, f] = owner_and_field(kind, path, key);
    if (const Tr* d = field_description(owner, f)) return d;
    if (path.empty()) return field_description("any", key);
    return nullptr;
  }

  // ---- completion ---------------------------------------------------------

  const Json& schema() {
    if (!schema_) schema_ = std::make_unique<Json>(Json::parse(editor_schema()));
    return *schema_;
  }

  static std::vector<const Json*> alternatives(const Json& n) {
    std::vector<const Json*> out{&n};
    for (const char* k : {"anyOf", "oneOf", "allOf"})
      if (const Json* alts = field(n, k); alts && alts->is_array())
        for (const Json& a : *alts) out.push_back(&a);
    return out;
  }
  static const Json* step(const Json* node, const std::string& s) {
    if (!node) return nullptr;
    for (const Json* a : alternatives(*node)) {
      if (s == "-") {
        if (const Json* items = field(*a, "items")) return items;
      } else if (const Json* props = field(*a, "properties")) {
        if (const Json* p = field(*props, s.c_str())) return p;
      }
    }
    return nullptr;
  }
  static const Json* properties_of(const Json* node) {
    if (!node) return nullptr;
    for (const Json* a : alternatives(*node))
      if (const Json* props = field(*a, "properties"); props && props->is_object()) return props;
    return nullptr;
  }

  Json completion(const Json& params) {
    At a = at(params);
    Json items = Json::array();
    if (!a.root || a.file < 0) return Json{{"isIncomplete", false}, {"items", items}};
    Root& r = *a.root;
    const Lang l = r.live->loaded().lang;
    const LineIndex& lines = r.lines_of(a.file);
    Place p = place_at(lines, a.line0, a.column0);
    const bool config = a.file == 0;
    const Json* kind_schema = nullptr;
    if (config) kind_schema = field(schema(), "config");
    else if (const Json* defs = field(schema(), "definitions")) kind_schema = field(*defs, p.kind.c_str());
    const Json* node = kind_schema;
    for (const std::string& s : p.path) node = step(node, s);
    Json range = {{"start", {{"line", a.line0}, {"character", lines.character_of_column(a.line0, p.prefix_column, enc_)}}},
                  {"end", {{"line", a.line0}, {"character", lines.character_of_column(a.line0, a.column0, enc_)}}}};
    auto add = [&](const std::string& label, int kind, const std::string& detail, const std::string& insert,
                   const std::string& doc = {}) {
      if (label.compare(0, p.prefix.size(), p.prefix) != 0 && insert.compare(0, p.prefix.size(), p.prefix) != 0) return;
      Json item = {{"label", label}, {"kind", kind}, {"textEdit", {{"range", range}, {"newText", insert}}}, {"filterText", insert}};
      if (!detail.empty()) item["detail"] = detail;
      if (!doc.empty()) item["documentation"] = {{"kind", "markdown"}, {"value", doc}};
      items.push_back(std::move(item));
    };
    auto keys = [&](const Json* mapping) {
      if (!mapping && p.path.empty() && !config) {
        // No kind yet: the keys every document starts with.
        for (const char* k : {"kind", "id"})
          if (!std::count(p.siblings.begin(), p.siblings.end(), k)) {
            const Tr* d = field_description("any", k);
            add(k, 10, d ? d->get(l) : "", std::string(k) + ": ");
          }
        return;
      }
      const Json* props = properties_of(mapping);
      if (!props) return;
      for (auto it = props->begin(); it != props->end(); ++it) {
        if (std::count(p.siblings.begin(), p.siblings.end(), it.key())) continue;
        const std::string kind = config ? "config" : p.kind;
        const Tr* d = describe_field(kind, p.path, it.key());
        auto [owner, f] = owner_and_field(kind, p.path, it.key());
        add(it.key(), 10, config ? "" : field_label(owner, f, l), it.key() + ": ", d ? d->get(l) : "");
      }
    };
    auto values = [&](const Json* value) {
      if (!value) return;
      const Json* v = value;
      if (const Json* items_of = step(v, "-"); items_of && !p.item_start) v = items_of;  // `[a, b` of a list
      auto [owner, f] = owner_and_field(p.kind, p.path, p.key);
      for (const Json* alt : alternatives(*v)) {
        if (const Json* c = field(*alt, "const"); c && c->is_string()) add(c->get<std::string>(), 20, "", c->get<std::string>());
        if (const Json* e = field(*alt, "enum"); e && e->is_array())
          for (const Json& x : *e)
            if (x.is_string()) add(x.get<std::string>(), 20, field_value(owner, f, x.get<std::string>(), "", l), x.get<std::string>());
        if (const std::string* t = string_field(*alt, "type"); t && *t == "boolean") {
          add("true", 12, "", "true");
          add("false", 12, "", "false");
        }
        if (const Json* ref = field(*alt, "x-samverkan-ref")) references_for(r, a, p, *ref, add);
      }
    };
    if (!p.in_value && !p.item_start) {
      if (p.typing_key || p.prefix.empty()) keys(node);
    } else if (p.item_start) {
      // `- |`: the first key of an item, or an item of a list of scalars.
      if (properties_of(node)) keys(node);
      else values(node);
    } else if (p.path.empty() && p.key == "kind" && !config) {
      for (Kind k : kAllKinds) add(kind_name(k), 20, kind_word(k).get(l), kind_name(k));
    } else {
      values(step(node, p.key));
    }
    std::sort(items.begin(), items.end(), [](const Json& x, const Json& y) { return x["label"] < y["label"]; });
    return Json{{"isIncomplete", false}, {"items", std::move(items)}};
  }

  // The ids a reference may name, as completion items.
  template <class Add>
  void references_for(Root& r, const At& a, const Place& p, const Json& ref, Add& add) {
    const Repo& repo = r.repo();
    const Lang l = r.live->loaded().lang;
    auto entity_item = [&](const Entity& e) {
      add(e.id.v, 18, std::string(kind_word(e.kind).get(l)) + (title_of(e).empty() ? "" : ": " + title_of(e)), e.id.v);
    };
    if (ref.is_array()) {
      uint8_t kinds = 0;
      for (const Json& k : ref) {
        Kind kind;
        if (k.is_string() && kind_from_name(k.get<std::string>(), kind)) kinds |= kind_bit(kind);
      }
      repo.for_each_entity([&](const Entity& e) {
        if ((kinds & kind_bit(e.kind)) && e.id.set && !e.id.v.empty() && repo.find(e.id.v) == &e) entity_item(e);
      });
      return;
    }
    if (!ref.is_string()) return;
    const std::string what = ref.get<std::string>();
    // The plan (or other entity) of this file the cursor is in.
    const Entity* here = nullptr;
    repo.for_each_entity([&](const Entity& e) {
      if (e.file == a.file && e.span.line <= a.line && (!here || e.span.line >= here->span.line)) here = &e;
    });
    auto nested_items = [&](const Entity& e, std::optional<Nested> only, bool qualified) {
      for_each_nested_id(e, [&](const Text& id, Nested w) {
        if (!id.set || id.v.empty() || (only && w != *only)) return;
        std::string label = qualified ? e.id.v + "#" + id.v : id.v;
        Named n = named(repo, e.id.v + "#" + id.v);
        add(label, 18, std::string(nested_word(n.nested).get(l)) + (nested_title(n).empty() ? "" : ": " + nested_title(n)), label);
      });
    };
    if (what == "goal") {
      if (auto* plan = dynamic_cast<const Plan*>(here)) nested_items(*plan, Nested::goal, false);
    } else if (what == "target_group") {
      if (auto* plan = dynamic_cast<const Plan*>(here))
        if (const auto* c = repo.find_as<Collaboration>(plan->collaboration.v)) nested_items(*c, Nested::target_group, false);
    } else if (what == "any") {
      // An id, or after `id#` the nested ids of that entity.
      auto hash = p.prefix.find('#');
      if (hash != std::string::npos) {
        if (const Entity* e = repo.find(p.prefix.substr(0, hash))) nested_items(*e, std::nullopt, true);
      } else {
        repo.for_each_entity([&](const Entity& e) {
          if (e.id.set && !e.id.v.empty() && repo.find(e.id.v) == &e) entity_item(e);
        });
      }
    }
  }

  // ---- rename -------------------------------------------------------------

  // What a rename at the cursor changes: the part of the key it renames.
  struct Renaming {
    Occurrence at;
    std::string old_part;  // the id, or the local id of a nested one
  };
  std::optional<Renaming> renaming(const At& a) {
    if (!a.root || a.file < 0) return std::nullopt;
    auto o = occurrence_at(a.root->repo(), a.file, a.line, a.col);
    if (!o) return std::nullopt;
    Named n = named(a.root->repo(), o->key);
    if (!n.entity) return std::nullopt;  // a reference to nothing: nothing to rename
    auto hash = o->key.find('#');
    return Renaming{*o, hash == std::string::npos ? o->key : o->key.substr(hash + 1)};
  }

  Json prepare_rename(const Json& params) {
    At a = at(params);
    auto rn = renaming(a);
    if (!rn) return nullptr;
    return Json{{"range", range_of(*a.root, rn->at.span, rn->at.from, rn->at.length)}, {"placeholder", rn->old_part}};
  }

  Json rename(const Json& params) {
    At a = at(params);
    auto rn = renaming(a);
    const Lang l = a.root && a.root->live ? a.root->live->loaded().lang : lang();
    if (!rn) throw RpcError{kRequestFailed, tr(l, msg::lsp_rename_nothing)};
    const std::string name = params.at("newName").get<std::string>();
    if (!is_valid_id(name)) throw RpcError{kRequestFailed, tr(l, msg::lsp_rename_invalid, name)};
    Root& r = *a.root;
    const Repo& repo = r.repo();
    const std::string& key = rn->at.key;
    auto hash = key.find('#');
    const std::string new_key = hash == std::string::npos ? name : key.substr(0, hash + 1) + name;
    if (name == rn->old_part) return Json{{"changes", Json::object()}};
    if (hash == std::string::npos ? repo.find(name) != nullptr : named(repo, new_key).entity != nullptr)
      throw RpcError{kRequestFailed, tr(l, msg::lsp_rename_taken, new_key)};
    std::map<std::string, Json> edits;
    for (const Occurrence& o : occurrences_of(repo, key, true)) {
      // The text there must be the id as written, or the edit would break it.
      const LineIndex& lines = r.lines_of(o.file);
      const Json range = range_of(r, o.span, o.from, o.length);
      const size_t line = range["start"]["line"].get<size_t>();
      const size_t b = lines.offset(line, range["start"]["character"].get<size_t>(), enc_);
      const size_t e = lines.offset(line, range["end"]["character"].get<size_t>(), enc_);
      const std::string& content = repo.files[o.file].content;
      if (content.compare(b, e - b, rn->old_part) != 0)
        throw RpcError{kRequestFailed, tr(l, msg::lsp_rename_unsafe, rn->old_part,
                                          repo.files[o.file].path + ":" + std::to_string(o.span.line))};
      edits[r.uri_of(o.file)].push_back(Json{{"range", range}, {"newText", name}});
    }
    Json changes = Json::object();
    for (auto& [uri, list] : edits) changes[uri] = std::move(list);
    return Json{{"changes", std::move(changes)}};
  }

  // ---- code actions and symbols -----------------------------------------

  Json code_actions(const Json& params) {
    const std::string& uri = params.at("textDocument").at("uri").get_ref<const std::string&>();
    Json pos = {{"textDocument", {{"uri", uri}}}, {"position", params.at("range").at("start")}};
    At a = at(pos);
    Json out = Json::array();
    if (!a.root || a.file < 0) return out;
    Root& r = *a.root;
    const Lang l = r.live->loaded().lang;
    const size_t first = params["range"]["start"]["line"].get<size_t>();
    const size_t last = params["range"]["end"]["line"].get<size_t>();
    std::vector<Finding> all = r.live->findings_of(a.file);
    if (lint_ && static_cast<size_t>(a.file) < r.lint.size()) all.insert(all.end(), r.lint[a.file].begin(), r.lint[a.file].end());
    for (const Finding& f : all) {
      if (!f.help || f.help->text != &msg::help_did_you_mean || f.help->args.empty() || !f.span.valid()) continue;
      const size_t line = static_cast<size_t>(f.span.line - 1);
      if (line < first || line > last) continue;
      const std::string suggestion = f.help->args[0].s;
      // The text of the span, without quotes; a reference's part by what was unknown.
      const LineIndex& lines = r.lines_of(a.file);
      std::string_view text = lines.line(line);
      const size_t b = lines.offset(line, static_cast<size_t>(f.span.col - 1), Encoding::utf32) - lines.offset(line, 0, Encoding::utf32);
      const size_t e = lines.offset(line, static_cast<size_t>(f.span.col - 1 + f.span.len), Encoding::utf32) -
                       lines.offset(line, 0, Encoding::utf32);
      std::string written(text.substr(b, e > b ? e - b : 0));
      size_t q = !written.empty() && (written.front() == '"' || written.front() == '\'') ? 1 : 0;
      std::string value = written.substr(q, written.size() - q - (q && written.size() > 1 ? 1 : 0));
      size_t from = 0, length = utf8_length(value);
      auto hash = value.find('#');
      if (hash != std::string::npos) {
        if (f.message.text == &msg::reference_unknown_nested) {
          from = utf8_length(value.substr(0, hash + 1));
          length = utf8_length(value.substr(hash + 1));
        } else {
          length = utf8_length(value.substr(0, hash));
        }
      }
      Json edit = {{"range", range_of(r, f.span, from, length)}, {"newText", suggestion}};
      out.push_back({{"title", tr(l, msg::lsp_action_replace, suggestion)},
                     {"kind", "quickfix"},
                     {"isPreferred", true},
                     {"diagnostics", Json::array({diagnostic(r, f)})},
                     {"edit", {{"changes", {{r.uri_of(a.file), Json::array({edit})}}}}}});
    }
    return out;
  }

  Json symbols(const Json& params) {
    const std::string& uri = params.at("textDocument").at("uri").get_ref<const std::string&>();
    Json pos = {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", 0}}}};
    At a = at(pos);
    Json out = Json::array();
    if (!a.root || a.file < 0) return out;
    Root& r = *a.root;
    const Repo& repo = r.repo();
    const LineIndex& lines = r.lines_of(a.file);
    const size_t end_line = lines.lines() > 0 ? lines.lines() - 1 : 0;
    auto line_end = [&](size_t line) { return lines.character_of_column(line, utf8_length(lines.line(line)), enc_); };
    auto sym = [&](const std::string& name, const std::string& detail, int kind, size_t from, size_t to, const Span& sel) {
      to = std::max(to, from);
      Json range = {{"start", {{"line", from}, {"character", 0}}}, {"end", {{"line", to}, {"character", line_end(to)}}}};
      Json selection = sel.valid() ? range_of(r, sel) : range;
      if (sel.valid() && (static_cast<size_t>(sel.line - 1) < from || static_cast<size_t>(sel.line - 1) > to)) selection = range;
      Json s = {{"name", name.empty() ? "–" : name}, {"kind", kind}, {"range", range}, {"selectionRange", selection}};
      if (!detail.empty()) s["detail"] = detail;
      return s;
    };
    const Lang l = r.live->loaded().lang;
    std::vector<const Entity*> here;
    repo.for_each_entity([&](const Entity& e) {
      if (e.file == a.file) here.push_back(&e);
    });
    std::sort(here.begin(), here.end(), [](const Entity* x, const Entity* y) { return x->span.line < y->span.line; });
    for (size_t i = 0; i < here.size(); ++i) {
      const Entity& e = *here[i];
      const size_t from = static_cast<size_t>(std::max(e.span.line, 1) - 1);
      const size_t to = i + 1 < here.size() ? static_cast<size_t>(std::max(here[i + 1]->span.line - 2, 0)) : end_line;
      Json s = sym(e.id.v, std::string(kind_word(e.kind).get(l)) + (title_of(e).empty() ? "" : ": " + title_of(e)),
                   5 /* Class */, from, to, e.id.span);
      Json children = Json::array();
      // The nested objects, each up to the next or the entity's end.
      struct Child {
        std::string name, detail;
        int kind;
        Span span, sel;
      };
      std::vector<Child> kids;
      if (auto* p = dynamic_cast<const Plan*>(&e)) {
        for (const auto& g : p->goals.v) kids.push_back({g.id.v, g.title.v, 14 /* Constant */, g.span, g.id.span});
        for (const auto& ac : p->activities.v) kids.push_back({ac.id.v, ac.title.v, 24 /* Event */, ac.span, ac.id.span});
      }
      if (auto* m = dynamic_cast<const Meeting*>(&e)) {
        for (const auto& it : m->items.v)
          kids.push_back({"§ " + std::to_string(it.number), it.title.v, 15 /* String */, it.span, it.title.span});
        for (const auto& ac : m->actions.v) kids.push_back({ac.id.v, ac.title.v, 24 /* Event */, ac.span, ac.id.span});
      }
      if (auto* c = dynamic_cast<const Collaboration*>(&e))
        for (const auto& t : c->target_groups.v) kids.push_back({t.id.v, t.name.v, 14, t.span, t.id.span});
      std::sort(kids.begin(), kids.end(), [](const Child& x, const Child& y) { return x.span.line < y.span.line; });
      for (size_t k = 0; k < kids.size(); ++k) {
        const size_t kf = static_cast<size_t>(std::max(kids[k].span.line, 1) - 1);
        const size_t kt = k + 1 < kids.size() ? static_cast<size_t>(std::max(kids[k + 1].span.line - 2, 0)) : to;
        if (kf < from || kf > to) continue;
        children.push_back(sym(kids[k].name, kids[k].detail, kids[k].kind, kf, std::min(std::max(kt, kf), to), kids[k].sel));
      }
      if (!children.empty()) s["children"] = std::move(children);
      out.push_back(std::move(s));
    }
    return out;
  }

  ServerOptions opt_;
  std::optional<Lang> lang_;
  std::optional<Date> today_;
  bool lint_ = true;
  Encoding enc_ = Encoding::utf16;
  bool initialized_ = false;
  bool shutdown_ = false;
  std::optional<int> exit_code_;
  std::vector<std::unique_ptr<Root>> roots_;
  std::map<std::string, Doc> docs_;
  std::unique_ptr<Json> schema_;
};

}  // namespace

int serve(int in_fd, const ServerOptions& options) {
  Server server(options);
  return server.run(in_fd);
}

}  // namespace sv::lsp
