#pragma once
// Private contact data in free text: what the privacy warnings look for. In core because two stages
// need it: load keeps only the texts a privacy check could report on, and validate reports them.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ashyq {

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
