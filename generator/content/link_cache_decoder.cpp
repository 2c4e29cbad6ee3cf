#include "content/link_cache_decoder.h"

#include <map>
#include <string>
#include <utility>

#include "core/utc_timestamp.h"
#include "model/enum_names.h"
#include "model/link_status.h"

namespace ashyq {
namespace {

std::string status_names() {
  std::string out;
  for (LinkStatus s : kAllLinkStatuses)
    out += (out.empty() ? "" : ", ") + std::string(link_status_name(s));
  return out;
}

}  // namespace

LinkCache decode_link_cache(JsonDecoder& decoder, const nlohmann::json& root) {
  LinkCache cache;
  cache.present = true;
  ObjectReader file(decoder, root, "", {"links"});
  if (!file.valid()) return cache;
  std::map<std::string, std::string> pointer_of_url;
  file.array(
      "links",
      [&](const nlohmann::json& item, const std::string& pointer) {
        ObjectReader entry(
            decoder, item, pointer,
            {"url", "status", "http_status", "final_url", "checked_at", "broken_since"});
        if (!entry.valid()) return;
        const std::string url = entry.string("url", true);
        LinkCacheEntry e;
        e.status = entry.string("status", true);
        if (!e.status.empty() && !classify_link(e.status)) {
          decoder.error(entry.child("status"),
                        "unknown status \"" + e.status + "\"; expected one of: " + status_names());
          e.status.clear();
        }
        if (auto http = entry.count("http_status")) e.http_status = static_cast<long>(*http);
        e.final_url = entry.string("final_url");
        for (auto [key, target] :
             {std::pair{"checked_at", &e.checked_at}, std::pair{"broken_since", &e.broken_since}}) {
          *target = entry.string(key, target == &e.checked_at);
          if (!target->empty() && !parse_utc_timestamp(*target)) {
            decoder.error(entry.child(key), "\"" + *target +
                                                "\" is not a UTC time such as "
                                                "\"2026-11-23T21:40:19Z\"");
            target->clear();
          }
        }
        if (url.empty() || e.status.empty() || e.checked_at.empty()) return;
        auto [it, inserted] = pointer_of_url.emplace(url, pointer);
        if (!inserted) {
          decoder.error(entry.child("url"), "\"" + url + "\" is already listed at " + it->second +
                                                "; each URL has one entry");
          return;
        }
        cache.entries[url] = std::move(e);
      },
      true);
  return cache;
}

}  // namespace ashyq
