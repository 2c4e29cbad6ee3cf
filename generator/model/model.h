#pragma once
// The typed, read-only portal: what load produces, validate judges and views read. No I/O here.
// Each record keeps where it came from (file) and, through its SourceMap, where each field was, so
// validation can point at the exact line and column.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/lang.h"
#include "core/money.h"
#include "core/private_data.h"
#include "model/enums.h"

namespace ashyq {

// JSON pointer → (line, column) of the values of one file. Either held in memory (a table, as
// tests and in-memory documents give it) or left on disk: a record the loader read from a file
// keeps only the file's path, and its positions are found again from the file when a finding needs
// one (content/json_decoder.h, SourceLocator). Keeping every pointer of every record cost about
// 100 KiB per grant; findings are rare, and a healthy site has none.
class SourcePositions {
 public:
  using Table = std::map<std::string, std::pair<int, int>>;
  SourcePositions() = default;
  SourcePositions(Table table)  // NOLINT: implicit on purpose
      : table_(table.empty() ? nullptr : std::make_shared<const Table>(std::move(table))) {}
  static SourcePositions on_disk(std::string path) {
    SourcePositions p;
    p.path_ = std::move(path);
    return p;
  }
  const Table& table() const {
    static const Table kNone;
    return table_ ? *table_ : kNone;
  }
  const std::string& path() const { return path_; }  // empty: the table is all there is

 private:
  // A pointer, not the map itself: every record the loader reads has no table, and an empty
  // std::map is 48 bytes. The table never changes once made, so copies may share it.
  std::shared_ptr<const Table> table_;
  std::string path_;
};

// Where one record came from. Also keeps, with their pointers, the texts and strings a per-record
// check (a language missing, private contact data) will report on, so those checks need not know
// every field; the loader keeps no other text here, since the model already holds it.
struct SourceMap {
  std::string file;
  SourcePositions positions;
  std::vector<std::pair<std::string, LocalizedText>> texts;  // localized texts by pointer
  std::vector<std::pair<std::string, std::string>> strings;  // plain strings by pointer
  // Values still to fill (core/placeholder.h) by pointer, with what to write; the field itself
  // reads as not given.
  std::vector<std::pair<std::string, std::string>> placeholders;

