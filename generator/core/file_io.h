#pragma once
// Reading whole files. Every reader in the generator goes through here.
#include <filesystem>
#include <optional>
#include <string>

namespace ashyq {

// The file's bytes, or nullopt when it cannot be opened or read.
std::optional<std::string> read_file(const std::filesystem::path& path);

}  // namespace ashyq
