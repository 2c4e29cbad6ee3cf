#include <catch2/catch.hpp>

#include <string_view>

#include "core/web_url.h"

namespace ashyq {
namespace {

TEST_CASE(
    "Only absolute http and https URLs with a host and no spaces or control characters are web "
    "URLs") {
  struct Case {
    std::string_view url;
    bool ok;
  };
  static const Case kCases[] = {
      {"https://ashyq.kz", true},
      {"https://ashyq.kz/", true},
      {"http://ashyq.kz/kk/grants/?page=2#budget", true},
      {"HTTPS://ASHYQ.KZ/", true},
      {"https://www.instagram.com/p/C5x/", true},
      {"https://ашық.kz/", true},  // an internationalized host, as UTF-8
      {"https://localhost:8000/", true},
      {"", false},
      {"ashyq.kz", false},
      {"www.ashyq.kz", false},
      {"//ashyq.kz/", false},
      {"/kk/grants/", false},
      {"https://", false},
      {"http://", false},
      {"https:///path", false},
      {"https://.kz", false},
      {"https:/ashyq.kz", false},
      {"ftp://ashyq.kz/file", false},
      {"mailto:info@ashyq.kz", false},
      {"tel:+77022891984", false},
      {"javascript:alert(1)", false},
      {"file:///etc/passwd", false},
      {"https://ashyq.kz/a b", false},
      {" https://ashyq.kz/", false},
      {"https://ashyq.kz/\t", false},
      {"https://ashyq.kz/\n", false},
      {"https://ashyq.kz/\x7f", false},  // DEL is a control character too
      {"https://ashyq.kz/\"onmouseover=\"x", false},
      {"https://ashyq.kz/<script>", false},
      {"https://ashyq.kz\\evil", false},
  };
  for (const Case& c : kCases) {
    INFO('"' << c.url << '"');
    CHECK(is_web_url(c.url) == c.ok);
  }
}

}  // namespace
}  // namespace ashyq
