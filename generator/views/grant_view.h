#pragma once
// The grant page's view: everything one grant page shows, in one language, already formatted.
#include <optional>
#include <string>
#include <vector>

#include "views/media_view.h"
#include "views/view_context.h"

namespace ashyq::views {

// The period a grant's lists show: the actual one when reported, else the planned one, else the
// grantee's declared one, with `which` of them it is ("факт", "план", "со слов грантополучателя").
struct PeriodView {
  std::string text;
  std::string which;

  template <class F>
  void fields(F& f) const {
    f("text", text);
    f("which", which);
  }
};

// A grant's grantee in a list: its short name (its name when it has none).
struct GranteeNameView {
  std::optional<TextView> short_name;

  template <class F>
  void fields(F& f) const {
    f("short_name", short_name);
  }
};

// One row of templates/_grant_table.mustache (catalogue, facet, region and organisation pages),
// also the home page's latest reports.
struct GrantRowView {
  std::string url;
  std::optional<TextView> title;
  std::optional<GranteeNameView> grantee;  // none: the record names no grantee
  Figure amount;
  std::string amount_label;  // which money the amount is: awarded, applied for, planned
  std::optional<PeriodView> period;
  // A long list of regions (a republic-wide programme) reads better as a count in a row: then
  // `regions` is empty and `regions_count` is the count.
  std::vector<TextView> regions;
  std::optional<std::string> regions_count;
  std::string status;
  std::string status_key;

  template <class F>
  void fields(F& f) const {
    f("url", url);
    f("title", title);
    f("grantee", grantee);
    f("amount", amount);
    f("amount_label", amount_label);
    f("period", period);
    f("regions", regions);
    f("regions_count", regions_count);
    f("status", status);
    f("status_key", status_key);
  }
};
GrantRowView grant_summary(const ViewContext& ctx, const Grant& grant);

// One sub-grant as a table row: the columns that templates/_subgrant_table.mustache (the registry,
// which adds the programme) and the grant page's table of awarded sub-grants share. A private
// person's or initiative group's name is published only with consent (an NGO's always); otherwise
// `name` is none and kind and locality stand in.
struct SubgrantRowView {
  std::string kind;  // the recipient's kind: "Физическое лицо", "НПО"
  std::optional<TextView> name;
  std::optional<TextView> locality;
  std::optional<TextView> region;
  std::optional<TextView> title;
  Figure amount;
  std::string status;

  template <class F>
  void fields(F& f) const {
    f("kind", kind);
    f("name", name);
    f("locality", locality);
    f("region", region);
    f("title", title);
    f("amount", amount);
    f("status", status);
  }
};
SubgrantRowView subgrant_row(const ViewContext& ctx, const Subgrant& subgrant);

// templates/grant.mustache's sections, in page order.

// The grantee in the grant page's header, with its details.
struct GranteeView {
  std::optional<TextView> name;
  std::string bin;
  std::optional<TextView> address;
  std::optional<TextView> leader_name;
  std::optional<TextView> leader_title;
  std::optional<LinkView> website;
  std::vector<SocialLinkView> social;

  template <class F>
  void fields(F& f) const {
    f("name", name);
    f("bin", bin);
    f("address", address);
    f("leader_name", leader_name);
    f("leader_title", leader_title);
    f("website", website);
    f("social", social);
  }
};

// The operator in the grant page's header: its name.
struct OperatorView {
  std::optional<TextView> name;

  template <class F>
  void fields(F& f) const {
    f("name", name);
  }
};

// The page's header: title, status, who got how much for when, and the facts around it.
struct GrantHeaderView {
  std::optional<TextView> title;
  std::string status;
  std::string status_key;
  // The grantee's own word, next to the record's status and never in place of it.
  std::optional<std::string> declared_status;
  std::optional<std::string> declared_period;
  // After the declared status, while the record has no final report: "no final report".
  std::optional<std::string> no_final_report;
  std::optional<GranteeView> grantee;
  std::optional<OperatorView> operator_;
  std::string amount_label;
  Figure amount;
  Figure own_contribution;
  std::optional<PeriodView> period;
  std::optional<std::string> planned_period;
  std::optional<std::string> actual_period;
  std::vector<TextView> regions;
  std::vector<TextView> localities;
  std::optional<TextView> direction;
  std::optional<TextView> programme;
  std::optional<std::string> grant_type;
  std::string contract_number;
  std::optional<std::string> contract_date;
  // Beside the status: the final report's date ("Итоговый отчёт: 20 декабря 2024 г."), or that it
  // is not published, for a grant whose money was awarded (only that owes one); none otherwise.
  std::optional<std::string> final_report_note;

