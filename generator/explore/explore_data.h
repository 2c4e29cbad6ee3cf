#pragma once
// The explorer's data (/<lang>/explore/, assets/explore/): every grant as the static list pages
// facet and total it, in columns, for the browser to filter, count and total. Per language, under
// explore/<lang>/ (docs/explore.md describes the format):
//   meta.json         the facets' values (key, label, static page URL) in the sidebar's order,
//                     the download tables' columns, the URL patterns, the number formats, and the
//                     names of the chunks
//   grants-<n>.json   the columns of `grants_per_chunk` consecutive grants (Portal::grants
//                     order, which is the bulk download's order: by id)
// Every facet column holds a grant's (first) value's position in meta.json's list of the facet;
// a grant with several values (a grant in several regions) has the others in "<facet>_more", by
// its offset in the chunk. A grant's facet values are read off PortalIndex's facets, so a value's
// grants in the explorer are exactly its static page's; its money is its amount under its
// MoneyKind, as Totals adds it.
//
// Layer: beside export and search (it reads model, routes and views).
#include <cstddef>
#include <string>
#include <vector>

#include "core/lang.h"
#include "i18n/ui_strings.h"
#include "model/model.h"
#include "model/portal_index.h"

namespace ashyq::explore {

struct ExploreFile {
  std::string path;  // relative to the output root: "explore/kk/meta.json"
  std::string bytes;
};

struct ExploreLayout {
  // A chunk holds this many grants; a portal of fewer has one chunk. 2 500 grants of the
  // synthetic portal are about 100 kB compressed: four parts load side by side at N = 10 000.
  std::size_t grants_per_chunk = 2500;
};

// The files of one language: meta.json first, then the chunks in grant order.
std::vector<ExploreFile> explore_files(const Portal& portal, const PortalIndex& index,
                                       const i18n::UiStrings& strings, Lang lang,
                                       const ExploreLayout& layout = {});

}  // namespace ashyq::explore
