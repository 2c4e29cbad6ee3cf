#pragma once
// What every validation rule shares: reporting at a JSON pointer of one record's file, and the
// checks that read all texts of a record (a language missing, private contact data).
#include <string>

#include "content/json_decoder.h"
#include "content/loader.h"
#include "core/diagnostics.h"
#include "core/lang.h"
#include "core/money.h"
#include "core/private_data.h"
#include "model/model.h"

namespace ashyq {

// Whether a reference names a record: one the portal has, or one that failed to load, whose
// findings are the loader's (a reference to it is no finding of its own: "unknown organisation"
// would be false). When regions.json or directions.json had a load error, every region or
// direction reference counts as known.
struct References {
  const Portal& portal;
  const LoadFailures& failed;

  bool organisation(const std::string& id) const {
    return portal.find_organisation(id) || failed.organisations.count(id);
  }
  bool region(const std::string& id) const { return failed.regions || portal.find_region(id); }
  bool direction(const std::string& id) const {
    return failed.directions || portal.find_direction(id);
  }
};

// Reports findings at pointers of the file `source` describes, with its line and column.
class Reporter {
 public:
  Reporter(const SourceMap& source, Diagnostics& diagnostics)
      : locator_(source), diagnostics_(diagnostics) {}
  void error(const std::string& pointer, std::string message);
  void warning(const std::string& pointer, std::string message);

 private:
  SourceLocator locator_;  // reads the record's positions once, at its first finding
  Diagnostics& diagnostics_;
};

// An error at `pointer`/end when `range` ends before it starts.
void check_range(Reporter& report, const std::string& pointer,
                 const std::optional<DateRange>& range);

// Money in findings: grouped like the Russian pages ("10 125 000"), without the currency sign.
std::string money_text(Tenge amount);
// "Kazakh (kk)", "Russian (ru)".
std::string lang_name(Lang lang);
// "phone number \"…\"", "e-mail address \"…\"", "home address \"…\"".
std::string describe_private_data(const PrivateDataHit& hit);
// The privacy error for contact data a text must not hold: what it is and what would be right.
std::string privacy_error(const PrivateDataHit& hit);

// Every public contact (phone, e-mail) the portal's organisations declare in their records. Here,
// with what the rules share, so that the plan rules need not include the portal's (validator.h),
// which call them.
// With `failed`, also every phone and e-mail in the organisation files that failed to load: one of
// them may be declared, and a cross-record rule reports nothing it cannot know.
PublicContacts declared_contacts(const Portal& portal, const LoadFailures& failed = {});

// An error at every value of the record still to fill (core/placeholder.h), saying what to write:
// a record's texts and figures are published and exported as reported, so a placeholder is never
// published in their place.
void check_placeholders(const SourceMap& source, Reporter& report);

// Warns about every text of the record that has one language but not the other.
void check_texts(const SourceMap& source, Reporter& report);
// Fails on every phone and e-mail in the record's texts and strings that no organisation declared
// as its public contact, and on every home address (flat number).
void check_privacy(const SourceMap& source, Reporter& report, const PublicContacts& contacts);

}  // namespace ashyq
