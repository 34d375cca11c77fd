#include "core/msg/scaffold.h"

namespace sv::msg {
#define MSG(name, sv_text, en_text) const Tr name{#name, sv_text, en_text};
#include "core/msg/scaffold.def"
#undef MSG
}  // namespace sv::msg
