// The message catalogue's texts for lint and its output formats (msg/lint.def).
// Include this area's header where its texts are used: rewording one of
// them rebuilds only this area's users.
#pragma once

#include "core/messages.h"

namespace sv::msg {
#define MSG(name, sv_text, en_text) extern const Tr name;
#include "core/msg/lint.def"
#undef MSG
}  // namespace sv::msg
