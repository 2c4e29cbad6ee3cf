#include "site/build.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "config/site_config.h"
#include "content/loader.h"
#include "core/memory.h"
#include "core/parallel.h"
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
  validate_portal(portal, routes::reserved_names(), diagnostics, load_failures,
                  static_cast<unsigned>(std::max(0, options.jobs)));
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
  const PageInputsBase inputs_base = page_inputs_base(portal, index, fingerprints, *renderer);

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
  std::atomic<bool> failed{false};
  std::string failure;
  std::mutex failure_mutex;
  std::atomic<std::int64_t> render_ns{0}, write_ns{0};
  const unsigned jobs = thread_count(options.jobs);
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
      Result<std::int64_t> bytes =
          write_page_downloads(site, pages[i], writer, 256, {fingerprints.generator});
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
  for_each_index(pages.size(), jobs, [&](std::size_t i, unsigned thread) {
    if (failed) return;
    const Status status =
        render_one(i, tallies[thread][static_cast<std::size_t>(pages[i].kind())]);
    if (status.ok()) return;
    std::lock_guard lock(failure_mutex);
    if (!failed.exchange(true)) failure = status.with_context(page_path(site, pages[i])).message();
  });
  timings.mark_peak(PhaseTimings::Peak::render);
  if (failed) {
    diagnostics.error({"templates", 0, 0}, "", "rendering failed: " + failure);
    result.failed_phase = "render";
    return result;
  }
  // The files of the whole portal, after the pages: each job below is independent of the others
  // and writes its own files, so they run side by side on every core (the writer takes writes
  // from several threads, as for pages). In a rebuild after a small edit most pages are kept, and
  // these jobs are most of the work.
  enum class JobPhase { write, data, search };
  struct Job {
    JobPhase phase;
    std::function<Status()> run;
  };
  std::vector<Job> site_jobs;
  // The search index and the explorer's data, one job each per language; the longest first.
  for (Lang lang : portal.config.languages)
    site_jobs.push_back({JobPhase::search, [&, lang] {
                           const auto files = search::index_files(
                               search::build_search_index(portal, index, strings, lang));
                           for (const search::IndexFile& file : files)
                             if (Status s = writer.write(file.path, file.bytes); !s.ok()) return s;
                           return Status();
                         }});
  // Open data: the bulk files (kept where their rows did not change), the 360Giving package.
  site::PortalDataFiles data_files(site, fingerprints.generator);
  for (std::size_t j = 0; j < data_files.jobs(); ++j)
    site_jobs.push_back({JobPhase::data, [&, j] { return data_files.run(j, writer); }});
  for (Lang lang : portal.config.languages)
    site_jobs.push_back({JobPhase::search, [&, lang] {
                           for (const explore::ExploreFile& file :
                                explore::explore_files(portal, index, strings, lang))
                             if (Status s = writer.write(file.path, file.bytes); !s.ok()) return s;
                           return Status();
                         }});
  // For machines: the sitemap(s), robots.txt and a feed per language; then the assets.
  site_jobs.push_back({JobPhase::write, [&] {
                         Status written;
                         for_each_sitemap_file(site, pages, [&](const OutputFile& f) {
                           if (written.ok()) written = writer.write(f.path, f.bytes);
                         });
                         if (!written.ok()) return written;
                         if (Status s = writer.write(routes::robots_path(), robots_txt(site));
                             !s.ok())
                           return s;
                         for (Lang lang : portal.config.languages)
                           if (Status s = writer.write(routes::feed_path(lang), atom_feed(site, lang));
                               !s.ok())
                             return s;
                         return Status();
                       }});
  site_jobs.push_back({JobPhase::write, [&] { return copy_assets(site_dir / "assets", writer); }});
  std::vector<Status> job_status(site_jobs.size());
  std::atomic<std::int64_t> data_ns{0}, search_ns{0};
  for_each_index(site_jobs.size(), jobs, [&](std::size_t j, unsigned) {
    const auto start = Clock::now();
    job_status[j] = site_jobs[j].run();
    const JobPhase phase = site_jobs[j].phase;
    add_elapsed(phase == JobPhase::data ? data_ns : phase == JobPhase::search ? search_ns : write_ns,
                start);
  });
  // The first failure in the jobs' order, whatever the threads' timing.
  for (const Status& s : job_status)
    if (!s.ok()) return write_failed(s);
  {
    const auto start = Clock::now();
    if (Status s = data_files.finish(writer); !s.ok()) return write_failed(s);
    add_elapsed(data_ns, start);
  }
  timings.data = static_cast<double>(data_ns.load()) / 1e9;
  timings.data_tables = data_files.jobs() - 1;
  timings.data_tables_kept = data_files.tables_kept();
  timings.search = static_cast<double>(search_ns.load()) / 1e9;
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
