#include <catch2/catch.hpp>

#include "core/xml_escape.h"

TEST_CASE("xml_escape escapes the five markup characters", "[xml-escape]") {
  CHECK(ashyq::xml_escape(R"(<a href="x">Tom & 'Jerry'</a>)") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
}

TEST_CASE("xml_escape keeps Kazakh and Russian letters and line breaks", "[xml-escape]") {
  CHECK(ashyq::xml_escape("Гранттардың есебі\nОтчёт\t2024") == "Гранттардың есебі\nОтчёт\t2024");
}

TEST_CASE("xml_escape drops control characters XML 1.0 forbids", "[xml-escape]") {
  std::string text = "a";
  text += '\x01';
  text += 'b';
  text += '\x1f';
  text += "c\r";
  CHECK(ashyq::xml_escape(text) == "abc\r");
}
