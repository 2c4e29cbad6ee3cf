#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "validate/validator.h"

namespace ashyq {
namespace {

// Hits as "kind@offset:match", joined by " | ", so one string compares all of them.
std::string describe(const std::vector<PrivateDataHit>& hits) {
  std::string out;
  for (const PrivateDataHit& hit : hits) {
    if (!out.empty()) out += " | ";
    out += hit.kind == PrivateDataHit::phone   ? "phone"
           : hit.kind == PrivateDataHit::email ? "email"
                                               : "address";
    out += "@" + std::to_string(hit.offset) + ":" + hit.match;
  }
  return out;
}

struct PrivateDataCase {
  std::string_view text;
  std::string_view hits;
};

template <std::size_t N>
void check_private_data(const PrivateDataCase (&cases)[N]) {
  for (const PrivateDataCase& c : cases) {
    INFO('"' << c.text << '"');
    CHECK(describe(find_private_data(c.text)) == c.hits);
  }
}

// Every Kazakhstani number in full form, +7 or 8 then 7xx and seven digits, is a phone whatever the
// separators. That includes landlines such as "8 (7292) 303784" (Aktau): by its digits a city
// landline cannot be told from a mobile, and a private home landline is as private as a mobile.
// An organisation's own published landline is declared in its record ("phone") and then allowed.
TEST_CASE("Kazakhstani phone numbers are found in every usual format") {
  static const PrivateDataCase kCases[] = {
      {"+7 702 289 19 84", "phone@0:+7 702 289 19 84"},
      {"+ 7708 157 94 81", "phone@0:+ 7708 157 94 81"},
      {"87023233790", "phone@0:87023233790"},
      {"8 (7292) 303784", "phone@0:8 (7292) 303784"},
      {"+7 (702) 289-19-84", "phone@0:+7 (702) 289-19-84"},
      {"8-702-289-19-84", "phone@0:8-702-289-19-84"},
      {"+77022891984", "phone@0:+77022891984"},
      {"7022891984", "phone@0:7022891984"},
      {"Тел.: 8 701 111 22 33, 8 702 444 55 66.",
       "phone@9:8 701 111 22 33 | phone@26:8 702 444 55 66"},
      {"Байланыс: +7 702 289 19 84 (Айгерім)", "phone@18:+7 702 289 19 84"},
  };
  check_private_data(kCases);
}

TEST_CASE("E-mail addresses and flat numbers of home addresses are found") {
  static const PrivateDataCase kCases[] = {
      {"aigerim.n@mail.ru", "email@0:aigerim.n@mail.ru"},
      {"Жазыңыз: aigerim_n+grant@gmail.com", "email@16:aigerim_n+grant@gmail.com"},
      {"Пишите на aigerim@mail.ru.", "email@18:aigerim@mail.ru"},  // full stop ends the sentence
      {"(info@cisc.kz)", "email@1:info@cisc.kz"},
      {"55 кв.", "address@0:55 кв."},
      {"кв. 12", "address@0:кв. 12"},
      {"кв 12", "address@0:кв 12"},
      {"пәтер 3", "address@0:пәтер 3"},
      {"квартира 3", "address@0:квартира 3"},
      {"ул. Абая 10, кв. 55", "address@19:кв. 55"},
      {"Абай даңғылы 10, 12 пәтер", "address@28:12 пәтер"},
  };
  check_private_data(kCases);
}

// Amounts, dates, BINs and IINs (12 digits) and short numbers are never phones; "кв." followed by
// "м" is square metres (office rent in a budget), not a flat number.
TEST_CASE("Amounts, dates, BINs and areas are not taken for private data") {
  static const PrivateDataCase kCases[] = {
      {"10 125 000", ""},
      {"10 125 000 ₸", ""},
      {"2024-04-30", ""},
      {"30.04.2024", ""},
      {"051140010597", ""},  // a BIN
      {"БСН 051140010597", ""},
      {"870101300123", ""},  // an IIN that starts like a phone
      {"399 826", ""},
      {"87 500 000 тг", ""},
      {"2023 2024 2025", ""},
      {"+7", ""},
      {"@ashyq_kz", ""},
      {"user@localhost", ""},
      {"квартал 5", ""},
      {"Аренда офиса 45 кв. м", ""},
      {"120 кв.м", ""},
      {"кв. м 120", ""},
      {"", ""},
  };
  check_private_data(kCases);
}

// The privacy gate allows an organisation's declared contacts wherever they are written, however
// they are written, and nothing else.
TEST_CASE("A declared phone or e-mail is allowed in any spelling, and nothing else is") {
  PublicContacts contacts;
  CHECK(contacts.declare("8 (7292) 303784") == 1);
  CHECK(contacts.declare("Office@Fund.example.kz") == 1);
  CHECK(contacts.declare("кв. 12") == 0);  // a home address is never a contact
  static const PrivateDataCase kAllowed[] = {
      {"+7 7292 30 37 84", ""},       {"87292303784", ""},
      {"8-7292-30-37-84", ""},        {"7292303784", ""},
      {"office@fund.example.kz", ""}, {"OFFICE@FUND.EXAMPLE.KZ", ""},
  };
  for (const PrivateDataCase& c : kAllowed) {
    INFO(c.text);
    const auto hits = find_private_data(c.text);
    REQUIRE(hits.size() == 1);
    CHECK(contacts.allows(hits[0]));
  }
  for (std::string_view text : {"+7 702 289 19 84", "8 7292 303785", "office@fund.example.org",
                                "info@fund.example.kz", "кв. 12"}) {
    INFO(text);
    const auto hits = find_private_data(text);
    REQUIRE(hits.size() == 1);
    CHECK(!contacts.allows(hits[0]));
  }
  CHECK(!PublicContacts().allows_email("office@fund.example.kz"));
}

}  // namespace
}  // namespace ashyq
