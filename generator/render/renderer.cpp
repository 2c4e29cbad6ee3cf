#include "render/renderer.h"

#include <algorithm>
#include <stdexcept>

#include <kainjow/mustache.hpp>

#include "core/file_io.h"

namespace ashyq::render {

namespace mstch = kainjow::mustache;

struct Renderer::Impl {
  std::map<std::string, mstch::mustache> templates;  // parsed once at load
  std::map<std::string, std::string> partials;       // partial name → text
};

Renderer::~Renderer() = default;

namespace {

mstch::data to_data(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mstch::data out = mstch::data::type::object;
      for (const auto& [k, v] : value.items()) {
        out.set(k, to_data(v));
        // Mustache cannot ask whether a list is empty without iterating it, so every list `x`
        // comes with a flag `has_x` for wrappers such as <ul> or a table around its items.
        if (v.is_array() && !value.contains("has_" + k)) out.set("has_" + k, to_data(!v.empty()));
      }
      return out;
    }
    case nlohmann::json::value_t::array: {
      mstch::data out = mstch::data::type::list;
      for (const auto& item : value) out.push_back(to_data(item));
      return out;
    }
    case nlohmann::json::value_t::string:
      // An empty string is false, as in mustache.js: {{#website}}<a href="{{website}}">{{/website}}
      // must not emit an empty link when there is no website.
      if (value.get_ref<const std::string&>().empty()) return mstch::data::type::bool_false;
      return mstch::data(value.get<std::string>());
    case nlohmann::json::value_t::boolean:
      return value.get<bool>() ? mstch::data::type::bool_true : mstch::data::type::bool_false;
    case nlohmann::json::value_t::null:
      return mstch::data::type::bool_false;
    default:
      return mstch::data(value.dump());
  }
}

}  // namespace

std::unique_ptr<Renderer> Renderer::load(const std::filesystem::path& dir,
                                         const std::string& display_dir, Diagnostics& diagnostics) {
  std::unique_ptr<Renderer> renderer(new Renderer());
  renderer->impl_ = std::make_unique<Impl>();
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".mustache") files.push_back(entry.path());
  if (ec) {
    diagnostics.error({display_dir, 0, 0}, "", "cannot read the templates folder: " + ec.message());
    return renderer;
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const std::string name = file.stem().string();
    const std::string display = display_dir + "/" + file.filename().string();
    auto text = read_file(file);
    if (!text) {
      diagnostics.error({display, 0, 0}, "", "cannot read the template");
      continue;
    }
    mstch::mustache parsed(*text);
    if (!parsed.is_valid()) {
      diagnostics.error({display, 0, 0}, "",
                        "invalid Mustache template: " + parsed.error_message());
      continue;
    }
    if (name.starts_with("_"))
      renderer->impl_->partials[name] = *text;
    else
      renderer->impl_->templates.emplace(name, std::move(parsed));
  }
  return renderer;
}

bool Renderer::has(const std::string& name) const { return impl_->templates.count(name) > 0; }

std::string Renderer::render(const std::string& name, const nlohmann::json& view) const {
  auto it = impl_->templates.find(name);
  if (it == impl_->templates.end()) throw std::runtime_error("unknown template \"" + name + "\"");
  // kainjow's mustache keeps per-render state (the error message) inside the object, so each
  // render works on its own copy of the parsed tree; threads never share a mutable instance.
  mstch::mustache tmpl = it->second;
  mstch::data data = to_data(view);
  for (const auto& [partial_name, text] : impl_->partials) {
    const std::string* source = &text;
    data.set(partial_name, mstch::partial([source]() { return *source; }));
  }
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid())
    throw std::runtime_error("template \"" + name + "\": " + tmpl.error_message());
  return out;
}

}  // namespace ashyq::render
