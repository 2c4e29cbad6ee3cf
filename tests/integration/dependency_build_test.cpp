// Dependency-tracked rebuilds (issue 17, item 1): a rebuild makes again only the pages whose inputs
// changed and keeps the others as the last build made them, so a wrong or missing dependency
// would leave a stale page behind. Random edits of every kind the issue names are applied to a
// synthetic site (bench/synth: SYNTHETIC, every name and number invented), a few at a time; after
// each step the rebuilt tree must be byte for byte what a clean build of the same site gives.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "../unit/temp_folder.h"
#include "synth_site.h"

namespace ashyq::integration {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json read_json(const fs::path& path) { return json::parse(testing::read_bytes(path)); }
void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}
void write_json(const fs::path& path, const json& value) { write_text(path, value.dump(2) + "\n"); }

// `ashyq build` of `site` into `out`; its exit code.
int build(const fs::path& site, const fs::path& out, const fs::path& log) {
  const std::string command = std::string(ASHYQ_BINARY) + " build --site " + site.string() +
                              " --out " + out.string() + " >" + log.string() + " 2>&1";
  return WEXITSTATUS(std::system(command.c_str()));
}

// The first difference between two trees, or "" when they are byte-identical.
std::string first_difference(const fs::path& a, const fs::path& b) {
  const auto left = testing::snapshot(a), right = testing::snapshot(b);
  for (const auto& [path, bytes] : left) {
    const auto other = right.find(path);
    if (other == right.end()) return path + " only in the rebuilt tree";
    if (other->second != bytes) return path + " differs";
  }
  for (const auto& [path, bytes] : right)
    if (!left.contains(path)) return path + " only in the clean tree";
  return "";
}

// The edits the issue names, each on a random record of the site; returns what it did.
class Editor {
 public:
  Editor(fs::path site, fs::path held, std::uint32_t seed)
      : site_(std::move(site)), held_(std::move(held)), random_(seed) {
    const json regions = read_json(site_ / "content/regions.json");  // outlives the loop
    for (const json& r : regions["regions"]) regions_.push_back(r["id"].get<std::string>());
    for (const auto& entry : fs::directory_iterator(site_ / "content/organisations"))
      organisations_.push_back(entry.path().stem().string());
    std::sort(organisations_.begin(), organisations_.end());
  }

  std::string edit(int step) {
    const std::string mark = " " + std::to_string(step);
    switch (pick(11)) {
      case 0:
      case 1:
      case 10: {
        const auto [id, record] = grant();
        json g = read_json(record);
        const std::string l = lang();
        g["title"][l] = g["title"][l].get<std::string>() + mark;
        write_json(record, g);
        return "title of " + id;
      }
      case 2: {  // the amount, and a budget line funded by the grant with the budget's sums over it
        const auto [id, record] = grant();
        json g = read_json(record);
        const std::int64_t more = 1000 * static_cast<std::int64_t>(1 + pick(50));
        for (json& line : g["budget"]["lines"]) {
          if (line["source"] != "grant") continue;
          const std::int64_t quantity = line["quantity"].get<std::int64_t>();
          line["unit_cost"] = line["unit_cost"].get<std::int64_t>() + more;
          line["total"] = line["total"].get<std::int64_t>() + more * quantity;
          g["amount"] = g["amount"].get<std::int64_t>() + more * quantity;
          json& budget = g["budget"];
          if (budget.contains("subtotals"))
            for (json& subtotal : budget["subtotals"])
              for (const json& section : subtotal["sections"])
                if (section == line["section"])
                  subtotal["amount"] = subtotal["amount"].get<std::int64_t>() + more * quantity;
          if (budget.contains("total"))
            budget["total"] = budget["total"].get<std::int64_t>() + more * quantity;
          write_json(record, g);
          return "amount of " + id;
        }
        return "no budget line of " + id;
      }
      case 3: {
        const auto [id, record] = grant();
        json g = read_json(record);
        g["regions"] = json::array({regions_[pick(regions_.size())]});
        write_json(record, g);
        return "region of " + id;
      }
      case 4: {
        const auto [id, record] = grant();
        json g = read_json(record);
        static const char* statuses[] = {"planned", "application", "in_progress", "completed"};
        g["status"] = statuses[pick(4)];
        write_json(record, g);
        return "status of " + id;
      }
      case 5: {
        const std::string id = organisations_[pick(organisations_.size())];
        const fs::path file = site_ / "content/organisations" / (id + ".json");
        json o = read_json(file);
        const std::string l = lang();
        o["name"][l] = o["name"][l].get<std::string>() + mark;
        write_json(file, o);
        return "name of organisation " + id;
      }
      case 6: {
        const auto [id, record] = grant();
        const fs::path narrative = record.parent_path() / ("report." + lang() + ".md");
        if (!fs::exists(narrative)) return "no narrative of " + id;
        write_text(narrative, testing::read_bytes(narrative) + "\nEdit" + mark + ".\n");
        return "narrative of " + id;
      }
      case 7: {
        static const char* templates[] = {"grant", "organisation", "_grant_table", "base",
                                          "catalogue"};
        const fs::path file = site_ / "templates" / (std::string(templates[pick(5)]) + ".mustache");
        write_text(file, "<!-- edit" + mark + " -->" + testing::read_bytes(file));
        return "template " + file.filename().string();
      }
      case 8: {  // a grant added back from those held out
        std::vector<fs::path> held;
        for (const auto& entry : fs::directory_iterator(held_)) held.push_back(entry.path());
        if (held.empty()) return "no grant to add";
        std::sort(held.begin(), held.end());
        const fs::path back = held[pick(held.size())];
        fs::rename(back, site_ / "content/grants" / back.filename());
        return "grant " + back.filename().string() + " added";
      }
      default: {  // a grant removed, held out to be added later
        const auto [id, record] = grant();
        fs::rename(record.parent_path(), held_ / id);
        return "grant " + id + " removed";
      }
    }
  }

