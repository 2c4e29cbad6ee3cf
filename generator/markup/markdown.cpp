#include "markup/markdown.h"

#include "core/private_data.h"
#include "core/text_position.h"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <optional>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <toml++/toml.h>

namespace ashyq::markup {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// ---------------------------------------------------------------------------------------------
// Front matter

// One line of `text` starting at an offset, without its line end ("\n" or "\r\n").
struct Line {
  std::string_view text;
  std::size_t next = 0;  // offset just past the line end
};

Line line_at(std::string_view text, std::size_t offset) {
  std::size_t end = text.find('\n', offset);
  const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
  if (end == std::string_view::npos) end = text.size();
  std::string_view line = text.substr(offset, end - offset);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return {line, next};
}

bool is_delimiter(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "+++";
}

// `front` starts on line 2 of the file, right after the opening "+++".
SourceLocation location_in_file(const std::string& file, const toml::source_region& region) {
  // toml++ counts columns in code points, as diagnostics do.
  const int line = std::max(static_cast<int>(region.begin.line), 1);
  return {file, line + 1, std::max(static_cast<int>(region.begin.column), 1)};
}

void read_front_matter(std::string_view front, const std::string& file, Diagnostics& diagnostics,
                       FrontMatter& out) {
  toml::table table;
  try {
    table = toml::parse(front, std::string_view(file));
  } catch (const toml::parse_error& e) {
    diagnostics.error(location_in_file(file, e.source()), "",
                      "malformed front matter: " + std::string(e.description()));
    return;
  }
  for (const auto& [key, value] : table) {
    if (key.str() != "title") {
      diagnostics.error(location_in_file(file, key.source()), std::string(key.str()),
                        "unknown front matter key; the only key is title = \"…\"");
      continue;
    }
    if (!value.is_string()) {
      diagnostics.error(location_in_file(file, value.source()), "title",
                        "expected the title as text in quotes: title = \"…\"");
      continue;
    }
    out.title = **value.as_string();
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing with cmark-gfm

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter"};

// Safe mode (the default) is kept on even though raw HTML nodes are removed before rendering:
// a second guard costs nothing. Invalid UTF-8 becomes U+FFFD rather than reaching the page.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;

// A parsed document together with the parser, which owns the extension list the HTML renderer
// needs for tables.
class ParsedMarkdown {
 public:
  explicit ParsedMarkdown(std::string_view markdown) {
    // cmark_gfm_core_extensions_ensure_registered() guards itself with a plain static int, and a
    // second registration aborts the process.
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });

    parser_ = cmark_parser_new(kOptions);
    for (const char* name : kExtensions)
      if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
        cmark_parser_attach_syntax_extension(parser_, extension);
    // While it parses inlines, cmark-gfm switches the extensions' special characters on and off
    // in one process-wide table, so two parses at once would corrupt each other's results.
    static std::mutex parse_mutex;
    std::lock_guard lock(parse_mutex);
    cmark_parser_feed(parser_, markdown.data(), markdown.size());
    document_ = cmark_parser_finish(parser_);
  }
  ~ParsedMarkdown() {
    cmark_node_free(document_);
    cmark_parser_free(parser_);
  }
  ParsedMarkdown(const ParsedMarkdown&) = delete;
  ParsedMarkdown& operator=(const ParsedMarkdown&) = delete;

  cmark_node* document() const { return document_; }

  std::string render_html() const {
    char* html =
        cmark_render_html(document_, kOptions, cmark_parser_get_syntax_extensions(parser_));
    std::string out(html);
    cmark_get_default_mem_allocator()->free(html);
    return out;
  }

 private:
  cmark_parser* parser_ = nullptr;
  cmark_node* document_ = nullptr;
};

// Every node in document order (pre-order), collected first so the tree can be edited afterwards.
std::vector<cmark_node*> nodes_in_order(cmark_node* root) {
  std::vector<cmark_node*> nodes;
  cmark_iter* iter = cmark_iter_new(root);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;)
    if (event == CMARK_EVENT_ENTER) nodes.push_back(cmark_iter_get_node(iter));
  cmark_iter_free(iter);
  return nodes;
}

