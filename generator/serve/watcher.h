#pragma once
// Watches a site's inputs (site/inputs.h kInputRoots: site.toml, content/, templates/, assets/,
// link-cache.json) with inotify, so that `ashyq serve` rebuilds when one changes. Every folder
// under them is watched, folders created later too; the site folder itself is watched for the
// roots appearing or being replaced, and nothing else in it (public/, .git/) counts. Editors'
// scratch files (vim's .swp and 4913, backups ending in ~, emacs's .# locks) are not changes.
#include <chrono>
#include <filesystem>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

namespace ashyq::serve {

class SiteWatcher {
 public:
  // Watches `site_dir`; fails when inotify cannot be started.
  static Result<std::unique_ptr<SiteWatcher>> open(const std::filesystem::path& site_dir);
  ~SiteWatcher();
  SiteWatcher(const SiteWatcher&) = delete;
  SiteWatcher& operator=(const SiteWatcher&) = delete;

  // Blocks until an input changed and then `quiet` passed without another change (an editor's
  // save, a `git checkout` or a copy are many events: one rebuild for them all). Returns false,
  // at once, when stop() was called.
  bool wait_for_change(std::chrono::milliseconds quiet);
  // Makes wait_for_change() return false; safe from any thread.
  void stop();

  // Folders that could not be watched (the kernel's limit on watches was reached): changes in
  // them are not seen. Only the thread that waits may ask.
  int unwatched() const { return unwatched_; }

  // Whether a file of this name is an editor's scratch file, not a change to the site.
  static bool scratch_file(std::string_view name);

 private:
  SiteWatcher(std::filesystem::path site_dir, int inotify, int wake);
  // Watches `folder` and every folder under it.
  void watch_tree(const std::filesystem::path& folder);
  void watch_folder(const std::filesystem::path& folder);
  // Reads the pending events; true when one of them changes an input.
  bool read_events();
  // Waits up to `timeout_ms` (negative: for ever) for events or stop().
  enum class Wait { events, timeout, stopped };
  Wait wait(int timeout_ms);

  std::filesystem::path site_dir_;
  int inotify_ = -1;
  int wake_ = -1;  // an eventfd stop() writes to
  int site_watch_ = -1;
  std::unordered_map<int, std::filesystem::path> folders_;  // watch descriptor → folder
  int unwatched_ = 0;
};

}  // namespace ashyq::serve
