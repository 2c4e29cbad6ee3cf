#pragma once
// The plan pages' views: one operator's grant plan (/<lang>/plans/<id>/) and the list of plans
// (/<lang>/plans/), in one language, already formatted.
//
// Amounts are shown as the document states them: a topic amount, direction subtotal or total the
// document does not give is not reported (the page says "not published") and is never derived from
// other figures. Against each planned figure stands what has been awarded: the sum of the amounts
// of the topic's grants that are in progress or completed (planned grants and applications are not
// awarded). The difference, awarded − planned, is given only where the planned figure is.
#include <optional>
#include <string>
#include <vector>

#include "views/view_context.h"

namespace ashyq::views {

// What has been awarded against a planned figure, in templates/plan.mustache's figure cells of the
// plan, a direction or a topic.
struct AwardedView {
  Figure awarded;
  std::string awarded_count;
  bool awarded_incomplete = false;  // an awarded grant does not publish its amount
  // None without a stated planned figure or with awarded_incomplete: nothing to compare.
  std::optional<Figure> difference;
  std::optional<Figure> awarded_share;

  template <class F>
  void fields(F& f) const {
    f("awarded", awarded);
    f("awarded_count", awarded_count);
    f("awarded_incomplete", awarded_incomplete);
    f("difference", difference);
    f("awarded_share", awarded_share);
  }
};

// A grant of a topic in templates/plan.mustache, with its status and amount.
struct PlanGrantView {
  std::string url;
  std::optional<TextView> title;
  std::string status;      // in the page's language
  std::string status_key;  // "completed": the status' class
  bool awarded = false;    // counted in the topic's awarded sum
  Figure amount;

  template <class F>
  void fields(F& f) const {
    f("url", url);
    f("title", title);
    f("status", status);
    f("status_key", status_key);
    f("awarded", awarded);
    f("amount", amount);
  }
};

// A topic of a direction in templates/plan.mustache.
struct PlanTopicView {
  std::string anchor;         // "topic-<id>"
  std::optional<int> number;  // none when the document does not number it
  std::optional<TextView> title;
  std::optional<TextView> goal;
  std::vector<TextView> tasks;
  std::vector<TextView> expected_results;
  // The dates formatted in the page's language, else the document's own wording.
  std::optional<TextView> period;
  std::optional<TextView> territory;
  std::vector<TextView> regions;
  Figure planned;
  std::vector<PlanGrantView> grants;
  AwardedView against;

  template <class F>
  void fields(F& f) const {
    f("anchor", anchor);
    f("number", number);
    f("title", title);
    f("goal", goal);
    f("tasks", tasks);
    f("expected_results", expected_results);
    f("period", period);
    f("territory", territory);
    f("regions", regions);
    f("planned", planned);
    f("grants", grants);
    against.fields(f);
  }
};

// A direction of the plan in templates/plan.mustache: its topics and subtotal.
struct PlanDirectionView {
  int number = 0;
  std::string anchor;  // "direction-<number>"
  std::optional<TextView> title;
  std::optional<TextView> direction;  // the priority direction it names
  Figure subtotal;
  std::vector<PlanTopicView> topics;
  AwardedView against;

  template <class F>
  void fields(F& f) const {
    f("number", number);
    f("anchor", anchor);
    f("title", title);
    f("direction", direction);
    f("subtotal", subtotal);
    f("topics", topics);
    against.fields(f);
  }
};

// templates/plan.mustache: one plan.
struct PlanView {
  std::string url;
  std::optional<TextView> title;
  std::optional<TextView> approved_by;
  // A year is a name, not a quantity: no digit grouping ("2022", not "2 022").
  std::optional<std::string> year;
  std::optional<TextView> operator_name;
  // The source document by its title, in its own language (and lang attribute).
  std::optional<OriginalTextView> source;
  std::optional<TranslationView> translation;
  Figure total;
  std::string topic_count;
  std::vector<PlanDirectionView> directions;
  AwardedView against;

  template <class F>
  void fields(F& f) const {
    f("url", url);
    f("title", title);
    f("approved_by", approved_by);
    f("year", year);
    f("operator", operator_name);
    f("source", source);
    f("translation", translation);
    f("total", total);
    f("topic_count", topic_count);
    f("directions", directions);
    against.fields(f);
  }
};
PlanView plan_view(const ViewContext& ctx, const Plan& plan);

// A row of templates/plans.mustache.
struct PlanRowView {
  std::string id;
  std::string url;
  std::optional<std::string> year;
  std::optional<TextView> title;
  std::optional<TextView> operator_name;  // its short name
  Figure total;

  template <class F>
  void fields(F& f) const {
    f("id", id);
    f("url", url);
    f("year", year);
    f("title", title);
    f("operator", operator_name);
    f("total", total);
  }
};

// templates/plans.mustache: every plan, newest year first, then by id.
struct PlansView {
  std::vector<PlanRowView> plans;

  template <class F>
  void fields(F& f) const {
    f("plans", plans);
  }
};
PlansView plans_index_view(const ViewContext& ctx);

}  // namespace ashyq::views
