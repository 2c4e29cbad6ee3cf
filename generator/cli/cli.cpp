#include "cli/cli.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <iterator>
#include <optional>

#include "content/loader.h"
#include "core/diagnostics.h"
#include "core/file_io.h"
#include "core/memory.h"
#include "links/link_cache.h"
#include "links/site_links.h"
#include "routes/routes.h"
#include "scaffold/scaffold.h"
#include "search/text_analysis.h"
#include "serve/server.h"
#include "site/build.h"
#include "site/grant_workbooks.h"
#include "validate/validator.h"

namespace ashyq::cli {
namespace {

struct Options {
  std::string site = ".";
  std::string out;
  int jobs = 0;
  bool force = false;        // links: recheck every link; init: a folder not empty
  bool quiet = false;        // links: no progress line
  std::string report;        // links: where to write the JSON report
  bool timings = false;      // build: print each phase's duration
  std::optional<Lang> lang;  // analyse: the language of the text
  bool empty = false;        // workbook: --new
  bool replace = false;      // workbook: --force
  std::vector<std::string>
      operands;                    // workbook: GRANT-ID FILE; import: FILE; init: DIR; new: KIND ID
  int port = serve::kDefaultPort;  // serve: 0 = any free port
};

struct Command {
  const char* name;
  const char* summary;
  const char* usage;
  int (*run)(const Options&, std::ostream&, std::ostream&);
  bool hidden = false;     // a developer tool: not in the usage list
  int operands = 0;        // how many arguments that are no option it takes
  bool needs_site = true;  // --site must be an existing folder
};

std::string format_bytes(std::int64_t bytes) {
  char buffer[32];
  if (bytes >= 1024 * 1024)
    std::snprintf(buffer, sizeof buffer, "%.1f MiB", bytes / (1024.0 * 1024.0));
  else
    std::snprintf(buffer, sizeof buffer, "%.1f KiB", bytes / 1024.0);
  return buffer;
}

// One line a phase, "phase <name> <seconds> s", so scripts can read it (bench/run.sh does), then
// the process's peak memory when the phase ended, as Hugo's --printMemoryUsage shows memory as a
// build goes.
void print_timings(const site::PhaseTimings& t, std::ostream& out) {
  using Peak = site::PhaseTimings::Peak;
  const std::string data_note = " (thread-seconds, part of pages; " +
                                std::to_string(t.data_tables_kept) + " of " +
                                std::to_string(t.data_tables) + " bulk tables kept)";
  const struct {
    const char* name;
    double seconds;
    std::string note;
    Peak peak;
  } rows[] = {
      {"load", t.load, "", Peak::load},
      {"validate", t.validate, "", Peak::validate},
      {"templates", t.templates, "", Peak::templates},
      {"views", t.views, "", Peak::views},
      {"render", t.render, " (thread-seconds)", Peak::render},
      {"write", t.write, " (thread-seconds)", Peak::render},
      {"pages", t.pages_wall, " (wall time of render and write)", Peak::search},
      {"data", t.data, data_note, Peak::search},
      {"search", t.search, " (thread-seconds: the search index and the explorer's data, part of pages)",
       Peak::search},
      {"publish", t.publish, "", Peak::publish},
  };
  for (const auto& row : rows) {
    char line[200];
    const long kib = t.peak_kib[static_cast<int>(row.peak)];
    std::snprintf(line, sizeof line, "phase %s %.3f s%s", row.name, row.seconds, row.note.c_str());
    out << line;
    if (kib > 0) out << ", peak memory " << format_bytes(static_cast<std::int64_t>(kib) * 1024);
    out << "\n";
  }
}

// One line a kind of page, costliest first: "pages <kind> <n> kept <n> render <s> s downloads <s>
// s …".
void print_page_costs(const std::vector<site::PageKindCost>& costs, std::ostream& out) {
  for (const auto& c : costs) {
    char line[160];
    std::snprintf(
        line, sizeof line,
        "pages %s %lld kept %lld render %.3f s downloads %.3f s bytes %s slowest %.1f ms ",
        c.kind.c_str(), static_cast<long long>(c.pages), static_cast<long long>(c.kept), c.render,
        c.downloads, format_bytes(c.bytes).c_str(), c.slowest * 1e3);
    out << line << c.slowest_page << "\n";
  }
}

void report_findings(const Diagnostics& diagnostics, const Options& options, std::ostream& err) {
  err << format_all(diagnostics, options.site);
  if (!diagnostics.items().empty())
    err << diagnostics.error_count() << " error(s), " << diagnostics.warning_count()
        << " warning(s)\n";
}

int run_build_or_check(const Options& options, std::ostream& out, std::ostream& err, bool write) {
  const auto start = std::chrono::steady_clock::now();
  Diagnostics diagnostics;
  site::BuildOptions build_options;
  build_options.site_dir = options.site;
  build_options.out_dir = options.out.empty() ? std::filesystem::path(options.site) / "public"
                                              : std::filesystem::path(options.out);
  build_options.write = write;
  build_options.jobs = options.jobs;
  const site::BuildResult result = site::build(build_options, diagnostics);
  report_findings(diagnostics, options, err);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!result.ok) {
    err << (write ? "build" : "check") << " failed in phase " << result.failed_phase
        << (write ? "; the previous output was left untouched" : "") << "\n";
    return kExitContentError;
  }
  char timing[64];
  std::snprintf(timing, sizeof timing, "%.2f s", seconds);
  if (write && result.up_to_date) {
    out << build_options.out_dir.string()
        << " is up to date: no input changed since the last build (" << timing << ")\n";
  } else if (write) {
    out << "built " << result.pages << " pages (" << result.files << " files, "
        << format_bytes(result.bytes) << "; " << result.files_written << " written, "
        << result.files_removed << " removed; " << result.pages_kept
        << " pages kept from the last build) from " << result.grants << " grants into "
        << build_options.out_dir.string() << " in " << timing << ", peak memory "
        << format_bytes(static_cast<std::int64_t>(peak_rss_kib()) * 1024) << "\n";
    if (options.timings) {
      print_timings(result.timings, out);
      print_page_costs(result.page_costs, out);
    }
  } else {
    out << "checked " << result.grants << " grants in " << timing << ": no errors\n";
  }
  return kExitOk;
}

int command_build(const Options& o, std::ostream& out, std::ostream& err) {
  return run_build_or_check(o, out, err, true);
}
int command_check(const Options& o, std::ostream& out, std::ostream& err) {
  return run_build_or_check(o, out, err, false);
}

int command_links(const Options& options, std::ostream& out, std::ostream& err) {
  Diagnostics diagnostics;
  const Portal portal = load_portal(options.site, diagnostics);
  if (!diagnostics.has_errors()) validate_portal(portal, routes::reserved_names(), diagnostics);
  report_findings(diagnostics, options, err);
  if (diagnostics.has_errors()) {
    err << "links failed: the content has errors; fix them first (see ashyq check)\n";
    return kExitContentError;
  }

  links::LinksRunOptions run_options;
  run_options.force = options.force;
  run_options.now = std::chrono::system_clock::now();
  // One line rewritten in place on a terminal; nothing but the summary elsewhere (logs, CI).
  const bool progress = !options.quiet && isatty(STDERR_FILENO);
  if (progress)
    run_options.on_progress = [&err](std::size_t finished, std::size_t total) {
      err << "\rchecked " << finished << "/" << total << " links" << std::flush;
    };
  Result<links::LinksRun> checked = links::run_link_check(portal, run_options);
  if (!checked.ok()) {  // libcurl could not start; no result is trustworthy
    err << "ashyq links: " << checked.status().message() << "\n";
    return kExitContentError;
  }
  const links::LinksRun run = std::move(checked).value();
  if (progress && run.checked > 0) err << "\n";

  const std::filesystem::path cache_path = std::filesystem::path(options.site) / "link-cache.json";
  if (!write_file_atomically(cache_path, links::link_cache_json(run.cache))) {
    err << "ashyq links: cannot write " << cache_path.string() << "\n";
    return kExitContentError;
  }
  const LinkSettings& settings = portal.config.links;
  const nlohmann::ordered_json report = links::links_report(run, settings);
  if (!options.report.empty() && !write_file_atomically(options.report, report.dump(2) + "\n")) {
    err << "ashyq links: cannot write the report " << options.report << "\n";
    return kExitContentError;
  }

  // Every place of every broken link, as a finding with the line it is on.
  Diagnostics findings;
  for (const links::SiteLink& link : run.links) {
    if (link.link_class() != LinkClass::broken) continue;
    std::string answer = link.entry->status;
    if (link.entry->http_status) answer += " " + std::to_string(link.entry->http_status);
    for (const links::LinkUse& use : link.uses)
      findings.add({link.broken_is_error(settings) ? Severity::error : Severity::warning, use.where,
                    use.field,
                    "broken link \"" + link.url + "\" (" + answer + ", since " +
                        link.entry->broken_since + "); correct or remove it"});
  }
  report_findings(findings, options, err);
  const auto& summary = report["summary"];
  out << summary["links"] << " links: " << summary["ok"] << " ok, " << summary["broken"]
      << " broken, " << summary["unreachable"] << " unreachable, " << summary["skipped"]
      << " skipped (" << summary["checked"] << " checked now, " << summary["reused"]
      << " from the cache)\n";
  return findings.has_errors() ? kExitContentError : kExitOk;
}

int command_workbook(const Options& options, std::ostream& out, std::ostream& err) {
  site::WorkbookRequest request;
  request.site_dir = options.site;
  request.grant_id = options.operands[0];
  request.file = options.operands[1];
  request.empty = options.empty;
  request.force = options.replace;
  Diagnostics diagnostics;
  const bool written = site::write_grant_workbook(request, diagnostics);
  report_findings(diagnostics, options, err);
  if (!written) return kExitContentError;
  out << "wrote " << request.file.string()
      << (request.empty ? ": an empty workbook for the grant " : ": the workbook of the grant ")
      << request.grant_id << "; fill it, then run  ashyq import " << request.file.string()
      << (options.site == "." ? "" : " --site " + options.site) << "\n";
  return kExitOk;
}

int command_import(const Options& options, std::ostream& out, std::ostream& err) {
  Diagnostics diagnostics;
  const site::ImportResult result =
      site::import_grant_workbook(options.site, options.operands[0], diagnostics);
  report_findings(diagnostics, options, err);
  if (!result.ok) {
    err << "import failed: nothing in content/ was changed\n";
    return kExitContentError;
  }
  out << (result.created   ? "created "
          : result.changed ? "updated "
                           : "unchanged: ")
      << result.written.string() << " (grant " << result.grant_id << ") from "
      << options.operands[0] << "\n";
  return kExitOk;
}

// Serves until SIGINT (Ctrl+C) or SIGTERM. The two are blocked before the server starts its
// threads, which inherit the mask, and taken here with sigwait: no handler runs inside a build.
int command_serve(const Options& options, std::ostream& out, std::ostream& err) {
  sigset_t stop_signals, previous;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, &previous);
  serve::ServeOptions serve_options;
  serve_options.site_dir = options.site;
  serve_options.port = options.port;
  Result<std::unique_ptr<serve::Server>> server = serve::Server::start(serve_options, out, err);
  if (!server.ok()) {
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    err << "ashyq serve: " << server.status().message() << "\n";
    return kExitUsage;
  }
  // Tests and scripts read the URL from this line (with --port 0 it is the only way to know it).
  out << "serving " << options.site << " at " << (*server)->url() << " (built in "
      << (*server)->output_dir().parent_path().string() << "); press Ctrl+C to stop\n"
      << std::flush;
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  (*server)->stop();
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  out << "stopped\n";
  return kExitOk;
}

