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

std::string key(std::string_view prefix, std::string_view name) {
  return std::string(prefix) + "." + std::string(name);
}

// An indicator's planned or actual value as a reported figure: the document's own wording when it
// has one, else the number with its bound and unit; "not reported" when the record has none.
IndicatorValueView value_view(const ViewContext& ctx, const std::optional<Value>& v,
                              const LocalizedText& unit) {
  if (!v) return {ctx.not_reported(), std::nullopt};
  IndicatorValueView out{Figure::reported(""), std::nullopt};
  if (!v->text.empty()) {
    out.ltext = ctx.text(v->text);
  } else {
    std::string s = i18n::format_decimal(v->value, ctx.lang, 2);
    if (v->bound != Bound::exactly)
      s = ctx.t(key("bound", name_of(bound_names(), v->bound))) + " " + s;
    if (!unit.empty()) s += " " + ctx.plain(unit);
    out.ltext = TextView{s, std::string(lang_code(ctx.lang)), false, std::nullopt};
  }
  return out;
}

Figure difference(const ViewContext& ctx, std::int64_t planned, std::int64_t actual, bool money) {
  return ctx.computed_difference(planned, actual, money, ctx.t("basis.difference"));
}

std::optional<std::string> optional_range(const ViewContext& ctx,
                                          const std::optional<DateRange>& range) {
  if (!range) return std::nullopt;
  return ctx.range(*range);
}

std::optional<std::string> optional_date(const ViewContext& ctx,
                                         const std::optional<PartialDate>& date) {
  if (!date) return std::nullopt;
  return ctx.date(*date);
}

// An organisation's short name, or its name when it has none.
std::optional<TextView> short_name(const ViewContext& ctx, const Organisation& org) {
  return ctx.text(org.short_name.empty() ? org.name : org.short_name);
}

// The period lists show: the actual one when reported, else the planned one, labelled which.
std::optional<PeriodView> period_view(const ViewContext& ctx, const Grant& g) {
  if (g.actual_period || g.planned_period)
    return PeriodView{
        ctx.range(g.actual_period ? *g.actual_period : *g.planned_period),
        ctx.t(g.actual_period ? "grant.period_actual_short" : "grant.period_planned_short")};
  if (g.declared.present && g.declared.period)  // the grantee's word, labelled so
    return PeriodView{ctx.range(*g.declared.period), ctx.t("declared.short")};
  return std::nullopt;
}

// The names of the grant's regions (a region's name is required).
std::vector<TextView> region_names(const ViewContext& ctx, const Grant& g) {
  std::vector<TextView> names;
  for (const auto& id : g.regions)
    if (const Region* r = ctx.portal.find_region(id))
      if (auto name = ctx.text(r->name)) names.push_back(std::move(*name));
  return names;
}

std::string amount_label(const ViewContext& ctx, const Grant& g) {
  return ctx.t("grant.amount_" + std::string(money_kind_name(money_kind(g))));
}

std::optional<std::string> declared_status(const ViewContext& ctx, const GrantDeclaration& d) {
  if (!d.present || !d.status) return std::nullopt;
  return ctx.t(key("declared.status", name_of(grant_status_names(), *d.status)));
}

