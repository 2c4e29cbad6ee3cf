#include "output/manifest.h"

#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "core/parallel.h"

namespace ashyq::output {
namespace fs = std::filesystem;

namespace {
constexpr std::string_view kHeader = "ashyq-manifest 3";

// "tree <device> <inode>", or nullopt.
std::optional<TreeId> parse_tree(const std::string& line) {
  unsigned long long device = 0, inode = 0;
  int consumed = 0;
  if (std::sscanf(line.c_str(), "tree %llu %llu%n", &device, &inode, &consumed) != 2 ||
      static_cast<std::size_t>(consumed) != line.size())
    return std::nullopt;
  return TreeId{device, inode};
}
}  // namespace

fs::path manifest_path(const fs::path& out_dir) {
  fs::path dir = out_dir;
  if (dir.filename().empty()) dir = dir.parent_path();
  dir += ".manifest";
  return dir;
}

const char* ManifestFiles::keep(std::string_view path) {
  // A megabyte a block: a few hundred allocations for millions of paths; what a block leaves
  // unused at its end is shorter than one path.
  constexpr std::size_t kBlock = 1 << 20;
  if (blocks_.empty() || block_size_ - block_used_ < path.size()) {
    block_size_ = std::max(kBlock, path.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(block_size_));
    block_used_ = 0;
  }
  char* at = blocks_.back().get() + block_used_;
  std::copy(path.begin(), path.end(), at);
  block_used_ += path.size();
  return at;
}

void ManifestFiles::add(std::string_view path, const ManifestEntry& entry, bool staged) {
  rows_.push_back({entry, keep(path), static_cast<std::uint32_t>(path.size()), staged});
}

std::optional<std::string> ManifestFiles::sort() {
  auto less = [](const Row& a, const Row& b) {
    return std::string_view(a.path, a.path_size) < std::string_view(b.path, b.path_size);
  };
  if (!std::is_sorted(rows_.begin(), rows_.end(), less))
    std::sort(rows_.begin(), rows_.end(), less);
  auto same = [](const Row& a, const Row& b) {
    return std::string_view(a.path, a.path_size) == std::string_view(b.path, b.path_size);
  };
  const auto twice = std::adjacent_find(rows_.begin(), rows_.end(), same);
  if (twice == rows_.end()) return std::nullopt;
  return std::string(twice->path, twice->path_size);
}

std::optional<std::size_t> ManifestFiles::index_of(std::string_view path) const {
  const auto at =
      std::lower_bound(rows_.begin(), rows_.end(), path, [](const Row& row, std::string_view p) {
        return std::string_view(row.path, row.path_size) < p;
      });
  if (at == rows_.end() || std::string_view(at->path, at->path_size) != path) return std::nullopt;
  return static_cast<std::size_t>(at - rows_.begin());
}

const ManifestEntry* ManifestFiles::find(std::string_view path) const {
  const std::optional<std::size_t> i = index_of(path);
  return i ? &rows_[*i].entry : nullptr;
}

std::vector<std::size_t> ManifestFiles::files_in(std::string_view folder) const {
  auto path_of = [](const Row& row) { return std::string_view(row.path, row.path_size); };
  auto at = std::lower_bound(rows_.begin(), rows_.end(), folder,
                             [&](const Row& row, std::string_view p) { return path_of(row) < p; });
  // Paths sort by bytes, so a subfolder's files ("d/sub/x") may come between the folder's own
  // ("d/a", "d/z"): they are skipped, not an end.
  std::vector<std::size_t> files;
  for (; at != rows_.end() && path_of(*at).starts_with(folder); ++at)
    if (path_of(*at).find('/', folder.size()) == std::string_view::npos)
      files.push_back(static_cast<std::size_t>(at - rows_.begin()));
  return files;
}

const ManifestEntry& ManifestFiles::at(std::string_view path) const {
  const ManifestEntry* entry = find(path);
  // A programming error, as std::map::at: callers ask find() when a path may be missing.
  if (!entry) throw std::out_of_range("not in the manifest: " + std::string(path));
  return *entry;
}

std::optional<Manifest> read_manifest(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  Manifest manifest;
  std::string line;
  // getline() sets eof only when the last line has no '\n': every line ends with one, so such a
  // line means a cut file, which is unusable.
  auto next_line = [&] { return std::getline(in, line) && !in.eof(); };
  if (!next_line() || line != kHeader) return std::nullopt;
  if (!next_line()) return std::nullopt;
  const std::optional<TreeId> tree = parse_tree(line);
  if (!tree) return std::nullopt;
  manifest.tree = *tree;
  if (!next_line() || !line.starts_with("inputs ")) return std::nullopt;
  manifest.inputs = line.substr(7);
  while (next_line()) {
    // "<hash> <size> <mtime> <inputs> <path>", the numbers as write_manifest() prints them
    // (std::from_chars: sscanf took a tenth of an up-to-date check at 200 000 files).
    ManifestEntry entry;
    const char* at = line.data();
    const char* const end = line.data() + line.size();
    auto field = [&](auto& value, int base) {
      const auto [next, error] = std::from_chars(at, end, value, base);
      if (error != std::errc() || next == end || *next != ' ') return false;
      at = next + 1;
      return true;
    };
    if (!field(entry.hash, 16) || !field(entry.size, 10) || !field(entry.mtime_ns, 10) ||
        !field(entry.inputs, 16) || at == end)
      return std::nullopt;
    manifest.files.add(std::string_view(at, static_cast<std::size_t>(end - at)), entry);
  }
  // The end of a whole file is a getline() that found nothing (fail and eof); a cut last line is
  // one that found characters, then the end (eof alone).
  if (in.bad() || !in.fail()) return std::nullopt;
  if (manifest.files.sort()) return std::nullopt;  // a path twice: not written by us
  return manifest;
}

std::optional<TreeId> read_manifest_tree(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string header, tree;
  if (!std::getline(in, header) || header != kHeader || !std::getline(in, tree))
    return std::nullopt;
  return parse_tree(tree);
}

std::optional<Manifest> read_manifest_of(const fs::path& path, const fs::path& dir) {
  const std::optional<TreeId> id = tree_id(dir);
  if (!id || read_manifest_tree(path) != id) return std::nullopt;
  std::optional<Manifest> manifest = read_manifest(path);
  if (manifest && manifest->tree != *id) return std::nullopt;  // replaced while being read
  return manifest;
}

Status write_manifest(const fs::path& path, const Manifest& manifest) {
  fs::path temporary = path;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    // Lines are gathered into blocks of about a megabyte: few writes, and the text of millions of
    // files is never held whole.
    std::string text;
    text.reserve(1 << 20);
    text += kHeader;
    text += "\ntree " + std::to_string(manifest.tree.device) + " " +
            std::to_string(manifest.tree.inode) + "\ninputs " + manifest.inputs + "\n";
    char buffer[100];
    for (std::size_t i = 0; i < manifest.files.size(); ++i) {
      const ManifestEntry& entry = manifest.files.entry(i);
      std::snprintf(buffer, sizeof buffer, "%016" PRIx64 " %" PRId64 " %" PRId64 " %" PRIx64 " ",
                    entry.hash, entry.size, entry.mtime_ns, entry.inputs);
      text += buffer;
      text += manifest.files.path(i);
      text += '\n';
      if (text.size() >= (1 << 20) - 4096) {
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        text.clear();
      }
    }
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) return Status::io_error(temporary.string(), "cannot write " + temporary.string());
  }
  std::error_code ec;
  fs::rename(temporary, path, ec);
  if (ec)
    return Status::io_error(path.string(), "cannot write " + path.string() + ": " + ec.message());
  return Status();
}

