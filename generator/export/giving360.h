#pragma once
// export: the portal as a 360Giving data package (standard 1.4, schema in
// shared/standards/360giving), written to /data/360giving.json.
//
// What goes in, and how:
//  - a grant in progress or completed, with a published amount and a contract date with a day, is
//    a 360Giving grant: id "360G-ashyq-<grant id>", funded by the grant operator, received by the
//    grantee, currency from site.toml (KZT), awardDate the contract date, plannedDates and
//    actualDates as precise as the record, a beneficiary location per region (country KZ), and
//    regrantType FRG010 ("Common Regrant") when the grant carries a sub-grant programme;
//  - a sub-grant with a full award date is a grant of its own, id "360G-ashyq-<grant id>-<sub-grant
//    id>", whose funding organisation is the re-granting NGO (the parent's grantee). A private
//    person is a recipientIndividual and an initiative group or NGO a recipientOrganization; a
//    person's or group's name is given only with consent, as on the pages, otherwise the generic
//    "Individual"/"Initiative group" label of the portal's default language stands in;
//  - everything else is left out, with the reason (giving360_omitted(), counted per reason by
//    giving360_summary()); the export never invents an amount or a date. The records left out
//    are listed in full in data/360giving-omitted.csv and .json (tables.h).
// Organisation ids: "KZ-BIN-<12 digits>" (the org-id.guide list for Kazakhstan's Business
// Identification Number) when the organisation's BIN is known, else "360G-ashyq-org-<id>". The
// "360G-ashyq" prefix is the portal's own and is not registered with 360Giving. Texts are in the
// portal's default language (the first in site.toml), falling back to the other language.
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "i18n/ui_strings.h"
#include "model/model.h"
#include "model/portal_index.h"

namespace ashyq::opendata {

enum class OmissionReason { not_awarded, no_amount, no_award_date };
// Every reason, in the order the data page and the docs give them.
inline constexpr std::array<OmissionReason, 3> kOmissionReasons = {
    OmissionReason::not_awarded, OmissionReason::no_amount, OmissionReason::no_award_date};
// "not_awarded", "no_amount", "no_award_date": the UI-string key under export.omitted, and the
// value of the `reason` column of data/360giving-omitted (tables.h).
const char* omission_key(OmissionReason reason);

struct OmittedRecord {
  std::size_t grant = 0;                // index into Portal::grants
  std::optional<std::size_t> subgrant;  // index into its sub-grants, for a sub-grant
  OmissionReason reason = OmissionReason::not_awarded;
};

// How many grants and sub-grants are left out for one reason.
struct OmissionCount {
  std::int64_t grants = 0, subgrants = 0;
  bool operator==(const OmissionCount&) const = default;
};

// What the export holds, without building it: for the data page and for deciding whether
// data/360giving.json is written at all. Counts only, so that it stays a few bytes at any scale:
// at national scale the omitted records run to hundreds of thousands (synthetic sub-grants
// without a full award date), and the records themselves come a grant at a time from
// giving360_omitted().
struct Giving360Summary {
  std::int64_t grants = 0, subgrants = 0;  // records exported
  // Records left out, indexed by OmissionReason.
  std::array<OmissionCount, kOmissionReasons.size()> omitted{};
  const OmissionCount& omitted_for(OmissionReason reason) const {
    return omitted[static_cast<std::size_t>(reason)];
  }
  std::int64_t omitted_records() const {
    std::int64_t n = 0;
    for (const OmissionCount& c : omitted) n += c.grants + c.subgrants;
    return n;
  }
  bool empty() const { return grants == 0 && subgrants == 0; }
};
Giving360Summary giving360_summary(const Portal& portal);

// Appends to `out` the records of Portal::grants[grant] that the export leaves out: the grant
// itself, then its sub-grants in record order, each with its reason. Over every grant in order,
// this is every omitted record in package order, the records giving360_summary() counts.
void giving360_omitted(const Portal& portal, std::size_t grant, std::vector<OmittedRecord>& out);

// Each exported record (a 360Giving grant object) in package order: grant order, each grant before
// its sub-grants. One record is built at a time, so that at national scale (a million records) the
// package is never held whole.
void for_each_giving360_record(const Portal& portal, const i18n::UiStrings& strings,
                               const std::function<void(const nlohmann::ordered_json&)>& record);
// The package's members after "grants": {"version": "1.4", "title", "description", "publisher"}.
nlohmann::ordered_json giving360_metadata(const Portal& portal);

// The text of the package {"grants": [records…], metadata…}, exactly what ordered_json::dump(1)
// and a final newline give for the whole document, appended a record at a time. The package has no
// "grants" member at all when nothing can be exported (the schema asks for at least one grant); the
// build then writes no file (giving360_summary().empty()). Throws nlohmann::json::type_error, as
// dump() does, on a text that is not UTF-8: a programming error, since the loader rejects every
// input that is not UTF-8, so no caller handles it.
void write_giving360(const Portal& portal, const i18n::UiStrings& strings,
                     const std::function<void(std::string_view)>& append);

}  // namespace ashyq::opendata
