#include "core/msg/export.h"

namespace sv::msg {
#define MSG(name, sv_text, en_text) const Tr name{#name, sv_text, en_text};
#include "core/msg/export.def"
#undef MSG
}  // namespace sv::msg