  bool has_placeholder(std::string_view pointer) const {
    for (const auto& [at, hint] : placeholders)
      if (at == pointer) return true;
    return false;
  }
};

enum class GrantStatus { application, planned, in_progress, completed };
enum class GrantType { short_term, medium_term, long_term, small };
enum class Bound { exactly, at_least, at_most };
enum class BudgetSection { salaries, taxes, services, materials, equipment, direct };
enum class FundingSource { grant, own };
enum class RecipientKind { person, initiative_group, ngo };
enum class SubgrantStatus { awarded, in_progress, completed, terminated };
enum class MediaKind { video, post, article, photo_album, live_stream };
enum class DocumentKind {
  agreement,
  project_description,
  application,
  final_report,
  financial_report,
  plan,
  other
};
enum class Gender { male, female };

inline constexpr BudgetSection kAllSections[] = {BudgetSection::salaries,  BudgetSection::taxes,
                                                 BudgetSection::services,  BudgetSection::materials,
                                                 BudgetSection::equipment, BudgetSection::direct};
constexpr bool is_administrative(BudgetSection s) {
  return s == BudgetSection::salaries || s == BudgetSection::taxes ||
         s == BudgetSection::services || s == BudgetSection::materials;
}

inline constexpr const char* kAgeGroups[] = {"0-12",  "13-16", "17-22", "23-27",
                                             "28-32", "33-45", "46-58", "59+"};
inline constexpr const char* kSocialCategories[] = {
    "children", "youth",   "civil_servants", "public_sector_workers",
    "disabled", "elderly", "unemployed",     "ngo_representatives",
    "business", "other"};

struct Region {
  std::string id;
  bool is_city = false;
  LocalizedText name;
};

struct Direction {
  std::string id;
  int number = 0;
  LocalizedText name;
};

struct SocialAccount {
  std::string platform;
  std::string url;
};

struct TrackRecordEntry {
  LocalizedText title, funder, results;
  std::optional<Tenge> amount;
  std::optional<DateRange> period;
};

struct Organisation {
  std::string id;
  // The language of the documents the profile's texts come from; the other language's texts are
  // translations made for the portal, and its pages say so. Absent: the record does not say.
  std::optional<Lang> source_language;
  std::string bin;
  std::string kind;
  LocalizedText name, short_name, address, about;
  std::string region;
  std::optional<PartialDate> registered;
  LocalizedText leader_name, leader_title;
  std::string website;
  // The organisation's own public contacts, as its documents give them: shown on its profile, and
  // the only phones and e-mails a published text may hold (core/private_data.h, PublicContacts).
  std::string email, phone;
  std::vector<std::string> public_contacts;  // further ones (a project's mailing list…)
  std::vector<SocialAccount> social;
  std::vector<TrackRecordEntry> track_record;
  SourceMap source;
};

struct Value {
  double value = 0;
  Bound bound = Bound::exactly;
  LocalizedText text;
};

struct Indicator {
  LocalizedText name, unit, comment;
  std::string activity;
  std::optional<Value> planned, actual;
};
// How an indicator came out against its target. The grant page and the indicators table both
// show it, so the rule lives here, once.
IndicatorOutcome indicator_outcome(const Indicator& indicator);

struct Activity {
  std::string id;
  LocalizedText title, place, result;
  std::optional<DateRange> date;
  std::optional<std::int64_t> participants;
};

struct Task {
  std::string id;
  LocalizedText title, long_term_result;
  std::vector<Activity> activities;
  std::vector<Indicator> indicators;
};

struct PlanFact {
  bool present = false;
  std::optional<std::int64_t> planned, actual;
  LocalizedText unit;
};

// A sum of money planned and actual, as a row of the final report's socio-economic impact table
// gives it; absent when the cell is empty.
struct MoneyPlanFact {
  bool present = false;
  std::optional<Tenge> planned, actual;
};

struct Impact {
  PlanFact direct_beneficiaries, indirect_beneficiaries, staff, specialists, ngos_involved,
      volunteers;
  // The table's money rows: the wage fund out of the grant, taxes (of staff only) and the
  // contribution to the economy (goods and services bought). Not budget lines: the report gives
  // them as totals only, and they overlap (the wage fund is part of the grant).
  MoneyPlanFact wage_fund, taxes, economic_contribution;
};

struct Breakdown {  // one row of a participants table; count absent when the cell is empty
  std::string key;
  std::optional<std::int64_t> count;
};

struct Participants {
  bool present = false;
  std::int64_t total = 0;
  bool has_gender = false;
  std::optional<std::int64_t> male, female;
  std::vector<Breakdown> by_age, by_category;
};

struct BudgetLine {
  BudgetSection section = BudgetSection::direct;
  std::string activity;
  LocalizedText article, unit, note;
  std::optional<Quantity> quantity;
  std::optional<Tenge> unit_cost;
  Tenge total;
  FundingSource source = FundingSource::grant;
  std::optional<Tenge> actual;
};

struct BudgetSubtotal {
  LocalizedText label;
  std::vector<BudgetSection> sections;
  std::string activity;
  Tenge amount;
  std::optional<Tenge> actual;
};

struct Budget {
  bool present = false;
  std::vector<BudgetLine> lines;
  std::vector<BudgetSubtotal> subtotals;
  std::optional<Tenge> total;
};

// A text cell of subgrants.csv that holds possible contact data, kept with its place so that the
// privacy gate can point at it (the model keeps no positions of CSV cells otherwise).
struct CsvCell {
  std::string column;  // the header's name
  int line = 0, column_number = 0;
  std::string text;
};

struct Subgrant {
  std::string id;
  RecipientKind recipient_kind = RecipientKind::initiative_group;
  LocalizedText recipient_name, locality, title;
  bool name_consent = false;
  std::string region;
  Tenge amount;
  SubgrantStatus status = SubgrantStatus::awarded;
  std::optional<PartialDate> award_date;  // when the re-granting NGO awarded it, if reported
  int csv_line = 0;  // the row's line in subgrants.csv; 0 when the sub-grant is in grant.json
  int csv_award_date_column = 0;           // where the award_date cell starts on that line
  std::vector<CsvCell> csv_contact_cells;  // text cells with possible contact data

