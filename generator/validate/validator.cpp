#include "validate/validator.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <limits>
#include <map>
#include <set>
#include <utility>

#include "content/json_decoder.h"
#include "content/json_positions.h"
#include "core/parallel.h"
#include "core/placeholder.h"
#include "core/text_position.h"
#include "core/web_url.h"
#include "i18n/format.h"
#include "markup/markdown.h"
#include "media/media_url.h"
#include "validate/plan_validator.h"
#include "validate/reporter.h"

namespace ashyq {
namespace {

std::string to_lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string sections_text(const std::vector<BudgetSection>& sections) {
  std::string out;
  for (BudgetSection s : sections)
    out += (out.empty() ? "" : "+") + std::string(name_of(section_names(), s));
  return out;
}

// "mailto:Info@Fund.kz?subject=x" → "Info@Fund.kz"; empty when the URL is no mailto: link.
std::string mailto_address(std::string_view url) {
  constexpr std::string_view kMailto = "mailto:";
  if (url.size() < kMailto.size()) return "";
  for (std::size_t i = 0; i < kMailto.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(url[i])) != kMailto[i]) return "";
  const std::string_view rest = url.substr(kMailto.size());
  return std::string(rest.substr(0, rest.find('?')));
}

// `placeholders`: the severity of a "TODO:" still in the text (docs/content-model.md,
// "Placeholders"): an error in a grant's narrative, which is published as the grantee's report; a
// warning in the portal's own pages, so that a new portal builds at once.
void check_narrative(const Narrative& narrative, Diagnostics& diagnostics,
                     const PublicContacts& contacts, Severity placeholders) {
  if (!narrative.present) return;
  const std::string& md = narrative.markdown;
  // Privacy, line by line so the finding points at the place. The e-mails reported here, by line,
  // are not reported again as links.
  std::set<std::pair<int, std::string>> reported_emails;
  std::size_t line_start = 0;
  int line = narrative.body_line;
  bool in_fence = false;  // inside a ``` block: code shown as it is, as a guide shows "TODO:"
  for (std::size_t i = 0; i <= md.size(); ++i) {
    if (i == md.size() || md[i] == '\n') {
      std::string_view text(md.data() + line_start, i - line_start);
      if (text.starts_with("```")) in_fence = !in_fence;
      for (std::size_t at = in_fence ? std::string_view::npos : text.find(kPlaceholderMarker);
           at != std::string_view::npos; at = text.find(kPlaceholderMarker, at + 1)) {
        // A marker inside `code` is quoted, not a placeholder.
        if (std::count(text.begin(), text.begin() + static_cast<long>(at), '`') % 2 == 1) continue;
        const std::string hint = placeholder_hint(text.substr(at));
        diagnostics.add({placeholders,
                         {narrative.file, line, character_column(text, at)},
                         "",
                         "still to fill: " + (hint.empty() ? std::string("a text") : hint) +
                             "; write it in place of the TODO text"});
      }
      for (const PrivateDataHit& hit : find_private_data(text)) {
        if (contacts.allows(hit)) continue;
        diagnostics.error({narrative.file, line, character_column(text, hit.offset)}, "",
                          privacy_error(hit));
        if (hit.kind == PrivateDataHit::email)
          reported_emails.emplace(line, to_lower_ascii(hit.match));
      }
      line_start = i + 1;
      ++line;
    }
  }
  const markup::MarkdownReferences references = markup::scan_references(md);
  for (const markup::LinkRef& link : references.links) {
    if (is_web_url(link.url)) continue;
    const SourceLocation where{narrative.file, narrative.body_line + link.line - 1, link.column};
    // An e-mail (autolink, bare or mailto:) is published as a mailto: link when an organisation
    // declared it as its public contact; any other is the privacy error, not a bad URL.
    const std::string address = mailto_address(link.url);
    const auto hits = find_private_data(address);
    if (hits.size() == 1 && hits[0].kind == PrivateDataHit::email &&
        hits[0].match.size() == address.size()) {
      if (!contacts.allows_email(address) &&
          !reported_emails.count({where.line, to_lower_ascii(address)}))
        diagnostics.error(where, "", privacy_error(hits[0]));
      continue;
    }
    diagnostics.error(where, "",
                      "link \"" + link.url +
                          "\" is not an http(s) URL; only http:// and https:// links are "
                          "published, and mailto: links to an organisation's declared e-mail");
  }
  for (const markup::RawHtmlRef& html : references.raw_html) {
    std::string shown = html.html;
    if (shown.size() > 40) {
      std::size_t cut = 37;
      while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
      shown = shown.substr(0, cut) + "...";
    }
    diagnostics.warning({narrative.file, narrative.body_line + html.line - 1, html.column}, "",
                        "raw HTML \"" + shown +
                            "\" is not published (the text around it is); write Markdown "
                            "instead, e.g. **bold**, *italic*, [text](https://…)");
  }
}

void check_url(Reporter& report, const std::string& pointer, const std::string& url) {
  if (!url.empty() && !is_web_url(url))
    report.error(pointer, "\"" + url +
                              "\" is not an http(s) URL; write an absolute address that "
                              "starts with https:// (or http://)");
}

template <typename T, typename Key>
void check_unique(const std::vector<T>& items, Key key, const std::string& what,
                  const std::string& array_pointer, Reporter& report) {
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string id = key(items[i]);
    if (id.empty()) continue;
    auto [it, inserted] = seen.emplace(id, i);
    if (!inserted)
      report.error(array_pointer + "/" + std::to_string(i) + "/id",
                   "duplicate " + what + " id \"" + id + "\"; it is already used at " +
                       array_pointer + "/" + std::to_string(it->second) + "; ids must be unique");
  }
}

