#include "render/renderer.h"

#include <algorithm>
#include <atomic>
#include <regex>

#include <kainjow/mustache.hpp>

#include "core/file_io.h"

namespace ashyq::render {

namespace mstch = kainjow::mustache;

struct Renderer::Impl {
  std::map<std::string, mstch::mustache> templates;  // parsed once at load, partials inlined
  std::uint64_t id = 0;  // tells this renderer's per-thread copies from another's
};

Renderer::~Renderer() = default;

namespace {
mstch::data to_data(const nlohmann::json& value);
}  // namespace

struct PreparedView::Impl {
  mstch::data data;
};

PreparedView::PreparedView(const nlohmann::json& view)
    : impl_(std::make_unique<Impl>(Impl{to_data(view)})) {}
PreparedView::~PreparedView() = default;
PreparedView::PreparedView(PreparedView&&) noexcept = default;
PreparedView& PreparedView::operator=(PreparedView&&) noexcept = default;

namespace {

// kainjow's data offers only copying setters (set, push_back), and a copy of an object or list is
// deep, so building a view bottom-up would copy every subtree once per level above it, and a list
// that grows copies its items again at every reallocation (basic_data's move is not noexcept). The
// members are therefore converted in place: a placeholder is inserted, then the converted value
// is moved into it. The const_casts are sound: the data objects are our own, never const.
mstch::data& member_slot(mstch::data& object, const std::string& name) {
  object.set(name, mstch::data(false));
  return const_cast<mstch::data&>(*object.get(name));
}

mstch::data to_data(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mstch::data out = mstch::data::type::object;
      for (const auto& [k, v] : value.items()) {
        member_slot(out, k) = to_data(v);
        // Mustache cannot ask whether a list is empty without iterating it, so every list `x`
        // comes with a flag `has_x` for wrappers such as <ul> or a table around its items.
        if (v.is_array() && !value.contains("has_" + k))
          member_slot(out, "has_" + k) = mstch::data(!v.empty());
      }
      return out;
    }
    case nlohmann::json::value_t::array: {
      mstch::data out = mstch::data::type::list;
      auto& items = const_cast<mstch::list&>(out.list_value());
      items.reserve(value.size());
      for (const auto& item : value) items.emplace_back(to_data(item));
      return out;
    }
    case nlohmann::json::value_t::string:
      // An empty string is false, as in mustache.js: {{#website}}<a href="{{website}}">{{/website}}
      // must not emit an empty link when there is no website.
      if (value.get_ref<const std::string&>().empty()) return mstch::data::type::bool_false;
      return mstch::data(value.get_ref<const std::string&>());
    case nlohmann::json::value_t::boolean:
      return value.get<bool>() ? mstch::data::type::bool_true : mstch::data::type::bool_false;
    case nlohmann::json::value_t::null:
      return mstch::data::type::bool_false;
    default:
      return mstch::data(value.dump());
  }
}

// What kainjow's render writes to: appends to a string, without an ostringstream's copy.
struct StringSink {
  std::string& out;
  StringSink& operator<<(const std::string& text) {
    out += text;
    return *this;
  }
};

// "{{> _name}}" with optional spaces.
const std::regex& partial_tag() {
  static const std::regex tag(R"(\{\{>\s*([A-Za-z0-9_]+)\s*\}\})");
  return tag;
}

