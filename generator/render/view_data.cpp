#include "render/view_data.h"

namespace ashyq::render {

ViewData::ViewData() : data_(std::make_unique<MustacheData>(MustacheData::type::object)) {}
ViewData::ViewData(MustacheData data) : data_(std::make_unique<MustacheData>(std::move(data))) {}
ViewData::~ViewData() = default;
ViewData::ViewData(ViewData&&) noexcept = default;
ViewData& ViewData::operator=(ViewData&&) noexcept = default;

void ViewData::set(const std::string& name, const std::string& text) {
  detail::member_slot(*data_, name) = detail::convert(text);
}

void ViewData::set(const std::string& name, bool value) {
  detail::member_slot(*data_, name) = detail::convert(value);
}

namespace detail {

MustacheData& member_slot(MustacheData& object, const std::string& name) {
  object.set(name, MustacheData(false));
  // Sound: the data objects are our own, never const.
  return const_cast<MustacheData&>(*object.get(name));
}

MustacheData convert(const std::string& text) {
  if (text.empty()) return MustacheData::type::bool_false;
  return MustacheData(text);
}

MustacheData convert(std::string_view text) { return convert(std::string(text)); }

MustacheData convert(const char* text) { return convert(std::string(text)); }

MustacheData convert(bool value) {
  return value ? MustacheData::type::bool_true : MustacheData::type::bool_false;
}

MustacheData convert(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      MustacheData out = MustacheData::type::object;
      for (const auto& [k, v] : value.items()) {
        member_slot(out, k) = convert(v);
        if (v.is_array() && !value.contains("has_" + k))
          member_slot(out, "has_" + k) = MustacheData(!v.empty());
      }
      return out;
    }
    case nlohmann::json::value_t::array: {
      MustacheData out = MustacheData::type::list;
      auto& items = const_cast<kainjow::mustache::list&>(out.list_value());
      items.reserve(value.size());
      for (const auto& item : value) items.emplace_back(convert(item));
      return out;
    }
    case nlohmann::json::value_t::string:
      return convert(value.get_ref<const std::string&>());
    case nlohmann::json::value_t::boolean:
      return convert(value.get<bool>());
    case nlohmann::json::value_t::null:
      return MustacheData::type::bool_false;
    default:
      return MustacheData(value.dump());
  }
}

}  // namespace detail

ViewData from_json(const nlohmann::json& view) { return ViewData(detail::convert(view)); }

}  // namespace ashyq::render
