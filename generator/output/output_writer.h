#pragma once
// write: puts the built site on disk so that readers never see a half-built tree. Files go to a
// staging folder beside the output folder; publish() swaps the two in one atomic rename
// (renameat2 RENAME_EXCHANGE) and removes the old tree. If the build fails before publish(), the
// previous output stays exactly as it was and the staging folder is removed.
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>

namespace ashyq::output {

class OutputWriter {
 public:
  // `out_dir` is where the site is published (e.g. public/). Throws std::runtime_error when the
  // staging folder cannot be created.
  explicit OutputWriter(std::filesystem::path out_dir);
  // Removes the staging folder when publish() was not called.
  ~OutputWriter();

  // Writes `bytes` to `relative_path` (forward slashes, no "..") inside the staging tree, creating
  // folders as needed. Safe to call from several threads for different paths. Throws
  // std::runtime_error naming the file on failure.
  void write(const std::string& relative_path, std::string_view bytes);
  // Copies a file into the staging tree, under the same rules for `relative_path` as write().
  void copy(const std::filesystem::path& source, const std::string& relative_path);

  // Makes the staging tree the output. Throws std::runtime_error when the swap fails; the previous
  // output is then untouched.
  void publish();

  std::int64_t files_written() const { return files_; }
  std::int64_t bytes_written() const { return bytes_; }

 private:
  std::filesystem::path out_dir_;
  std::filesystem::path staging_dir_;
  bool published_ = false;
  std::mutex mutex_;
  std::int64_t files_ = 0;
  std::int64_t bytes_ = 0;
};

}  // namespace ashyq::output