std::optional<TreeId> tree_id(const fs::path& dir) {
  struct stat info {};
  if (::lstat(dir.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) return std::nullopt;
  return TreeId{static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino)};
}

std::optional<std::int64_t> file_mtime_ns(const fs::path& path, std::int64_t* size) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  if (size) *size = static_cast<std::int64_t>(info.st_size);
  return static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
}

namespace {
bool matches_disk(const char* file, const ManifestEntry& entry) {
  struct stat info {};
  if (::stat(file, &info) != 0 || !S_ISREG(info.st_mode)) return false;
  return static_cast<std::int64_t>(info.st_size) == entry.size &&
         static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec ==
             entry.mtime_ns;
}
}  // namespace

bool matches_disk(const fs::path& file, const ManifestEntry& entry) {
  return matches_disk(file.c_str(), entry);
}

std::vector<char> match_disk_all(
    const fs::path& dir, std::size_t count,
    const std::function<const ManifestEntry*(std::size_t, std::string_view&)>& entry) {
  std::vector<char> matches(count, 0);
  // Blocks of files a thread, so that threads do not share a cache line of `matches` often; the
  // paths are joined as strings (a std::filesystem::path would parse each into its parts).
  constexpr std::size_t kBlock = 4096;
  const std::string root = dir.string() + "/";
  for_each_index((count + kBlock - 1) / kBlock, thread_count(0), [&](std::size_t block, unsigned) {
    std::string file = root;
    for (std::size_t i = block * kBlock; i < std::min(count, (block + 1) * kBlock); ++i) {
      std::string_view path;
      const ManifestEntry* e = entry(i, path);
      if (!e) continue;
      file.resize(root.size());
      file += path;
      matches[i] = matches_disk(file.c_str(), *e) ? 1 : 0;
    }
  });
  return matches;
}

}  // namespace ashyq::output
