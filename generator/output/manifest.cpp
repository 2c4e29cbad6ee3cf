#include "output/manifest.h"

#include <sys/stat.h>

#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/file_io.h"

namespace ashyq::output {
namespace fs = std::filesystem;

namespace {
constexpr std::string_view kHeader = "ashyq-manifest 1";
}

fs::path manifest_path(const fs::path& out_dir) {
  fs::path dir = out_dir;
  if (dir.filename().empty()) dir = dir.parent_path();
  dir += ".manifest";
  return dir;
}

std::optional<Manifest> read_manifest(const fs::path& path) {
  const std::optional<std::string> text = read_file(path);
  if (!text) return std::nullopt;
  Manifest manifest;
  std::size_t pos = 0;
  auto next_line = [&](std::string_view& line) {
    if (pos >= text->size()) return false;
    std::size_t end = text->find('\n', pos);
    if (end == std::string::npos) return false;  // every line ends with \n; a cut file is unusable
    line = std::string_view(*text).substr(pos, end - pos);
    pos = end + 1;
    return true;
  };
  std::string_view line;
  if (!next_line(line) || line != kHeader) return std::nullopt;
  if (!next_line(line) || !line.starts_with("inputs ")) return std::nullopt;
  manifest.inputs = std::string(line.substr(7));
  while (next_line(line)) {
    ManifestEntry entry;
    unsigned long long hash = 0;
    long long size = 0, mtime = 0;
    int consumed = 0;
    const std::string copy(line);
    if (std::sscanf(copy.c_str(), "%16llx %lld %lld %n", &hash, &size, &mtime, &consumed) != 3 ||
        consumed <= 0 || static_cast<std::size_t>(consumed) >= copy.size())
      return std::nullopt;
    entry.hash = hash;
    entry.size = size;
    entry.mtime_ns = mtime;
    manifest.files.emplace(copy.substr(static_cast<std::size_t>(consumed)), entry);
  }
  if (pos != text->size()) return std::nullopt;
  return manifest;
}

void write_manifest(const fs::path& path, const Manifest& manifest) {
  std::string text;
  text.reserve(64 + manifest.files.size() * 96);
  text += kHeader;
  text += "\ninputs " + manifest.inputs + "\n";
  char buffer[80];
  for (const auto& [file, entry] : manifest.files) {
    std::snprintf(buffer, sizeof buffer, "%016" PRIx64 " %" PRId64 " %" PRId64 " ", entry.hash,
                  entry.size, entry.mtime_ns);
    text += buffer;
    text += file;
    text += '\n';
  }
  fs::path temporary = path;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) throw std::runtime_error("cannot write " + temporary.string());
  }
  std::error_code ec;
  fs::rename(temporary, path, ec);
  if (ec) throw std::runtime_error("cannot write " + path.string() + ": " + ec.message());
}

std::optional<std::int64_t> file_mtime_ns(const fs::path& path, std::int64_t* size) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  if (size) *size = static_cast<std::int64_t>(info.st_size);
  return static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
}

bool matches_disk(const fs::path& file, const ManifestEntry& entry) {
  std::int64_t size = -1;
  const std::optional<std::int64_t> mtime = file_mtime_ns(file, &size);
  return mtime && *mtime == entry.mtime_ns && size == entry.size;
}

}  // namespace ashyq::output