std::string url_of(cmark_node* node) {
  const char* url = cmark_node_get_url(node);
  return url ? url : "";
}

// ---------------------------------------------------------------------------------------------
// Rendering

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The scheme of `url` as a browser reads it, lowercased; empty for a relative URL. Browsers skip
// leading spaces and control characters and drop tabs and newlines anywhere ("java\tscript:").
std::string scheme_of(std::string_view url) {
  std::string cleaned;
  std::size_t i = 0;
  while (i < url.size() && static_cast<unsigned char>(url[i]) <= 0x20) ++i;
  for (; i < url.size(); ++i)
    if (url[i] != '\t' && url[i] != '\n' && url[i] != '\r') cleaned += ascii_lower(url[i]);
  const std::size_t end = cleaned.find_first_of(":/?#");
  if (end == std::string::npos || cleaned[end] != ':') return "";
  return cleaned.substr(0, end);
}

bool is_allowed_url(std::string_view url) {
  const std::string scheme = scheme_of(url);
  return scheme.empty() || scheme == "http" || scheme == "https";
}

// "mailto:<address>" (any case, an optional "?…" after it) where the address is one e-mail an
// organisation declared as its public contact. Anything else with the mailto: scheme is not.
bool is_declared_mailto(std::string_view url, const PublicContacts* contacts) {
  constexpr std::string_view kMailto = "mailto:";
  if (!contacts || url.size() <= kMailto.size()) return false;
  for (std::size_t i = 0; i < kMailto.size(); ++i)
    if (ascii_lower(url[i]) != kMailto[i]) return false;
  std::string_view address = url.substr(kMailto.size());
  address = address.substr(0, address.find('?'));
  const auto hits = find_private_data(address);
  return hits.size() == 1 && hits[0].kind == PrivateDataHit::email &&
         hits[0].match.size() == address.size() && contacts->allows_email(address);
}

bool is_inside_link(cmark_node* node) {
  for (cmark_node* up = cmark_node_parent(node); up; up = cmark_node_parent(up))
    if (cmark_node_get_type(up) == CMARK_NODE_LINK) return true;
  return false;
}

// Puts the children of `node` in its place and frees it: a link becomes its text.
void unwrap(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
  cmark_node_free(node);
}

// An image becomes a link to the image, labelled with its alt text (or its URL when it has none).
void replace_image_with_link(cmark_node* image) {
  cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
  const std::string url = url_of(image);
  cmark_node_set_url(link, url.c_str());
  if (const char* title = cmark_node_get_title(image); title && *title)
    cmark_node_set_title(link, title);
  while (cmark_node* child = cmark_node_first_child(image)) cmark_node_append_child(link, child);
  if (!cmark_node_first_child(link)) {
    cmark_node* label = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(label, url.c_str());
    cmark_node_append_child(link, label);
  }
  cmark_node_replace(image, link);
  cmark_node_free(image);
}

// ---------------------------------------------------------------------------------------------
// Raw HTML

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (ascii_lower(text[i]) != prefix[i]) return false;
  return true;
}

