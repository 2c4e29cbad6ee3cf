#pragma once
// Integration-test helpers: a fixture site copied into a fresh temporary folder, the real `ashyq`
// binary (ASHYQ_BINARY) run on it as a separate process, and its output read back. Hugo and Zola
// test the same way: whole sites in, files and messages out.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ashyq::integration {

// What one run of the binary did.
struct RunResult {
  int exit_code = -1;  // the process's exit status; -1 when it did not exit normally (a signal)
  std::string out;     // everything written to stdout
  std::string err;     // everything written to stderr
};

// tests/fixtures/<name> in the source tree.
std::filesystem::path fixture_dir(const std::string& name);

// A copy of tests/fixtures/<fixture>/ (site.toml and content/) together with the repository's
// templates/ and assets/, in a folder of its own under std::filesystem::temp_directory_path().
// Everything is removed when the TestSite is destroyed. Throws std::runtime_error when the fixture
// does not exist or cannot be copied.
class TestSite {
 public:
  explicit TestSite(const std::string& fixture);
  ~TestSite();
  TestSite(const TestSite&) = delete;
  TestSite& operator=(const TestSite&) = delete;

  // The site folder, as passed to --site.
  const std::filesystem::path& dir() const { return site_; }
  // A folder beside the site (inside the same temporary root) for --out targets that must not be
  // the site's own public/. Not created.
  std::filesystem::path scratch(const std::string& name) const { return root_ / name; }

  // Runs ASHYQ_BINARY with `args` (without the program name) and waits for it. Throws
  // std::runtime_error when the process cannot be started.
  RunResult run(const std::vector<std::string>& args) const;
  // `ashyq check --site <dir>`.
  RunResult check() const;
  // `ashyq build --site <dir>` followed by `extra` arguments.
  RunResult build(const std::vector<std::string>& extra = {}) const;

  // Whether `relative` (to the site folder) exists.
  bool exists(const std::string& relative) const;
  // The bytes of `relative`. Throws std::runtime_error when it cannot be read, so a missing page
  // fails the test instead of comparing against "".
  std::string read(const std::string& relative) const;
  // Writes `bytes` to `relative`, replacing the file; folders are created as needed.
  void write(const std::string& relative, std::string_view bytes) const;
  // Replaces the one occurrence of `find` in `relative` by `replacement`. Throws std::runtime_error
  // when `find` occurs zero times or more than once, so that a patch cannot silently miss when the
  // fixture changes.
  void replace_once(const std::string& relative, std::string_view find,
                    std::string_view replacement) const;

  // Every regular file under `folder` (absolute, or relative to the site folder): path relative to
  // `folder` with forward slashes → bytes. Empty when the folder does not exist.
  std::map<std::string, std::string> files(const std::filesystem::path& folder) const;

 private:
  std::filesystem::path root_;  // the temporary folder: site/, captured output, scratch folders
  std::filesystem::path site_;
};

// A fixture built once per test run with `ashyq build --site <dir>`, shared by every test (in any
// file) that asks for the same fixture; removed at exit. Not thread-safe (Catch runs tests one at a
// time).
struct BuiltSite {
  explicit BuiltSite(const std::string& fixture) : site(fixture), result(site.build()) {}
  TestSite site;
  RunResult result;
};
const BuiltSite& built_site(const std::string& fixture);

// Every file the built fixture wrote to public/: path relative to public/ → bytes. Throws
// std::runtime_error, with ashyq's stderr, when the build failed.
const std::map<std::string, std::string>& built_output(const std::string& fixture);

// The finding lines in ashyq's stderr ("file:line:col: error: …", "…: warning: …"), in the order
// printed, without the quoted source lines, carets and the summary line.
std::vector<std::string> finding_lines(const std::string& stderr_text);

// Only the lines of `lines` that are errors (": error: ") or warnings (": warning: ").
std::vector<std::string> errors_in(const std::vector<std::string>& lines);
std::vector<std::string> warnings_in(const std::vector<std::string>& lines);

}  // namespace ashyq::integration