// The money for sub-grants on a grant that reports a budget: the envelope, else the sub-grants
// awarded, which the grant pays out as a direct cost of its estimate (GAMO's 2025 estimate, seed
// 001: "Малый грант", a direct line of the activity that runs the competition, 7 000 000, the
// envelope). When it is more than all the grant-funded direct costs, that amount has no budget
// behind it: an envelope copied from another grant, or an estimate without its line. A warning, as
// an estimate may book the fund under another section.
void check_subgrant_money(const Grant& g, Reporter& report) {
  const SubgrantProgramme& s = g.subgrants;
  if (!s.present || g.budget.lines.empty()) return;
  Tenge direct;
  for (const BudgetLine& line : g.budget.lines)
    if (line.section == BudgetSection::direct && line.source == FundingSource::grant)
      direct += line.total;
  Tenge money;
  for (const Subgrant& sg : s.awarded) money += sg.amount;
  const bool envelope = s.envelope.has_value();
  if (envelope) money = *s.envelope;
  if (money <= direct) return;
  const std::string what =
      envelope ? "the sub-grant envelope of " + money_text(money) + " has no budget behind it"
               : "the sub-grants awarded sum to " + money_text(money) +
                     " and have no budget behind them";
  report.warning(envelope ? "/subgrants/envelope" : "/subgrants/awarded",
                 what + ": the budget's direct costs funded by the grant sum to " +
                     money_text(direct) +
                     ", and sub-grants are paid out of them; add the sub-grants' line to the "
                     "budget (section direct, for the activity that awards them), or correct the " +
                     (envelope ? "envelope" : "amounts"));
}

void check_budget(const Grant& g, Reporter& report) {
  if (!g.budget.present) return;
  const Budget& b = g.budget;
  Tenge grant_sum, own_sum, all_sum, equipment_sum;
  for (std::size_t i = 0; i < b.lines.size(); ++i) {
    const BudgetLine& line = b.lines[i];
    const std::string p = "/budget/lines/" + std::to_string(i);
    if (line.quantity && line.unit_cost) {
      Tenge product;
      const std::string q = i18n::format_decimal(line.quantity->thousandths / 1000.0, Lang::ru, 3);
      if (!multiply(*line.quantity, *line.unit_cost, &product))
        report.error(p + "/total",
                     "quantity × unit cost = " + q + " × " + money_text(*line.unit_cost) +
                         " is not a whole number of tenge; correct quantity or unit cost");
      else if (product != line.total)
        report.error(p + "/total", "quantity × unit cost = " + q + " × " +
                                       money_text(*line.unit_cost) + " = " + money_text(product) +
                                       ", but total is " + money_text(line.total) +
                                       "; total should be " + money_text(product) +
                                       ", or quantity or unit cost is wrong");
    }
    if (line.section == BudgetSection::direct && line.activity.empty())
      report.warning(p, "a direct cost should name the activity it pays for (\"activity\")");
    if (!line.activity.empty() && !g.find_activity(line.activity))
      report.error(p + "/activity", "unknown activity \"" + line.activity +
                                        "\"; use the id of an activity under /tasks");
    all_sum += line.total;
    (line.source == FundingSource::grant ? grant_sum : own_sum) += line.total;
    if (line.section == BudgetSection::equipment && line.source == FundingSource::grant)
      equipment_sum += line.total;
  }
  for (std::size_t i = 0; i < b.subtotals.size(); ++i) {
    const BudgetSubtotal& s = b.subtotals[i];
    const std::string p = "/budget/subtotals/" + std::to_string(i);
    if (!s.activity.empty() && !g.find_activity(s.activity))
      report.error(p + "/activity", "unknown activity \"" + s.activity + "\"");
    Tenge sum, actual_sum;
    bool all_actual = true;
    int count = 0;
    for (const BudgetLine& line : b.lines) {
      bool in_sections = false;
      for (BudgetSection section : s.sections) in_sections = in_sections || section == line.section;
      if (!in_sections || (!s.activity.empty() && line.activity != s.activity)) continue;
      ++count;
      sum += line.total;
      if (line.actual)
        actual_sum += *line.actual;
      else
        all_actual = false;
    }
    const std::string scope =
        sections_text(s.sections) + (s.activity.empty() ? "" : " of activity " + s.activity);
    if (sum != s.amount)
      report.error(p + "/amount", "the budget lines of " + scope + " (" + std::to_string(count) +
                                      ") sum to " + money_text(sum) + ", but the subtotal says " +
                                      money_text(s.amount) +
                                      "; the lines and the subtotal must agree");
    if (s.actual && all_actual && actual_sum != *s.actual)
      report.error(p + "/actual", "actual spending of the lines of " + scope + " sums to " +
                                      money_text(actual_sum) + ", but the subtotal says " +
                                      money_text(*s.actual));
  }
  if (b.total && all_sum != *b.total)
    report.error("/budget/total", "the budget lines sum to " + money_text(all_sum) +
                                      ", but the stated total is " + money_text(*b.total) +
                                      "; the lines and the total must agree");
  if (g.amount && grant_sum != *g.amount)
    report.error("/budget/lines", "budget lines funded by the grant sum to " +
                                      money_text(grant_sum) + ", but the grant amount is " +
                                      money_text(*g.amount) +
                                      "; the estimate must add up to the amount awarded");
  if (g.own_contribution && own_sum != *g.own_contribution)
    report.error("/budget/lines", "budget lines funded by own contribution sum to " +
                                      money_text(own_sum) + ", but own_contribution is " +
                                      money_text(*g.own_contribution));
  check_subgrant_money(g, report);
  if (g.amount && g.amount->value() > 0 && equipment_sum.value() * 10 > g.amount->value())
    report.warning("/budget/lines",
                   "material-technical support is " + money_text(equipment_sum) + " (" +
                       i18n::format_percent(equipment_sum.value(), g.amount->value(), Lang::ru) +
                       " of the grant), above the legal cap of 10 % (Law on state social order, "
                       "art. 6-1 p. 5)");
}