void append_utf8(std::string& out, unsigned long code_point) {
  if (code_point == 0 || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
    code_point = 0xFFFD;
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// Decodes the character reference at `text` (which starts with "&") into `out` and returns its
// length; 0 when it is not one this knows (the "&" then stays as written).
std::size_t decode_entity(std::string_view text, std::string& out) {
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"&amp;", "&"},   {"&lt;", "<"},          {"&gt;", ">"},    {"&quot;", "\""},
      {"&apos;", "'"},  {"&nbsp;", "\xC2\xA0"}, {"&laquo;", "«"}, {"&raquo;", "»"},
      {"&mdash;", "—"}, {"&ndash;", "–"}};
  for (const auto& [name, value] : kNamed)
    if (text.starts_with(name)) {
      out += value;
      return name.size();
    }
  if (text.size() < 4 || text[1] != '#') return 0;
  const bool hex = text[2] == 'x' || text[2] == 'X';
  std::size_t i = hex ? 3 : 2;
  unsigned long code_point = 0;
  const std::size_t digits_start = i;
  for (; i < text.size() && i < digits_start + 7; ++i) {
    const char c = text[i];
    int digit;
    if (c >= '0' && c <= '9')
      digit = c - '0';
    else if (hex && ascii_lower(c) >= 'a' && ascii_lower(c) <= 'f')
      digit = ascii_lower(c) - 'a' + 10;
    else
      break;
    code_point = code_point * (hex ? 16 : 10) + static_cast<unsigned long>(digit);
  }
  if (i == digits_start || i >= text.size() || text[i] != ';') return 0;
  append_utf8(out, code_point);
  return i + 1;
}

// Tags that format words inside a line; any other tag (p, div, br, li, td…) separates words.
bool is_inline_tag(std::string_view name) {
  static constexpr std::string_view kInline[] = {
      "a",     "abbr", "b",      "bdi", "bdo", "cite", "code", "data", "del",
      "dfn",   "em",   "i",      "ins", "kbd", "mark", "q",    "s",    "samp",
      "small", "span", "strong", "sub", "sup", "time", "u",    "var",  "font"};
  for (std::string_view tag : kInline)
    if (tag == name) return true;
  return false;
}

// The text a reader would see in an HTML block, without any markup: tags, comments, declarations
// and the contents of <script> and <style> removed, character references decoded, a tag that is
// not inline formatting taken as a space, runs of spaces made one. Never HTML: the caller puts it
// in a text node, which the renderer escapes.
std::string text_of_html(std::string_view html) {
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    const std::string_view rest = html.substr(i);
    if (rest.starts_with("<!--")) {
      const std::size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const bool closing = rest.starts_with("</");
    const std::size_t name_start = closing ? 2 : 1;
    const bool tag = rest.starts_with("<") && rest.size() > name_start &&
                     (std::isalpha(static_cast<unsigned char>(rest[name_start])) ||
                      rest[name_start] == '!' || rest[name_start] == '?');
    if (!tag) {
      if (rest.starts_with("&")) {
        if (const std::size_t length = decode_entity(rest, out)) {
          i += length;
          continue;
        }
      }
      out += html[i++];
      continue;
    }
    std::size_t name_end = name_start;
    while (name_end < rest.size() && std::isalnum(static_cast<unsigned char>(rest[name_end])))
      ++name_end;
    std::string name;
    for (char c : rest.substr(name_start, name_end - name_start)) name += ascii_lower(c);
    // The tag ends at the first ">" outside a quoted attribute value.
    std::size_t end = name_end;
    for (char quote = 0; end < rest.size(); ++end) {
      if (quote) {
        if (rest[end] == quote) quote = 0;
      } else if (rest[end] == '"' || rest[end] == '\'') {
        quote = rest[end];
      } else if (rest[end] == '>') {
        break;
      }
    }
    i += std::min(end + 1, rest.size());
    if (!closing && (name == "script" || name == "style")) {
      // Code, not text: skip to the closing tag.
      std::size_t close = i;
      while (close < html.size() && !starts_with_ci(html.substr(close), "</" + name)) ++close;
      i = close;
      continue;
    }
    if (!is_inline_tag(name)) out += ' ';
  }
  // One space for a run of spaces and tabs, one line end for a run that holds one.
  std::string collapsed;
  bool space = false, newline = false;
  for (char c : out) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = true;
      newline = newline || c == '\n';
      continue;
    }
    if (space && !collapsed.empty()) collapsed += newline ? '\n' : ' ';
    space = newline = false;
    collapsed += c;
  }
  return collapsed;
}

