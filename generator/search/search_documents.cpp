#include "search/search_documents.h"

#include <memory>
#include <string>
#include <string_view>

#include "core/short_text.h"
#include "routes/routes.h"
#include "views/view_context.h"

namespace ashyq::search {
namespace {

constexpr std::size_t kSummaryBytes = 240;  // about 120 Cyrillic letters: two lines of a result
constexpr const char* kSeparator = " · ";

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += kSeparator;
    out += part;
  }
  return out;
}

// Texts of one document. WeightedText only views its text, so strings made here (names, years,
// the narrative's words) are kept in `owned`, each on the heap so that growing the list does not
// move them.
struct Texts {
  std::vector<WeightedText> pieces;
  std::vector<std::unique_ptr<std::string>> owned;

  void add(std::string_view text, std::uint32_t weight = 1) {
    if (!text.empty()) pieces.push_back({text, weight});
  }
  void own(std::string text, std::uint32_t weight = 1) {
    if (text.empty()) return;
    owned.push_back(std::make_unique<std::string>(std::move(text)));
    pieces.push_back({*owned.back(), weight});
  }
};

class DocumentCollector {
 public:
  DocumentCollector(const Portal& portal, const PortalIndex& index, const i18n::UiStrings& strings,
                    Lang lang)
      : portal_(portal), index_(index), ctx_{portal, strings, lang}, builder_(lang) {}

  SearchIndex run() {
    for (const StaticPage& page : portal_.pages) add_page(page);
    for (const Plan& plan : portal_.plans) add_plan(plan);
    for (const Region& region : portal_.regions) add_region(region);
    for (const Organisation& organisation : portal_.organisations) add_organisation(organisation);
    for (std::size_t i : index_.by_date) add_grant(portal_.grants[i]);
    return builder_.finish();
  }

 private:
  // The page's own language, else the other one, as the page shows it.
  std::string_view text(const LocalizedText& value) const {
    return value.has(ctx_.lang) ? value.in(ctx_.lang) : value.in(other_lang(ctx_.lang));
  }
  std::string region_name(const std::string& id) const {
    const Region* region = portal_.find_region(id);
    return region ? std::string(text(region->name)) : std::string();
  }
  std::string organisation_name(const std::string& id) const {
    const Organisation* organisation = portal_.find_organisation(id);
    return organisation ? std::string(text(organisation->name)) : std::string();
  }
  const Narrative& narrative(const std::array<Narrative, 2>& narratives) const {
    const Narrative& own = narratives[static_cast<int>(ctx_.lang)];
    return own.present ? own : narratives[static_cast<int>(other_lang(ctx_.lang))];
  }

  void add_page(const StaticPage& page) {
    const Narrative& n = narrative(page.narratives);
    const std::string title = n.title.empty() ? page.name : n.title;
    const std::string body = markdown_words(n.markdown);
    Texts texts;
    texts.add(title, kTitleWeight);
    texts.add(body);
    builder_.add(
        {routes::url_of(page, ctx_.lang), title, "page", "", short_text(body, kSummaryBytes)},
        texts.pieces);
  }

  void add_plan(const Plan& plan) {
    Texts texts;
    texts.add(text(plan.title), kTitleWeight);
    const std::string operator_name = organisation_name(plan.operator_id);
    texts.add(operator_name, kNameWeight);
    texts.own(plan.year > 0 ? std::to_string(plan.year) : "", kNameWeight);
    for (const PlanDirection& direction : plan.directions) {
      texts.add(text(direction.title));
      for (const PlanTopic& topic : direction.topics) {
        texts.add(text(topic.title));
        texts.add(text(topic.goal));
        texts.add(text(topic.territory));
        for (const auto& task : topic.tasks) texts.add(text(task));
        for (const auto& result : topic.expected_results) texts.add(text(result));
      }
    }
    builder_.add({routes::url_of(plan, ctx_.lang), std::string(text(plan.title)), "plan",
                  join({plan.year > 0 ? std::to_string(plan.year) : "", operator_name,
                        plan.total ? ctx_.money(*plan.total) : ""}),
                  ""},
                 texts.pieces);
  }

  void add_region(const Region& region) {
    std::size_t grants = 0;
    for (const FacetValue& value : index_.facet(FacetKind::region).values)
      if (value.key == region.id) grants = value.grants.size();
    Texts texts;
    texts.add(text(region.name), kTitleWeight);
    builder_.add(
        {routes::url_of(region, ctx_.lang), std::string(text(region.name)), "region",
         ctx_.t("nav.grants") + ": " + ctx_.integer(static_cast<std::int64_t>(grants)), ""},
        texts.pieces);
  }

