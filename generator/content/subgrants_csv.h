#pragma once
// Sub-grants given as a spreadsheet export, content/grants/<id>/subgrants.csv, beside grant.json.
//
// Format: UTF-8 (a BOM is accepted), comma-separated, RFC 4180 quoting (fields with commas, quotes
// or line breaks in double quotes, "" for a quote), CRLF or LF line ends, a header row naming the
// columns in any order. Columns:
//   id                 required  ASCII id, unique within the grant
//   recipient_kind     required  person | initiative_group | ngo
//   amount             required  whole tenge; spaces and no-break spaces as thousands separators
//   are
//                                accepted ("1 000 000"), nothing else (no decimals, no currency)
//   recipient_name_kk, recipient_name_ru   optional
//   name_consent       optional  yes | no | true | false | 1 | 0 (default no)
//   region             optional  region id
//   locality_kk, locality_ru, title_kk, title_ru   optional
//   status             optional  awarded | in_progress | completed | terminated (default awarded)
//   award_date         optional  YYYY-MM-DD, YYYY-MM or YYYY: when the sub-grant was awarded
// An unknown column, a missing required column, or a duplicate column is an error at the header.
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "model/model.h"

namespace ashyq {

// Parses the CSV text. Every malformed row gets an error naming `display_file`, the line (1-based,
// counting physical lines, so a quoted line break moves later rows down) and the column (1-based
// byte column where the bad field starts) and the column's name, saying what would be right; the
// bad row is skipped and every other row is kept. Blank lines are ignored.
std::vector<Subgrant> parse_subgrants_csv(std::string_view text, const std::string& display_file,
                                          Diagnostics& diagnostics);

}  // namespace ashyq
