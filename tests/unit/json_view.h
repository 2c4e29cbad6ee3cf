#pragma once
// Views written as JSON in tests, for the renderer: objects, lists, text (null and "" are false,
// as an empty member of a typed view), numbers as JSON prints them, and every list `x` of an object
// with `has_x` (unless the object has its own), as render/view_data.h gives a typed view's lists.
#include <nlohmann/json.hpp>

#include "render/view_data.h"

namespace ashyq::testing {

inline render::MustacheData json_data(const nlohmann::json& value) {
  using render::MustacheData;
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      MustacheData out = MustacheData::type::object;
      for (const auto& [k, v] : value.items()) {
        render::detail::member_slot(out, k) = json_data(v);
        if (v.is_array() && !value.contains("has_" + k))
          render::detail::member_slot(out, "has_" + k) = MustacheData(!v.empty());
      }
      return out;
    }
    case nlohmann::json::value_t::array: {
      MustacheData out = MustacheData::type::list;
      for (const auto& item : value) out.push_back(json_data(item));
      return out;
    }
    case nlohmann::json::value_t::string:
      return render::detail::convert(value.get<std::string>());
    case nlohmann::json::value_t::boolean:
      return render::detail::convert(value.get<bool>());
    case nlohmann::json::value_t::null:
      return MustacheData::type::bool_false;
    default:
      return MustacheData(value.dump());
  }
}

inline render::ViewData json_view(const nlohmann::json& value) {
  return render::ViewData(json_data(value));
}

}  // namespace ashyq::testing