void check_subgrants(const Grant& g, const References& known, const PublicContacts& contacts,
                     Reporter& report, Diagnostics& diagnostics) {
  if (!g.subgrants.present) return;
  const SubgrantProgramme& s = g.subgrants;
  Tenge sum;
  for (std::size_t i = 0; i < s.awarded.size(); ++i) {
    const Subgrant& sg = s.awarded[i];
    const std::string p = "/subgrants/awarded/" + std::to_string(i);
    // A row of subgrants.csv is reported at its line with the column's name; a JSON record at its
    // pointer in grant.json.
    auto error = [&](const std::string& column, std::string message) {
      if (sg.csv_line > 0)
        diagnostics.error({s.csv_file, sg.csv_line, 1}, column, std::move(message));
      else
        report.error(p + "/" + column, std::move(message));
    };
    sum += sg.amount;
    if (s.ceiling && sg.amount > *s.ceiling)
      error("amount", "sub-grant of " + money_text(sg.amount) + " is above the ceiling of " +
                          money_text(*s.ceiling) + " per sub-grant");
    if (!sg.region.empty() && !known.region(sg.region))
      error("region", "unknown region \"" + sg.region + "\"; use an id from content/regions.json");
    // grant.json's own sub-grants are in its SourceMap; a CSV row's text cells are checked here.
    for (const CsvCell& cell : sg.csv_contact_cells)
      for (const PrivateDataHit& hit : find_private_data(cell.text))
        if (!contacts.allows(hit))
          diagnostics.error({s.csv_file, cell.line, cell.column_number}, cell.column,
                            privacy_error(hit));
  }
  // subgrants.csv rejects duplicate ids itself, row by row.
  if (s.csv_file.empty())
    check_unique(
        s.awarded, [](const Subgrant& x) { return x.id; }, "sub-grant", "/subgrants/awarded",
        report);
  if (s.envelope && sum > *s.envelope)
    report.error(s.csv_file.empty() ? "/subgrants/awarded" : "/subgrants/envelope",
                 (s.csv_file.empty() ? "sub-grants" : "the sub-grants of " + s.csv_file) +
                     " sum to " + money_text(sum) + ", above the envelope of " +
                     money_text(*s.envelope));
  if (s.envelope && g.amount && *s.envelope > *g.amount)
    report.error("/subgrants/envelope", "the sub-grant envelope " + money_text(*s.envelope) +
                                            " is above the grant amount " + money_text(*g.amount));
  if (s.planned_count && static_cast<std::int64_t>(s.awarded.size()) > *s.planned_count)
    report.warning("/subgrants/awarded", std::to_string(s.awarded.size()) +
                                             " sub-grants awarded, more than the " +
                                             std::to_string(*s.planned_count) + " planned");
}

void check_breakdown_sum(const std::vector<Breakdown>& rows, std::int64_t total,
                         const std::string& pointer, const std::string& what, Reporter& report) {
  if (rows.empty()) return;
  std::int64_t sum = 0;
  bool complete = true;
  for (const Breakdown& row : rows) {
    if (row.count)
      sum += *row.count;
    else
      complete = false;
  }
  if (complete && sum != total)
    report.error(pointer, "participants by " + what + " sum to " + std::to_string(sum) +
                              ", but the total is " + std::to_string(total) +
                              "; the breakdown must add up to the total");
  else if (!complete && sum > total)
    report.error(pointer, "participants by " + what + " already sum to " + std::to_string(sum) +
                              ", more than the total of " + std::to_string(total));
}

void check_participants(const Grant& g, Reporter& report) {
  const Participants& p = g.participants;
  if (!p.present) return;
  if (p.has_gender) {
    std::vector<Breakdown> rows = {{"male", p.male}, {"female", p.female}};
    check_breakdown_sum(rows, p.total, "/participants/by_gender", "gender", report);
  }
  check_breakdown_sum(p.by_age, p.total, "/participants/by_age", "age group", report);
  for (std::size_t i = 0; i < p.by_category.size(); ++i)
    if (p.by_category[i].count && *p.by_category[i].count > p.total)
      report.error("/participants/by_category/" + std::to_string(i) + "/count",
                   "a category of " + std::to_string(*p.by_category[i].count) +
                       " participants is more than the total of " + std::to_string(p.total));
}

