#include "export/giving360.h"

#include "model/enum_names.h"
#include "routes/routes.h"

namespace ashyq::opendata {
namespace {

using nlohmann::ordered_json;

constexpr const char* kPrefix = "360G-ashyq-";
constexpr const char* kRegrantCommon = "FRG010";  // regrantType codelist: Common Regrant

// The text in the export's language, else in the other one.
std::string in(const LocalizedText& text, Lang lang) {
  return std::string(text.has(lang) ? text.in(lang) : text.in(other_lang(lang)));
}

bool full_day(const std::optional<PartialDate>& date) {
  return date && date->month != 0 && date->day != 0;
}

ordered_json organisation(const Portal& portal, const std::string& id, Lang lang) {
  ordered_json org = ordered_json::object();
  const Organisation* o = portal.find_organisation(id);
  org["id"] = o && !o->bin.empty() ? "KZ-BIN-" + o->bin : kPrefix + std::string("org-") + id;
  org["name"] = o ? in(o->name, lang) : id;
  if (o && !o->website.empty()) org["url"] = o->website;
  return org;
}

ordered_json event(const DateRange& range) {
  ordered_json e = ordered_json::object();
  e["startDate"] = range.start.iso();
  if (range.end) e["endDate"] = range.end->iso();
  return e;
}

ordered_json location(const Portal& portal, const std::string& region, Lang lang) {
  ordered_json l = ordered_json::object();
  const Region* r = portal.find_region(region);
  l["name"] = r ? in(r->name, lang) : region;
  l["countryCode"] = "KZ";
  return l;
}

}  // namespace

const char* omission_key(OmissionReason reason) {
  switch (reason) {
    case OmissionReason::not_awarded:
      return "not_awarded";
    case OmissionReason::no_amount:
      return "no_amount";
    case OmissionReason::no_award_date:
      return "no_award_date";
  }
  return "";
}

namespace {

// The one place that decides what is exported and what is omitted: for grant `gi`, calls
// `grant(gi)` when the grant is exported, `subgrant(gi, si)` for an exported sub-grant and
// `omitted(record)` for the rest, in package order. The summary, the records and the list of
// omitted records all come from it, so their counts cannot differ.
template <typename OnGrant, typename OnSubgrant, typename OnOmitted>
void classify_grant(const Portal& portal, std::size_t gi, OnGrant&& grant, OnSubgrant&& subgrant,
                    OnOmitted&& omitted) {
  const Grant& g = portal.grants[gi];
  if (!is_awarded(g)) {
    omitted(OmittedRecord{gi, std::nullopt, OmissionReason::not_awarded});
    return;  // an application or a plan awards nothing, nor do its sub-grants
  }
  if (!g.amount)
    omitted(OmittedRecord{gi, std::nullopt, OmissionReason::no_amount});
  else if (!full_day(g.contract_date))
    omitted(OmittedRecord{gi, std::nullopt, OmissionReason::no_award_date});
  else
    grant(gi);
  for (std::size_t si = 0; si < g.subgrants.awarded.size(); ++si) {
    if (full_day(g.subgrants.awarded[si].award_date))
      subgrant(gi, si);
    else
      omitted(OmittedRecord{gi, si, OmissionReason::no_award_date});
  }
}

// classify_grant() of every grant, in grant order.
template <typename OnGrant, typename OnSubgrant, typename OnOmitted>
void classify(const Portal& portal, OnGrant&& grant, OnSubgrant&& subgrant, OnOmitted&& omitted) {
  for (std::size_t gi = 0; gi < portal.grants.size(); ++gi)
    classify_grant(portal, gi, grant, subgrant, omitted);
}

ordered_json grant_record(const Portal& portal, const Grant& g, Lang lang) {
  ordered_json grant = ordered_json::object();
  grant["id"] = kPrefix + g.id;
  grant["title"] = in(g.title, lang);
  std::string description = in(g.goal, lang);
  if (description.empty()) description = in(g.topic, lang);
  if (description.empty()) description = in(g.title, lang);
  grant["description"] = description;
  grant["currency"] = portal.config.currency;
  grant["amountAwarded"] = g.amount->value();
  grant["awardDate"] = g.contract_date->iso();
  if (g.planned_period) grant["plannedDates"] = ordered_json::array({event(*g.planned_period)});
  if (g.actual_period) grant["actualDates"] = ordered_json::array({event(*g.actual_period)});
  grant["url"] = routes::absolute(portal.config, routes::url_of(g, lang));
  grant["recipientOrganization"] = ordered_json::array({organisation(portal, g.grantee_id, lang)});
  grant["fundingOrganization"] = ordered_json::array({organisation(
      portal, g.operator_id.empty() ? portal.config.operator_id : g.operator_id, lang)});
  if (!g.regions.empty()) {
    ordered_json locations = ordered_json::array();
    for (const std::string& region : g.regions) locations.push_back(location(portal, region, lang));
    grant["beneficiaryLocation"] = std::move(locations);
  }
  if (!g.programme.empty())
    grant["grantProgramme"] = ordered_json::array({{{"title", in(g.programme, lang)}}});
  if (g.subgrants.present) grant["regrantType"] = kRegrantCommon;
  return grant;
}

ordered_json subgrant_record(const Portal& portal, const i18n::UiStrings& strings, const Grant& g,
                             const Subgrant& sg, Lang lang) {
  ordered_json grant = ordered_json::object();
  grant["id"] = kPrefix + g.id + "-" + sg.id;
  const std::string parent_title = in(g.title, lang);
  grant["title"] = sg.title.empty() ? parent_title + " — " + sg.id : in(sg.title, lang);
  grant["description"] = strings.get(lang, "export.subgrant_of") + " " + parent_title;
  grant["currency"] = portal.config.currency;
  grant["amountAwarded"] = sg.amount.value();
  grant["awardDate"] = sg.award_date->iso();
  grant["url"] = routes::absolute(portal.config, routes::programme_url(g, lang));
  const std::string kind(name_of(recipient_kind_names(), sg.recipient_kind));
  ordered_json recipient = ordered_json::object();
  recipient["id"] = kPrefix + g.id + "-" + sg.id + "-recipient";
  recipient["name"] =
      sg.name_publishable() ? in(sg.recipient_name, lang) : strings.get(lang, "recipient." + kind);
  if (sg.recipient_kind == RecipientKind::person)
    grant["recipientIndividual"] = std::move(recipient);
  else
    grant["recipientOrganization"] = ordered_json::array({std::move(recipient)});
  grant["fundingOrganization"] = ordered_json::array({organisation(portal, g.grantee_id, lang)});
  if (const std::string region = subgrant_region(g, sg); !region.empty())
    grant["beneficiaryLocation"] = ordered_json::array({location(portal, region, lang)});
  return grant;
}

}  // namespace

Giving360Summary giving360_summary(const Portal& portal) {
  Giving360Summary out;
  classify(
      portal, [&](std::size_t) { ++out.grants; },
      [&](std::size_t, std::size_t) { ++out.subgrants; },
      [&](const OmittedRecord& o) {
        OmissionCount& count = out.omitted[static_cast<std::size_t>(o.reason)];
        ++(o.subgrant ? count.subgrants : count.grants);
      });
  return out;
}

void giving360_omitted(const Portal& portal, std::size_t grant, std::vector<OmittedRecord>& out) {
  classify_grant(
      portal, grant, [](std::size_t) {}, [](std::size_t, std::size_t) {},
      [&](const OmittedRecord& o) { out.push_back(o); });
}

void for_each_giving360_record(const Portal& portal, const i18n::UiStrings& strings,
                               const std::function<void(const ordered_json&)>& record) {
  const Lang lang = portal.config.languages.front();
  classify(
      portal, [&](std::size_t gi) { record(grant_record(portal, portal.grants[gi], lang)); },
      [&](std::size_t gi, std::size_t si) {
        const Grant& g = portal.grants[gi];
        record(subgrant_record(portal, strings, g, g.subgrants.awarded[si], lang));
      },
      [](const OmittedRecord&) {});
}

ordered_json giving360_metadata(const Portal& portal) {
  const Lang lang = portal.config.languages.front();
  ordered_json package = ordered_json::object();
  package["version"] = "1.4";
  package["title"] = in(portal.config.title, lang);
  if (!portal.config.description.empty())
    package["description"] = in(portal.config.description, lang);
  package["publisher"] = {{"name", in(portal.config.title, lang)},
                          {"website", portal.config.base_url}};
  return package;
}

void write_giving360(const Portal& portal, const i18n::UiStrings& strings,
                     const std::function<void(std::string_view)>& append) {
  // dump(1) indents a member of the package by one space, a record of "grants" by two and its
  // members by three. A record dumped on its own starts at zero, so every line after its first
  // moves right by two; a dumped string never holds a raw line break (it is written \n), so each
  // '\n' in the text is a line break of the layout.
  std::string text;
  bool first = true;
  for_each_giving360_record(portal, strings, [&](const ordered_json& record) {
    text.assign(first ? "{\n \"grants\": [\n  " : ",\n  ");
    for (const char c : record.dump(1)) {
      text += c;
      if (c == '\n') text += "  ";
    }
    append(text);
    first = false;
  });
  const std::string metadata = giving360_metadata(portal).dump(1);  // "{\n \"version\": …\n}"
  if (first) {
    append(metadata + "\n");  // no grants member
    return;
  }
  append("\n ],\n");
  append(std::string_view(metadata).substr(2));  // the members, without the opening "{\n"
  append("\n");
}

}  // namespace ashyq::opendata
