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

void add_file(std::string& record, const fs::path& path, const std::string& name) {
  std::int64_t size = 0;
  const auto mtime = output::file_mtime_ns(path, &size);
  if (!mtime) return;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, " %" PRId64 " %" PRId64 "\n", size, *mtime);
  record += name;
  record += buffer;
}

}  // namespace

std::string input_fingerprint(const fs::path& site_dir) {
  std::string record = "ashyq-inputs 1\n";
  add_file(record, "/proc/self/exe", "<generator>");
  for (std::string_view root : kInputRoots) {
    const fs::path path = site_dir / root;
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      add_file(record, path, std::string(root));
      continue;
    }
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it);
         it.increment(ec))
      if (it->is_regular_file(ec))
        files.push_back(it->path().lexically_relative(site_dir).generic_string());
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) add_file(record, site_dir / file, file);
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016" PRIx64, content_hash(record));
  return hex;
}

}  // namespace ashyq::site
