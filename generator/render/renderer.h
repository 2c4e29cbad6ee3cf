#pragma once
// render: fills logic-less Mustache templates from views. Templates are read and parsed once; a
// Renderer is then used read-only, so pages can render in parallel.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/status.h"
#include "render/view_data.h"

namespace ashyq::render {

class Renderer;

// The UI strings of one language as templates name them ({{t.grant.goal}} is the string
// "grant.goal"), converted once for all pages: each template gets only the strings it names
// (Renderer::strings_used), not the whole table. Made by Renderer::prepare_strings; read-only, so
// pages share it while they render in parallel.
class PreparedStrings {
 public:
  PreparedStrings();
  ~PreparedStrings();
  PreparedStrings(PreparedStrings&&) noexcept;
  PreparedStrings& operator=(PreparedStrings&&) noexcept;

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
  // A hash of template `name` with its partials expanded: what a page rendered with it depends on
  // in the templates, so a rebuild makes again only the pages whose templates' text changed
  // (site/page_inputs.h). 0 for an unknown template.
  std::uint64_t fingerprint(const std::string& name) const;
  // The UI strings template `name` names, partials included, as keys of the UI-string table
  // ("grant.goal" for {{t.grant.goal}}), sorted; a name that is a prefix ({{t.status}}) stands
  // for every key under it. Empty for an unknown template.
  const std::vector<std::string>& strings_used(const std::string& name) const;
  // `strings` (key → text, one language) prepared for every template: each gets `t` holding only
  // its strings_used.
  PreparedStrings prepare_strings(const std::map<std::string, std::string>& strings) const;

  // Renders template `name` with `view` (render/view_data.h), and `t` from `strings` when given
  // (a view's own `t` wins). HTML-escapes every {{value}}; {{{value}}} is reserved for HTML made
  // by the generator itself, e.g. rendered Markdown. Fails with a template_error naming the
  // template for an unknown template name ("unknown template \"grant\"") or a render error
  // ("template \"grant\": …").
  Result<std::string> render(const std::string& name, const ViewData& view,
                             const PreparedStrings* strings = nullptr) const;

 private:
  Renderer() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ashyq::render
