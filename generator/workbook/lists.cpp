#include "workbook/lists.h"

#include <algorithm>
#include <set>

namespace ashyq::workbook {

namespace {

std::string in(const LocalizedText& text, Lang lang) { return std::string(text.in(lang)); }

List site_list(const std::string& name, const Portal& portal) {
  List list{name, {}};
  if (name == "regions")
    for (const Region& r : portal.regions)
      list.items.push_back({r.id, in(r.name, Lang::kk), in(r.name, Lang::ru)});
  if (name == "directions")
    for (const Direction& d : portal.directions)
      list.items.push_back({d.id, in(d.name, Lang::kk), in(d.name, Lang::ru)});
  if (name == "organisations")
    for (const Organisation& o : portal.organisations)
      list.items.push_back({o.id, in(o.name, Lang::kk), in(o.name, Lang::ru)});
  if (name == "units") {
    // Units the site's records use, each pair once: a suggestion, not a rule (a new unit is typed).
    std::set<std::pair<std::string, std::string>> units;
    auto add = [&](const LocalizedText& unit) {
      if (!unit.empty()) units.emplace(in(unit, Lang::kk), in(unit, Lang::ru));
    };
    for (const Grant& g : portal.grants) {
      for (const Task& t : g.tasks)
        for (const Indicator& i : t.indicators) add(i.unit);
      for (const PlanFact* pf :
           {&g.impact.direct_beneficiaries, &g.impact.indirect_beneficiaries, &g.impact.staff,
            &g.impact.specialists, &g.impact.ngos_involved, &g.impact.volunteers})
        add(pf->unit);
      for (const BudgetLine& line : g.budget.lines) add(line.unit);
    }
    for (const auto& [kk, ru] : units) list.items.push_back({kk, kk, ru});
  }
  return list;
}

// A code's name in `lang`; the code itself where the UI strings give it no words (a value shown
// bare, "exactly" before a figure).
std::string label(const i18n::UiStrings& strings, Lang lang, const std::string& key,
                  const std::string& code) {
  const std::string& text = strings.get(lang, key);
  return text.empty() ? code : text;
}

}  // namespace

std::vector<List> grant_lists(const Portal& portal, const i18n::UiStrings& strings) {
  std::vector<std::string> names;
  auto add = [&](const Field& field) {
    if (!field.list.empty() && std::find(names.begin(), names.end(), field.list) == names.end())
      names.push_back(field.list);
  };
  for (const Sheet& sheet : grant_sheets()) {
    add(sheet.parent);
    for (const Field& field : sheet.columns) add(field);
    for (const FormRow& row : sheet.rows)
      for (const Field& field : row.fields) add(field);
  }
  std::vector<List> lists;
  for (const std::string& name : names) {
    const std::vector<std::string> codes = fixed_codes(name);
    if (codes.empty()) {
      lists.push_back(site_list(name, portal));
      continue;
    }
    List list{name, {}};
    const std::string section = label_section(name);
    for (const std::string& code : codes) {
      if (name == "language")
        list.items.push_back({code, code == "kk" ? "қазақ тілі" : "орыс тілі",
                              code == "kk" ? "казахский язык" : "русский язык"});
      else
        list.items.push_back({code, label(strings, Lang::kk, section + "." + code, code),
                              label(strings, Lang::ru, section + "." + code, code)});
    }
    lists.push_back(std::move(list));
  }
  return lists;
}

}  // namespace ashyq::workbook
