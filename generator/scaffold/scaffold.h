#pragma once
// `ashyq init` and `ashyq new`: a new portal that builds at once, and skeletons of new records in
// both languages with a placeholder (core/placeholder.h) wherever a value is still needed, which
// `ashyq check` then reports one by one.
#include <filesystem>
#include <string>
#include <vector>

#include "core/status.h"

namespace ashyq::scaffold {

// Writes a new portal into `dir` (created if needed): site.toml with every option commented,
// content/ (regions, directions, an about page in both languages, empty grants/ and
// organisations/), templates/ with their UI strings, assets/ and schemas/. Refuses a `dir` that
// holds anything unless `force`, which overwrites the files it writes and leaves others alone.
// Returns the files written, relative to `dir`, in order.
Result<std::vector<std::string>> init_site(const std::filesystem::path& dir, bool force);

enum class RecordKind { grant, organisation };

// Writes the skeleton of a new record with id `id` into the site at `site_dir`:
// content/grants/<id>/grant.json or content/organisations/<id>.json. Refuses an id that is no
// valid id (lowercase ASCII letters, digits and single hyphens), a reserved one (a grant id a
// catalogue URL would shadow) or one a record already has. Returns the file written.
Result<std::filesystem::path> new_record(const std::filesystem::path& site_dir, RecordKind kind,
                                         const std::string& id);

}  // namespace ashyq::scaffold
