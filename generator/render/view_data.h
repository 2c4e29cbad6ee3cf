#pragma once
// render: typed views turned into Mustache data, in one place.
//
// A view is a struct made for one template. It names its members for the template with
//
//   template <class F> void fields(F& f) const { f("title", title); f("grants", grants); }
//
// and to_view_data converts it. A member may be:
//   std::string, const char*  text; an empty text is false in sections, as in mustache.js, so
//                             {{#website}}<a href="{{website}}">{{/website}} emits no empty link;
//   bool;
//   an integer                printed in decimal;
//   std::optional<T>          T, or false when empty;
//   std::vector<T>            a list; the object also gets `has_<name>`, true when the list is not
//                             empty, for markup that wraps a list (<ul>, a table);
//   another view              an object.
// Every member is always present (false when empty), so a template never takes a value of the
// same name from an enclosing view by accident.
#include <concepts>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <kainjow/mustache.hpp>

namespace ashyq::render {

using MustacheData = kainjow::mustache::data;

// A view converted for the renderer: a Mustache object.
class ViewData {
 public:
  ViewData();  // an empty object
  explicit ViewData(MustacheData data);
  ~ViewData();
  ViewData(ViewData&&) noexcept;
  ViewData& operator=(ViewData&&) noexcept;

  const MustacheData& data() const { return *data_; }
  // Sets member `name` (the layout's body, a part rendered separately).
  void set(const std::string& name, const std::string& text);
  void set(const std::string& name, bool value);

 private:
  std::unique_ptr<MustacheData> data_;
};

namespace detail {

// Inserts member `name` and returns it, to be assigned in place: kainjow's data offers only
// copying setters, and a copy of an object or list is deep.
MustacheData& member_slot(MustacheData& object, const std::string& name);

MustacheData convert(const std::string& text);
MustacheData convert(std::string_view text);
MustacheData convert(const char* text);
MustacheData convert(bool value);
template <std::integral I>
requires(!std::same_as<I, bool>) MustacheData convert(I value);
template <class T>
MustacheData convert(const std::optional<T>& value);
template <class T>
MustacheData convert(const std::vector<T>& values);

template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};

// What a view's fields() calls for each member.
struct FieldWriter {
  MustacheData& object;
  template <class T>
  void operator()(const char* name, const T& value);
};

template <class T>
concept View = requires(const T& view, FieldWriter& writer) {
  view.fields(writer);
};

template <View T>
MustacheData convert(const T& view) {
  MustacheData out = MustacheData::type::object;
  FieldWriter writer{out};
  view.fields(writer);
  return out;
}

template <std::integral I>
requires(!std::same_as<I, bool>) MustacheData convert(I value) {
  return MustacheData(std::to_string(value));
}

template <class T>
MustacheData convert(const std::optional<T>& value) {
  if (!value) return MustacheData::type::bool_false;
  return convert(*value);
}

template <class T>
MustacheData convert(const std::vector<T>& values) {
  MustacheData out = MustacheData::type::list;
  // Sound: `out` is our own, never const; converted in place to avoid deep copies.
  auto& items = const_cast<kainjow::mustache::list&>(out.list_value());
  items.reserve(values.size());
  for (const T& value : values) items.emplace_back(convert(value));
  return out;
}

template <class T>
void FieldWriter::operator()(const char* name, const T& value) {
  member_slot(object, name) = convert(value);
  if constexpr (IsVector<T>::value)
    member_slot(object, std::string("has_") + name) = !value.empty();
}

}  // namespace detail

template <detail::View T>
ViewData to_view_data(const T& view) {
  return ViewData(detail::convert(view));
}

}  // namespace ashyq::render
