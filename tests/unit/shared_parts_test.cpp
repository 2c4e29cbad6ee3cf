#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "content/loader.h"
#include "i18n/format.h"
#include "i18n/ui_strings.h"
#include "json_view.h"
#include "loaded_site.h"
#include "model/portal_index.h"
#include "output/output_writer.h"
#include "render/renderer.h"
#include "site/downloads.h"
#include "site/pages.h"
#include "status_check.h"
#include "temp_folder.h"

// What the build makes once and shares between pages (the UI strings converted for the renderer,
// the registry's summary, the download boxes counted without building tables, per-thread date
// formatters) must give the bytes that making them per page gives.
namespace ashyq::site {
namespace {

using nlohmann::json;

TEST_CASE("A template gets only the UI strings it names, and a view's own names win") {
  testing::TempFolder templates("strings");
  templates.write("_part.mustache", "{{t.part}}");
  templates.write(
      "page.mustache",
      "{{t.hello}} {{name}}{{#items}} [{{label}} {{t.hello}} {{name}}]{{/items}}"
      "{{> _part}}|{{t.status.active}}|{{#t.other}}{{t.other}}{{/t.other}}|{{t.unused}}");
  templates.write("bare.mustache", "[{{t.hello}}][{{t.part}}]");
  Diagnostics diagnostics;
  const auto renderer = render::Renderer::load(templates.root(), "templates", diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  CHECK(renderer->strings_used("page") ==
        std::vector<std::string>{"hello", "other", "part", "status.active", "unused"});
  CHECK(renderer->strings_used("bare") == std::vector<std::string>{"hello", "part"});
  CHECK(renderer->strings_used("no such template").empty());
  const std::map<std::string, std::string> strings = {{"hello", "Сәлем"},
                                                      {"part", "бөлік"},
                                                      {"status.active", "жүріп жатыр"},
                                                      {"status.completed", "аяқталды"},
                                                      {"other", "басқа"},
                                                      {"never.named", "жоқ"}};
  const render::PreparedStrings prepared = renderer->prepare_strings(strings);
  const json view = {{"name", "page"},
                     {"items", json::array({{{"label", "a"}}, {{"label", "b"}, {"name", "own"}}})}};
  CHECK(renderer->render("page", testing::json_view(view), &prepared).value() ==
        "Сәлем page [a Сәлем page] [b Сәлем own]бөлік|жүріп жатыр|басқа|");
  CHECK(renderer->render("page", testing::json_view(view)).value() ==
        " page [a  page] [b  own]|||");
  // A view's own names win; a name it lacks comes from the prepared strings.
  json own = view;
  own["t"] = {{"hello", "own"}};
  CHECK(renderer->render("bare", testing::json_view(own), &prepared).value() == "[own][бөлік]");
  CHECK(renderer->render("bare", testing::json_view(json::object()), &prepared).value() ==
        "[Сәлем][бөлік]");
}

TEST_CASE("A prefix names every UI string under it, nested at the dots") {
  testing::TempFolder templates("prefix");
  templates.write("page.mustache", "{{#t.grant}}{{title}}/{{budget.total}}{{/t.grant}}");
  Diagnostics diagnostics;
  const auto renderer = render::Renderer::load(templates.root(), "templates", diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  const render::PreparedStrings prepared = renderer->prepare_strings(
      {{"grant.title", "Грант"}, {"grant.budget.total", "Барлығы"}, {"grants", "Гранттар"}});
  CHECK(renderer->render("page", testing::json_view(json::object()), &prepared).value() ==
        "Грант/Барлығы");
}

using FixtureSite = testing::LoadedSite;

TEST_CASE("Every page renders the same bytes with the shared parts as without them") {
  FixtureSite fixture;
  REQUIRE_FALSE(fixture.diagnostics.has_errors());
  const SiteContext alone = fixture.site;
  SiteContext shared_site = fixture.site;
  const SharedParts shared = prepare_shared_parts(alone).value();
  shared_site.shared = &shared;
  const std::vector<PageKey> pages = list_pages(alone);
  REQUIRE(pages.size() > 50);
  std::size_t registry_pages = 0;
  for (const PageKey& key : pages) {
    INFO(page_path(alone, key));
    if (key.kind() == PageKind::subgrants) ++registry_pages;
    CHECK(render_page(shared_site, key).value() == render_page(alone, key).value());
  }
  CHECK(registry_pages >= 2);  // both languages' registry, whose summary is shared
}

TEST_CASE("The registry's first page lists only the inconsistent programmes, page_size of them") {
  FixtureSite fixture;
  // The fixture's programmes all reconcile (validation refuses an inconsistent one as an error);
  // two are made inconsistent in memory here: one sub-grant more than planned, and a sum above
  // the envelope.
  Portal portal = fixture.portal;
  std::vector<std::string> broken;
  for (Grant& g : portal.grants) {
    if (!g.subgrants.present || g.subgrants.awarded.empty()) continue;
    if (broken.empty())
      g.subgrants.planned_count = static_cast<std::int64_t>(g.subgrants.awarded.size()) - 1;
    else
      g.subgrants.envelope = Tenge(1);
    broken.push_back(g.id);
  }
  REQUIRE(broken.size() == 2);
  const PortalIndex index = build_index(portal);
  CHECK(index.inconsistent_programmes.size() == 2);
  for (std::size_t page_size : {1, 50}) {
    INFO("page size " << page_size);
    const SiteContext site{portal, index, fixture.strings, *fixture.renderer, page_size};
    const views::ViewContext ctx{portal, fixture.strings, Lang::ru};
    const render::PreparedStrings ui =
        fixture.renderer->prepare_strings(fixture.strings.all(Lang::ru));
    const std::string html = registry_summary(site, ctx, ui).value();
    CHECK(html.find("Программ малых грантов: 2. Цифры сходятся с планом: 0; малые гранты ещё не "
                    "сообщены или грант ещё не выделен: 0; цифры не сходятся: 2. <small>(вычислено "
                    "порталом: число программ, цифры каждой сверены с её планом)</small>") !=
          std::string::npos);
    std::size_t rows = 0;
    for (std::size_t at = html.find("/subgrants/programme/"); at != std::string::npos;
         at = html.find("/subgrants/programme/", at + 1))
      ++rows;
    CHECK(rows == std::min<std::size_t>(page_size, 2));
    CHECK(html.find("/ru/subgrants/programme/" + broken[0] + "/") != std::string::npos);
    CHECK((html.find("/ru/subgrants/programme/" + broken[1] + "/") != std::string::npos) ==
          (page_size > 1));
    // Cut, the table says how many it shows of how many; the full table is a download.
    CHECK((html.find("<p>Показаны 1–1 / 2.</p>") != std::string::npos) == (page_size == 1));
    CHECK(html.find("<strong class=\"outcome outcome-inconsistent\">") != std::string::npos);
    CHECK(html.find("<a href=\"/data/programmes.csv\">CSV</a>") != std::string::npos);
  }
}

TEST_CASE("A page's download box counts the rows its files have, without building them") {
  FixtureSite fixture;
  REQUIRE_FALSE(fixture.diagnostics.has_errors());
  const SiteContext site = fixture.site;
  std::size_t with_downloads = 0;
  for (const PageKey& key : list_pages(site)) {
    const views::ViewContext ctx{fixture.portal, fixture.strings, key.lang};
    const json box = page_downloads_view(site, ctx, key);
    INFO(page_path(site, key));
    CHECK(box == json(downloads_view(ctx, page_downloads(site, key))));
    if (!box.empty()) ++with_downloads;
  }
  CHECK(with_downloads > 20);
}

TEST_CASE("A page's downloads are made once, the same files for every language's page") {
  FixtureSite fixture;
  REQUIRE_FALSE(fixture.diagnostics.has_errors());
  const SiteContext site = fixture.site;
  testing::TempFolder out("downloads");
  std::map<std::string, std::string> expected;
  {
    const auto writer = testing::open_writer(out / "public");
    for (const PageKey& key : list_pages(site)) {
      if (key.lang != Lang::kk || key.page != 1) continue;
      PageKey ru = key;
      ru.lang = Lang::ru;
      INFO(page_path(site, key));
      const auto flavour = opendata::CsvFlavour::spreadsheet;  // a page's files
      const auto files = download_files(page_downloads(site, key), flavour);
      CHECK(download_files(page_downloads(site, ru), flavour) == files);
      std::int64_t bytes = 0;
      for (const auto& [path, content] : files) {
        CHECK(path.starts_with("downloads/"));
        CHECK(expected.emplace(path, content).second);  // no page's file is another page's
        bytes += static_cast<std::int64_t>(content.size());
      }
      CHECK(write_page_downloads(site, key, *writer).value() == bytes);
    }
    CHECK(writer->publish() == Status());
    CHECK(writer->files() == static_cast<std::int64_t>(expected.size()));
  }
  CHECK(expected.size() > 20);
  CHECK(testing::snapshot(out / "public") == expected);
}

TEST_CASE("Dates format the same on every call of a thread, of every precision and language") {
  const PartialDate day{2024, 11, 20}, month{2024, 11, 0}, year{2024, 0, 0};
  for (Lang lang : kAllLangs) {
    const std::string first[] = {i18n::format_date(day, lang), i18n::format_date(month, lang),
                                 i18n::format_date(year, lang)};
    for (int i = 0; i < 3; ++i) {
      CHECK(i18n::format_date(year, lang) == first[2]);
      CHECK(i18n::format_date(day, lang) == first[0]);
      CHECK(i18n::format_date(month, lang) == first[1]);
    }
  }
  CHECK(i18n::format_date(PartialDate{2024, 11, 20}, Lang::ru) == "20 ноября 2024\u202Fг.");
  const DateRange range{PartialDate{2024, 4, 0}, PartialDate{2024, 11, 0}};
  CHECK(i18n::format_range(range, Lang::ru) == i18n::format_range(range, Lang::ru));
}

}  // namespace
}  // namespace ashyq::site