  // A private person's or initiative group's name is published only with consent; an NGO's always.
  bool name_publishable() const {
    return !recipient_name.empty() && (recipient_kind == RecipientKind::ngo || name_consent);
  }
};

struct SubgrantProgramme {
  bool present = false;
  std::string csv_file;  // subgrants.csv the awarded list came from; empty when from grant.json
  std::optional<std::int64_t> planned_count;
  std::optional<Tenge> ceiling, envelope;
  LocalizedText recipients;
  std::vector<Subgrant> awarded;
};

struct MediaLink {
  std::string url;
  std::optional<MediaKind> kind;
  LocalizedText title;
  std::optional<PartialDate> date;
  std::string activity;
};

struct Partner {
  LocalizedText name, role;
  std::string organisation;
};

struct TeamMember {
  LocalizedText name, role, employment;
};

struct Document {
  LocalizedText title;
  std::optional<DocumentKind> kind;
  std::optional<PartialDate> date;
  std::optional<std::int64_t> pages;
  std::string url, source;
};

// What the grantee itself declared about this grant in another document (an application's list of
// earlier projects): shown as the grantee's declaration, never as a verified final report, and
// never changing the record's own status, period or figures.
struct GrantDeclaration {
  bool present = false;
  LocalizedText source;                 // title of the document that holds the declaration
  std::optional<Lang> source_language;  // that document's language
  std::optional<GrantStatus> status;    // as declared ("completed": the project was carried out)
  std::optional<DateRange> period;
  LocalizedText results;
};

struct Narrative {
  bool present = false;
  std::string file;      // relative to the site directory
  std::string title;     // from front matter
  std::string markdown;  // body
  int body_line = 1;
};

struct Grant {
  std::string id;
  std::string folder;  // folder name under content/grants
  GrantStatus status = GrantStatus::planned;
  // The language of the documents the record's texts come from (seeds 000–003 Kazakh, 004
  // Russian); texts and the narrative in the other language are translations, marked as such.
  std::optional<Lang> source_language;
  GrantDeclaration declared;
  std::optional<PartialDate> final_report_date;
  std::optional<std::int64_t> final_report_pages;
  LocalizedText final_report_signed_by;
  std::string contract_number;
  std::optional<PartialDate> contract_date;
  std::string operator_id, grantee_id, direction_id, plan_topic;
  std::optional<GrantType> grant_type;
  LocalizedText programme, title, topic, goal, problem;
  std::vector<LocalizedText> target_groups, expected_results, localities;
  std::vector<std::string> regions;
  std::optional<DateRange> planned_period, actual_period;
  std::optional<Tenge> amount, own_contribution;
  std::vector<Task> tasks;
  Impact impact;
  Participants participants;
  Budget budget;
  SubgrantProgramme subgrants;
  std::vector<MediaLink> media;
  std::vector<Partner> partners;
  std::vector<TeamMember> team;
  std::vector<Document> documents;
  std::array<Narrative, 2> narratives;  // indexed by Lang
  SourceMap source;

