// Loading: bytes of one file → model entities and findings. The public face
// of the loader; YAML stays behind it.
#pragma once

#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/messages.h"
#include "core/model.h"

namespace sv {

// What one data file holds: its entities, kind by kind, and more.
struct FileLoad : EntityLists {
  std::vector<RefUse> refs;
  std::vector<Finding> findings;
  bool not_text = false;  // binary, not UTF-8 or too large: not parsed
};

class Cache;

// Loads one data file (`file` is its index in Repo::files). Never throws for
// bad input: every problem is a finding. With a cache, a file whose bytes
// were parsed before is not parsed again.
void load_file(int file, std::string_view content, FileLoad& out, const Cache* cache = nullptr);

// Loads samverkan.yaml; the calendar's references go to `refs`. Returns
// false when the file is no text (binary, not UTF-8, too large).
bool load_config(int file, std::string_view content, Config& out, std::vector<RefUse>& refs,
                 std::vector<Finding>& findings);

// A JSON Schema (draft-07) of the format, made by running the loader's own
// readers in a describing mode, so it never drifts from what is checked.
// `config`: the schema of samverkan.yaml instead of the data files. Every
// field and value is described (field_help.def, enums.def) in `lang`.
std::string json_schema(bool config = false, Lang lang = Lang::sv);

// What an editor needs beside the schema: each kind's definition
// ("definitions": {kind: schema}) and the configuration's ("config"), with
// `x-samverkan-ref` on every reference: the kinds it may name, or "goal",
// "target_group", "any" for bare local ids. For the language server.
std::string editor_schema(Lang lang = Lang::sv);

// The group of the objects of a list (fields.def's owner for their fields:
// "goals" → "goal"); "" for a list of scalars or an unknown key.
std::string_view list_item_group(std::string_view list);

// The versions of the libraries the loader is built on, as they report them
// at run time (for `--version`): libyaml's (load/yaml.cpp) and libgit2's
// (load/git.cpp).
std::string yaml_library_version();
std::string git_library_version();

}  // namespace sv
