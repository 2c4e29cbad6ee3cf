#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "core/content_hash.h"
#include "site/inputs.h"
#include "temp_folder.h"

namespace ashyq {
namespace {

namespace fs = std::filesystem;

TEST_CASE("content_hash is stable across runs and builds, and sees every byte and the length") {
  // Fixed values: manifests written by one build of the generator must be read by the next.
  CHECK(content_hash("") == 0x28302b7acae55218ULL);
  CHECK(content_hash("Ashyq") == 0xa0a9d1a1e27ae598ULL);
  const std::string page(1000, 'x');
  std::string other = page;
  other[517] = 'y';
  CHECK(content_hash(page) != content_hash(other));
  CHECK(content_hash(std::string_view("a")) != content_hash(std::string_view("a\0", 2)));
  CHECK(content_hash("ab") != content_hash("ba"));
}

TEST_CASE("The input fingerprint changes with every input and only with inputs") {
  testing::TempFolder site("inputs");
  site.write("site.toml", "languages = [\"kk\", \"ru\"]\n");
  site.write("content/grants/g/grant.json", "{}");
  site.write("templates/base.mustache", "{{title}}");
  site.write("assets/style.css", "body{}");
  const std::string first = site::input_fingerprint(site.root());
  CHECK(first.size() == 16);
  CHECK(site::input_fingerprint(site.root()) == first);

  // Not inputs: the output, its manifest, anything else in the folder.
  site.write("public/index.html", "x");
  site.write("public.manifest", "x");
  site.write("notes.txt", "x");
  CHECK(site::input_fingerprint(site.root()) == first);

  std::string previous = first;
  auto changes = [&](const std::string& what) {
    INFO(what);
    const std::string now = site::input_fingerprint(site.root());
    CHECK(now != previous);
    previous = now;
  };
  site.write("content/grants/g/grant.json", "{ }");
  changes("a record's bytes (and size)");
  site.write("content/grants/h/grant.json", "{}");
  changes("a new record");
  fs::remove(site / "content/grants/h/grant.json");
  changes("a removed record");
  site.write("templates/base.mustache", "{{TITLE}}");  // same size: the mtime tells
  fs::last_write_time(site / "templates/base.mustache",
                      fs::last_write_time(site / "templates/base.mustache") + std::chrono::seconds(1));
  changes("a template edited to the same size");
  site.write("assets/app.js", "");
  changes("a new asset");
  site.write("link-cache.json", "{}");
  changes("the link cache");
  site.write("site.toml", "languages = [\"ru\", \"kk\"]\n");
  changes("site.toml");
}

// A page's key covers the text of its own templates (render::Renderer::fingerprint), so the
// templates are not among the inputs every page shares; their UI strings are.
TEST_CASE("Templates change the whole fingerprint, not the shared one; UI strings change both") {
  testing::TempFolder site("inputs-templates");
  site.write("site.toml", "languages = [\"kk\", \"ru\"]\n");
  site.write("templates/grant.mustache", "{{title}}");
  site.write("templates/i18n/kk.toml", "a = \"ә\"\n");
  const site::InputFingerprints first = site::input_fingerprints(site.root());
  auto touch = [&](const std::string& file, const std::string& text) {
    site.write(file, text);
    fs::last_write_time(site / file, fs::last_write_time(site / file) + std::chrono::seconds(2));
  };
  touch("templates/grant.mustache", "{{TITLE}}");
  const site::InputFingerprints edited = site::input_fingerprints(site.root());
  CHECK(edited.whole != first.whole);
  CHECK(edited.shared == first.shared);
  touch("templates/_new_partial.mustache", "x");
  CHECK(site::input_fingerprints(site.root()).shared == first.shared);
  touch("templates/i18n/kk.toml", "a = \"б\"\n");
  const site::InputFingerprints strings = site::input_fingerprints(site.root());
  CHECK(strings.shared != first.shared);
  CHECK(strings.whole != edited.whole);
}

}  // namespace
}  // namespace ashyq
