#pragma once
// The operators' link report (/<lang>/link-report/): from link-cache.json, every link of the
// content whose last check found it broken or unreachable, grouped by the grant, organisation or
// page that holds it, with every place it appears and since when. Not in the navigation, and
// closed to search engines (see pages.cpp and robots_txt).
#include <string>
#include <vector>

#include "views/view_context.h"

namespace ashyq::views {

// Where a link appears: the field and the content file and line.
struct LinkPlaceView {
  std::string field;  // in the page's language
  std::string file;
  int line = 0;

  template <class F>
  void fields(F& f) const {
    f("field", field);
    f("file", file);
    f("line", line);
  }
};

// One broken or unreachable link of a group, with its last check.
struct LinkReportRowView {
  std::string href;
  std::string class_label;  // broken or unreachable, in the page's language
  std::string status;       // as checked: "http_error 404"
  std::string since;        // the day it was first found broken; a dash when it has not been
  std::string checked_at;
  std::vector<LinkPlaceView> places;

  template <class F>
  void fields(F& f) const {
    f("href", href);
    f("class_label", class_label);
    f("status", status);
    f("since", since);
    f("checked_at", checked_at);
    f("places", places);
  }
};

// The links of one grant, organisation or page, under its name and a link to its page.
struct LinkReportGroupView {
  std::string anchor;  // "links-grant-<id>"
  std::string owner;   // "Грант", in the page's language
  std::string name;
  std::string url;
  std::vector<LinkReportRowView> links;

  template <class F>
  void fields(F& f) const {
    f("anchor", anchor);
    f("owner", owner);
    f("name", name);
    f("url", url);
    f("links", links);
  }
};

// templates/link_report.mustache. `checked` is false when the site has no link-cache.json, and
// the rest empty; groups in content order (grants by id, organisations, pages), links by first
// appearance.
struct LinkReportView {
  bool checked = false;
  std::string count_broken;
  std::string count_unreachable;
  std::string count_ok;
  std::string count_unchecked;
  std::vector<LinkReportGroupView> groups;

  template <class F>
  void fields(F& f) const {
    f("checked", checked);
    f("count_broken", count_broken);
    f("count_unreachable", count_unreachable);
    f("count_ok", count_ok);
    f("count_unchecked", count_unchecked);
    f("groups", groups);
  }
};
LinkReportView link_report_view(const ViewContext& ctx);

}  // namespace ashyq::views