// An HTML block is never published, but the words in it are the author's and stay, as a paragraph
// of plain text; a block with no words (a comment, a script) goes entirely.
void replace_html_block_with_text(cmark_node* block) {
  const char* literal = cmark_node_get_literal(block);
  const std::string text = text_of_html(literal ? literal : "");
  if (!text.empty()) {
    cmark_node* paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH);
    cmark_node* words = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(words, text.c_str());
    cmark_node_append_child(paragraph, words);
    cmark_node_replace(block, paragraph);
  }
  cmark_node_free(block);
}

bool is_inline_tag_start(cmark_node* node, std::string_view tag) {
  if (cmark_node_get_type(node) != CMARK_NODE_HTML_INLINE) return false;
  const char* literal = cmark_node_get_literal(node);
  return literal && starts_with_ci(literal, tag);
}

// An inline <script> or <style> holds code, not words: what stands between it and its closing tag
// goes with the tags.
void drop_inline_code(cmark_node* document) {
  std::vector<std::pair<cmark_node*, std::string>> openings;
  for (cmark_node* node : nodes_in_order(document))
    for (std::string_view name : {"script", "style"})
      if (is_inline_tag_start(node, "<" + std::string(name))) openings.emplace_back(node, name);
  // Last first: removal only ever goes forward, so every opening is still there when handled
  // (one inside another's code is removed by the outer one, after its own turn).
  for (auto it = openings.rbegin(); it != openings.rend(); ++it) {
    const std::string close = "</" + it->second;
    for (cmark_node* next = cmark_node_next(it->first); next;) {
      if (is_inline_tag_start(next, close)) break;
      cmark_node* after = cmark_node_next(next);
      cmark_node_free(next);
      next = after;
    }
  }
}

void make_safe(cmark_node* document, int top_level, const PublicContacts* contacts) {
  drop_inline_code(document);
  // Pre-order: an ancestor is settled before its descendants, so is_inside_link sees the final
  // tree above the node. Only the node being handled is ever freed; its children are moved first.
  for (cmark_node* node : nodes_in_order(document)) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HTML_BLOCK:
        replace_html_block_with_text(node);
        break;
      case CMARK_NODE_HTML_INLINE:
        // The text between inline tags is in text nodes of its own and stays.
        cmark_node_free(node);
        break;
      case CMARK_NODE_LINK:
        // A link inside a link (an image turned link, alt text with a link) would nest <a>.
        if (!(is_allowed_url(url_of(node)) || is_declared_mailto(url_of(node), contacts)) ||
            is_inside_link(node))
          unwrap(node);
        break;
      case CMARK_NODE_IMAGE:
        if (!is_allowed_url(url_of(node)) || is_inside_link(node))
          unwrap(node);
        else
          replace_image_with_link(node);
        break;
      case CMARK_NODE_HEADING:
        cmark_node_set_heading_level(
            node, std::clamp(cmark_node_get_heading_level(node) + top_level - 2, top_level, 6));
        break;
      default:
        break;
    }
  }
}

bool is_external(std::string_view href) {
  auto starts_with = [&](std::string_view prefix) {
    if (href.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
      if (ascii_lower(href[i]) != prefix[i]) return false;
    return true;
  };
  return starts_with("http://") || starts_with("https://") || starts_with("//");
}

// cmark cannot add attributes to links, so rel goes in after rendering. This is exact, not a
// guess: raw HTML was removed from the tree and text is escaped, so every `<a href="` in the
// output is a link cmark wrote, and its href is escaped (no `"` inside).
std::string add_rel_to_external_links(const std::string& html) {
  constexpr std::string_view kOpen = "<a href=\"";
  std::string out;
  out.reserve(html.size());
  std::size_t pos = 0;
  for (std::size_t found; (found = html.find(kOpen, pos)) != std::string::npos;) {
    const std::size_t href_begin = found + kOpen.size();
    const std::size_t href_end = html.find('"', href_begin);
    if (href_end == std::string::npos) break;
    out.append(html, pos, href_end + 1 - pos);
    if (is_external(std::string_view(html).substr(href_begin, href_end - href_begin)))
      out += " rel=\"nofollow noopener\"";
    pos = href_end + 1;
  }
  out.append(html, pos);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Link positions

struct Position {
  int line = 0;
  int column = 0;
  friend auto operator<=>(const Position&, const Position&) = default;
};

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t offset = 0; offset < text.size();) {
    const Line line = line_at(text, offset);
    lines.push_back(line.text);
    offset = line.next;
  }
  return lines;
}

