#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "i18n/ui_strings.h"

namespace ashyq::i18n {
namespace {

namespace fs = std::filesystem;

// A site folder under the system's temporary directory with templates/i18n inside, removed when
// the test ends. UiStrings::load reads real files, so the test writes real files.
class TempSite {
 public:
  TempSite() {
    std::random_device random;
    root_ = fs::temp_directory_path() /
            ("ashyq-ui-strings-" + std::to_string(random()) + std::to_string(random()));
    fs::create_directories(i18n_dir());
  }
  ~TempSite() {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }
  TempSite(const TempSite&) = delete;
  TempSite& operator=(const TempSite&) = delete;

  const fs::path& root() const { return root_; }
  fs::path i18n_dir() const { return root_ / "templates" / "i18n"; }

  void write(const std::string& name, const std::string& text) const {
    std::ofstream out(i18n_dir() / name, std::ios::binary);
    out << text;
  }

  UiStrings load(Diagnostics& diagnostics) const {
    return UiStrings::load(i18n_dir(), root_, diagnostics);
  }

 private:
  fs::path root_;
};

// Every finding as the user sees it, with the offending line quoted when it has a column.
std::string report(const Diagnostics& diagnostics, const TempSite& site) {
  return format_all(diagnostics, site.root().string());
}

TEST_CASE("UI strings flatten nested tables into dotted keys") {
  TempSite site;
  site.write("kk.toml",
             "site_name = \"Ашық гранттар\"\n"
             "[grant]\n"
             "title = \"Грант\"\n"
             "[grant.budget]\n"
             "total = \"Барлығы\"\n");
  site.write("ru.toml",
             "site_name = \"Открытые гранты\"\n"
             "grant.title = \"Грант\"\n"
             "[grant.budget]\n"
             "total = \"Итого\"\n");
  Diagnostics diagnostics;
  const UiStrings strings = site.load(diagnostics);

  CHECK(report(diagnostics, site).empty());
  CHECK(strings.all(Lang::kk) ==
        std::map<std::string, std::string>{{"grant.budget.total", "Барлығы"},
                                           {"grant.title", "Грант"},
                                           {"site_name", "Ашық гранттар"}});
  CHECK(strings.all(Lang::ru) ==
        std::map<std::string, std::string>{{"grant.budget.total", "Итого"},
                                           {"grant.title", "Грант"},
                                           {"site_name", "Открытые гранты"}});
  CHECK(strings.get(Lang::ru, "grant.budget.total") == "Итого");
}

TEST_CASE("A UI string key present in one language only is reported in the file that lacks it") {
  TempSite site;
  site.write("kk.toml",
             "title = \"Атауы\"\n"
             "[grant]\n"
             "period = \"Мерзімі\"\n");
  site.write("ru.toml",
             "title = \"Название\"\n"
             "amount = \"Сумма\"\n");
  Diagnostics diagnostics;
  const UiStrings strings = site.load(diagnostics);

  CHECK(report(diagnostics, site) ==
        "templates/i18n/kk.toml: error: amount: missing here but defined in "
        "templates/i18n/ru.toml:2; add the Kazakh text\n"
        "templates/i18n/ru.toml: error: grant.period: missing here but defined in "
        "templates/i18n/kk.toml:3; add the Russian text\n");
  // What could be read is still there.
  CHECK(strings.get(Lang::kk, "grant.period") == "Мерзімі");
  CHECK(strings.get(Lang::ru, "amount") == "Сумма");
}

TEST_CASE("A missing UI string reads as [[key]] so that the gap shows on the page") {
  UiStrings strings;
  strings.set(Lang::kk, "title", "Атауы");
  CHECK(strings.get(Lang::kk, "title") == "Атауы");
  CHECK(strings.get(Lang::ru, "title") == "[[title]]");
  CHECK(strings.get(Lang::kk, "grant.nothing") == "[[grant.nothing]]");
  // The same reference every time: templates may keep it.
  CHECK(&strings.get(Lang::kk, "grant.nothing") == &strings.get(Lang::ru, "grant.nothing"));
}

TEST_CASE("Malformed UI strings TOML is reported at its line and column in characters") {
  TempSite site;
  // "x" is the 12th character of line 2 but its 16th byte: "Әкім" takes two bytes a letter.
  site.write("kk.toml",
             "title = \"Атауы\"\n"
             "t = \"Әкім\" x\n");
  site.write("ru.toml", "title = \"Название\"\n");
  Diagnostics diagnostics;
  const UiStrings strings = site.load(diagnostics);

  // No key mismatch is reported against a file that could not be read.
  CHECK(report(diagnostics, site) ==
        "templates/i18n/kk.toml:2:12: error: malformed TOML: Error while parsing key-value pair: "
        "expected a comment or whitespace, saw 'x'\n"
        "    t = \"Әкім\" x\n"
        "               ^\n");
  CHECK(strings.all(Lang::kk).empty());
  CHECK(strings.get(Lang::ru, "title") == "Название");
}

TEST_CASE("A UI string that is not text is reported at its value") {
  TempSite site;
  site.write("kk.toml",
             "title = \"Атауы\"\n"
             "count = 3\n"
             "list = [\"a\"]\n");
  site.write("ru.toml",
             "title = \"Название\"\n"
             "count = \"3\"\n"
             "list = \"a\"\n");
  Diagnostics diagnostics;
  site.load(diagnostics);

  // The non-strings never become keys, so ru.toml's count and list are reported as extra.
  CHECK(report(diagnostics, site) ==
        "templates/i18n/kk.toml: error: count: missing here but defined in "
        "templates/i18n/ru.toml:2; add the Kazakh text\n"
        "templates/i18n/kk.toml: error: list: missing here but defined in "
        "templates/i18n/ru.toml:3; add the Kazakh text\n"
        "templates/i18n/kk.toml:2:9: error: count: expected text in quotes, found a number; "
        "write key = \"text\"\n"
        "    count = 3\n"
        "            ^\n"
        "templates/i18n/kk.toml:3:8: error: list: expected text in quotes, found an array; "
        "write key = \"text\"\n"
        "    list = [\"a\"]\n"
        "           ^\n");
}

TEST_CASE("UI strings accept a BOM and CRLF, and a BOM is no column of line 1") {
  TempSite site;
  site.write("kk.toml", "\xEF\xBB\xBFtitle = 1\r\nname = \"Аты\"\r\n");
  site.write("ru.toml", "\xEF\xBB\xBFtitle = \"Название\"\r\nname = \"Имя\"\r\n");
  Diagnostics diagnostics;
  const UiStrings strings = site.load(diagnostics);

  // Two findings: title = 1 is not text, and so kk.toml lacks the title ru.toml has.
  const std::vector<Diagnostic> findings = diagnostics.sorted();
  REQUIRE(findings.size() == 2);
  const Diagnostic& not_text = findings[1];
  CHECK(not_text.where.file == "templates/i18n/kk.toml");
  CHECK(not_text.where.line == 1);
  CHECK(not_text.where.column == 9);  // "title = " + 1; the BOM is no column
  CHECK(strings.get(Lang::kk, "name") == "Аты");
  CHECK(strings.get(Lang::ru, "title") == "Название");
}

TEST_CASE("A missing UI strings file is reported and the other language still loads") {
  TempSite site;
  site.write("ru.toml", "title = \"Название\"\n");
  Diagnostics diagnostics;
  const UiStrings strings = site.load(diagnostics);

  CHECK(report(diagnostics, site) ==
        "templates/i18n/kk.toml: error: cannot read the UI strings file; the site needs kk.toml "
        "and ru.toml in templates/i18n\n");
  CHECK(strings.get(Lang::ru, "title") == "Название");
}

TEST_CASE("A UI string key given twice once flattened is reported at the second one") {
  TempSite site;
  site.write("kk.toml",
             "\"grant.title\" = \"Бір\"\n"
             "[grant]\n"
             "title = \"Екі\"\n");
  site.write("ru.toml", "grant.title = \"Грант\"\n");
  Diagnostics diagnostics;
  const UiStrings strings = site.load(diagnostics);

  CHECK(report(diagnostics, site) ==
        "templates/i18n/kk.toml:3:1: error: grant.title: the key is already defined at line 1; "
        "keep one of the two\n"
        "    title = \"Екі\"\n"
        "    ^\n");
  CHECK(strings.get(Lang::kk, "grant.title") == "Бір");
}

TEST_CASE(
    "A UI string key that is both a text and a table is reported, since templates see a tree") {
  TempSite site;
  site.write("kk.toml",
             "grant = \"Грант\"\n"
             "\"grant.title\" = \"Атауы\"\n");
  site.write("ru.toml",
             "grant = \"Грант\"\n"
             "\"grant.title\" = \"Название\"\n");
  Diagnostics diagnostics;
  site.load(diagnostics);

  const std::string findings = report(diagnostics, site);
  CHECK(findings ==
        "templates/i18n/kk.toml:1:1: error: grant: the key is a text but also the table of "
        "\"grant.title\" (line 2); templates could not tell them apart — rename one\n"
        "    grant = \"Грант\"\n"
        "    ^\n"
        "templates/i18n/ru.toml:1:1: error: grant: the key is a text but also the table of "
        "\"grant.title\" (line 2); templates could not tell them apart — rename one\n"
        "    grant = \"Грант\"\n"
        "    ^\n");
}

}  // namespace
}  // namespace ashyq::i18n
