#include "links/link_cache.h"

#include <cstdio>
#include <ctime>
#include <map>

#include "linkcheck/link_checker.h"

namespace ashyq::links {
namespace {

using linkcheck::LinkStatus;

constexpr LinkStatus kAllStatuses[] = {LinkStatus::ok,
                                       LinkStatus::redirect_ok,
                                       LinkStatus::broken,
                                       LinkStatus::server_error,
                                       LinkStatus::timeout,
                                       LinkStatus::connection_failed,
                                       LinkStatus::too_many_redirects,
                                       LinkStatus::malformed_url};

LinkClass class_of(LinkStatus status) {
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

std::string status_names() {
  std::string out;
  for (LinkStatus s : kAllStatuses)
    out += (out.empty() ? "" : ", ") + std::string(linkcheck::link_status_name(s));
  return out;
}

}  // namespace

std::optional<LinkClass> classify_link(std::string_view status) {
  for (LinkStatus s : kAllStatuses)
    if (linkcheck::link_status_name(s) == status) return class_of(s);
  return std::nullopt;
}

std::string_view link_class_name(LinkClass link_class) {
  switch (link_class) {
    case LinkClass::ok:
      return "ok";
    case LinkClass::broken:
      return "broken";
    case LinkClass::unreachable:
      return "unreachable";
  }
  return "unreachable";
}

std::string utc_timestamp(std::chrono::system_clock::time_point when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

std::optional<std::chrono::system_clock::time_point> parse_utc_timestamp(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SSZ, digits where digits belong.
  constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
  if (text.size() != kShape.size()) return std::nullopt;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (kShape[i] == 'd' ? (text[i] < '0' || text[i] > '9') : text[i] != kShape[i])
      return std::nullopt;
  auto number = [&](std::size_t at, std::size_t length) {
    int n = 0;
    for (std::size_t i = at; i < at + length; ++i) n = n * 10 + (text[i] - '0');
    return n;
  };
  std::tm utc{};
  utc.tm_year = number(0, 4) - 1900;
  utc.tm_mon = number(5, 2) - 1;
  utc.tm_mday = number(8, 2);
  utc.tm_hour = number(11, 2);
  utc.tm_min = number(14, 2);
  utc.tm_sec = number(17, 2);
  if (utc.tm_mon > 11 || utc.tm_mday < 1 || utc.tm_mday > 31 || utc.tm_hour > 23 ||
      utc.tm_min > 59 || utc.tm_sec > 60)
    return std::nullopt;
  const std::time_t seconds = timegm(&utc);
  const auto when = std::chrono::system_clock::from_time_t(seconds);
  if (utc_timestamp(when) != text) return std::nullopt;  // 31 April and the like
  return when;
}

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

const LinkCacheEntry* known_broken(const LinkCache& cache, const std::string& url) {
  const auto it = cache.entries.find(url);
  if (it == cache.entries.end() || it->second.broken_since.empty()) return nullptr;
  return classify_link(it->second.status) == LinkClass::broken ? &it->second : nullptr;
}

}  // namespace ashyq::links