cmark_node* enclosing_block(cmark_node* node) {
  for (cmark_node* up = cmark_node_parent(node); up; up = cmark_node_parent(up))
    if ((cmark_node_get_type(up) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK &&
        cmark_node_get_start_line(up) > 0)
      return up;
  return nullptr;
}

std::string text_of_children(cmark_node* node) {
  std::string text;
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child))
    if (cmark_node_get_type(child) == CMARK_NODE_TEXT) text += cmark_node_get_literal(child);
  return text;
}

// cmark-gfm reports inline links and images at their opening "[" or "![" exactly, but autolinks
// ("<https://…>", "www.…", e-mail addresses) at wrong columns, and sometimes at line 0. Those are
// found by searching for their text in the source, after the previous link and within the block
// that holds them.
class LinkLocator {
 public:
  explicit LinkLocator(std::string_view markdown) : lines_(split_lines(markdown)) {}

  LinkRef locate(cmark_node* node) {
    LinkRef ref{url_of(node), cmark_node_get_start_line(node), cmark_node_get_start_column(node)};
    const bool image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
    if (starts_with_at({ref.line, ref.column}, image ? "![" : "[")) {
      // An image inside a link ends before the link does: never move the search point back.
      const Position end{cmark_node_get_end_line(node), cmark_node_get_end_column(node) + 1};
      after_previous_ = std::max({after_previous_, end, Position{ref.line, ref.column + 1}});
      return ref;
    }
    auto found = find_in_block(node, text_of_children(node), ref.line, ref.column);
    // Point at the "<" of "<https://…>", as an inline link is pointed at by its "[".
    if (found && ref.column > 1 && lines_[ref.line - 1][ref.column - 2] == '<') --ref.column;
    return ref;
  }

  // Inline HTML, found by the first line of its text after the previous one found, within its
  // block (cmark-gfm's inline columns drift on a paragraph's later lines). Block HTML is where
  // cmark says: blocks are placed exactly.
  RawHtmlRef locate_html(cmark_node* node) {
    const char* literal_text = cmark_node_get_literal(node);
    std::string_view literal = literal_text ? literal_text : "";
    if (const std::size_t newline = literal.find('\n'); newline != std::string_view::npos)
      literal = literal.substr(0, newline);
    RawHtmlRef ref{std::string(literal), cmark_node_get_start_line(node),
                   cmark_node_get_start_column(node)};
    if (cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK) return ref;
    find_in_block(node, literal, ref.line, ref.column);
    return ref;
  }

  // Finds `literal` in the source after the previous one found, within the block that holds `node`,
  // and sets `line` and `column` to where it starts (true). When it is not found, `column` becomes 0
  // (unknown) and a `line` cmark gave as 0 becomes the block's first line (false).
  bool find_in_block(cmark_node* node, std::string_view literal, int& line, int& column) {
    cmark_node* block = enclosing_block(node);
    const int first_line = block ? cmark_node_get_start_line(block) : 1;
    const int last_line = block ? cmark_node_get_end_line(block) : static_cast<int>(lines_.size());
    if (auto found = find(literal, std::max(after_previous_, Position{first_line, 1}), last_line)) {
      after_previous_ = {found->line, found->column + static_cast<int>(literal.size())};
      line = found->line;
      column = found->column;
      return true;
    }
    if (line < 1) line = first_line;
    column = 0;
    return false;
  }

