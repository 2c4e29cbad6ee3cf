#pragma once
// Charts made at build time as inline SVG, with no script and no external request. Each chart has
// its data table as the accessible alternative; the SVG itself is aria-hidden decoration of the
// table. Charts stay readable on a 360 px phone (they scale to the container's width; labels sit
// above their bars, not beside them) and in print (black-and-white friendly: bars are dark, value
// labels are text, not colour).
#include <cstdint>
#include <string>
#include <vector>

namespace ashyq::views {

struct ChartBar {
  std::string label;        // already localized, e.g. "Маңғыстау облысы"
  std::int64_t value = 0;   // e.g. whole tenge; must be >= 0
  std::string value_label;  // already formatted, e.g. "10 125 000 ₸"
  std::string href;         // optional link for the label (a region page); empty = no link
};

// A horizontal bar chart as one <svg> element (UTF-8, escaped), bars in the given order. Width is
// a viewBox so it scales; height grows with the number of bars. `title` becomes the SVG <title>.
// An empty `bars` gives an empty string. Values of 0 draw no bar but keep their row.
// Deterministic: the same input gives the same bytes (no ids from counters or clocks).
std::string bar_chart_svg(const std::vector<ChartBar>& bars, const std::string& title);

// A group of bars under one label: a year and its money by status.
struct ChartGroup {
  std::string label;  // "2024", "Год не указан"
  std::string href;   // optional link for the label; empty = no link
  // The bars, each with its own line of text above it: "label: value_label".
  std::vector<ChartBar> bars;
  // Said instead of bars when `bars` is empty ("грантов нет"), so that a group is never blank.
  std::string empty_label;
};

// Groups of horizontal bars as one <svg>, one scale for every bar; each group is a label line
// (class "label", one per group, as the data table beside it has one row per group), then per bar
// a text line (class "value") and the bar. Same geometry, escaping and determinism as
// bar_chart_svg; an empty `groups` gives an empty string.
std::string grouped_bar_chart_svg(const std::vector<ChartGroup>& groups, const std::string& title);

}  // namespace ashyq::views
