#pragma once
// The one place where the model's enums meet their names in records, UI-string keys, URL segments,
// CSS classes and files. The enums a record spells out have a table, read both ways (a name to its
// value when loading); the others are only ever named, by a switch, so that the compiler warns
// when a value is added without a name.
#include <string_view>
#include <utility>
#include <vector>

#include "model/enums.h"
#include "model/model.h"

namespace ashyq {

template <typename E>
using EnumTable = std::vector<std::pair<std::string_view, E>>;

inline const EnumTable<GrantStatus>& grant_status_names() {
  static const EnumTable<GrantStatus> t = {{"application", GrantStatus::application},
                                           {"planned", GrantStatus::planned},
                                           {"in_progress", GrantStatus::in_progress},
                                           {"completed", GrantStatus::completed}};
  return t;
}
inline const EnumTable<GrantType>& grant_type_names() {
  static const EnumTable<GrantType> t = {{"short_term", GrantType::short_term},
                                         {"medium_term", GrantType::medium_term},
                                         {"long_term", GrantType::long_term},
                                         {"small", GrantType::small}};
  return t;
}
inline const EnumTable<Bound>& bound_names() {
  static const EnumTable<Bound> t = {
      {"exactly", Bound::exactly}, {"at_least", Bound::at_least}, {"at_most", Bound::at_most}};
  return t;
}
inline const EnumTable<BudgetSection>& section_names() {
  static const EnumTable<BudgetSection> t = {
      {"salaries", BudgetSection::salaries},   {"taxes", BudgetSection::taxes},
      {"services", BudgetSection::services},   {"materials", BudgetSection::materials},
      {"equipment", BudgetSection::equipment}, {"direct", BudgetSection::direct}};
  return t;
}
inline const EnumTable<FundingSource>& source_names() {
  static const EnumTable<FundingSource> t = {{"grant", FundingSource::grant},
                                             {"own", FundingSource::own}};
  return t;
}
inline const EnumTable<RecipientKind>& recipient_kind_names() {
  static const EnumTable<RecipientKind> t = {{"person", RecipientKind::person},
                                             {"initiative_group", RecipientKind::initiative_group},
                                             {"ngo", RecipientKind::ngo}};
  return t;
}
inline const EnumTable<SubgrantStatus>& subgrant_status_names() {
  static const EnumTable<SubgrantStatus> t = {{"awarded", SubgrantStatus::awarded},
                                              {"in_progress", SubgrantStatus::in_progress},
                                              {"completed", SubgrantStatus::completed},
                                              {"terminated", SubgrantStatus::terminated}};
  return t;
}
inline const EnumTable<MediaKind>& media_kind_names() {
  static const EnumTable<MediaKind> t = {{"video", MediaKind::video},
                                         {"post", MediaKind::post},
                                         {"article", MediaKind::article},
                                         {"photo_album", MediaKind::photo_album},
                                         {"live_stream", MediaKind::live_stream}};
  return t;
}
inline const EnumTable<DocumentKind>& document_kind_names() {
  static const EnumTable<DocumentKind> t = {
      {"agreement", DocumentKind::agreement},
      {"project_description", DocumentKind::project_description},
      {"application", DocumentKind::application},
      {"final_report", DocumentKind::final_report},
      {"financial_report", DocumentKind::financial_report},
      {"plan", DocumentKind::plan},
      {"other", DocumentKind::other}};
  return t;
}

template <typename E>
std::string_view name_of(const EnumTable<E>& table, E value) {
  for (const auto& [name, v] : table)
    if (v == value) return name;
  return "";
}

// The URL segment and UI-string key of a facet: "year", "region", "direction", "operator",
// "status", "grantee".
inline const char* facet_name(FacetKind kind) {
  switch (kind) {
    case FacetKind::year:
      return "year";
    case FacetKind::region:
      return "region";
    case FacetKind::direction:
      return "direction";
    case FacetKind::operator_:
      return "operator";
    case FacetKind::status:
      return "status";
    case FacetKind::grantee:
      return "grantee";
  }
  return "";
}

// The URL segment and UI-string key of a media facet: "platform", "year", "region".
inline const char* media_facet_name(MediaFacetKind kind) {
  switch (kind) {
    case MediaFacetKind::platform:
      return "platform";
    case MediaFacetKind::year:
      return "year";
    case MediaFacetKind::region:
      return "region";
  }
  return "";
}

// "awarded", "applied", "planned": the UI-string key and the machine name of a kind of money.
inline const char* money_kind_name(MoneyKind kind) {
  switch (kind) {
    case MoneyKind::awarded:
      return "awarded";
    case MoneyKind::applied:
      return "applied";
    case MoneyKind::planned:
      return "planned";
  }
  return "";
}

// "met", "exceeded", "short_of", "not_reported", "no_target": the `outcome` column of the
// indicators table (export/tables.h).
inline const char* outcome_name(IndicatorOutcome outcome) {
  switch (outcome) {
    case IndicatorOutcome::met:
      return "met";
    case IndicatorOutcome::exceeded:
      return "exceeded";
    case IndicatorOutcome::short_of:
      return "short_of";
    case IndicatorOutcome::not_reported:
      return "not_reported";
    case IndicatorOutcome::no_target:
      return "no_target";
  }
  return "";
}

// "ok", "redirect_ok", ... as written in the enum: the status of link-cache.json and of reports.
inline std::string_view link_status_name(LinkStatus status) {
  switch (status) {
    case LinkStatus::ok:
      return "ok";
    case LinkStatus::redirect_ok:
      return "redirect_ok";
    case LinkStatus::broken:
      return "broken";
    case LinkStatus::server_error:
      return "server_error";
    case LinkStatus::timeout:
      return "timeout";
    case LinkStatus::connection_failed:
      return "connection_failed";
    case LinkStatus::too_many_redirects:
      return "too_many_redirects";
    case LinkStatus::malformed_url:
      return "malformed_url";
  }
  return "unknown";
}

// "ok", "broken", "unreachable".
inline std::string_view link_class_name(LinkClass link_class) {
  switch (link_class) {
    case LinkClass::ok:
      return "ok";
    case LinkClass::broken:
      return "broken";
    case LinkClass::unreachable:
      return "unreachable";
  }
  return "unreachable";
}

}  // namespace ashyq
