// The guide for NGOs (content/pages/guide.*.md, issue 16 item 6) shows commands; this test runs
// each one as written, in a fresh folder, with the real binary, doing by program what the guide
// asks the NGO to do by hand between them (fill the organisation's TODOs, fill the workbook). The
// values it fills in are synthetic.
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "../unit/temp_folder.h"
#include "spawn_ashyq.h"
#include "workbook/grant_workbook.h"
#include "workbook/workbook_file.h"

extern char** environ;

namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The commands of the page's ```sh blocks, one a line, in order.
std::vector<std::string> guide_commands(const std::string& lang) {
  std::istringstream page(
      read_text(fs::path(ASHYQ_SOURCE_DIR) / ("content/pages/guide." + lang + ".md")));
  std::vector<std::string> out;
  bool in_block = false;
  for (std::string line; std::getline(page, line);) {
    if (line.starts_with("```")) {
      in_block = line == "```sh";
      continue;
    }
    if (in_block && line.starts_with("ashyq ")) out.push_back(line);
  }
  return out;
}

std::vector<std::string> words(const std::string& command) {
  std::istringstream in(command);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Starts the binary with `args` in `dir`, its output to files there; returns its pid.
pid_t spawn(const fs::path& dir, const std::vector<std::string>& args, const std::string& name) {
  return ashyq::testing::spawn_ashyq(args, dir / (name + ".out"), dir / (name + ".err"), dir);
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// What the NGO types into its organisation's record: every TODO replaced (synthetic names).
void fill_organisation(const fs::path& file) {
  std::string text = read_text(file);
  text = std::regex_replace(text, std::regex("\"TODO: [^\"]*на казахском языке\""),
                            "\"Синтетикалық жастар қоры (тест)\"");
  text = std::regex_replace(text, std::regex("\"TODO: [^\"]*на русском языке\""),
                            "\"Синтетический молодёжный фонд (тест)\"");
  REQUIRE(text.find("TODO") == std::string::npos);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

// What the NGO fills into the workbook, saved over it: a synthetic grant of its own catalogue.
void fill_workbook(const fs::path& file, const std::string& id, const std::string& organisation) {
  const ordered_json record = {
      {"id", id},
      {"status", "planned"},
      {"operator", organisation},
      {"grantee", organisation},
      {"title",
       {{"kk", "Ауыл жастарының бастамалары (синтетикалық)"},
        {"ru", "Инициативы сельской молодёжи (синтетический)"}}},
      {"regions", {"mangystau"}},
      {"period", {{"planned", {{"start", "2026-03"}, {"end", "2026-11"}}}}},
      {"amount", 3000000}};
  const ashyq::Status written =
      ashyq::workbook::write_workbook(ashyq::workbook::to_grid(record), {}, file, file.string());
  REQUIRE(written.ok());
}

}  // namespace

TEST_CASE(
    "The guide for NGOs shows the same commands in Kazakh and Russian, and each works as "
    "written",
    "[guide][cli]") {
  const std::vector<std::string> commands = guide_commands("ru");
  REQUIRE(commands == guide_commands("kk"));
  REQUIRE(commands.size() >= 7);
  ashyq::testing::TempFolder folder("guide");
  const fs::path dir = folder.root();
  std::string site, organisation, grant;
  int step = 0;
  for (const std::string& command : commands) {
    std::vector<std::string> args = words(command);
    args.erase(args.begin());  // "ashyq"
    const std::string name = "step" + std::to_string(++step);
    INFO(command);
    if (args[0] == "serve") {
      args.insert(args.end(), {"--port", "0"});
      const pid_t pid = spawn(dir, args, name);
      // The first line says where it serves; the first build comes before it.
      std::string url;
      for (int i = 0; i < 600 && url.empty(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        std::smatch m;
        const std::string out = read_text(dir / (name + ".out"));
        if (std::regex_search(out, m, std::regex("http://127\\.0\\.0\\.1:([0-9]+)/"))) url = m[1];
      }
      REQUIRE(!url.empty());
      httplib::Client client("127.0.0.1", std::stoi(url));
      const auto page = client.Get("/ru/grants/" + grant + "/");
      REQUIRE(page);
      CHECK(page->status == 200);
      CHECK(page->body.find("Инициативы сельской молодёжи") != std::string::npos);
      kill(pid, SIGTERM);
      CHECK(wait_exit(pid) == 0);
      continue;
    }
    const int code = wait_exit(spawn(dir, args, name));
    INFO(read_text(dir / (name + ".out")) << read_text(dir / (name + ".err")));
    REQUIRE(code == 0);
    if (args[0] == "init") site = args[1];
    if (args[0] == "new" && args[1] == "organisation") {
      organisation = args[2];
      fill_organisation(dir / site / "content/organisations" / (organisation + ".json"));
    }
    if (args[0] == "workbook") {
      grant = args[1];
      fill_workbook(dir / args[2], grant, organisation);
    }
  }
  CHECK(!grant.empty());
  CHECK(fs::exists(dir / site / "content/grants" / grant / "grant.json"));
  for (const char* lang : {"kk", "ru"})
    CHECK(fs::exists(dir / site / "public" / lang / "grants" / grant / "index.html"));
}
