#include "scaffold/scaffold.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "config/site_config.h"
#include "content/json_decoder.h"
#include "core/diagnostics.h"
#include "core/file_io.h"
#include "routes/routes.h"
#include "scaffold/embedded_files.h"

namespace ashyq::scaffold {
namespace fs = std::filesystem;

namespace {

// Embedded files are kept under their source path; scaffold/ holds the files of a new portal that
// differ from the national portal's (its site.toml, its about pages) and is written at the root.
std::string target_path(std::string_view embedded) {
  constexpr std::string_view kScaffold = "scaffold/";
  if (embedded.starts_with(kScaffold)) embedded.remove_prefix(kScaffold.size());
  return std::string(embedded);
}

Status write_new_file(const fs::path& path, std::string_view bytes) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec || !write_file_atomically(path, std::string(bytes)))
    return Status::io_error(path.string(), "cannot write " + path.string());
  return Status();
}

// A placeholder's hint in Kazakh and Russian, "TODO: <kk> / <ru>": the portal's NGOs read one
// language or the other, and check reports the whole hint, so each reads it in theirs.
std::string to_fill(const std::string& kk, const std::string& ru) {
  return "TODO: " + kk + " / " + ru;
}

// A text's placeholder in each language: what to write, and in which language.
nlohmann::ordered_json text_to_fill(const std::string& kk_what, const std::string& ru_what) {
  return {{"kk", to_fill(kk_what + " қазақ тілінде", ru_what + " на казахском языке")},
          {"ru", to_fill(kk_what + " орыс тілінде", ru_what + " на русском языке")}};
}

nlohmann::ordered_json grant_skeleton(const std::string& id, const std::string& operator_id) {
  nlohmann::ordered_json g;
  g["$schema"] = "../../../schemas/grant.schema.json";
  g["id"] = id;
  g["status"] = to_fill(
      "гранттың мәртебесі: application (өтінім), planned (жоспарланған), in_progress (берілген, "
      "іске асырылуда) немесе completed (қорытынды есебі жарияланған)",
      "статус гранта: application (заявка), planned (запланирован), in_progress (предоставлен, "
      "реализуется) или completed (итоговый отчёт опубликован)");
  g["operator"] = operator_id.empty()
                      ? to_fill(
                            "грант беретін ұйымның id-і (оның жазбасы "
                            "content/organisations/<id>.json)",
                            "id организации, которая предоставляет грант (её запись "
                            "content/organisations/<id>.json)")
                      : operator_id;
  g["grantee"] = to_fill(
      "грант алушы ұйым жазбасының id-і, content/organisations/<id>.json (оны ashyq new "
      "organisation ID жазады); \"grantee\" өрісін тек жоспарланған грант қалдыра алады",
      "id записи организации-грантополучателя, content/organisations/<id>.json (её пишет ashyq "
      "new organisation ID); без \"grantee\" может быть только запланированный грант");
  g["title"] = text_to_fill("гранттың атауы", "название гранта");
  g["amount"] = to_fill(
      "берілген грант сомасы бүтін теңгемен, тырнақшасыз және бөлгіштерсіз сан, мысалы 3000000; "
      "\"amount\" өрісін тек жоспарланған грант қалдыра алады",
      "сумма гранта в целых тенге, число без кавычек и разделителей, например 3000000; без "
      "\"amount\" может быть только запланированный грант");
  return g;
}

nlohmann::ordered_json organisation_skeleton(const std::string& id) {
  nlohmann::ordered_json o;
  o["$schema"] = "../../schemas/organisation.schema.json";
  o["id"] = id;
  o["name"] = text_to_fill("ұйымның тіркелген толық атауы",
                           "зарегистрированное полное название организации");
  return o;
}

}  // namespace

Result<std::vector<std::string>> init_site(const fs::path& dir, bool force) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    return Status::invalid_argument(dir.string() + " exists and is not a folder", dir.string());
  if (!force && fs::is_directory(dir, ec) && !fs::is_empty(dir, ec))
    return Status::invalid_argument(
        dir.string() +
            " is not empty; init writes a new portal into an empty or new folder (--force "
            "writes it anyway, overwriting the files it writes and leaving any other alone)",
        dir.string());
  std::vector<std::string> written;
  for (const EmbeddedFile& file : embedded_files()) {
    const std::string relative = target_path(file.path);
    if (Status s = write_new_file(dir / relative, file.bytes); !s.ok()) return s;
    written.push_back(relative);
  }
  // The folders a user fills with `ashyq new`.
  for (const char* folder : {"content/grants", "content/organisations"}) {
    fs::create_directories(dir / folder, ec);
    if (ec)
      return Status::io_error((dir / folder).string(), "cannot create " + (dir / folder).string());
  }
  return written;
}

Result<fs::path> new_record(const fs::path& site_dir, RecordKind kind, const std::string& id) {
  const char* what = kind == RecordKind::grant ? "grant" : "organisation";
  if (!is_slug(id))
    return Status::invalid_argument(
        "\"" + id + "\" is not a valid " + what +
        " id; use lowercase ASCII letters, digits and single hyphens, e.g. \"fund-2025-youth\"");
  const ReservedNames reserved = routes::reserved_names();
  if (kind == RecordKind::grant && std::find(reserved.grant_ids.begin(), reserved.grant_ids.end(),
                                             id) != reserved.grant_ids.end())
    return Status::invalid_argument("\"" + id + "\" is reserved for catalogue pages (/grants/" +
                                    id + "/); choose another id");
  if (kind == RecordKind::organisation &&
      std::find(reserved.organisation_ids.begin(), reserved.organisation_ids.end(), id) !=
          reserved.organisation_ids.end())
    return Status::invalid_argument("\"" + id +
                                    "\" is reserved for the organisations list's pages "
                                    "(/organisations/" +
                                    id + "/); choose another id");
  std::error_code ec;
  if (!fs::is_regular_file(site_dir / "site.toml", ec))
    return Status::invalid_argument(site_dir.string() +
                                    " is no portal (it has no site.toml); run ashyq init DIR "
                                    "first, or give the portal with --site DIR");
  const fs::path content = site_dir / "content";
  const fs::path record = kind == RecordKind::grant ? content / "grants" / id / "grant.json"
                                                    : content / "organisations" / (id + ".json");
  const fs::path taken = kind == RecordKind::grant ? record.parent_path() : record;
  if (fs::exists(taken, ec))
    return Status::invalid_argument(std::string(what) + " \"" + id + "\" already exists (" +
                                    taken.lexically_relative(site_dir).generic_string() +
                                    "); choose another id");

  nlohmann::ordered_json skeleton;
  if (kind == RecordKind::grant) {
    // The portal's operator, when site.toml names one, awards its grants; findings in site.toml
    // are left for `ashyq check`.
    Diagnostics ignored;
    const SiteConfig config = load_site_config(site_dir / "site.toml", "site.toml", ignored);
    skeleton = grant_skeleton(id, config.operator_id);
  } else {
    skeleton = organisation_skeleton(id);
  }
  if (Status s = write_new_file(record, skeleton.dump(2) + "\n"); !s.ok()) return s;
  return record;
}

}  // namespace ashyq::scaffold
