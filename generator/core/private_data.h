#pragma once
// Private contact data in free text: what the privacy gate looks for. In core because two stages
// need it: load keeps only the texts a privacy check could report on, and validate reports them.
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ashyq {

// Contact data found in a text, for the privacy gate.
struct PrivateDataHit {
  enum Kind { phone, email, home_address } kind;
  std::size_t offset;  // byte offset in the text
  std::string match;   // the matched text, for the message
};
// Kazakh phone numbers (+7 7xx …, 8 7xx …, 87xxxxxxxxx, with spaces, dashes or brackets), e-mail
// addresses, and flat numbers of home addresses ("55 кв.", "кв. 55", "пәтер 12", "квартира 3").
std::vector<PrivateDataHit> find_private_data(std::string_view text);

// A declared contact is one phone number or one e-mail address and nothing else, so that what a
// profile shows is exactly what texts are allowed to hold.
bool is_single_contact(std::string_view text, PrivateDataHit::Kind kind);
// True when `text` holds a phone number somewhere (an organisation's phone field may add words).
bool has_phone(std::string_view text);

// The phones and e-mails organisations declare as their own public contacts (their records'
// "phone", "email" and "public_contacts"): the only contact data a published text may hold. A
// phone matches whatever its separators and whether it starts +7, 8 or 7; an e-mail matches
// ignoring ASCII case. A home address never matches.
class PublicContacts {
 public:
  // Declares every phone and e-mail found in `text`; returns how many were found.
  std::size_t declare(std::string_view text);
  bool allows(const PrivateDataHit& hit) const;
  bool allows_email(std::string_view address) const;
  bool empty() const { return phones_.empty() && emails_.empty(); }

 private:
  std::set<std::string> phones_;  // the ten digits after the country code
  std::set<std::string> emails_;  // lowercased
};

}  // namespace ashyq
