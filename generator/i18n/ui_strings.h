#pragma once
// UI strings per language, from templates/i18n/<lang>.toml: a flat table of key = "text" (nested
// tables are flattened with dots: [grant] title = ... becomes "grant.title").
#include <filesystem>
#include <map>
#include <string>

#include "core/diagnostics.h"
#include "core/lang.h"

namespace ashyq::i18n {

class UiStrings {
 public:
  // Loads kk.toml and ru.toml from `dir` (the site's templates/i18n). Reports as errors into
  // `diagnostics`, with file names relative to `display_base`:
  //  - a file that cannot be read (at the whole file);
  //  - malformed TOML, at its line and byte column (a UTF-8 BOM is accepted);
  //  - a value that is not a string, at the value;
  //  - a key defined twice once flattened ("a.b" = … and [a] b = …), at the second one;
  //  - a key present in one language but not the other, in the file that lacks it (line 0, the
  //    key as field), naming the place the other file defines it. Skipped when either file is
  //    malformed, which would make every key look missing.
  // On error the returned strings hold what could be read.
  static UiStrings load(const std::filesystem::path& dir, const std::filesystem::path& display_base,
                        Diagnostics& diagnostics);

  // The string for `key`, or "[[key]]" when the key is missing (so a gap is visible in review; an
  // empty string given in the file is returned as is). Safe to call from several threads.
  const std::string& get(Lang lang, const std::string& key) const;
  const std::map<std::string, std::string>& all(Lang lang) const {
    return strings_[static_cast<int>(lang)];
  }
  void set(Lang lang, std::string key, std::string value) {
    strings_[static_cast<int>(lang)][std::move(key)] = std::move(value);
  }

 private:
  std::map<std::string, std::string> strings_[2];
};

}  // namespace ashyq::i18n
