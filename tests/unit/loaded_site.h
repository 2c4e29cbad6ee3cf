#pragma once
// A portal loaded from a folder (the fixture portal unless told otherwise) with the repository's
// templates and UI strings, for tests that render pages or make their files. Loading must give no
// finding.
#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>

#include "content/loader.h"
#include "i18n/ui_strings.h"
#include "model/portal_index.h"
#include "render/renderer.h"
#include "site/pages.h"

namespace ashyq::testing {

struct LoadedSite {
  explicit LoadedSite(const std::filesystem::path& dir = std::filesystem::path(ASHYQ_SOURCE_DIR) /
                                                         "tests/fixtures/portal")
      : portal(load_portal(dir, diagnostics)) {
    REQUIRE_FALSE(diagnostics.has_errors());
    REQUIRE_FALSE(portal.grants.empty());
  }
  const std::filesystem::path source{ASHYQ_SOURCE_DIR};
  Diagnostics diagnostics;
  const Portal portal;
  const PortalIndex index = build_index(portal);
  const i18n::UiStrings strings =
      i18n::UiStrings::load(source / "templates/i18n", ASHYQ_SOURCE_DIR, diagnostics);
  const std::unique_ptr<render::Renderer> renderer =
      render::Renderer::load(source / "templates", "templates", diagnostics);
  const site::SiteContext site{portal, index, strings, *renderer, portal.config.page_size};
};

}  // namespace ashyq::testing