std::string range_text(const DateRange& range) {
  return range.start.iso() + (range.end ? " to " + range.end->iso() : "");
}

// Dates are as precise as their documents ("2024", "2024-04"), so a rule fails only when no day the
// dates may mean satisfies it: "2024" is not before a period that starts in 2024-08.
bool surely_before(const PartialDate& a, const PartialDate& b) { return a.latest() < b.earliest(); }
bool surely_after(const PartialDate& a, const PartialDate& b) { return a.earliest() > b.latest(); }

// An activity or media date of a grant, for the rules on dates outside its period.
struct DatedItem {
  std::string pointer;
  DateRange range;
  const char* what;
};

// Days since 1970-01-01 of a yyyymmdd date (as PartialDate::earliest and latest give), so that
// distances between dates are counted in days (the civil calendar's day count).
int day_number(int yyyymmdd) {
  int y = yyyymmdd / 10000;
  const int m = yyyymmdd / 100 % 100, d = yyyymmdd % 100;
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int year_of_era = y - era * 400;
  const int day_of_year = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

// A yyyymmdd date whole years later (or earlier); 29 February becomes the 28th in a common year.
int add_years(int yyyymmdd, int years) {
  const int y = yyyymmdd / 10000 + years, m = yyyymmdd / 100 % 100;
  int d = yyyymmdd % 100;
  if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) d = 28;
  return y * 10000 + m * 100 + d;
}

// A period that moved without the record's dates, as when a record of one year is copied for the
// next and only its period is changed. The rule: K >= 2 activity and media dates are outside the
// period, all on one side of it (each wholly before its first day, or each wholly after its last
// day), and one shift by the same number of days would bring every one of them inside it. With the
// period's days [S, E] and an item's days [a, b], the shifts that bring the item inside are S - a
// to E - b; the items share one when lo = max(S - a) <= hi = min(E - b). Then ONE error at the
// period says by how many days it moved (a whole number of years when one lies within [lo, hi], as
// a copy from another year does; else lo to hi days) and names the first three items, instead of
// K errors. Otherwise (one item, items on both sides, no common shift) each item is its own error
// and this returns false.
bool report_moved_period(const Grant& g, const DateRange& period,
                         const std::vector<DatedItem>& outside, Reporter& report) {
  if (outside.size() < 2) return false;
  const int first = period.start.earliest();
  const int start = day_number(first), end = day_number(period.last().latest());
  bool before = true, after = true;
  int lo = std::numeric_limits<int>::min(), hi = std::numeric_limits<int>::max();
  for (const DatedItem& item : outside) {
    const int a = day_number(item.range.start.earliest());
    const int b = day_number(item.range.last().latest());
    before = before && b < start;
    after = after && a > end;
    lo = std::max(lo, start - a);
    hi = std::min(hi, end - b);
  }
  if ((!before && !after) || lo > hi) return false;
  // Shifts are positive when the period moved later than the items, negative when earlier.
  std::string by;
  for (int years = 1; years <= 100 && by.empty(); ++years) {
    const int shift = start - day_number(add_years(first, before ? -years : years));
    if (shift >= lo && shift <= hi)
      by = std::to_string(std::abs(shift)) + " days (" + std::to_string(years) +
           (years == 1 ? " year)" : " years)");
  }
  if (by.empty())
    by = lo == hi ? std::to_string(std::abs(lo)) + " days"
                  : std::to_string(std::min(std::abs(lo), std::abs(hi))) + " to " +
                        std::to_string(std::max(std::abs(lo), std::abs(hi))) + " days";
  std::string items;
  for (std::size_t i = 0; i < outside.size() && i < 3; ++i)
    items += (i ? ", " : "") + outside[i].pointer + " " + range_text(outside[i].range);
  if (outside.size() > 3) items += " and " + std::to_string(outside.size() - 3) + " more";
  report.error(g.planned_period ? "/period/planned" : "/period/actual",
               "the period moved " + std::string(before ? "later" : "earlier") + " by " + by +
                   "; " + std::to_string(outside.size()) +
                   " dated items are outside it, all by that shift: " + items +
                   "; move their dates with the period, or correct the period");
  return true;
}

