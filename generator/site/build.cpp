#include "site/build.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "config/site_config.h"
#include "content/loader.h"
#include "core/memory.h"
#include "core/status.h"
#include "explore/explore_data.h"
#include "i18n/ui_strings.h"
#include "output/output_writer.h"
#include "render/renderer.h"
#include "search/index_writer.h"
#include "search/search_documents.h"
#include "site/discovery.h"
#include "site/downloads.h"
#include "site/inputs.h"
#include "site/page_inputs.h"
#include "site/pages.h"
#include "validate/validator.h"

namespace ashyq::site {
namespace fs = std::filesystem;

void PhaseTimings::mark_peak(Peak phase) { peak_kib[static_cast<int>(phase)] = peak_rss_kib(); }

namespace {

Status copy_assets(const fs::path& assets_dir, output::OutputWriter& writer) {
  std::error_code ec;
  if (!fs::is_directory(assets_dir, ec)) return Status();
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(assets_dir, ec))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files)
    if (Status s = writer.copy(
            file, routes::asset_path(file.lexically_relative(assets_dir).generic_string()));
        !s.ok())
      return s;
  return Status();
}

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Sums thread time of one phase across render threads, in nanoseconds; returns the time added.
std::int64_t add_elapsed(std::atomic<std::int64_t>& total, Clock::time_point start) {
  const std::int64_t ns =
      std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count();
  total += ns;
  return ns;
}

// One render thread's costs per PageKind, merged after the threads join (no shared counters).
struct KindTally {
  std::int64_t pages = 0, kept = 0, bytes = 0, render_ns = 0, downloads_ns = 0, slowest_ns = 0;
  std::size_t slowest = 0;  // index into the page list
};
using KindTallies = std::array<KindTally, routes::kPageKindCount>;

std::vector<PageKindCost> page_costs(const SiteContext& site, const std::vector<PageKey>& pages,
                                     const std::vector<KindTallies>& per_thread) {
  std::vector<PageKindCost> costs;
  for (std::size_t k = 0; k < routes::kPageKindCount; ++k) {
    KindTally sum;
    for (const KindTallies& tallies : per_thread) {
      const KindTally& t = tallies[k];
      sum.pages += t.pages;
      sum.kept += t.kept;
      sum.bytes += t.bytes;
      sum.render_ns += t.render_ns;
      sum.downloads_ns += t.downloads_ns;
      if (t.pages > 0 && (sum.slowest_ns == 0 || t.slowest_ns > sum.slowest_ns)) {
        sum.slowest_ns = t.slowest_ns;
        sum.slowest = t.slowest;
      }
    }
    if (sum.pages == 0) continue;
    costs.push_back({std::string(routes::page_kind_name(static_cast<PageKind>(k))), sum.pages,
                     sum.kept, static_cast<double>(sum.render_ns) / 1e9,
                     static_cast<double>(sum.downloads_ns) / 1e9, sum.bytes,
                     static_cast<double>(sum.slowest_ns) / 1e9,
                     sum.slowest_ns > 0 ? page_path(site, pages[sum.slowest]) : std::string()});
  }
  std::stable_sort(costs.begin(), costs.end(), [](const PageKindCost& a, const PageKindCost& b) {
    return a.render + a.downloads > b.render + b.downloads;
  });
  return costs;
}

}  // namespace

