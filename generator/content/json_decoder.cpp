#include "content/json_decoder.h"

#include <cmath>

#include "content/json_positions.h"
#include "core/file_io.h"
#include "core/placeholder.h"
#include "core/private_data.h"

namespace ashyq {

SourceLocation SourceLocator::at(const std::string& pointer) const {
  const SourceMap& source = *source_;
  const SourcePositions::Table* table = &source.positions.table();
  if (table->empty() && !source.positions.path().empty()) {
    if (!from_disk_) {
      // The loader read and checked this file before; read again, it is the same well-formed JSON
      // unless it was edited meanwhile, in which case positions may be off but nothing breaks.
      auto text = read_file(source.positions.path());
      from_disk_ = text ? index_json_positions(*text) : SourcePositions::Table{};
    }
    table = &*from_disk_;
  }
  std::string p = pointer;
  while (true) {
    auto it = table->find(p);
    if (it != table->end()) return {source.file, it->second.first, it->second.second};
    if (p.empty()) return {source.file, 1, 1};
    p.erase(p.rfind('/'));
  }
}

SourceLocation locate(const SourceMap& source, const std::string& pointer) {
  return SourceLocator(source).at(pointer);
}

bool needs_text_check(const LocalizedText& text) {
  if (text.has(Lang::kk) != text.has(Lang::ru)) return true;
  return needs_string_check(text.in(Lang::kk)) || needs_string_check(text.in(Lang::ru));
}

bool needs_string_check(std::string_view text) { return !find_private_data(text).empty(); }

SourceLocation JsonDecoder::at(const std::string& pointer) const { return locator_.at(pointer); }

void JsonDecoder::error(const std::string& pointer, std::string message) {
  ++errors_;
  diagnostics_.error(at(pointer), pointer.empty() ? "/" : pointer, std::move(message));
}

void JsonDecoder::warning(const std::string& pointer, std::string message) {
  diagnostics_.warning(at(pointer), pointer.empty() ? "/" : pointer, std::move(message));
}

std::string describe_json(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null:
      return "null";
    case nlohmann::json::value_t::object:
      return "an object";
    case nlohmann::json::value_t::array:
      return "an array";
    case nlohmann::json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case nlohmann::json::value_t::string: {
      std::string s = value.get<std::string>();
      if (s.size() > 40) {
        // Cut on a character boundary: half of a Cyrillic letter would make the message itself
        // malformed UTF-8.
        std::size_t cut = 37;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
        s = s.substr(0, cut) + "...";
      }
      return "string \"" + s + "\"";
    }
    default:
      return "number " + value.dump();
  }
}

