// libFuzzer target: a grant.json as the loader reads it from disk, then validation, as
// `ashyq check` runs them. The input is written into a minimal site (site.toml, regions,
// directions, one organisation: FUZZ_SITE, made by tests/fuzz/run.sh from tests/fixtures/full)
// as content/grants/fuzz/grant.json. Synthetic input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "content/loader.h"
#include "core/diagnostics.h"
#include "routes/routes.h"
#include "validate/validator.h"

namespace {

std::filesystem::path site() {
  static const std::filesystem::path dir = [] {
    const char* env = std::getenv("FUZZ_SITE");
    if (!env) {
      std::fprintf(stderr, "FUZZ_SITE must name a site folder (tests/fuzz/run.sh makes one)\n");
      std::abort();
    }
    return std::filesystem::path(env);
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::filesystem::path file = site() / "content/grants/fuzz/grant.json";
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  ashyq::Diagnostics diagnostics;
  const ashyq::Portal portal = ashyq::load_portal(site(), diagnostics);
  ashyq::validate_portal(portal, ashyq::routes::reserved_names(), diagnostics);
  (void)ashyq::format_all(diagnostics, site().string());
  return 0;
}