GrantHeaderView header_view(const ViewContext& ctx, const Grant& g) {
  const Portal& portal = ctx.portal;
  GrantHeaderView h;
  h.title = ctx.text(g.title);
  const std::string status(status_key(g, portal.config.as_of));
  h.status = ctx.t(key("status", status));
  h.status_key = status;
  h.declared_status = declared_status(ctx, g.declared);
  if (g.declared.present) h.declared_period = optional_range(ctx, g.declared.period);
  if (g.status != GrantStatus::completed) h.no_final_report = ctx.t("declared.no_final_report");
  if (const Organisation* o = portal.find_organisation(g.grantee_id))
    h.grantee = GranteeView{ctx.text(o->name),          o->bin,
                            ctx.text(o->address),       ctx.text(o->leader_name),
                            ctx.text(o->leader_title),  website_view(ctx, o->website),
                            social_view(ctx, o->social)};
  if (const Organisation* o = portal.find_organisation(g.operator_id))
    h.operator_ = OperatorView{ctx.text(o->name)};
  h.amount_label = amount_label(ctx, g);
  h.amount = ctx.reported_money(g.amount);
  h.own_contribution = ctx.reported_money(g.own_contribution);
  h.period = period_view(ctx, g);
  h.planned_period = optional_range(ctx, g.planned_period);
  h.actual_period = optional_range(ctx, g.actual_period);
  h.regions = region_names(ctx, g);
  h.localities = texts_view(ctx, g.localities);
  if (const Direction* d = portal.find_direction(g.direction_id)) h.direction = ctx.text(d->name);
  h.programme = ctx.text(g.programme);
  if (g.grant_type)
    h.grant_type = ctx.t(key("grant_type", name_of(grant_type_names(), *g.grant_type)));
  h.contract_number = g.contract_number;
  if (!g.contract_number.empty()) h.contract_date = optional_date(ctx, g.contract_date);
  if (g.final_report_date)
    h.final_report_note = ctx.t("grant.final_report") + ": " + ctx.date(*g.final_report_date);
  else if (is_awarded(g))
    h.final_report_note = ctx.t("grant.final_report_not_published");
  return h;
}

std::optional<DeclaredView> declared_view(const ViewContext& ctx, const Grant& g) {
  const GrantDeclaration& d = g.declared;
  if (!d.present) return std::nullopt;
  return DeclaredView{ctx.original_text(d.source, d.source_language),
                      declared_status(ctx, d),
                      optional_range(ctx, d.period),
                      ctx.text(d.results),
                      g.status == GrantStatus::completed
                          ? std::nullopt
                          : std::optional(ctx.t("declared.no_final_report_sentence")),
                      ctx.translation(d.source_language, "translation.declared_note")};
}

// The page's notice that the record's texts are translations, naming the documents they come from
// by their titles in their own language.
std::optional<GrantTranslationView> translation_view(const ViewContext& ctx, const Grant& g) {
  std::optional<TranslationView> mark =
      ctx.translation(g.source_language, "translation.grant_note");
  if (!mark) return std::nullopt;
  GrantTranslationView out{std::move(*mark), {}};
  for (const Document& d : g.documents)
    if (auto title = ctx.original_text(d.title, g.source_language))
      out.documents.push_back({std::move(*title), "; "});
  if (!out.documents.empty()) out.documents.back().separator.clear();
  return out;
}

// The money rows of the final report's socio-economic impact table (wage fund, taxes,
// contribution to the economy), for the financial summary: empty cells stay empty.
std::vector<ReportFinanceRowView> report_finance_view(const ViewContext& ctx, const Grant& g) {
  std::vector<ReportFinanceRowView> rows;
  const Impact& i = g.impact;
  for (auto [name, pf] : {std::pair{"wage_fund", &i.wage_fund}, std::pair{"taxes", &i.taxes},
                          std::pair{"economic_contribution", &i.economic_contribution}}) {
    if (!pf->present) continue;
    rows.push_back({name, ctx.t(key("report_finance", name)), ctx.reported_money(pf->planned),
                    ctx.reported_money(pf->actual)});
  }
  return rows;
}

