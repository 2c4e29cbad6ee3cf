// The site's side of `ashyq links`: which URLs the content holds and where, host policies, and
// link-cache.json (the [links] table of site.toml is tested with the rest of site.toml). The
// network side is tested against a real server in tests/integration/links_command_test.cpp.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "content/json_positions.h"
#include "content/link_cache_decoder.h"
#include "content/loader.h"
#include "core/utc_timestamp.h"
#include "links/link_cache.h"
#include "links/site_links.h"
#include "model/link_status.h"

namespace ashyq::links {
namespace {

TEST_CASE("A host rule covers its subdomains and the most specific rule wins", "[links]") {
  LinkSettings settings;
  settings.hosts = {{"instagram.com", HostPolicy::warn},
                    {"example.kz", HostPolicy::skip},
                    {"news.example.kz", HostPolicy::check}};
  CHECK(host_policy(settings, "https://instagram.com/p/x/") == HostPolicy::warn);
  CHECK(host_policy(settings, "https://www.instagram.com/reel/x/") == HostPolicy::warn);
  CHECK(host_policy(settings, "https://WWW.Instagram.COM:443/x") == HostPolicy::warn);
  // A name that merely ends with the rule's letters is another domain.
  CHECK(host_policy(settings, "https://notinstagram.com/") == HostPolicy::check);
  CHECK(host_policy(settings, "https://example.kz/") == HostPolicy::skip);
  CHECK(host_policy(settings, "https://www.example.kz/") == HostPolicy::skip);
  CHECK(host_policy(settings, "https://news.example.kz/a") == HostPolicy::check);
  CHECK(host_policy(settings, "https://a.news.example.kz/a") == HostPolicy::check);
  CHECK(host_policy(settings, "https://t.me/channel/5") == HostPolicy::check);
}

std::string describe(const LinkUse& use) {
  return std::string(link_owner_name(use.owner)) + " " + use.owner_id + " " + use.field + " " +
         use.where.file + ":" + std::to_string(use.where.line) + ":" +
         std::to_string(use.where.column) + " " + use.url;
}

TEST_CASE("Every external URL of the full fixture is collected with its place", "[links]") {
  Diagnostics diagnostics;
  const Portal portal =
      load_portal(std::filesystem::path(ASHYQ_SOURCE_DIR) / "tests/fixtures/full", diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  std::vector<std::string> uses;
  for (const LinkUse& use : collect_link_uses(portal)) uses.push_back(describe(use));
  const std::string grant = "content/grants/synthetic-2024-full/";
  // Media links as published: youtu.be becomes the watch URL, tracking parameters go. A record's
  // URL is placed at its member, as validation places its findings; a narrative's link at its "[".
  CHECK(uses == std::vector<std::string>{
                    "grant synthetic-2024-full media " + grant +
                        "grant.json:575:7 https://www.youtube.com/watch?v=synthetic01",
                    "grant synthetic-2024-full media " + grant +
                        "grant.json:585:7 https://www.instagram.com/p/synthetic02/",
                    "grant synthetic-2024-full media " + grant +
                        "grant.json:589:7 https://news.synthetic.example/2024/forum",
                    "grant synthetic-2024-full media " + grant +
                        "grant.json:597:7 https://drive.google.com/synthetic-album",
                    "grant synthetic-2024-full media " + grant +
                        "grant.json:601:7 https://t.me/synthetic_live/5",
                    "grant synthetic-2024-full media " + grant +
                        "grant.json:605:7 https://synthetic.example/misc",
                    "grant synthetic-2024-full document " + grant +
                        "grant.json:661:7 https://operator.synthetic.example/docs/syn-001.pdf",
                    "grant synthetic-2024-full narrative " + grant +
                        "report.kk.md:14:12 https://fund.synthetic.example/report",
                    "grant synthetic-2024-full narrative " + grant +
                        "report.ru.md:14:12 https://fund.synthetic.example/report",
                    "organisation synthetic-fund website "
                    "content/organisations/synthetic-fund.json:14:3 "
                    "https://fund.synthetic.example/",
                    "organisation synthetic-fund social "
                    "content/organisations/synthetic-fund.json:17:31 "
                    "https://www.instagram.com/synthetic.fund/",
                    "organisation synthetic-operator website "
                    "content/organisations/synthetic-operator.json:7:3 "
                    "https://operator.synthetic.example/",
                });
}

TEST_CASE("Statuses are classed honestly: only an answer that says so makes a link broken",
          "[links]") {
  CHECK(classify_link("ok") == LinkClass::ok);
  CHECK(classify_link("redirect_ok") == LinkClass::ok);
  CHECK(classify_link("broken") == LinkClass::broken);
  CHECK(classify_link("too_many_redirects") == LinkClass::broken);
  CHECK(classify_link("malformed_url") == LinkClass::broken);
  CHECK(classify_link("timeout") == LinkClass::unreachable);
  CHECK(classify_link("connection_failed") == LinkClass::unreachable);
  CHECK(classify_link("server_error") == LinkClass::unreachable);
  CHECK(classify_link("gone") == std::nullopt);
}

TEST_CASE("UTC timestamps are written and read back exactly", "[links]") {
  const auto when = parse_utc_timestamp("2026-11-23T21:40:19Z");
  REQUIRE(when);
  CHECK(utc_timestamp(*when) == "2026-11-23T21:40:19Z");
  CHECK(std::chrono::duration_cast<std::chrono::seconds>(when->time_since_epoch()).count() ==
        1795470019);
  CHECK_FALSE(parse_utc_timestamp("2026-11-23 21:40:19Z"));
  CHECK_FALSE(parse_utc_timestamp("2026-11-23T21:40:19"));
  CHECK_FALSE(parse_utc_timestamp("2026-02-30T00:00:00Z"));
  CHECK_FALSE(parse_utc_timestamp("2026-11-23T21:40:19+05:00"));
}

LinkCache decode(const std::string& text, std::string* findings) {
  SourceMap source;
  source.file = "link-cache.json";
  source.positions = index_json_positions(text);
  Diagnostics diagnostics;
  JsonDecoder decoder(source, diagnostics);
  LinkCache cache = decode_link_cache(decoder, nlohmann::json::parse(text));
  std::string out;
  for (const Diagnostic& d : diagnostics.sorted()) out += format_diagnostic(d);
  *findings = out;
  return cache;
}

TEST_CASE("The link cache is written sorted by URL and reads back the same", "[links]") {
  LinkCache cache;
  cache.present = true;
  cache.entries["https://b.example/"] = {"broken", 404, "https://b.example/",
                                         "2026-11-23T10:00:00Z", "2026-11-01T09:00:00Z"};
  cache.entries["https://a.example/"] = {"redirect_ok", 200, "https://a.example/new",
                                         "2026-11-23T10:00:01Z", ""};
  const std::string text = link_cache_json(cache);
  CHECK(text ==
        "{\n"
        "  \"links\": [\n"
        "    {\n"
        "      \"url\": \"https://a.example/\",\n"
        "      \"status\": \"redirect_ok\",\n"
        "      \"http_status\": 200,\n"
        "      \"final_url\": \"https://a.example/new\",\n"
        "      \"checked_at\": \"2026-11-23T10:00:01Z\"\n"
        "    },\n"
        "    {\n"
        "      \"url\": \"https://b.example/\",\n"
        "      \"status\": \"broken\",\n"
        "      \"http_status\": 404,\n"
        "      \"final_url\": \"https://b.example/\",\n"
        "      \"checked_at\": \"2026-11-23T10:00:00Z\",\n"
        "      \"broken_since\": \"2026-11-01T09:00:00Z\"\n"
        "    }\n"
        "  ]\n"
        "}\n");
  std::string findings;
  const LinkCache read = decode(text, &findings);
  CHECK(findings == "");
  CHECK(read.present);
  REQUIRE(read.entries.size() == 2);
  const LinkCacheEntry& b = read.entries.at("https://b.example/");
  CHECK(b.status == "broken");
  CHECK(b.http_status == 404);
  CHECK(b.final_url == "https://b.example/");
  CHECK(b.checked_at == "2026-11-23T10:00:00Z");
  CHECK(b.broken_since == "2026-11-01T09:00:00Z");
  CHECK(read.entries.at("https://a.example/").broken_since == "");
  CHECK(link_cache_json(read) == text);
  CHECK(known_broken(read, "https://b.example/") == &b);
  CHECK(known_broken(read, "https://a.example/") == nullptr);
  CHECK(known_broken(read, "https://c.example/") == nullptr);
}

TEST_CASE("A damaged link cache entry is an error at its place", "[links]") {
  std::string findings;
  const LinkCache cache = decode(
      "{\"links\": [\n"
      "  {\"url\": \"https://a.example/\", \"status\": \"gone\", \"checked_at\": "
      "\"2026-11-23T10:00:00Z\"},\n"
      "  {\"url\": \"https://b.example/\", \"status\": \"ok\", \"checked_at\": \"yesterday\"},\n"
      "  {\"url\": \"https://c.example/\", \"status\": \"ok\", \"checked_at\": "
      "\"2026-11-23T10:00:00Z\", \"note\": 1},\n"
      "  {\"url\": \"https://c.example/\", \"status\": \"ok\", \"checked_at\": "
      "\"2026-11-23T10:00:00Z\"}\n"
      "]}\n",
      &findings);
  CHECK(findings ==
        "link-cache.json:2:33: error: /links/0/status: unknown status \"gone\"; expected one of: "
        "ok, redirect_ok, broken, server_error, timeout, connection_failed, too_many_redirects, "
        "malformed_url\n"
        "link-cache.json:3:49: error: /links/1/checked_at: \"yesterday\" is not a UTC time such "
        "as \"2026-11-23T21:40:19Z\"\n"
        "link-cache.json:4:87: error: /links/2/note: unknown field \"note\"; expected one of: url, "
        "status, http_status, final_url, checked_at, broken_since\n"
        "link-cache.json:5:4: error: /links/3/url: \"https://c.example/\" is already listed at "
        "/links/2; each URL has one entry\n");
  CHECK(cache.entries.size() == 1);
}

}  // namespace
}  // namespace ashyq::links
