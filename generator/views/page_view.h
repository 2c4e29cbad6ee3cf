#pragma once
// Views of the pages that show one text: a page of content/pages/ and the not-found page.
#include <string>

#include "model/model.h"
#include "views/view_context.h"

namespace ashyq::views {

// templates/page.mustache: a page of content/pages/ in the page's language, or in the other one
// with a note saying so.
struct StaticPageView {
  std::string title;
  std::string html;  // the narrative rendered, broken links marked
  std::string lang;  // the language of the text shown
  bool fallback = false;
  std::string fallback_note;

  template <class F>
  void fields(F& f) const {
    f("title", title);
    f("html", html);
    f("lang", lang);
    f("fallback", fallback);
    f("fallback_note", fallback_note);
  }
};
StaticPageView static_page_view(const ViewContext& ctx, const StaticPage& page);

// templates/not_found.mustache: where to go instead.
struct NotFoundView {
  std::string home_url;
  std::string catalogue_url;

  template <class F>
  void fields(F& f) const {
    f("home_url", home_url);
    f("catalogue_url", catalogue_url);
  }
};
NotFoundView not_found_view(const ViewContext& ctx);

}  // namespace ashyq::views