std::vector<TaskView> tasks_view(const ViewContext& ctx, const Grant& g,
                                 IndicatorTotalsView& indicator_totals) {
  std::vector<TaskView> tasks;
  std::map<std::string, int> counts;
  int number = 0;
  for (const Task& task : g.tasks) {
    TaskView t{++number, task.id, ctx.text(task.title), {}, {}};
    for (const Activity& a : task.activities)
      t.activities.push_back(
          {a.id, ctx.text(a.title), optional_range(ctx, a.date), ctx.text(a.place),
           a.participants ? std::optional(ctx.reported_count(a.participants)) : std::nullopt,
           ctx.text(a.result)});
    for (const Indicator& ind : task.indicators) {
      const IndicatorOutcome outcome = indicator_outcome(ind);
      static const char* kOutcome[] = {"met", "exceeded", "short", "not_reported", "no_target"};
      const char* outcome_key = kOutcome[static_cast<int>(outcome)];
      ++counts[outcome_key];
      t.indicators.push_back(
          {ctx.text(ind.name), ctx.text(ind.comment), value_view(ctx, ind.planned, ind.unit),
           value_view(ctx, ind.actual, ind.unit), outcome_key, ctx.t(key("outcome", outcome_key)),
           outcome == IndicatorOutcome::met || outcome == IndicatorOutcome::exceeded ||
               outcome == IndicatorOutcome::short_of});
    }
    tasks.push_back(std::move(t));
  }
  const std::string basis = ctx.t("basis.outcomes");
  auto total = [&](const char* k) { return ctx.computed_count(counts[k], basis); };
  indicator_totals = {total("met"), total("exceeded"), total("short"), total("not_reported"),
                      total("no_target")};
  return tasks;
}

std::vector<ImpactRowView> impact_view(const ViewContext& ctx, const Grant& g) {
  std::vector<ImpactRowView> rows;
  const Impact& i = g.impact;
  for (auto [name, pf] :
       {std::pair{"direct_beneficiaries", &i.direct_beneficiaries},
        std::pair{"indirect_beneficiaries", &i.indirect_beneficiaries},
        std::pair{"staff", &i.staff}, std::pair{"specialists", &i.specialists},
        std::pair{"ngos_involved", &i.ngos_involved}, std::pair{"volunteers", &i.volunteers}}) {
    if (!pf->present) continue;
    ImpactRowView row{ctx.t(key("impact", name)), ctx.reported_count(pf->planned),
                      ctx.reported_count(pf->actual), std::nullopt};
    if (pf->planned && pf->actual) row.variance = difference(ctx, *pf->planned, *pf->actual, false);
    rows.push_back(std::move(row));
  }
  return rows;
}

// One breakdown of the participants. Its parts add up to the total beside it: when the reported
// parts fall short, a "not reported" row holds the rest (computed); when they exceed it (one person
// may belong to several social categories) the table says so and is marked as overlapping.
BreakdownView breakdown_view(const ViewContext& ctx, const std::vector<Breakdown>& rows,
                             const char* prefix, std::int64_t total) {
  BreakdownView out;
  std::int64_t sum = 0;
  const std::string share_basis = ctx.t("basis.share_of_participants");
  for (const Breakdown& row : rows) {
    if (row.count) sum += *row.count;
    out.rows.push_back(
        {ctx.t(key(prefix, row.key)), ctx.reported_count(row.count),
         row.count ? ctx.computed_share(*row.count, total, share_basis) : std::nullopt});
  }
  if (sum < total)
    out.rows.push_back({ctx.t("not_reported.breakdown"),
                        ctx.computed_count(total - sum, ctx.t("basis.remainder")),
                        ctx.computed_share(total - sum, total, share_basis)});
  out.total = Figure::reported(ctx.integer(total), total);
  out.breakdown = sum > total ? "overlap" : "sum";
  if (sum > total) out.note = ctx.t("grant.breakdown_overlap");
  return out;
}

std::optional<ParticipantsView> participants_view(const ViewContext& ctx, const Grant& g) {
  const Participants& p = g.participants;
  if (!p.present) return std::nullopt;
  ParticipantsView out;
  out.total = Figure::reported(ctx.integer(p.total), p.total);
  if (p.has_gender) {
    std::vector<Breakdown> rows = {{"male", p.male}, {"female", p.female}};
    out.by_gender = breakdown_view(ctx, rows, "gender", p.total);
  }
  out.by_age = breakdown_view(ctx, p.by_age, "age", p.total);
  out.by_category = breakdown_view(ctx, p.by_category, "category", p.total);
  return out;
}