int command_init(const Options& options, std::ostream& out, std::ostream& err) {
  const std::filesystem::path dir = options.operands[0];
  Result<std::vector<std::string>> written = scaffold::init_site(dir, options.force);
  if (!written.ok()) {
    err << "ashyq init: " << written.status().message() << "\n";
    return written.status().code() == Status::Code::invalid_argument ? kExitUsage
                                                                     : kExitContentError;
  }
  const std::string site = dir.string();
  out << "wrote a new portal into " << site << " (" << written->size()
      << " files): site.toml, content/, templates/, assets/, schemas/\n"
      << "next:\n"
      << "  ashyq build --site " << site << "        build it into " << site << "/public\n"
      << "  ashyq new organisation ID --site " << site << "\n"
      << "  ashyq new grant ID --site " << site << "\n"
      << "  ashyq check --site " << site << "        list what is still to fill\n";
  return kExitOk;
}

int command_new(const Options& options, std::ostream& out, std::ostream& err) {
  const std::string& kind_name = options.operands[0];
  scaffold::RecordKind kind;
  if (kind_name == "grant") {
    kind = scaffold::RecordKind::grant;
  } else if (kind_name == "organisation") {
    kind = scaffold::RecordKind::organisation;
  } else {
    err << "ashyq new: unknown kind of record '" << kind_name
        << "'; expected grant or organisation\n";
    return kExitUsage;
  }
  Result<std::filesystem::path> written =
      scaffold::new_record(options.site, kind, options.operands[1]);
  if (!written.ok()) {
    err << "ashyq new: " << written.status().message() << "\n";
    return written.status().code() == Status::Code::invalid_argument ? kExitUsage
                                                                     : kExitContentError;
  }
  out << "wrote " << written->string() << "; fill each TODO (ashyq check --site " << options.site
      << " lists them)\n";
  return kExitOk;
}

