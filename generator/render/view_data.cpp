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

}  // namespace detail

}  // namespace ashyq::render