  // Byte column → character column on `line`.
  int character_column_at(int line, int byte_column) const {
    if (line < 1 || line > static_cast<int>(lines_.size()) || byte_column < 1) return byte_column;
    return character_column(lines_[line - 1], static_cast<std::size_t>(byte_column - 1));
  }

 private:
  bool starts_with_at(Position at, std::string_view prefix) const {
    if (at.line < 1 || at.line > static_cast<int>(lines_.size()) || at.column < 1) return false;
    const std::string_view line = lines_[at.line - 1];
    return static_cast<std::size_t>(at.column - 1) < line.size() &&
           line.substr(at.column - 1).starts_with(prefix);
  }

  std::optional<Position> find(std::string_view literal, Position from, int last_line) const {
    if (literal.empty()) return std::nullopt;
    last_line = std::min(last_line, static_cast<int>(lines_.size()));
    for (int line = from.line; line <= last_line; ++line) {
      const std::size_t start = line == from.line ? static_cast<std::size_t>(from.column - 1) : 0;
      const std::string_view text = lines_[line - 1];
      if (start > text.size()) continue;
      if (const std::size_t at = text.find(literal, start); at != std::string_view::npos)
        return Position{line, static_cast<int>(at) + 1};
    }
    return std::nullopt;
  }

  std::vector<std::string_view> lines_;
  Position after_previous_{1, 1};
};

}  // namespace

MarkdownDocument parse_document(std::string_view text, const std::string& file,
                                Diagnostics& diagnostics) {
  MarkdownDocument doc;
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  const Line opening = line_at(text, 0);
  if (text.empty() || !is_delimiter(opening.text)) {
    doc.body = std::string(text);
    return doc;
  }
  int line_number = 2;
  for (std::size_t offset = opening.next; offset < text.size(); ++line_number) {
    const Line line = line_at(text, offset);
    if (is_delimiter(line.text)) {
      read_front_matter(text.substr(opening.next, offset - opening.next), file, diagnostics,
                        doc.front);
      doc.body = std::string(text.substr(line.next));
      doc.body_line = line_number + 1;
      return doc;
    }
    offset = line.next;
  }
  diagnostics.error({file, 1, 1}, "",
                    "the front matter opened by +++ is never closed; end it with a line holding "
                    "only +++");
  // Without a closing line there is no telling where the front matter ends: keep everything, so
  // that nothing the author wrote is lost.
  doc.body = std::string(text);
  return doc;
}

std::string render_markdown(std::string_view markdown, int top_level,
                            const PublicContacts* contacts) {
  ParsedMarkdown parsed(markdown);
  make_safe(parsed.document(), std::clamp(top_level, 2, 6), contacts);
  return add_rel_to_external_links(parsed.render_html());
}

MarkdownReferences scan_references(std::string_view markdown) {
  ParsedMarkdown parsed(markdown);
  // One locator each: a link's search point must not move past raw HTML found inside its text.
  LinkLocator links(markdown), html(markdown);
  MarkdownReferences found;
  for (cmark_node* node : nodes_in_order(parsed.document())) {
    const cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE)
      found.links.push_back(links.locate(node));
    else if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE)
      found.raw_html.push_back(html.locate_html(node));
  }
  for (LinkRef& link : found.links) link.column = links.character_column_at(link.line, link.column);
  for (RawHtmlRef& ref : found.raw_html)
    ref.column = html.character_column_at(ref.line, ref.column);
  return found;
}

std::vector<LinkRef> extract_links(std::string_view markdown) {
  return scan_references(markdown).links;
}

std::vector<RawHtmlRef> find_raw_html(std::string_view markdown) {
  return scan_references(markdown).raw_html;
}

}  // namespace ashyq::markup
