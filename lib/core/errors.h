// The error that stops a command (exit 2): no repository, an unreadable
// configuration, an unwritable output, a corrupt git object. Everything that
// is wrong with the data itself is a finding instead (finding.h).
#pragma once

#include <optional>
#include <stdexcept>

#include "core/messages.h"

namespace sv {

class SystemError : public std::runtime_error {
 public:
  explicit SystemError(Message m, std::optional<Message> help = {})
      : std::runtime_error(m.str(Lang::en)), message(std::move(m)), help(std::move(help)) {}
  Message message;
  std::optional<Message> help;
};

}  // namespace sv
