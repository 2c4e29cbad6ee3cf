#include "test_site.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

extern char** environ;

#include "spawn_ashyq.h"

namespace ashyq::integration {
namespace fs = std::filesystem;

namespace {

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A folder no other test (in this process or another one run by ctest at the same time) uses:
// pid, a counter and a random number, created with create_directory, which fails if it exists.
fs::path make_unique_folder() {
  static std::atomic<unsigned> counter{0};
  std::random_device random;
  for (int attempt = 0; attempt < 100; ++attempt) {
    const fs::path candidate =
        fs::temp_directory_path() / ("ashyq-it-" + std::to_string(::getpid()) + "-" +
                                     std::to_string(counter++) + "-" + std::to_string(random()));
    if (fs::create_directory(candidate)) return candidate;
  }
  throw std::runtime_error("cannot create a unique folder under " +
                           fs::temp_directory_path().string());
}

}  // namespace

fs::path fixture_dir(const std::string& name) {
  return fs::path(ASHYQ_SOURCE_DIR) / "tests" / "fixtures" / name;
}

TestSite::TestSite(const std::string& fixture) {
  const fs::path source = fixture_dir(fixture);
  if (!fs::is_directory(source)) throw std::runtime_error("no fixture " + source.string());
  root_ = make_unique_folder();
  site_ = root_ / "site";
  try {
    fs::create_directory(site_);
    fs::copy(source, site_, fs::copy_options::recursive);
    const fs::path repo(ASHYQ_SOURCE_DIR);
    fs::copy(repo / "templates", site_ / "templates", fs::copy_options::recursive);
    fs::copy(repo / "assets", site_ / "assets", fs::copy_options::recursive);
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
    throw;
  }
}

TestSite::~TestSite() {
  std::error_code ignored;
  fs::remove_all(root_, ignored);
}

RunResult TestSite::run(const std::vector<std::string>& args) const {
  const fs::path out_file = root_ / "stdout.txt";
  const fs::path err_file = root_ / "stderr.txt";

  const pid_t pid = testing::spawn_ashyq(args, out_file, err_file);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR)
      throw std::runtime_error("waitpid failed: " + std::string(std::strerror(errno)));

  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_bytes(out_file);
  result.err = read_bytes(err_file);
  return result;
}

RunResult TestSite::check() const { return run({"check", "--site", site_.string()}); }

RunResult TestSite::build(const std::vector<std::string>& extra) const {
  std::vector<std::string> args = {"build", "--site", site_.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run(args);
}

bool TestSite::exists(const std::string& relative) const { return fs::exists(site_ / relative); }

std::string TestSite::read(const std::string& relative) const {
  return read_bytes(site_ / relative);
}

void TestSite::write(const std::string& relative, std::string_view bytes) const {
  const fs::path path = site_ / relative;
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

void TestSite::replace_once(const std::string& relative, std::string_view find,
                            std::string_view replacement) const {
  std::string text = read(relative);
  const std::size_t at = text.find(find);
  if (at == std::string::npos)
    throw std::runtime_error("patch target not found in " + relative + ": " + std::string(find));
  if (text.find(find, at + 1) != std::string::npos)
    throw std::runtime_error("patch target occurs more than once in " + relative + ": " +
                             std::string(find));
  text.replace(at, find.size(), replacement);
  write(relative, text);
}

std::map<std::string, std::string> TestSite::files(const fs::path& folder) const {
  const fs::path base = folder.is_absolute() ? folder : site_ / folder;
  std::map<std::string, std::string> out;
  if (!fs::is_directory(base)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(base))
    if (entry.is_regular_file())
      out[entry.path().lexically_relative(base).generic_string()] = read_bytes(entry.path());
  return out;
}

std::vector<std::string> finding_lines(const std::string& stderr_text) {
  std::vector<std::string> lines;
  std::istringstream in(stderr_text);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.starts_with(" ")) continue;  // quoted source line or caret
    if (line.find(": error: ") != std::string::npos ||
        line.find(": warning: ") != std::string::npos)
      lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> errors_in(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (const std::string& line : lines)
    if (line.find(": error: ") != std::string::npos) out.push_back(line);
  return out;
}

std::vector<std::string> warnings_in(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (const std::string& line : lines)
    if (line.find(": warning: ") != std::string::npos) out.push_back(line);
  return out;
}

const BuiltSite& built_site(const std::string& fixture) {
  static std::map<std::string, std::unique_ptr<BuiltSite>> sites;
  std::unique_ptr<BuiltSite>& site = sites[fixture];
  if (!site) site = std::make_unique<BuiltSite>(fixture);
  return *site;
}

const std::map<std::string, std::string>& built_output(const std::string& fixture) {
  static std::map<std::string, std::map<std::string, std::string>> outputs;
  auto it = outputs.find(fixture);
  if (it == outputs.end()) {
    const BuiltSite& built = built_site(fixture);
    if (built.result.exit_code != 0)
      throw std::runtime_error("the fixture " + fixture + " did not build:\n" + built.result.err);
    it = outputs.emplace(fixture, built.site.files("public")).first;
  }
  return it->second;
}

}  // namespace ashyq::integration
