// The message catalogue's texts for the language server (msg/lsp.def).
#pragma once

#include "core/messages.h"

namespace sv::msg {
#define MSG(name, sv_text, en_text) extern const Tr name;
#include "core/msg/lsp.def"
#undef MSG
}  // namespace sv::msg