BuildResult build(const BuildOptions& options, Diagnostics& diagnostics) {
  BuildResult result;
  const fs::path site_dir = options.site_dir;
  const fs::path out_dir = options.out_dir.empty() ? site_dir / "public" : options.out_dir;

  // Taken before anything is read, so a file edited during the build makes the next one rebuild.
  const InputFingerprints fingerprints =
      options.write ? input_fingerprints(site_dir) : InputFingerprints();
  const std::string& inputs = fingerprints.whole;
  if (options.write && output::OutputWriter::up_to_date(out_dir, inputs)) {
    result.ok = true;
    result.up_to_date = true;
    return result;
  }
  PhaseTimings& timings = result.timings;

  auto phase_start = Clock::now();
  LoadFailures load_failures;
  Portal portal = load_portal(site_dir, diagnostics, &load_failures,
                              static_cast<unsigned>(std::max(0, options.jobs)));
  report_missing_data_licence(site_dir / "site.toml", "site.toml", diagnostics);
  const bool load_failed = diagnostics.has_errors();
  timings.load = seconds_since(phase_start);
  timings.mark_peak(PhaseTimings::Peak::load);
  phase_start = Clock::now();
  // After a load with errors too, on the records that loaded, so that one run reports every
  // finding; the run then fails in the phase of its first errors.
  validate_portal(portal, routes::reserved_names(), diagnostics, load_failures);
  if (load_failed) {
    result.failed_phase = "load";
    return result;
  }
  if (diagnostics.has_errors()) {
    result.failed_phase = "validate";
    return result;
  }
  timings.validate = seconds_since(phase_start);
  timings.mark_peak(PhaseTimings::Peak::validate);
  result.grants = static_cast<std::int64_t>(portal.grants.size());

  phase_start = Clock::now();
  const fs::path templates = site_dir / "templates";
  i18n::UiStrings strings = i18n::UiStrings::load(templates / "i18n", site_dir, diagnostics);
  auto renderer = render::Renderer::load(templates, "templates", diagnostics);
  // Every page kind's template (routes' table), the layout, and the part the registry renders on
  // its own.
  std::vector<std::string> required = {"base", "subgrants_summary"};
  for (const routes::PageKindInfo& kind : routes::kPageKinds)
    if (std::find(required.begin(), required.end(), kind.template_name) == required.end())
      required.emplace_back(kind.template_name);
  for (const std::string& name : required)
    if (!renderer->has(name))
      diagnostics.error({"templates/" + name + ".mustache", 0, 0}, "",
                        "missing template; every site needs it");
  if (diagnostics.has_errors()) {
    result.failed_phase = "templates";
    return result;
  }
  timings.templates = seconds_since(phase_start);
  timings.mark_peak(PhaseTimings::Peak::templates);
  if (!options.write) {
    result.ok = true;
    return result;
  }
  phase_start = Clock::now();
  const PortalIndex index = build_index(portal);
  SiteContext site{portal, index, strings, *renderer, portal.config.page_size};
  const PageInputsBase inputs_base = page_inputs_base(portal, index, fingerprints);

  // A failure to write (or to render a part shared by pages) ends the build in the "write" phase,
  // reported at the output folder; the previous output is then untouched.
  auto write_failed = [&](const Status& status) {
    diagnostics.error({out_dir.string(), 0, 0}, "", status.message());
    result.failed_phase = "write";
    return result;
  };
  Result<std::unique_ptr<output::OutputWriter>> opened =
      output::OutputWriter::open(out_dir, inputs);
  if (!opened.ok()) return write_failed(opened.status());
  output::OutputWriter& writer = **opened;
  const std::vector<PageKey> pages = list_pages(site);
  Result<SharedParts> shared = prepare_shared_parts(site);
  if (!shared.ok()) return write_failed(shared.status());
  site.shared = &*shared;
  timings.views = seconds_since(phase_start);
  timings.mark_peak(PhaseTimings::Peak::views);
  phase_start = Clock::now();

  // Pages are independent, so they render on all cores; the first error stops the others.
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::string failure;
  std::mutex failure_mutex;
  std::atomic<std::int64_t> render_ns{0}, write_ns{0};
  const unsigned jobs = options.jobs > 0 ? static_cast<unsigned>(options.jobs)
                                         : std::max(1u, std::thread::hardware_concurrency());
  std::vector<KindTallies> tallies(jobs);
  // One page: its HTML, and for the first page of a list in the first language its download files
  // (see below); or, when the previous build made them from the same inputs, those files as they
  // are.
  auto render_one = [&](std::size_t i, KindTally& kind) -> Status {
    auto start = Clock::now();
    const std::string path = page_path(site, pages[i]);
    const bool downloads = writes_downloads(site, pages[i]);
    const std::uint64_t key = page_inputs(site, inputs_base, pages[i]);
    if (key != 0 &&
        writer.keep(path, key,
                    downloads ? routes::download_base(portal, index, pages[i], "") : "")) {
      ++kind.pages;
      ++kind.kept;
      return Status();
    }
    Result<std::string> html = render_page(site, pages[i]);
    if (!html.ok()) return html.status();
    std::int64_t page_ns = add_elapsed(render_ns, start);
    kind.render_ns += page_ns;
    kind.bytes += static_cast<std::int64_t>(html->size());
    start = Clock::now();
    if (Status s = writer.write(path, *html, key); !s.ok()) return s;
    add_elapsed(write_ns, start);
    // The list's files (writes_downloads), a chunk of rows at a time: making and writing them are
    // one step, timed as downloads (and as render thread time), not as writes, which are the
    // pages' HTML.
    if (downloads) {
      start = Clock::now();
      Result<std::int64_t> bytes = write_page_downloads(site, pages[i], writer);
      if (!bytes.ok()) return bytes.status();
      kind.bytes += *bytes;
      const std::int64_t downloads_ns = add_elapsed(render_ns, start);
      kind.downloads_ns += downloads_ns;
      page_ns += downloads_ns;
    }
    ++kind.pages;
    if (page_ns > kind.slowest_ns) {
      kind.slowest_ns = page_ns;
      kind.slowest = i;
    }
    return Status();
  };
  auto worker = [&](unsigned thread) {
    KindTallies& tally = tallies[thread];
    for (std::size_t i = next++; i < pages.size() && !failed; i = next++) {
      const Status status = render_one(i, tally[static_cast<std::size_t>(pages[i].kind())]);
      if (status.ok()) continue;
      std::lock_guard lock(failure_mutex);
      if (!failed.exchange(true))
        failure = status.with_context(page_path(site, pages[i])).message();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(worker, j);
  worker(0);
  for (auto& t : threads) t.join();
  timings.mark_peak(PhaseTimings::Peak::render);
  if (failed) {
    diagnostics.error({"templates", 0, 0}, "", "rendering failed: " + failure);
    result.failed_phase = "render";
    return result;
  }
  auto start = Clock::now();
  // For machines: the sitemap(s), robots.txt and a feed per language.
  Status written;
  for_each_sitemap_file(site, pages, [&](const OutputFile& f) {
    if (written.ok()) written = writer.write(f.path, f.bytes);
  });
  if (!written.ok()) return write_failed(written);
  if (Status s = writer.write(routes::robots_path(), robots_txt(site)); !s.ok())
    return write_failed(s);
  for (Lang lang : portal.config.languages)
    if (Status s = writer.write(routes::feed_path(lang), atom_feed(site, lang)); !s.ok())
      return write_failed(s);
  // Open data: bulk files, datapackage.json, the 360Giving package.
  if (Status s = write_portal_data_files(site, writer); !s.ok()) return write_failed(s);
  if (Status s = copy_assets(site_dir / "assets", writer); !s.ok()) return write_failed(s);
  add_elapsed(write_ns, start);
  // The search index, one per language; the two are independent, so they build side by side,
  // each writing its own files (the writer takes writes from several threads, as for pages).
  start = Clock::now();
  auto build_search = [&](Lang lang) {
    const auto files =
        search::index_files(search::build_search_index(portal, index, strings, lang));
    for (const search::IndexFile& file : files)
      if (Status s = writer.write(file.path, file.bytes); !s.ok()) return s;
    return Status();
  };
  // A failure on either language (a write error) is reported once both are done.
  Status searched[2];
  if (jobs > 1) {
    std::thread other([&] { searched[1] = build_search(portal.config.languages[1]); });
    searched[0] = build_search(portal.config.languages[0]);
    other.join();
  } else {
    for (std::size_t i = 0; i < portal.config.languages.size(); ++i)
      if (searched[0].ok()) searched[0] = build_search(portal.config.languages[i]);
  }
  for (const Status& s : searched)
    if (!s.ok()) return write_failed(s);
  // The explorer's data, per language, beside the search index (explore/explore_data.h).
  for (Lang lang : portal.config.languages)
    for (const explore::ExploreFile& file : explore::explore_files(portal, index, strings, lang))
      if (Status s = writer.write(file.path, file.bytes); !s.ok()) return write_failed(s);
  timings.search = seconds_since(start);
  timings.mark_peak(PhaseTimings::Peak::search);
  timings.render = static_cast<double>(render_ns.load()) / 1e9;
  timings.write = static_cast<double>(write_ns.load()) / 1e9;
  timings.pages_wall = seconds_since(phase_start);
  result.page_costs = page_costs(site, pages, tallies);
  result.pages = static_cast<std::int64_t>(pages.size());
  phase_start = Clock::now();
  if (Status s = writer.publish(); !s.ok()) return write_failed(s);
  timings.publish = seconds_since(phase_start);
  timings.mark_peak(PhaseTimings::Peak::publish);
  result.files = writer.files();
  result.bytes = writer.bytes();
  result.files_written = writer.files_written();
  result.files_removed = writer.files_removed();
  for (const PageKindCost& cost : result.page_costs) result.pages_kept += cost.kept;
  result.ok = true;
  return result;
}

}  // namespace ashyq::site
