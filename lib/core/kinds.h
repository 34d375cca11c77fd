// The entity kinds, from kinds.def: the Kind enum, its names and words. What
// needs the model's structs (the lists, visit_kind) is in core/model.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

namespace sv {

struct Tr;

enum class Kind : uint8_t {
#define KIND(k_name, k_type, k_list, k_sv, k_en) k_name,
#include "core/kinds.def"
#undef KIND
};

inline constexpr Kind kAllKinds[] = {
#define KIND(k_name, k_type, k_list, k_sv, k_en) Kind::k_name,
#include "core/kinds.def"
#undef KIND
};
inline constexpr size_t kKindCount = std::size(kAllKinds);

// A set of kinds is a bit mask (RefUse::kinds), 0xff meaning any.
static_assert(kKindCount <= 8, "a set of kinds no longer fits in RefUse::kinds");
constexpr uint8_t kind_bit(Kind k) { return static_cast<uint8_t>(1u << static_cast<unsigned>(k)); }

// The YAML spelling: "organisation", "plan", ...
const char* kind_name(Kind k);
bool kind_from_name(std::string_view s, Kind& out);

// The word for the kind in messages: "handlingsplan" / "plan".
const Tr& kind_word(Kind k);

namespace msg {
#define KIND(k_name, k_type, k_list, k_sv, k_en) extern const Tr git_k_##k_name;
#include "core/kinds.def"
#undef KIND
}  // namespace msg

}  // namespace sv
