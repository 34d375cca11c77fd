// The message catalogue's texts for loading and validation (msg/core.def).
// Include this area's header where its texts are used: rewording one of
// them rebuilds only this area's users.
#pragma once

#include "core/messages.h"

namespace sv::msg {
#define MSG(name, sv_text, en_text) extern const Tr name;
#include "core/msg/core.def"
#undef MSG
}  // namespace sv::msg
