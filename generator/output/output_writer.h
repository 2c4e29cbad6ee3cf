#pragma once
// write: puts the built site on disk so that readers never see a half-built tree, and writes only
// what changed.
//
// Every file handed to the writer is hashed. When the output folder has a manifest from the
// previous build (see manifest.h), a file whose bytes equal the published file's is not written at
// all: its modification time stays as it was. Changed and new files go to a staging folder beside
// the output (`public.staging`); nothing in the output is touched until publish(), and nothing in
// the published tree is ever written, renamed or removed while it is published. publish() makes
// a whole new tree and switches it with the output in one renameat2(RENAME_EXCHANGE), so whenever
// the process is killed, `public/` is the whole old tree or the whole new one:
//   - incremental (the output has its manifest): two trees are used in turn. The spare one beside
//     the output (`public.spare`, the generation before the published one, with its own manifest)
//     is brought up to date: the staged files are renamed into it, a file the published tree has
//     right is hard-linked from there unless the spare already holds that very file, and files the
//     new build does not have are removed. Then the spare and the output trade names, and so do
//     their manifests. The work grows with what changed in the last two builds, not with the site.
//     A spare without a manifest that names it (a build killed while updating it; the first
//     rebuild after a full build) is made again whole, every file linked.
//     Files are never written in place, only renamed over, so a link shared by both trees never
//     carries a change from one into the other. A published file edited by hand (size or mtime
//     differ from the manifest) counts as changed and is rewritten.
//   - full (no manifest names the output): the staging tree is switched in and the old tree, which
//     nothing describes, is removed.
// If the build fails before publish(), the output and the spare stay exactly as they were and
// staging is removed. The spare folder is the build's: it is not to be served or edited.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "output/manifest.h"

namespace ashyq::output {

// Every function that touches the disk returns a Status: ok, or an io_error whose message names the
// file ("cannot write public.staging/ru/index.html"). After an error the writer should not be
// published; dropping it leaves the output as it was.
class OutputWriter {
 public:
  // A writer for `out_dir`, where the site is published (e.g. public/). `inputs` is the
  // fingerprint of the build's inputs, recorded in the manifest for up_to_date(). Fails when a
  // staging folder left over from a killed build cannot be removed.
  static Result<std::unique_ptr<OutputWriter>> open(std::filesystem::path out_dir,
                                                    std::string inputs = {});
  // Removes the staging folder when publish() was not called.
  ~OutputWriter();
  OutputWriter(const OutputWriter&) = delete;
  OutputWriter& operator=(const OutputWriter&) = delete;

  // Records `bytes` as the content of `relative_path` (forward slashes, no ".."), writing it to
  // the staging tree unless the published file already has these bytes. `inputs` is, for a page,
  // the key of what it was made from (site/page_inputs.h; 0: none), kept in the manifest for
  // keep(). Safe to call from several threads for different paths. A path that could leave the
  // output folder is refused (invalid_argument).
  Status write(const std::string& relative_path, std::string_view bytes, std::uint64_t inputs = 0);
  // Keeps a page the previous build made from the same inputs, without making it again: when the
  // published page at `page_path` was written with the key `inputs` and it, and every file
  // directly in `downloads_folder` (ending in '/'; empty: none), is on disk as published, they all
  // count as unchanged files of the new output and true is returned. Otherwise nothing is recorded
  // and false is returned: the page must be made. Safe to call from several threads.
  bool keep(const std::string& page_path, std::uint64_t inputs, std::string_view downloads_folder);
  // keep() for a set of files made together (a bulk table's CSV, JSON and XLSX): when the previous
  // build wrote `paths[0]` with the key `inputs` and every one of `paths` is on disk as published,
  // they all count as unchanged files of the new output and true is returned; otherwise nothing is
  // recorded and false is returned. Safe to call from several threads.
  bool keep_files(const std::vector<std::string>& paths, std::uint64_t inputs);
  // write() with the bytes of `source`.
  Status copy(const std::filesystem::path& source, const std::string& relative_path);

  // write() for a file too large to hold in memory (the bulk data files at national scale):
  // `produce` is called once with a function that appends bytes, which are hashed on the way and,
  // past the first kStreamBuffer bytes, go straight to the staging tree. As with write(), when the
  // published file already has these bytes the staged copy is dropped (a file no longer than
  // kStreamBuffer is not staged at all) and the published file is left alone. An error `produce`
  // returns is returned as it is, and nothing is recorded for the path.
  using Append = std::function<void(std::string_view)>;
  using Produce = std::function<Status(const Append&)>;
  static constexpr std::size_t kStreamBuffer = std::size_t{1} << 20;
  // `produce` may itself call write_streamed() for another path (a table's CSV and JSON are
  // streamed side by side that way, each chunk made once); each open stream holds kStreamBuffer
  // bytes at most. Safe to call from several threads for different paths.
  // `*inputs` (none when null) is recorded as in write(), for keep_files(); it is read once
  // `produce` has returned, so the producer may work it out from what it streamed.
  Status write_streamed(const std::string& relative_path, const Produce& produce,
                        const std::uint64_t* inputs = nullptr);

  // Makes the new tree the output (see above). Fails, before anything is published, when a path was
  // given twice ("two outputs for one file: …"); on any error the previous output is untouched.
  Status publish();

  bool incremental() const { return previous_.has_value(); }
  std::int64_t files() const { return files_; }                  // files in the new output
  std::int64_t bytes() const { return bytes_; }                  // their total size
  std::int64_t files_written() const { return files_written_; }  // of which written this build
  std::int64_t bytes_written() const { return bytes_written_; }
  std::int64_t files_removed() const { return files_removed_; }  // known after publish()
  // Files hard-linked from the published tree into the spare by publish(): what the spare lacked.
  std::int64_t files_linked() const { return files_linked_; }
  std::int64_t files_kept() const { return files_kept_; }  // of files(), by keep()

  // True when the manifest beside `out_dir` names it, records the fingerprint `inputs` and every
  // file it lists is on disk unchanged: a build from the same inputs would write nothing.
  static bool up_to_date(const std::filesystem::path& out_dir, const std::string& inputs);

 private:
  OutputWriter(std::filesystem::path out_dir, std::string inputs);
  Status record(const std::string& relative_path, std::string_view bytes, std::uint64_t inputs);
  // True when the previous build published exactly `entry`'s bytes at `relative_path` and the file
  // is still as published; then also copies its modification time into `entry` (and notes a
  // changed inputs key).
  bool unchanged(const std::string& relative_path, ManifestEntry& entry) const;
  void add_entry(const std::string& relative_path, const ManifestEntry& entry, bool unchanged);
  // Records the previous build's files at `indices` (into previous_->files) as kept, when every
  // one is on disk as published; returns whether they were.
  bool keep_previous(const std::vector<std::size_t>& indices);
  Status publish_full();
  Status publish_incremental();
  // Brings the spare tree to exactly the files of next_ (see above).
  Status update_spare();

  std::filesystem::path out_dir_;
  std::filesystem::path staging_dir_;
  std::filesystem::path spare_dir_;
  std::optional<Manifest> previous_;  // set when building incrementally
  // The files of the new output; those marked staged were written to the staging tree.
  Manifest next_;
  bool published_ = false;
  std::mutex mutex_;
  std::int64_t files_ = 0, bytes_ = 0, files_written_ = 0, bytes_written_ = 0, files_removed_ = 0,
               files_kept_ = 0, files_linked_ = 0;
  // A file kept with the same bytes but another inputs key: the manifest must be written again.
  mutable std::atomic<bool> keys_changed_{false};
};

}  // namespace ashyq::output
