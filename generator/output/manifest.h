#pragma once
// The output manifest: what the last successful build published, so the next build can write only
// the files whose bytes changed and can tell, without loading anything, that nothing changed at
// all. It lives beside the output folder (`public.manifest` for `public/`), not inside it, so the
// published tree is exactly the site and stays byte-identical between clean and incremental builds.
//
// Text, one file per line, sorted by path:
//   ashyq-manifest 1
//   inputs <fingerprint of every input the build read>
//   <content hash, 16 hex digits> <size> <mtime, ns since the epoch> <path relative to the output>
// A manifest that cannot be read or parsed is treated as absent: the next build is a full one.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace ashyq::output {

struct ManifestEntry {
  std::uint64_t hash = 0;
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;  // of the published file, to notice hand edits
};

struct Manifest {
  std::string inputs;  // input fingerprint; empty when unknown
  std::map<std::string, ManifestEntry> files;
};

// `public` → `public.manifest` (a trailing slash is ignored).
std::filesystem::path manifest_path(const std::filesystem::path& out_dir);

std::optional<Manifest> read_manifest(const std::filesystem::path& path);
// Writes through a temporary file and a rename, so a reader sees the old or the new manifest.
// Throws std::runtime_error naming the file on failure.
void write_manifest(const std::filesystem::path& path, const Manifest& manifest);

// The modification time of `path` in ns, or nullopt when it is not a regular file.
std::optional<std::int64_t> file_mtime_ns(const std::filesystem::path& path, std::int64_t* size = nullptr);

// True when the file on disk is the one the manifest recorded (same size and modification time).
bool matches_disk(const std::filesystem::path& file, const ManifestEntry& entry);

}  // namespace ashyq::output
