#pragma once
// Typed reading of JSON records with findings that name file, line, column and JSON pointer. The
// decoder checks shape only (required fields, types, enum values, unknown fields, ASCII ids, date
// syntax); whether values agree with each other is validate's job.
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/diagnostics.h"
#include "core/lang.h"
#include "core/money.h"
#include "model/enum_names.h"
#include "model/model.h"

namespace ashyq {

// Finds where pointers of one record are. A pointer with no position of its own (a missing
// member) resolves to its nearest ancestor that has one, and to 1:1 at worst. When the record's
// positions were left on disk, the file is read and indexed once, at the first lookup, and kept
// for the locator's lifetime (one record's findings); a file that cannot be read again gives 1:1.
class SourceLocator {
 public:
  explicit SourceLocator(const SourceMap& source) : source_(&source) {}
  SourceLocation at(const std::string& pointer) const;

 private:
  const SourceMap* source_;
  mutable std::optional<SourcePositions::Table> from_disk_;
};

// Where `pointer` is in the file of `source` (SourceLocator::at, for a single lookup).
SourceLocation locate(const SourceMap& source, const std::string& pointer);

// Whether a per-record check will report on this text or string (validate/reporter.h: a text in
// one language only, possible private contact data), i.e. whether the loader keeps a copy of it in
// the record's SourceMap.
bool needs_text_check(const LocalizedText& text);
bool needs_string_check(std::string_view text);

class JsonDecoder {
 public:
  JsonDecoder(SourceMap& source, Diagnostics& diagnostics)
      : source_(source), locator_(source), diagnostics_(diagnostics) {}

  SourceLocation at(const std::string& pointer) const;
  void error(const std::string& pointer, std::string message);
  void warning(const std::string& pointer, std::string message);
  int errors() const { return errors_; }
  SourceMap& source() { return source_; }

  // For the test that holds the decoders against schemas/*.schema.json: from this call on, every
  // object read records the member names it accepts under its JSON pointer. Off in the build,
  // which then pays one test per object.
  void keep_accepted_members() { accepted_.emplace(); }
  using AcceptedMembers = std::map<std::string, std::set<std::string>>;
  // Pointer → accepted names; nullopt unless keep_accepted_members() was called.
  const std::optional<AcceptedMembers>& accepted_members() const { return accepted_; }
  void accept(const std::string& pointer, std::string_view name) {
    if (accepted_) (*accepted_)[pointer].emplace(name);
  }

 private:
  SourceMap& source_;
  SourceLocator locator_;
  Diagnostics& diagnostics_;
  int errors_ = 0;
  std::optional<AcceptedMembers> accepted_;
};

// Reads the members of one JSON object. Unknown members are reported once, when the reader is
// constructed, against the list of allowed names.
class ObjectReader {
 public:
  ObjectReader(JsonDecoder& decoder, const nlohmann::json& node, std::string pointer,
               std::initializer_list<std::string_view> allowed);

  bool valid() const { return object_ != nullptr; }
  const std::string& pointer() const { return pointer_; }
  std::string child(std::string_view key) const;
  bool has(std::string_view key) const;

  std::string string(std::string_view key, bool required = false);
  // An ASCII id: lowercase letters, digits and single hyphens.
  std::string slug(std::string_view key, bool required = false);
  LocalizedText text(std::string_view key, bool required = false);
  std::vector<LocalizedText> text_list(std::string_view key);
  std::vector<std::string> slug_list(std::string_view key);
  // `allow_null`: null stands for an empty cell in the source document.
  std::optional<Tenge> money(std::string_view key, bool required = false, bool allow_null = false);
  // A language code, "kk" or "ru" (anything else: an error and nullopt).
  std::optional<Lang> language(std::string_view key);
  // `allow_null`: null stands for an empty cell in the source document.
  std::optional<std::int64_t> count(std::string_view key, bool required = false,
                                    bool allow_null = false);
  std::optional<double> number(std::string_view key, bool required = false);
  std::optional<Quantity> quantity(std::string_view key);
  std::optional<bool> boolean(std::string_view key);
  std::optional<PartialDate> date(std::string_view key, bool required = false);
  std::optional<DateRange> range(std::string_view key, bool required = false);

  template <typename E>
  std::optional<E> enumeration(std::string_view key, const EnumTable<E>& table,
                               bool required = false) {
    const std::string name = string(key, required);
    if (name.empty()) return std::nullopt;
    for (const auto& [text, value] : table)
      if (text == name) return value;
    std::string expected;
    for (const auto& [text, value] : table)
      expected += (expected.empty() ? "" : ", ") + std::string(text);
    decoder_.error(child(key), "unknown value \"" + name + "\"; expected one of: " + expected);
    return std::nullopt;
  }

  // Calls `per_item(item, pointer)` for every element of the array `key` (absent: no calls;
  // not an array: an error).
  template <typename F>
  void array(std::string_view key, F&& per_item, bool required = false) {
    const nlohmann::json* node = member(key, required, "an array");
    if (!node) return;
    if (!node->is_array()) {
      type_error(key, "an array", *node);
      return;
    }
    for (std::size_t i = 0; i < node->size(); ++i)
      per_item((*node)[i], child(key) + "/" + std::to_string(i));
  }

  // The member `key` when it is an object (absent: nullptr; other type: an error and nullptr).
  const nlohmann::json* object(std::string_view key, bool required = false);

  JsonDecoder& decoder() { return decoder_; }

 private:
  const nlohmann::json* member(std::string_view key, bool required, std::string_view expected);
  void type_error(std::string_view key, std::string_view expected, const nlohmann::json& found);

  JsonDecoder& decoder_;
  const nlohmann::json* object_ = nullptr;
  std::string pointer_;
};

// Reads a localized text from any node (used for arrays of texts).
LocalizedText read_text(JsonDecoder& decoder, const nlohmann::json& node,
                        const std::string& pointer);

// What a JSON value is, for messages: `string "10 125 000"`, `number 1.5`, `an object`.
std::string describe_json(const nlohmann::json& value);

bool is_slug(std::string_view text);

}  // namespace ashyq
