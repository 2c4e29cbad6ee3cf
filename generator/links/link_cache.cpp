#include "links/link_cache.h"

#include <nlohmann/json.hpp>

namespace ashyq::links {

std::string link_cache_json(const LinkCache& cache) {
  nlohmann::ordered_json links = nlohmann::ordered_json::array();
  for (const auto& [url, e] : cache.entries) {  // std::map: sorted by URL
    nlohmann::ordered_json item;
    item["url"] = url;
    item["status"] = e.status;
    item["http_status"] = e.http_status;
    item["final_url"] = e.final_url;
    item["checked_at"] = e.checked_at;
    if (!e.broken_since.empty()) item["broken_since"] = e.broken_since;
    links.push_back(std::move(item));
  }
  nlohmann::ordered_json root;
  root["links"] = std::move(links);
  return root.dump(2) + "\n";
}

}  // namespace ashyq::links
