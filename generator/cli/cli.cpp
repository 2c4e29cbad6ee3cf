#include "cli/cli.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>

#include "core/diagnostics.h"
#include "site/build.h"

namespace ashyq::cli {
namespace {

struct Options {
  std::string site = ".";
  std::string out;
  int jobs = 0;
  bool timings = false;  // build: print each phase's duration
};

struct Command {
  const char* name;
  const char* summary;
  const char* usage;
  int (*run)(const Options&, std::ostream&, std::ostream&);
};

std::string format_bytes(std::int64_t bytes) {
  char buffer[32];
  if (bytes >= 1024 * 1024)
    std::snprintf(buffer, sizeof buffer, "%.1f MiB", bytes / (1024.0 * 1024.0));
  else
    std::snprintf(buffer, sizeof buffer, "%.1f KiB", bytes / 1024.0);
  return buffer;
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // KiB on Linux
}

// One line a phase, "phase <name> <seconds> s", so scripts can read it (bench/run.sh does).
void print_timings(const site::PhaseTimings& t, std::ostream& out) {
  const struct {
    const char* name;
    double seconds;
    const char* note;
  } rows[] = {
      {"load", t.load, ""},
      {"validate", t.validate, ""},
      {"templates", t.templates, ""},
      {"views", t.views, ""},
      {"render", t.render, " (thread-seconds)"},
      {"write", t.write, " (thread-seconds)"},
      {"pages", t.pages_wall, " (wall time of render and write)"},
      {"publish", t.publish, ""},
  };
  for (const auto& row : rows) {
    char line[96];
    std::snprintf(line, sizeof line, "phase %s %.3f s%s\n", row.name, row.seconds, row.note);
    out << line;
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
  if (write) {
    out << "built " << result.pages << " pages (" << result.files << " files, "
        << format_bytes(result.bytes) << ") from " << result.grants << " grants into "
        << build_options.out_dir.string() << " in " << timing << ", peak memory "
        << format_bytes(static_cast<std::int64_t>(peak_rss_kib()) * 1024) << "\n";
    if (options.timings) print_timings(result.timings, out);
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
     "  --timings    print each phase's duration: load, validate, templates, views, render,\n"
     "               write, publish\n"
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
};

void print_usage(std::ostream& s) {
  s << "usage: ashyq <command> [options]\n\ncommands:\n";
  for (const Command& c : kCommands) {
    std::string name = c.name;
    name.resize(8, ' ');
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
    } else if (arg == "--timings" && std::string(command->name) == "build") {
      options.timings = true;
    } else {
      err << "ashyq " << command->name << ": unknown option '" << arg << "'\n\n" << command->usage;
      return kExitUsage;
    }
  }
  if (!std::filesystem::is_directory(options.site)) {
    err << "ashyq " << command->name << ": --site " << options.site << " is not a directory\n";
    return kExitUsage;
  }
  return command->run(options, out, err);
}

}  // namespace ashyq::cli
