#include "output/output_writer.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/content_hash.h"
#include "core/file_io.h"

namespace ashyq::output {
namespace fs = std::filesystem;

namespace {

// Both write() and copy() take a path from the caller; neither may land outside the output tree.
Status check_inside(const std::string& relative_path) {
  if (relative_path.find("..") != std::string::npos || relative_path.starts_with("/"))
    return Status::invalid_argument("refusing to write outside the output folder: " + relative_path,
                                    relative_path);
  return Status();
}

Status write_bytes(const fs::path& path, std::string_view bytes) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Status::io_error(path.string(), "cannot write " + path.string());
  return Status();
}

// Two paths trade names in one atomic step.
Status exchange(const fs::path& a, const fs::path& b) {
  if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) != 0)
    return Status::io_error(b.string(),
                            "cannot publish " + b.string() + ": " + std::strerror(errno));
  return Status();
}

fs::path beside(const fs::path& out_dir, const char* suffix) {
  fs::path path = out_dir;
  path += suffix;
  return path;
}

// Makes the manifest files beside the output and the spare name their own folders again after a
// build killed between the two trees' switch and their manifests' (each manifest names its tree,
// so it is known where each belongs), and removes a manifest that names neither: it would
// describe a folder that is gone.
void sort_out_manifests(const fs::path& out_dir, const fs::path& spare_dir) {
  const fs::path out_manifest = manifest_path(out_dir), spare_manifest = manifest_path(spare_dir);
  const std::optional<TreeId> out_id = tree_id(out_dir), spare_id = tree_id(spare_dir);
  const std::optional<TreeId> in_out = read_manifest_tree(out_manifest);
  const std::optional<TreeId> in_spare = read_manifest_tree(spare_manifest);
  std::error_code ec;
  if (out_id && in_spare == out_id && spare_id && in_out == spare_id)
    (void)exchange(out_manifest, spare_manifest);
  else if (out_id && in_spare == out_id && in_out != out_id)
    fs::rename(spare_manifest, out_manifest, ec);
  else if (spare_id && in_out == spare_id && in_spare != spare_id)
    fs::rename(out_manifest, spare_manifest, ec);
  if (!out_id || read_manifest_tree(out_manifest) != out_id) fs::remove(out_manifest, ec);
  if (!spare_id || read_manifest_tree(spare_manifest) != spare_id) fs::remove(spare_manifest, ec);
}

// Removes the now-empty folders between `file` and `root`.
void remove_empty_parents(const fs::path& root, fs::path file) {
  std::error_code ec;
  for (fs::path dir = file.parent_path(); dir != root && dir.string().size() > root.string().size();
       dir = dir.parent_path())
    if (!fs::remove(dir, ec)) break;  // not empty (or gone): stop climbing
}

}  // namespace

OutputWriter::OutputWriter(fs::path out_dir, std::string inputs) : out_dir_(std::move(out_dir)) {
  if (out_dir_.filename().empty()) out_dir_ = out_dir_.parent_path();
  staging_dir_ = beside(out_dir_, ".staging");
  spare_dir_ = beside(out_dir_, ".spare");
  next_.inputs = std::move(inputs);
}

Result<std::unique_ptr<OutputWriter>> OutputWriter::open(fs::path out_dir, std::string inputs) {
  std::unique_ptr<OutputWriter> writer(new OutputWriter(std::move(out_dir), std::move(inputs)));
  std::error_code ec;
  fs::remove_all(writer->staging_dir_, ec);  // left over from a build that was killed
  if (ec)
    return Status::io_error(writer->staging_dir_.string(),
                            "cannot remove " + writer->staging_dir_.string() + ": " + ec.message());
  sort_out_manifests(writer->out_dir_, writer->spare_dir_);
  writer->previous_ = read_manifest_of(manifest_path(writer->out_dir_), writer->out_dir_);
  return writer;
}

OutputWriter::~OutputWriter() {
  std::error_code ec;
  fs::remove_all(staging_dir_, ec);
}

