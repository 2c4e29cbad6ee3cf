#pragma once
// Catch prints a Status as its message, so CHECK(x == Status()) shows the error when it fails;
// open_writer() opens an OutputWriter or fails the test with the reason.
#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <utility>

#include "core/status.h"
#include "output/output_writer.h"

namespace Catch {
template <>
struct StringMaker<ashyq::Status> {
  static std::string convert(const ashyq::Status& status) {
    return status.ok() ? "ok" : "error: " + status.message();
  }
};
}  // namespace Catch

namespace ashyq::testing {

inline std::unique_ptr<output::OutputWriter> open_writer(const std::filesystem::path& out_dir,
                                                         const std::string& inputs = {}) {
  Result<std::unique_ptr<output::OutputWriter>> writer =
      output::OutputWriter::open(out_dir, inputs);
  INFO(writer.status().message());
  REQUIRE(writer.ok());
  return std::move(writer).value();
}

}  // namespace ashyq::testing
