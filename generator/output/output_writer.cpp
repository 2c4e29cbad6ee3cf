#include "output/output_writer.h"

#include <fcntl.h>
#include <stdio.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace ashyq::output {
namespace fs = std::filesystem;

namespace {

// Both write() and copy() take a path from the caller; neither may land outside the staging tree.
void check_inside(const std::string& relative_path) {
  if (relative_path.find("..") != std::string::npos || relative_path.starts_with("/"))
    throw std::runtime_error("refusing to write outside the output folder: " + relative_path);
}

}  // namespace

OutputWriter::OutputWriter(fs::path out_dir) : out_dir_(std::move(out_dir)) {
  if (out_dir_.filename().empty()) out_dir_ = out_dir_.parent_path();
  staging_dir_ = out_dir_;
  staging_dir_ += ".staging";
  std::error_code ec;
  fs::remove_all(staging_dir_, ec);  // left over from a build that was killed
  fs::create_directories(staging_dir_, ec);
  if (ec) throw std::runtime_error("cannot create " + staging_dir_.string() + ": " + ec.message());
}

OutputWriter::~OutputWriter() {
  std::error_code ec;
  fs::remove_all(staging_dir_, ec);
}

void OutputWriter::write(const std::string& relative_path, std::string_view bytes) {
  check_inside(relative_path);
  const fs::path path = staging_dir_ / relative_path;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
  std::lock_guard lock(mutex_);
  ++files_;
  bytes_ += static_cast<std::int64_t>(bytes.size());
}

void OutputWriter::copy(const fs::path& source, const std::string& relative_path) {
  check_inside(relative_path);
  const fs::path path = staging_dir_ / relative_path;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  fs::copy_file(source, path, fs::copy_options::overwrite_existing, ec);
  if (ec) throw std::runtime_error("cannot copy " + source.string() + ": " + ec.message());
  std::lock_guard lock(mutex_);
  ++files_;
  bytes_ += static_cast<std::int64_t>(fs::file_size(path, ec));
}

void OutputWriter::publish() {
  std::error_code ec;
  if (fs::exists(out_dir_, ec)) {
    // One atomic step: the new tree takes the output's name and the old tree the staging name.
    if (::renameat2(AT_FDCWD, staging_dir_.c_str(), AT_FDCWD, out_dir_.c_str(), RENAME_EXCHANGE) !=
        0)
      throw std::runtime_error("cannot publish " + out_dir_.string() + ": " + std::strerror(errno));
  } else {
    fs::create_directories(out_dir_.parent_path().empty() ? fs::path(".") : out_dir_.parent_path(),
                           ec);
    fs::rename(staging_dir_, out_dir_, ec);
    if (ec) throw std::runtime_error("cannot publish " + out_dir_.string() + ": " + ec.message());
  }
  published_ = true;
  fs::remove_all(staging_dir_, ec);  // now the previous output
}

}  // namespace ashyq::output