// `text` with every partial tag replaced by the partial's text, itself expanded. A partial renders
// in the context where it stands, exactly as text written there would, so expanding partials once
// at load gives the same output as kainjow's lookup, which parses the partial again at every use
// (hundreds of times on a long list page). Unknown partials and cycles are errors.
std::string expand_partials(const std::string& text,
                            const std::map<std::string, std::string>& partials,
                            std::vector<std::string>& stack, std::string& error) {
  std::string out;
  auto begin = std::sregex_iterator(text.begin(), text.end(), partial_tag());
  std::size_t copied = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    out.append(text, copied, static_cast<std::size_t>(m.position(0)) - copied);
    copied = static_cast<std::size_t>(m.position(0) + m.length(0));
    const std::string name = m[1].str();
    const auto partial = partials.find(name);
    if (partial == partials.end()) {
      error = "unknown partial {{> " + name + "}}; partials are templates/_<name>.mustache";
      return {};
    }
    if (std::find(stack.begin(), stack.end(), name) != stack.end()) {
      error = "partial " + name + " includes itself";
      return {};
    }
    stack.push_back(name);
    out += expand_partials(partial->second, partials, stack, error);
    stack.pop_back();
    if (!error.empty()) return {};
  }
  out.append(text, copied, std::string::npos);
  return out;
}

}  // namespace

std::unique_ptr<Renderer> Renderer::load(const std::filesystem::path& dir,
                                         const std::string& display_dir, Diagnostics& diagnostics) {
  static std::atomic<std::uint64_t> next_id{1};
  std::unique_ptr<Renderer> renderer(new Renderer());
  renderer->impl_ = std::make_unique<Impl>();
  renderer->impl_->id = next_id++;
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".mustache") files.push_back(entry.path());
  if (ec) {
    diagnostics.error({display_dir, 0, 0}, "", "cannot read the templates folder: " + ec.message());
    return renderer;
  }
  std::sort(files.begin(), files.end());
  std::map<std::string, std::string> partials, pages;  // name → text
  std::map<std::string, std::string> display_names;
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
    display_names[name] = display;
    (name.starts_with("_") ? partials : pages)[name] = std::move(*text);
  }
  for (const auto& [name, text] : pages) {
    std::vector<std::string> stack{name};
    std::string error;
    const std::string expanded = expand_partials(text, partials, stack, error);
    if (!error.empty()) {
      diagnostics.error({display_names[name], 0, 0}, "", error);
      continue;
    }
    mstch::mustache parsed(expanded);
    if (!parsed.is_valid()) {
      diagnostics.error({display_names[name], 0, 0}, "",
                        "invalid Mustache template with its partials: " + parsed.error_message());
      continue;
    }
    renderer->impl_->templates.emplace(name, std::move(parsed));
  }
  return renderer;
}

bool Renderer::has(const std::string& name) const { return impl_->templates.count(name) > 0; }

Result<std::string> Renderer::render(const std::string& name, const nlohmann::json& view) const {
  return render(name, view, nullptr);
}

Result<std::string> Renderer::render(const std::string& name, const nlohmann::json& view,
                                     const PreparedView* underlay) const {
  auto it = impl_->templates.find(name);
  if (it == impl_->templates.end())
    return Status::template_error(name, "unknown template \"" + name + "\"");
  // kainjow's mustache keeps per-render state (the error message) inside the object, so threads
  // never share a parsed tree: each thread renders on its own copy, made once per thread and
  // template rather than once per page.
  thread_local std::map<std::pair<std::uint64_t, std::string>, mstch::mustache> copies;
  const auto key = std::make_pair(impl_->id, name);
  auto copy = copies.find(key);
  if (copy == copies.end()) copy = copies.emplace(key, it->second).first;
  mstch::mustache& tmpl = copy->second;
  const mstch::data data = to_data(view);
  // The context is searched from the last pushed: the view first, then the underlay.
  mstch::context<std::string> context;
  if (underlay) context.push(&underlay->impl_->data);
  context.push(&data);
  std::string out;
  out.reserve(32 * 1024);
  // Appended straight into one string: kainjow's default goes through an ostringstream.
  StringSink sink{out};
  tmpl.render(context, sink);
  if (!tmpl.is_valid()) {
    const std::string message = "template \"" + name + "\": " + tmpl.error_message();
    copies.erase(copy);  // the copy now carries the error; the next render starts clean
    return Status::template_error(name, message);
  }
  return out;
}

}  // namespace ashyq::render
