#pragma once
// The build pipeline, in named phases: load → validate → views → render → write. A finding says
// which phase it came from through its file (content, templates) and the phase that stopped the
// run.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace ashyq::site {

struct BuildOptions {
  std::filesystem::path site_dir = ".";
  std::filesystem::path out_dir;  // default: <site_dir>/public
  bool write = true;              // false: load and validate only (ashyq check)
  int jobs = 0;                   // render threads; 0 = one per core
};

// How long each phase took, in seconds of wall time; render and write run interleaved on several
// threads, so they are the sum over threads (thread-seconds) and `pages_wall` is the wall time of
// that parallel part.
struct PhaseTimings {
  double load = 0;
  double validate = 0;
  double templates = 0;  // UI strings and Mustache templates
  double views = 0;      // the portal index and the list of pages
  // Thread-seconds in render_page and making and writing the pages' downloads (written a chunk of
  // rows at a time as they are made, so the two are one measurement).
  double render = 0;
  // Thread-seconds writing the pages' HTML, and after them the sitemaps, feeds and assets, into
  // the staging tree.
  double write = 0;
  // Thread-seconds making (or keeping) the open-data files of the whole portal: the bulk files,
  // the 360Giving package and datapackage.json (site/downloads.h, PortalDataFiles). They are made
  // after the pages, side by side with the search index.
  double data = 0;
  std::size_t data_tables = 0, data_tables_kept = 0;  // bulk tables, and those whose files were kept
  double pages_wall = 0;
  // Thread-seconds building and writing the search index and the explorer's data of every language.
  double search = 0;
  double publish = 0;  // the atomic swap and removal of the old tree
  // The process's peak memory (KiB) when each phase had ended; 0 for a phase not reached. Render
  // covers the render threads; search, the index after them.
  enum class Peak { load, validate, templates, views, render, search, publish, count };
  std::array<long, static_cast<int>(Peak::count)> peak_kib{};
  void mark_peak(Peak phase);
};

// What one kind of page cost (PageKind), summed over its pages, like Hugo's --templateMetrics:
// it shows which pages make the build slow and whether a kind grows faster than the site.
struct PageKindCost {
  std::string kind;          // "grant", "facet_value", …
  std::int64_t pages = 0;    // pages of this kind, all languages
  std::int64_t kept = 0;     // of which kept as the previous build made them (same inputs)
  double render = 0;         // thread-seconds in render_page
  double downloads = 0;      // thread-seconds making and writing its pages' CSV/JSON files
  std::int64_t bytes = 0;    // HTML and download bytes made
  double slowest = 0;        // seconds of the slowest page, render and downloads
  std::string slowest_page;  // its output path; empty when every page was kept
};

struct BuildResult {
  bool ok = false;
  std::string failed_phase;  // "load", "validate", "templates", "render", "write"; empty when ok
  bool up_to_date = false;   // the inputs had not changed since the last build: nothing was done
  std::int64_t pages = 0;
  // Of which kept as the previous build made them, with their download files: their inputs had
  // not changed (site/page_inputs.h).
  std::int64_t pages_kept = 0;
  std::int64_t files = 0;          // files in the output
  std::int64_t bytes = 0;          // their total size
  std::int64_t files_written = 0;  // files whose bytes changed, written by this build
  std::int64_t files_removed = 0;  // files of the previous output no longer produced
  std::int64_t grants = 0;
  PhaseTimings timings;                  // phases not reached stay 0
  std::vector<PageKindCost> page_costs;  // every kind that has pages, costliest first
};

// Runs the pipeline. Content and template problems go into `diagnostics`; an I/O failure while
// writing is reported there too (file "public"). Nothing is published unless every phase succeeds.
BuildResult build(const BuildOptions& options, Diagnostics& diagnostics);

}  // namespace ashyq::site
