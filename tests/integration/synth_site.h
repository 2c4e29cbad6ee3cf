#pragma once
// ashyq-synth's portal (bench/synth: SYNTHETIC, every name and number invented) built by the real
// binary, for the tests of how pages behave as the portal grows.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "../unit/temp_folder.h"

namespace ashyq::integration {

// ashyq-synth's site of `grants` grants with the repository's templates and assets, `page_size`
// rows a list page, generated into folder/site and built into folder/site/public, which it
// returns.
inline std::filesystem::path build_synth_site(const testing::TempFolder& folder, int grants,
                                              int seed, int page_size) {
  namespace fs = std::filesystem;
  const fs::path site = folder / "site";
  const std::string synth = std::string(ASHYQ_SYNTH) + " --grants " + std::to_string(grants) +
                            " --seed " + std::to_string(seed) + " --out " + site.string() +
                            " >/dev/null";
  REQUIRE(std::system(synth.c_str()) == 0);
  std::string config = testing::read_bytes(site / "site.toml");
  const std::size_t at = config.find("page_size = 50\n");
  REQUIRE(at != std::string::npos);
  config.replace(at, 14, "page_size = " + std::to_string(page_size));
  std::ofstream(site / "site.toml", std::ios::binary | std::ios::trunc) << config;
  fs::copy(fs::path(ASHYQ_SOURCE_DIR) / "templates", site / "templates",
           fs::copy_options::recursive);
  fs::copy(fs::path(ASHYQ_SOURCE_DIR) / "assets", site / "assets", fs::copy_options::recursive);
  const std::string build = std::string(ASHYQ_BINARY) + " build --site " + site.string() +
                            " >/dev/null 2>" + (folder / "err.txt").string();
  REQUIRE(std::system(build.c_str()) == 0);
  return site / "public";
}

}  // namespace ashyq::integration
