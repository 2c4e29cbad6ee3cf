#include "site/inputs.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <vector>

#include "core/content_hash.h"
#include "output/manifest.h"

namespace ashyq::site {
namespace fs = std::filesystem;

namespace {

// "<name> <size> <mtime>\n", or nothing when the file is absent.
std::string file_line(const fs::path& path, std::string_view name) {
  std::int64_t size = 0;
  const auto mtime = output::file_mtime_ns(path, &size);
  if (!mtime) return {};
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, " %" PRId64 " %" PRId64 "\n", size, *mtime);
  return std::string(name) + buffer;
}

// Which record owns a file of the site ("content/grants/a/grant.json" → the grant folder "a"),
// or none for a shared input; a template is its own kind.
enum class Owner { shared, grant, organisation, template_file };
Owner owner_of(std::string_view file, std::string_view& key) {
  constexpr std::string_view templates = "templates/";
  if (file.starts_with(templates) && file.ends_with(".mustache") &&
      file.find('/', templates.size()) == std::string_view::npos)
    return Owner::template_file;
  constexpr std::string_view grants = "content/grants/", organisations = "content/organisations/";
  if (file.starts_with(grants)) {
    const std::string_view rest = file.substr(grants.size());
    const std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos) return Owner::shared;  // a file beside the folders
    key = rest.substr(0, slash);
    return Owner::grant;
  }
  if (file.starts_with(organisations)) {
    const std::string_view rest = file.substr(organisations.size());
    if (rest.find('/') != std::string_view::npos || !rest.ends_with(".json")) return Owner::shared;
    key = rest.substr(0, rest.size() - 5);
    return Owner::organisation;
  }
  return Owner::shared;
}

}  // namespace

InputFingerprints input_fingerprints(const fs::path& site_dir) {
  InputFingerprints result;
  std::string whole = "ashyq-inputs 1\n";
  std::string shared = file_line("/proc/self/exe", "<generator>");
  whole += shared;
  result.generator = content_hash(shared);
  // Files come sorted, so a record's files are consecutive: each record's lines are gathered,
  // then hashed when the next record starts.
  std::string record;
  std::string current;
  Owner current_owner = Owner::shared;
  auto flush = [&] {
    if (current_owner == Owner::grant) result.grants[current] = content_hash(record);
    if (current_owner == Owner::organisation) result.organisations[current] = content_hash(record);
    record.clear();
  };
  for (std::string_view root : kInputRoots) {
    const fs::path path = site_dir / root;
    std::error_code ec;
    std::vector<std::string> files;
    if (!fs::is_directory(path, ec)) {
      files.emplace_back(root);
    } else {
      for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it);
           it.increment(ec))
        if (it->is_regular_file(ec))
          files.push_back(it->path().lexically_relative(site_dir).generic_string());
      std::sort(files.begin(), files.end());
    }
    for (const std::string& file : files) {
      const std::string line = file_line(site_dir / file, file);
      if (line.empty()) continue;
      whole += line;
      std::string_view key;
      const Owner owner = owner_of(file, key);
      if (owner == Owner::template_file) continue;  // in `whole` only
      if (owner == Owner::shared) {
        shared += line;
        continue;
      }
      if (owner != current_owner || key != current) {
        flush();
        current_owner = owner;
        current = key;
      }
      record += line;
    }
  }
  flush();
  result.shared = content_hash(shared);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016" PRIx64, content_hash(whole));
  result.whole = hex;
  return result;
}

std::string input_fingerprint(const fs::path& site_dir) {
  return input_fingerprints(site_dir).whole;
}

}  // namespace ashyq::site
