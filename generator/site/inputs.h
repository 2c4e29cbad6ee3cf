#pragma once
// The inputs of a build, as one fingerprint: the site's configuration, content, templates, assets
// and link cache (every file a build reads lives under one of kInputRoots), and the generator
// binary itself. Made from paths, sizes and modification times, like make and ninja, so it costs a
// stat per file. Two builds with the same fingerprint produce the same output; the output manifest
// records it so that an unchanged site is not built again.
#include <filesystem>
#include <string>
#include <string_view>

namespace ashyq::site {

// Files and folders of the site directory that a build reads. A new kind of input must be added
// here, or a change to it would not trigger a rebuild.
inline constexpr std::string_view kInputRoots[] = {"site.toml", "content", "templates", "assets",
                                                   "link-cache.json"};

// 16 hex digits. Throws nothing: unreadable entries simply count as absent.
std::string input_fingerprint(const std::filesystem::path& site_dir);

}  // namespace ashyq::site