void check_dates(const Grant& g, Reporter& report, Diagnostics& diagnostics) {
  check_range(report, "/period/planned", g.planned_period);
  check_range(report, "/period/actual", g.actual_period);
  check_range(report, "/declared/period", g.declared.period);
  for (std::size_t t = 0; t < g.tasks.size(); ++t)
    for (std::size_t a = 0; a < g.tasks[t].activities.size(); ++a)
      check_range(report,
                  "/tasks/" + std::to_string(t) + "/activities/" + std::to_string(a) + "/date",
                  g.tasks[t].activities[a].date);
  // A period that ends before it starts says nothing about which dates lie within it.
  if ((g.planned_period && !g.planned_period->ordered()) ||
      (g.actual_period && !g.actual_period->ordered()))
    return;
  auto period = g.whole_period();
  if (!period) return;
  const std::string period_text = range_text(*period);
  std::vector<DatedItem> outside;
  for (std::size_t t = 0; t < g.tasks.size(); ++t)
    for (std::size_t a = 0; a < g.tasks[t].activities.size(); ++a)
      if (const auto& date = g.tasks[t].activities[a].date;
          date && date->ordered() && !period->contains(*date))
        outside.push_back(
            {"/tasks/" + std::to_string(t) + "/activities/" + std::to_string(a) + "/date", *date,
             "activity date"});
  for (std::size_t i = 0; i < g.media.size(); ++i)
    if (g.media[i].date && !period->contains(*g.media[i].date))
      outside.push_back({"/media/" + std::to_string(i) + "/date",
                         {*g.media[i].date, std::nullopt},
                         "media date"});
  if (!report_moved_period(g, *period, outside, report))
    for (const DatedItem& item : outside)
      report.error(item.pointer, std::string(item.what) + " " + range_text(item.range) +
                                     " is outside the grant period " + period_text +
                                     "; correct the date or the period");

  // Sub-grants are awarded while the programme runs: an award date no day of which lies in the
  // period is an error.
  const SubgrantProgramme& s = g.subgrants;
  for (std::size_t i = 0; i < s.awarded.size(); ++i) {
    const Subgrant& sg = s.awarded[i];
    if (!sg.award_date) continue;
    if (!surely_before(*sg.award_date, period->start) &&
        !surely_after(*sg.award_date, period->last()))
      continue;
    const std::string message = "award date " + sg.award_date->iso() +
                                " is outside the grant period " + period_text +
                                "; a sub-grant is awarded while the programme runs: correct the "
                                "date or the period";
    if (sg.csv_line > 0)
      diagnostics.error({s.csv_file, sg.csv_line, sg.csv_award_date_column}, "award_date", message);
    else
      report.error("/subgrants/awarded/" + std::to_string(i) + "/award_date", message);
  }

  // The period a report closes: the actual one when known (a project may end early), else the
  // planned one.
  const DateRange& closing = g.actual_period ? *g.actual_period : *period;
  auto check_report = [&](const std::string& pointer, const PartialDate& date,
                          const std::string& what) {
    if (surely_before(date, period->start))
      report.error(pointer, what + " " + date.iso() + " is before the grant period " + period_text +
                                " starts; a report comes after the work it reports on: correct "
                                "the date or the period");
    else if (surely_before(date, closing.last()))
      report.warning(pointer, what + " " + date.iso() + " is before the period " +
                                  range_text(closing) +
                                  " ends; a final report usually comes at or after the end: "
                                  "check the date, or set period.actual if the project ended "
                                  "early");
  };
  if (g.final_report_date) check_report("/final_report/date", *g.final_report_date, "final report");

  // An agreement is signed before the work it funds: after the period's end it cannot be; after
  // its start it is worth a look.
  auto check_agreement = [&](const std::string& pointer, const PartialDate& date,
                             const std::string& what) {
    if (surely_after(date, period->last()))
      report.error(pointer, what + " " + date.iso() + " is after the grant period " + period_text +
                                " ends; an agreement is signed before the work: correct the date "
                                "or the period");
    else if (surely_after(date, period->start))
      report.warning(pointer, what + " " + date.iso() + " is after the grant period " +
                                  period_text +
                                  " starts; an agreement is usually signed at or "
                                  "before the start: check the date or the period");
  };
  if (g.contract_date) check_agreement("/contract/date", *g.contract_date, "contract date");

  for (std::size_t i = 0; i < g.documents.size(); ++i) {
    const Document& doc = g.documents[i];
    if (!doc.date || !doc.kind) continue;
    const std::string p = "/documents/" + std::to_string(i) + "/date";
    const PartialDate& date = *doc.date;
    switch (*doc.kind) {
      case DocumentKind::application:
        // The competition comes before the grant: an application made after the work began is
        // a wrong date.
        if (surely_after(date, period->start))
          report.error(p, "application dated " + date.iso() + ", after the grant period " +
                              period_text +
                              " starts; an application precedes the grant: correct the date or "
                              "the period");
        break;
      case DocumentKind::agreement:
        check_agreement(p, date, "agreement dated");
        break;
      case DocumentKind::project_description:
      case DocumentKind::plan:
        // Written to plan the work (an annex to the application or the agreement, the operator's
        // plan): never after the work ended.
        if (surely_after(date, period->last()))
          report.error(
              p, std::string(*doc.kind == DocumentKind::plan ? "plan" : "project description") +
                     " dated " + date.iso() + ", after the grant period " + period_text +
                     " ends; it plans the work and precedes it: correct the date or "
                     "the period");
        break;
      case DocumentKind::final_report:
        check_report(p, date, "final report dated");
        break;
      case DocumentKind::financial_report:
        // Interim financial reports come during the period; none before it starts.
        if (surely_before(date, period->start))
          report.error(p, "financial report dated " + date.iso() + ", before the grant period " +
                              period_text +
                              " starts; a report comes after the spending it reports on: correct "
                              "the date or the period");
        break;
      case DocumentKind::other:
        break;
    }
  }
}

// "%", "пайыз", "процент(ов)" in either language: the indicator counts a share of a whole.
bool is_share_unit(const LocalizedText& unit) {
  for (Lang lang : kAllLangs) {
    std::string_view text = unit.in(lang);
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text == "%") return true;
    for (std::string_view word : {"пайыз", "Пайыз", "процент", "Процент"})
      if (text.starts_with(word)) return true;
  }
  return false;
}

