#pragma once
// Starts the real ashyq binary as a child process, for tests that must talk to it while it runs
// (ashyq serve) or run it as a user would, in a folder of their own (the NGO guide's commands).
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace ashyq::testing {

// Starts ASHYQ_BINARY with `args`, its standard output and error written to `out` and `err`, in
// the folder `dir` when one is given (else the test's own); returns its pid. Throws when it cannot
// start (a test reports the exception as its failure; it may be called outside a test's thread).
inline pid_t spawn_ashyq(const std::vector<std::string>& args, const std::filesystem::path& out,
                         const std::filesystem::path& err, const std::filesystem::path& dir = {}) {
  std::vector<std::string> strings = {ASHYQ_BINARY};
  strings.insert(strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (!dir.empty()) posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0)
    throw std::runtime_error(std::string("cannot start ") + ASHYQ_BINARY + ": " +
                             std::strerror(spawned));
  return pid;
}

}  // namespace ashyq::testing