Figure variance_view(const ViewContext& ctx, Tenge planned, Tenge actual) {
  return difference(ctx, planned.value(), actual.value(), true);
}

// A sum of budget lines: computed, unless there are no lines to sum (then the document does not
// report that part of the budget, and 0 ₸ would read as a figure it gave).
Figure lines_sum(const ViewContext& ctx, Tenge sum, int lines) {
  if (lines == 0) return ctx.not_reported();
  return ctx.computed_money(sum, ctx.t("basis.budget_lines", {{"count", ctx.integer(lines)}}));
}

std::optional<TextView> activity_title(const ViewContext& ctx, const Grant& g,
                                       const std::string& activity) {
  if (activity.empty()) return std::nullopt;
  const Activity* a = g.find_activity(activity);
  return a ? ctx.text(a->title) : std::nullopt;
}

std::optional<BudgetView> budget_view(const ViewContext& ctx, const Grant& g) {
  const Budget& b = g.budget;
  if (!b.present) return std::nullopt;
  BudgetView out;
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
  const std::string share_basis = ctx.t("basis.share_of_grant");
  for (BudgetSection section : kAllSections) {
    BudgetSectionView s;
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
      s.lines.push_back(
          {ctx.text(line.article), activity_title(ctx, g, line.activity), ctx.text(line.unit),
           line.quantity ? Figure::reported(i18n::format_decimal(
                               line.quantity->thousandths / 1000.0, ctx.lang, 3))
                         : ctx.not_reported(),
           ctx.reported_money(line.unit_cost), ctx.reported_money(line.total),
           ctx.reported_money(line.actual),
           line.actual ? variance_view(ctx, line.total, *line.actual) : ctx.not_reported(),
           ctx.t(key("source", name_of(source_names(), line.source)))});
    }
    if (s.lines.empty()) continue;
    s.key = name_of(section_names(), section);
    s.label = ctx.t(key("section", s.key));
    s.administrative = is_administrative(section);
    s.share = ctx.computed_share(sum.value(), base, share_basis);
    s.total = lines_sum(ctx, sum, section_lines);
    s.actual = section_all_actual ? lines_sum(ctx, actual_sum, section_lines) : ctx.not_reported();
    s.variance = section_all_actual ? variance_view(ctx, sum, actual_sum) : ctx.not_reported();
    out.sections.push_back(std::move(s));
  }
  out.total = lines_sum(ctx, all_total, static_cast<int>(b.lines.size()));
  out.grant_funds = lines_sum(ctx, grant_total, grant_lines);
  out.own_funds = lines_sum(ctx, own_total, own_lines);
  out.administrative = lines_sum(ctx, admin_total, admin_lines);
  if (admin_lines)
    out.administrative_share = ctx.computed_share(admin_total.value(), base, share_basis);
  out.direct = lines_sum(ctx, direct_total, direct_lines);
  if (direct_lines) out.direct_share = ctx.computed_share(direct_total.value(), base, share_basis);
  out.equipment = lines_sum(ctx, equipment_total, equipment_lines);
  if (equipment_lines)
    out.equipment_share = ctx.computed_share(equipment_total.value(), base, share_basis);
  out.equipment_over_cap = base && equipment_total.value() * 10 > base;
  out.has_actual = any_actual;
  out.actual_total = all_actual ? lines_sum(ctx, actual_total, static_cast<int>(b.lines.size()))
                                : ctx.not_reported();
  out.variance_total =
      all_actual ? variance_view(ctx, all_total, actual_total) : ctx.not_reported();
  for (const BudgetSubtotal& s : b.subtotals) {
    std::string scope;
    for (BudgetSection section : s.sections)
      scope +=
          (scope.empty() ? "" : " + ") + ctx.t(key("section", name_of(section_names(), section)));
    out.subtotals.push_back({s.label.empty() ? std::nullopt : ctx.text(s.label), scope,
                             activity_title(ctx, g, s.activity), ctx.reported_money(s.amount),
                             ctx.reported_money(s.actual)});
  }
  return out;
}