bool OutputWriter::unchanged(const std::string& relative_path, ManifestEntry& entry) const {
  if (!previous_) return false;
  const ManifestEntry* old = previous_->files.find(relative_path);
  if (!old || old->hash != entry.hash || old->size != entry.size ||
      !matches_disk(out_dir_ / relative_path, *old))
    return false;
  entry.mtime_ns = old->mtime_ns;
  if (old->inputs != entry.inputs) keys_changed_ = true;
  return true;
}

bool OutputWriter::keep_previous(const std::vector<std::size_t>& indices) {
  for (std::size_t i : indices)
    if (!matches_disk(out_dir_ / previous_->files.path(i), previous_->files.entry(i))) return false;
  std::lock_guard lock(mutex_);
  for (std::size_t i : indices) {
    const ManifestEntry& entry = previous_->files.entry(i);
    next_.files.add(previous_->files.path(i), entry, false);
    ++files_;
    ++files_kept_;
    bytes_ += entry.size;
  }
  return true;
}

bool OutputWriter::keep(const std::string& page_path, std::uint64_t inputs,
                        std::string_view downloads_folder) {
  if (!previous_ || inputs == 0) return false;
  const std::optional<std::size_t> page = previous_->files.index_of(page_path);
  if (!page || previous_->files.entry(*page).inputs != inputs) return false;
  std::vector<std::size_t> files{*page};
  if (!downloads_folder.empty())
    for (std::size_t i : previous_->files.files_in(downloads_folder)) files.push_back(i);
  return keep_previous(files);
}

bool OutputWriter::keep_files(const std::vector<std::string>& paths, std::uint64_t inputs) {
  if (!previous_ || inputs == 0 || paths.empty()) return false;
  std::vector<std::size_t> files;
  for (const std::string& path : paths) {
    const std::optional<std::size_t> i = previous_->files.index_of(path);
    if (!i) return false;
    files.push_back(*i);
  }
  if (previous_->files.entry(files.front()).inputs != inputs) return false;
  return keep_previous(files);
}

void OutputWriter::add_entry(const std::string& relative_path, const ManifestEntry& entry,
                             bool unchanged) {
  std::lock_guard lock(mutex_);
  // A path given twice is found when the files are sorted, in publish(), before anything is
  // published.
  next_.files.add(relative_path, entry, !unchanged);
  ++files_;
  bytes_ += entry.size;
  if (!unchanged) {
    ++files_written_;
    bytes_written_ += entry.size;
  }
}

Status OutputWriter::record(const std::string& relative_path, std::string_view bytes,
                            std::uint64_t inputs) {
  if (Status inside = check_inside(relative_path); !inside.ok()) return inside;
  ManifestEntry entry;
  entry.inputs = inputs;
  entry.hash = content_hash(bytes);
  entry.size = static_cast<std::int64_t>(bytes.size());
  const bool same = unchanged(relative_path, entry);
  if (!same)
    if (Status written = write_bytes(staging_dir_ / relative_path, bytes); !written.ok())
      return written;
  add_entry(relative_path, entry, same);
  return Status();
}

Status OutputWriter::write_streamed(const std::string& relative_path, const Produce& produce,
                                    const std::uint64_t* inputs) {
  if (Status inside = check_inside(relative_path); !inside.ok()) return inside;
  // Most streamed files are short (a grant's downloads): they are kept in memory and go on as in
  // write(), staged only where they changed. A longer one is staged while it is produced, from
  // its first byte past kStreamBuffer on.
  const fs::path staged = staging_dir_ / relative_path;
  std::string buffer;
  std::ofstream out;
  bool spilled = false;
  ContentHasher hasher;
  ManifestEntry entry;
  std::error_code ec;
  const Status produced = produce([&](std::string_view bytes) {
    hasher.update(bytes);
    entry.size += static_cast<std::int64_t>(bytes.size());
    if (!spilled && buffer.size() + bytes.size() <= kStreamBuffer) {
      buffer += bytes;
      return;
    }
    if (!spilled) {
      fs::create_directories(staged.parent_path(), ec);
      out.open(staged, std::ios::binary | std::ios::trunc);
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      std::string().swap(buffer);
      spilled = true;
    }
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  });
  if (!produced.ok()) return produced;  // the staged part goes with the staging folder
  if (spilled) {
    out.close();
    if (!out) return Status::io_error(staged.string(), "cannot write " + staged.string());
  }
  entry.hash = hasher.finish();
  if (inputs) entry.inputs = *inputs;
  const bool same = unchanged(relative_path, entry);
  if (same && spilled) fs::remove(staged, ec);
  if (!same && !spilled)
    if (Status written = write_bytes(staged, buffer); !written.ok()) return written;
  add_entry(relative_path, entry, same);
  return Status();
}

