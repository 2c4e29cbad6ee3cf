#include "content/loader.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "config/site_config.h"
#include "content/json_positions.h"
#include "content/link_cache_decoder.h"
#include "content/plans.h"
#include "content/records.h"
#include "content/subgrants_csv.h"
#include "core/parallel.h"
#include "markup/markdown.h"

namespace ashyq {
namespace fs = std::filesystem;

namespace {

std::string display_path(const fs::path& site_dir, const fs::path& path) {
  return path.lexically_relative(site_dir).generic_string();
}

// Reads and parses one JSON file. On failure reports the problem at its line and column and returns
// nullopt. On success fills `source` with the file name and where to find its positions.
std::optional<nlohmann::json> parse_json_file(const fs::path& path, const std::string& display,
                                              SourceMap& source, Diagnostics& diagnostics) {
  source.file = display;
  auto text = read_file(path);
  if (!text) {
    diagnostics.error({display, 0, 0}, "", "cannot read the file");
    return std::nullopt;
  }
  if (std::size_t bad = find_invalid_utf8(*text); bad != std::string::npos) {
    auto [line, column] = line_column_at(*text, bad);
    diagnostics.error({display, line, column}, "",
                      "malformed UTF-8; the file must be saved as UTF-8");
    return std::nullopt;
  }
  try {
    nlohmann::json root = nlohmann::json::parse(*text);
    // Positions stay on disk until a finding needs one (SourceLocator): at national scale an
    // in-memory table of every value's pointer cost more than the records themselves.
    source.positions = SourcePositions::on_disk(path.string());
    return root;
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is the 1-based offset just past the offending character.
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    auto [line, column] = line_column_at(*text, offset);
    std::string what = e.what();
    if (auto cut = what.find("syntax error while parsing "); cut != std::string::npos)
      what = what.substr(cut);
    diagnostics.error({display, line, column}, "", "malformed JSON: " + what);
    return std::nullopt;
  }
}

std::vector<fs::path> sorted_entries(const fs::path& dir, bool directories) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_directory() == directories) out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

void load_narrative(const fs::path& site_dir, const fs::path& path, Narrative& narrative,
                    Diagnostics& diagnostics) {
  if (!fs::exists(path)) return;
  const std::string display = display_path(site_dir, path);
  auto text = read_file(path);
  if (!text) {
    diagnostics.error({display, 0, 0}, "", "cannot read the file");
    return;
  }
  if (std::size_t bad = find_invalid_utf8(*text); bad != std::string::npos) {
    auto [line, column] = line_column_at(*text, bad);
    diagnostics.error({display, line, column}, "", "malformed UTF-8; save the file as UTF-8");
    return;
  }
  markup::MarkdownDocument doc = markup::parse_document(*text, display, diagnostics);
  narrative.present = true;
  narrative.file = display;
  narrative.title = doc.front.title;
  narrative.markdown = std::move(doc.body);
  narrative.body_line = doc.body_line;
}

// Parses and decodes one JSON record and hands it its positions (in `source_field`) so that
// validation can point into the file; nullopt when the file is unreadable or malformed.
template <typename Record>
std::optional<Record> load_record(const fs::path& site_dir, const fs::path& path,
                                  Record (*decode)(JsonDecoder&, const nlohmann::json&),
                                  SourceMap Record::*source_field, Diagnostics& diagnostics) {
  SourceMap source;
  auto root = parse_json_file(path, display_path(site_dir, path), source, diagnostics);
  if (!root) return std::nullopt;
  JsonDecoder decoder(source, diagnostics);
  Record record = decode(decoder, *root);
  record.*source_field = std::move(source);
  return record;
}

// A vector filled by push_back keeps up to twice the capacity it needs; over a grant's twenty
// budget lines, ten indicators and ten sub-grants that slack was a tenth of the loaded model.
template <typename T>
void shrink(std::vector<T>& items) {
  items.shrink_to_fit();
}

void shrink(SourceMap& source) {
  shrink(source.texts);
  shrink(source.strings);
}

void shrink(Grant& g) {
  shrink(g.target_groups);
  shrink(g.expected_results);
  shrink(g.localities);
  shrink(g.regions);
  for (Task& task : g.tasks) {
    shrink(task.activities);
    shrink(task.indicators);
  }
  shrink(g.tasks);
  shrink(g.participants.by_age);
  shrink(g.participants.by_category);
  shrink(g.budget.lines);
  for (BudgetSubtotal& subtotal : g.budget.subtotals) shrink(subtotal.sections);
  shrink(g.budget.subtotals);
  shrink(g.subgrants.awarded);
  shrink(g.media);
  shrink(g.partners);
  shrink(g.team);
  shrink(g.documents);
  shrink(g.source);
}

void shrink(Organisation& o) {
  shrink(o.social);
  shrink(o.track_record);
  shrink(o.source);
}

// Sub-grants given as a spreadsheet export beside grant.json. Both sources at once would make it
// unclear which list is the record, so that is an error.
void load_subgrants_csv(const fs::path& site_dir, const fs::path& path, Grant& grant,
                        Diagnostics& diagnostics) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return;
  const std::string display = display_path(site_dir, path);
  auto text = read_file(path);
  if (!text) {
    diagnostics.error({display, 0, 0}, "", "cannot read the file");
    return;
  }
  if (!grant.subgrants.awarded.empty()) {
    diagnostics.error({display, 0, 0}, "",
                      "the sub-grants are also listed in grant.json under /subgrants/awarded; keep "
                      "one of the two lists");
    return;
  }
  grant.subgrants.present = true;
  grant.subgrants.csv_file = display;
  grant.subgrants.awarded = parse_subgrants_csv(*text, display, diagnostics);
}

