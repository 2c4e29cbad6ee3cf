#pragma once
// The output manifest: what the last successful build published, so the next build can write only
// the files whose bytes changed and can tell, without loading anything, that nothing changed at
// all. It lives beside the output folder (`public.manifest` for `public/`), not inside it, so the
// published tree is exactly the site and stays byte-identical between clean and incremental builds.
// The spare tree beside the output (output_writer.h) has one too (`public.spare.manifest`).
//
// A manifest names the folder it describes by device and inode: folders trade names when a build
// is published (renameat2 RENAME_EXCHANGE), and a manifest is trusted only for the folder it names,
// whatever its file is called, so a build killed between two renames never pairs a tree with
// another tree's manifest.
//
// Text, one file per line, sorted by path:
//   ashyq-manifest 3
//   tree <device> <inode>
//   inputs <fingerprint of every input the build read>
//   <content hash, 16 hex digits> <size> <mtime, ns since the epoch> <page inputs, hex> <path>
// where the path is relative to the output and the page inputs are the key of what the page was
// made from (site/page_inputs.h), 0 for a file that is not a page or whose inputs are not tracked.
// A manifest that cannot be read or parsed (or lists a path twice) is treated as absent: the next
// build is a full one. Reading and writing go a line at a time: the text is never held whole.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ashyq::output {

struct ManifestEntry {
  std::uint64_t hash = 0;
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;  // of the published file, to notice hand edits
  std::uint64_t inputs = 0;   // a page's inputs key; 0: none
};

// The files of a manifest, sorted by path. At national scale a build publishes millions of files
// (3.3 million at N = 100 000), and an incremental build holds two manifests, so each file costs
// 40 bytes and its path's bytes: the paths sit in large blocks, not in a string each, and there is
// no tree node per file (a std::map<std::string, ManifestEntry> took about 140 bytes a file).
// Move-only: entries point into the blocks.
class ManifestFiles {
 public:
  ManifestFiles() = default;
  ManifestFiles(ManifestFiles&&) = default;
  ManifestFiles& operator=(ManifestFiles&&) = default;

  // Adds a file, in any order; `staged` is a mark for the owner (the writer marks the files it
  // wrote to staging). Lookups and path order need sort() after the last add().
  void add(std::string_view path, const ManifestEntry& entry, bool staged = false);
  // Sorts by path, in the byte order std::string compares in. Returns the first path added more
  // than once, or nullopt when every path is unique.
  std::optional<std::string> sort();

  std::size_t size() const { return rows_.size(); }
  // The i-th file in path order (after sort()).
  std::string_view path(std::size_t i) const { return {rows_[i].path, rows_[i].path_size}; }
  const ManifestEntry& entry(std::size_t i) const { return rows_[i].entry; }
  ManifestEntry& entry(std::size_t i) { return rows_[i].entry; }
  bool staged(std::size_t i) const { return rows_[i].staged; }

  // The positions of the files directly inside `folder` (ending in '/'), not in its subfolders,
  // in path order (after sort()).
  std::vector<std::size_t> files_in(std::string_view folder) const;
  // The file's position, or nullopt when the manifest does not list it (binary search; after
  // sort()).
  std::optional<std::size_t> index_of(std::string_view path) const;
  // The file's entry, or nullptr when the manifest does not list it (index_of()).
  const ManifestEntry* find(std::string_view path) const;
  bool contains(std::string_view path) const { return find(path) != nullptr; }
  // find() for a path known to be listed; throws std::out_of_range otherwise (a programming error,
  // as with std::map::at).
  const ManifestEntry& at(std::string_view path) const;

 private:
  struct Row {
    ManifestEntry entry;
    const char* path = nullptr;  // into blocks_
    std::uint32_t path_size = 0;
    bool staged = false;
  };
  // Appends `path` to the current block, starting a new one when it does not fit; blocks never
  // move, so rows may point into them.
  const char* keep(std::string_view path);

  std::vector<Row> rows_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t block_used_ = 0, block_size_ = 0;
};

// A folder, by device and inode: what a rename does not change.
struct TreeId {
  std::uint64_t device = 0, inode = 0;
  bool operator==(const TreeId&) const = default;
};
// The folder at `dir` (not following a symbolic link), or nullopt when there is no folder there.
std::optional<TreeId> tree_id(const std::filesystem::path& dir);

struct Manifest {
  TreeId tree;         // the folder it describes
  std::string inputs;  // input fingerprint; empty when unknown
  ManifestFiles files;
};

// `public` → `public.manifest` (a trailing slash is ignored).
std::filesystem::path manifest_path(const std::filesystem::path& out_dir);

// The files come sorted.
std::optional<Manifest> read_manifest(const std::filesystem::path& path);
// The folder a manifest names, read from its first lines only; nullopt when the file is not a
// manifest.
std::optional<TreeId> read_manifest_tree(const std::filesystem::path& path);
// read_manifest(), when the manifest names `dir` as it is on disk now; nullopt otherwise.
std::optional<Manifest> read_manifest_of(const std::filesystem::path& path,
                                         const std::filesystem::path& dir);
// Writes through a temporary file and a rename, so a reader sees the old or the new manifest.
// `manifest.files` must be sorted. Fails with an io_error naming the file; the previous manifest is
// then still in place.
Status write_manifest(const std::filesystem::path& path, const Manifest& manifest);

// The modification time of `path` in ns, or nullopt when it is not a regular file.
std::optional<std::int64_t> file_mtime_ns(const std::filesystem::path& path,
                                          std::int64_t* size = nullptr);

// True when the file on disk is the one the manifest recorded (same size and modification time).
bool matches_disk(const std::filesystem::path& file, const ManifestEntry& entry);

// matches_disk() of many files, a stat each (hundreds of thousands at national scale: most of a
// rebuild's publish and of an up-to-date check), on every core. For each i in [0, count), when
// `entry(i, path)` gives an entry and sets `path` (relative to `dir`), 1 if that file under `dir`
// matches it; 0 otherwise. `entry` is called from several threads.
std::vector<char> match_disk_all(
    const std::filesystem::path& dir, std::size_t count,
    const std::function<const ManifestEntry*(std::size_t i, std::string_view& path)>& entry);

}  // namespace ashyq::output