  const Narrative& narrative(Lang lang) const { return narratives[static_cast<int>(lang)]; }
  // The period the grant's dates are checked against: planned and actual together.
  std::optional<DateRange> whole_period() const;
  const Activity* find_activity(const std::string& activity_id) const;
};

struct PlanTopic {
  std::string id;
  int number = 0;
  LocalizedText title, goal, territory;
  std::vector<LocalizedText> tasks, expected_results;
  std::optional<DateRange> period;
  LocalizedText period_text;  // the period as the document words it
  std::vector<std::string> regions;
  std::optional<Tenge> amount;      // absent when the document does not give it
  std::vector<std::string> grants;  // ids of the grant records that carry out the topic
};

struct PlanDirection {
  LocalizedText title;
  std::string direction;          // priority direction id, when it maps to one
  std::optional<Tenge> subtotal;  // as the document states it
  std::vector<PlanTopic> topics;
};

struct Plan {
  std::string id;
  LocalizedText title, approved_by;
  int year = 0;
  std::string operator_id;
  LocalizedText source;                 // the source document's title, never a file name
  std::optional<Lang> source_language;  // the source document's language
  std::vector<PlanDirection> directions;
  std::optional<Tenge> total;  // grand total as the document states it
  SourceMap source_map;
};

struct StaticPage {
  std::string name;                     // ASCII; the URL /<lang>/<name>/
  std::array<Narrative, 2> narratives;  // indexed by Lang
};

// How a link's host is treated by `ashyq links`: checked (a broken link is a finding of the
// configured severity), skipped (never requested: hosts that refuse every bot), or checked with a
// broken link only ever a warning.
enum class HostPolicy { check, skip, warn };

// The [links] table of site.toml: how `ashyq links` checks and judges external links.
struct LinkSettings {
  bool broken_is_error = true;   // severity = "error" (default) or "warning"
  int max_age_days = 7;          // a cached result older than this is checked again
  int per_host_delay_ms = 1000;  // pause between two requests to one host
  int connect_timeout_ms = 10000;
  int timeout_ms = 30000;                   // one whole transfer, redirects included
  int concurrency = 8;                      // transfers in flight at once, across hosts
  std::string user_agent;                   // empty: "Ashyq-LinkChecker/0.1 (+<base_url>)"
  std::map<std::string, HostPolicy> hosts;  // lowercase host name → policy; covers subdomains
};

// The [search] table of site.toml (docs/search.md). Without scripts the search page's form can
// only go somewhere else: when both keys are set it is a web search restricted to the portal's host
// (fallback_action?<fallback_site_param>=<host>&q=…); when neither is, it stays on the page, which
// then says search needs scripts and links the catalogues.
struct SearchSettings {
  std::string fallback_action;      // "https://duckduckgo.com/"; empty: none
  std::string fallback_site_param;  // "sites"; empty: none
};

// data_licence in site.toml (an SPDX id Ashyq knows, or a table of any): the licence of the open
// data (the downloads, the bulk files, datapackage.json). Absent when site.toml names none: then
// datapackage.json has no `licenses`, the data page says none is stated, check and build warn.
struct DataLicence {
  std::string id;     // SPDX licence id: "CC-BY-4.0"
  std::string url;    // the licence's text: "https://creativecommons.org/licenses/by/4.0/"
  std::string title;  // its name: "Creative Commons Attribution 4.0 International"
};

struct SiteConfig {
  LocalizedText title, description;
  std::vector<Lang> languages;  // default first
  std::string base_url;         // ends with '/'
  std::string operator_id;
  std::string currency = "KZT";
  std::size_t page_size = 50;  // items per page of a paginated list
  // The date the portal's data are current to (site.toml `as_of`): every page states it, and a
  // grant whose period ended before it without a final report is shown as such. The build never
  // reads the clock; absent, pages say the date is not stated and no grant is judged overdue.
  std::optional<PartialDate> as_of;
  LinkSettings links;
  SearchSettings search;
  std::optional<DataLicence> data_licence;
};

// One URL's last check as kept in link-cache.json: written by `ashyq links`, read by the build,
// which marks the links known to be broken and never makes a request itself.
struct LinkCacheEntry {
  std::string status;        // the checker's status name: "ok", "broken", "timeout"…
  long http_status = 0;      // 0 when no HTTP answer came
  std::string final_url;     // after redirects; empty when none
  std::string checked_at;    // UTC, ISO 8601: "2026-11-23T21:40:19Z"
  std::string broken_since;  // checked_at of the first check that found it broken; "" otherwise
};

struct LinkCache {
  bool present = false;                           // the site has a link-cache.json
  std::map<std::string, LinkCacheEntry> entries;  // by URL
};

// Every phone and e-mail the organisations declare as their own (email, phone, public_contacts).
PublicContacts collect_public_contacts(const std::vector<Organisation>& organisations);

struct Portal {
  SiteConfig config;
  std::vector<Region> regions;        // in file order
  std::vector<Direction> directions;  // in file order
  SourceMap regions_source, directions_source;
  std::vector<Organisation> organisations;  // sorted by id
  std::vector<Grant> grants;                // sorted by id
  std::vector<Plan> plans;                  // sorted by id
  std::vector<StaticPage> pages;            // sorted by name
  LinkCache links;                          // link-cache.json; empty when absent
  // What the organisations declare as their public contacts: narratives link these e-mails.
  PublicContacts public_contacts;

  const Region* find_region(const std::string& id) const;
  const Direction* find_direction(const std::string& id) const;
  const Organisation* find_organisation(const std::string& id) const;
  const Grant* find_grant(const std::string& id) const;  // grants are sorted by id
};

}  // namespace ashyq
