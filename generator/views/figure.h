#pragma once
// A figure as a page shows it. Every number a page prints is one of three things, and says which:
//   reported      from a record, as a document gives it (the page names the document by title);
//   computed      the portal's own arithmetic (a sum, a share, a difference, a verdict), marked as
//                 computed, with what it sums or divides, for screen readers and in print;
//   not reported  the documents do not give it: the words "not reported" in the page's language,
//                 never 0, never a bare dash.
// Templates print figures only through templates/_fig.mustache, which takes a Figure (its fields)
// and nothing else, so no page can print an absent value as 0 or pass the portal's arithmetic off
// as a grantee's report.
#include <cstdint>
#include <optional>
#include <string>

#include "views/view_json.h"

namespace ashyq::views {

enum class FigureKind { reported, computed, not_reported };

struct Figure {
  FigureKind kind = FigureKind::not_reported;
  std::string text;  // formatted: "10 125 000 ₸", "26,8 %"; empty if not reported
  std::optional<std::int64_t> value;  // the machine value (<data value>): tenge, a count
  std::string basis;                  // computed: what it sums or divides, in the page's language
  // A total's identity across pages ("region/mangystau/awarded"): the same key must show the
  // same value and text on every page (tests/integration/figures_test.cpp); empty for none.
  std::string key;

  static Figure reported(std::string text, std::optional<std::int64_t> value = std::nullopt);
  static Figure computed(std::string text, std::string basis,
                         std::optional<std::int64_t> value = std::nullopt, std::string key = {});
  static Figure not_reported() { return {}; }

  // templates/_fig.mustache's names: "reported", "computed", "not_reported" (booleans), "text",
  // "value" (decimal), "basis", "key"; absent members are empty (null in JSON), never missing, so
  // that Mustache does not take them from an enclosing view.
  template <class F>
  void fields(F& f) const {
    f("reported", kind == FigureKind::reported);
    f("computed", kind == FigureKind::computed);
    f("not_reported", kind == FigureKind::not_reported);
    f("text", text);
    f("value", value ? std::optional<std::string>(std::to_string(*value)) : std::nullopt);
    f("basis", basis.empty() ? std::nullopt : std::optional<std::string>(basis));
    f("key", key.empty() ? std::nullopt : std::optional<std::string>(key));
  }
};

}  // namespace ashyq::views
