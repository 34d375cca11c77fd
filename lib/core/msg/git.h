// The message catalogue's texts for git: diff, log and history (msg/git.def).
// Include this area's header where its texts are used: rewording one of
// them rebuilds only this area's users.
#pragma once

#include "core/messages.h"

namespace sv::msg {
#define MSG(name, sv_text, en_text) extern const Tr name;
#include "core/msg/git.def"
#undef MSG
}  // namespace sv::msg
