#include <catch2/catch.hpp>

#include <string>

#include "core/short_text.h"

namespace ashyq {
namespace {

TEST_CASE("short_text collapses white space and keeps a text that fits as it is") {
  CHECK(short_text("  Жастар\n\tклубы  ", 100) == "Жастар клубы");
  CHECK(short_text("abc def ghi", 11) == "abc def ghi");
  CHECK(short_text("", 10).empty());
  CHECK(short_text(" \n ", 10).empty());
}

TEST_CASE("short_text cuts at a space, the ellipsis counted in the limit") {
  CHECK(short_text("abc def ghi", 10) == "abc def…");  // 7 bytes and 3 for "…"
  CHECK(short_text("abc def ghi", 9) == "abc…");
  CHECK(short_text("abc, def ghi", 9) == "abc…");  // no dangling comma
  CHECK(short_text("abc. def ghi", 9) == "abc…");  // nor full stop
  CHECK(short_text("Бірінші екінші үшінші", 20) == "Бірінші…");  // 14 + 3 bytes
  for (std::size_t limit = 3; limit < 40; ++limit) {
    INFO(limit);
    CHECK(short_text("Бірінші екінші үшінші, төртінші", limit).size() <= limit);
  }
}

TEST_CASE("short_text cuts one long word between letters, never inside a UTF-8 character") {
  CHECK(short_text("Әліппе жобасы", 8) == "Әл…");  // 4 + 3 bytes
  CHECK(short_text("Ұзынсөзбөлінбейтін", 5) == "Ұ…");
  CHECK(short_text("Ұзынсөзбөлінбейтін", 6) == "Ұ…");
  CHECK(short_text("Ұзынсөзбөлінбейтін", 7) == "Ұз…");
  CHECK(short_text("abcdef", 2).empty());  // no room even for the ellipsis
}

TEST_CASE("short_text reads a long text only as far as it needs") {
  const std::string body = "Жоба " + std::string(1 << 20, 'a');
  CHECK(short_text(body, 200) == "Жоба…");
}

}  // namespace
}  // namespace ashyq
