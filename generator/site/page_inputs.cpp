#include "site/page_inputs.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <variant>

#include "core/content_hash.h"
#include "core/lang.h"
#include "site/pages.h"
#include "views/list_views.h"
#include "views/map_view.h"

namespace ashyq::site {

namespace {

// The rows [begin, end) of a list of `size` a page shows, or all of them (the page that writes the
// list's downloads, which hold every row).
struct Rows {
  std::size_t begin = 0, end = 0;
  static Rows of_page(std::size_t size, std::size_t page, std::size_t page_size) {
    return {std::min(size, (page - 1) * page_size), std::min(size, page * page_size)};
  }
  static Rows of(const SiteContext& site, const PageKey& key, std::size_t size) {
    return writes_downloads(site, key) ? Rows{0, size} : of_page(size, key.page, site.page_size);
  }
};

// The text a key is the hash of; false once a record has no fingerprint.
class KeyText {
 public:
  KeyText(const PageInputsBase& base, const PageKey& key) : base_(base) {
    number(static_cast<std::uint64_t>(key.kind()));
    text_ += lang_code(key.lang);
    number(key.page);
    number(base.inputs->shared);
    number(base.templates[static_cast<std::size_t>(key.kind())]);
    number(base.contacts);
  }

  // The grant's own part (PageInputsBase::grants), made once a build.
  void grant(const Grant& g) {
    const std::uint64_t own = base_.grants[static_cast<std::size_t>(&g - base_.first_grant)];
    if (own == 0) known_ = false;
    number(own);
  }
  // The grant's folder and the organisations it names, by their files.
  void grant_files(const Grant& g) {
    record('g', g.folder, base_.inputs->grants);
    organisation(g.grantee_id);
    organisation(g.operator_id);
    for (const Partner& p : g.partners) organisation(p.organisation);
  }
  void organisation(const std::string& id) {
    if (!id.empty()) record('o', id, base_.inputs->organisations);
  }

  void separator() { text_ += " |"; }
  void number(std::uint64_t n) {
    char buffer[24];
    buffer[0] = ' ';
    const auto end = std::to_chars(buffer + 1, buffer + sizeof buffer, n, 16).ptr;
    text_.append(buffer, end);
  }
  void word(std::string_view w) {
    text_ += ' ';
    text_ += w;
  }
  void totals(const Totals& t) {
    number(static_cast<std::uint64_t>(t.grants));
    for (const Sums& s : t.by_kind) {
      number(static_cast<std::uint64_t>(s.grants));
      number(static_cast<std::uint64_t>(s.without_amount));
      number(static_cast<std::uint64_t>(s.amount.value()));
    }
  }
  // A list of grants shown a page at a time: its length and totals, and the grants `rows` holds.
  void list(const std::vector<std::size_t>& grants, const Totals& totals, Rows rows,
            const Portal& portal) {
    number(grants.size());
    this->totals(totals);
    for (std::size_t i = rows.begin; i < rows.end; ++i) grant(portal.grants[grants[i]]);
  }

  // A page of media links (`links` into index.media; null: all of it): the list's length, and
  // each link on the page as its grant and its place in the grant's links.
  void media(const PortalIndex& index, const std::vector<std::size_t>* links, std::size_t page,
             std::size_t page_size, const Portal& portal) {
    const std::size_t total = links ? links->size() : index.media.size();
    number(total);
    const Rows rows = Rows::of_page(total, page, page_size);
    for (std::size_t i = rows.begin; i < rows.end; ++i) {
      const MediaRef& ref = index.media[links ? (*links)[i] : i];
      grant(portal.grants[ref.grant]);
      number(ref.link);
    }
  }

