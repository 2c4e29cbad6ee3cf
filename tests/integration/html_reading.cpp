#include "html_reading.h"

#include <regex>

#include <catch2/catch.hpp>

namespace ashyq::integration {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string between(const std::string& html, const std::string& start, const std::string& end) {
  INFO("looking for " << start << " … " << end);
  const std::size_t from = html.find(start);
  REQUIRE(from != std::string::npos);
  const std::size_t to = html.find(end, from + start.size());
  REQUIRE(to != std::string::npos);
  return html.substr(from, to - from);
}

std::string main_of(const std::string& html) {
  return between(html, "<main id=\"main\"", "</main>");
}

std::string text_of(std::string_view html) {
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    if (html[i] == '<') {
      const std::size_t close = html.find('>', i);
      if (html.substr(i, 4) == "<br>") out += '\n';
      i = close == std::string_view::npos ? html.size() : close + 1;
      continue;
    }
    out += html[i++];
  }
  const std::pair<const char*, const char*> entities[] = {
      {"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};
  for (auto [entity, plain] : entities) {
    const std::string_view from = entity, to = plain;
    for (std::size_t at = out.find(from); at != std::string::npos; at = out.find(from, at)) {
      out.replace(at, from.size(), to);
      at += to.size();
    }
  }
  // Trailing line breaks (a list of regions ends with <br>) carry nothing.
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::vector<std::string> hrefs(const std::string& html) {
  std::vector<std::string> out;
  const std::string marker = "href=\"";
  for (std::size_t at = html.find(marker); at != std::string::npos;
       at = html.find(marker, at + 1)) {
    const std::size_t start = at + marker.size();
    out.push_back(html.substr(start, html.find('"', start) - start));
  }
  return out;
}

std::string plain_figures(std::string html) {
  static const std::regex computed(
      R"re(<span class="fig-computed"[^>]*>(.*?)<sup class="fig-mark" aria-hidden="true">\*</sup><span class="fig-basis">[^<]*</span></span>)re");
  static const std::regex mark(
      R"re(<sup class="fig-mark" aria-hidden="true">\*</sup><span class="fig-basis">[^<]*</span>)re");
  static const std::regex data(R"re(<data value="[^"]*"(?: data-total="[^"]*")?>|</data>)re");
  static const std::regex attributes(R"re( data-(?:label|part|whole|breakdown)(?:="[^"]*")?)re");
  static const std::regex stack_only(R"re(<table class="stack")re");
  static const std::regex stack(R"re((<table class="[^"]*) stack")re");
  html = std::regex_replace(html, computed, "$1");
  html = std::regex_replace(html, mark, "");
  html = std::regex_replace(html, data, "");
  html = std::regex_replace(html, attributes, "");
  html = std::regex_replace(html, stack_only, "<table");
  return std::regex_replace(html, stack, "$1\"");
}

}  // namespace ashyq::integration
