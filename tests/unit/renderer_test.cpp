#include <catch2/catch.hpp>

#include <memory>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "json_view.h"
#include "render/renderer.h"
#include "status_check.h"
#include "temp_folder.h"

namespace ashyq::render {
namespace {

using nlohmann::json;

// Findings of loading, without quoted lines (template findings are about the whole file).
std::string findings(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.sorted()) out += format_diagnostic(d);
  return out;
}

TEST_CASE("Templates are loaded from a folder and rendered with their partials") {
  testing::TempFolder templates("renderer");
  templates.write("page.mustache", "<h1>{{title}}</h1>{{> _footer}}{{#footer}}[{{.}}]{{/footer}}");
  templates.write("_footer.mustache", "<footer>{{site.name}}</footer>");
  templates.write("notes.txt", "not a template {{");
  Diagnostics diagnostics;
  auto renderer = Renderer::load(templates.root(), "templates", diagnostics);

  CHECK(findings(diagnostics) == "");
  CHECK(renderer->has("page"));
  CHECK_FALSE(renderer->has("_footer"));  // partials are not pages
  CHECK_FALSE(renderer->has("footer"));
  CHECK_FALSE(renderer->has("notes"));
  // A view value named like a partial (without the underscore) is not shadowed by it.
  CHECK(renderer
            ->render("page", testing::json_view({{"title", "Ашық гранттар"},
                                                 {"site", {{"name", "Ашық"}}},
                                                 {"footer", {"a", "b"}}}))
            .value() == "<h1>Ашық гранттар</h1><footer>Ашық</footer>[a][b]");
}

TEST_CASE("A template's fingerprint follows its text and its partials', no other template's") {
  testing::TempFolder templates("renderer-fingerprint");
  templates.write("grant.mustache", "<h1>{{title}}</h1>{{> _table}}");
  templates.write("catalogue.mustache", "<ul>{{#rows}}<li>{{.}}</li>{{/rows}}</ul>");
  templates.write("_table.mustache", "<table></table>");
  auto load = [&] {
    Diagnostics diagnostics;
    auto renderer = Renderer::load(templates.root(), "templates", diagnostics);
    CHECK(findings(diagnostics) == "");
    return renderer;
  };
  const auto first = load();
  CHECK(first->fingerprint("grant") != 0);
  CHECK(first->fingerprint("grant") != first->fingerprint("catalogue"));
  CHECK(first->fingerprint("_table") == 0);  // a partial is no page's template
  CHECK(first->fingerprint("unknown") == 0);
  CHECK(load()->fingerprint("grant") == first->fingerprint("grant"));  // stable
  templates.write("_table.mustache", "<table class=\"x\"></table>");
  const auto partial_edited = load();
  CHECK(partial_edited->fingerprint("grant") != first->fingerprint("grant"));
  CHECK(partial_edited->fingerprint("catalogue") == first->fingerprint("catalogue"));
  templates.write("catalogue.mustache", "<ol>{{#rows}}<li>{{.}}</li>{{/rows}}</ol>");
  const auto own_edited = load();
  CHECK(own_edited->fingerprint("catalogue") != first->fingerprint("catalogue"));
  CHECK(own_edited->fingerprint("grant") == partial_edited->fingerprint("grant"));
}

TEST_CASE("Every value is HTML-escaped, so text from content cannot inject a script") {
  testing::TempFolder templates("renderer");
  templates.write("page.mustache", "<p title=\"{{title}}\">{{title}}</p>{{{html}}}");
  templates.write("_quote.mustache", "<q>{{title}}</q>");
  templates.write("quoted.mustache", "{{> _quote}}");
  Diagnostics diagnostics;
  auto renderer = Renderer::load(templates.root(), "templates", diagnostics);
  REQUIRE(findings(diagnostics) == "");

  const json view = {{"title", "<script>alert('x')</script> & \"q\""}, {"html", "<em>ok</em>"}};
  CHECK(renderer->render("page", testing::json_view(view)).value() ==
        "<p title=\"&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot;\">"
        "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot;</p><em>ok</em>");
  // Partials escape the same way.
  CHECK(renderer->render("quoted", testing::json_view(view)).value() ==
        "<q>&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot;</q>");
}

TEST_CASE("Views turn into Mustache data: lists repeat, null and false hide, numbers print") {
  testing::TempFolder templates("renderer");
  templates.write("list.mustache",
                  "{{#items}}[{{name}}:{{count}}]{{/items}}"
                  "{{#missing}}hidden{{/missing}}{{^missing}}no value{{/missing}}"
                  "{{#flag}}flag{{/flag}}{{#section}}{{inner}}{{/section}}");
  Diagnostics diagnostics;
  auto renderer = Renderer::load(templates.root(), "templates", diagnostics);
  REQUIRE(findings(diagnostics) == "");
  const json view = {{"items", {{{"name", "a"}, {"count", 1}}, {{"name", "b"}, {"count", 2.5}}}},
                     {"missing", nullptr},
                     {"flag", false},
                     {"section", {{"inner", "in"}}}};
  CHECK(renderer->render("list", testing::json_view(view)).value() == "[a:1][b:2.5]no valuein");
}

TEST_CASE("An empty string hides its section and every list comes with a has_ flag") {
  testing::TempFolder templates("renderer");
  templates.write(
      "page.mustache",
      "{{#website}}<a href=\"{{website}}\">site</a>{{/website}}{{^website}}none{{/website}}"
      "|{{#has_items}}<ul>{{#items}}<li>{{.}}</li>{{/items}}</ul>{{/has_items}}"
      "{{^has_empty}}no items{{/has_empty}}");
  Diagnostics diagnostics;
  auto renderer = Renderer::load(templates.root(), "templates", diagnostics);
  REQUIRE(findings(diagnostics) == "");
  const json view = {{"website", ""}, {"items", {"x", "y"}}, {"empty", json::array()}};
  CHECK(renderer->render("page", testing::json_view(view)).value() ==
        "none|<ul><li>x</li><li>y</li></ul>no items");
}

TEST_CASE("An invalid template is reported with its file name and the others still load") {
  testing::TempFolder templates("renderer");
  templates.write("good.mustache", "ok");
  templates.write("bad.mustache", "<ul>{{#items}}<li>{{name}}</li></ul>");
  templates.write("_broken.mustache", "{{/closed}}");
  Diagnostics diagnostics;
  auto renderer = Renderer::load(templates.root(), "templates", diagnostics);
  CHECK(findings(diagnostics) ==
        "templates/_broken.mustache: error: invalid Mustache template: Unopened section \"closed\" "
        "at 0\n"
        "templates/bad.mustache: error: invalid Mustache template: Unclosed section \"items\" at "
        "4\n");
  CHECK(renderer->has("good"));
  CHECK_FALSE(renderer->has("bad"));
  CHECK(renderer->render("good", testing::json_view(json::object())).value() == "ok");
}

TEST_CASE("Rendering an unknown template fails with a template error naming it") {
  testing::TempFolder templates("renderer");
  Diagnostics diagnostics;
  auto renderer = Renderer::load(templates.root(), "templates", diagnostics);
  CHECK(findings(diagnostics) == "");
  const Result<std::string> unknown = renderer->render("grant", testing::json_view(json::object()));
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status() == Status::template_error("grant", "unknown template \"grant\""));
}

TEST_CASE("A missing templates folder is reported") {
  testing::TempFolder site("renderer");
  Diagnostics diagnostics;
  auto renderer = Renderer::load(site / "templates", "templates", diagnostics);
  CHECK(findings(diagnostics) ==
        "templates: error: cannot read the templates folder: No such file or directory\n");
  CHECK_FALSE(renderer->has("base"));
}

}  // namespace
}  // namespace ashyq::render