// A share is at most 100 %: more is a typing error or a count in the wrong unit.
void check_shares(const Grant& g, Reporter& report) {
  auto check = [&](const std::string& pointer, double value) {
    if (value > 100)
      report.error(pointer, "a share of " + i18n::format_decimal(value, Lang::ru, 2) +
                                " % is above 100 %; correct the value, or the unit if it is no "
                                "share (a count of people is \"адам\" / \"человек\")");
  };
  for (std::size_t t = 0; t < g.tasks.size(); ++t)
    for (std::size_t i = 0; i < g.tasks[t].indicators.size(); ++i) {
      const Indicator& ind = g.tasks[t].indicators[i];
      if (!is_share_unit(ind.unit)) continue;
      const std::string p = "/tasks/" + std::to_string(t) + "/indicators/" + std::to_string(i);
      if (ind.planned) check(p + "/planned/value", ind.planned->value);
      if (ind.actual) check(p + "/actual/value", ind.actual->value);
    }
  const std::pair<const char*, const PlanFact*> impact[] = {
      {"direct_beneficiaries", &g.impact.direct_beneficiaries},
      {"indirect_beneficiaries", &g.impact.indirect_beneficiaries},
      {"staff", &g.impact.staff},
      {"specialists", &g.impact.specialists},
      {"ngos_involved", &g.impact.ngos_involved},
      {"volunteers", &g.impact.volunteers}};
  for (const auto& [name, fact] : impact) {
    if (!fact->present || !is_share_unit(fact->unit)) continue;
    const std::string p = std::string("/impact/") + name;
    if (fact->planned) check(p + "/planned", static_cast<double>(*fact->planned));
    if (fact->actual) check(p + "/actual", static_cast<double>(*fact->actual));
  }
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

void check_grant(const Grant& g, const References& known, const PublicContacts& contacts,
                 const ReservedNames& reserved, Diagnostics& diagnostics) {
  Reporter report(g.source, diagnostics);
  if (contains(reserved.grant_ids, g.id))
    report.error("/id", "\"" + g.id + "\" is reserved for catalogue pages (/grants/" + g.id +
                            "/); choose another id");
  if (!g.id.empty() && g.id != g.folder)
    report.error("/id", "id \"" + g.id + "\" differs from its folder name \"" + g.folder +
                            "\"; rename the folder or the id so the URL /grants/" + g.folder +
                            "/ stays stable");
  // Without one of them a reader would see that the grantee declared something, and not what.
  if (g.declared.present && !g.declared.status && !g.declared.period && g.declared.results.empty())
    report.error("/declared",
                 "a declaration needs at least one of \"status\", \"period\" or \"results\" as "
                 "the grantee's document gives them; leave \"declared\" out when it gives none");
  if (!g.operator_id.empty() && !known.organisation(g.operator_id))
    report.error("/operator", "unknown organisation \"" + g.operator_id +
                                  "\"; add content/organisations/" + g.operator_id +
                                  ".json or use an existing id");
  // A field still to fill is reported as such (check_placeholders), not also as missing.
  if (g.grantee_id.empty() && g.status != GrantStatus::planned &&
      !g.source.has_placeholder("/grantee"))
    report.error("/grantee",
                 "missing required field \"grantee\" (an organisation id): only a planned "
                 "grant may have no grantee yet");
  if (!g.grantee_id.empty() && !known.organisation(g.grantee_id))
    report.error("/grantee", "unknown organisation \"" + g.grantee_id +
                                 "\"; add content/organisations/" + g.grantee_id +
                                 ".json or use an existing id");
  if (!g.amount && g.status != GrantStatus::planned && !g.source.has_placeholder("/amount"))
    report.error("/amount",
                 "missing required field \"amount\" (whole tenge): only a planned grant may "
                 "leave its amount unpublished");
  if (!g.direction_id.empty() && !known.direction(g.direction_id))
    report.error("/direction", "unknown priority direction \"" + g.direction_id +
                                   "\"; use an id from content/directions.json");
  for (std::size_t i = 0; i < g.regions.size(); ++i)
    if (!g.regions[i].empty() && !known.region(g.regions[i]))
      report.error("/regions/" + std::to_string(i),
                   "unknown region \"" + g.regions[i] + "\"; use an id from content/regions.json");
  if (g.status == GrantStatus::completed && !g.narrative(Lang::kk).present &&
      !g.narrative(Lang::ru).present)
    report.warning("/status",
                   "a completed grant should publish its final report narrative "
                   "(report.kk.md and report.ru.md beside grant.json)");

  check_unique(
      g.tasks, [](const Task& t) { return t.id; }, "task", "/tasks", report);
  std::map<std::string, std::string> activity_ids;
  for (std::size_t t = 0; t < g.tasks.size(); ++t) {
    const Task& task = g.tasks[t];
    for (std::size_t a = 0; a < task.activities.size(); ++a) {
      const std::string p = "/tasks/" + std::to_string(t) + "/activities/" + std::to_string(a);
      auto [it, inserted] = activity_ids.emplace(task.activities[a].id, p);
      if (!inserted && !task.activities[a].id.empty())
        report.error(p + "/id", "duplicate activity id \"" + task.activities[a].id +
                                    "\"; it is already used at " + it->second);
    }
    for (std::size_t i = 0; i < task.indicators.size(); ++i) {
      const Indicator& ind = task.indicators[i];
      if (!ind.activity.empty() && !g.find_activity(ind.activity))
        report.error(
            "/tasks/" + std::to_string(t) + "/indicators/" + std::to_string(i) + "/activity",
            "unknown activity \"" + ind.activity + "\"; use the id of an activity under /tasks");
    }
  }
  std::vector<media::MediaUrl> media_urls;  // analysed so far, by index, for duplicates
  for (std::size_t i = 0; i < g.media.size(); ++i) {
    const std::string p = "/media/" + std::to_string(i);
    check_url(report, p + "/url", g.media[i].url);
    if (!g.media[i].activity.empty() && !g.find_activity(g.media[i].activity))
      report.error(p + "/activity", "unknown activity \"" + g.media[i].activity + "\"");
    media_urls.push_back(media::analyse_media_url(g.media[i].url));
    const media::MediaUrl& m = media_urls.back();
    // A URL that is not http(s) is the error above already; the rest is worth a look, not a stop.
    if (!is_web_url(g.media[i].url)) continue;
    if (m.malformed)
      report.warning(p + "/url", "media link \"" + g.media[i].url + "\" looks malformed: " +
                                     m.problem + " (canonical form: " + m.canonical + ")");
    for (std::size_t j = 0; j < i; ++j)
      if (media::same_media(media_urls[j], m)) {
        report.warning(p + "/url", "same as /media/" + std::to_string(j) +
                                       " after canonicalisation: " + m.canonical +
                                       "; remove one of the two");
        break;
      }
  }
  for (std::size_t i = 0; i < g.documents.size(); ++i)
    check_url(report, "/documents/" + std::to_string(i) + "/url", g.documents[i].url);
  for (std::size_t i = 0; i < g.partners.size(); ++i)
    if (!g.partners[i].organisation.empty() && !known.organisation(g.partners[i].organisation))
      report.error("/partners/" + std::to_string(i) + "/organisation",
                   "unknown organisation \"" + g.partners[i].organisation + "\"");

  check_budget(g, report);
  check_subgrants(g, known, contacts, report, diagnostics);
  check_participants(g, report);
  check_dates(g, report, diagnostics);
  check_shares(g, report);
  check_placeholders(g.source, report);
  check_texts(g.source, report);
  check_privacy(g.source, report, contacts);
  for (Lang lang : kAllLangs) {
    check_narrative(g.narrative(lang), diagnostics, contacts, Severity::error);
    if (g.narrative(lang).present && !g.narrative(other_lang(lang)).present)
      diagnostics.warning({g.narrative(lang).file, 0, 0}, "",
                          "the narrative exists only in " + lang_name(lang) + "; add report." +
                              std::string(lang_code(other_lang(lang))) + ".md beside it");
  }
}

void check_organisation(const Organisation& o, const std::string& stem, const References& known,
                        const PublicContacts& contacts, const ReservedNames& reserved,
                        Diagnostics& diagnostics) {
  Reporter report(o.source, diagnostics);
  if (contains(reserved.organisation_ids, o.id))
    report.error("/id", "\"" + o.id +
                            "\" is reserved for the organisations list's pages (/organisations/" +
                            o.id + "/); choose another id");
  if (!o.id.empty() && o.id != stem)
    report.error("/id", "id \"" + o.id + "\" differs from the file name \"" + stem +
                            ".json\"; rename one so references and URLs stay stable");
  if (!o.bin.empty() &&
      (o.bin.size() != 12 || o.bin.find_first_not_of("0123456789") != std::string::npos))
    report.error("/bin", "a BIN is exactly 12 digits, found \"" + o.bin + "\"");
  if (!o.email.empty() && !is_single_contact(o.email, PrivateDataHit::email))
    report.error("/email", "\"" + o.email +
                               "\" is not an e-mail address; write the organisation's own "
                               "address alone, e.g. \"info@example.kz\"");
  if (!o.phone.empty() && !has_phone(o.phone))
    report.error("/phone", "\"" + o.phone +
                               "\" holds no phone number; write the organisation's own number "
                               "with its code, e.g. \"8 (7292) 303784\" or \"+7 702 123 45 67\"");
  if (!o.region.empty() && !known.region(o.region))
    report.error("/region",
                 "unknown region \"" + o.region + "\"; use an id from content/regions.json");
  check_url(report, "/website", o.website);
  for (std::size_t i = 0; i < o.track_record.size(); ++i)
    check_range(report, "/track_record/" + std::to_string(i) + "/period", o.track_record[i].period);
  for (std::size_t i = 0; i < o.social.size(); ++i)
    check_url(report, "/social/" + std::to_string(i) + "/url", o.social[i].url);
  check_placeholders(o.source, report);
  check_texts(o.source, report);
  check_privacy(o.source, report, contacts);
}

// Leftovers of a grant's record copied to start another: a contract number that two grants share
// (an error: each grant has its own contract) and media links that stand under two grants (a
// warning, once for each pair of grants: a link belongs to the grant whose work it shows, though a
// joint event may show two). A link to an account rather than an item (a profile, a channel, a
// page) may well stand under every grant of its organisation, and is not reported.
void check_copies(const Portal& portal, Diagnostics& diagnostics) {
  std::map<std::string, std::size_t> contracts;  // number → the first grant that has it
  // A media item's identity (as same_media compares links) → the first grant and link with it.
  std::map<std::string, std::pair<std::size_t, std::size_t>> items;
  for (std::size_t i = 0; i < portal.grants.size(); ++i) {
    const Grant& g = portal.grants[i];
    Reporter report(g.source, diagnostics);
    if (!g.contract_number.empty()) {
      auto [first, inserted] = contracts.emplace(g.contract_number, i);
      if (!inserted)
        report.error("/contract/number",
                     "contract number \"" + g.contract_number + "\" is also grant \"" +
                         portal.grants[first->second].id + "\"'s (" +
                         portal.grants[first->second].source.file +
                         "); each grant has its own contract: correct the number copied from it");
    }
    std::map<std::size_t, std::vector<std::size_t>> copied;  // other grant → links of this one
    for (std::size_t k = 0; k < g.media.size(); ++k) {
      const media::MediaUrl m = media::analyse_media_url(g.media[k].url);
      static const std::set<std::string> kAccounts = {"profile", "channel", "page", "group",
                                                      "site"};
      if (m.malformed || kAccounts.count(m.platform_kind)) continue;
      auto [first, inserted] = items.emplace(media::media_identity(m), std::make_pair(i, k));
      if (!inserted && first->second.first != i) copied[first->second.first].push_back(k);
    }
    for (const auto& [other, links] : copied) {
      std::string list;
      for (std::size_t k : links)
        list += (list.empty() ? "" : ", ") + std::string("/media/") + std::to_string(k);
      report.warning("/media/" + std::to_string(links.front()) + "/url",
                     std::to_string(links.size()) + " media link" +
                         (links.size() == 1 ? " also stands" : "s also stand") + " under grant \"" +
                         portal.grants[other].id + "\" (" + list +
                         "); a link belongs to the grant whose work it shows: remove the copies, "
                         "or keep a link under both only when it shows both grants' work");
    }
  }
}

}  // namespace