std::optional<GrantSubgrantsView> grant_subgrants_view(const ViewContext& ctx, const Grant& g) {
  const SubgrantProgramme& s = g.subgrants;
  if (!s.present) return std::nullopt;
  GrantSubgrantsView out;
  Tenge sum;
  for (const Subgrant& sg : s.awarded) {
    sum += sg.amount;
    out.awarded.push_back(subgrant_row(ctx, sg));
  }
  const auto count = static_cast<std::int64_t>(s.awarded.size());
  const std::string total_key = "programme/" + g.id;
  out.planned_count = ctx.reported_count(s.planned_count);
  out.ceiling = ctx.reported_money(s.ceiling);
  out.envelope = ctx.reported_money(s.envelope);
  out.recipients = ctx.text(s.recipients);
  out.awarded_count = count ? ctx.computed_count(count, ctx.t("basis.subgrant_count"),
                                                 is_awarded(g) ? total_key + "/count" : "")
                            : ctx.not_reported();
  out.awarded_total =
      count ? ctx.computed_money(sum, ctx.t("basis.subgrants", {{"count", ctx.integer(count)}}),
                                 is_awarded(g) ? total_key + "/amount" : "")
            : ctx.not_reported();
  if (s.envelope && count)
    out.envelope_share =
        ctx.computed_share(sum.value(), s.envelope->value(), ctx.t("basis.envelope_share"));
  return out;
}

std::vector<MediaGroupView> media_view(const ViewContext& ctx, const Grant& g) {
  // Grouped by activity in plan order, links of no (known) activity last; within an activity by
  // kind, in the order of the kind enum; links in record order within a kind.
  std::vector<const Activity*> activities;
  for (const Task& t : g.tasks)
    for (const Activity& a : t.activities) activities.push_back(&a);
  activities.push_back(nullptr);
  std::vector<std::optional<MediaKind>> kinds;
  for (const auto& [name, kind] : media_kind_names()) kinds.push_back(kind);
  kinds.push_back(std::nullopt);

  std::vector<MediaGroupView> groups;
  for (const Activity* activity : activities) {
    MediaGroupView group{{}, activity ? ctx.text(activity->title) : std::nullopt, {}};
    group.heading =
        ctx.t(group.activity ? "grant.documents_activity" : "grant.media_without_activity");
    for (const auto& kind : kinds) {
      MediaKindView kind_group{kind ? ctx.t(key("media_kind", name_of(media_kind_names(), *kind)))
                                    : ctx.t("media_kind.other"),
                               {}};
      for (const MediaLink& m : g.media)
        if (m.kind == kind && g.find_activity(m.activity) == activity)
          kind_group.links.push_back(media_link_view(ctx, m));
      if (!kind_group.links.empty()) group.kinds.push_back(std::move(kind_group));
    }
    if (!group.kinds.empty()) groups.push_back(std::move(group));
  }
  return groups;
}

DocumentView document_view(const ViewContext& ctx, const Document& d) {
  DocumentView out;
  if (!d.url.empty()) out.link = ctx.link(d.url);
  out.title = ctx.text(d.title);
  if (d.kind) out.kind = ctx.t(key("document_kind", name_of(document_kind_names(), *d.kind)));
  out.date = optional_date(ctx, d.date);
  if (d.pages) out.pages = ctx.integer(*d.pages);
  return out;
}

