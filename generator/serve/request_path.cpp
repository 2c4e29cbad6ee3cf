#include "serve/request_path.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "routes/routes.h"

namespace ashyq::serve {
namespace fs = std::filesystem;

namespace {

bool safe_segment(std::string_view segment) {
  if (segment.empty() || segment == "." || segment == "..") return false;
  return segment.find_first_of(std::string_view("\\\0", 2)) == std::string_view::npos;
}

// Whether `path`, with every symbolic link followed, lies inside `root` (already canonical).
bool inside(const fs::path& root, const fs::path& path) {
  std::error_code ec;
  const fs::path real = fs::canonical(path, ec);
  if (ec) return false;
  const auto [root_end, ignored] =
      std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  return root_end == root.end();
}

}  // namespace

Resolved resolve(const fs::path& root, std::string_view url_path) {
  Resolved out;
  if (url_path.empty() || url_path.front() != '/') {
    out.kind = Resolved::Kind::forbidden;
    return out;
  }
  // Segments between slashes; a trailing "/" asks for the folder's index file.
  const bool folder = url_path.back() == '/';
  std::string_view rest = url_path.substr(1);
  if (folder && !rest.empty()) rest.remove_suffix(1);
  fs::path file = root;
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    if (!safe_segment(segment)) {
      out.kind = Resolved::Kind::forbidden;
      return out;
    }
    file /= std::string(segment);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (slash != std::string_view::npos && rest.empty()) {  // "a//" inside the path
      out.kind = Resolved::Kind::forbidden;
      return out;
    }
  }
  std::error_code ec;
  const fs::path real_root = fs::canonical(root, ec);
  if (ec) return out;  // nothing built yet
  if (!folder && fs::is_directory(file, ec)) {
    if (!inside(real_root, file)) {
      out.kind = Resolved::Kind::forbidden;
      return out;
    }
    out.kind = Resolved::Kind::redirect;
    out.location = std::string(url_path) + "/";
    return out;
  }
  if (folder) file /= routes::folder_index_file();
  if (!fs::exists(fs::symlink_status(file, ec))) return out;
  if (!inside(real_root, file)) {
    out.kind = Resolved::Kind::forbidden;
    return out;
  }
  if (!fs::is_regular_file(file, ec)) return out;
  out.kind = Resolved::Kind::file;
  out.file = std::move(file);
  return out;
}

bool loopback_host(std::string_view host) {
  // The name without its port: "[::1]:1414" → "[::1]", "localhost:1414" → "localhost".
  const std::size_t colon = host.rfind(':');
  if (colon != std::string_view::npos && host.find(']', colon) == std::string_view::npos)
    host = host.substr(0, colon);
  return host == "127.0.0.1" || host == "localhost" || host == "[::1]";
}

std::optional<Lang> path_language(std::string_view url_path) {
  if (url_path.size() < 4 || url_path[0] != '/' || url_path[3] != '/') return std::nullopt;
  return parse_lang(url_path.substr(1, 2));
}

std::string content_type(const fs::path& file) {
  struct Type {
    std::string_view extension;
    std::string_view type;
    bool text;
  };
  static constexpr std::array<Type, 17> kTypes = {{
      {".html", "text/html", true},
      {".css", "text/css", true},
      {".js", "text/javascript", true},
      {".mjs", "text/javascript", true},
      {".json", "application/json", true},
      {".webmanifest", "application/manifest+json", true},
      {".csv", "text/csv", true},
      {".txt", "text/plain", true},
      {".xml", "application/xml", true},
      {".svg", "image/svg+xml", true},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false},
      {".png", "image/png", false},
      {".jpg", "image/jpeg", false},
      {".ico", "image/vnd.microsoft.icon", false},
      {".woff2", "font/woff2", false},
      {".woff", "font/woff", false},
      {".pdf", "application/pdf", false},
  }};
  std::string extension = file.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const Type& t : kTypes)
    if (extension == t.extension) return std::string(t.type) + (t.text ? "; charset=utf-8" : "");
  return "application/octet-stream";
}

}  // namespace ashyq::serve
