#include "output/output_writer.h"

#include <fcntl.h>
#include <stdio.h>

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
  staging_dir_ = out_dir_;
  staging_dir_ += ".staging";
  next_.inputs = std::move(inputs);
}

Result<std::unique_ptr<OutputWriter>> OutputWriter::open(fs::path out_dir, std::string inputs) {
  std::unique_ptr<OutputWriter> writer(new OutputWriter(std::move(out_dir), std::move(inputs)));
  std::error_code ec;
  fs::remove_all(writer->staging_dir_, ec);  // left over from a build that was killed
  if (ec)
    return Status::io_error(writer->staging_dir_.string(),
                            "cannot remove " + writer->staging_dir_.string() + ": " + ec.message());
  if (fs::is_directory(writer->out_dir_, ec))
    writer->previous_ = read_manifest(manifest_path(writer->out_dir_));
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

bool OutputWriter::keep(const std::string& page_path, std::uint64_t inputs,
                        std::string_view downloads_folder) {
  if (!previous_ || inputs == 0) return false;
  const ManifestEntry* page = previous_->files.find(page_path);
  if (!page || page->inputs != inputs || !matches_disk(out_dir_ / page_path, *page)) return false;
  std::vector<std::size_t> downloads;
  if (!downloads_folder.empty()) downloads = previous_->files.files_in(downloads_folder);
  for (std::size_t i : downloads)
    if (!matches_disk(out_dir_ / previous_->files.path(i), previous_->files.entry(i))) return false;
  std::lock_guard lock(mutex_);
  auto add = [&](std::string_view path, const ManifestEntry& entry) {
    next_.files.add(path, entry, false);
    ++files_;
    ++files_kept_;
    bytes_ += entry.size;
  };
  add(page_path, *page);
  for (std::size_t i : downloads) add(previous_->files.path(i), previous_->files.entry(i));
  return true;
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

Status OutputWriter::write_streamed(const std::string& relative_path, const Produce& produce) {
  return write_streamed(std::vector<std::string>{relative_path}, produce);
}

Status OutputWriter::write_streamed(const std::vector<std::string>& relative_paths,
                                    const Produce& produce) {
  if (relative_paths.empty()) return Status::invalid_argument("write_streamed: no path to write");
  for (const std::string& path : relative_paths)
    if (Status inside = check_inside(path); !inside.ok()) return inside;
  // Most streamed files are short (a grant's downloads): they are kept in memory and go on as in
  // write(), staged only where they changed. A longer one is staged under the first path while it
  // is produced, from its first byte past kStreamBuffer on.
  const fs::path staged = staging_dir_ / relative_paths.front();
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
  // Each path is compared with its own published file: one may be unchanged while another is new
  // (a language added) or was edited by hand. A staged file is the source of the copies, so it
  // goes only after them.
  std::vector<ManifestEntry> entries(relative_paths.size(), entry);
  std::vector<char> same(relative_paths.size());
  for (std::size_t i = 0; i < relative_paths.size(); ++i)
    same[i] = unchanged(relative_paths[i], entries[i]);
  for (std::size_t i = 0; i < relative_paths.size(); ++i) {
    if (same[i]) continue;
    const fs::path target = staging_dir_ / relative_paths[i];
    if (!spilled) {
      if (Status written = write_bytes(target, buffer); !written.ok()) return written;
    } else if (i > 0 && relative_paths[i] != relative_paths.front()) {  // twice: see add_entry
      fs::create_directories(target.parent_path(), ec);
      fs::copy_file(staged, target, fs::copy_options::overwrite_existing, ec);
      if (ec)
        return Status::io_error(target.string(),
                                "cannot write " + target.string() + ": " + ec.message());
    }
  }
  if (spilled && same.front()) fs::remove(staged, ec);
  for (std::size_t i = 0; i < relative_paths.size(); ++i)
    add_entry(relative_paths[i], entries[i], same[i]);
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
    if (::renameat2(AT_FDCWD, staging_dir_.c_str(), AT_FDCWD, out_dir_.c_str(), RENAME_EXCHANGE) !=
        0)
      return Status::io_error(out_dir_.string(),
                              "cannot publish " + out_dir_.string() + ": " + std::strerror(errno));
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
  return write_manifest(manifest_path(out_dir_), next_);
}

Status OutputWriter::publish_incremental() {
  std::error_code ec;
  std::int64_t renamed = 0;
  for (std::size_t i = 0; i < next_.files.size(); ++i) {
    if (!next_.files.staged(i)) continue;
    const fs::path target = out_dir_ / next_.files.path(i);
    fs::create_directories(target.parent_path(), ec);
    if (fs::is_directory(target, ec)) fs::remove_all(target, ec);  // a folder became a file
    fs::rename(staging_dir_ / next_.files.path(i), target, ec);
    if (ec)
      return Status::io_error(target.string(),
                              "cannot publish " + target.string() + ": " + ec.message());
    next_.files.entry(i).mtime_ns = file_mtime_ns(target).value_or(0);
    ++renamed;
  }
  for (std::size_t i = 0; i < previous_->files.size(); ++i) {
    if (next_.files.contains(previous_->files.path(i))) continue;
    const fs::path gone = out_dir_ / previous_->files.path(i);
    if (fs::remove(gone, ec)) ++files_removed_;
    remove_empty_parents(out_dir_, gone);
  }
  if (renamed > 0 || files_removed_ > 0 || keys_changed_ || previous_->inputs != next_.inputs ||
      previous_->files.size() != next_.files.size())
    return write_manifest(manifest_path(out_dir_), next_);
  return Status();
}

bool OutputWriter::up_to_date(const fs::path& out_dir, const std::string& inputs) {
  fs::path dir = out_dir;
  if (dir.filename().empty()) dir = dir.parent_path();
  // A staging folder is what a killed build left; the next build removes it (open()), so a site
  // with one is not up to date, or it would stay beside the output for good.
  fs::path staging = dir;
  staging += ".staging";
  std::error_code ec;
  if (fs::exists(staging, ec)) return false;
  const std::optional<Manifest> manifest = read_manifest(manifest_path(dir));
  if (!manifest || manifest->inputs.empty() || manifest->inputs != inputs) return false;
  for (std::size_t i = 0; i < manifest->files.size(); ++i)
    if (!matches_disk(dir / manifest->files.path(i), manifest->files.entry(i))) return false;
  return true;
}

}  // namespace ashyq::output
