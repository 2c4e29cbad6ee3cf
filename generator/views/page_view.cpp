#include "views/page_view.h"

#include "markup/markdown.h"
#include "routes/routes.h"

namespace ashyq::views {

StaticPageView static_page_view(const ViewContext& ctx, const StaticPage& page) {
  Lang lang = ctx.lang;
  if (!page.narratives[static_cast<int>(lang)].present) lang = other_lang(lang);
  const Narrative& n = page.narratives[static_cast<int>(lang)];
  return {
      n.title.empty() ? page.name : n.title,
      ctx.mark_broken_links(markup::render_markdown(n.markdown, 2, &ctx.portal.public_contacts)),
      std::string(lang_code(lang)), lang != ctx.lang,
      ctx.t("fallback." + std::string(lang_code(lang)))};
}

NotFoundView not_found_view(const ViewContext& ctx) {
  return {routes::home_url(ctx.lang), routes::list_url(ctx.lang, routes::PageKind::catalogue)};
}

}  // namespace ashyq::views