void validate_portal(const Portal& portal, const ReservedNames& reserved, Diagnostics& diagnostics,
                     const LoadFailures& failed, unsigned jobs) {
  if (failed.content) return;  // no content/ folder: nothing was read to judge
  const References known{portal, failed};
  const PublicContacts contacts = declared_contacts(portal, failed);
  if (!portal.config.operator_id.empty() && !known.organisation(portal.config.operator_id))
    diagnostics.error({"site.toml", 0, 0}, "operator",
                      "unknown organisation \"" + portal.config.operator_id +
                          "\"; add content/organisations/" + portal.config.operator_id + ".json");
  {
    Reporter regions(portal.regions_source, diagnostics);
    check_unique(
        portal.regions, [](const Region& r) { return r.id; }, "region", "/regions", regions);
    Reporter directions(portal.directions_source, diagnostics);
    check_unique(
        portal.directions, [](const Direction& d) { return d.id; }, "direction", "/directions",
        directions);
    check_placeholders(portal.regions_source, regions);
    check_placeholders(portal.directions_source, directions);
    check_privacy(portal.regions_source, regions, contacts);
    check_privacy(portal.directions_source, directions, contacts);
  }
  for (std::size_t i = 0; i < portal.organisations.size(); ++i) {
    const Organisation& o = portal.organisations[i];
    const std::string stem = std::filesystem::path(o.source.file).stem().string();
    if (i > 0 && portal.organisations[i - 1].id == o.id && !o.id.empty())
      Reporter(o.source, diagnostics)
          .error("/id", "duplicate organisation id \"" + o.id + "\"; also used by " +
                            portal.organisations[i - 1].source.file + "; ids must be unique");
    check_organisation(o, stem, known, contacts, reserved, diagnostics);
  }
  for (const StaticPage& page : portal.pages) {
    for (Lang lang : kAllLangs) {
      const Narrative& n = page.narratives[static_cast<int>(lang)];
      check_narrative(n, diagnostics, contacts, Severity::warning);
      if (n.present && !page.narratives[static_cast<int>(other_lang(lang))].present)
        diagnostics.warning({n.file, 0, 0}, "",
                            "the page exists only in " + lang_name(lang) + "; add " + page.name +
                                "." + std::string(lang_code(other_lang(lang))) + ".md beside it");
    }
    const Narrative& any = page.narratives[0].present ? page.narratives[0] : page.narratives[1];
    if (contains(reserved.page_names, page.name) || !is_slug(page.name))
      diagnostics.error({any.file, 0, 0}, "",
                        "page name \"" + page.name +
                            "\" is reserved or not an ASCII id; rename the "
                            "file, e.g. about.kk.md");
  }
  validate_plans(portal, diagnostics, failed);
  // Each grant on its own (check_grant reads only the grant and what is shared, read-only), on
  // every core; the findings are added in the grants' order.
  std::vector<Diagnostics> grant_findings(portal.grants.size());
  for_each_index(portal.grants.size(), thread_count(static_cast<int>(jobs)),
                 [&](std::size_t i, unsigned) {
                   const Grant& g = portal.grants[i];
                   Diagnostics& found = grant_findings[i];
                   if (i > 0 && portal.grants[i - 1].id == g.id && !g.id.empty())
                     Reporter(g.source, found)
                         .error("/id", "duplicate grant id \"" + g.id + "\"; also used by " +
                                           portal.grants[i - 1].source.file +
                                           "; ids must be unique");
                   check_grant(g, known, contacts, reserved, found);
                 });
  for (const Diagnostics& found : grant_findings)
    for (const Diagnostic& finding : found.items()) diagnostics.add(finding);
  check_copies(portal, diagnostics);
}

}  // namespace ashyq