  void add_organisation(const Organisation& organisation) {
    Texts texts;
    texts.add(text(organisation.name), kTitleWeight);
    texts.add(text(organisation.short_name), kNameWeight);
    texts.add(organisation.bin, kNameWeight);
    const std::string region = region_name(organisation.region);
    texts.add(region, kNameWeight);
    texts.add(text(organisation.about));
    for (const TrackRecordEntry& entry : organisation.track_record) {
      texts.add(text(entry.title));
      texts.add(text(entry.funder));
      texts.add(text(entry.results));
    }
    builder_.add({routes::url_of(organisation, ctx_.lang), std::string(text(organisation.name)),
                  "organisation",
                  join({std::string(text(organisation.short_name)), region, organisation.bin}),
                  short_text(text(organisation.about), kSummaryBytes)},
                 texts.pieces);
  }

  void add_grant(const Grant& grant) {
    Texts texts;
    texts.add(text(grant.title), kTitleWeight);
    const std::string grantee = organisation_name(grant.grantee_id);
    texts.add(grantee, kNameWeight);
    if (const Organisation* o = portal_.find_organisation(grant.grantee_id))
      texts.add(text(o->short_name), kNameWeight);
    texts.own(organisation_name(grant.operator_id), kNameWeight);
    std::vector<std::string> regions;
    for (const std::string& id : grant_regions(grant)) regions.push_back(region_name(id));
    for (const std::string& region : regions) texts.add(region, kNameWeight);
    if (const Direction* direction = portal_.find_direction(grant.direction_id))
      texts.add(text(direction->name), kNameWeight);
    const auto year = grant_year(grant);
    texts.own(year ? std::to_string(*year) : "", kNameWeight);
    texts.add(grant.contract_number, kNameWeight);
    for (const LocalizedText* field : {&grant.programme, &grant.topic, &grant.goal, &grant.problem})
      texts.add(text(*field));
    for (const auto* list : {&grant.target_groups, &grant.expected_results, &grant.localities})
      for (const LocalizedText& item : *list) texts.add(text(item));
    for (const Task& task : grant.tasks) {
      texts.add(text(task.title));
      texts.add(text(task.long_term_result));
      for (const Activity& activity : task.activities) {
        texts.add(text(activity.title));
        texts.add(text(activity.place));
        texts.add(text(activity.result));
      }
      for (const Indicator& indicator : task.indicators) texts.add(text(indicator.name));
    }
    for (const Subgrant& subgrant : grant.subgrants.awarded) {
      texts.add(text(subgrant.title));
      texts.add(text(subgrant.locality));
      // Only names the sub-grant pages publish: a private recipient's name needs consent.
      if (subgrant.name_publishable()) texts.add(text(subgrant.recipient_name));
    }
    for (const Partner& partner : grant.partners) texts.add(text(partner.name));
    for (const MediaLink& link : grant.media) texts.add(text(link.title));
    for (const Document& document : grant.documents) texts.add(text(document.title));
    texts.own(markdown_words(narrative(grant.narratives).markdown));

    std::string regions_text;
    for (const std::string& region : regions)
      regions_text += (regions_text.empty() ? "" : ", ") + region;
    const std::string_view summary = grant.goal.empty() ? text(grant.topic) : text(grant.goal);
    builder_.add({routes::url_of(grant, ctx_.lang), std::string(text(grant.title)), "grant",
                  join({grantee, regions_text, year ? std::to_string(*year) : "",
                        grant.amount ? ctx_.money(*grant.amount) : ""}),
                  short_text(summary, kSummaryBytes)},
                 texts.pieces);
  }

  const Portal& portal_;
  const PortalIndex& index_;
  views::ViewContext ctx_;
  IndexBuilder builder_;
};

}  // namespace

SearchIndex build_search_index(const Portal& portal, const PortalIndex& index,
                               const i18n::UiStrings& strings, Lang lang) {
  return DocumentCollector(portal, index, strings, lang).run();
}

std::string markdown_words(std::string_view markdown) {
  std::string out;
  out.reserve(markdown.size());
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    const char c = markdown[i];
    if (c == ']' && i + 1 < markdown.size() && markdown[i + 1] == '(') {
      // [text](target): the target is an address, not words of the text.
      const std::size_t close = markdown.find(')', i + 2);
      if (close != std::string_view::npos) {
        out += ' ';
        i = close;
        continue;
      }
    }
    if (c == '<') {
      const std::size_t close = markdown.find('>', i + 1);
      if (close != std::string_view::npos) {
        out += ' ';
        i = close;
        continue;
      }
    }
    // Emphasis, headings, code and table marks are not words and would show in a summary.
    if (c == '*' || c == '#' || c == '`' || c == '[' || c == '|') {
      out += ' ';
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace ashyq::search
