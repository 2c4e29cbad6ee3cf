#include "views/view_context.h"

#include "core/xml_escape.h"
#include "i18n/format.h"
#include "model/link_status.h"

namespace ashyq::views {

std::optional<TextView> ViewContext::text(const LocalizedText& value) const {
  if (value.has(lang))
    return TextView{std::string(value.in(lang)), std::string(lang_code(lang)), false, std::nullopt};
  const Lang other = other_lang(lang);
  if (value.has(other))
    return TextView{std::string(value.in(other)), std::string(lang_code(other)), true,
                    t("fallback." + std::string(lang_code(other)))};
  return std::nullopt;
}

std::string ViewContext::plain(const LocalizedText& value) const {
  return std::string(value.has(lang) ? value.in(lang) : value.in(other_lang(lang)));
}

std::string ViewContext::t(
    const std::string& key,
    std::initializer_list<std::pair<std::string_view, std::string>> values) const {
  std::string out = t(key);
  for (const auto& [name, value] : values) {
    const std::string tag = "{" + std::string(name) + "}";
    for (std::size_t at = out.find(tag); at != std::string::npos;
         at = out.find(tag, at + value.size()))
      out.replace(at, tag.size(), value);
  }
  return out;
}

Figure ViewContext::reported_money(const std::optional<Tenge>& amount) const {
  if (!amount) return not_reported();
  return Figure::reported(money(*amount), amount->value());
}

Figure ViewContext::reported_count(const std::optional<std::int64_t>& n) const {
  if (!n) return not_reported();
  return Figure::reported(integer(*n), *n);
}

Figure ViewContext::computed_money(Tenge amount, std::string basis, std::string key) const {
  return Figure::computed(money(amount), std::move(basis), amount.value(), std::move(key));
}

Figure ViewContext::computed_count(std::int64_t n, std::string basis, std::string key) const {
  return Figure::computed(integer(n), std::move(basis), n, std::move(key));
}

Figure ViewContext::computed_difference(std::int64_t planned, std::int64_t actual, bool money,
                                        std::string basis) const {
  const std::int64_t diff = actual - planned;
  const std::int64_t magnitude = diff < 0 ? -diff : diff;
  std::string text = std::string(diff > 0   ? "+"
                                 : diff < 0 ? "\u2212"
                                            : "") +
                     (money ? this->money(Tenge(magnitude)) : integer(magnitude));
  return Figure::computed(std::move(text), std::move(basis), diff);
}

std::optional<Figure> ViewContext::computed_share(std::int64_t part, std::int64_t whole,
                                                  std::string basis) const {
  if (whole == 0) return std::nullopt;
  return Figure::computed(percent(part, whole), std::move(basis));
}

std::string ViewContext::money(Tenge amount) const { return i18n::format_money(amount, lang); }
std::string ViewContext::integer(std::int64_t n) const { return i18n::format_integer(n, lang); }
std::string ViewContext::date(const PartialDate& d) const { return i18n::format_date(d, lang); }
std::string ViewContext::range(const DateRange& r) const { return i18n::format_range(r, lang); }
std::string ViewContext::percent(std::int64_t part, std::int64_t whole) const {
  return i18n::format_percent(part, whole, lang);
}

LinkView ViewContext::link(const std::string& url) const {
  LinkView out{url, std::nullopt};
  const LinkCacheEntry* broken = known_broken(portal.links, url);
  if (!broken) return out;
  std::string text = t("links.unavailable_since");
  const auto since = PartialDate::parse(std::string_view(broken->broken_since).substr(0, 10));
  if (const std::size_t at = text.find("{date}"); at != std::string::npos && since)
    text.replace(at, 6, date(*since));
  out.unavailable_since = text;
  return out;
}

std::string ViewContext::mark_broken_links(const std::string& html) const {
  if (portal.links.entries.empty()) return html;
  std::string out;
  std::size_t copied = 0;
  static constexpr std::string_view kHref = "<a href=\"";
  for (std::size_t at = html.find(kHref); at != std::string::npos; at = html.find(kHref, at + 1)) {
    const std::size_t start = at + kHref.size();
    const std::size_t end = html.find('"', start);
    if (end == std::string::npos) break;
    std::string url = html.substr(start, end - start);  // as cmark-gfm wrote it: & as &amp;
    for (std::size_t amp = url.find("&amp;"); amp != std::string::npos;
         amp = url.find("&amp;", amp + 1))
      url.replace(amp, 5, "&");
    const LinkView view = link(url);
    if (!view.unavailable_since) continue;
    const std::size_t close = html.find("</a>", end);
    if (close == std::string::npos) break;
    out.append(html, copied, close + 4 - copied);
    // The same mark as templates/_link_status.mustache puts after a link.
    out += " <strong class=\"link-unavailable\">(" + xml_escape(*view.unavailable_since) +
           ")</strong>";
    copied = close + 4;
    at = close;
  }
  out.append(html, copied, std::string::npos);
  return out;
}

std::optional<TranslationView> ViewContext::translation(std::optional<Lang> source,
                                                        const std::string& note_key) const {
  if (!source || *source == lang) return std::nullopt;
  const std::string code(lang_code(*source));
  return TranslationView{t("translation.from_" + code), t(note_key), code};
}

std::optional<OriginalTextView> ViewContext::original_text(const LocalizedText& value,
                                                           std::optional<Lang> source) const {
  const Lang first = source.value_or(lang);
  for (Lang l : {first, other_lang(first)})
    if (value.has(l)) return OriginalTextView{std::string(value.in(l)), std::string(lang_code(l))};
  return std::nullopt;
}

std::optional<LinkView> website_view(const ViewContext& ctx, const std::string& url) {
  if (url.empty()) return std::nullopt;
  return ctx.link(url);
}

std::vector<SocialLinkView> social_view(const ViewContext& ctx,
                                        const std::vector<SocialAccount>& accounts) {
  std::vector<SocialLinkView> out;
  for (const SocialAccount& account : accounts)
    out.push_back({ctx.link(account.url), account.platform});
  return out;
}

std::vector<TextView> texts_view(const ViewContext& ctx, const std::vector<LocalizedText>& items) {
  std::vector<TextView> out;
  for (const LocalizedText& item : items)
    if (std::optional<TextView> text = ctx.text(item)) out.push_back(std::move(*text));
  return out;
}

}  // namespace ashyq::views
