#pragma once
// render: fills logic-less Mustache templates from views. Templates are read and parsed once; a
// Renderer is then used read-only, so pages can render in parallel.
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "core/diagnostics.h"

namespace ashyq::render {

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
  // Markdown). Throws std::runtime_error for an unknown template name or a render error, naming the
  // template.
  std::string render(const std::string& name, const nlohmann::json& view) const;

 private:
  Renderer() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ashyq::render