 private:
  std::size_t pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
  }
  std::string lang() { return pick(2) == 0 ? "kk" : "ru"; }
  std::pair<std::string, fs::path> grant() {
    std::vector<std::string> ids;
    for (const auto& entry : fs::directory_iterator(site_ / "content/grants"))
      ids.push_back(entry.path().filename().string());
    std::sort(ids.begin(), ids.end());
    const std::string id = ids[pick(ids.size())];
    return {id, site_ / "content/grants" / id / "grant.json"};
  }

  fs::path site_, held_;
  std::mt19937 random_;
  std::vector<std::string> regions_, organisations_;
};

TEST_CASE("Rebuilds after hundreds of random edits equal a clean build, byte for byte",
          "[incremental][dependencies]") {
  testing::TempFolder folder("dependencies");
  const fs::path public_dir = build_synth_site(folder, 40, 11, 10);
  const fs::path site = public_dir.parent_path();
  const fs::path held = folder / "held", clean = folder / "clean", log = folder / "build.log",
                 clean_log = folder / "clean.log";
  fs::create_directories(held);
  Editor editor(site, held, 20261207);

  const int steps = 30, edits_a_step = 10;
  int built = 0, refused = 0;
  int keeping = 0;  // rebuilds that kept pages
  std::string kept_counts;
  std::string reasons;  // the first finding of each refused step
  for (int step = 1; step <= steps; ++step) {
    // The step's edits, on a copy of the content and templates to go back to if the site they
    // make is invalid (an amount beyond its budget, a status its figures do not allow).
    const fs::path saved = folder / "saved";
    fs::remove_all(saved);
    fs::create_directories(saved);
    for (const char* part : {"content", "templates"})
      fs::copy(site / part, saved / part, fs::copy_options::recursive);
    fs::copy(held, saved / "held", fs::copy_options::recursive);
    std::string edits;
    for (int e = 0; e < edits_a_step; ++e) edits += editor.edit(step * 10 + e) + "; ";
    INFO("step " << step << ": " << edits);
    if (build(site, public_dir, log) != 0) {
      // Refused: the published tree stays the last good one; the edits are undone.
      ++refused;
      const std::string findings = testing::read_bytes(log);
      reasons += findings.substr(0, findings.find('\n')) + "\n";
      for (const char* part : {"content", "templates"}) {
        fs::remove_all(site / part);
        fs::copy(saved / part, site / part, fs::copy_options::recursive);
      }
      fs::remove_all(held);
      fs::copy(saved / "held", held, fs::copy_options::recursive);
      INFO(testing::read_bytes(log));
      REQUIRE(build(site, public_dir, log) == 0);
    } else {
      ++built;
    }
    const std::string rebuilt = testing::read_bytes(log);
    if (const std::size_t at = rebuilt.find(" pages kept"); at != std::string::npos) {
      const long long kept = std::stoll(rebuilt.substr(rebuilt.rfind(' ', at - 1) + 1));
      kept_counts += std::to_string(kept) + " of " + std::to_string(std::stoll(rebuilt.substr(6))) +
                     "; ";  // "built <n> pages"
      if (kept > 0) ++keeping;
    }
    fs::remove_all(clean);
    fs::remove(folder / "clean.manifest");
    INFO(testing::read_bytes(clean_log));
    REQUIRE(build(site, clean, clean_log) == 0);
    const std::string difference = first_difference(public_dir, clean);
    CHECK(difference == "");
    if (!difference.empty()) break;
  }
  // Most steps must have built, or the test would compare little but undone edits.
  INFO(built << " steps built, " << refused << " refused:\n" << reasons);
  CHECK(built >= steps * 3 / 4);
  // And the rebuilds kept pages: dependencies were used, not a full build each time (a step
  // that edits a template makes every page again; one that changes an amount, every list page).
  INFO(keeping << " rebuilds kept pages: " << kept_counts);
  CHECK(keeping >= 5);
}

}  // namespace
}  // namespace ashyq::integration
