#pragma once
// How `ashyq serve` maps a request's path to a file of the built site, and the file's content
// type. The path is the one cpp-httplib has already percent-decoded once; it is not decoded again,
// so "%252e%252e" stays the literal name "%2e%2e". Anything that could name a file outside the
// built site is refused: "..", "." and empty segments (so "//etc/passwd" cannot become an absolute
// path), a backslash or a NUL, a path that does not start with "/", and a symbolic link whose
// target lies outside the site folder.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/lang.h"

namespace ashyq::serve {

struct Resolved {
  enum class Kind {
    file,       // `file` is a regular file under the root
    redirect,   // a folder asked without its trailing "/": `location` is the path with it
    not_found,  // no such file
    forbidden,  // a path that could leave the root
  };
  Kind kind = Kind::not_found;
  std::filesystem::path file;
  std::string location;
};

// Resolves `url_path` under `root` (the built site): "/x/" is "/x/index.html".
Resolved resolve(const std::filesystem::path& root, std::string_view url_path);

// Whether a request's Host header names this machine's loopback (127.0.0.1, localhost or [::1],
// any port). Anything else is a page of another site reaching the server through DNS rebinding
// (a name of its own resolved to 127.0.0.1), which may not read the preview.
bool loopback_host(std::string_view host);

// The language a path is in, from its first segment ("/ru/grants/" is Russian); nullopt outside
// both language folders ("/", "/data/grants.csv").
std::optional<Lang> path_language(std::string_view url_path);

// The Content-Type for a file, from its extension; text types carry "; charset=utf-8", since the
// generator writes every text as UTF-8. Unknown extensions are application/octet-stream.
std::string content_type(const std::filesystem::path& file);

}  // namespace ashyq::serve
