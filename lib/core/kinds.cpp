#include "core/kinds.h"

#include "core/messages.h"

namespace sv {

namespace msg {
#define KIND(k_name, k_type, k_list, k_sv, k_en) const Tr git_k_##k_name{"git_k_" #k_name, k_sv, k_en};
#include "core/kinds.def"
#undef KIND
}  // namespace msg

namespace {

constexpr const char* kNames[] = {
#define KIND(k_name, k_type, k_list, k_sv, k_en) #k_name,
#include "core/kinds.def"
#undef KIND
};

const Tr* const kWords[] = {
#define KIND(k_name, k_type, k_list, k_sv, k_en) &msg::git_k_##k_name,
#include "core/kinds.def"
#undef KIND
};

}  // namespace

const char* kind_name(Kind k) {
  auto i = static_cast<size_t>(k);
  return i < kKindCount ? kNames[i] : "?";
}

bool kind_from_name(std::string_view s, Kind& out) {
  for (Kind k : kAllKinds)
    if (s == kind_name(k)) {
      out = k;
      return true;
    }
  return false;
}

const Tr& kind_word(Kind k) {
  auto i = static_cast<size_t>(k);
  return *kWords[i < kKindCount ? i : 0];
}

}  // namespace sv
