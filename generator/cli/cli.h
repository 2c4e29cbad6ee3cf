#pragma once
// The command line: `ashyq build`, `ashyq check`, `ashyq links`, each with --help. Exit codes:
// 0 success, 1 content (or template, or write) errors or a broken link of severity error,
// 2 usage errors.
#include <ostream>
#include <string>
#include <vector>

namespace ashyq::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitContentError = 1;
inline constexpr int kExitUsage = 2;

// Runs one command line (args excludes the program name). Normal output goes to `out`, findings
// and usage errors to `err`.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ashyq::cli
