#pragma once
// render: fills logic-less Mustache templates from views. Templates are read and parsed once; a
// Renderer is then used read-only, so pages can render in parallel.
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "core/diagnostics.h"
#include "core/status.h"

namespace ashyq::render {

// A view converted once for the renderer, to be shared read-only by many renders (see
// Renderer::render's `underlay`): the UI strings of a language, the same on every page.
class PreparedView {
 public:
  explicit PreparedView(const nlohmann::json& view);
  ~PreparedView();
  PreparedView(PreparedView&&) noexcept;
  PreparedView& operator=(PreparedView&&) noexcept;

 private:
  friend class Renderer;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class Renderer {
 public:
  // Loads every templates/*.mustache (name = file stem). Templates whose names start with "_" are
  // partials, used as {{> _name}}; they are expanded into the templates that use them at load, so
  // each template is parsed once, partials included. Mustache syntax errors, unknown partials and
  // partials that include themselves are reported with the template's file name.
  static std::unique_ptr<Renderer> load(const std::filesystem::path& dir,
                                        const std::string& display_dir, Diagnostics& diagnostics);
  ~Renderer();

  bool has(const std::string& name) const;
  // Renders template `name` with `view`. Every list member `x` of an object also gets a boolean
  // `has_x` (true when the list is not empty), for markup that wraps a list. An empty string and
  // null are false in sections, so {{#x}}…{{/x}} renders nothing for them. (HTML-escaping every
  // {{value}}; {{{value}}} is reserved for HTML made by the generator itself, e.g. rendered
  // Markdown). Fails with a template_error naming the template for an unknown template name
  // ("unknown template \"grant\"") or a render error ("template \"grant\": …").
  Result<std::string> render(const std::string& name, const nlohmann::json& view) const;
  // The same, with the names of `underlay` visible under the view's own: a name the view does not
  // have is looked up in `underlay`, exactly as if it were a member of the view's top object. Lets
  // every page share one conversion of what all pages carry (the UI strings `t`) instead of
  // converting it again for each page. `underlay` may be null.
  Result<std::string> render(const std::string& name, const nlohmann::json& view,
                             const PreparedView* underlay) const;

 private:
  Renderer() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ashyq::render