// content/pages/<name>.<lang>.md: the portal's own pages (about, methodology...).
void load_static_pages(const fs::path& site_dir, const fs::path& dir,
                       std::vector<StaticPage>& pages, Diagnostics& diagnostics) {
  std::map<std::string, StaticPage> by_name;
  for (const fs::path& path : sorted_entries(dir, false)) {
    if (path.extension() != ".md") continue;
    const std::string stem = path.stem().string();  // "<name>.<lang>"
    const std::size_t dot = stem.rfind('.');
    auto lang = dot == std::string::npos ? std::nullopt : parse_lang(stem.substr(dot + 1));
    if (!lang) {
      diagnostics.error({display_path(site_dir, path), 0, 0}, "",
                        "a page file is named <name>.kk.md or <name>.ru.md");
      continue;
    }
    const std::string name = stem.substr(0, dot);
    StaticPage& page = by_name[name];
    page.name = name;
    load_narrative(site_dir, path, page.narratives[static_cast<int>(*lang)], diagnostics);
  }
  for (auto& [name, page] : by_name) pages.push_back(std::move(page));
}

}  // namespace

Portal load_portal(const fs::path& site_dir, Diagnostics& diagnostics, LoadFailures* failures,
                   unsigned jobs) {
  LoadFailures ignored;
  LoadFailures& failed = failures ? *failures : ignored;
  Portal portal;
  portal.config = load_site_config(site_dir / "site.toml", "site.toml", diagnostics);
  const fs::path content = site_dir / "content";
  if (!fs::is_directory(content)) {
    diagnostics.error({"content", 0, 0}, "", "no content/ folder in the site directory");
    failed.content = true;
    return portal;
  }
  // Whether the files read since `before` errors were counted had an error of their own.
  auto failed_since = [&](int before) { return diagnostics.error_count() > before; };

  int before = diagnostics.error_count();
  if (auto root = parse_json_file(content / "regions.json", "content/regions.json",
                                  portal.regions_source, diagnostics)) {
    JsonDecoder decoder(portal.regions_source, diagnostics);
    portal.regions = decode_regions(decoder, *root);
  }
  failed.regions = failed_since(before);
  before = diagnostics.error_count();
  if (auto root = parse_json_file(content / "directions.json", "content/directions.json",
                                  portal.directions_source, diagnostics)) {
    JsonDecoder decoder(portal.directions_source, diagnostics);
    portal.directions = decode_directions(decoder, *root);
  }
  failed.directions = failed_since(before);

  // The record vectors are sized once from the listings: grown by doubling they held up to twice
  // the records, and the shrink_to_fit below copied them all while still holding the old block,
  // the load's peak (a Grant is 1.6 KiB of its own before any text).
  const std::vector<fs::path> organisation_files = sorted_entries(content / "organisations", false);
  portal.organisations.reserve(organisation_files.size());
  for (const fs::path& path : organisation_files) {
    if (path.extension() != ".json") continue;
    const int errors = diagnostics.error_count();
    auto org = load_record(site_dir, path, decode_organisation, &Organisation::source, diagnostics);
    if (failed_since(errors)) {
      failed.organisations.insert(path.stem().string());
      if (auto text = read_file(path)) failed.organisation_text += *text + "\n";
    } else if (org) {
      shrink(*org);
      portal.organisations.push_back(std::move(*org));
    }
  }

  // Each grant is read into its own slot with its own findings, by several threads (parsing the
  // JSON and Markdown is most of a load); then, in folder order, the findings are added and the
  // records that failed are dropped, so the result is the same whatever the threads did.
  const std::vector<fs::path> grant_folders = sorted_entries(content / "grants", true);
  portal.grants.resize(grant_folders.size());
  std::vector<Diagnostics> grant_findings(grant_folders.size());
  std::vector<char> grant_loaded(grant_folders.size(), 0);
  auto load_grant = [&](std::size_t i) {
    const fs::path& folder = grant_folders[i];
    Diagnostics& findings = grant_findings[i];
    const fs::path record = folder / "grant.json";
    if (!fs::exists(record)) {
      findings.error({display_path(site_dir, folder), 0, 0}, "",
                     "a grant folder needs a grant.json (see schemas/grant.schema.json)");
      return;
    }
    auto loaded = load_record(site_dir, record, decode_grant, &Grant::source, findings);
    if (!loaded) return;
    Grant& grant = portal.grants[i];
    grant = std::move(*loaded);
    grant.folder = folder.filename().string();
    for (Lang lang : kAllLangs)
      load_narrative(site_dir, folder / ("report." + std::string(lang_code(lang)) + ".md"),
                     grant.narratives[static_cast<int>(lang)], findings);
    load_subgrants_csv(site_dir, folder / "subgrants.csv", grant, findings);
    if (findings.has_errors()) return;
    shrink(grant);
    grant_loaded[i] = 1;
  };
  // At most 64 threads, whatever --jobs asks: each holds a grant's file at a time.
  for_each_index(grant_folders.size(), std::min(thread_count(static_cast<int>(jobs)), 64u),
                 [&](std::size_t i, unsigned) { load_grant(i); });
  std::size_t kept = 0;
  for (std::size_t i = 0; i < grant_folders.size(); ++i) {
    for (const Diagnostic& finding : grant_findings[i].items()) diagnostics.add(finding);
    if (!grant_loaded[i]) {
      failed.grants.insert(grant_folders[i].filename().string());
      portal.grants[i] = Grant();
      continue;
    }
    if (kept != i) portal.grants[kept] = std::move(portal.grants[i]);
    ++kept;
  }
  portal.grants.resize(kept);
  std::vector<Diagnostics>().swap(grant_findings);

  for (const fs::path& path : sorted_entries(content / "plans", false)) {
    if (path.extension() != ".json") continue;
    const int errors = diagnostics.error_count();
    auto plan = load_record(site_dir, path, decode_plan, &Plan::source_map, diagnostics);
    if (plan && !failed_since(errors)) portal.plans.push_back(std::move(*plan));
  }

  load_static_pages(site_dir, content / "pages", portal.pages, diagnostics);

  // Results of `ashyq links`, so pages can mark links known to be broken; none yet is no error.
  if (std::error_code ec; fs::exists(site_dir / "link-cache.json", ec)) {
    SourceMap cache_source;
    if (auto root = parse_json_file(site_dir / "link-cache.json", "link-cache.json", cache_source,
                                    diagnostics)) {
      JsonDecoder decoder(cache_source, diagnostics);
      portal.links = decode_link_cache(decoder, *root);
    }
  }

  portal.organisations.shrink_to_fit();
  portal.grants.shrink_to_fit();
  portal.public_contacts = collect_public_contacts(portal.organisations);
  // Sorted by id so lookups can bisect and every listing is deterministic. Ids are the file and
  // folder names, read in name order, so the records are mostly in order already; stable_sort
  // would still take a buffer of half of them (80 MiB of grants at N = 100 000).
  const auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
  if (!std::is_sorted(portal.organisations.begin(), portal.organisations.end(), by_id))
    std::stable_sort(portal.organisations.begin(), portal.organisations.end(), by_id);
  if (!std::is_sorted(portal.grants.begin(), portal.grants.end(), by_id))
    std::stable_sort(portal.grants.begin(), portal.grants.end(), by_id);
  std::stable_sort(portal.plans.begin(), portal.plans.end(),
                   [](const Plan& a, const Plan& b) { return a.id < b.id; });
  return portal;
}

}  // namespace ashyq
