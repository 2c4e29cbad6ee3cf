#include "i18n/ui_strings.h"

#include "core/file_io.h"
#include "core/text_position.h"

#include <algorithm>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <tuple>
#include <utility>

#include <toml++/toml.h>

namespace ashyq::i18n {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string display_path(const fs::path& path, const fs::path& display_base) {
  const fs::path relative = path.lexically_relative(display_base);
  return relative.empty() ? path.generic_string() : relative.generic_string();
}

// One language's file as read: the text without its BOM (toml++ positions refer to it, in code
// points, as diagnostics count columns).
struct LoadedFile {
  std::string display;
  std::string text;
  bool parsed = false;
  std::map<std::string, SourceLocation> key_locations;
};

SourceLocation location_in(const LoadedFile& file, const toml::source_region& region) {
  const int line = static_cast<int>(region.begin.line);
  if (line <= 0) return {file.display, 0, 0};
  return {file.display, line, static_cast<int>(region.begin.column)};
}

std::string_view type_name(toml::node_type type) {
  switch (type) {
    case toml::node_type::integer:
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "true/false";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time:
      return "a date or time";
    default:
      return "a value of another type";
  }
}

// Adds every string of `table` under `prefix`, reporting values that are not strings.
void flatten(const toml::table& table, const std::string& prefix, LoadedFile& file,
             std::map<std::string, std::string>& out, Diagnostics& diagnostics) {
  for (const auto& [key, value] : table) {
    const std::string name = prefix + std::string(key.str());
    if (const toml::table* nested = value.as_table()) {
      flatten(*nested, name + ".", file, out, diagnostics);
      continue;
    }
    const SourceLocation where = location_in(file, key.source());
    if (!value.is_string()) {
      diagnostics.error(location_in(file, value.source()), name,
                        "expected text in quotes, found " + std::string(type_name(value.type())) +
                            "; write key = \"text\"");
      continue;
    }
    // A quoted key with dots ("grant.title" = ...) and a table ([grant] title = ...) flatten to
    // the same name. toml++ iterates in key order, not file order, so compare positions: the one
    // earlier in the file wins and the later one is reported.
    auto [it, inserted] = file.key_locations.try_emplace(name, where);
    if (!inserted) {
      SourceLocation first = it->second;
      SourceLocation second = where;
      const bool new_is_first =
          std::tie(where.line, where.column) < std::tie(first.line, first.column);
      if (new_is_first) std::swap(first, second);
      diagnostics.error(second, name,
                        "the key is already defined at line " + std::to_string(first.line) +
                            "; keep one of the two");
      if (!new_is_first) continue;
      it->second = where;
    }
    out[name] = **value.as_string();
  }
}

LoadedFile load_language(const fs::path& path, const fs::path& display_base,
                         std::map<std::string, std::string>& out, Diagnostics& diagnostics) {
  LoadedFile file;
  file.display = display_path(path, display_base);
  auto text = read_file(path);
  if (!text) {
    diagnostics.error({file.display, 0, 0}, "",
                      "cannot read the UI strings file; the site needs kk.toml and ru.toml in " +
                          display_path(path.parent_path(), display_base));
    return file;
  }
  file.text = std::move(*text);
  if (file.text.starts_with(kBom)) {
    file.text.erase(0, kBom.size());
  }
  toml::table root;
  try {
    root = toml::parse(std::string_view(file.text), std::string_view(file.display));
  } catch (const toml::parse_error& e) {
    diagnostics.error(location_in(file, e.source()), "",
                      "malformed TOML: " + std::string(e.description()));
    return file;
  }
  file.parsed = true;
  flatten(root, "", file, out, diagnostics);
  // Templates see the strings as a tree (t.grant.title), so a key cannot be both a text and a
  // table: `grant = "…"` beside `grant.title = "…"`. Keys are sorted, so the table's members
  // follow the text's key directly (after any "grant-…" keys, which sort before ".").
  for (const auto& [key, where] : file.key_locations) {
    auto member = file.key_locations.lower_bound(key + ".");
    if (member != file.key_locations.end() && member->first.starts_with(key + "."))
      diagnostics.error(where, key,
                        "the key is a text but also the table of \"" + member->first + "\" (line " +
                            std::to_string(member->second.line) +
                            "); templates could not tell them apart — rename one");
  }
  return file;
}

// Reports each key of `has` that `lacks` does not define, in the file that lacks it (where the
// fix goes), naming where the other language defines it.
void report_missing(const LoadedFile& has, Lang has_lang, const LoadedFile& lacks,
                    Diagnostics& diagnostics) {
  const std::string language = has_lang == Lang::kk ? "Russian" : "Kazakh";
  for (const auto& [key, where] : has.key_locations) {
    if (lacks.key_locations.contains(key)) continue;
    diagnostics.error({lacks.display, 0, 0}, key,
                      "missing here but defined in " + where.file + ":" +
                          std::to_string(where.line) + "; add the " + language + " text");
  }
}

const std::string& missing_placeholder(const std::string& key) {
  // get() returns a reference, so placeholders live for the whole run; there are only as many as
  // distinct missing keys the templates ask for.
  static std::mutex mutex;
  static std::set<std::string> placeholders;
  std::lock_guard lock(mutex);
  return *placeholders.insert("[[" + key + "]]").first;
}

}  // namespace

UiStrings UiStrings::load(const std::filesystem::path& dir,
                          const std::filesystem::path& display_base, Diagnostics& diagnostics) {
  UiStrings strings;
  const LoadedFile kk = load_language(dir / "kk.toml", display_base,
                                      strings.strings_[static_cast<int>(Lang::kk)], diagnostics);
  const LoadedFile ru = load_language(dir / "ru.toml", display_base,
                                      strings.strings_[static_cast<int>(Lang::ru)], diagnostics);
  // Comparing against a file that could not be read would list every key as missing.
  if (kk.parsed && ru.parsed) {
    report_missing(kk, Lang::kk, ru, diagnostics);
    report_missing(ru, Lang::ru, kk, diagnostics);
  }
  return strings;
}

const std::string& UiStrings::get(Lang lang, const std::string& key) const {
  const auto& strings = strings_[static_cast<int>(lang)];
  if (auto it = strings.find(key); it != strings.end()) return it->second;
  return missing_placeholder(key);
}

}  // namespace ashyq::i18n