  template <class F>
  void fields(F& f) const {
    f("title", title);
    f("status", status);
    f("status_key", status_key);
    f("declared_status", declared_status);
    f("declared_period", declared_period);
    f("no_final_report", no_final_report);
    f("grantee", grantee);
    f("operator", operator_);
    f("amount_label", amount_label);
    f("amount", amount);
    f("own_contribution", own_contribution);
    f("period", period);
    f("planned_period", planned_period);
    f("actual_period", actual_period);
    f("regions", regions);
    f("localities", localities);
    f("direction", direction);
    f("programme", programme);
    f("grant_type", grant_type);
    f("contract_number", contract_number);
    f("contract_date", contract_date);
    f("final_report_note", final_report_note);
  }
};

// A document the grant's texts are translated from, named in its own language; `separator`
// follows every title but the last (the template cannot tell which one is last).
struct SourceDocumentView {
  OriginalTextView title;
  std::string separator;

  template <class F>
  void fields(F& f) const {
    title.fields(f);
    f("separator", separator);
  }
};

// The page's notice that the record's texts are translations (templates/_translation_note.mustache)
// naming the documents they come from.
struct GrantTranslationView {
  TranslationView mark;
  std::vector<SourceDocumentView> documents;

  template <class F>
  void fields(F& f) const {
    f("label", mark.label);
    f("note", mark.note);
    f("source_lang", mark.source_lang);
    f("documents", documents);
  }
};

// What the grantee declared about the grant in another document, labelled as such.
struct DeclaredView {
  std::optional<OriginalTextView> source;
  std::optional<std::string> status;
  std::optional<std::string> period;
  std::optional<TextView> results;
  // After the section's note, while the record has no final report: a sentence saying so.
  std::optional<std::string> no_final_report;
  std::optional<TranslationView> translation;

  template <class F>
  void fields(F& f) const {
    f("source", source);
    f("status", status);
    f("period", period);
    f("results", results);
    f("no_final_report", no_final_report);
    f("translation", translation);
  }
};

// An activity of a task's plan.
struct ActivityView {
  std::string id;
  std::optional<TextView> title;
  std::optional<std::string> date;
  std::optional<TextView> place;
  // How many took part, as the report gives it; none when it does not: the activity's line then
  // says nothing of participants (a "not reported" on every activity would drown the list).
  std::optional<Figure> participants;
  std::optional<TextView> result;

  template <class F>
  void fields(F& f) const {
    f("id", id);
    f("title", title);
    f("date", date);
    f("place", place);
    f("participants", participants);
    f("result", result);
  }
};

// An indicator's planned or actual value: the document's wording, or the number with its bound
// and unit, as `ltext` of a reported figure; a "not reported" figure when the record has none.
struct IndicatorValueView {
  Figure figure;
  std::optional<TextView> ltext;

  template <class F>
  void fields(F& f) const {
    figure.fields(f);
    f("ltext", ltext);
  }
};

// A row of a task's indicators table.
struct IndicatorView {
  std::optional<TextView> name;
  std::optional<TextView> comment;
  IndicatorValueView planned;
  IndicatorValueView actual;
  std::string outcome;  // "met", "exceeded", "short", "not_reported", "no_target"
  std::string outcome_label;
  bool outcome_computed = false;  // a verdict the portal computed from the two values

  template <class F>
  void fields(F& f) const {
    f("name", name);
    f("comment", comment);
    f("planned", planned);
    f("actual", actual);
    f("outcome", outcome);
    f("outcome_label", outcome_label);
    f("outcome_computed", outcome_computed);
  }
};

// A task of the plan (numbered), its activities and its indicators' table.
struct TaskView {
  int number = 0;
  std::string id;
  std::optional<TextView> title;
  std::vector<ActivityView> activities;
  std::vector<IndicatorView> indicators;

  template <class F>
  void fields(F& f) const {
    f("number", number);
    f("id", id);
    f("title", title);
    f("activities", activities);
    f("indicators", indicators);
  }
};

// How many indicators have each outcome (computed). The page shows all but `no_target`.
struct IndicatorTotalsView {
  Figure met;
  Figure exceeded;
  Figure short_of;
  Figure not_reported;
  Figure no_target;

  template <class F>
  void fields(F& f) const {
    f("met", met);
    f("exceeded", exceeded);
    f("short", short_of);
    f("not_reported", not_reported);
    f("no_target", no_target);
  }
};

// A planned and actual count of the final report's socio-economic impact table.
struct ImpactRowView {
  std::string label;
  Figure planned;
  Figure actual;
  std::optional<Figure> variance;  // none unless both are reported

