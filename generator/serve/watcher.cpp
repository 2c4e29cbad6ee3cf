#include "serve/watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <utility>

#include "site/inputs.h"

namespace ashyq::serve {
namespace fs = std::filesystem;

namespace {

// Everything that changes a file's bytes, its name or its modification time (which the build's
// input fingerprint reads).
constexpr std::uint32_t kFolderEvents = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE |
                                        IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF |
                                        IN_MOVE_SELF | IN_ONLYDIR;
constexpr std::uint32_t kSiteEvents = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE |
                                      IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR;

bool input_root(std::string_view name) {
  return std::find(std::begin(site::kInputRoots), std::end(site::kInputRoots), name) !=
         std::end(site::kInputRoots);
}

}  // namespace

bool SiteWatcher::scratch_file(std::string_view name) {
  return name.ends_with(".swp") || name.ends_with(".swx") || name.ends_with(".swo") ||
         name.ends_with("~") || name == "4913" || name.starts_with(".#");
}

Result<std::unique_ptr<SiteWatcher>> SiteWatcher::open(const fs::path& site_dir) {
  const int inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify < 0)
    return Status::io_error(site_dir.string(), "cannot watch " + site_dir.string() +
                                                   " for changes: " + std::strerror(errno));
  const int wake = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake < 0) {
    ::close(inotify);
    return Status::io_error(site_dir.string(),
                            std::string("cannot make an eventfd: ") + std::strerror(errno));
  }
  std::unique_ptr<SiteWatcher> watcher(new SiteWatcher(site_dir, inotify, wake));
  watcher->site_watch_ = inotify_add_watch(inotify, site_dir.c_str(), kSiteEvents);
  if (watcher->site_watch_ < 0)
    return Status::io_error(site_dir.string(), "cannot watch " + site_dir.string() +
                                                   " for changes: " + std::strerror(errno));
  for (std::string_view root : site::kInputRoots) watcher->watch_tree(site_dir / root);
  return watcher;
}

SiteWatcher::SiteWatcher(fs::path site_dir, int inotify, int wake)
    : site_dir_(std::move(site_dir)), inotify_(inotify), wake_(wake) {}

SiteWatcher::~SiteWatcher() {
  ::close(inotify_);
  ::close(wake_);
}

void SiteWatcher::stop() {
  const std::uint64_t one = 1;
  // An eventfd write of 1 cannot fail short of overflow, which one stop per watcher never reaches.
  [[maybe_unused]] const ssize_t written = ::write(wake_, &one, sizeof one);
}

void SiteWatcher::watch_tree(const fs::path& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return;  // a file root (site.toml) is seen by the site watch
  watch_folder(folder);
  for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::end(it);
       it.increment(ec))
    if (it->is_directory(ec)) watch_folder(it->path());
}

void SiteWatcher::watch_folder(const fs::path& folder) {
  const int wd = inotify_add_watch(inotify_, folder.c_str(), kFolderEvents);
  if (wd >= 0) {
    folders_[wd] = folder;
  } else {
    // ENOSPC: the user's watches (fs.inotify.max_user_watches) are used up, as a national portal's
    // folder per grant can do; the server says so rather than miss edits silently.
    ++unwatched_;
  }
}

bool SiteWatcher::read_events() {
  bool changed = false;
  alignas(inotify_event) std::array<char, 16384> buffer;
  for (;;) {
    const ssize_t n = ::read(inotify_, buffer.data(), buffer.size());
    if (n <= 0) break;  // EAGAIN: nothing more pending
    for (ssize_t at = 0; at < n;) {
      inotify_event event;
      std::memcpy(&event, buffer.data() + at, sizeof event);
      const std::string_view name =
          event.len ? std::string_view(buffer.data() + at + sizeof event) : std::string_view();
      at += static_cast<ssize_t>(sizeof event + event.len);
      if (event.mask & IN_Q_OVERFLOW) {  // events were lost: watch everything again, rebuild
        for (std::string_view root : site::kInputRoots) watch_tree(site_dir_ / root);
        changed = true;
        continue;
      }
      if (event.mask & IN_IGNORED) {  // the folder was removed
        folders_.erase(event.wd);
        continue;
      }
      fs::path path;
      if (event.wd == site_watch_) {
        if (!input_root(name)) continue;
        path = site_dir_ / std::string(name);
      } else {
        const auto folder = folders_.find(event.wd);
        if (folder == folders_.end()) continue;
        if (name.empty()) {  // the watched folder itself went or moved
          changed = true;
          continue;
        }
        if (scratch_file(name)) continue;
        path = folder->second / std::string(name);
      }
      // A folder created or moved in (a root that appeared, `cp -r`, `mkdir -p a/b`): its
      // subfolders may already hold files, so the whole tree is watched.
      if ((event.mask & IN_ISDIR) && (event.mask & (IN_CREATE | IN_MOVED_TO))) watch_tree(path);
      changed = true;
    }
  }
  return changed;
}

SiteWatcher::Wait SiteWatcher::wait(int timeout_ms) {
  std::array<pollfd, 2> fds = {{{inotify_, POLLIN, 0}, {wake_, POLLIN, 0}}};
  for (;;) {
    const int ready = ::poll(fds.data(), fds.size(), timeout_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0 || fds[1].revents) return Wait::stopped;
    return ready == 0 ? Wait::timeout : Wait::events;
  }
}

bool SiteWatcher::wait_for_change(std::chrono::milliseconds quiet) {
  // Until a change to an input...
  do {
    if (wait(-1) == Wait::stopped) return false;
  } while (!read_events());
  // ...and then until the inputs have been quiet for `quiet`.
  for (;;) {
    switch (wait(static_cast<int>(quiet.count()))) {
      case Wait::stopped:
        return false;
      case Wait::timeout:
        return true;
      case Wait::events:
        read_events();
        break;
    }
  }
}

}  // namespace ashyq::serve
