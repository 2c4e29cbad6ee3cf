#pragma once
// validate: every rule that judges the loaded portal, in one place. Each finding names the file,
// line, column and field and says what would be right. Errors fail the build; warnings do not.
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "model/model.h"

namespace ashyq {

void validate_portal(const Portal& portal, Diagnostics& diagnostics);

// True for an absolute http:// or https:// URL with a host and no spaces or control characters.
bool is_web_url(std::string_view url);

// Private contact data found in a text, for the privacy warnings.
struct PrivateDataHit {
  enum Kind { phone, email, home_address } kind;
  std::size_t offset;  // byte offset in the text
  std::string match;   // the matched text, for the message
};
// Kazakh phone numbers (+7 7xx …, 8 7xx …, 87xxxxxxxxx, with spaces, dashes or brackets), e-mail
// addresses, and flat numbers of home addresses ("55 кв.", "кв. 55", "пәтер 12", "квартира 3").
std::vector<PrivateDataHit> find_private_data(std::string_view text);

}  // namespace ashyq
