// JSON output (format.md §10): {"findings": [...], "summary": {...}}.
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "output/output.h"

namespace sv {

std::string format_json(const Repo& repo, const std::vector<Finding>& findings, Lang lang) {
  using json = nlohmann::ordered_json;
  auto file_of = [&](const Span& s) -> json {
    if (s.file < 0 || s.file >= static_cast<int>(repo.files.size())) return nullptr;
    return repo.files[s.file].path;
  };
  auto num = [](int v) -> json { return v > 0 ? json(v) : json(nullptr); };
  json arr = json::array();
  for (const auto& f : findings) {
    json j;
    j["file"] = file_of(f.span);
    j["line"] = num(f.span.line);
    j["column"] = num(f.span.col);
    j["end_column"] = f.span.line > 0 ? json(f.span.col + std::max(1, f.span.len)) : json(nullptr);
    j["severity"] = severity_name(f.severity);
    j["code"] = f.code;
    j["message"] = f.message.str(lang);
    j["entity"] = f.entity.empty() ? json(nullptr) : json(mask_personal_numbers(f.entity));
    if (!f.nested.empty()) j["nested"] = mask_personal_numbers(f.nested);
    j["help"] = f.help ? json(f.help->str(lang)) : json(nullptr);
    json notes = json::array();
    for (const auto& n : f.notes) {
      json k;
      k["message"] = n.text.str(lang);
      k["file"] = file_of(n.span);
      k["line"] = num(n.span.line);
      k["column"] = num(n.span.col);
      notes.push_back(std::move(k));
    }
    j["notes"] = std::move(notes);
    arr.push_back(std::move(j));
  }
  Counts c = count(findings);
  json root;
  root["findings"] = std::move(arr);
  root["summary"] = {{"error", c.error}, {"warning", c.warning}, {"info", c.info}, {"files", repo.files.size()}};
  // Invalid UTF-8 never reaches here (such files are not parsed), but be safe.
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace sv
