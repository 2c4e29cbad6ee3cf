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
//  - everything else is left out and listed in `omitted` with the reason: the export never
//    invents an amount or a date.
// Organisation ids: "KZ-BIN-<12 digits>" (the org-id.guide list for Kazakhstan's Business
// Identification Number) when the organisation's BIN is known, else "360G-ashyq-org-<id>". The
// "360G-ashyq" prefix is the portal's own and is not registered with 360Giving. Texts are in the
// portal's default language (the first in site.toml), falling back to the other language.
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
// "not_awarded", "no_amount", "no_award_date": the UI-string key under export.omitted.
const char* omission_key(OmissionReason reason);

struct OmittedRecord {
  std::size_t grant = 0;                // index into Portal::grants
  std::optional<std::size_t> subgrant;  // index into its sub-grants, for a sub-grant
  OmissionReason reason = OmissionReason::not_awarded;
};

// What the export holds, without building it: for the data page and for deciding whether
// data/360giving.json is written at all.
struct Giving360Summary {
  std::int64_t grants = 0, subgrants = 0;  // records exported
  std::vector<OmittedRecord> omitted;      // in grant order, each grant before its sub-grants
  bool empty() const { return grants == 0 && subgrants == 0; }
};
Giving360Summary giving360_summary(const Portal& portal);

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
// dump() does, on a text that is not UTF-8.
void write_giving360(const Portal& portal, const i18n::UiStrings& strings,
                     const std::function<void(std::string_view)>& append);

}  // namespace ashyq::opendata
