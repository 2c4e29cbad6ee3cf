#pragma once
// The JSON form of typed views. A view is a struct made for one template that names its members
// with fields() (render/view_data.h turns it into the template's data). The same fields() give it
// a JSON form with the same names, an empty optional as null, which is how tests read views. Pages
// never go through it: the renderer takes the typed view itself.
#include <optional>

#include <nlohmann/json.hpp>

namespace ashyq::views {

struct JsonFields {
  nlohmann::json& out;
  template <class T>
  void operator()(const char* name, const T& value) {
    out[name] = value;
  }
};

template <class T>
concept HasFields = requires(const T& view, JsonFields& writer) {
  view.fields(writer);
};

template <HasFields T>
void to_json(nlohmann::json& out, const T& view) {
  out = nlohmann::json::object();
  JsonFields writer{out};
  view.fields(writer);
}

}  // namespace ashyq::views

// nlohmann::json has no std::optional before 3.11.3: an empty one is null.
namespace nlohmann {
template <class T>
struct adl_serializer<std::optional<T>> {
  static void to_json(json& out, const std::optional<T>& value) {
    if (value)
      out = *value;
    else
      out = nullptr;
  }
};
}  // namespace nlohmann
