#pragma once
// Status and Result<T>: how a function that can fail tells its caller, instead of throwing. The
// project's one error style is: Diagnostics for findings about the site's files (many per run, each
// with a line and column), a Status or Result where a call can fail (one error, returned to the
// caller, who decides how to report it), and no exception across a module boundary. A thrown
// exception is left for programming errors (a broken precondition), which no caller handles.
//
// A Status is ok or an error with a message that names the file or place and says what went wrong
// (and, where the writer knows it, what would be right), plus the file's path on its own for a
// caller that reports it as a location. Cheap when ok: no allocation.
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace ashyq {

class [[nodiscard]] Status {
 public:
  enum class Code {
    ok,
    io_error,          // a file or folder could not be read, written, renamed or removed
    invalid_argument,  // a caller's value the function refuses (a path outside the output)
    template_error,    // a template is unknown or failed to render
  };

  Status() = default;  // ok
  // `message` is the whole text shown to the user; it names `path` itself, so that it reads the
  // same whether or not the caller also shows the path as a location.
  static Status io_error(std::string path, std::string message);
  static Status invalid_argument(std::string message, std::string path = {});
  // `name` is the template's name ("grant"), kept as the path.
  static Status template_error(std::string name, std::string message);

  bool ok() const { return code_ == Code::ok; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }  // empty when ok
  const std::string& path() const { return path_; }        // empty when none applies
  // The same error with "<prefix>: " before its message (the page being written when it
  // happened); an ok Status stays ok.
  Status with_context(std::string_view prefix) const;

  friend bool operator==(const Status&, const Status&) = default;

 private:
  Status(Code code, std::string message, std::string path)
      : code_(code), message_(std::move(message)), path_(std::move(path)) {}

  Code code_ = Code::ok;
  std::string message_;
  std::string path_;
};

// A value or the Status of why there is none; std::expected, which C++20 lacks. Holding an ok
// Status is a programming error (the constructor aborts on it), so ok() means "has a value".
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  Result(Status status) : v_(std::in_place_index<1>, std::move(status)) {
    if (std::get<1>(v_).ok()) std::abort();  // a Result without a value needs an error
  }

  bool ok() const { return v_.index() == 0; }
  // The value; calling it on an error is a programming error and aborts (no exceptions here).
  T& value() & { return std::get<0>(checked()); }
  const T& value() const& { return std::get<0>(checked()); }
  T&& value() && { return std::get<0>(std::move(checked())); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  // The error, or an ok Status when there is a value.
  Status status() const { return ok() ? Status() : std::get<1>(v_); }

 private:
  std::variant<T, Status>& checked() {
    if (!ok()) std::abort();
    return v_;
  }
  const std::variant<T, Status>& checked() const {
    if (!ok()) std::abort();
    return v_;
  }

  std::variant<T, Status> v_;
};

}  // namespace ashyq
