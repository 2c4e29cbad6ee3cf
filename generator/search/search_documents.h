#pragma once
// What the portal's search finds: one document per grant, organisation, plan, region and static
// page, in the page's language, with the texts a journalist looks for (see docs/search.md). Reads
// the model only; the index is a side job of the build, like the exports.
#include "i18n/ui_strings.h"
#include "model/model.h"
#include "model/portal_index.h"
#include "search/search_index.h"

namespace ashyq::search {

// The index of `lang`: documents in a fixed order (static pages, plans, regions, organisations,
// then grants newest first), which is also how equal scores are ordered.
SearchIndex build_search_index(const Portal& portal, const PortalIndex& index,
                               const i18n::UiStrings& strings, Lang lang);

// Markdown as the words a reader sees: link targets, images' addresses, HTML tags and the marks of
// emphasis, headings, code and tables become spaces; the rest is kept (other punctuation does not
// matter to the tokenizer, and a summary may show it).
std::string markdown_words(std::string_view markdown);


}  // namespace ashyq::search
