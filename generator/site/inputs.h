#pragma once
// The inputs of a build, as fingerprints: the site's configuration, content, templates, assets and
// link cache (every file a build reads lives under one of kInputRoots), and the generator binary
// itself. Made from paths, sizes and modification times, like make and ninja, so it costs a stat
// per file.
//
// One fingerprint covers everything: two builds with the same one produce the same output, and the
// output manifest records it so that an unchanged site is not built again. The same walk also
// fingerprints each record's own files apart (a grant's folder, an organisation's file), so that
// a page made from a few records can tell whether they changed (site/page_inputs.h).
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ashyq::site {

// Files and folders of the site directory that a build reads. A new kind of input must be added
// here, or a change to it would not trigger a rebuild.
inline constexpr std::string_view kInputRoots[] = {"site.toml", "content", "templates", "assets",
                                                   "link-cache.json"};

struct InputFingerprints {
  std::string whole;  // 16 hex digits: every input
  // Every input that is not one record's own file nor a template (templates/<name>.mustache: a
  // page depends on the text of its own templates, render::Renderer::fingerprint): the generator,
  // site.toml, UI strings, assets, link cache, regions, directions, plans and pages. A page may
  // depend on any of them.
  std::uint64_t shared = 0;
  // The generator binary alone (its size and modification time): what the open-data files depend
  // on besides their rows (site/downloads.h, bulk_table_key). 0 when not fingerprinted.
  std::uint64_t generator = 0;
  // The files of content/grants/<folder>/ (record, narratives, sub-grants), by folder.
  std::unordered_map<std::string, std::uint64_t> grants;
  // content/organisations/<id>.json, by the file's stem.
  std::unordered_map<std::string, std::uint64_t> organisations;
};

// Throws nothing: unreadable entries simply count as absent.
InputFingerprints input_fingerprints(const std::filesystem::path& site_dir);
// input_fingerprints(site_dir).whole.
std::string input_fingerprint(const std::filesystem::path& site_dir);

}  // namespace ashyq::site
