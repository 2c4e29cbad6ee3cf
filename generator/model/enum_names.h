#pragma once
// The one place where the model's enums meet their names in records, UI-string keys and CSS
// classes.
#include <string_view>
#include <utility>
#include <vector>

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

}  // namespace ashyq