Status OutputWriter::write(const std::string& relative_path, std::string_view bytes,
                           std::uint64_t inputs) {
  return record(relative_path, bytes, inputs);
}

Status OutputWriter::copy(const fs::path& source, const std::string& relative_path) {
  if (Status inside = check_inside(relative_path); !inside.ok()) return inside;
  const std::optional<std::string> bytes = read_file(source);
  if (!bytes)
    return Status::io_error(source.string(), "cannot copy " + source.string() + ": cannot read it");
  return record(relative_path, *bytes, 0);
}

Status OutputWriter::publish() {
  if (const std::optional<std::string> twice = next_.files.sort())
    return Status::invalid_argument("two outputs for one file: " + *twice, *twice);
  const Status published = previous_ ? publish_incremental() : publish_full();
  if (!published.ok()) return published;
  published_ = true;
  std::error_code ec;
  fs::remove_all(staging_dir_, ec);  // in full mode, now the previous output
  return Status();
}

Status OutputWriter::publish_full() {
  std::error_code ec;
  fs::create_directories(staging_dir_, ec);  // an empty site is still a site
  if (fs::exists(out_dir_, ec)) {
    // One atomic step: the new tree takes the output's name and the old tree the staging name.
    if (Status switched = exchange(staging_dir_, out_dir_); !switched.ok()) return switched;
  } else {
    fs::create_directories(out_dir_.parent_path().empty() ? fs::path(".") : out_dir_.parent_path(),
                           ec);
    fs::rename(staging_dir_, out_dir_, ec);
    if (ec)
      return Status::io_error(out_dir_.string(),
                              "cannot publish " + out_dir_.string() + ": " + ec.message());
  }
  // Renames keep modification times, so the published files have the staged files' times.
  for (std::size_t i = 0; i < next_.files.size(); ++i)
    next_.files.entry(i).mtime_ns = file_mtime_ns(out_dir_ / next_.files.path(i)).value_or(0);
  next_.tree = tree_id(out_dir_).value_or(TreeId{});
  return write_manifest(manifest_path(out_dir_), next_);
}

Status OutputWriter::publish_incremental() {
  bool staged = false;
  for (std::size_t i = 0; i < next_.files.size() && !staged; ++i) staged = next_.files.staged(i);
  // Every new file unchanged and none gone: the published tree is the new one already.
  if (!staged && previous_->files.size() == next_.files.size()) {
    if (!keys_changed_ && previous_->inputs == next_.inputs) return Status();
    next_.tree = previous_->tree;
    return write_manifest(manifest_path(out_dir_), next_);
  }
  for (std::size_t i = 0; i < previous_->files.size(); ++i)
    if (!next_.files.contains(previous_->files.path(i))) ++files_removed_;
  previous_.reset();  // the published tree is not touched again; its manifest is not needed
  if (Status updated = update_spare(); !updated.ok()) return updated;
  // The spare holds the new tree and its manifest names it: the two trees trade names, then their
  // manifests do. Killed between the two, the next build pairs them again by the trees they name.
  if (Status switched = exchange(spare_dir_, out_dir_); !switched.ok()) return switched;
  std::error_code ec;
  if (fs::exists(manifest_path(out_dir_), ec))
    return exchange(manifest_path(spare_dir_), manifest_path(out_dir_));
  fs::rename(manifest_path(spare_dir_), manifest_path(out_dir_), ec);
  if (ec)
    return Status::io_error(
        manifest_path(out_dir_).string(),
        "cannot write " + manifest_path(out_dir_).string() + ": " + ec.message());
  return Status();
}

