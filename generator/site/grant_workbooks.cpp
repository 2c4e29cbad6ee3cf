#include "site/grant_workbooks.h"

#include <stdlib.h>

#include <fstream>
#include <system_error>

#include "content/loader.h"
#include "core/file_io.h"
#include "i18n/ui_strings.h"
#include "routes/routes.h"
#include "validate/validator.h"
#include "workbook/grant_workbook.h"
#include "workbook/lists.h"
#include "workbook/workbook_file.h"
#include "xlsx/xlsx_reader.h"

namespace ashyq::site {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

std::string record_path(const std::string& folder) {
  return "content/grants/" + folder + "/grant.json";
}

// A folder of its own under the system's temporary folder, removed with what it holds.
class ScratchFolder {
 public:
  explicit ScratchFolder(const char* purpose) {
    std::string pattern =
        (fs::temp_directory_path() / (std::string("ashyq-") + purpose + "-XXXXXX")).string();
    if (::mkdtemp(pattern.data())) path_ = pattern;
  }
  ~ScratchFolder() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// A copy of the site for checking a new record: every file and folder linked, except the grant's
// folder, whose files are linked but for grant.json, which is `bytes`.
bool stage_site(const fs::path& site_dir, const fs::path& stage, const std::string& folder,
                const std::string& bytes) {
  std::error_code ec;
  const fs::path site = fs::absolute(site_dir, ec);
  if (ec) return false;
  for (const auto& entry : fs::directory_iterator(site, ec)) {
    const std::string name = entry.path().filename().string();
    if (name == "content") continue;
    fs::create_symlink(entry.path(), stage / name, ec);
    if (ec) return false;
  }
  fs::create_directories(stage / "content" / "grants" / folder, ec);
  if (ec) return false;
  for (const auto& entry : fs::directory_iterator(site / "content", ec)) {
    if (entry.path().filename() == "grants") continue;
    fs::create_symlink(entry.path(), stage / "content" / entry.path().filename(), ec);
    if (ec) return false;
  }
  if (fs::is_directory(site / "content" / "grants"))
    for (const auto& entry : fs::directory_iterator(site / "content" / "grants", ec)) {
      const fs::path target = stage / "content" / "grants" / entry.path().filename();
      if (entry.path().filename() != folder) {
        fs::create_symlink(entry.path(), target, ec);
        if (ec) return false;
        continue;
      }
      for (const auto& file : fs::directory_iterator(entry.path(), ec))
        if (file.path().filename() != "grant.json") {
          fs::create_symlink(file.path(), target / file.path().filename(), ec);
          if (ec) return false;
        }
    }
  if (ec) return false;
  return write_file_atomically(stage / record_path(folder), bytes);
}

}  // namespace

bool write_grant_workbook(const WorkbookRequest& request, Diagnostics& diagnostics) {
  const std::string target = request.file.string();
  if (fs::exists(request.file) && !request.force) {
    diagnostics.error({target, 0, 0}, "",
                      "the file exists; choose another name, or add --force to replace it "
                      "(what was typed in it is lost)");
    return false;
  }
  // The site gives the drop-downs (regions, directions, organisations) and the record; its
  // findings are `check`'s business, not the workbook's.
  Diagnostics ignored;
  const Portal portal = load_portal(request.site_dir, ignored);
  const Grant* grant = portal.find_grant(request.grant_id);
  const std::string folder = grant ? grant->folder : request.grant_id;
  const fs::path path = request.site_dir / record_path(folder);
  ordered_json record = ordered_json::object();
  if (request.empty) {
    if (grant || fs::exists(path)) {
      diagnostics.error({record_path(folder), 0, 0}, "",
                        "the grant " + request.grant_id +
                            " exists; drop --new to write its workbook with what it holds");
      return false;
    }
    record["id"] = request.grant_id;
  } else {
    const std::optional<std::string> bytes = read_file(path);
    if (!bytes) {
      diagnostics.error({record_path(folder), 0, 0}, "",
                        "no grant " + request.grant_id + " in " + request.site_dir.string() +
                            "/content/grants; for a new grant add --new");
      return false;
    }
    record = ordered_json::parse(*bytes, nullptr, false);
    if (record.is_discarded() || !record.is_object()) {
      diagnostics.error({record_path(folder), 0, 0}, "",
                        "the record is not valid JSON; run ashyq check to see where");
      return false;
    }
  }
  i18n::UiStrings strings =
      i18n::UiStrings::load(request.site_dir / "templates" / "i18n", request.site_dir, ignored);
  const std::vector<workbook::List> lists = workbook::grant_lists(portal, strings);
  // Written beside the target and renamed over it, so a failure leaves no half file.
  const fs::path partial = fs::path(target + ".partial");
  const Status written =
      workbook::write_workbook(workbook::to_grid(record), lists, partial, target);
  std::error_code ec;
  if (written.ok()) fs::rename(partial, request.file, ec);
  if (!written.ok() || ec) {
    fs::remove(partial, ec);
    diagnostics.error({target, 0, 0}, "",
                      written.ok() ? "cannot write the file" : written.message());
    return false;
  }
  return true;
}

ImportResult import_grant_workbook(const fs::path& site_dir, const fs::path& file,
                                   Diagnostics& diagnostics) {
  ImportResult result;
  const std::string display = file.filename().string();
  Result<xlsx::Workbook> book = xlsx::read_workbook(file);
  if (!book.ok()) {
    diagnostics.error({display, 0, 0}, "", book.status().message());
    return result;
  }
  workbook::Imported imported = workbook::from_grid(workbook::grid_of(*book), display, diagnostics);
  if (diagnostics.has_errors()) return result;
  const ordered_json* id = imported.record.contains("id") ? &imported.record["id"] : nullptr;
  if (!id || !id->is_string() || id->get<std::string>().empty()) {
    diagnostics.error({display, workbook::kFirstRow, 4, "Grant"}, "/id",
                      "the grant has no id: write it in the row id (lower-case Latin letters, "
                      "digits and hyphens, e.g. ngo-2025-youth-debates); it names the grant's "
                      "folder and page");
    return result;
  }
  result.grant_id = id->get<std::string>();
  // A grant already in the site keeps its folder; a new one gets a folder named by its id.
  Diagnostics ignored;
  const Portal before = load_portal(site_dir, ignored);
  const Grant* existing = before.find_grant(result.grant_id);
  const std::string folder = existing ? existing->folder : result.grant_id;
  if (folder.find('/') != std::string::npos || folder.find("..") != std::string::npos ||
      folder.starts_with(".")) {
    diagnostics.error(
        imported.place_of("/id"), "/id",
        "the id " + result.grant_id +
            " cannot name a folder: use lower-case Latin letters, digits and hyphens");
    return result;
  }
  const std::string bytes = workbook::canonical_json(imported.record);

  ScratchFolder stage("import");
  if (stage.path().empty() || !stage_site(site_dir, stage.path(), folder, bytes)) {
    diagnostics.error({display, 0, 0}, "",
                      "cannot prepare a copy of the site to check the record in the system's "
                      "temporary folder");
    return result;
  }
  Diagnostics found;
  const Portal portal = load_portal(stage.path(), found);
  validate_portal(portal, routes::reserved_names(), found);
  // Findings about the new record are shown at their cells; others (another record naming this
  // one) as they are.
  const std::string record_file = record_path(folder);
  for (Diagnostic d : found.items()) {
    if (d.where.file == record_file) {
      const SourceLocation cell = imported.place_of(d.field);
      if (!cell.file.empty()) d.where = cell;
    }
    diagnostics.add(std::move(d));
  }
  if (diagnostics.has_errors()) return result;

  result.written = site_dir / record_file;
  result.created = !fs::exists(result.written);
  const std::optional<std::string> old = read_file(result.written);
  result.changed = !old || *old != bytes;
  std::error_code ec;
  fs::create_directories(result.written.parent_path(), ec);
  if (result.changed && (ec || !write_file_atomically(result.written, bytes))) {
    diagnostics.error({record_file, 0, 0}, "", "cannot write the record");
    return result;
  }
  result.ok = true;
  return result;
}

}  // namespace ashyq::site