// The narrative in the page's language, else the other language's, marked as such.
std::optional<NarrativeView> narrative_view(const ViewContext& ctx, const Grant& g) {
  const Narrative* narrative = &g.narrative(ctx.lang);
  Lang narrative_lang = ctx.lang;
  if (!narrative->present && g.narrative(other_lang(ctx.lang)).present) {
    narrative_lang = other_lang(ctx.lang);
    narrative = &g.narrative(narrative_lang);
  }
  if (!narrative->present) return std::nullopt;
  return NarrativeView{ctx.mark_broken_links(markup::render_markdown(narrative->markdown, 3,
                                                                     &ctx.portal.public_contacts)),
                       narrative->title,
                       std::string(lang_code(narrative_lang)),
                       narrative_lang != ctx.lang,
                       ctx.t("fallback." + std::string(lang_code(narrative_lang))),
                       narrative_lang == ctx.lang
                           ? ctx.translation(g.source_language, "translation.narrative_note")
                           : std::nullopt};
}

}  // namespace

SubgrantRowView subgrant_row(const ViewContext& ctx, const Subgrant& sg) {
  SubgrantRowView row;
  row.kind = ctx.t(key("recipient", name_of(recipient_kind_names(), sg.recipient_kind)));
  if (sg.name_publishable()) row.name = ctx.text(sg.recipient_name);
  row.locality = ctx.text(sg.locality);
  if (const Region* r = ctx.portal.find_region(sg.region)) row.region = ctx.text(r->name);
  row.title = ctx.text(sg.title);
  row.amount = ctx.reported_money(sg.amount);
  row.status = ctx.t(key("subgrant_status", name_of(subgrant_status_names(), sg.status)));
  return row;
}

GrantRowView grant_summary(const ViewContext& ctx, const Grant& g) {
  GrantRowView row;
  row.url = routes::url_of(g, ctx.lang);
  row.title = ctx.text(g.title);
  if (const Organisation* o = ctx.portal.find_organisation(g.grantee_id))
    row.grantee = GranteeNameView{short_name(ctx, *o)};
  row.amount = ctx.reported_money(g.amount);
  row.amount_label = amount_label(ctx, g);
  row.period = period_view(ctx, g);
  std::vector<TextView> regions = region_names(ctx, g);
  if (regions.size() > 3)
    row.regions_count = ctx.integer(static_cast<std::int64_t>(regions.size()));
  else
    row.regions = std::move(regions);
  const std::string status(status_key(g, ctx.portal.config.as_of));
  row.status = ctx.t(key("status", status));
  row.status_key = status;
  return row;
}

GrantView grant_view(const ViewContext& ctx, const Grant& g) {
  GrantView v;
  v.header = header_view(ctx, g);
  v.translation = translation_view(ctx, g);
  v.declared = declared_view(ctx, g);
  v.goal = ctx.text(g.goal);
  v.problem = ctx.text(g.problem);
  v.target_groups = texts_view(ctx, g.target_groups);
  v.tasks = tasks_view(ctx, g, v.indicator_totals);
  v.expected_results = texts_view(ctx, g.expected_results);
  v.has_indicators = std::any_of(g.tasks.begin(), g.tasks.end(),
                                 [](const Task& t) { return !t.indicators.empty(); });
  v.impact = impact_view(ctx, g);
  v.participants = participants_view(ctx, g);
  v.budget = budget_view(ctx, g);
  v.report_finance = report_finance_view(ctx, g);
  if (!v.budget)
    v.no_budget_note =
        ctx.t(v.report_finance.empty() ? "grant.not_reported" : "report_finance.no_budget");
  v.subgrants = grant_subgrants_view(ctx, g);
  v.media = media_view(ctx, g);
  for (const Partner& p : g.partners) v.partners.push_back({ctx.text(p.name), ctx.text(p.role)});
  for (const TeamMember& m : g.team)
    v.team.push_back({ctx.text(m.name), ctx.text(m.role), ctx.text(m.employment)});
  v.narrative = narrative_view(ctx, g);
  for (const Document& d : g.documents) v.documents.push_back(document_view(ctx, d));
  v.needs_media_script = std::any_of(g.media.begin(), g.media.end(), is_playable_video);
  return v;
}

}  // namespace ashyq::views
