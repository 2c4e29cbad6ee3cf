#include "views/charts.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

#include "core/xml_escape.h"

namespace ashyq::views {
namespace {

// Geometry in viewBox units. The width is a phone's: on a 360 px screen (328 px inside the page's
// padding) a unit is about 0.9 px, so the 15-unit text stays near 14 px on the smallest screen we
// design for; wider screens scale it up only as far as the stylesheet's max-width allows.
constexpr int kWidth = 360;
constexpr int kFontSize = 15;
constexpr int kRowHeight = 46;  // label line + bar + gap
constexpr int kLabelBaseline = 16;
constexpr int kBarTop = 22;
constexpr int kBarHeight = 18;
constexpr int kValueBaseline = 36;  // vertically centred on the bar
constexpr int kValueGap = 4;        // between a bar's end and its value label
// We cannot measure text at build time; a code point of the value label ("10 125 000 ₸") is
// reckoned at most this wide (digits are about 0.55 em), which decides whether the label fits
// after its bar or must go inside it.
constexpr int kCharWidth = 9;

// Coordinates in tenths of a unit, printed without floating point so that no locale and no
// libc rounding can change a byte.
std::string tenths_text(std::int64_t tenths) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, tenths / 10);
  std::string out(buffer, end);
  if (tenths % 10 != 0) {
    out += '.';
    out += static_cast<char>('0' + tenths % 10);
  }
  return out;
}

std::string int_text(std::int64_t value) { return tenths_text(value * 10); }

std::int64_t code_points(std::string_view text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

}  // namespace

std::string bar_chart_svg(const std::vector<ChartBar>& bars, const std::string& title) {
  if (bars.empty()) return {};
  // A negative value breaks the contract (values are >= 0); it is drawn as 0 rather than as a bar
  // pointing out of the chart.
  std::int64_t max_value = 0;
  for (const ChartBar& bar : bars) max_value = std::max(max_value, bar.value);

  const int height = static_cast<int>(bars.size()) * kRowHeight - 4;
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " +
                    int_text(kWidth) + " " + int_text(height) + "\" width=\"" + int_text(kWidth) +
                    "\" height=\"" + int_text(height) + "\" font-size=\"" + int_text(kFontSize) +
                    "\" aria-hidden=\"true\" focusable=\"false\">\n";
  out += "<title>" + xml_escape(title) + "</title>\n";

  for (std::size_t i = 0; i < bars.size(); ++i) {
    const ChartBar& bar = bars[i];
    const std::int64_t top = static_cast<std::int64_t>(i) * kRowHeight;

    const std::string label = "<text class=\"label\" x=\"0\" y=\"" +
                              int_text(top + kLabelBaseline) + "\">" + xml_escape(bar.label) +
                              "</text>";
    // The link is kept out of the tab order: the SVG is hidden from assistive technology, and the
    // same link is reachable in the data table beside the chart.
    if (bar.href.empty())
      out += label + "\n";
    else
      out += "<a href=\"" + xml_escape(bar.href) + "\" tabindex=\"-1\">" + label + "</a>\n";

    // Bar length in tenths of a unit. A value too small to show at this scale still gets one unit,
    // so that "a little" never looks the same as "nothing".
    std::int64_t bar_tenths = 0;
    if (bar.value > 0 && max_value > 0) {
      const double share = static_cast<double>(bar.value) / static_cast<double>(max_value);
      bar_tenths = std::max<std::int64_t>(10, std::llround(share * kWidth * 10));
      out += "<rect class=\"bar\" x=\"0\" y=\"" + int_text(top + kBarTop) + "\" width=\"" +
             tenths_text(bar_tenths) + "\" height=\"" + int_text(kBarHeight) + "\"/>\n";
    }

    if (bar.value_label.empty()) continue;
    const std::int64_t label_tenths = (code_points(bar.value_label) * kCharWidth + kValueGap) * 10;
    const std::string y = int_text(top + kValueBaseline);
    if (bar_tenths == 0) {
      out += "<text class=\"value\" x=\"0\" y=\"" + y + "\">";
    } else if (bar_tenths + label_tenths <= kWidth * 10) {
      out += "<text class=\"value\" x=\"" + tenths_text(bar_tenths + kValueGap * 10) + "\" y=\"" +
             y + "\">";
    } else {
      // No room after the bar: the label goes inside its end, in the paper colour.
      out += "<text class=\"value value-inside\" x=\"" + tenths_text(bar_tenths - kValueGap * 10) +
             "\" y=\"" + y + "\" text-anchor=\"end\">";
    }
    out += xml_escape(bar.value_label) + "</text>\n";
  }
  out += "</svg>";
  return out;
}

std::string grouped_bar_chart_svg(const std::vector<ChartGroup>& groups, const std::string& title) {
  if (groups.empty()) return {};
  // A group: its label line, then per bar a text line and the bar; a group without bars has its
  // empty_label where its first bar's text would be.
  constexpr int kGroupLabel = 22;
  constexpr int kBarText = 17;
  constexpr int kBarRow = kBarText + kBarHeight + 5;
  constexpr int kGroupGap = 8;
  std::int64_t max_value = 0;
  int height = 0;
  for (const ChartGroup& group : groups) {
    for (const ChartBar& bar : group.bars) max_value = std::max(max_value, bar.value);
    height += kGroupLabel +
              kBarRow * static_cast<int>(std::max<std::size_t>(1, group.bars.size())) + kGroupGap;
  }
  height -= kGroupGap;
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " +
                    int_text(kWidth) + " " + int_text(height) + "\" width=\"" + int_text(kWidth) +
                    "\" height=\"" + int_text(height) + "\" font-size=\"" + int_text(kFontSize) +
                    "\" aria-hidden=\"true\" focusable=\"false\">\n";
  out += "<title>" + xml_escape(title) + "</title>\n";
  std::int64_t top = 0;
  for (const ChartGroup& group : groups) {
    const std::string label = "<text class=\"label\" x=\"0\" y=\"" +
                              int_text(top + kLabelBaseline) + "\" font-weight=\"bold\">" +
                              xml_escape(group.label) + "</text>";
    if (group.href.empty())
      out += label + "\n";
    else
      out += "<a href=\"" + xml_escape(group.href) + "\" tabindex=\"-1\">" + label + "</a>\n";
    top += kGroupLabel;
    if (group.bars.empty()) {
      out += "<text class=\"value\" x=\"0\" y=\"" + int_text(top + kBarText - 3) + "\">" +
             xml_escape(group.empty_label) + "</text>\n";
      top += kBarRow;
    }
    for (const ChartBar& bar : group.bars) {
      out += "<text class=\"value\" x=\"0\" y=\"" + int_text(top + kBarText - 3) + "\">" +
             xml_escape(bar.label) + ": " + xml_escape(bar.value_label) + "</text>\n";
      // As in bar_chart_svg: a value too small for the scale still gets one unit.
      if (bar.value > 0 && max_value > 0) {
        const double share = static_cast<double>(bar.value) / static_cast<double>(max_value);
        const std::int64_t tenths = std::max<std::int64_t>(10, std::llround(share * kWidth * 10));
        out += "<rect class=\"bar\" x=\"0\" y=\"" + int_text(top + kBarText) + "\" width=\"" +
               tenths_text(tenths) + "\" height=\"" + int_text(kBarHeight) + "\"/>\n";
      }
      top += kBarRow;
    }
    top += kGroupGap;
  }
  out += "</svg>";
  return out;
}

}  // namespace ashyq::views
