// The loader's tree → the model: which reader reads a document, and the
// configuration. The readers (readers.h) check everything one document can
// tell by itself: required fields, types, enums, id shapes, dates, nested ids,
// local references. Cross-file checks (ids, references, cycles) are in validate.cpp.
#include "load/cache.h"
#include "core/wording.h"
#include "load/load.h"
#include "load/readers.h"
#include "core/text.h"
#include "core/codes.h"

namespace sv {
namespace {

using decode::Ctx;

// The kind a document says it is; reports a missing or unknown kind.
bool kind_of(Ctx& ctx, const RawNode* root, Kind& kind) {
  const RawNode* kind_node = nullptr;
  for (size_t i = 0; i < root->pairs(); ++i)
    if (root->key(i)->value == "kind") kind_node = root->val(i);
  if (!kind_node || kind_node->is_null()) {
    ctx.report(code::kind_missing, msg_of(msg::kind_missing), root->span);
    return false;
  }
  if (kind_node->is_scalar() && kind_from_name(kind_node->value, kind)) return true;
  std::vector<std::string> names;
  for (Kind each : kAllKinds) names.emplace_back(kind_name(each));
  auto& finding = ctx.report(code::kind_unknown,
                       msg_of(msg::kind_unknown, kind_node->is_scalar() ? kind_node->value : "…", join_quoted(names)),
                       kind_node->span);
  if (kind_node->is_scalar())
    if (auto suggestion = did_you_mean(kind_node->value, names))
      finding.help = msg_of(msg::help_did_you_mean, *suggestion);
  return false;
}

// One document of a kind, read by that kind's reader.
void read_document(Ctx& ctx, const RawNode* root, Kind kind, int file, FileLoad& out) {
  using namespace decode;
  visit_kind(kind, [&](auto type) {
    using T = typename decltype(type)::type;
    read_entity<T>(ctx, root, kind, file, out.of<T>(), read_kind);
  });
}

}  // namespace

void load_file(int file, std::string_view content, FileLoad& out, const Cache* cache) {
  ParsedFile parsed;
  Cache::Key key{};
  bool hit = false;
  if (cache) {
    key = Cache::key_of(content);
    hit = cache->get(key, file, parsed);
  }
  if (!hit) {
    parsed = parse_file(file, content);
    if (cache) cache->put(key, parsed);
  }
  out.findings = std::move(parsed.findings);
  out.not_text = !parsed.parsed;
  if (!parsed.parsed) return;
  const RawFile& raw = parsed.raw;
  Ctx ctx{out.findings, out.refs, {}};
  for (const RawDoc& doc : raw.docs) {
    const RawNode* root = doc.root;
    if (!root || root->is_null()) continue;  // an empty document
    if (!root->is_map()) {
      ctx.report(code::document_not_mapping, msg_of(msg::document_not_mapping), root->span);
      continue;
    }
    Kind kind;
    if (kind_of(ctx, root, kind)) read_document(ctx, root, kind, file, out);
  }
}

bool load_config(int file, std::string_view content, Config& out, std::vector<RefUse>& refs,
                 std::vector<Finding>& findings) {
  out.file = file;
  std::string_view text;
  if (!precheck_text(file, content, text, findings)) return false;
  RawFile raw;
  parse_yaml(file, text, raw, findings);
  Ctx ctx{findings, refs, {}};
  const RawNode* root = nullptr;
  for (const RawDoc& doc : raw.docs)
    if (doc.root && !doc.root->is_null()) {
      root = doc.root;
      break;
    }
  Span start{file, 1, 1, 1};
  if (!root || !root->is_map()) {
    ctx.report(root ? code::document_not_mapping : code::field_required,
               root ? msg_of(msg::config_not_mapping) : msg_of(msg::field_required, "name", msg::w_configuration),
               root ? root->span : start);
    return true;
  }
  decode::MapReader reader(ctx, root, "samverkan.yaml", root->span);
  decode::read_config(reader, out);
  return true;
}

}  // namespace sv
