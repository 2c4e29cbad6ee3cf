#include "views/media_view.h"

#include <optional>
#include <string>
#include <vector>

#include "media/media_url.h"
#include "model/enum_names.h"
#include "routes/routes.h"
#include "views/parts.h"

namespace ashyq::views {
namespace {

// "Instagram", "YouTube", "Google Drive" in the page's language; a news site by its host.
std::string platform_label(const ViewContext& ctx, const media::MediaUrl& m) {
  if (m.platform == media::Platform::news) {
    std::string host = media::host_of(m.canonical);
    return host.rfind("www.", 0) == 0 ? host.substr(4) : host;
  }
  return ctx.t("media_platform." + std::string(media::platform_key(m.platform)));
}

std::string platform_kind_label(const ViewContext& ctx, const media::MediaUrl& m) {
  if (m.platform_kind.empty() || m.platform == media::Platform::news) return "";
  return ctx.t("media_platform_kind." + m.platform_kind);
}

// What a link without a title is called instead of its raw URL: "Instagram Reels C74he6jMSqy",
// "YouTube видео PNb25_r3EuE", "news.example.kz/2024/forum". Long ids (Drive's 33 characters)
// say nothing to a reader and are left out.
std::string readable_label(const ViewContext& ctx, const media::MediaUrl& m) {
  constexpr std::size_t kMaxIdLength = 20, kMaxLabelLength = 60;
  if (m.platform == media::Platform::news) {
    std::string label = platform_label(ctx, m);
    const std::size_t path = m.canonical.find('/', m.canonical.find("://") + 3);
    if (path != std::string::npos) {
      std::string rest = m.canonical.substr(path);
      rest = rest.substr(0, rest.find_first_of("?#"));
      while (!rest.empty() && rest.back() == '/') rest.pop_back();
      label += rest;
    }
    if (label.size() > kMaxLabelLength) {
      std::size_t cut = kMaxLabelLength;
      while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
      label = label.substr(0, cut) + "…";
    }
    return label;
  }
  std::string label = platform_label(ctx, m);
  if (const std::string kind = platform_kind_label(ctx, m); !kind.empty()) label += " " + kind;
  if (!m.id.empty() && m.id.size() <= kMaxIdLength) label += " " + m.id;
  return label;
}

// "Instagram · Reels": the platform, and the kind of post where the platform has kinds.
std::string platform_line(const ViewContext& ctx, const media::MediaUrl& m) {
  const std::string kind = platform_kind_label(ctx, m);
  return platform_label(ctx, m) + (kind.empty() ? "" : " · " + kind);
}

// One entry of a media page: the link, its kind, the grant it belongs to and the activity it
// documents.
MediaRowView media_row(const ViewContext& ctx, const PortalIndex& index, std::size_t media_index) {
  const MediaRef& ref = index.media[media_index];
  const Grant& grant = ctx.portal.grants[ref.grant];
  const MediaLink& link = grant.media[ref.link];
  const Activity* activity = grant.find_activity(link.activity);
  return {media_link_view(ctx, link),
          platform_line(ctx, media::analyse_media_url(link.url)),
          ctx.t("media_item_kind." +
                (link.kind ? std::string(name_of(media_kind_names(), *link.kind)) : "not_given")),
          link.date ? ctx.date(*link.date) : ctx.t("media.no_date"),
          ctx.text(grant.title),
          routes::url_of(grant, ctx.lang),
          activity ? ctx.text(activity->title) : std::nullopt};
}

// Sets view.links to the entries of one page of `links` (indices into index.media; null: all of
// index.media, in its order, without a list as long as the site per page), and
// view.needs_media_script to whether any of them is a playable YouTube video.
void add_rows(const ViewContext& ctx, const PortalIndex& index,
              const std::vector<std::size_t>* links, std::size_t page, std::size_t page_size,
              MediaPageView& view) {
  const std::size_t total = links ? links->size() : index.media.size();
  for (std::size_t i = (page - 1) * page_size; i < page * page_size && i < total; ++i) {
    view.links.push_back(media_row(ctx, index, links ? (*links)[i] : i));
    view.needs_media_script = view.needs_media_script || !view.links.back().link.youtube_id.empty();
  }
}

// The facet index beside the list (templates/_facets.mustache): every platform, year and region
// with its count of links. Platforms in the order of media::Platform, years newest first, regions
// alphabetically in the page's language.
std::vector<FacetView> media_facets_view(const ViewContext& ctx, const PortalIndex& index,
                                         std::optional<MediaFacetKind> current_kind,
                                         const std::string& current_key) {
  std::vector<FacetView> facets;
  for (MediaFacetKind kind : kAllMediaFacets) {
    const MediaFacet& facet = index.media_facet(kind);
    std::vector<std::string> labels;
    for (const MediaFacetValue& v : facet.values)
      labels.push_back(media_facet_value_label(ctx, kind, v.key));
    std::vector<std::size_t> order(facet.values.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (kind == MediaFacetKind::region) order = order_by_label(ctx, labels);
    // Every value is listed, with its count of links where a grant facet shows totals.
    FacetView out{ctx.t(std::string("facet.") + media_facet_name(kind)), {}, {}, {}};
    for (std::size_t i : order) {
      const MediaFacetValue& v = facet.values[i];
      out.values.push_back({labels[i], routes::media_facet_url(ctx.lang, kind, v.key),
                            current_kind == kind && v.key == current_key, std::nullopt,
                            ctx.computed_count(static_cast<std::int64_t>(v.links.size()),
                                               ctx.t("basis.media_links"))});
    }
    if (kind == MediaFacetKind::year) {
      std::string note = ctx.t("media.year_rule");
      if (index.media_without_year > 0)
        note += " " + ctx.t("media.without_year") + " " +
                ctx.integer(static_cast<std::int64_t>(index.media_without_year)) + ".";
      out.note = std::move(note);
    }
    if (kind == MediaFacetKind::region) out.note = ctx.t("media.multi_region_note");
    facets.push_back(std::move(out));
  }
  return facets;
}

}  // namespace

MediaLinkView media_link_view(const ViewContext& ctx, const MediaLink& link) {
  const media::MediaUrl m = media::analyse_media_url(link.url);
  std::optional<TextView> title = ctx.text(link.title);
  // The label of a link without a title already names platform and kind; the meta line then
  // carries only the date.
  std::vector<std::string> meta;
  if (title) {
    meta.push_back(platform_label(ctx, m));
    if (const std::string kind = platform_kind_label(ctx, m); !kind.empty()) meta.push_back(kind);
  }
  if (link.date) meta.push_back(ctx.date(*link.date));
  std::string meta_text;
  for (const std::string& part : meta) meta_text += (meta_text.empty() ? "" : " · ") + part;
  MediaLinkView out;
  out.link = ctx.link(m.canonical);  // tracking parameters stripped: what the portal publishes
  // The page shows the title, else the label; the player is called by the one shown.
  if (!title) out.label = readable_label(ctx, m);
  out.player_title = title ? title->text : out.label;
  out.title = std::move(title);
  out.meta = std::move(meta_text);
  out.youtube_id = media::youtube_video_id(m);
  return out;
}

bool is_playable_video(const MediaLink& link) {
  return !media::youtube_video_id(media::analyse_media_url(link.url)).empty();
}

std::string media_facet_value_label(const ViewContext& ctx, MediaFacetKind kind,
                                    const std::string& key) {
  switch (kind) {
    case MediaFacetKind::platform:
      return ctx.t("media_platform." + key);
    case MediaFacetKind::year:
      return key;
    case MediaFacetKind::region:
      return facet_value_label(ctx, FacetKind::region, key);
  }
  return key;
}

MediaPageView media_list_view(const ViewContext& ctx, const PortalIndex& index, std::size_t page,
                              std::size_t page_size) {
  MediaPageView v;
  v.title = ctx.t("media.title");
  v.count = ctx.integer(static_cast<std::int64_t>(index.media.size()));
  add_rows(ctx, index, nullptr, page, page_size, v);
  v.pagination = pagination_view(routes::list_url(ctx.lang, routes::PageKind::media), page,
                                 index.media.size(), page_size);
  v.facets = media_facets_view(ctx, index, std::nullopt, "");
  return v;
}

MediaPageView media_facet_value_view(const ViewContext& ctx, const PortalIndex& index,
                                     MediaFacetKind kind, std::size_t value, std::size_t page,
                                     std::size_t page_size) {
  const MediaFacetValue& fv = index.media_facet(kind).values[value];
  MediaPageView v;
  v.value_label = media_facet_value_label(ctx, kind, fv.key);
  // "Materials — Year: 2024": the grant catalogue has a "Year: 2024" page of its own.
  v.title = ctx.t("media.title") + " — " + ctx.t(std::string("facet.") + media_facet_name(kind)) +
            ": " + v.value_label;
  v.count = ctx.integer(static_cast<std::int64_t>(fv.links.size()));
  add_rows(ctx, index, &fv.links, page, page_size, v);
  v.pagination = pagination_view(routes::media_facet_url(ctx.lang, kind, fv.key), page,
                                 fv.links.size(), page_size);
  v.facets = media_facets_view(ctx, index, kind, fv.key);
  if (kind == MediaFacetKind::year && fv.undated > 0)
    v.undated_note = ctx.t("media.undated_in_year") + " " +
                     ctx.integer(static_cast<std::int64_t>(fv.undated)) + ".";
  if (kind == MediaFacetKind::region) v.region_url = routes::region_url(fv.key, ctx.lang);
  return v;
}

}  // namespace ashyq::views
