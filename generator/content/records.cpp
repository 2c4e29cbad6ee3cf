#include "content/records.h"

#include "core/private_data.h"

namespace ashyq {
namespace {

using nlohmann::json;

std::optional<Value> read_value(ObjectReader& parent, std::string_view key) {
  const json* node = parent.object(key);
  if (!node) return std::nullopt;
  ObjectReader r(parent.decoder(), *node, parent.child(key), {"value", "bound", "text"});
  Value v;
  auto number = r.number("value", true);
  if (!number) return std::nullopt;
  v.value = *number;
  v.bound = r.enumeration("bound", bound_names()).value_or(Bound::exactly);
  v.text = r.text("text");
  return v;
}

Activity read_activity(JsonDecoder& d, const json& node, const std::string& pointer) {
  ObjectReader r(d, node, pointer, {"id", "title", "date", "place", "participants", "result"});
  Activity a;
  a.id = r.slug("id", true);
  a.title = r.text("title", true);
  a.date = r.range("date");
  a.place = r.text("place");
  a.participants = r.count("participants");
  a.result = r.text("result");
  return a;
}

Indicator read_indicator(JsonDecoder& d, const json& node, const std::string& pointer) {
  ObjectReader r(d, node, pointer, {"name", "activity", "unit", "planned", "actual", "comment"});
  Indicator i;
  i.name = r.text("name", true);
  i.activity = r.slug("activity");
  i.unit = r.text("unit");
  i.planned = read_value(r, "planned");
  i.actual = read_value(r, "actual");
  i.comment = r.text("comment");
  return i;
}

Task read_task(JsonDecoder& d, const json& node, const std::string& pointer) {
  ObjectReader r(d, node, pointer, {"id", "title", "activities", "indicators", "long_term_result"});
  Task t;
  t.id = r.slug("id", true);
  t.title = r.text("title", true);
  r.array("activities", [&](const json& item, const std::string& p) {
    t.activities.push_back(read_activity(d, item, p));
  });
  r.array("indicators", [&](const json& item, const std::string& p) {
    t.indicators.push_back(read_indicator(d, item, p));
  });
  t.long_term_result = r.text("long_term_result");
  return t;
}

MoneyPlanFact read_money_plan_fact(ObjectReader& parent, std::string_view key) {
  MoneyPlanFact pf;
  const json* node = parent.object(key);
  if (!node) return pf;
  ObjectReader r(parent.decoder(), *node, parent.child(key), {"planned", "actual"});
  pf.present = true;
  pf.planned = r.money("planned", false, true);
  pf.actual = r.money("actual", false, true);
  return pf;
}

PlanFact read_plan_fact(ObjectReader& parent, std::string_view key) {
  PlanFact pf;
  const json* node = parent.object(key);
  if (!node) return pf;
  ObjectReader r(parent.decoder(), *node, parent.child(key), {"planned", "actual", "unit"});
  pf.present = true;
  pf.planned = r.count("planned", false, true);
  pf.actual = r.count("actual", false, true);
  pf.unit = r.text("unit");
  return pf;
}

void read_breakdown(ObjectReader& parent, std::string_view key, std::string_view key_field,
                    const char* const* allowed, std::size_t allowed_count,
                    std::vector<Breakdown>& out) {
  parent.array(key, [&](const json& item, const std::string& p) {
    ObjectReader r(parent.decoder(), item, p, {key_field, "count"});
    Breakdown b;
    b.key = r.string(key_field, true);
    bool known = false;
    std::string expected;
    for (std::size_t i = 0; i < allowed_count; ++i) {
      known = known || b.key == allowed[i];
      expected += (i ? ", " : "") + std::string(allowed[i]);
    }
    if (!b.key.empty() && !known) {
      parent.decoder().error(r.child(key_field),
                             "unknown value \"" + b.key + "\"; expected one of: " + expected);
    }
    b.count = r.count("count", false, true);
    out.push_back(std::move(b));
  });
}

}  // namespace

Grant decode_grant(JsonDecoder& d, const json& root) {
  Grant g;
  ObjectReader r(d, root, "",
                 {"$schema",
                  "id",
                  "status",
                  "source_language",
                  "declared",
                  "final_report",
                  "contract",
                  "operator",
                  "programme",
                  "plan_topic",
                  "direction",
                  "grant_type",
                  "grantee",
                  "title",
                  "topic",
                  "goal",
                  "problem",
                  "target_groups",
                  "expected_results",
                  "regions",
                  "localities",
                  "period",
                  "amount",
                  "own_contribution",
                  "tasks",
                  "impact",
                  "participants",
                  "budget",
                  "subgrants",
                  "media",
                  "partners",
                  "team",
                  "documents"});
  if (!r.valid()) return g;
  g.id = r.slug("id", true);
  g.status = r.enumeration("status", grant_status_names(), true).value_or(GrantStatus::planned);
  g.source_language = r.language("source_language");
  if (const json* node = r.object("declared")) {
    ObjectReader dr(d, *node, r.child("declared"),
                    {"source", "source_language", "status", "period", "results"});
    GrantDeclaration& decl = g.declared;
    decl.present = true;
    // Without the document's title a reader could not tell where the claim comes from.
    decl.source = dr.text("source", true);
    decl.source_language = dr.language("source_language");
    decl.status = dr.enumeration("status", grant_status_names());
    decl.period = dr.range("period");
    decl.results = dr.text("results");  // an empty declaration is judged by validation
  }
  if (const json* node = r.object("final_report")) {
    ObjectReader fr(d, *node, r.child("final_report"), {"date", "pages", "signed_by"});
    g.final_report_date = fr.date("date");
    g.final_report_pages = fr.count("pages");
    g.final_report_signed_by = fr.text("signed_by");
  }
  if (const json* node = r.object("contract")) {
    ObjectReader c(d, *node, r.child("contract"), {"number", "date"});
    g.contract_number = c.string("number", true);
    g.contract_date = c.date("date");
  }
  g.operator_id = r.slug("operator", true);
  g.programme = r.text("programme");
  g.plan_topic = r.string("plan_topic");
  g.direction_id = r.slug("direction");
  g.grant_type = r.enumeration("grant_type", grant_type_names());
  g.grantee_id = r.slug("grantee");
  g.title = r.text("title", true);
  g.topic = r.text("topic");
  g.goal = r.text("goal");
  g.problem = r.text("problem");
  g.target_groups = r.text_list("target_groups");
  g.expected_results = r.text_list("expected_results");
  g.regions = r.slug_list("regions");
  g.localities = r.text_list("localities");
  if (const json* node = r.object("period")) {
    ObjectReader p(d, *node, r.child("period"), {"planned", "actual"});
    g.planned_period = p.range("planned");
    g.actual_period = p.range("actual");
  }
  g.amount = r.money("amount");
  g.own_contribution = r.money("own_contribution");
  r.array("tasks", [&](const json& item, const std::string& p) {
    g.tasks.push_back(read_task(d, item, p));
  });

  if (const json* node = r.object("impact")) {
    ObjectReader i(d, *node, r.child("impact"),
                   {"direct_beneficiaries", "indirect_beneficiaries", "staff", "specialists",
                    "ngos_involved", "volunteers", "wage_fund", "taxes", "economic_contribution"});
    g.impact.direct_beneficiaries = read_plan_fact(i, "direct_beneficiaries");
    g.impact.indirect_beneficiaries = read_plan_fact(i, "indirect_beneficiaries");
    g.impact.staff = read_plan_fact(i, "staff");
    g.impact.specialists = read_plan_fact(i, "specialists");
    g.impact.ngos_involved = read_plan_fact(i, "ngos_involved");
    g.impact.volunteers = read_plan_fact(i, "volunteers");
    g.impact.wage_fund = read_money_plan_fact(i, "wage_fund");
    g.impact.taxes = read_money_plan_fact(i, "taxes");
    g.impact.economic_contribution = read_money_plan_fact(i, "economic_contribution");
  }

  if (const json* node = r.object("participants")) {
    ObjectReader p(d, *node, r.child("participants"),
                   {"total", "by_gender", "by_age", "by_category"});
    g.participants.present = true;
    g.participants.total = p.count("total", true).value_or(0);
    if (const json* gender = p.object("by_gender")) {
      ObjectReader gr(d, *gender, p.child("by_gender"), {"male", "female"});
      g.participants.has_gender = true;
      g.participants.male = gr.count("male", false, true);
      g.participants.female = gr.count("female", false, true);
    }
    read_breakdown(p, "by_age", "group", kAgeGroups, std::size(kAgeGroups), g.participants.by_age);
    read_breakdown(p, "by_category", "category", kSocialCategories, std::size(kSocialCategories),
                   g.participants.by_category);
  }

  if (const json* node = r.object("budget")) {
    ObjectReader b(d, *node, r.child("budget"), {"lines", "subtotals", "total"});
    g.budget.present = true;
    b.array(
        "lines",
        [&](const json& item, const std::string& p) {
          ObjectReader l(d, item, p,
                         {"section", "activity", "article", "unit", "quantity", "unit_cost",
                          "total", "source", "actual", "note"});
          BudgetLine line;
          line.section =
              l.enumeration("section", section_names(), true).value_or(BudgetSection::direct);
          line.activity = l.slug("activity");
          line.article = l.text("article", true);
          line.unit = l.text("unit");
          line.quantity = l.quantity("quantity");
          line.unit_cost = l.money("unit_cost");
          line.total = l.money("total", true).value_or(Tenge(0));
          line.source =
              l.enumeration("source", source_names(), true).value_or(FundingSource::grant);
          line.actual = l.money("actual");
          line.note = l.text("note");
          g.budget.lines.push_back(std::move(line));
        },
        true);
    b.array("subtotals", [&](const json& item, const std::string& p) {
      ObjectReader s(d, item, p, {"label", "sections", "activity", "amount", "actual"});
      BudgetSubtotal subtotal;
      subtotal.label = s.text("label");
      s.array(
          "sections",
          [&](const json& section, const std::string& sp) {
            if (section.is_string())
              for (const auto& [name, value] : section_names())
                if (name == section.get<std::string>()) {
                  subtotal.sections.push_back(value);
                  return;
                }
            d.error(sp,
                    "expected a budget section: salaries, taxes, services, materials, "
                    "equipment or direct, found " +
                        describe_json(section));
          },
          true);
      subtotal.activity = s.slug("activity");
      subtotal.amount = s.money("amount", true).value_or(Tenge(0));
      subtotal.actual = s.money("actual");
      g.budget.subtotals.push_back(std::move(subtotal));
    });
    g.budget.total = b.money("total");
  }

  if (const json* node = r.object("subgrants")) {
    ObjectReader s(d, *node, r.child("subgrants"),
                   {"planned_count", "ceiling", "envelope", "recipients", "awarded"});
    g.subgrants.present = true;
    g.subgrants.planned_count = s.count("planned_count");
    g.subgrants.ceiling = s.money("ceiling");
    g.subgrants.envelope = s.money("envelope");
    g.subgrants.recipients = s.text("recipients");
    s.array("awarded", [&](const json& item, const std::string& p) {
      ObjectReader a(d, item, p,
                     {"id", "recipient_kind", "recipient_name", "name_consent", "region",
                      "locality", "title", "amount", "status", "award_date"});
      Subgrant sg;
      sg.id = a.slug("id", true);
      sg.recipient_kind = a.enumeration("recipient_kind", recipient_kind_names(), true)
                              .value_or(RecipientKind::person);
      sg.recipient_name = a.text("recipient_name");
      sg.name_consent = a.boolean("name_consent").value_or(false);
      sg.region = a.slug("region");
      sg.locality = a.text("locality");
      sg.title = a.text("title");
      sg.amount = a.money("amount", true).value_or(Tenge(0));
      sg.status =
          a.enumeration("status", subgrant_status_names()).value_or(SubgrantStatus::awarded);
      sg.award_date = a.date("award_date");
      g.subgrants.awarded.push_back(std::move(sg));
    });
  }

  r.array("media", [&](const json& item, const std::string& p) {
    ObjectReader m(d, item, p, {"url", "kind", "title", "date", "activity"});
    MediaLink link;
    link.url = m.string("url", true);
    link.kind = m.enumeration("kind", media_kind_names());
    link.title = m.text("title");
    link.date = m.date("date");
    link.activity = m.slug("activity");
    g.media.push_back(std::move(link));
  });
  r.array("partners", [&](const json& item, const std::string& p) {
    ObjectReader m(d, item, p, {"name", "role", "organisation"});
    g.partners.push_back({m.text("name", true), m.text("role"), m.slug("organisation")});
  });
  r.array("team", [&](const json& item, const std::string& p) {
    ObjectReader m(d, item, p, {"name", "role", "employment"});
    g.team.push_back({m.text("name", true), m.text("role", true), m.text("employment")});
  });
  r.array("documents", [&](const json& item, const std::string& p) {
    ObjectReader m(d, item, p, {"title", "kind", "date", "pages", "url", "source"});
    Document doc;
    doc.title = m.text("title", true);
    doc.kind = m.enumeration("kind", document_kind_names());
    doc.date = m.date("date");
    doc.pages = m.count("pages");
    doc.url = m.string("url");
    doc.source = m.string("source");
    g.documents.push_back(std::move(doc));
  });
  return g;
}

Organisation decode_organisation(JsonDecoder& d, const json& root) {
  Organisation o;
  ObjectReader r(d, root, "",
                 {"$schema", "id", "source_language", "bin", "name", "short_name", "kind",
                  "address", "region", "registered", "leader", "website", "email", "phone",
                  "public_contacts", "social", "about", "track_record"});
  if (!r.valid()) return o;
  o.id = r.slug("id", true);
  o.source_language = r.language("source_language");
  o.bin = r.string("bin");  // judged by validation (check_organisation)
  o.name = r.text("name", true);
  o.short_name = r.text("short_name");
  o.kind = r.string("kind");
  o.address = r.text("address");
  o.region = r.slug("region");
  o.registered = r.date("registered");
  if (const json* node = r.object("leader")) {
    ObjectReader l(d, *node, r.child("leader"), {"name", "title"});
    o.leader_name = l.text("name", true);
    o.leader_title = l.text("title");
  }
  o.website = r.string("website");
  o.email = r.string("email");  // email and phone are judged by validation (check_organisation)
  o.phone = r.string("phone");
  r.array("public_contacts", [&](const json& item, const std::string& p) {
    const bool phone =
        item.is_string() && is_single_contact(item.get<std::string>(), PrivateDataHit::phone);
    const bool email =
        item.is_string() && is_single_contact(item.get<std::string>(), PrivateDataHit::email);
    if (!phone && !email) {
      d.error(p,
              "expected one phone number or e-mail address the organisation itself publishes, "
              "found " +
                  describe_json(item));
      return;
    }
    o.public_contacts.push_back(item.get<std::string>());
  });
  r.array("social", [&](const json& item, const std::string& p) {
    ObjectReader s(d, item, p, {"platform", "url"});
    o.social.push_back({s.string("platform"), s.string("url", true)});
  });
  o.about = r.text("about");
  r.array("track_record", [&](const json& item, const std::string& p) {
    ObjectReader t(d, item, p, {"title", "funder", "amount", "period", "results"});
    TrackRecordEntry e;
    e.title = t.text("title", true);
    e.funder = t.text("funder");
    e.amount = t.money("amount");
    e.period = t.range("period");
    e.results = t.text("results");
    o.track_record.push_back(std::move(e));
  });
  return o;
}

std::vector<Region> decode_regions(JsonDecoder& d, const json& root) {
  std::vector<Region> out;
  ObjectReader r(d, root, "", {"$schema", "regions"});
  r.array(
      "regions",
      [&](const json& item, const std::string& p) {
        ObjectReader x(d, item, p, {"id", "kind", "name", "iso"});
        Region region;
        region.id = x.slug("id", true);
        const std::string kind = x.string("kind", true);
        if (kind != "region" && kind != "city" && !kind.empty())
          d.error(x.child("kind"), "unknown value \"" + kind + "\"; expected one of: region, city");
        region.is_city = kind == "city";
        region.name = x.text("name", true);
        out.push_back(std::move(region));
      },
      true);
  return out;
}

std::vector<Direction> decode_directions(JsonDecoder& d, const json& root) {
  std::vector<Direction> out;
  ObjectReader r(d, root, "", {"$schema", "source", "directions"});
  r.array(
      "directions",
      [&](const json& item, const std::string& p) {
        ObjectReader x(d, item, p, {"id", "number", "name"});
        Direction direction;
        direction.id = x.slug("id", true);
        direction.number = static_cast<int>(x.count("number").value_or(0));
        direction.name = x.text("name", true);
        out.push_back(std::move(direction));
      },
      true);
  return out;
}

}  // namespace ashyq