Status OutputWriter::update_spare() {
  std::error_code ec;
  std::optional<Manifest> spare = read_manifest_of(manifest_path(spare_dir_), spare_dir_);
  // From here on the spare differs from what its manifest says: the manifest goes first, so a
  // build killed on the way leaves a spare that the next one makes again whole.
  fs::remove(manifest_path(spare_dir_), ec);
  if (!spare) {
    fs::remove_all(spare_dir_, ec);
    if (ec)
      return Status::io_error(spare_dir_.string(),
                              "cannot remove " + spare_dir_.string() + ": " + ec.message());
    spare.emplace();
  }
  fs::create_directories(spare_dir_, ec);
  // Files the new tree does not have go first, so a file that became a folder is out of the way.
  for (std::size_t i = 0; i < spare->files.size(); ++i) {
    if (next_.files.contains(spare->files.path(i))) continue;
    const fs::path gone = spare_dir_ / spare->files.path(i);
    fs::remove(gone, ec);
    remove_empty_parents(spare_dir_, gone);
  }
  auto io_error = [](const fs::path& path, const std::string& why) {
    return Status::io_error(path.string(), "cannot publish " + path.string() + ": " + why);
  };
  // A file the published tree has right stays in the spare only when the spare holds that very
  // file (the same modification time, as a link shares) and it is still as recorded: a stat of
  // each such file, on every core.
  const std::vector<char> spare_holds =
      match_disk_all(spare_dir_, next_.files.size(), [&](std::size_t i, std::string_view& path) {
        if (next_.files.staged(i)) return static_cast<const ManifestEntry*>(nullptr);
        path = next_.files.path(i);
        const ManifestEntry& entry = next_.files.entry(i);
        const ManifestEntry* held = spare->files.find(path);
        if (!held || held->hash != entry.hash || held->size != entry.size ||
            held->mtime_ns != entry.mtime_ns)
          return static_cast<const ManifestEntry*>(nullptr);
        return held;
      });
  for (std::size_t i = 0; i < next_.files.size(); ++i) {
    if (spare_holds[i]) continue;
    const std::string_view path = next_.files.path(i);
    ManifestEntry& entry = next_.files.entry(i);
    const fs::path target = spare_dir_ / path;
    fs::create_directories(target.parent_path(), ec);
    if (fs::is_directory(target, ec)) fs::remove_all(target, ec);  // a folder became a file
    if (next_.files.staged(i)) {
      fs::rename(staging_dir_ / path, target, ec);
      if (ec) return io_error(target, ec.message());
      entry.mtime_ns = file_mtime_ns(target).value_or(0);
      continue;
    }
    fs::remove(target, ec);
    const fs::path source = out_dir_ / path;
    if (::link(source.c_str(), target.c_str()) == 0) {
      ++files_linked_;
      continue;
    }
    // A file system without hard links: a copy, with its own modification time.
    fs::copy_file(source, target, fs::copy_options::overwrite_existing, ec);
    if (ec) return io_error(target, ec.message());
    entry.mtime_ns = file_mtime_ns(target).value_or(0);
  }
  next_.tree = tree_id(spare_dir_).value_or(TreeId{});
  return write_manifest(manifest_path(spare_dir_), next_);
}

bool OutputWriter::up_to_date(const fs::path& out_dir, const std::string& inputs) {
  fs::path dir = out_dir;
  if (dir.filename().empty()) dir = dir.parent_path();
  // A staging folder is what a killed build left; the next build removes it (open()), so a site
  // with one is not up to date, or it would stay beside the output for good.
  std::error_code ec;
  if (fs::exists(beside(dir, ".staging"), ec)) return false;
  const std::optional<Manifest> manifest = read_manifest_of(manifest_path(dir), dir);
  if (!manifest || manifest->inputs.empty() || manifest->inputs != inputs) return false;
  const std::vector<char> on_disk =
      match_disk_all(dir, manifest->files.size(), [&](std::size_t i, std::string_view& path) {
        path = manifest->files.path(i);
        return &manifest->files.entry(i);
      });
  return std::find(on_disk.begin(), on_disk.end(), 0) == on_disk.end();
}

}  // namespace ashyq::output
