#pragma once
// What a page is made from, as one key, so that a rebuild makes again only the pages whose inputs
// changed (issue 17). A page is a pure function of the portal (site/pages.h); its key covers every
// input it can read:
//   - the shared inputs (InputFingerprints::shared: the generator, site.toml, UI strings, assets,
//     link cache, regions, directions, plans and pages) and the public contacts of every
//     organisation (Markdown is rendered against them);
//   - the text of the templates its kind renders with, partials included (PageInputsBase::
//     templates), so that editing templates/grant.mustache makes the grant pages again and keeps
//     the others;
//   - the own files of each record it shows: a grant's folder, an organisation's file, by id, so
//     that a record added to or removed from the page changes the key too;
//   - its kind, language and page number.
// Tracked kinds, and the records each reads (a grant always with the organisations it names):
//   - a grant's page and its sub-grant programme: the grant;
//   - an organisation's page: it and every grant it takes part in;
//   - a catalogue page and a facet value's page: the grants on the page (on a list's first page in
//     the first language, which also writes the list's downloads, every grant of the list), the
//     totals and length of the list, and the side bar, which every list page shows: each facet
//     value's key, totals and count, the top organisations, and every organisation's file (the
//     side bar names them).
//   - a media list's page: the grants of the links on the page, the list's length, and the media
//     side bar (each value's key, count and undated count, and the links without a year).
//   - the registry's pages after the first: the sub-grants on the page, the registry's length and
//     the summary those pages show (SharedParts::registry_summary_later, by its bytes);
//   - a region's part of the registry: the count and sum of the sub-grants listed under the region
//     and the sub-grants on the page (on the first page in the first language, all of them);
//   - a region's page: the tile map (every region's figures), all of the region's grants and every
//     sub-grant listed under it.
// Other kinds (the registry's first page, the regions' list, home, data page...) read every grant
// and are made at every build (key 0); their download files are still kept when their rows did
// not change (site/downloads.h, write_table).
#include <array>
#include <cstdint>
#include <vector>

#include "render/renderer.h"
#include "routes/routes.h"
#include "site/inputs.h"
#include "site/site_context.h"

namespace ashyq::site {

// The parts of a key that every page shares, made once a build.
struct PageInputsBase {
  const InputFingerprints* inputs = nullptr;
  std::uint64_t contacts = 0;       // the public contacts of every organisation
  std::uint64_t sidebar = 0;        // what the list pages' side bar is made from
  std::uint64_t media_sidebar = 0;  // what the media pages' side bar is made from
  std::uint64_t map = 0;            // what the tile map of the region pages is made from
  // Each kind's templates (its own, the layout, and for the registry's pages its summary), by
  // their expanded text (render::Renderer::fingerprint): a template edit makes again only the
  // pages whose templates include it.
  std::array<std::uint64_t, routes::kPageKindCount> templates{};
  // Each grant's own part of a key, by its place in Portal::grants (from `first_grant`): its
  // folder's fingerprint and those of the organisations it names; 0 when one of them has no files
  // of its own (a page showing it is then made at every build).
  const Grant* first_grant = nullptr;
  std::vector<std::uint64_t> grants;
  // Each region's count and sum of the sub-grants listed under it (index.region_subgrants).
  std::vector<std::uint64_t> region_subgrants;
};
PageInputsBase page_inputs_base(const Portal& portal, const PortalIndex& index,
                                const InputFingerprints& inputs, const render::Renderer& renderer);

// The page's key, or 0 when its kind is not tracked or one of its records has no files of its own
// (it must then be made).
std::uint64_t page_inputs(const SiteContext& site, const PageInputsBase& base, const PageKey& key);

}  // namespace ashyq::site
