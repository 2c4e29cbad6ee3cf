#pragma once
// A folder under the system's temporary directory for tests that read or write real files (site
// config, templates, output). Removed with everything in it when the test ends.
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>

namespace ashyq::testing {

class TempFolder {
 public:
  explicit TempFolder(const std::string& purpose) {
    std::random_device random;
    root_ = std::filesystem::temp_directory_path() /
            ("ashyq-" + purpose + "-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(root_);
  }
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path operator/(const std::string& relative) const { return root_ / relative; }

  // Writes `bytes` to `relative` (folders created as needed) and returns the full path.
  std::filesystem::path write(const std::string& relative, const std::string& bytes) const {
    const std::filesystem::path path = root_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    return path;
  }

 private:
  std::filesystem::path root_;
};

inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Every regular file under `dir`, relative path (forward slashes) → bytes; empty when `dir` does
// not exist. Comparing two snapshots compares a whole tree byte for byte.
inline std::map<std::string, std::string> snapshot(const std::filesystem::path& dir) {
  std::map<std::string, std::string> out;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    if (entry.is_regular_file())
      out[entry.path().lexically_relative(dir).generic_string()] = read_bytes(entry.path());
  return out;
}

}  // namespace ashyq::testing