  // The region's count and sum of every sub-grant listed under it (PageInputsBase), and the
  // sub-grants `rows` holds.
  void region_subgrants(const SiteContext& site, std::size_t region, Rows rows) {
    const Portal& portal = site.portal;
    const std::vector<std::size_t>& listed = site.index.region_subgrants[region];
    number(base_.region_subgrants[region]);
    std::size_t last = portal.grants.size();  // the grants come in registry order: each once
    for (std::size_t n = rows.begin; n < rows.end; ++n) {
      const SubgrantRef& ref = site.index.subgrants[listed[n]];
      if (ref.grant != last) grant(portal.grants[ref.grant]);
      last = ref.grant;
      number(ref.subgrant);
    }
  }

  std::uint64_t key() const { return known_ ? content_hash(text_) | 1 : 0; }

 private:
  void record(char type, const std::string& id,
              const std::unordered_map<std::string, std::uint64_t>& fingerprints) {
    const auto found = fingerprints.find(id);
    if (found == fingerprints.end()) {
      known_ = false;
      return;
    }
    text_ += ' ';
    text_ += type;
    text_ += id;
    number(found->second);
  }

  const PageInputsBase& base_;
  std::string text_;
  bool known_ = true;
};

}  // namespace

PageInputsBase page_inputs_base(const Portal& portal, const PortalIndex& index,
                                const InputFingerprints& inputs, const render::Renderer& renderer) {
  PageInputsBase base;
  base.inputs = &inputs;
  // Before any KeyText: each key starts with its kind's templates.
  for (std::size_t k = 0; k < routes::kPageKindCount; ++k) {
    const routes::PageKindInfo& kind = routes::info(static_cast<PageKind>(k));
    std::string text = std::to_string(renderer.fingerprint(std::string(kind.template_name))) + " " +
                       std::to_string(renderer.fingerprint("base"));
    if (kind.template_name.starts_with("subgrants"))  // the registry's summary, rendered apart
      text += " " + std::to_string(renderer.fingerprint("subgrants_summary"));
    base.templates[k] = content_hash(text);
  }
  std::string contacts;
  for (const Organisation& o : portal.organisations)
    for (const std::string& contact : o.public_contacts) (contacts += contact) += '\n';
  base.contacts = content_hash(contacts);
  // The side bar: every value of every facet, with what its figures and order come from, and its
  // label's source (an organisation's name; regions, directions, years and statuses are shared).
  KeyText sidebar(base, PageKey{});
  for (const Facet& facet : index.facets) {
    sidebar.separator();
    for (const FacetValue& value : facet.values) {
      sidebar.word(value.key);
      sidebar.number(value.grants.size());
      sidebar.totals(value.totals);
    }
    for (std::size_t top : facet.top) sidebar.number(top);
  }
  for (const Organisation& o : portal.organisations) sidebar.organisation(o.id);
  base.sidebar = sidebar.key();
  KeyText media(base, PageKey{});
  for (const MediaFacet& facet : index.media_facets) {
    media.separator();
    for (const MediaFacetValue& value : facet.values) {
      media.word(value.key);
      media.number(value.links.size());
      media.number(value.undated);
    }
  }
  media.number(index.media_without_year);
  base.media_sidebar = media.key();
  // Each grant's own part of a key, once: a page lists up to thousands of grants (a list's first
  // page, which writes its downloads), and tens of thousands of pages are keyed every build.
  base.first_grant = portal.grants.data();
  base.grants.reserve(portal.grants.size());
  for (const Grant& g : portal.grants) {
    KeyText own(base, PageKey{});
    own.grant_files(g);
    base.grants.push_back(own.key());
  }
  // Each region's count and sum of the sub-grants listed under it.
  for (const std::vector<std::size_t>& listed : index.region_subgrants) {
    Tenge sum;
    for (std::size_t at : listed) {
      const SubgrantRef& ref = index.subgrants[at];
      sum += portal.grants[ref.grant].subgrants.awarded[ref.subgrant].amount;
    }
    KeyText region(base, PageKey{});
    region.number(listed.size());
    region.number(static_cast<std::uint64_t>(sum.value()));
    base.region_subgrants.push_back(region.key());
  }
  // The tile map on the region pages: every region's figures, and the portal's.
  KeyText map(base, PageKey{});
  const views::MapData data = views::portal_map_data(index, portal);
  for (const Totals& t : data.regions) map.totals(t);
  map.separator();
  if (data.no_region) map.totals(*data.no_region);
  map.separator();
  map.totals(data.whole);
  base.map = map.key();
  return base;
}

std::uint64_t page_inputs(const SiteContext& site, const PageInputsBase& base, const PageKey& key) {
  if (!base.inputs) return 0;
  KeyText text(base, key);
  const Portal& portal = site.portal;
  if (const auto* k = std::get_if<routes::GrantKey>(&key.target)) {
    text.grant(portal.grants[k->grant]);
  } else if (const auto* k = std::get_if<routes::SubgrantsProgrammeKey>(&key.target)) {
    text.grant(portal.grants[k->grant]);
  } else if (const auto* k = std::get_if<routes::CatalogueKey>(&key.target)) {
    if (base.sidebar == 0) return 0;
    text.number(base.sidebar);
    // The catalogue has no download files: only its page's rows.
    const std::vector<std::size_t>& order = views::catalogue_order(site.index, k->sort, key.lang);
    text.list(order, site.index.totals, Rows::of_page(order.size(), key.page, site.page_size),
              portal);
  } else if (const auto* k = std::get_if<routes::FacetValueKey>(&key.target)) {
    if (base.sidebar == 0) return 0;
    text.number(base.sidebar);
    const FacetValue& value = site.index.facet(k->facet).values[k->value];
    text.word(value.key);
    text.list(value.grants, value.totals, Rows::of(site, key, value.grants.size()), portal);
  } else if (std::holds_alternative<routes::MediaKey>(key.target)) {
    text.number(base.media_sidebar);
    text.media(site.index, nullptr, key.page, site.page_size, portal);
  } else if (const auto* k = std::get_if<routes::MediaFacetValueKey>(&key.target)) {
    text.number(base.media_sidebar);
    const MediaFacetValue& value = site.index.media_facet(k->facet).values[k->value];
    text.word(value.key);
    text.number(value.undated);
    text.media(site.index, &value.links, key.page, site.page_size, portal);
  } else if (std::holds_alternative<routes::SubgrantsKey>(key.target)) {
    if (key.page == 1 || !site.shared) return 0;
    text.number(content_hash(site.shared->registry_summary_later[static_cast<int>(key.lang)]));
    const std::vector<SubgrantRef>& all = site.index.subgrants;
    text.number(all.size());
    const Rows rows = Rows::of_page(all.size(), key.page, site.page_size);
    for (std::size_t i = rows.begin; i < rows.end; ++i) {
      text.grant(portal.grants[all[i].grant]);
      text.number(all[i].subgrant);
    }
  } else if (const auto* k = std::get_if<routes::SubgrantsRegionKey>(&key.target)) {
    const std::size_t listed = site.index.region_subgrants[k->region].size();
    text.region_subgrants(site, k->region, Rows::of(site, key, listed));
  } else if (const auto* k = std::get_if<routes::RegionKey>(&key.target)) {
    // The map (every region's figures), the region's grants, all of them (its figures by year and
    // direction, and its downloads), and every sub-grant listed under it.
    if (base.map == 0) return 0;
    text.number(base.map);
    const Region& region = portal.regions[k->region];
    const FacetValue& value = site.index.facet(FacetKind::region).value_or_empty(region.id);
    text.word(region.id);
    text.list(value.grants, value.totals, Rows{0, value.grants.size()}, portal);
    const std::size_t listed = site.index.region_subgrants[k->region].size();
    text.region_subgrants(site, k->region, Rows{0, listed});
  } else if (const auto* k = std::get_if<routes::OrganisationKey>(&key.target)) {
    text.organisation(portal.organisations[k->organisation].id);
    for (const std::vector<std::size_t>& role : site.index.organisation_grants[k->organisation]) {
      text.separator();  // each role's list apart
      for (std::size_t g : role) text.grant(portal.grants[g]);
    }
  } else {
    return 0;
  }
  return text.key();
}

}  // namespace ashyq::site
