#pragma once
// Views of media links: one link as every page shows it (the grant page's media section and the
// portal's media pages), the media list with its facets by platform, year and region, and one facet
// value's page. A link is published under its canonical URL; a YouTube video also carries its id
// for the click-to-play button (assets/media.js), which loads nothing before the visitor clicks.
#include <cstddef>

#include <nlohmann/json.hpp>

#include "model/portal_index.h"
#include "views/view_context.h"

namespace ashyq::views {

// One link for templates/_media_link.mustache and _media_play.mustache: {href, title (localized
// text, null when the record has none), label (what stands in for a missing title), platform,
// platform_kind, date, meta, unavailable_since ("" until a link cache says otherwise), youtube_id
// ("" unless the link is a playable YouTube video), player_title}.
nlohmann::json media_link_view(const ViewContext& ctx, const MediaLink& link);

// True when a link is a YouTube video the page can offer to play (and so needs assets/media.js).
bool is_playable_video(const MediaLink& link);

// /<lang>/media/: every link of the portal, one page of it, with the facet index.
nlohmann::json media_list_view(const ViewContext& ctx, const PortalIndex& index, std::size_t page,
                               std::size_t page_size);
// /<lang>/media/<facet>/<key>/: the links of one platform, year or region, one page of them.
nlohmann::json media_facet_value_view(const ViewContext& ctx, const PortalIndex& index,
                                      MediaFacetKind kind, std::size_t value, std::size_t page,
                                      std::size_t page_size);
// "YouTube", "2024", a region's name, in the page's language.
std::string media_facet_value_label(const ViewContext& ctx, MediaFacetKind kind,
                                    const std::string& key);

}  // namespace ashyq::views
