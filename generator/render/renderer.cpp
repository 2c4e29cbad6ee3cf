#include "render/renderer.h"

#include <algorithm>
#include <atomic>
#include <regex>

#include <kainjow/mustache.hpp>

#include "core/content_hash.h"
#include "core/file_io.h"

namespace ashyq::render {

namespace mstch = kainjow::mustache;

struct Renderer::Impl {
  std::map<std::string, mstch::mustache> templates;  // parsed once at load, partials inlined
  std::map<std::string, std::vector<std::string>> strings_used;  // template → UI-string names
  std::map<std::string, std::uint64_t> fingerprints;  // template → hash of its expanded text
  std::uint64_t id = 0;  // tells this renderer's per-thread copies from another's
};

Renderer::~Renderer() = default;

struct PreparedStrings::Impl {
  std::map<std::string, mstch::data> by_template;  // template → {t: its strings}
};

PreparedStrings::PreparedStrings() : impl_(std::make_unique<Impl>()) {}
PreparedStrings::~PreparedStrings() = default;
PreparedStrings::PreparedStrings(PreparedStrings&&) noexcept = default;
PreparedStrings& PreparedStrings::operator=(PreparedStrings&&) noexcept = default;

namespace {

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

// The UI strings a template's text names: "grant.goal" for {{t.grant.goal}}, in any tag ({{&…}},
// {{{…}}}, sections), sorted, each once.
std::vector<std::string> names_of_strings(const std::string& text) {
  static const std::regex tag(R"(\{\{\{?\s*[#^/&]?\s*t\.([A-Za-z0-9_.-]+)\s*\}?\}\})");
  std::vector<std::string> names;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), tag); it != std::sregex_iterator();
       ++it)
    names.push_back((*it)[1].str());
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

// {t: {…}} holding the strings of `strings` that `names` name, nested at their dots
// ("grant.goal" → t.grant.goal). A name that is a prefix of keys ("status") takes them all.
mstch::data strings_object(const std::map<std::string, std::string>& strings,
                           const std::vector<std::string>& names) {
  // The keys as a tree first: mstch::data hands out its members only as const.
  struct Node {
    std::map<std::string, Node> children;
    const std::string* text = nullptr;
  };
  Node root;
  for (const std::string& name : names)
    for (auto it = strings.lower_bound(name); it != strings.end(); ++it) {
      const std::string& key = it->first;
      if (!key.starts_with(name)) break;
      if (key != name && key[name.size()] != '.') continue;
      Node* node = &root;
      std::size_t start = 0;
      for (std::size_t dot = key.find('.'); dot != std::string::npos; dot = key.find('.', start)) {
        node = &node->children[key.substr(start, dot - start)];
        start = dot + 1;
      }
      node->children[key.substr(start)].text = &it->second;
    }
  auto convert = [](auto& self, const Node& node) -> mstch::data {
    if (node.text) return detail::convert(*node.text);
    mstch::data out = mstch::data::type::object;
    for (const auto& [name, child] : node.children)
      detail::member_slot(out, name) = self(self, child);
    return out;
  };
  mstch::data t = mstch::data::type::object;
  detail::member_slot(t, "t") = convert(convert, root);
  return t;
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
    renderer->impl_->strings_used.emplace(name, names_of_strings(expanded));
    renderer->impl_->fingerprints.emplace(name, content_hash(expanded));
    renderer->impl_->templates.emplace(name, std::move(parsed));
  }
  return renderer;
}

bool Renderer::has(const std::string& name) const { return impl_->templates.count(name) > 0; }

std::uint64_t Renderer::fingerprint(const std::string& name) const {
  const auto it = impl_->fingerprints.find(name);
  return it == impl_->fingerprints.end() ? 0 : it->second;
}

const std::vector<std::string>& Renderer::strings_used(const std::string& name) const {
  static const std::vector<std::string> none;
  auto it = impl_->strings_used.find(name);
  return it == impl_->strings_used.end() ? none : it->second;
}

PreparedStrings Renderer::prepare_strings(const std::map<std::string, std::string>& strings) const {
  PreparedStrings prepared;
  for (const auto& [name, names] : impl_->strings_used)
    prepared.impl_->by_template.emplace(name, strings_object(strings, names));
  return prepared;
}

Result<std::string> Renderer::render(const std::string& name, const ViewData& view,
                                     const PreparedStrings* strings) const {
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
  // The context is searched from the last pushed: the view first, then the strings.
  mstch::context<std::string> context;
  if (strings) {
    auto own = strings->impl_->by_template.find(name);
    if (own != strings->impl_->by_template.end()) context.push(&own->second);
  }
  context.push(&view.data());
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
