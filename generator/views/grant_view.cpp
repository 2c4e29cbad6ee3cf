#include "views/grant_view.h"

#include <algorithm>
#include <map>

#include "i18n/format.h"
#include "markup/markdown.h"
#include "model/enum_names.h"
#include "views/media_view.h"

namespace ashyq::views {
namespace {

using nlohmann::json;

std::string key(std::string_view prefix, std::string_view name) {
  return std::string(prefix) + "." + std::string(name);
}

bool reached(double actual, double planned, Bound bound) {
  switch (bound) {
    case Bound::at_least:
      return actual >= planned;
    case Bound::at_most:
      return actual <= planned;
    // "exactly" describes how the figure is stated, not a ceiling: delivering more than a plain
    // target reaches it (and counts as exceeded), as for at_least.
    default:
      return actual >= planned;
  }
}

json value_view(const ViewContext& ctx, const std::optional<Value>& v, const LocalizedText& unit) {
  if (!v) return nullptr;
  json out;
  if (!v->text.empty()) {
    out["text"] = ctx.text(v->text);
  } else {
    std::string s = i18n::format_decimal(v->value, ctx.lang, 2);
    if (v->bound != Bound::exactly)
      s = ctx.t(key("bound", name_of(bound_names(), v->bound))) + " " + s;
    if (!unit.empty()) s += " " + ctx.plain(unit);
    out["text"] = {{"text", s}, {"lang", std::string(lang_code(ctx.lang))}, {"fallback", false}};
  }
  return out;
}

json optional_count(const ViewContext& ctx, const std::optional<std::int64_t>& n) {
  return n ? json(ctx.integer(*n)) : json(nullptr);
}

json texts(const ViewContext& ctx, const std::vector<LocalizedText>& items) {
  json out = json::array();
  for (const auto& item : items)
    if (auto t = ctx.text(item); !t.is_null()) out.push_back(t);
  return out;
}

json organisation_view(const ViewContext& ctx, const Organisation* org) {
  if (!org) return nullptr;
  json out = {{"id", org->id},
              {"name", ctx.text(org->name)},
              {"short_name", ctx.text(org->short_name.empty() ? org->name : org->short_name)},
              {"bin", org->bin},
              {"address", ctx.text(org->address)},
              {"leader_name", ctx.text(org->leader_name)},
              {"leader_title", ctx.text(org->leader_title)},
              {"website", website_view(ctx, org->website)},
              {"social", social_view(ctx, org->social)}};
  return out;
}

json header_view(const ViewContext& ctx, const Grant& g) {
  const Portal& portal = ctx.portal;
  json h;
  h["title"] = ctx.text(g.title);
  h["status"] = ctx.t(key("status", name_of(grant_status_names(), g.status)));
  h["status_key"] = std::string(name_of(grant_status_names(), g.status));
  h["grantee"] = organisation_view(ctx, portal.find_organisation(g.grantee_id));
  h["operator"] = organisation_view(ctx, portal.find_organisation(g.operator_id));
  h["amount"] = g.amount ? json(ctx.money(*g.amount)) : json(nullptr);
  h["own_contribution"] = g.own_contribution ? json(ctx.money(*g.own_contribution)) : json(nullptr);
  h["planned_period"] = g.planned_period ? json(ctx.range(*g.planned_period)) : json(nullptr);
  h["actual_period"] = g.actual_period ? json(ctx.range(*g.actual_period)) : json(nullptr);
  if (g.planned_period && g.planned_period->start.year) h["year"] = g.planned_period->start.year;
  json regions = json::array();
  for (const auto& id : g.regions)
    if (const Region* r = portal.find_region(id)) regions.push_back(ctx.text(r->name));
  h["regions"] = regions;
  h["localities"] = texts(ctx, g.localities);
  if (const Direction* d = portal.find_direction(g.direction_id))
    h["direction"] = ctx.text(d->name);
  h["programme"] = ctx.text(g.programme);
  h["topic"] = ctx.text(g.topic);
  if (g.grant_type)
    h["grant_type"] = ctx.t(key("grant_type", name_of(grant_type_names(), *g.grant_type)));
  if (!g.contract_number.empty()) {
    h["contract_number"] = g.contract_number;
    h["contract_date"] = g.contract_date ? json(ctx.date(*g.contract_date)) : json(nullptr);
  }
  if (g.final_report_date) h["final_report_date"] = ctx.date(*g.final_report_date);
  return h;
}

json tasks_view(const ViewContext& ctx, const Grant& g, json& indicator_totals) {
  json tasks = json::array();
  std::map<std::string, int> counts;
  int number = 0;
  for (const Task& task : g.tasks) {
    json t = {{"number", ++number}, {"id", task.id}, {"title", ctx.text(task.title)}};
    json activities = json::array();
    for (const Activity& a : task.activities) {
      activities.push_back({{"id", a.id},
                            {"title", ctx.text(a.title)},
                            {"date", a.date ? json(ctx.range(*a.date)) : json(nullptr)},
                            {"place", ctx.text(a.place)},
                            {"participants", optional_count(ctx, a.participants)},
                            {"result", ctx.text(a.result)}});
    }
    t["activities"] = activities;
    json indicators = json::array();
    for (const Indicator& ind : task.indicators) {
      const IndicatorOutcome outcome = indicator_outcome(ind);
      static const char* kOutcome[] = {"met", "exceeded", "short", "not_reported", "no_target"};
      const char* outcome_key = kOutcome[static_cast<int>(outcome)];
      ++counts[outcome_key];
      indicators.push_back({{"name", ctx.text(ind.name)},
                            {"planned", value_view(ctx, ind.planned, ind.unit)},
                            {"actual", value_view(ctx, ind.actual, ind.unit)},
                            {"outcome", outcome_key},
                            {"outcome_label", ctx.t(key("outcome", outcome_key))},
                            {"comment", ctx.text(ind.comment)}});
    }
    t["indicators"] = indicators;
    t["long_term_result"] = ctx.text(task.long_term_result);
    tasks.push_back(std::move(t));
  }
  indicator_totals = json::object();
  for (const char* k : {"met", "exceeded", "short", "not_reported", "no_target"})
    indicator_totals[k] = ctx.integer(counts[k]);
  return tasks;
}

json plan_fact_row(const ViewContext& ctx, const char* name, const PlanFact& pf) {
  if (!pf.present) return nullptr;
  json row = {{"label", ctx.t(key("impact", name))},
              {"planned", optional_count(ctx, pf.planned)},
              {"actual", optional_count(ctx, pf.actual)},
              {"unit", ctx.text(pf.unit)}};
  if (pf.planned && pf.actual) {
    const std::int64_t diff = *pf.actual - *pf.planned;
    row["variance"] = (diff > 0 ? "+" : diff < 0 ? "−" : "") + ctx.integer(diff < 0 ? -diff : diff);
  }
  return row;
}

json impact_view(const ViewContext& ctx, const Grant& g) {
  json rows = json::array();
  const Impact& i = g.impact;
  for (auto [name, pf] :
       {std::pair{"direct_beneficiaries", &i.direct_beneficiaries},
        std::pair{"indirect_beneficiaries", &i.indirect_beneficiaries},
        std::pair{"staff", &i.staff}, std::pair{"specialists", &i.specialists},
        std::pair{"ngos_involved", &i.ngos_involved}, std::pair{"volunteers", &i.volunteers}})
    if (auto row = plan_fact_row(ctx, name, *pf); !row.is_null()) rows.push_back(row);
  return rows;
}

json breakdown_view(const ViewContext& ctx, const std::vector<Breakdown>& rows, const char* prefix,
                    std::int64_t total) {
  json out = json::array();
  for (const Breakdown& row : rows)
    out.push_back(
        {{"label", ctx.t(key(prefix, row.key))},
         {"count", row.count ? json(ctx.integer(*row.count)) : json(nullptr)},
         {"share", row.count && total ? json(ctx.percent(*row.count, total)) : json(nullptr)}});
  return out;
}

json participants_view(const ViewContext& ctx, const Grant& g) {
  const Participants& p = g.participants;
  if (!p.present) return nullptr;
  json out = {{"total", ctx.integer(p.total)}};
  if (p.has_gender) {
    std::vector<Breakdown> rows = {{"male", p.male}, {"female", p.female}};
    out["by_gender"] = breakdown_view(ctx, rows, "gender", p.total);
  }
  out["by_age"] = breakdown_view(ctx, p.by_age, "age", p.total);
  out["by_category"] = breakdown_view(ctx, p.by_category, "category", p.total);
  return out;
}

std::string variance_text(const ViewContext& ctx, Tenge planned, Tenge actual) {
  const std::int64_t diff = actual.value() - planned.value();
  if (diff == 0) return ctx.money(Tenge(0));
  return (diff > 0 ? "+" : "−") + ctx.money(Tenge(diff < 0 ? -diff : diff));
}

json budget_view(const ViewContext& ctx, const Grant& g) {
  const Budget& b = g.budget;
  if (!b.present) return nullptr;
  json sections = json::array();
  Tenge grant_total, own_total, admin_total, direct_total, equipment_total, all_total, actual_total;
  bool any_actual = false, all_actual = !b.lines.empty();
  for (const BudgetLine& line : b.lines) {
    all_total += line.total;
    (line.source == FundingSource::grant ? grant_total : own_total) += line.total;
    if (is_administrative(line.section)) admin_total += line.total;
    if (line.section == BudgetSection::direct) direct_total += line.total;
    if (line.section == BudgetSection::equipment) equipment_total += line.total;
    if (line.actual) {
      any_actual = true;
      actual_total += *line.actual;
    } else {
      all_actual = false;
    }
  }
  const std::int64_t base = g.amount ? g.amount->value() : grant_total.value();
  for (BudgetSection section : kAllSections) {
    json lines = json::array();
    Tenge sum, actual_sum;
    bool section_all_actual = true;
    for (const BudgetLine& line : b.lines) {
      if (line.section != section) continue;
      sum += line.total;
      if (line.actual)
        actual_sum += *line.actual;
      else
        section_all_actual = false;
      json row = {
          {"article", ctx.text(line.article)},
          {"unit", ctx.text(line.unit)},
          {"quantity", line.quantity ? json(i18n::format_decimal(
                                           line.quantity->thousandths / 1000.0, ctx.lang, 3))
                                     : json(nullptr)},
          {"unit_cost", line.unit_cost ? json(ctx.money(*line.unit_cost)) : json(nullptr)},
          {"total", ctx.money(line.total)},
          {"source", ctx.t(key("source", name_of(source_names(), line.source)))},
          {"actual", line.actual ? json(ctx.money(*line.actual)) : json(nullptr)},
          {"variance",
           line.actual ? json(variance_text(ctx, line.total, *line.actual)) : json(nullptr)},
          {"note", ctx.text(line.note)}};
      if (!line.activity.empty())
        if (const Activity* a = g.find_activity(line.activity))
          row["activity"] = ctx.text(a->title);
      lines.push_back(std::move(row));
    }
    if (lines.empty()) continue;
    const std::string section_name(name_of(section_names(), section));
    sections.push_back(
        {{"key", section_name},
         {"label", ctx.t(key("section", section_name))},
         {"administrative", is_administrative(section)},
         {"lines", lines},
         {"total", ctx.money(sum)},
         {"actual", section_all_actual ? json(ctx.money(actual_sum)) : json(nullptr)},
         {"variance",
          section_all_actual ? json(variance_text(ctx, sum, actual_sum)) : json(nullptr)},
         {"share", base ? json(ctx.percent(sum.value(), base)) : json(nullptr)}});
  }
  json out = {
      {"sections", sections},
      {"total", ctx.money(all_total)},
      {"grant_funds", ctx.money(grant_total)},
      {"own_funds", ctx.money(own_total)},
      {"administrative", ctx.money(admin_total)},
      {"administrative_share", base ? json(ctx.percent(admin_total.value(), base)) : json(nullptr)},
      {"direct", ctx.money(direct_total)},
      {"direct_share", base ? json(ctx.percent(direct_total.value(), base)) : json(nullptr)},
      {"equipment", ctx.money(equipment_total)},
      {"equipment_share", base ? json(ctx.percent(equipment_total.value(), base)) : json(nullptr)},
      {"equipment_over_cap", base && equipment_total.value() * 10 > base},
      {"has_actual", any_actual},
      {"actual_total", all_actual ? json(ctx.money(actual_total)) : json(nullptr)},
      {"variance_total",
       all_actual ? json(variance_text(ctx, all_total, actual_total)) : json(nullptr)}};
  json subtotals = json::array();
  for (const BudgetSubtotal& s : b.subtotals) {
    std::string scope;
    for (BudgetSection section : s.sections)
      scope +=
          (scope.empty() ? "" : " + ") + ctx.t(key("section", name_of(section_names(), section)));
    json row = {{"label", s.label.empty() ? json(nullptr) : ctx.text(s.label)},
                {"scope", scope},
                {"amount", ctx.money(s.amount)},
                {"actual", s.actual ? json(ctx.money(*s.actual)) : json(nullptr)}};
    if (!s.activity.empty())
      if (const Activity* a = g.find_activity(s.activity)) row["activity"] = ctx.text(a->title);
    subtotals.push_back(std::move(row));
  }
  out["subtotals"] = subtotals;
  return out;
}

json subgrants_view(const ViewContext& ctx, const Grant& g) {
  const SubgrantProgramme& s = g.subgrants;
  if (!s.present) return nullptr;
  json rows = json::array();
  Tenge sum;
  for (const Subgrant& sg : s.awarded) {
    sum += sg.amount;
    json row = subgrant_row(ctx, sg);
    rows.push_back(std::move(row));
  }
  json out = {
      {"planned_count", s.planned_count ? json(ctx.integer(*s.planned_count)) : json(nullptr)},
      {"ceiling", s.ceiling ? json(ctx.money(*s.ceiling)) : json(nullptr)},
      {"envelope", s.envelope ? json(ctx.money(*s.envelope)) : json(nullptr)},
      {"recipients", ctx.text(s.recipients)},
      {"awarded", rows},
      {"awarded_count", ctx.integer(static_cast<std::int64_t>(s.awarded.size()))},
      {"awarded_total", ctx.money(sum)}};
  if (s.envelope) {
    out["envelope_share"] = ctx.percent(sum.value(), s.envelope->value());
    out["envelope_remaining"] = ctx.money(*s.envelope - sum);
  }
  return out;
}

json media_view(const ViewContext& ctx, const Grant& g) {
  // Grouped by activity in plan order, links of no (known) activity last; within an activity by
  // kind, in the order of the kind enum; links in record order within a kind.
  std::vector<const Activity*> activities;
  for (const Task& t : g.tasks)
    for (const Activity& a : t.activities) activities.push_back(&a);
  activities.push_back(nullptr);
  std::vector<std::optional<MediaKind>> kinds;
  for (const auto& [name, kind] : media_kind_names()) kinds.push_back(kind);
  kinds.push_back(std::nullopt);

  json groups = json::array();
  for (const Activity* activity : activities) {
    json kind_groups = json::array();
    for (const auto& kind : kinds) {
      json links = json::array();
      for (const MediaLink& m : g.media)
        if (m.kind == kind && g.find_activity(m.activity) == activity)
          links.push_back(media_link_view(ctx, m));
      if (links.empty()) continue;
      kind_groups.push_back(
          {{"kind", kind ? ctx.t(key("media_kind", name_of(media_kind_names(), *kind)))
                         : ctx.t("media_kind.other")},
           {"links", links}});
    }
    if (kind_groups.empty()) continue;
    groups.push_back({{"activity", activity ? ctx.text(activity->title) : json(nullptr)},
                      {"kinds", kind_groups}});
  }
  return groups;
}

}  // namespace

json subgrant_row(const ViewContext& ctx, const Subgrant& sg) {
  const bool publish_name = sg.name_publishable();
  json row = {
      {"id", sg.id},
      {"kind", ctx.t(key("recipient", name_of(recipient_kind_names(), sg.recipient_kind)))},
      {"name", publish_name ? ctx.text(sg.recipient_name) : json(nullptr)},
      {"locality", ctx.text(sg.locality)},
      {"title", ctx.text(sg.title)},
      {"amount", ctx.money(sg.amount)},
      {"status", ctx.t(key("subgrant_status", name_of(subgrant_status_names(), sg.status)))}};
  if (const Region* r = ctx.portal.find_region(sg.region)) row["region"] = ctx.text(r->name);
  return row;
}

IndicatorOutcome indicator_outcome(const Indicator& indicator) {
  if (!indicator.planned) return IndicatorOutcome::no_target;
  if (!indicator.actual) return IndicatorOutcome::not_reported;
  const double planned = indicator.planned->value, actual = indicator.actual->value;
  if (!reached(actual, planned, indicator.planned->bound)) return IndicatorOutcome::short_of;
  if (indicator.planned->bound != Bound::at_most && actual > planned)
    return IndicatorOutcome::exceeded;
  return IndicatorOutcome::met;
}

json grant_summary(const ViewContext& ctx, const Grant& g) {
  json h = header_view(ctx, g);
  return {{"id", g.id},
          {"url", ctx.path("grants/" + g.id + "/")},
          {"title", h["title"]},
          {"grantee", h["grantee"]},
          {"amount", h["amount"]},
          {"period", h["planned_period"]},
          // A long list of regions (a republic-wide programme) reads better as a count in a row.
          {"regions", h["regions"].size() > 3 ? json::array() : h["regions"]},
          {"regions_count", h["regions"].size() > 3
                                ? json(ctx.integer(static_cast<std::int64_t>(h["regions"].size())))
                                : json(nullptr)},
          {"status", h["status"]},
          {"status_key", h["status_key"]}};
}

json grant_view(const ViewContext& ctx, const Grant& g) {
  json v;
  v["id"] = g.id;
  v["header"] = header_view(ctx, g);
  v["goal"] = ctx.text(g.goal);
  v["problem"] = ctx.text(g.problem);
  v["target_groups"] = texts(ctx, g.target_groups);
  v["expected_results"] = texts(ctx, g.expected_results);
  json indicator_totals;
  v["tasks"] = tasks_view(ctx, g, indicator_totals);
  v["indicator_totals"] = indicator_totals;
  bool any_indicator = false;
  for (const Task& t : g.tasks) any_indicator = any_indicator || !t.indicators.empty();
  v["has_indicators"] = any_indicator;
  v["impact"] = impact_view(ctx, g);
  v["participants"] = participants_view(ctx, g);
  v["budget"] = budget_view(ctx, g);
  v["subgrants"] = subgrants_view(ctx, g);
  v["media"] = media_view(ctx, g);
  v["needs_media_script"] = std::any_of(g.media.begin(), g.media.end(), is_playable_video);
  json partners = json::array();
  for (const Partner& p : g.partners)
    partners.push_back({{"name", ctx.text(p.name)}, {"role", ctx.text(p.role)}});
  v["partners"] = partners;
  json team = json::array();
  for (const TeamMember& m : g.team)
    team.push_back({{"name", ctx.text(m.name)},
                    {"role", ctx.text(m.role)},
                    {"employment", ctx.text(m.employment)}});
  v["team"] = team;
  json documents = json::array();
  for (const Document& d : g.documents) {
    json document =
        d.url.empty() ? json{{"href", nullptr}, {"unavailable_since", nullptr}} : ctx.link(d.url);
    document.update({{"title", ctx.text(d.title)},
                     {"kind", d.kind ? json(ctx.t(key("document_kind",
                                                      name_of(document_kind_names(), *d.kind))))
                                     : json(nullptr)},
                     {"date", d.date ? json(ctx.date(*d.date)) : json(nullptr)},
                     {"pages", d.pages ? json(ctx.integer(*d.pages)) : json(nullptr)}});
    documents.push_back(std::move(document));
  }
  v["documents"] = documents;
  // The narrative in the page's language, else the other language's, marked as such.
  const Narrative* narrative = &g.narrative(ctx.lang);
  Lang narrative_lang = ctx.lang;
  if (!narrative->present && g.narrative(other_lang(ctx.lang)).present) {
    narrative_lang = other_lang(ctx.lang);
    narrative = &g.narrative(narrative_lang);
  }
  if (narrative->present) {
    v["narrative"] = {
        {"html", ctx.mark_broken_links(
                     markup::render_markdown(narrative->markdown, 3, &ctx.portal.public_contacts))},
        {"title", narrative->title},
        {"lang", std::string(lang_code(narrative_lang))},
        {"fallback", narrative_lang != ctx.lang},
        {"fallback_note", ctx.t("fallback." + std::string(lang_code(narrative_lang)))}};
  } else {
    v["narrative"] = nullptr;
  }
  return v;
}

}  // namespace ashyq::views
