// Deliberately broken sites, one rule at a time (Zola keeps a folder of invalid sites; leveldb
// drives such tests from a table). Every case starts from the valid full fixture, changes one file
// (or two, when the rule needs it), runs `ashyq check` and compares the finding lines the change
// adds with the exact text the user sees: "file:line:col: error: /pointer: message".
//
// The fixture's grants are in the canonical form `ashyq import` writes (one member a line), so an
// edit finds its value on that member's line. Edits that break the form itself (malformed JSON, a
// string where a number belongs, an unknown field or value) are made to the file as text: no
// canonical record can hold them.
//
// Money in messages is grouped with U+00A0 (written \u00A0), as the Russian formatter does.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "test_site.h"

namespace ashyq::integration {
namespace {

constexpr const char* kGrant = "content/grants/synthetic-2024-full/grant.json";
constexpr const char* kReportRu = "content/grants/synthetic-2024-full/report.ru.md";
constexpr const char* kApplication = "content/grants/synthetic-2025-application/grant.json";
constexpr const char* kFund = "content/organisations/synthetic-fund.json";

// What every privacy error about a phone or e-mail says after naming it.
const std::string kUndeclared =
    " is no organisation's declared public contact: a private person's phone or e-mail must not "
    "be published; remove it, or, if it is an organisation's own, declare it in "
    "content/organisations/<id>.json (\"phone\", \"email\" or \"public_contacts\")";

struct Edit {
  const char* file;
  // Replaced where it occurs, exactly once; nullptr: `replacement` is the whole file.
  const char* find;
  const char* replacement;
};

struct InvalidCase {
  const char* rule;
  std::vector<Edit> edits;
  int exit_code;             // 1 with errors, 0 with warnings only
  const char* failed_phase;  // the phase `check` names when it fails; nullptr when it passes
  std::vector<std::string> findings;  // the finding lines the edits add, in printed order
};

const InvalidCase kCases[] = {
    // ---- load: files that cannot be read, records of the wrong shape
    {"malformed JSON",
     {{kGrant, "\"status\": \"completed\",", "\"status\": \"completed\""}},
     1,
     "load",
     {"content/grants/synthetic-2024-full/grant.json:4:16: error: malformed JSON: syntax error "
      "while parsing object - unexpected string literal; expected '}'"}},
    {"malformed TOML, at its column in characters after Cyrillic text",
     {{"site.toml", "ru = \"Синтетический тестовый портал\"",
       "ru = \"Синтетический тестовый портал\" x"}},
     1,
     "load",
     {"site.toml:11:38: error: malformed TOML: Error while parsing key-value pair: expected a "
      "comment or whitespace, saw 'x'"}},
    {"malformed TOML, an unclosed array",
     {{"site.toml", "languages = [\"kk\", \"ru\"]", "languages = [\"kk\", \"ru\""}},
     1,
     "load",
     {"site.toml:4:1: error: malformed TOML: Error while parsing array: expected comma or closing "
      "']', saw 'b'"}},
    {"a site.toml value of the wrong type, at its column in characters",
     {{"site.toml",
       "[description]\nkk = \"Синтетикалық деректер: тек сынақтарға арналған.\"\nru = "
       "\"Синтетические данные: только для тестов.\"\n",
       ""},
      {"site.toml", "currency = \"KZT\"",
       "currency = \"KZT\"\ndescription = { kk = \"Синтетикалық деректер\", ru = 5 }"}},
     1,
     "load",
     {"site.toml:7:15: error: description.ru: missing text in ru; the portal's title and "
      "description are needed in both languages",
      "site.toml:7:52: error: description.ru: expected a string"}},
    {"malformed UTF-8",
     {{kFund, "\"kind\": \"ngo\",", "\"kind\": \"ngo\", \"about2\": \"\xFF\","}},
     1,
     "load",
     {"content/organisations/synthetic-fund.json:6:29: error: malformed UTF-8; the file must be "
      "saved as UTF-8"}},
    {"missing required field",
     {{kGrant, "\"role\": {\n        \"kk\": \"Бухгалтер\"",
       "\"employment\": {\n        \"kk\": \"Бухгалтер\""}},
     1,
     "load",
     {"content/grants/synthetic-2024-full/grant.json:642:5: error: /team/1/role: missing required "
      "field \"role\" (a text {\"kk\": …, \"ru\": …})"}},
    {"wrong type, quoting a long Cyrillic value cut at a character boundary",
     {{kGrant, "\"amount\": 3987500,",
       "\"amount\": \"три миллиона девятьсот восемьдесят семь тысяч\","}},
     1,
     "load",
     {"content/grants/synthetic-2024-full/grant.json:72:3: error: /amount: expected a non-negative "
      "whole number of tenge without separators, e.g. 10125000, found string \"три миллиона "
      "девять...\""}},
    {"unknown enum value",
     {{kGrant, "\"status\": \"completed\",", "\"status\": \"finished\","}},
     1,
     "load",
     {"content/grants/synthetic-2024-full/grant.json:3:3: error: /status: unknown value "
      "\"finished\"; expected one of: application, planned, in_progress, completed"}},
    {"unknown field",
     {{kGrant, "\"grant_type\": \"medium_term\",",
       "\"grant_type\": \"medium_term\", \"colour\": \"green\","}},
     1,
     "load",
     {"content/grants/synthetic-2024-full/grant.json:22:32: error: /colour: unknown field "
      "\"colour\"; expected one of: $schema, id, status, source_language, declared, "
      "final_report, contract, operator, "
      "programme, plan_topic, direction, grant_type, grantee, title, topic, goal, problem, "
      "target_groups, expected_results, regions, localities, period, amount, own_contribution, "
      "tasks, impact, participants, budget, subgrants, media, partners, team, documents"}},

    // ---- validate: ids and references
    {"duplicate grant id (its folder then differs from it too)",
     {{kApplication, "\"id\": \"synthetic-2025-application\"", "\"id\": \"synthetic-2024-full\""}},
     1,
     "validate",
     {"content/grants/synthetic-2025-application/grant.json:2:3: error: /id: duplicate grant id "
      "\"synthetic-2024-full\"; also used by content/grants/synthetic-2024-full/grant.json; ids "
      "must be unique",
      "content/grants/synthetic-2025-application/grant.json:2:3: error: /id: id "
      "\"synthetic-2024-full\" differs from its folder name \"synthetic-2025-application\"; rename "
      "the folder or the id so the URL /grants/synthetic-2025-application/ stays stable"}},
    {"an organisation id the organisations list's pages reserve",
     {{"content/organisations/page.json", nullptr,
       "{\n  \"id\": \"page\",\n  \"name\": {\"kk\": \"Синтетикалық бет\", \"ru\": "
       "\"Синтетическая страница\"},\n  \"kind\": \"ngo\"\n}\n"}},
     1,
     "validate",
     {"content/organisations/page.json:2:3: error: /id: \"page\" is reserved for the "
      "organisations list's pages (/organisations/page/); choose another id"}},
    {"duplicate task id",
     {{kGrant, "\"id\": \"t2\",", "\"id\": \"t1\","}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:217:7: error: /tasks/1/id: duplicate task id "
      "\"t1\"; it is already used at /tasks/0; ids must be unique"}},
    {"duplicate activity id",
     {{kGrant, "\"id\": \"a4\",", "\"id\": \"a1\","}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:232:11: error: /tasks/1/activities/1/id: "
      "duplicate activity id \"a1\"; it is already used at /tasks/0/activities/0"}},
    {"duplicate region id",
     {{"content/regions.json", "  \"regions\": [\n",
       "  \"regions\": [\n    {\"id\": \"synthetic-city\", \"kind\": \"city\", \"name\": {\"kk\": "
       "\"Синтетикалық қала (қайталау)\", \"ru\": \"Синтетический город (повтор)\"}},\n"}},
     1,
     "validate",
     {"content/regions.json:5:6: error: /regions/2/id: duplicate region id \"synthetic-city\"; it "
      "is already used at /regions/0; ids must be unique"}},
    {"id differs from its folder",
     {{kGrant, "\"id\": \"synthetic-2024-full\",", "\"id\": \"synthetic-2024-renamed\","}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:2:3: error: /id: id "
      "\"synthetic-2024-renamed\" differs from its folder name \"synthetic-2024-full\"; rename the "
      "folder or the id so the URL /grants/synthetic-2024-full/ stays stable"}},
    {"unknown organisation",
     {{kGrant, "\"grantee\": \"synthetic-fund\",", "\"grantee\": \"synthetic-nobody\","}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:23:3: error: /grantee: unknown organisation "
      "\"synthetic-nobody\"; add content/organisations/synthetic-nobody.json or use an existing "
      "id"}},
    {"no grantee for a grant that is not planned",
     {{kApplication, "  \"grantee\": \"synthetic-fund\",\n", ""}},
     1,
     "validate",
     {"content/grants/synthetic-2025-application/grant.json:1:1: error: /grantee: missing required "
      "field \"grantee\" (an organisation id): only a planned grant may have no grantee yet"}},
    {"unknown region",
     {{kGrant, "\"synthetic-city\"\n  ],", "\"synthetic-nowhere\"\n  ],"}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:54:5: error: /regions/1: unknown region "
      "\"synthetic-nowhere\"; use an id from content/regions.json"}},
    {"a BIN that is not 12 digits",
     {{kFund, "\"bin\": \"000000000001\",", "\"bin\": \"00000000001\","}},
     1,
     "validate",
     {"content/organisations/synthetic-fund.json:3:3: error: /bin: a BIN is exactly 12 digits, "
      "found \"00000000001\""}},
    {"an organisation's e-mail that is not one address",
     {{kFund, "\"email\": \"office@fund.synthetic.example\",",
       "\"email\": \"office at fund.synthetic.example\","}},
     1,
     "validate",
     {"content/organisations/synthetic-fund.json:15:3: error: /email: \"office at "
      "fund.synthetic.example\" is not an e-mail address; write the organisation's own address "
      "alone, e.g. \"info@example.kz\""}},
    {"an organisation's phone that holds no number",
     {{kFund, "\"email\": \"office@fund.synthetic.example\",",
       "\"email\": \"office@fund.synthetic.example\", \"phone\": \"on request\","}},
     1,
     "validate",
     {"content/organisations/synthetic-fund.json:15:45: error: /phone: \"on request\" holds no "
      "phone number; write the organisation's own number with its code, e.g. \"8 (7292) "
      "303784\" or \"+7 702 123 45 67\""}},
    {"a declaration that declares nothing",
     {{kGrant, "\"status\": \"completed\",",
       "\"status\": \"completed\", \"declared\": {\"source\": {\"kk\": \"Синтетика\", \"ru\": "
       "\"Синтетика\"}},"}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:3:26: error: /declared: a declaration needs "
      "at least one of \"status\", \"period\" or \"results\" as the grantee's document gives "
      "them; leave \"declared\" out when it gives none"}},
    {"unknown direction",
     {{kGrant, "\"direction\": \"synthetic-youth\",", "\"direction\": \"synthetic-culture\","}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:21:3: error: /direction: unknown priority "
      "direction \"synthetic-culture\"; use an id from content/directions.json"}},
    {"unknown activity in a budget line",
     {{kGrant, "\"section\": \"direct\",\n        \"activity\": \"a3\",",
       "\"section\": \"direct\",\n        \"activity\": \"a9\","}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:459:9: error: /budget/lines/9/activity: "
      "unknown activity \"a9\"; use the id of an activity under /tasks"}},

    // ---- validate: money
    {"quantity × unit cost differs from the total",
     {{kGrant, "\"unit_cost\": 15000,", "\"unit_cost\": 16000,"}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:373:9: error: /budget/lines/3/total: "
      "quantity × unit cost = 8 × 16\u00A0000 = 128\u00A0000, but total is 120\u00A0000; total "
      "should be 128\u00A0000, or quantity or unit cost is wrong"}},
    {"quantity × unit cost is not whole tenge",
     {{kGrant, "\"unit_cost\": 250000,", "\"unit_cost\": 250001,"}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:347:9: error: /budget/lines/1/total: "
      "quantity × unit cost = 0,5 × 250\u00A0001 is not a whole number of tenge; correct quantity "
      "or unit cost"}},
    {"lines do not sum to a stated subtotal",
     {{kGrant, "\"amount\": 400000,\n        \"actual\": 400000",
       "\"amount\": 450000,\n        \"actual\": 400000"}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:489:9: error: /budget/subtotals/1/amount: "
      "the budget lines of direct of activity a1 (1) sum to 400\u00A0000, but the subtotal says "
      "450\u00A0000; the lines and the subtotal must agree"}},
    {"grant lines do not sum to the grant amount",
     {{kGrant, "\"amount\": 3987500,", "\"amount\": 3990000,"}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:318:5: error: /budget/lines: budget lines "
      "funded by the grant sum to 3\u00A0987\u00A0500, but the grant amount is "
      "3\u00A0990\u00A0000; the estimate must add up to the amount awarded"}},
    {"sub-grant above the ceiling",
     {{kGrant, "\"ceiling\": 500000,", "\"ceiling\": 450000,"}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:568:9: error: /subgrants/awarded/3/amount: "
      "sub-grant of 500\u00A0000 is above the ceiling of 450\u00A0000 per sub-grant"}},
    {"sub-grants above the envelope",
     {{kGrant, "\"envelope\": 1500000,", "\"envelope\": 1400000,"}},
     1,
     "validate",
     {// The fixture's envelope has no budget line behind it; the finding names the new one.
      "content/grants/synthetic-2024-full/grant.json:498:5: warning: /subgrants/envelope: the "
      "sub-grant envelope of 1\u00A0400\u00A0000 has no budget behind it: the budget's direct "
      "costs "
      "funded by the grant sum to 700\u00A0000, and sub-grants are paid out of them; add the "
      "sub-grants' line to the budget (section direct, for the activity that awards them), or "
      "correct the envelope",
      "content/grants/synthetic-2024-full/grant.json:503:5: error: /subgrants/awarded: sub-grants "
      "sum to 1\u00A0450\u00A0000, above the envelope of 1\u00A0400\u00A0000"}},

    // ---- validate: participants and dates
    {"gender breakdown does not sum to the total",
     {{kGrant, "\"male\": 280,", "\"male\": 281,"}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:284:5: error: /participants/by_gender: "
      "participants by gender sum to 621, but the total is 620; the breakdown must add up to the "
      "total"}},
    {"complete age breakdown does not sum to the total",
     {{kGrant, "\"23-27\",\n        \"count\": null", "\"23-27\",\n        \"count\": 100"}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:288:5: error: /participants/by_age: "
      "participants by age group sum to 550, but the total is 620; the breakdown must add up to "
      "the total"}},
    {"age breakdown with an empty cell already above the total",
     {{kGrant, "\"17-22\",\n        \"count\": 300", "\"17-22\",\n        \"count\": 500"}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:288:5: error: /participants/by_age: "
      "participants by age group already sum to 650, more than the total of 620"}},
    {"actual period that ends before it starts: one finding, no date judged against it",
     {{kGrant, "\"start\": \"2024-04-01\",\n      \"end\": \"2024-11-30\"",
       "\"start\": \"2024-11-30\",\n      \"end\": \"2024-04-01\""}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:69:7: error: /period/actual/end: end "
      "2024-04-01 is before start 2024-11-30; swap them or correct the date"}},
    // ---- validate: leftovers of a record copied from another grant
    {"a contract number another grant has",
     {{kApplication, "\"amount\": 2500000",
       "\"amount\": 2500000,\n  \"contract\": {\"number\": \"SYN-001\"}"}},
     1,
     "validate",
     {"content/grants/synthetic-2025-application/grant.json:26:16: error: /contract/number: "
      "contract number \"SYN-001\" is also grant \"synthetic-2024-full\"'s "
      "(content/grants/synthetic-2024-full/grant.json); each grant has its own contract: correct "
      "the number copied from it"}},
    {"media links another grant has, spelt differently: one warning for the pair of grants",
     {{kApplication, "\"amount\": 2500000",
       "\"amount\": 2500000,\n  \"media\": [{\"url\": "
       "\"https://www.youtube.com/watch?v=synthetic01\", \"kind\": \"video\"}, {\"url\": "
       "\"https://www.instagram.com/reel/synthetic02/\", \"kind\": \"post\"}]"}},
     0,
     nullptr,
     {"content/grants/synthetic-2025-application/grant.json:26:14: warning: /media/0/url: 2 media "
      "links also stand under grant \"synthetic-2024-full\" (/media/0, /media/1); a link belongs "
      "to the grant whose work it shows: remove the copies, or keep a link under both only when "
      "it shows both grants' work"}},
    {"activity date outside the grant period",
     {{kGrant, "\"date\": \"2024-05-15\",\n          \"place\"",
       "\"date\": \"2025-01-10\",\n          \"place\""}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:88:11: error: /tasks/0/activities/0/date: "
      "activity date 2025-01-10 is outside the grant period 2024-04 to 2024-11; correct the date "
      "or the period"}},

    // ---- validate: links
    {"media URL that is not http(s)",
     {{kGrant, "\"https://t.me/synthetic_live/5\"", "\"ftp://synthetic.example/live\""}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:601:7: error: /media/4/url: "
      "\"ftp://synthetic.example/live\" is not an http(s) URL; write an absolute address that "
      "starts with https:// (or http://)"}},
    {"javascript: link in a narrative",
     {{kReportRu, "[синтетический сайт](https://fund.synthetic.example/report)",
       "[синтетический сайт](javascript:alert(1))"}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/report.ru.md:14:12: error: link \"javascript:alert(1)\" "
      "is not an http(s) URL; only http:// and https:// links are published, and mailto: links to "
      "an organisation's declared e-mail"}},

    // ---- warnings: the build goes on
    {"text missing in one language",
     {{kGrant, "\"kk\": \"Синтетикалық мектеп\",\n        ", ""}},
     0,
     nullptr,
     {"content/grants/synthetic-2024-full/grant.json:621:7: warning: /partners/1/name: text "
      "missing in Kazakh (kk); add \"kk\" (the page shows the Russian (ru) text, marked as such, "
      "until then)"}},
    {"a truncated Instagram shortcode in a media link",
     {{kGrant, "\"https://instagram.com/p/synthetic02/?igsh=U3ludGhldGlj\"",
       "\"https://instagram.com/p/synthetic2/?igsh=U3ludGhldGlj\""}},
     0,
     nullptr,
     {"content/grants/synthetic-2024-full/grant.json:585:7: warning: /media/1/url: media link "
      "\"https://instagram.com/p/synthetic2/?igsh=U3ludGhldGlj\" looks malformed: Instagram "
      "shortcode \"synthetic2\" has 10 characters where a post or reel has 11; the link is "
      "possibly truncated (canonical form: https://www.instagram.com/p/synthetic2/)"}},
    {"the same media link twice, spelled differently",
     {{kGrant, "\"https://synthetic.example/misc\"",
       "\"http://m.youtube.com/watch?feature=share&v=synthetic01\""}},
     0,
     nullptr,
     {"content/grants/synthetic-2024-full/grant.json:605:7: warning: /media/5/url: same as "
      "/media/0 after canonicalisation: https://www.youtube.com/watch?v=synthetic01; remove one of "
      "the two"}},
    {"material-technical support above 10 % of the grant",
     {{kGrant, "\"section\": \"direct\",\n        \"activity\": \"a2\",",
       "\"section\": \"equipment\",\n        \"activity\": \"a2\","}},
     0,
     nullptr,
     {"content/grants/synthetic-2024-full/grant.json:318:5: warning: /budget/lines: "
      "material-technical support is 540\u00A0000 (13,5\u00A0% of the grant), above the legal cap "
      "of 10 % (Law on state social order, art. 6-1 p. 5)",
      // A direct line less: the fixture's envelope, already without a budget line behind it, is
      // reported against the new sum of direct costs.
      "content/grants/synthetic-2024-full/grant.json:498:5: warning: /subgrants/envelope: the "
      "sub-grant envelope of 1\u00A0500\u00A0000 has no budget behind it: the budget's direct "
      "costs funded by the grant sum to 400\u00A0000, and sub-grants are paid out of them; add "
      "the sub-grants' line to the budget (section direct, for the activity that awards them), or "
      "correct the envelope"}},
    // ---- privacy: a gate, not a warning
    {"phone number in a narrative, at its column in characters after Cyrillic text",
     {{kReportRu, "Все цифры вымышлены.", "Все цифры вымышлены. Телефон: +7 701 123 45 67."}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/report.ru.md:7:77: error: phone number \"+7 701 123 45 "
      "67\"" +
      kUndeclared}},
    {"e-mail address in a record",
     {{kGrant, "\"ru\": \"Руководитель проекта\"",
       "\"ru\": \"Руководитель проекта, synthetic.person@mail.example\""}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:635:9: error: /team/0/role/ru: e-mail "
      "address \"synthetic.person@mail.example\"" +
      kUndeclared}},
    {"home address with a flat number in a record",
     {{kFund, "улица Образцовая, 1\"}", "улица Образцовая, 1, кв. 12\"}"}},
     1,
     "validate",
     {"content/organisations/synthetic-fund.json:7:58: error: /address/ru: home address \"кв. "
      "12\" (a flat number) must not be published: a private person's home address never is; "
      "remove it (an organisation's address is that of its registration, without a flat)"}},
    {"an e-mail autolink in a narrative is a privacy error, not a bad URL",
     {{kReportRu, "Все цифры вымышлены.",
       "Все цифры вымышлены. Пишите: <synthetic.person@mail.example>."}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/report.ru.md:7:77: error: e-mail address "
      "\"synthetic.person@mail.example\"" +
      kUndeclared}},
    {"a mailto: link whose address is not in the link text is a privacy error",
     {{kReportRu, "Все цифры вымышлены.",
       "Все цифры вымышлены. [Напишите нам](mailto:synthetic.person@mail.example)."}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/report.ru.md:7:90: error: e-mail address "
      "\"synthetic.person@mail.example\"" +
      kUndeclared}},
    {"an organisation's declared e-mail and phone are allowed in a narrative and in records",
     {{kFund, "\"email\": \"office@fund.synthetic.example\",",
       "\"email\": \"office@fund.synthetic.example\", \"phone\": \"8 (7172) 000000\","},
      {kReportRu, "Все цифры вымышлены.",
       "Все цифры вымышлены. Пишите: office@fund.synthetic.example, "
       "<OFFICE@fund.synthetic.example> "
       "или звоните: +7 7172 00 00 00."},
      {kGrant, "\"ru\": \"Руководитель проекта\"",
       "\"ru\": \"Руководитель проекта, тел. 8-7172-000000\""}},
     0,
     nullptr,
     {}},
    {"a declared contact that is neither a phone nor an e-mail",
     {{kFund, "\"email\": \"office@fund.synthetic.example\",",
       "\"email\": \"office@fund.synthetic.example\", \"public_contacts\": [\"телефон офиса\"],"}},
     1,
     "load",
     {"content/organisations/synthetic-fund.json:15:65: error: /public_contacts/0: expected one "
      "phone number or e-mail address the organisation itself publishes, found string \"телефон "
      "офиса\""}},

    // ---- validate: dated items within their period, shares
    {"sub-grant award date outside the grant period",
     {{kGrant, "\"amount\": 400000,\n        \"status\": \"completed\"",
       "\"amount\": 400000,\n        \"status\": \"completed\",\n        \"award_date\": "
       "\"2025-02\""}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:523:9: error: "
      "/subgrants/awarded/0/award_date: "
      "award date 2025-02 is outside the grant period 2024-04 to 2024-11; a sub-grant is "
      "awarded while the programme runs: correct the date or the period"}},
    {"final report dated before the grant period starts",
     {{kGrant, "\"date\": \"2024-12-20\",\n    \"pages\"",
       "\"date\": \"2024-03-01\",\n    \"pages\""}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:5:5: error: /final_report/date: final report "
      "2024-03-01 is before the grant period 2024-04 to 2024-11 starts; a report comes after "
      "the work it reports on: correct the date or the period"}},
    {"final report dated before the period ends is worth a look",
     {{kGrant, "\"date\": \"2024-12-20\",\n    \"pages\"",
       "\"date\": \"2024-10-01\",\n    \"pages\""}},
     0,
     nullptr,
     {"content/grants/synthetic-2024-full/grant.json:5:5: warning: /final_report/date: final "
      "report 2024-10-01 is before the period 2024-04-01 to 2024-11-30 ends; a final report "
      "usually comes at or after the end: check the date, or set period.actual if the project "
      "ended early"}},
    {"contract signed after the grant period ended",
     {{kGrant, "\"number\": \"SYN-001\",\n    \"date\": \"2024-03-15\"",
       "\"number\": \"SYN-001\",\n    \"date\": \"2024-12-15\""}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:14:5: error: /contract/date: contract date "
      "2024-12-15 is after the grant period 2024-04 to 2024-11 ends; an agreement is signed "
      "before the work: correct the date or the period"}},
    {"an application dated after the grant period started",
     {{kGrant, "\"kind\": \"agreement\",\n      \"date\": \"2024-03-15\"",
       "\"kind\": \"application\",\n      \"date\": \"2024-06-01\""}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:660:7: error: /documents/0/date: "
      "application "
      "dated 2024-06-01, after the grant period 2024-04 to 2024-11 starts; an application "
      "precedes the grant: correct the date or the period"}},
    {"a share above 100 %",
     {{kGrant,
       "\"kk\": \"балл\",\n            \"ru\": \"балла\"\n          },\n          \"planned\": {\n"
       "            \"value\": 4.5",
       "\"kk\": \"пайыз\",\n            \"ru\": \"%\"\n          },\n          \"planned\": {\n"
       "            \"value\": 120"}},
     1,
     "validate",
     {"content/grants/synthetic-2024-full/grant.json:251:13: error: "
      "/tasks/1/indicators/0/planned/value: a "
      "share of 120 % is above 100 %; correct the value, or the unit if it is no share (a count "
      "of people is \"адам\" / \"человек\")"}},

    // ---- markup
    {"raw HTML in a narrative is a warning at its column in characters",
     {{kReportRu, "Все цифры вымышлены.", "Все цифры <b>вымышлены</b>."}},
     0,
     nullptr,
     {"content/grants/synthetic-2024-full/report.ru.md:7:57: warning: raw HTML \"<b>\" is not "
      "published (the text around it is); write Markdown instead, e.g. **bold**, *italic*, "
      "[text](https://…)",
      "content/grants/synthetic-2024-full/report.ru.md:7:69: warning: raw HTML \"</b>\" is not "
      "published (the text around it is); write Markdown instead, e.g. **bold**, *italic*, "
      "[text](https://…)"}},
};

// "" when both trees hold the same files with the same bytes; otherwise the first difference, so a
// failure names the file instead of printing two maps.
std::string first_difference(const std::map<std::string, std::string>& expected,
                             const std::map<std::string, std::string>& actual) {
  for (const auto& [path, bytes] : expected) {
    auto it = actual.find(path);
    if (it == actual.end()) return path + " is missing";
    if (it->second != bytes) return path + " differs";
  }
  for (const auto& [path, bytes] : actual)
    if (!expected.count(path)) return path + " is new";
  return "";
}

void apply(const TestSite& site, const Edit& edit) {
  if (edit.find)
    site.replace_once(edit.file, edit.find, edit.replacement);
  else
    site.write(edit.file, edit.replacement);
}

// The findings of the unmodified fixture (its deliberate warnings), checked once.
const std::vector<std::string>& baseline() {
  static const std::vector<std::string> lines = [] {
    TestSite site("full");
    const RunResult result = site.check();
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return finding_lines(result.err);
  }();
  return lines;
}

// Finding lines of `result` that the unmodified fixture does not have, in printed order.
std::vector<std::string> new_findings(const RunResult& result) {
  std::vector<std::string> out;
  for (const std::string& line : finding_lines(result.err))
    if (std::find(baseline().begin(), baseline().end(), line) == baseline().end())
      out.push_back(line);
  return out;
}

TEST_CASE(
    "Each validation rule reports its exact finding when one file of the full fixture breaks it",
    "[integration]") {
  REQUIRE(baseline().size() == 6);
  for (const InvalidCase& c : kCases) {
    INFO("rule: " << c.rule);
    TestSite site("full");
    for (const Edit& edit : c.edits) apply(site, edit);
    const RunResult result = site.check();
    INFO("stderr:\n" << result.err);
    CHECK(result.exit_code == c.exit_code);
    CHECK(new_findings(result) == c.findings);
    if (c.failed_phase) {
      CHECK(result.err.ends_with("check failed in phase " + std::string(c.failed_phase) + "\n"));
      CHECK(result.out.empty());
    } else {
      CHECK(errors_in(finding_lines(result.err)).empty());
      CHECK(result.out.starts_with("checked 4 grants in "));
    }
    CHECK(!site.exists("public"));  // check writes nothing
  }
}

TEST_CASE(
    "A phone in a sub-grant CSV cell and an award date outside the period fail at their cells, "
    "columns counted in characters",
    "[integration]") {
  TestSite site("portal");
  const char* csv = "content/grants/synthetic-2024-subgrants-csv/subgrants.csv";
  site.replace_once(csv, ",Синтетический центр,",
                    ",\"Синтетический центр, тел. 8 701 123 45 67\",");
  site.replace_once(csv, ",completed,2024-07-01", ",completed,2023-01-15");
  const RunResult result = site.check();
  INFO(result.err);
  CHECK(result.exit_code == 1);
  const std::vector<std::string> expected = {
      std::string("content/grants/synthetic-2024-subgrants-csv/subgrants.csv:2:144: error: "
                  "locality_ru: phone number \"8 701 123 45 67\"") +
          kUndeclared,
      "content/grants/synthetic-2024-subgrants-csv/subgrants.csv:2:240: error: award_date: award "
      "date 2023-01-15 is outside the grant period 2024-06 to 2025-05; a sub-grant is awarded "
      "while the programme runs: correct the date or the period"};
  CHECK(errors_in(finding_lines(result.err)) == expected);
}

TEST_CASE("A declared e-mail in a narrative is published as a mailto: link, on the page only",
          "[integration]") {
  TestSite site("full");
  site.replace_once(kReportRu, "Все цифры вымышлены.",
                    "Все цифры вымышлены. Пишите: office@fund.synthetic.example.");
  const RunResult result = site.build();
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const std::string page = site.read("public/ru/grants/synthetic-2024-full/index.html");
  CHECK(page.find("<a href=\"mailto:office@fund.synthetic.example\">"
                  "office@fund.synthetic.example</a>") != std::string::npos);
}

TEST_CASE("All findings of a run are reported together, across files", "[integration]") {
  SECTION("two validation errors in a grant and an organisation") {
    TestSite site("full");
    site.replace_once(kFund, "\"region\": \"synthetic-north\",",
                      "\"region\": \"synthetic-south\",");
    site.replace_once(kGrant, "\"ceiling\": 500000,", "\"ceiling\": 450000,");
    const RunResult result = site.check();
    INFO(result.err);
    CHECK(result.exit_code == 1);
    const std::vector<std::string> expected = {
        "content/grants/synthetic-2024-full/grant.json:568:9: error: "
        "/subgrants/awarded/3/amount: sub-grant of 500\u00A0000 is above the ceiling of "
        "450\u00A0000 per sub-grant",
        "content/organisations/synthetic-fund.json:8:3: error: /region: unknown region "
        "\"synthetic-south\"; use an id from content/regions.json"};
    CHECK(errors_in(finding_lines(result.err)) == expected);
    CHECK(result.err.find("\n2 error(s), 6 warning(s)\n") != std::string::npos);
  }
  SECTION("two load errors: a malformed grant and an unknown field in an organisation") {
    TestSite site("full");
    site.replace_once(kGrant, "\"status\": \"completed\",", "\"status\": \"completed\"");
    site.replace_once("content/organisations/synthetic-partner.json", "\"kind\": \"business\"",
                      "\"kind\": \"business\", \"motto\": \"synthetic\"");
    const RunResult result = site.check();
    INFO(result.err);
    CHECK(result.exit_code == 1);
    const std::vector<std::string> expected = {
        "content/grants/synthetic-2024-full/grant.json:4:16: error: malformed JSON: syntax error "
        "while parsing object - unexpected string literal; expected '}'",
        "content/organisations/synthetic-partner.json:4:23: error: /motto: unknown field "
        "\"motto\"; expected one of: $schema, id, source_language, bin, name, short_name, kind, "
        "address, region, registered, leader, website, email, phone, public_contacts, social, "
        "about, track_record"};
    CHECK(errors_in(finding_lines(result.err)) == expected);
    // The records that loaded are validated in the same run: the fallback grant's warnings.
    CHECK(warnings_in(finding_lines(result.err)).size() == 2);
    CHECK(result.err.find("\n2 error(s), 2 warning(s)\n") != std::string::npos);
    CHECK(result.err.ends_with("check failed in phase load\n"));
  }
  SECTION("a load error in one file and a validation error in another, in one run") {
    TestSite site("full");
    site.replace_once("content/organisations/synthetic-partner.json", "\"kind\": \"business\"",
                      "\"kind\": \"business\", \"motto\": \"synthetic\"");
    site.replace_once(kGrant, "\"ceiling\": 500000,", "\"ceiling\": 450000,");
    const RunResult result = site.check();
    INFO(result.err);
    CHECK(result.exit_code == 1);
    // The grant names the organisation that failed to load as a partner: no "unknown
    // organisation" beside the organisation's own error.
    const std::vector<std::string> expected = {
        "content/grants/synthetic-2024-full/grant.json:568:9: error: "
        "/subgrants/awarded/3/amount: sub-grant of 500\u00A0000 is above the ceiling of "
        "450\u00A0000 per sub-grant",
        "content/organisations/synthetic-partner.json:4:23: error: /motto: unknown field "
        "\"motto\"; expected one of: $schema, id, source_language, bin, name, short_name, kind, "
        "address, region, registered, leader, website, email, phone, public_contacts, social, "
        "about, track_record"};
    CHECK(errors_in(finding_lines(result.err)) == expected);
    CHECK(result.err.ends_with("check failed in phase load\n"));
  }
}

TEST_CASE("A failed build exits 1 and leaves the previous public/ byte for byte as it was",
          "[integration]") {
  struct Corruption {
    const char* phase;
    Edit edit;
  };
  const Corruption corruptions[] = {
      {"load", {kGrant, "\"status\": \"completed\",", "\"status\": \"completed\""}},
      {"validate", {kGrant, "\"amount\": 3987500,", "\"amount\": 3990000,"}},
      {"templates", {"templates/grant.mustache", nullptr, "{{#header}}never closed"}},
  };
  for (const Corruption& corruption : corruptions) {
    INFO("failing in phase " << corruption.phase);
    TestSite site("full");
    const RunResult first = site.build();
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    const auto before = site.files("public");
    REQUIRE(before.count("ru/grants/synthetic-2024-full/index.html") == 1);

    apply(site, corruption.edit);
    const RunResult second = site.build();
    INFO(second.err);
    CHECK(second.exit_code == 1);
    CHECK(second.err.ends_with("build failed in phase " + std::string(corruption.phase) +
                               "; the previous output was left untouched\n"));
    CHECK(second.out.empty());
    CHECK(first_difference(before, site.files("public")) == "");
    CHECK(!site.exists("public.staging"));
  }
}

TEST_CASE("A build that cannot write its output exits 1 in phase write, naming the folder",
          "[integration]") {
  TestSite site("full");
  // A regular file where the output's parent folder should be: nothing can be staged there.
  const std::filesystem::path blocker = site.scratch("blocker");
  std::ofstream(blocker) << "a file, not a folder";
  const std::string out = (blocker / "public").string();
  const RunResult result = site.build({"--out", out});
  INFO(result.err);
  CHECK(result.exit_code == 1);
  CHECK(result.err.find(out + ": error: cannot remove " + out + ".staging: Not a directory\n") !=
        std::string::npos);
  CHECK(result.err.ends_with(
      "build failed in phase write; the previous output was left untouched\n"));
  CHECK(result.out.empty());
}

TEST_CASE("Two builds of the same input produce byte-identical trees", "[integration]") {
  TestSite site("full");
  // One thread and many: the order pages are rendered in must not show in the bytes.
  const RunResult one = site.build({"--out", site.scratch("one").string(), "--jobs", "1"});
  const RunResult two = site.build({"--out", site.scratch("two").string(), "--jobs", "8"});
  INFO(one.err << two.err);
  REQUIRE(one.exit_code == 0);
  REQUIRE(two.exit_code == 0);
  const auto first = site.files(site.scratch("one"));
  const auto second = site.files(site.scratch("two"));
  CHECK(first.count("kk/grants/synthetic-2024-full/index.html") == 1);
  CHECK(first_difference(first, second) == "");

  // Building again over an existing output gives the same bytes too.
  REQUIRE(site.build({"--out", site.scratch("one").string()}).exit_code == 0);
  CHECK(first_difference(first, site.files(site.scratch("one"))) == "");
}

}  // namespace
}  // namespace ashyq::integration
