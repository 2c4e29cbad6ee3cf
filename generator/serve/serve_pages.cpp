#include "serve/serve_pages.h"

#include <filesystem>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "core/xml_escape.h"

namespace ashyq::serve {
namespace {

// The script itself, with BUILD, FAILURE and LANG filled in (as data attributes, escaped) so that
// its text is the same on every page. EventSource reconnects by itself when the server restarts.
constexpr std::string_view kScript =
    R"(<script data-ashyq-serve data-build="BUILD" data-failure="FAILURE" data-lang="LANG">
(function () {
  var me = document.currentScript.dataset, shown = me.failure, frame = null;
  new EventSource("/__ashyq/events").onmessage = function (e) {
    var s = JSON.parse(e.data);
    if (s.ok) {
      if (s.build !== me.build) location.reload();
      return;
    }
    if (s.failure === shown) return;
    shown = s.failure;
    if (!me.build) { location.reload(); return; }
    if (!frame) {
      frame = document.createElement("iframe");
      frame.style.cssText = "position:fixed;inset:0;width:100%;height:100%;border:0;" +
        "z-index:2147483647;background:#fff";
      document.body.appendChild(frame);
    }
    frame.src = "/__ashyq/findings/" + me.lang + "/?" + encodeURIComponent(s.failure);
  };
})();
</script>
)";

void replace(std::string& text, std::string_view what, std::string_view with) {
  const std::size_t at = text.find(what);
  if (at != std::string::npos) text.replace(at, what.size(), with);
}

// The source line of each finding's file, read once per file.
class SourceLines {
 public:
  explicit SourceLines(const std::string& site_dir) : site_dir_(site_dir) {}
  const std::string* line(const SourceLocation& where) {
    if (where.line <= 0 || where.column <= 0) return nullptr;
    auto [it, inserted] = files_.try_emplace(where.file);
    if (inserted) {
      std::filesystem::path path(where.file);
      if (path.is_relative()) path = std::filesystem::path(site_dir_) / path;
      std::ifstream in(path, std::ios::binary);
      for (std::string text; std::getline(in, text);) {
        if (!text.empty() && text.back() == '\r') text.pop_back();
        it->second.push_back(std::move(text));
      }
    }
    if (where.line > static_cast<int>(it->second.size())) return nullptr;
    return &it->second[static_cast<std::size_t>(where.line - 1)];
  }

 private:
  std::string site_dir_;
  std::map<std::string, std::vector<std::string>> files_;
};

}  // namespace

std::string state_json(const BuildState& state) {
  return nlohmann::json{{"build", state.build}, {"ok", state.ok}, {"failure", state.failure}}
      .dump();
}

std::string reload_script(const BuildState& page, Lang lang) {
  static_assert(kEventsUrl == "/__ashyq/events" && kFindingsUrl == "/__ashyq/findings/",
                "the script names the server's URLs");
  std::string script(kScript);
  replace(script, "BUILD", xml_escape(page.build));
  replace(script, "FAILURE", xml_escape(page.failure));
  replace(script, "LANG", lang_code(lang));
  return script;
}

std::string with_script(std::string html, std::string_view script) {
  const std::size_t body = html.rfind("</body>");
  html.insert(body == std::string::npos ? html.size() : body, script);
  return html;
}

std::string findings_page(const std::vector<Diagnostic>& findings, const i18n::UiStrings& strings,
                          Lang lang, const std::string& site_dir, bool served) {
  auto t = [&](const char* key) { return xml_escape(strings.get(lang, key)); };
  std::string count = t("serve.count");
  replace(count, "{count}", std::to_string(findings.size()));
  const std::string title = findings.empty() ? t("serve.ok") : t("serve.title");
  std::string html = "<!DOCTYPE html>\n<html lang=\"" + std::string(lang_code(lang)) +
                     "\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<title>" +
                     title +
                     "</title>\n<style>\n"
                     "body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:1.5rem;"
                     "color:#1b1b1b;background:#fff}\n"
                     "h1{color:#a4000f;margin-top:0}\n"
                     "ol{padding-left:1.5rem}\n"
                     "li{margin:0 0 1rem}\n"
                     ".where{font-weight:bold}\n"
                     ".error .severity{color:#a4000f}\n"
                     ".warning .severity{color:#7a4d00}\n"
                     "pre{background:#f4f4f4;padding:.5rem;overflow-x:auto;margin:.25rem 0 0}\n"
                     "</style>\n</head>\n<body>\n<main>\n<h1>" +
                     title + "</h1>\n";
  if (findings.empty()) return html + "</main>\n</body>\n</html>\n";
  html += "<p>" + (served ? t("serve.previous") : t("serve.none")) + "</p>\n<p>" + count +
          "</p>\n<ol>\n";
  SourceLines sources(site_dir);
  for (const Diagnostic& d : findings) {
    const bool error = d.severity == Severity::error;
    std::string where = d.where.file;
    if (d.where.line > 0) {
      where += ":" + std::to_string(d.where.line);
      if (d.where.column > 0) where += ":" + std::to_string(d.where.column);
    }
    html += std::string("<li class=\"") + (error ? "error" : "warning") +
            "\"><code class=\"where\">" + xml_escape(where) + "</code> <span class=\"severity\">" +
            (error ? t("serve.error") : t("serve.warning")) + "</span>: ";
    if (!d.field.empty()) html += "<code class=\"field\">" + xml_escape(d.field) + "</code>: ";
    html += "<span class=\"message\">" + xml_escape(d.message) + "</span>";
    // The source line and the caret under the column, as the terminal shows them.
    if (const std::string* line = sources.line(d.where)) {
      const std::string located = format_diagnostic(d, line);
      html += "\n<pre>" + xml_escape(located.substr(located.find('\n') + 1)) + "</pre>";
    }
    html += "</li>\n";
  }
  return html + "</ol>\n</main>\n</body>\n</html>\n";
}

}  // namespace ashyq::serve