// Reads the whole of standard input, so tests/search/analysis_test.mjs can compare the browser's
// analysis with the generator's on any text.
int command_analyse(const Options& options, std::ostream& out, std::ostream& err) {
  if (!options.lang) {
    err << "ashyq analyse: --lang kk or --lang ru is required\n";
    return kExitUsage;
  }
  const std::string text((std::istreambuf_iterator<char>(std::cin)),
                         std::istreambuf_iterator<char>());
  std::string lines;
  for (const std::string& term : search::terms(*options.lang, text)) lines += term + "\n";
  out << lines;
  return kExitOk;
}

const Command kCommands[] = {
    {"build", "build the portal from site.toml and content/ into public/",
     "usage: ashyq build [--site DIR] [--out DIR] [--jobs N] [--timings]\n"
     "\n"
     "Loads and validates the site in DIR (default: .), renders every page in both languages\n"
     "and publishes them into --out (default: DIR/public) in one atomic step. If anything fails,\n"
     "the previous output stays as it was.\n"
     "\n"
     "  --site DIR   the site: site.toml, content/, templates/, assets/ (default: .)\n"
     "  --out DIR    where to publish (default: DIR/public)\n"
     "  --jobs N     render threads (default: one per core)\n"
     "  --timings    print each phase's duration (load, validate, templates, views, render,\n"
     "               write, publish) and the peak memory when it ended, then each kind of\n"
     "               page's pages, render and download time, bytes and slowest page,\n"
     "               costliest first\n"
     "\n"
     "exit status: 0 built, 1 content or template errors, 2 usage error\n",
     command_build},
    {"check", "load and validate only; write nothing",
     "usage: ashyq check [--site DIR]\n"
     "\n"
     "Runs the same loading and validation as build, reports every finding, and writes nothing.\n"
     "\n"
     "  --site DIR   the site (default: .)\n"
     "\n"
     "exit status: 0 no errors (warnings allowed), 1 errors, 2 usage error\n",
     command_check},
    {"links", "check every external link; write link-cache.json",
     "usage: ashyq links [--site DIR] [--force] [--report FILE] [--quiet]\n"
     "\n"
     "Checks every external URL of the content (media, documents, organisation websites and\n"
     "social accounts, links in narratives) as site.toml [links] says, and keeps the results in\n"
     "DIR/link-cache.json. Results younger than max_age_days are reused. `ashyq build` reads the\n"
     "cache and marks links known to be broken; it never makes a request itself.\n"
     "\n"
     "  --site DIR      the site (default: .)\n"
     "  --force         check every link again, however recent its result\n"
     "  --report FILE   write a JSON report: every URL, its class, status and places\n"
     "  --quiet         no progress line, only the summary\n"
     "\n"
     "exit status: 0 no broken link (or broken links that are only warnings), 1 a broken link\n"
     "of severity error or content errors, 2 usage error\n",
     command_links},
    {"serve", "build into a temporary folder, serve on 127.0.0.1, rebuild on changes",
     "usage: ashyq serve [--site DIR] [--port N]\n"
     "\n"
     "Builds the site in DIR into a temporary folder (never DIR/public), serves it on\n"
     "http://127.0.0.1:N/ only, watches site.toml, content/, templates/, assets/ and\n"
     "link-cache.json, and rebuilds when one changes; the open page reloads itself after a\n"
     "good rebuild. A failed rebuild prints its findings here and shows them in the browser,\n"
     "in the page's language, while the previous good build stays served. The served pages\n"
     "carry a small reload script; the built files do not. Ctrl+C stops the server and removes\n"
     "the temporary folder.\n"
     "\n"
     "  --site DIR   the site (default: .)\n"
     "  --port N     the port (default: 1414); 0 picks a free one, printed in the first line\n"
     "\n"
     "exit status: 0 stopped by Ctrl+C or SIGTERM, 2 usage error or the port cannot be used\n",
     command_serve},
    {"workbook", "write a grant's workbook (XLSX) for an NGO to fill",
     "usage: ashyq workbook GRANT-ID FILE.xlsx [--new] [--force] [--site DIR]\n"
     "\n"
     "Writes the grant's record as a workbook: one sheet per table of the report forms (grant\n"
     "and period, tasks, activities, indicators, impact, participants, budget, sub-grants,\n"
     "media, partners, team, documents), Kazakh and Russian side by side, drop-down lists and\n"
     "instructions in both languages. Fill it in LibreOffice Calc or Excel, then run\n"
     "ashyq import FILE.xlsx.\n"
     "\n"
     "  --new        an empty workbook for a grant not yet in content/ (its id filled in)\n"
     "  --force      replace FILE.xlsx if it exists\n"
     "  --site DIR   the site (default: .)\n"
     "\n"
     "exit status: 0 written, 1 no such grant (or it exists, with --new) or the file exists,\n"
     "2 usage error\n",
     command_workbook, false, 2},
    {"import", "read a filled workbook into content/grants/<id>/grant.json",
     "usage: ashyq import FILE.xlsx [--site DIR]\n"
     "\n"
     "Reads a workbook written by ashyq workbook, checks every cell and then the record with the\n"
     "same validation as ashyq check, and writes content/grants/<id>/grant.json. Findings name\n"
     "the sheet and cell (FILE.xlsx:Budget!G12) and what would be right. Nothing in content/\n"
     "changes unless the whole workbook is valid.\n"
     "\n"
     "  --site DIR   the site (default: .)\n"
     "\n"
     "exit status: 0 imported, 1 findings (nothing changed), 2 usage error\n",
     command_import, false, 1},
    {"init", "write a new portal that builds at once into a folder",
     "usage: ashyq init DIR [--force]\n"
     "\n"
     "Writes a new portal into DIR: site.toml with every option explained, content/ with the\n"
     "regions, the priority directions and an about page in both languages, and the templates,\n"
     "UI strings, assets and record schemas. It builds at once, with no grants yet; the about\n"
     "page's TODO lines are still to fill (ashyq check lists them).\n"
     "\n"
     "  --force   write into DIR even if it is not empty, overwriting the files init writes\n"
     "\n"
     "exit status: 0 written, 1 a file could not be written, 2 usage error (DIR not empty)\n",
     command_init, false, 1, false},
    {"new", "write the skeleton of a new grant or organisation record",
     "usage: ashyq new grant ID [--site DIR]\n"
     "       ashyq new organisation ID [--site DIR]\n"
     "\n"
     "Writes content/grants/ID/grant.json or content/organisations/ID.json: every required\n"
     "field, in both languages, with a \"TODO: …\" text saying what to write wherever a value is\n"
     "needed. ashyq check reports each TODO at its line and column as an error until it is\n"
     "filled. ID is lowercase ASCII letters, digits and single hyphens; an id in use or\n"
     "reserved by the catalogue's or the organisations list's URLs is refused.\n"
     "\n"
     "  --site DIR   the site (default: .)\n"
     "\n"
     "exit status: 0 written, 1 the file could not be written, 2 usage error (a bad or taken\n"
     "ID)\n",
     command_new, false, 2},
    {"analyse", "print the search terms of standard input, one a line (developer tool)",
     "usage: ashyq analyse --lang kk|ru < TEXT\n"
     "\n"
     "Prints the full-text search terms of the text on standard input, one a line, in order:\n"
     "the words (NFKC, lower case, ё as е) stemmed as the search index and the browser stem\n"
     "them (docs/search-analysis.md). A developer tool; not listed by ashyq --help.\n"
     "\n"
     "  --lang kk|ru   the language of the text: Kazakh or Russian stemming\n"
     "\n"
     "exit status: 0 printed, 2 usage error\n",
     command_analyse, true},
};

