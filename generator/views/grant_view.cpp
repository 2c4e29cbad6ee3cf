#include "views/grant_view.h"

#include <algorithm>
#include <map>

#include "i18n/format.h"
#include "markup/markdown.h"
#include "model/enum_names.h"
#include "model/portal_index.h"
#include "routes/routes.h"
#include "views/media_view.h"

namespace ashyq::views {
namespace {

using nlohmann::json;

std::string key(std::string_view prefix, std::string_view name) {
  return std::string(prefix) + "." + std::string(name);
}

// An indicator's planned or actual value as a reported figure: the document's own wording when it
// has one, else the number with its bound and unit; "not reported" when the record has none.
json value_view(const ViewContext& ctx, const std::optional<Value>& v, const LocalizedText& unit) {
  if (!v) return ctx.not_reported();
  json out = json(Figure::reported(""));
  if (!v->text.empty()) {
    out["ltext"] = ctx.text(v->text);
  } else {
    std::string s = i18n::format_decimal(v->value, ctx.lang, 2);
    if (v->bound != Bound::exactly)
      s = ctx.t(key("bound", name_of(bound_names(), v->bound))) + " " + s;
    if (!unit.empty()) s += " " + ctx.plain(unit);
    out["ltext"] = {{"text", s}, {"lang", std::string(lang_code(ctx.lang))}, {"fallback", false}};
  }
  return out;
}

json optional_count(const ViewContext& ctx, const std::optional<std::int64_t>& n) {
  return ctx.reported_count(n);
}

json difference(const ViewContext& ctx, std::int64_t planned, std::int64_t actual, bool money) {
  return ctx.computed_difference(planned, actual, money, ctx.t("basis.difference"));
}
json texts(const ViewContext& ctx, const std::vector<LocalizedText>& items) {
  json out = json::array();
  for (const auto& item : items)
    if (auto t = ctx.text(item)) out.push_back(*t);
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
  const std::string status(status_key(g, portal.config.as_of));
  h["status"] = ctx.t(key("status", status));
  h["status_key"] = status;
  h["grantee"] = organisation_view(ctx, portal.find_organisation(g.grantee_id));
  h["operator"] = organisation_view(ctx, portal.find_organisation(g.operator_id));
  h["amount"] = ctx.reported_money(g.amount);
  h["amount_label"] = ctx.t("grant.amount_" + std::string(money_kind_name(money_kind(g))));
  h["own_contribution"] = ctx.reported_money(g.own_contribution);
  h["planned_period"] = g.planned_period ? json(ctx.range(*g.planned_period)) : json(nullptr);
  h["actual_period"] = g.actual_period ? json(ctx.range(*g.actual_period)) : json(nullptr);
  // The period lists show: the actual one when reported, else the planned one, labelled which.
  if (g.actual_period || g.planned_period)
    h["period"] = {{"text", ctx.range(g.actual_period ? *g.actual_period : *g.planned_period)},
                   {"which", ctx.t(g.actual_period ? "grant.period_actual_short"
                                                   : "grant.period_planned_short")}};
  else if (g.declared.present && g.declared.period)  // the grantee's word, labelled so
    h["period"] = {{"text", ctx.range(*g.declared.period)}, {"which", ctx.t("declared.short")}};
  else
    h["period"] = nullptr;
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
  // Only a grant whose money was awarded owes a final report.
  h["final_report_missing"] = !g.final_report_date && is_awarded(g);
  // The grantee's own word, next to the record's status and never in place of it.
  if (g.declared.present && g.declared.status)
    h["declared_status"] =
        ctx.t(key("declared.status", name_of(grant_status_names(), *g.declared.status)));
  if (g.declared.present && g.declared.period) h["declared_period"] = ctx.range(*g.declared.period);
  h["has_final_report"] = g.status == GrantStatus::completed;
  return h;
}

// What the grantee declared about the grant in another document, labelled as such.
json declared_view(const ViewContext& ctx, const Grant& g) {
  const GrantDeclaration& d = g.declared;
  if (!d.present) return nullptr;
  return {{"source", ctx.original_text(d.source, d.source_language)},
          {"status",
           d.status ? json(ctx.t(key("declared.status", name_of(grant_status_names(), *d.status))))
                    : json(nullptr)},
          {"period", d.period ? json(ctx.range(*d.period)) : json(nullptr)},
          {"results", ctx.text(d.results)},
          {"has_final_report", g.status == GrantStatus::completed},
          {"translation", ctx.translation(d.source_language, "translation.declared_note")}};
}

// The page's notice that the record's texts are translations, naming the documents they come from
// by their titles in their own language.
json translation_view(const ViewContext& ctx, const Grant& g) {
  json out = ctx.translation(g.source_language, "translation.grant_note");
  if (out.is_null()) return out;
  json documents = json::array();
  for (const Document& d : g.documents)
    if (auto title = ctx.original_text(d.title, g.source_language))
      documents.push_back(*title);
  // A separator after every title but the last: the template cannot tell which one is last.
  for (std::size_t i = 0; i + 1 < documents.size(); ++i) documents[i]["separator"] = "; ";
  out["documents"] = documents;
  return out;
}

// The money rows of the final report's socio-economic impact table (wage fund, taxes,
// contribution to the economy), for the financial summary: empty cells stay empty.
json report_finance_view(const ViewContext& ctx, const Grant& g) {
  json rows = json::array();
  const Impact& i = g.impact;
  for (auto [name, pf] : {std::pair{"wage_fund", &i.wage_fund}, std::pair{"taxes", &i.taxes},
                          std::pair{"economic_contribution", &i.economic_contribution}}) {
    if (!pf->present) continue;
    rows.push_back({{"key", name},
                    {"label", ctx.t(key("report_finance", name))},
                    {"planned", ctx.reported_money(pf->planned)},
                    {"actual", ctx.reported_money(pf->actual)}});
  }
  return rows;
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
                            {"outcome_computed", outcome == IndicatorOutcome::met ||
                                                     outcome == IndicatorOutcome::exceeded ||
                                                     outcome == IndicatorOutcome::short_of},
                            {"comment", ctx.text(ind.comment)}});
    }
    t["indicators"] = indicators;
    t["long_term_result"] = ctx.text(task.long_term_result);
    tasks.push_back(std::move(t));
  }
  indicator_totals = json::object();
  for (const char* k : {"met", "exceeded", "short", "not_reported", "no_target"})
    indicator_totals[k] = ctx.computed_count(counts[k], ctx.t("basis.outcomes"));
  return tasks;
}

