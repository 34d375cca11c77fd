// The message catalogue's texts for `samverkan export` and the documents
// converted by external engines (msg/export.def).
#pragma once

#include "core/messages.h"

namespace sv::msg {
#define MSG(name, sv_text, en_text) extern const Tr name;
#include "core/msg/export.def"
#undef MSG
}  // namespace sv::msg