  template <class F>
  void fields(F& f) const {
    f("label", label);
    f("planned", planned);
    f("actual", actual);
    f("variance", variance);
  }
};

// A group of participants: its count and its share of all of them.
struct BreakdownRowView {
  std::string label;
  Figure count;
  std::optional<Figure> share;

  template <class F>
  void fields(F& f) const {
    f("label", label);
    f("count", count);
    f("share", share);
  }
};

// One breakdown of the participants, its parts beside their total.
struct BreakdownView {
  std::vector<BreakdownRowView> rows;
  Figure total;
  std::string breakdown;  // "sum": the parts add up to the total; "overlap": they exceed it
  std::optional<std::string> note;  // says so when they overlap

  template <class F>
  void fields(F& f) const {
    f("rows", rows);
    f("total", total);
    f("breakdown", breakdown);
    f("note", note);
  }
};

// The participants: their total and its breakdowns (by gender only when reported).
struct ParticipantsView {
  Figure total;
  std::optional<BreakdownView> by_gender;
  BreakdownView by_age;
  BreakdownView by_category;

  template <class F>
  void fields(F& f) const {
    f("total", total);
    f("by_gender", by_gender);
    f("by_age", by_age);
    f("by_category", by_category);
  }
};

// A line of the budget table.
struct BudgetLineView {
  std::optional<TextView> article;
  std::optional<TextView> activity;  // the activity the line pays for
  std::optional<TextView> unit;
  Figure quantity;
  Figure unit_cost;
  Figure total;
  Figure actual;
  Figure variance;
  std::string source;

  template <class F>
  void fields(F& f) const {
    f("article", article);
    f("activity", activity);
    f("unit", unit);
    f("quantity", quantity);
    f("unit_cost", unit_cost);
    f("total", total);
    f("actual", actual);
    f("variance", variance);
    f("source", source);
  }
};

// A section of the budget table: its sums and its lines.
struct BudgetSectionView {
  std::string key;
  std::string label;
  bool administrative = false;  // counts to the administrative costs (tests read it)
  std::optional<Figure> share;  // of the grant
  Figure total;
  Figure actual;
  Figure variance;
  std::vector<BudgetLineView> lines;

  template <class F>
  void fields(F& f) const {
    f("key", key);
    f("label", label);
    f("administrative", administrative);
    f("share", share);
    f("total", total);
    f("actual", actual);
    f("variance", variance);
    f("lines", lines);
  }
};

// A subtotal the budget document states (checked against its lines elsewhere).
struct BudgetSubtotalView {
  std::optional<TextView> label;
  std::string scope;  // the sections it covers, when it has no label of its own
  std::optional<TextView> activity;
  Figure amount;
  Figure actual;

  template <class F>
  void fields(F& f) const {
    f("label", label);
    f("scope", scope);
    f("activity", activity);
    f("amount", amount);
    f("actual", actual);
  }
};

// The financial summary: the budget's totals and shares (computed), its table and its stated
// subtotals.
struct BudgetView {
  Figure total;
  Figure grant_funds;
  Figure own_funds;
  Figure administrative;
  std::optional<Figure> administrative_share;
  Figure direct;
  std::optional<Figure> direct_share;
  Figure equipment;
  std::optional<Figure> equipment_share;
  bool equipment_over_cap = false;  // more than a tenth of the grant
  bool has_actual = false;
  Figure actual_total;
  Figure variance_total;
  std::vector<BudgetSectionView> sections;
  std::vector<BudgetSubtotalView> subtotals;

  template <class F>
  void fields(F& f) const {
    f("total", total);
    f("grant_funds", grant_funds);
    f("own_funds", own_funds);
    f("administrative", administrative);
    f("administrative_share", administrative_share);
    f("direct", direct);
    f("direct_share", direct_share);
    f("equipment", equipment);
    f("equipment_share", equipment_share);
    f("equipment_over_cap", equipment_over_cap);
    f("has_actual", has_actual);
    f("actual_total", actual_total);
    f("variance_total", variance_total);
    f("sections", sections);
    f("subtotals", subtotals);
  }
};

// A money row of the final report's impact table (wage fund, taxes, contribution to the economy).
struct ReportFinanceRowView {
  std::string key;
  std::string label;
  Figure planned;
  Figure actual;

  template <class F>
  void fields(F& f) const {
    f("key", key);
    f("label", label);
    f("planned", planned);
    f("actual", actual);
  }
};

// A sub-grant programme: its plan and the sub-grants awarded, summed (computed).
struct GrantSubgrantsView {
  Figure planned_count;
  Figure ceiling;
  Figure envelope;
  std::optional<TextView> recipients;
  std::vector<SubgrantRowView> awarded;
  Figure awarded_count;
  Figure awarded_total;
  std::optional<Figure> envelope_share;