bool is_slug(std::string_view text) {
  if (text.empty() || text.front() == '-' || text.back() == '-') return false;
  char previous = '\0';
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

ObjectReader::ObjectReader(JsonDecoder& decoder, const nlohmann::json& node, std::string pointer,
                           std::initializer_list<std::string_view> allowed)
    : decoder_(decoder), pointer_(std::move(pointer)) {
  if (!node.is_object()) {
    decoder_.error(pointer_, "expected an object, found " + describe_json(node));
    return;
  }
  object_ = &node;
  for (std::string_view name : allowed) decoder_.accept(pointer_, name);
  for (const auto& [key, value] : node.items()) {
    bool known = false;
    for (std::string_view name : allowed) known = known || name == key;
    if (known) continue;
    std::string expected;
    for (std::string_view name : allowed)
      expected += (expected.empty() ? "" : ", ") + std::string(name);
    decoder_.error(child(key), "unknown field \"" + key + "\"; expected one of: " + expected);
  }
}

std::string ObjectReader::child(std::string_view key) const {
  return pointer_ + "/" + json_pointer_escape(key);
}

bool ObjectReader::has(std::string_view key) const {
  return object_ && object_->contains(std::string(key));
}

const nlohmann::json* ObjectReader::member(std::string_view key, bool required,
                                           std::string_view expected) {
  if (!object_) return nullptr;
  auto it = object_->find(std::string(key));
  if (it == object_->end()) {
    if (required)
      decoder_.error(child(key), "missing required field \"" + std::string(key) + "\" (" +
                                     std::string(expected) + ")");
    return nullptr;
  }
  // A value still to fill reads as not given; validation reports it, in place of the missing
  // field's or the wrong type's finding.
  if (it->is_string() && is_placeholder(it->get_ref<const std::string&>())) {
    decoder_.source().placeholders.emplace_back(
        child(key), placeholder_hint(it->get_ref<const std::string&>()));
    return nullptr;
  }
  return &*it;
}

void ObjectReader::type_error(std::string_view key, std::string_view expected,
                              const nlohmann::json& found) {
  decoder_.error(child(key),
                 "expected " + std::string(expected) + ", found " + describe_json(found));
}

std::string ObjectReader::string(std::string_view key, bool required) {
  const nlohmann::json* node = member(key, required, "a string");
  if (!node) return {};
  if (!node->is_string()) {
    type_error(key, "a string", *node);
    return {};
  }
  std::string value = node->get<std::string>();
  if (value.empty() && required) decoder_.error(child(key), "must not be empty");
  if (needs_string_check(value)) decoder_.source().strings.emplace_back(child(key), value);
  return value;
}

std::string ObjectReader::slug(std::string_view key, bool required) {
  std::string value = string(key, required);
  if (!value.empty() && !is_slug(value)) {
    decoder_.error(child(key), "\"" + value +
                                   "\" is not a valid id; use lowercase ASCII letters, digits and "
                                   "single hyphens, e.g. \"rukhtan-2024-debate\"");
    return {};
  }
  return value;
}

LocalizedText read_text(JsonDecoder& decoder, const nlohmann::json& node,
                        const std::string& pointer) {
  LocalizedText text;
  if (!node.is_object()) {
    decoder.error(pointer,
                  "expected a text in both languages, {\"kk\": \"…\", \"ru\": \"…\"}, found " +
                      describe_json(node));
    return text;
  }
  for (Lang lang : kAllLangs) decoder.accept(pointer, lang_code(lang));
  for (const auto& [key, value] : node.items()) {
    const std::string child = pointer + "/" + json_pointer_escape(key);
    auto lang = parse_lang(key);
    if (!lang) {
      decoder.error(child, "unknown language \"" + key + "\"; expected \"kk\" or \"ru\"");
      continue;
    }
    if (!value.is_string()) {
      decoder.error(child, "expected a string, found " + describe_json(value));
      continue;
    }
    const auto& string = value.get_ref<const std::string&>();
    // A language still to fill keeps its placeholder as the text, so that the text is not also
    // reported as given in one language only.
    if (is_placeholder(string))
      decoder.source().placeholders.emplace_back(child, placeholder_hint(string));
    text.set(*lang, string);
    if (string.empty())
      decoder.error(child, "empty text; leave the language out when the source gives no text");
  }
  if (node.empty()) decoder.error(pointer, "a text needs at least one language, \"kk\" or \"ru\"");
  if (needs_text_check(text)) decoder.source().texts.emplace_back(pointer, text);
  return text;
}

LocalizedText ObjectReader::text(std::string_view key, bool required) {
  const nlohmann::json* node = member(key, required, "a text {\"kk\": …, \"ru\": …}");
  if (!node) return {};
  return read_text(decoder_, *node, child(key));
}

std::vector<LocalizedText> ObjectReader::text_list(std::string_view key) {
  std::vector<LocalizedText> out;
  array(key, [&](const nlohmann::json& item, const std::string& pointer) {
    out.push_back(read_text(decoder_, item, pointer));
  });
  return out;
}

std::vector<std::string> ObjectReader::slug_list(std::string_view key) {
  std::vector<std::string> out;
  array(key, [&](const nlohmann::json& item, const std::string& pointer) {
    if (item.is_string() && is_placeholder(item.get_ref<const std::string&>())) {
      decoder_.source().placeholders.emplace_back(
          pointer, placeholder_hint(item.get_ref<const std::string&>()));
      out.emplace_back();
      return;
    }
    if (!item.is_string() || !is_slug(item.get<std::string>())) {
      decoder_.error(pointer, "expected an id (lowercase ASCII letters, digits, hyphens), found " +
                                  describe_json(item));
      out.emplace_back();  // keeps indices aligned with the JSON array for later findings
      return;
    }
    out.push_back(item.get<std::string>());
  });
  return out;
}

std::optional<Tenge> ObjectReader::money(std::string_view key, bool required, bool allow_null) {
  const nlohmann::json* node = member(key, required, "whole tenge as an integer");
  if (!node) return std::nullopt;
  if (node->is_null() && allow_null) return std::nullopt;
  if (!node->is_number_integer() || (node->is_number_integer() && node->get<std::int64_t>() < 0)) {
    type_error(key,
               allow_null
                   ? "a non-negative whole number of tenge without separators, e.g. "
                     "10125000, or null for an empty cell"
                   : "a non-negative whole number of tenge without separators, e.g. 10125000",
               *node);
    return std::nullopt;
  }
  return Tenge(node->get<std::int64_t>());
}

std::optional<Lang> ObjectReader::language(std::string_view key) {
  const nlohmann::json* node = member(key, false, "a language code");
  if (!node) return std::nullopt;
  if (node->is_string())
    if (auto lang = parse_lang(node->get<std::string>())) return lang;
  type_error(key,
             "the language the source document is written in, \"kk\" (Kazakh) or \"ru\" "
             "(Russian)",
             *node);
  return std::nullopt;
}

std::optional<std::int64_t> ObjectReader::count(std::string_view key, bool required,
                                                bool allow_null) {
  const nlohmann::json* node = member(key, required, "a count");
  if (!node) return std::nullopt;
  if (node->is_null() && allow_null) return std::nullopt;
  if (!node->is_number_integer() || node->get<std::int64_t>() < 0) {
    type_error(
        key,
        allow_null ? "a non-negative integer, or null for an empty cell" : "a non-negative integer",
        *node);
    return std::nullopt;
  }
  return node->get<std::int64_t>();
}

std::optional<double> ObjectReader::number(std::string_view key, bool required) {
  const nlohmann::json* node = member(key, required, "a number");
  if (!node) return std::nullopt;
  if (!node->is_number()) {
    type_error(key, "a number", *node);
    return std::nullopt;
  }
  return node->get<double>();
}

std::optional<Quantity> ObjectReader::quantity(std::string_view key) {
  const nlohmann::json* node = member(key, false, "a quantity");
  if (!node) return std::nullopt;
  if (node->is_number_integer() && node->get<std::int64_t>() >= 0)
    return Quantity{node->get<std::int64_t>() * 1000};
  if (node->is_number_float()) {
    const double scaled = node->get<double>() * 1000.0;
    const double rounded = std::round(scaled);
    if (scaled >= 0 && std::fabs(scaled - rounded) < 1e-6)
      return Quantity{static_cast<std::int64_t>(rounded)};
  }
  type_error(key, "a non-negative quantity with at most three decimals, e.g. 5 or 0.5", *node);
  return std::nullopt;
}

std::optional<bool> ObjectReader::boolean(std::string_view key) {
  const nlohmann::json* node = member(key, false, "true or false");
  if (!node) return std::nullopt;
  if (!node->is_boolean()) {
    type_error(key, "true or false", *node);
    return std::nullopt;
  }
  return node->get<bool>();
}

std::optional<PartialDate> ObjectReader::date(std::string_view key, bool required) {
  const nlohmann::json* node = member(key, required, "a date");
  if (!node) return std::nullopt;
  if (node->is_string()) {
    if (auto date = PartialDate::parse(node->get<std::string>())) return date;
  }
  type_error(key, "a date YYYY, YYYY-MM or YYYY-MM-DD (as precise as the source), e.g. \"2024-04\"",
             *node);
  return std::nullopt;
}

std::optional<DateRange> ObjectReader::range(std::string_view key, bool required) {
  const nlohmann::json* node = member(key, required, "a date or {\"start\", \"end\"}");
  if (!node) return std::nullopt;
  if (node->is_string()) {
    if (auto date = PartialDate::parse(node->get<std::string>()))
      return DateRange{*date, std::nullopt};
    type_error(key, "a date YYYY, YYYY-MM or YYYY-MM-DD, or {\"start\": …, \"end\": …}", *node);
    return std::nullopt;
  }
  ObjectReader inner(decoder_, *node, child(key), {"start", "end"});
  if (!inner.valid()) return std::nullopt;
  auto start = inner.date("start", true);
  auto end = inner.date("end");
  if (!start) return std::nullopt;
  return DateRange{*start, end};  // an end before the start is validation's (check_range)
}

const nlohmann::json* ObjectReader::object(std::string_view key, bool required) {
  const nlohmann::json* node = member(key, required, "an object");
  if (!node) return nullptr;
  if (!node->is_object()) {
    type_error(key, "an object", *node);
    return nullptr;
  }
  return node;
}

}  // namespace ashyq
