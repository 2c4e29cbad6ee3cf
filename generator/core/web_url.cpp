#include "core/web_url.h"

#include <cctype>
#include <cstddef>

namespace ashyq {

bool is_web_url(std::string_view url) {
  std::size_t host_start;
  auto starts = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(url[i])) != prefix[i]) return false;
    return true;
  };
  if (starts("https://"))
    host_start = 8;
  else if (starts("http://"))
    host_start = 7;
  else
    return false;
  if (host_start >= url.size() || url[host_start] == '/' || url[host_start] == '.') return false;
  for (char c : url)
    if (static_cast<unsigned char>(c) <= ' ' || c == '\x7f' || c == '"' || c == '<' || c == '>' ||
        c == '\\')
      return false;
  return true;
}

}  // namespace ashyq
