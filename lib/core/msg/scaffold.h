// The message catalogue's texts for `samverkan new` (msg/scaffold.def).
#pragma once

#include "core/messages.h"

namespace sv::msg {
#define MSG(name, sv_text, en_text) extern const Tr name;
#include "core/msg/scaffold.def"
#undef MSG
}  // namespace sv::msg
