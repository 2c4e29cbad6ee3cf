#include "core/status.h"

namespace ashyq {

Status Status::io_error(std::string path, std::string message) {
  return Status(Code::io_error, std::move(message), std::move(path));
}

Status Status::invalid_argument(std::string message, std::string path) {
  return Status(Code::invalid_argument, std::move(message), std::move(path));
}

Status Status::template_error(std::string name, std::string message) {
  return Status(Code::template_error, std::move(message), std::move(name));
}

Status Status::with_context(std::string_view prefix) const {
  if (ok()) return *this;
  return Status(code_, std::string(prefix) + ": " + message_, path_);
}

}  // namespace ashyq
