#pragma once
// Views of media links: one link as every page shows it (the grant page's media section and the
// portal's media pages), the media list with its facets by platform, year and region, and one facet
// value's page. A link is published under its canonical URL; a YouTube video also carries its id
// for the click-to-play button (assets/media.js), which loads nothing before the visitor clicks.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/portal_index.h"
#include "views/parts.h"
#include "views/view_context.h"

namespace ashyq::views {

// One link for templates/_media_link.mustache and _media_play.mustache, with the line the grant
// page prints beside it.
struct MediaLinkView {
  LinkView link;  // the canonical URL, tracking parameters stripped
  std::optional<TextView> title;
  std::string label;  // what stands in for a missing title; empty when there is one
  // The grant page's line beside the link: platform, kind and date ("Instagram · Reels · 3 мая
  // 2024 г."); only the date for a link without a title, whose label already names the rest.
  std::string meta;
  std::string youtube_id;    // empty unless the link is a playable YouTube video
  std::string player_title;  // the title, else the label: what the player is called

  // The names the two partials use, for a view that lays the link out in its own item.
  template <class F>
  void link_fields(F& f) const {
    link.fields(f);
    f("title", title);
    f("label", label);
    f("youtube_id", youtube_id);
    f("player_title", player_title);
  }
  template <class F>
  void fields(F& f) const {
    link_fields(f);
    f("meta", meta);
  }
};
MediaLinkView media_link_view(const ViewContext& ctx, const MediaLink& link);

// True when a link is a YouTube video the page can offer to play (and so needs assets/media.js).
bool is_playable_video(const MediaLink& link);

// One entry of templates/media.mustache: the link, its platform, kind and date, the grant it
// belongs to and the activity it documents.
struct MediaRowView {
  MediaLinkView link;
  std::string platform;  // "Instagram · Reels", a news site's host
  std::string kind;
  std::string date;  // the link's date, or the words saying it has none
  std::optional<TextView> grant_title;
  std::string grant_url;
  std::optional<TextView> activity;

  template <class F>
  void fields(F& f) const {
    link.link_fields(f);
    f("platform", platform);
    f("kind", kind);
    f("date", date);
    f("grant_title", grant_title);
    f("grant_url", grant_url);
    f("activity", activity);
  }
};

// templates/media.mustache: every link of the portal (/<lang>/media/) or those of one platform,
// year or region (/<lang>/media/<facet>/<key>/), one page of them, with the facet index.
struct MediaPageView {
  std::string title;
  std::string value_label;  // the facet value's ("2024"); empty on the list of every link
  std::string count;
  std::string region_url;    // a region's page, beside its links; empty for other pages
  std::string undated_note;  // a year's undated links: filed under it by their activity's dates
  std::vector<MediaRowView> links;
  PaginationView pagination;
  std::vector<FacetView> facets;
  // Whether a link is a playable YouTube video, so that the page loads the click-to-play script.
  bool needs_media_script = false;

  template <class F>
  void fields(F& f) const {
    f("title", title);
    f("count", count);
    f("region_url", region_url);
    f("undated_note", undated_note);
    f("links", links);
    f("pagination", pagination);
    f("facets", facets);
  }
};
MediaPageView media_list_view(const ViewContext& ctx, const PortalIndex& index, std::size_t page,
                              std::size_t page_size);
MediaPageView media_facet_value_view(const ViewContext& ctx, const PortalIndex& index,
                                     MediaFacetKind kind, std::size_t value, std::size_t page,
                                     std::size_t page_size);
// "YouTube", "2024", a region's name, in the page's language.
std::string media_facet_value_label(const ViewContext& ctx, MediaFacetKind kind,
                                    const std::string& key);

}  // namespace ashyq::views
