#pragma once
// Helpers for reading the HTML the generator writes, shared by the integration tests that look at
// built pages: plain string searches, no HTML parser, so a change of markup shows up as a failure.
#include <string>
#include <string_view>
#include <vector>

namespace ashyq::integration {

bool contains(const std::string& haystack, const std::string& needle);

// From the first `start` (inclusive) to the next `end` after it (exclusive). Fails the test when
// either is missing.
std::string between(const std::string& html, const std::string& start, const std::string& end);

// The page's <main> element, without its closing tag.
std::string main_of(const std::string& html);

// Text without tags; <br> becomes a line break; the entities Mustache writes are decoded.
std::string text_of(std::string_view html);

// The markup with the figure and phone-layout decorations taken out, so that a check reads a figure
// as a reader sees it: a figure's <data value> wrapper, a computed figure's "*" and its basis
// (checked in figures_test.cpp), data-label (the phone layout, checked in tests/browser) and the
// data-part/data-whole marks of breakdown tables; a table's "stack" class.
std::string plain_figures(std::string html);

// Every value of href="…" in `html`, in order.
std::vector<std::string> hrefs(const std::string& html);

}  // namespace ashyq::integration
