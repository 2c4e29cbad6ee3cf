#pragma once
// workbook: the drop-down lists of a grant's workbook, from the site (regions, directions,
// organisations) and from the schema's fixed lists, each code with its name in both languages.
#include <vector>

#include "i18n/ui_strings.h"
#include "model/model.h"
#include "workbook/grant_form.h"

namespace ashyq::workbook {

// Every list a field of grant_sheets() names, in the order the fields first name them.
std::vector<List> grant_lists(const Portal& portal, const i18n::UiStrings& strings);

}  // namespace ashyq::workbook
