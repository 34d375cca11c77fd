// The ids of a loaded repository as an editor sees them: every place an id
// is declared or named, with the part of the text that names it, for go to
// definition, find references and rename.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace sv::lsp {

struct Occurrence {
  int file = -1;
  Span span;             // the scalar as written (a quote included)
  std::string key;       // what it names: "id", or "id#local" for a nested id
  bool declaration = false;
  size_t from = 0;       // the code points of the value before the part naming `key`'s last part
  size_t length = 0;     // the code points of that part
  uint8_t kinds = 0;     // a reference to an entity: the kinds it may name
};

// The declaration or reference at a 1-based line and code-point column of a file.
std::optional<Occurrence> occurrence_at(const Repo& repo, int file, int line, int col);
// Where `key` is declared; nullopt when nowhere.
std::optional<Occurrence> declaration_of(const Repo& repo, const std::string& key);
// Every place that names `key` (references; the declaration first when
// `with_declaration`), in file and line order. For an entity's id, also the
// references to its nested ids ("id#local"): their `id` part names it.
std::vector<Occurrence> occurrences_of(const Repo& repo, const std::string& key, bool with_declaration);

// The entity a key names, and for a nested key the nested object's kind
// word ("goal", "activity", "action", "target_group") and index in its list.
struct Named {
  const Entity* entity = nullptr;
  std::string nested;  // "" for the entity itself
  size_t index = 0;
};
Named named(const Repo& repo, const std::string& key);

}  // namespace sv::lsp
