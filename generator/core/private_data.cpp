#include "core/private_data.h"

#include <algorithm>
#include <cctype>

namespace ashyq {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "+7 702 289 19 84", "8 (702) 289-19-84" and "7022891984" are one number: its last ten digits.
std::string phone_key(std::string_view match) {
  std::string digits;
  for (char c : match)
    if (is_digit(c)) digits += c;
  return digits.size() > 10 ? digits.substr(digits.size() - 10) : digits;
}

std::string email_key(std::string_view address) {
  std::string out(address);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

std::size_t PublicContacts::declare(std::string_view text) {
  std::size_t found = 0;
  for (const PrivateDataHit& hit : find_private_data(text)) {
    if (hit.kind == PrivateDataHit::phone) {
      phones_.insert(phone_key(hit.match));
      ++found;
    } else if (hit.kind == PrivateDataHit::email) {
      emails_.insert(email_key(hit.match));
      ++found;
    }
  }
  return found;
}

bool PublicContacts::allows(const PrivateDataHit& hit) const {
  switch (hit.kind) {
    case PrivateDataHit::phone:
      return phones_.count(phone_key(hit.match)) > 0;
    case PrivateDataHit::email:
      return allows_email(hit.match);
    default:
      return false;
  }
}

bool PublicContacts::allows_email(std::string_view address) const {
  return emails_.count(email_key(address)) > 0;
}

std::vector<PrivateDataHit> find_private_data(std::string_view text) {
  std::vector<PrivateDataHit> hits;
  // Phones: a run of digits broken only by spaces, dashes, dots or brackets, optionally after "+".
  for (std::size_t i = 0; i < text.size();) {
    if (!(is_digit(text[i]) || (text[i] == '+' && i + 1 < text.size()))) {
      ++i;
      continue;
    }
    if (i > 0 && (is_digit(text[i - 1]) || std::isalpha(static_cast<unsigned char>(text[i - 1])))) {
      ++i;
      continue;
    }
    std::size_t j = i + (text[i] == '+' ? 1 : 0);
    std::string digits;
    std::size_t last_digit = j;
    while (j < text.size()) {
      const char c = text[j];
      if (is_digit(c)) {
        digits += c;
        last_digit = j;
      } else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || c == '.')) {
        break;
      }
      if (digits.size() > 11) break;
      ++j;
    }
    const bool phone =
        (digits.size() == 11 && (digits[0] == '7' || digits[0] == '8') && digits[1] == '7') ||
        (digits.size() == 10 && digits[0] == '7' && text[i] != '+');
    const bool ends_clean = last_digit + 1 >= text.size() || !is_digit(text[last_digit + 1]);
    if (phone && ends_clean && digits.size() <= 11) {
      hits.push_back({PrivateDataHit::phone, i, std::string(text.substr(i, last_digit + 1 - i))});
      i = last_digit + 1;
    } else {
      i = std::max(j, i + 1);
    }
  }
  // E-mail: local@domain.tld
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    auto word = [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' ||
             c == '+';
    };
    std::size_t start = at, end = at + 1;
    while (start > 0 && word(text[start - 1])) --start;
    while (end < text.size() && word(text[end])) ++end;
    // A full stop after the address ends the sentence, not the domain.
    while (end > at + 1 && text[end - 1] == '.') --end;
    const std::string_view domain = text.substr(at + 1, end - at - 1);
    if (start < at && domain.find('.') != std::string_view::npos && domain.back() != '.')
      hits.push_back({PrivateDataHit::email, start, std::string(text.substr(start, end - start))});
  }
  // Flat numbers: "55 кв", "кв. 55", "пәтер 12", "квартира 3".
  static const std::string_view kFlatWords[] = {"квартира", "кв.", "кв ", "пәтер"};
  for (std::string_view word : kFlatWords) {
    for (std::size_t pos = text.find(word); pos != std::string_view::npos;
         pos = text.find(word, pos + 1)) {
      if (pos > 0 && !(text[pos - 1] == ' ' || is_digit(text[pos - 1]) || text[pos - 1] == ','))
        continue;
      std::size_t before = pos;
      while (before > 0 && text[before - 1] == ' ') --before;
      const bool number_before = before > 0 && is_digit(text[before - 1]);
      std::size_t after = pos + word.size();
      while (after < text.size() && (text[after] == ' ' || text[after] == '.')) ++after;
      const bool number_after = after < text.size() && is_digit(text[after]);
      // "45 кв. м" / "120 кв.м" is an area (office rent in a budget), not a flat number.
      if ((word == "кв." || word == "кв ") && text.substr(after).starts_with("м")) continue;
      if (!number_before && !number_after) continue;
      std::size_t start = before;
      while (start > 0 && is_digit(text[start - 1])) --start;
      std::size_t end = after;
      while (end < text.size() && is_digit(text[end])) ++end;
      if (!number_after) end = pos + word.size();
      if (!number_before) start = pos;
      hits.push_back(
          {PrivateDataHit::home_address, start, std::string(text.substr(start, end - start))});
    }
  }
  return hits;
}

bool is_single_contact(std::string_view text, PrivateDataHit::Kind kind) {
  const auto hits = find_private_data(text);
  return hits.size() == 1 && hits[0].kind == kind && hits[0].match.size() == text.size();
}

bool has_phone(std::string_view text) {
  for (const PrivateDataHit& hit : find_private_data(text))
    if (hit.kind == PrivateDataHit::phone) return true;
  return false;
}

}  // namespace ashyq
