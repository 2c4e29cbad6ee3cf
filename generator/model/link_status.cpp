#include "model/link_status.h"

#include "model/enum_names.h"

namespace ashyq {

LinkClass link_class_of(LinkStatus status) {
  switch (status) {
    case LinkStatus::ok:
    case LinkStatus::redirect_ok:
      return LinkClass::ok;
    case LinkStatus::broken:
    case LinkStatus::too_many_redirects:
    case LinkStatus::malformed_url:
      return LinkClass::broken;
    case LinkStatus::server_error:
    case LinkStatus::timeout:
    case LinkStatus::connection_failed:
      return LinkClass::unreachable;
  }
  return LinkClass::unreachable;
}

std::optional<LinkClass> classify_link(std::string_view status) {
  for (LinkStatus s : kAllLinkStatuses)
    if (link_status_name(s) == status) return link_class_of(s);
  return std::nullopt;
}

const LinkCacheEntry* known_broken(const LinkCache& cache, const std::string& url) {
  const auto it = cache.entries.find(url);
  if (it == cache.entries.end() || it->second.broken_since.empty()) return nullptr;
  return classify_link(it->second.status) == LinkClass::broken ? &it->second : nullptr;
}

}  // namespace ashyq