void print_usage(std::ostream& s) {
  s << "usage: ashyq <command> [options]\n\ncommands:\n";
  for (const Command& c : kCommands) {
    if (c.hidden) continue;
    std::string name = c.name;
    name.resize(10, ' ');
    s << "  " << name << c.summary << "\n";
  }
  s << "\nRun 'ashyq <command> --help' for a command's options.\n";
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    print_usage(err);
    return kExitUsage;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_usage(out);
    return kExitOk;
  }
  if (args[0] == "--version") {
    out << "ashyq 0.1.0\n";
    return kExitOk;
  }
  const Command* command = nullptr;
  for (const Command& c : kCommands)
    if (args[0] == c.name) command = &c;
  if (!command) {
    err << "ashyq: unknown command '" << args[0] << "'\n\n";
    print_usage(err);
    return kExitUsage;
  }
  Options options;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      out << command->usage;
      return kExitOk;
    }
    auto value = [&](const char* flag) -> std::optional<std::string> {
      if (i + 1 >= args.size()) {
        err << "ashyq " << command->name << ": " << flag << " needs a value\n\n" << command->usage;
        return std::nullopt;
      }
      return args[++i];
    };
    if (arg == "--site") {
      auto v = value("--site");
      if (!v) return kExitUsage;
      options.site = *v;
    } else if (arg == "--force" &&
               (std::string(command->name) == "links" || std::string(command->name) == "init")) {
      options.force = true;
    } else if (arg == "--quiet" && std::string(command->name) == "links") {
      options.quiet = true;
    } else if (arg == "--report" && std::string(command->name) == "links") {
      auto v = value("--report");
      if (!v) return kExitUsage;
      options.report = *v;
    } else if (arg == "--out" && std::string(command->name) == "build") {
      auto v = value("--out");
      if (!v) return kExitUsage;
      options.out = *v;
    } else if (arg == "--jobs" && std::string(command->name) == "build") {
      auto v = value("--jobs");
      if (!v) return kExitUsage;
      try {
        std::size_t used = 0;
        options.jobs = std::stoi(*v, &used);
        if (used != v->size()) options.jobs = -1;  // "4x" is not a number
      } catch (...) {
        options.jobs = -1;
      }
      if (options.jobs < 1) {
        err << "ashyq build: --jobs needs a positive number, got '" << *v << "'\n";
        return kExitUsage;
      }
    } else if (arg == "--port" && std::string(command->name) == "serve") {
      auto v = value("--port");
      if (!v) return kExitUsage;
      options.port = -1;
      try {
        std::size_t used = 0;
        options.port = std::stoi(*v, &used);
        if (used != v->size()) options.port = -1;
      } catch (...) {
      }
      if (options.port < 0 || options.port > 65535) {
        err << "ashyq serve: --port needs a number from 0 to 65535, got '" << *v << "'\n";
        return kExitUsage;
      }
    } else if (arg == "--timings" && std::string(command->name) == "build") {
      options.timings = true;
    } else if (arg == "--new" && std::string(command->name) == "workbook") {
      options.empty = true;
    } else if (arg == "--force" && std::string(command->name) == "workbook") {
      options.replace = true;
    } else if (arg == "--lang" && std::string(command->name) == "analyse") {
      auto v = value("--lang");
      if (!v) return kExitUsage;
      options.lang = parse_lang(*v);
      if (!options.lang) {
        err << "ashyq analyse: --lang needs kk or ru, got '" << *v << "'\n";
        return kExitUsage;
      }
    } else if (!arg.starts_with("-") &&
               options.operands.size() < static_cast<std::size_t>(command->operands)) {
      options.operands.push_back(arg);
    } else {
      err << "ashyq " << command->name << ": unknown option '" << arg << "'\n\n" << command->usage;
      return kExitUsage;
    }
  }
  if (options.operands.size() < static_cast<std::size_t>(command->operands)) {
    err << "ashyq " << command->name << ": missing arguments\n\n" << command->usage;
    return kExitUsage;
  }
  if (command->needs_site && !std::filesystem::is_directory(options.site)) {
    err << "ashyq " << command->name << ": --site " << options.site << " is not a directory\n";
    return kExitUsage;
  }
  return command->run(options, out, err);
}

}  // namespace ashyq::cli