  template <class F>
  void fields(F& f) const {
    f("planned_count", planned_count);
    f("ceiling", ceiling);
    f("envelope", envelope);
    f("recipients", recipients);
    f("awarded", awarded);
    f("awarded_count", awarded_count);
    f("awarded_total", awarded_total);
    f("envelope_share", envelope_share);
  }
};

// The media links of one kind (templates/_media_link.mustache, _media_play.mustache).
struct MediaKindView {
  std::string kind;
  std::vector<MediaLinkView> links;

  template <class F>
  void fields(F& f) const {
    f("kind", kind);
    f("links", links);
  }
};

// The media links of one activity, or of none.
struct MediaGroupView {
  // "Documents of the activity" before the activity's title, or "Without an activity".
  std::string heading;
  std::optional<TextView> activity;
  std::vector<MediaKindView> kinds;

  template <class F>
  void fields(F& f) const {
    f("heading", heading);
    f("activity", activity);
    f("kinds", kinds);
  }
};

// A partner of the project and its role.
struct PartnerView {
  std::optional<TextView> name;
  std::optional<TextView> role;

  template <class F>
  void fields(F& f) const {
    f("name", name);
    f("role", role);
  }
};

// A member of the project's team.
struct TeamMemberView {
  std::optional<TextView> name;
  std::optional<TextView> role;
  std::optional<TextView> employment;

  template <class F>
  void fields(F& f) const {
    f("name", name);
    f("role", role);
    f("employment", employment);
  }
};

// A document of the grant: its link (no href when it is not online), title and details.
struct DocumentView {
  LinkView link;
  std::optional<TextView> title;
  std::optional<std::string> kind;
  std::optional<std::string> date;
  std::optional<std::string> pages;

  template <class F>
  void fields(F& f) const {
    link.fields(f);
    f("title", title);
    f("kind", kind);
    f("date", date);
    f("pages", pages);
  }
};

// The grantee's narrative report, in the page's language or the other one, marked.
struct NarrativeView {
  std::string html;   // rendered, broken links marked
  std::string title;  // the report's own title (the page's heading stands instead; tests read it)
  std::string lang;
  bool fallback = false;
  std::string fallback_note;
  // A narrative is written from the documents: in any other language it is a translation.
  std::optional<TranslationView> translation;

  template <class F>
  void fields(F& f) const {
    f("html", html);
    f("title", title);
    f("lang", lang);
    f("fallback", fallback);
    f("fallback_note", fallback_note);
    f("translation", translation);
  }
};

// templates/grant.mustache: everything one grant page shows, in one language, already formatted.
struct GrantView {
  GrantHeaderView header;
  std::optional<GrantTranslationView> translation;
  std::optional<DeclaredView> declared;
  std::optional<TextView> goal;
  std::optional<TextView> problem;
  std::vector<TextView> target_groups;
  std::vector<TaskView> tasks;
  std::vector<TextView> expected_results;
  bool has_indicators = false;
  IndicatorTotalsView indicator_totals;
  std::vector<ImpactRowView> impact;
  std::optional<ParticipantsView> participants;
  std::optional<BudgetView> budget;
  // Without a budget: "not reported", or, when the final report gives its money rows, that there
  // are no budget lines to check them against. None with a budget.
  std::optional<std::string> no_budget_note;
  std::vector<ReportFinanceRowView> report_finance;
  std::optional<GrantSubgrantsView> subgrants;
  std::vector<MediaGroupView> media;
  std::vector<PartnerView> partners;
  std::vector<TeamMemberView> team;
  std::optional<NarrativeView> narrative;
  std::vector<DocumentView> documents;
  // For the layout, not the template: a YouTube video asks for the click-to-play script.
  bool needs_media_script = false;

  template <class F>
  void fields(F& f) const {
    f("header", header);
    f("translation", translation);
    f("declared", declared);
    f("goal", goal);
    f("problem", problem);
    f("target_groups", target_groups);
    f("tasks", tasks);
    f("expected_results", expected_results);
    f("has_indicators", has_indicators);
    f("indicator_totals", indicator_totals);
    f("impact", impact);
    f("participants", participants);
    f("budget", budget);
    f("no_budget_note", no_budget_note);
    f("report_finance", report_finance);
    f("subgrants", subgrants);
    f("media", media);
    f("partners", partners);
    f("team", team);
    f("narrative", narrative);
    f("documents", documents);
  }
};
GrantView grant_view(const ViewContext& ctx, const Grant& grant);

}  // namespace ashyq::views