json plan_fact_row(const ViewContext& ctx, const char* name, const PlanFact& pf) {
  if (!pf.present) return nullptr;
  json row = {{"label", ctx.t(key("impact", name))},
              {"planned", optional_count(ctx, pf.planned)},
              {"actual", optional_count(ctx, pf.actual)},
              {"unit", ctx.text(pf.unit)}};
  row["variance"] =
      pf.planned && pf.actual ? difference(ctx, *pf.planned, *pf.actual, false) : json(nullptr);
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

// One breakdown of the participants ({rows, total, breakdown, note}). Its parts add up to the total
// beside it: when the reported parts fall short, a "not reported" row holds the rest (computed);
// when they exceed it (one person may belong to several social categories) the table says so and
// is marked as overlapping.
json breakdown_view(const ViewContext& ctx, const std::vector<Breakdown>& rows, const char* prefix,
                    std::int64_t total) {
  json out = json::array();
  std::int64_t sum = 0;
  for (const Breakdown& row : rows) {
    if (row.count) sum += *row.count;
    out.push_back({{"label", ctx.t(key(prefix, row.key))},
                   {"count", ctx.reported_count(row.count)},
                   {"share", row.count ? ctx.computed_share(*row.count, total,
                                                            ctx.t("basis.share_of_participants"))
                                       : json(nullptr)}});
  }
  if (sum < total)
    out.push_back(
        {{"label", ctx.t("not_reported.breakdown")},
         {"count", ctx.computed_count(total - sum, ctx.t("basis.remainder"))},
         {"share", ctx.computed_share(total - sum, total, ctx.t("basis.share_of_participants"))}});
  return {{"rows", out},
          {"total", json(Figure::reported(ctx.integer(total), total))},
          {"breakdown", sum > total ? "overlap" : "sum"},
          {"note", sum > total ? json(ctx.t("grant.breakdown_overlap")) : json(nullptr)}};
}

json participants_view(const ViewContext& ctx, const Grant& g) {
  const Participants& p = g.participants;
  if (!p.present) return nullptr;
  json out = {{"total", json(Figure::reported(ctx.integer(p.total), p.total))}};
  if (p.has_gender) {
    std::vector<Breakdown> rows = {{"male", p.male}, {"female", p.female}};
    out["by_gender"] = breakdown_view(ctx, rows, "gender", p.total);
  }
  out["by_age"] = breakdown_view(ctx, p.by_age, "age", p.total);
  out["by_category"] = breakdown_view(ctx, p.by_category, "category", p.total);
  return out;
}

json variance_view(const ViewContext& ctx, Tenge planned, Tenge actual) {
  return difference(ctx, planned.value(), actual.value(), true);
}

// A sum of budget lines: computed, unless there are no lines to sum (then the document does not
// report that part of the budget, and 0 ₸ would read as a figure it gave).
json lines_sum(const ViewContext& ctx, Tenge sum, int lines) {
  if (lines == 0) return ctx.not_reported();
  return ctx.computed_money(sum, ctx.t("basis.budget_lines", {{"count", ctx.integer(lines)}}));
}

json budget_view(const ViewContext& ctx, const Grant& g) {
  const Budget& b = g.budget;
  if (!b.present) return nullptr;
  json sections = json::array();
  Tenge grant_total, own_total, admin_total, direct_total, equipment_total, all_total, actual_total;
  int grant_lines = 0, own_lines = 0, admin_lines = 0, direct_lines = 0, equipment_lines = 0;
  bool any_actual = false, all_actual = !b.lines.empty();
  for (const BudgetLine& line : b.lines) {
    all_total += line.total;
    if (line.source == FundingSource::grant) {
      grant_total += line.total;
      ++grant_lines;
    } else {
      own_total += line.total;
      ++own_lines;
    }
    if (is_administrative(line.section)) {
      admin_total += line.total;
      ++admin_lines;
    }
    if (line.section == BudgetSection::direct) {
      direct_total += line.total;
      ++direct_lines;
    }
    if (line.section == BudgetSection::equipment) {
      equipment_total += line.total;
      ++equipment_lines;
    }
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
    int section_lines = 0;
    bool section_all_actual = true;
    for (const BudgetLine& line : b.lines) {
      if (line.section != section) continue;
      sum += line.total;
      ++section_lines;
      if (line.actual)
        actual_sum += *line.actual;
      else
        section_all_actual = false;
      json row = {
          {"article", ctx.text(line.article)},
          {"unit", ctx.text(line.unit)},
          {"quantity", line.quantity ? json(Figure::reported(i18n::format_decimal(
                                           line.quantity->thousandths / 1000.0, ctx.lang, 3)))
                                     : ctx.not_reported()},
          {"unit_cost", ctx.reported_money(line.unit_cost)},
          {"total", ctx.reported_money(line.total)},
          {"source", ctx.t(key("source", name_of(source_names(), line.source)))},
          {"actual", ctx.reported_money(line.actual)},
          {"variance",
           line.actual ? variance_view(ctx, line.total, *line.actual) : ctx.not_reported()},
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
         {"total", lines_sum(ctx, sum, section_lines)},
         {"actual",
          section_all_actual ? lines_sum(ctx, actual_sum, section_lines) : ctx.not_reported()},
         {"variance",
          section_all_actual ? variance_view(ctx, sum, actual_sum) : ctx.not_reported()},
         {"share", ctx.computed_share(sum.value(), base, ctx.t("basis.share_of_grant"))}});
  }
  json out = {
      {"sections", sections},
      {"total", lines_sum(ctx, all_total, static_cast<int>(b.lines.size()))},
      {"grant_funds", lines_sum(ctx, grant_total, grant_lines)},
      {"own_funds", lines_sum(ctx, own_total, own_lines)},
      {"administrative", lines_sum(ctx, admin_total, admin_lines)},
      {"administrative_share",
       admin_lines ? ctx.computed_share(admin_total.value(), base, ctx.t("basis.share_of_grant"))
                   : json(nullptr)},
      {"direct", lines_sum(ctx, direct_total, direct_lines)},
      {"direct_share",
       direct_lines ? ctx.computed_share(direct_total.value(), base, ctx.t("basis.share_of_grant"))
                    : json(nullptr)},
      {"equipment", lines_sum(ctx, equipment_total, equipment_lines)},
      {"equipment_share", equipment_lines ? ctx.computed_share(equipment_total.value(), base,
                                                               ctx.t("basis.share_of_grant"))
                                          : json(nullptr)},
      {"equipment_over_cap", base && equipment_total.value() * 10 > base},
      {"has_actual", any_actual},
      {"actual_total", all_actual ? lines_sum(ctx, actual_total, static_cast<int>(b.lines.size()))
                                  : ctx.not_reported()},
      {"variance_total",
       all_actual ? variance_view(ctx, all_total, actual_total) : ctx.not_reported()}};
  json subtotals = json::array();
  for (const BudgetSubtotal& s : b.subtotals) {
    std::string scope;
    for (BudgetSection section : s.sections)
      scope +=
          (scope.empty() ? "" : " + ") + ctx.t(key("section", name_of(section_names(), section)));
    json row = {{"label", s.label.empty() ? json(nullptr) : ctx.text(s.label)},
                {"scope", scope},
                {"amount", ctx.reported_money(s.amount)},
                {"actual", ctx.reported_money(s.actual)}};
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
  const auto count = static_cast<std::int64_t>(s.awarded.size());
  const std::string total_key = "programme/" + g.id;
  json out = {
      {"planned_count", ctx.reported_count(s.planned_count)},
      {"ceiling", ctx.reported_money(s.ceiling)},
      {"envelope", ctx.reported_money(s.envelope)},
      {"recipients", ctx.text(s.recipients)},
      {"awarded", rows},
      {"awarded_count", count ? ctx.computed_count(count, ctx.t("basis.subgrant_count"),
                                                   is_awarded(g) ? total_key + "/count" : "")
                              : ctx.not_reported()},
      {"awarded_total",
       count ? ctx.computed_money(sum, ctx.t("basis.subgrants", {{"count", ctx.integer(count)}}),
                                  is_awarded(g) ? total_key + "/amount" : "")
             : ctx.not_reported()},
      {"envelope_share", nullptr},
      {"envelope_remaining", nullptr}};
  if (s.envelope && count) {
    out["envelope_share"] =
        ctx.computed_share(sum.value(), s.envelope->value(), ctx.t("basis.envelope_share"));
    out["envelope_remaining"] =
        ctx.computed_money(*s.envelope - sum, ctx.t("basis.envelope_remaining"));
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
      {"amount", ctx.reported_money(sg.amount)},
      {"status", ctx.t(key("subgrant_status", name_of(subgrant_status_names(), sg.status)))}};
  if (const Region* r = ctx.portal.find_region(sg.region)) row["region"] = ctx.text(r->name);
  return row;
}

json grant_summary(const ViewContext& ctx, const Grant& g) {
  json h = header_view(ctx, g);
  return {{"id", g.id},
          {"url", routes::url_of(g, ctx.lang)},
          {"title", h["title"]},
          {"grantee", h["grantee"]},
          {"amount", h["amount"]},
          {"amount_label", h["amount_label"]},
          {"period", h["period"]},
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
  v["report_finance"] = report_finance_view(ctx, g);
  v["declared"] = declared_view(ctx, g);
  v["translation"] = translation_view(ctx, g);
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
        {"fallback_note", ctx.t("fallback." + std::string(lang_code(narrative_lang)))},
        // A narrative is written from the documents: in any other language it is a translation.
        {"translation", narrative_lang == ctx.lang
                            ? ctx.translation(g.source_language, "translation.narrative_note")
                            : json(nullptr)}};
  } else {
    v["narrative"] = nullptr;
  }
  return v;
}

}  // namespace ashyq::views
