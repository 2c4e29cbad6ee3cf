#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "core/status.h"

namespace ashyq {
namespace {

TEST_CASE("A default Status is ok, with no message and no path") {
  const Status status;
  CHECK(status.ok());
  CHECK(status.code() == Status::Code::ok);
  CHECK(status.message().empty());
  CHECK(status.path().empty());
  CHECK(status == Status());
}

TEST_CASE("An error Status keeps its kind, its whole message and its path") {
  const Status io = Status::io_error("public/index.html", "cannot write public/index.html");
  CHECK_FALSE(io.ok());
  CHECK(io.code() == Status::Code::io_error);
  CHECK(io.message() == "cannot write public/index.html");
  CHECK(io.path() == "public/index.html");

  const Status tmpl = Status::template_error("grant", "template \"grant\": unclosed section");
  CHECK(tmpl.code() == Status::Code::template_error);
  CHECK(tmpl.path() == "grant");

  const Status bad = Status::invalid_argument("refusing to write outside the output folder: ../x");
  CHECK(bad.code() == Status::Code::invalid_argument);
  CHECK(bad.path().empty());
  CHECK_FALSE(bad == io);
}

TEST_CASE("with_context puts the place before an error's message and leaves ok alone") {
  const Status io = Status::io_error("/tmp/p/a.csv", "cannot write /tmp/p/a.csv");
  const Status placed = io.with_context("ru/grants/index.html");
  CHECK(placed.message() == "ru/grants/index.html: cannot write /tmp/p/a.csv");
  CHECK(placed.code() == Status::Code::io_error);
  CHECK(placed.path() == "/tmp/p/a.csv");
  CHECK(Status().with_context("ru/index.html").ok());
}

TEST_CASE("A Result holds a value or the error of why there is none") {
  Result<std::string> good = std::string("<html>");
  REQUIRE(good.ok());
  CHECK(good.value() == "<html>");
  CHECK(*good == "<html>");
  CHECK(good->size() == 6);
  CHECK(good.status().ok());
  const std::string moved = std::move(good).value();
  CHECK(moved == "<html>");

  const Result<std::string> bad = Status::template_error("x", "unknown template \"x\"");
  CHECK_FALSE(bad.ok());
  CHECK(bad.status().message() == "unknown template \"x\"");
  CHECK(bad.status().code() == Status::Code::template_error);
}

TEST_CASE("A Result holds a move-only value") {
  Result<std::unique_ptr<int>> r = std::make_unique<int>(7);
  REQUIRE(r.ok());
  std::unique_ptr<int> p = std::move(r).value();
  CHECK(*p == 7);
}

}  // namespace
}  // namespace ashyq
