#pragma once
// Reading and writing whole files. Every reader in the generator goes through here.
#include <filesystem>
#include <optional>
#include <string>

namespace ashyq {

// The file's bytes, or nullopt when it cannot be opened or read.
std::optional<std::string> read_file(const std::filesystem::path& path);

// Replaces `path` with `bytes` in one step: written to "<path>.tmp" beside it, then renamed over
// it, so a reader (or a crash) never sees half a file. Returns false, leaving `path` as it was,
// when the file cannot be written.
bool write_file_atomically(const std::filesystem::path& path, const std::string& bytes);

}  // namespace ashyq
