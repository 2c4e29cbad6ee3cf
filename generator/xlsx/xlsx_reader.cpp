#include "xlsx/xlsx_reader.h"

#include <libxml/xmlreader.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <system_error>
#include <utility>

namespace ashyq::xlsx {
namespace {

constexpr int kMaxRow = 1048576;  // Excel's grid: rows 1..1048576, columns A..XFD
constexpr int kMaxCol = 16384;

// How every message about a damaged file ends.
constexpr const char* kSaveAgain =
    "open it in the spreadsheet program and save it again as an Excel workbook (.xlsx)";

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

std::string size_text(std::uint64_t bytes) {
  constexpr std::uint64_t kMiB = std::uint64_t{1} << 20;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  return std::to_string(bytes) + " bytes";
}

template <typename Int>
bool parse_int(std::string_view s, Int& out) {
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), out);
  return error == std::errc() && end == s.data() + s.size() && !s.empty();
}

// "B12" → row 12, column 2; false unless it is one cell of Excel's grid.
bool parse_ref(std::string_view ref, int& row, int& col) {
  std::size_t i = 0;
  col = 0;
  for (; i < ref.size() && i < 3; ++i) {
    char c = ref[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + (c - 'A' + 1);
  }
  return i > 0 && col <= kMaxCol && parse_int(ref.substr(i), row) && row >= 1 && row <= kMaxRow;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// The UTF-16 code unit of an `_xHHHH_` escape at `at`, if there is one.
std::optional<char32_t> escape_at(std::string_view s, std::size_t at) {
  if (at + 7 > s.size() || s[at] != '_' || s[at + 1] != 'x' || s[at + 6] != '_')
    return std::nullopt;
  unsigned unit = 0;
  const auto [end, error] = std::from_chars(s.data() + at + 2, s.data() + at + 6, unit, 16);
  if (error != std::errc() || end != s.data() + at + 6) return std::nullopt;
  return unit;
}

// OOXML strings write characters XML cannot carry (a carriage return, control characters) as
// `_xHHHH_`, UTF-16 code units in hex, and a literal "_x" that would read as one as `_x005F_x`.
std::string decode_escapes(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::optional<char32_t> unit = escape_at(s, i);
    if (!unit) {
      out += s[i++];
      continue;
    }
    i += 7;
    char32_t c = *unit;
    if (c >= 0xD800 && c <= 0xDBFF) {
      const std::optional<char32_t> low = escape_at(s, i);
      if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (*low - 0xDC00);
        i += 7;
      } else {
        c = 0xFFFD;  // half of a surrogate pair is no character
      }
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    append_utf8(out, c);
  }
  return out;
}

bool is_builtin_date_format(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

// Whether a custom number format code shows a date or a time: a d, m, y, h or s that is a format
// letter, not text in quotes, a bracketed colour or locale ("[Red]", "[$-419]"), a character
// escaped with a backslash or after _ (a space as wide as it) or * (a fill). An elapsed-time
// bracket ("[h]", "[mm]", "[ss]") is a time.
bool is_date_format_code(std::string_view code) {
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = static_cast<char>(code[i] | 0x20);  // ASCII lower case
    if (code[i] == '"') {
      i = code.find('"', i + 1);
      if (i == std::string_view::npos) return false;
    } else if (code[i] == '[') {
      const std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) return false;
      const std::string_view inside = code.substr(i + 1, close - i - 1);
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos)
        return true;
      i = close;
    } else if (code[i] == '\\' || code[i] == '_' || code[i] == '*') {
      ++i;
    } else if (c == 'd' || c == 'm' || c == 'y' || c == 'h' || c == 's') {
      return true;
    }
  }
  return false;
}

// One ZIP entry being inflated, its bytes counted against the limits as they come out, so that an
// entry whose header understates its size cannot get past them.
class PartStream {
 public:
  PartStream(zip_file_t* file, const Limits& limits, std::uint64_t& total)
      : file_(file), limits_(limits), total_(total) {}
  ~PartStream() { zip_fclose(file_); }
  PartStream(const PartStream&) = delete;
  PartStream& operator=(const PartStream&) = delete;

  // libxml2's read callback. An error ends the input (0) rather than failing it (-1): libxml2
  // would print a failed read to stderr itself; the truncated XML fails to parse, and XmlPart
  // then reports error() instead of the parser's complaint.
  static int read(void* self, char* buffer, int size) {
    auto& s = *static_cast<PartStream*>(self);
    if (!s.error_.empty() || size <= 0) return 0;
    const zip_int64_t n = zip_fread(s.file_, buffer, static_cast<zip_uint64_t>(size));
    if (n < 0) {
      s.error_ = std::string("cannot be inflated (") + zip_file_strerror(s.file_) +
                 "); the file is damaged: " + kSaveAgain;
      return 0;
    }
    const auto bytes = static_cast<std::uint64_t>(n);
    s.part_ += bytes;
    s.total_ += bytes;
    if (s.part_ > s.limits_.part_bytes) {
      s.error_ = "inflates to more than " + size_text(s.limits_.part_bytes) +
                 ", the most one part may take (a ZIP bomb, or a sheet far larger than any a "
                 "portal imports); split the data into smaller workbooks";
      return 0;
    }
    if (s.total_ > s.limits_.total_bytes) {
      s.error_ = "brings the workbook's parts to more than " + size_text(s.limits_.total_bytes) +
                 " inflated, the most a workbook may take (a ZIP bomb, or far more data than "
                 "any a portal imports); split the data into smaller workbooks";
      return 0;
    }
    return static_cast<int>(n);
  }

  const std::string& error() const { return error_; }

 private:
  zip_file_t* file_;
  const Limits& limits_;
  std::uint64_t& total_;
  std::uint64_t part_ = 0;
  std::string error_;
};

// A part read as a stream of XML nodes (libxml2's xmlTextReader), element names without their
// namespace prefix. next() is false at the end and on an error; ok() and error() tell which.
class XmlPart {
 public:
  XmlPart(std::unique_ptr<PartStream> stream, std::string name)
      : stream_(std::move(stream)), name_(std::move(name)) {
    // No XML_PARSE_NOENT (entities are not substituted), no XML_PARSE_DTDLOAD (no external DTD is
    // read), XML_PARSE_NONET (nothing is fetched); a DOCTYPE is refused in next() anyway.
    reader_ = xmlReaderForIO(&PartStream::read, nullptr, stream_.get(), name_.c_str(), nullptr,
                             XML_PARSE_NONET | XML_PARSE_NOCDATA);
    if (reader_)
      xmlTextReaderSetStructuredErrorHandler(reader_, &XmlPart::on_error, this);
    else
      error_ = "cannot be read as XML";
  }
  ~XmlPart() {
    if (reader_) xmlFreeTextReader(reader_);
  }
  XmlPart(const XmlPart&) = delete;
  XmlPart& operator=(const XmlPart&) = delete;

  const std::string& part() const { return name_; }

  bool next() {
    if (!error_.empty() || done_) return false;
    const int r = xmlTextReaderRead(reader_);
    if (r == 1) {
      if (xmlTextReaderNodeType(reader_) == XML_READER_TYPE_DOCUMENT_TYPE) {
        error_ =
            "has a DOCTYPE, which no part of an XLSX workbook has (it could declare entities "
            "that expand without bound or read other files), so the file is refused; " +
            std::string(kSaveAgain);
        return false;
      }
      return true;
    }
    done_ = true;
    if (r < 0 || !stream_->error().empty()) {
      if (!stream_->error().empty())
        error_ = stream_->error();
      else
        error_ = "is not well-formed XML (" +
                 (parse_error_.empty() ? std::string("libxml2 cannot parse it") : parse_error_) +
                 "); the file is damaged: " + kSaveAgain;
    }
    return false;
  }

  bool ok() const { return error_.empty(); }
  // What is wrong with the part, to follow its name ("is not well-formed XML (line 3: ...)").
  const std::string& error() const { return error_; }

  bool element() const { return xmlTextReaderNodeType(reader_) == XML_READER_TYPE_ELEMENT; }
  bool end_element() const { return xmlTextReaderNodeType(reader_) == XML_READER_TYPE_END_ELEMENT; }
  bool empty() const { return xmlTextReaderIsEmptyElement(reader_) == 1; }
  int depth() const { return xmlTextReaderDepth(reader_); }
  std::string_view name() const {
    const xmlChar* n = xmlTextReaderConstLocalName(reader_);
    return n ? std::string_view(reinterpret_cast<const char*>(n)) : std::string_view();
  }

  // The value of the current element's attribute `name` (no prefix).
  std::optional<std::string> attribute(const char* name) const {
    xmlChar* v = xmlTextReaderGetAttribute(reader_, reinterpret_cast<const xmlChar*>(name));
    if (!v) return std::nullopt;
    std::string value(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return value;
  }

  // r:id, the attribute that names a relationship: "id" in the relationships namespace, which
  // transitional and Strict OOXML spell differently.
  std::optional<std::string> relationship_id() const {
    std::optional<std::string> id;
    for (int r = xmlTextReaderMoveToFirstAttribute(reader_); r == 1 && !id;
         r = xmlTextReaderMoveToNextAttribute(reader_)) {
      const xmlChar* ns = xmlTextReaderConstNamespaceUri(reader_);
      if (name() == "id" && ns && ends_with(reinterpret_cast<const char*>(ns), "/relationships"))
        id = reinterpret_cast<const char*>(xmlTextReaderConstValue(reader_));
    }
    xmlTextReaderMoveToElement(reader_);
    return id;
  }

  // The text inside the current element, as written; the reader is then at its end.
  std::string text() {
    std::string out;
    if (empty()) return out;
    const int depth = this->depth();
    while (next()) {
      switch (xmlTextReaderNodeType(reader_)) {
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          out += reinterpret_cast<const char*>(xmlTextReaderConstValue(reader_));
          break;
        case XML_READER_TYPE_END_ELEMENT:
          if (this->depth() == depth) return out;
          break;
        default:
          break;
      }
    }
    return out;
  }

  // The text of a string item (<si> of the shared strings, <is> of a cell): its <t>, or the <t> of
  // each rich text run in turn, escapes decoded; phonetic runs (<rPh>) are not part of it.
  std::string rich_text() {
    std::string out;
    if (empty()) return out;
    const int depth = this->depth();
    while (next()) {
      if (end_element() && this->depth() == depth) break;
      if (!element()) continue;
      if (name() == "rPh")
        skip();
      else if (name() == "t")
        out += decode_escapes(text());
    }
    return out;
  }

  // Moves to the end of the current element.
  void skip() {
    if (empty()) return;
    const int depth = this->depth();
    while (next())
      if (end_element() && this->depth() == depth) return;
  }

 private:
  static void on_error(void* self, xmlErrorPtr error) {
    auto& part = *static_cast<XmlPart*>(self);
    if (!error || error->level < XML_ERR_ERROR || !part.parse_error_.empty()) return;
    std::string message = error->message ? error->message : "";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    part.parse_error_ =
        error->line > 0 ? "line " + std::to_string(error->line) + ": " + message : message;
  }

  std::unique_ptr<PartStream> stream_;
  std::string name_;
  xmlTextReaderPtr reader_ = nullptr;
  std::string parse_error_;  // libxml2's first error, with its line
  std::string error_;
  bool done_ = false;
};

struct Relationship {
  std::string id, type;
  std::string target;  // the part's name in the archive ("xl/worksheets/sheet1.xml")
};

// The part name a relationship's Target names, from the folder of its source part: relative
// ("worksheets/sheet1.xml") or absolute ("/xl/worksheets/sheet1.xml"), percent-escapes decoded,
// "." and ".." resolved.
std::string resolve_target(std::string_view source_folder, std::string_view target) {
  std::string decoded;
  for (std::size_t i = 0; i < target.size(); ++i) {
    unsigned byte = 0;
    if (target[i] == '%' && i + 2 < target.size() &&
        std::from_chars(target.data() + i + 1, target.data() + i + 3, byte, 16).ptr ==
            target.data() + i + 3) {
      decoded += static_cast<char>(byte);
      i += 2;
    } else {
      decoded += target[i];
    }
  }
  std::string joined = !decoded.empty() && decoded[0] == '/' ? decoded.substr(1)
                                                             : std::string(source_folder) + decoded;
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    const std::string segment = joined.substr(start, slash - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = slash + 1;
  }
  std::string out;
  for (const std::string& segment : segments) out += (out.empty() ? "" : "/") + segment;
  return out;
}

struct ZipCloser {
  void operator()(zip_t* zip) const { zip_discard(zip); }  // read-only: nothing to write back
};

// One workbook being read: the archive, the limits and the bytes inflated so far.
class Reader {
 public:
  Reader(std::string file, zip_t* zip, const Limits& limits)
      : file_(std::move(file)), zip_(zip), limits_(limits) {}

  Result<Workbook> read();

 private:
  Status fail(const std::string& what) const {
    return Status::invalid_argument(file_ + ": " + what, file_);
  }
  Status fail(const XmlPart& xml) const {
    return fail("the part " + xml.part() + " " + xml.error());
  }

  std::optional<zip_int64_t> locate(const std::string& part) const {
    // Part names are case-insensitive (ECMA-376 part 2, 9.1.1.1).
    const zip_int64_t index = zip_name_locate(zip_.get(), part.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    return index;
  }
  Result<std::unique_ptr<XmlPart>> open(const std::string& part);
  Result<std::vector<Relationship>> relationships(const std::string& source);
  Result<std::vector<std::string>> shared_strings(const std::string& part);
  Result<std::vector<bool>> date_styles(const std::string& part);
  Status sheet(const std::string& part, const std::vector<std::string>& strings,
               const std::vector<bool>& dates, Sheet& out);
  Status cell(XmlPart& xml, const std::vector<std::string>& strings, const std::vector<bool>& dates,
              int row, int& col, Sheet& out);

  std::string file_;
  std::unique_ptr<zip_t, ZipCloser> zip_;
  const Limits& limits_;
  std::uint64_t inflated_ = 0;
};

Result<std::unique_ptr<XmlPart>> Reader::open(const std::string& part) {
  const std::optional<zip_int64_t> index = locate(part);
  if (!index) return fail("the part " + part + " is missing; the file is damaged: " + kSaveAgain);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(*index), 0, &stat) != 0)
    return fail("the part " + part + " cannot be read (" + zip_strerror(zip_.get()) +
                "); the file is damaged: " + kSaveAgain);
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
    return fail("the part " + part +
                " is encrypted, as a ZIP archive with a password is; save the workbook "
                "without a password");
  if ((stat.valid & ZIP_STAT_COMP_METHOD) && !zip_compression_method_supported(stat.comp_method, 0))
    return fail("the part " + part + " is compressed with method " +
                std::to_string(stat.comp_method) +
                ", which libzip cannot inflate (XLSX uses deflate); " + kSaveAgain);
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > limits_.part_bytes)
    return fail("the part " + part + " inflates to " + std::to_string(stat.size) +
                " bytes, more than " + size_text(limits_.part_bytes) +
                ", the most one part may take (a ZIP bomb, or a sheet far larger than any a "
                "portal imports); split the data into smaller workbooks");
  zip_file_t* file = zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(*index), 0);
  if (!file)
    return fail("the part " + part + " cannot be opened (" + zip_strerror(zip_.get()) +
                "); the file is damaged: " + kSaveAgain);
  auto xml =
      std::make_unique<XmlPart>(std::make_unique<PartStream>(file, limits_, inflated_), part);
  if (!xml->ok()) return fail(*xml);
  return xml;
}

Result<std::vector<Relationship>> Reader::relationships(const std::string& source) {
  const std::size_t slash = source.rfind('/');
  const std::string folder = slash == std::string::npos ? "" : source.substr(0, slash + 1);
  const std::string rels = folder + "_rels/" + source.substr(folder.size()) + ".rels";
  std::vector<Relationship> out;
  if (!locate(rels)) return out;
  Result<std::unique_ptr<XmlPart>> opened = open(rels);
  if (!opened.ok()) return opened.status();
  XmlPart& xml = **opened;
  while (xml.next()) {
    if (!xml.element() || xml.name() != "Relationship") continue;
    if (xml.attribute("TargetMode").value_or("") == "External") continue;
    Relationship r;
    r.id = xml.attribute("Id").value_or("");
    r.type = xml.attribute("Type").value_or("");
    r.target = resolve_target(folder, xml.attribute("Target").value_or(""));
    out.push_back(std::move(r));
  }
  if (!xml.ok()) return fail(xml);
  return out;
}

Result<std::vector<std::string>> Reader::shared_strings(const std::string& part) {
  Result<std::unique_ptr<XmlPart>> opened = open(part);
  if (!opened.ok()) return opened.status();
  XmlPart& xml = **opened;
  std::vector<std::string> strings;
  while (xml.next())
    if (xml.element() && xml.name() == "si") strings.push_back(xml.rich_text());
  if (!xml.ok()) return fail(xml);
  return strings;
}

// For each cell format of the styles part (<cellXfs>, indexed by a cell's s attribute), whether
// its number format shows a date or a time.
Result<std::vector<bool>> Reader::date_styles(const std::string& part) {
  Result<std::unique_ptr<XmlPart>> opened = open(part);
  if (!opened.ok()) return opened.status();
  XmlPart& xml = **opened;
  std::map<int, bool> custom;  // numFmtId → a date format
  std::vector<int> formats;    // the numFmtId of each cell format
  std::string section;         // the child of <styleSheet> the reader is in
  while (xml.next()) {
    if (!xml.element()) continue;
    if (xml.depth() == 1) {
      section = xml.name();
    } else if (xml.depth() == 2 && section == "numFmts" && xml.name() == "numFmt") {
      int id = 0;
      if (parse_int(xml.attribute("numFmtId").value_or(""), id))
        custom[id] = is_date_format_code(xml.attribute("formatCode").value_or(""));
    } else if (xml.depth() == 2 && section == "cellXfs" && xml.name() == "xf") {
      int id = 0;
      formats.push_back(parse_int(xml.attribute("numFmtId").value_or("0"), id) ? id : 0);
    }
  }
  if (!xml.ok()) return fail(xml);
  std::vector<bool> dates;
  dates.reserve(formats.size());
  for (int id : formats) {
    const auto it = custom.find(id);
    dates.push_back(it != custom.end() ? it->second : is_builtin_date_format(id));
  }
  return dates;
}

Status Reader::cell(XmlPart& xml, const std::vector<std::string>& strings,
                    const std::vector<bool>& dates, int row, int& col, Sheet& out) {
  Cell c;
  // Built only for a message: this runs once per cell.
  const auto in_sheet = [&] { return "sheet \"" + out.name + "\" (" + xml.part() + ")"; };
  if (const std::optional<std::string> ref = xml.attribute("r")) {
    if (!parse_ref(*ref, c.row, c.col))
      return fail(in_sheet() + ": the cell reference \"" + *ref +
                  "\" is not a cell of the grid A1:XFD1048576; the file is damaged: " + kSaveAgain);
  } else {  // a cell without a reference follows the one before it in its row
    c.row = row;
    c.col = col + 1;
    if (c.col > kMaxCol)
      return fail(in_sheet() + ": a cell after " + cell_name(row, col) +
                  " is past the last column, XFD; the file is damaged: " + kSaveAgain);
  }
  col = c.col;
  const std::string type = xml.attribute("t").value_or("n");
  std::size_t style = 0;
  const bool styled = parse_int(xml.attribute("s").value_or("0"), style);

  std::optional<std::string> value;  // <v>, or the text of <is>
  if (!xml.empty()) {
    const int depth = xml.depth();
    while (xml.next()) {
      if (xml.end_element() && xml.depth() == depth) break;
      if (!xml.element()) continue;
      if (xml.name() == "f") {
        c.formula = true;
        c.formula_text = xml.text();
      } else if (xml.name() == "v") {
        value = xml.text();
      } else if (xml.name() == "is") {
        value = xml.rich_text();
      } else {
        xml.skip();
      }
    }
    if (!xml.ok()) return fail(xml);
  }

  const auto where = [&] { return in_sheet() + ", cell " + cell_name(c.row, c.col) + ": "; };
  if (!value || (type == "n" && value->empty())) {
    if (!c.formula) return Status();  // a style and no value
    value.emplace();  // a formula the program has not calculated: its value is unknown
    c.type = CellType::text;
  } else if (type == "n") {
    const std::size_t first = value->find_first_not_of(" \t\r\n");
    const std::size_t last = value->find_last_not_of(" \t\r\n");
    const std::string_view digits = first == std::string::npos
                                        ? std::string_view()
                                        : std::string_view(*value).substr(first, last - first + 1);
    const auto [end, error] =
        std::from_chars(digits.data(), digits.data() + digits.size(), c.number);
    if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() ||
        !std::isfinite(c.number))
      return fail(where() + "the value \"" + *value +
                  "\" is not a number; the file is damaged: " + kSaveAgain);
    c.type = CellType::number;
    c.date_format = styled && style < dates.size() && dates[style];
  } else if (type == "s") {
    std::size_t index = 0;
    if (!parse_int(*value, index) || index >= strings.size())
      return fail(where() + "it refers to shared string \"" + *value +
                  "\", which the workbook does not have (" +
                  (strings.empty()
                       ? std::string("it has none")
                       : "it has " + std::to_string(strings.size()) + ", numbered from 0") +
                  "); the file is damaged: " + kSaveAgain);
    c.type = CellType::text;
    value = strings[index];
  } else if (type == "inlineStr" || type == "str") {
    c.type = CellType::text;
    if (type == "str") value = decode_escapes(*value);  // <is> was decoded run by run
  } else if (type == "b") {
    const bool truth = *value == "1" || *value == "true";
    if (!truth && *value != "0" && *value != "false")
      return fail(where() + "the boolean value \"" + *value +
                  "\" is neither 1 nor 0; the file is damaged: " + kSaveAgain);
    c.type = CellType::boolean;
    c.number = truth ? 1 : 0;
    value = truth ? "TRUE" : "FALSE";
  } else if (type == "e") {
    c.type = CellType::error;
  } else if (type == "d") {
    c.type = CellType::text;  // an ISO 8601 date, as written
  } else {
    return fail(where() + "the cell type t=\"" + type +
                "\" is none of OOXML's (n, s, str, inlineStr, b, e, d); the file is damaged: " +
                kSaveAgain);
  }
  c.text = std::move(*value);
  out.rows = std::max(out.rows, c.row);
  out.cells.push_back(std::move(c));
  return Status();
}

Status Reader::sheet(const std::string& part, const std::vector<std::string>& strings,
                     const std::vector<bool>& dates, Sheet& out) {
  Result<std::unique_ptr<XmlPart>> opened = open(part);
  if (!opened.ok()) return opened.status();
  XmlPart& xml = **opened;
  int data_depth = -1;  // the depth of <sheetData> while the reader is in it
  int row = 0, col = 0;
  while (xml.next()) {
    if (data_depth >= 0 && xml.end_element() && xml.depth() == data_depth) data_depth = -1;
    if (!xml.element()) continue;
    const std::string_view name = xml.name();
    if (data_depth < 0) {
      if (name == "sheetData" && !xml.empty())
        data_depth = xml.depth();
      else if (name == "mergeCell")
        if (std::optional<std::string> ref = xml.attribute("ref")) out.merged.push_back(*ref);
      continue;
    }
    if (name == "row") {
      // A row without a number follows the one before it.
      const std::optional<std::string> r = xml.attribute("r");
      int number = row + 1;
      if (r && (!parse_int(*r, number) || number < 1 || number > kMaxRow))
        return fail("sheet \"" + out.name + "\" (" + part + "): the row number \"" + *r +
                    "\" is not one of 1 to 1048576; the file is damaged: " + kSaveAgain);
      row = number;
      col = 0;
    } else if (name == "c") {
      if (Status s = cell(xml, strings, dates, std::max(row, 1), col, out); !s.ok()) return s;
    }
  }
  if (!xml.ok()) return fail(xml);
  const auto before = [](const Cell& a, const Cell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  };
  if (!std::is_sorted(out.cells.begin(), out.cells.end(), before))
    std::stable_sort(out.cells.begin(), out.cells.end(), before);
  return Status();
}

const Relationship* find_type(const std::vector<Relationship>& rels, std::string_view type) {
  for (const Relationship& r : rels)
    if (ends_with(r.type, type)) return &r;
  return nullptr;
}

Result<Workbook> Reader::read() {
  // The main part, as the package's relationships name it.
  Result<std::vector<Relationship>> package = relationships("");
  if (!package.ok()) return package.status();
  const Relationship* main = find_type(*package, "/officeDocument");
  const std::string workbook_part = main ? main->target : "xl/workbook.xml";
  if (ends_with(workbook_part, ".bin"))
    return fail(
        "it is an Excel binary workbook (.xlsb), not an XLSX workbook; save it in the "
        "spreadsheet program as an Excel workbook (.xlsx)");
  if (!locate(workbook_part))
    return fail("it has no " + workbook_part +
                ", so it is a ZIP archive but not an XLSX workbook; save the spreadsheet as an "
                "Excel workbook (.xlsx)");

  Workbook book;
  struct Entry {
    std::string name, id;
  };
  std::vector<Entry> entries;
  {
    Result<std::unique_ptr<XmlPart>> opened = open(workbook_part);
    if (!opened.ok()) return opened.status();
    XmlPart& xml = **opened;
    bool root = true;
    while (xml.next()) {
      if (!xml.element()) continue;
      if (root && xml.name() != "workbook")
        return fail("its main part " + workbook_part + " is a <" + std::string(xml.name()) +
                    ">, not a <workbook>: it is not a spreadsheet; save the spreadsheet as an "
                    "Excel workbook (.xlsx)");
      root = false;
      if (xml.name() == "workbookPr") {
        const std::string v = xml.attribute("date1904").value_or("");
        book.date1904 = v == "1" || v == "true";
      } else if (xml.name() == "sheet" && xml.depth() == 2) {  // <workbook><sheets><sheet>
        Sheet sheet;
        sheet.name = xml.attribute("name").value_or("");
        const std::string state = xml.attribute("state").value_or("");
        sheet.hidden = state == "hidden" || state == "veryHidden";
        entries.push_back({sheet.name, xml.relationship_id().value_or("")});
        book.sheets.push_back(std::move(sheet));
      }
    }
    if (!xml.ok()) return fail(xml);
  }

  Result<std::vector<Relationship>> rels = relationships(workbook_part);
  if (!rels.ok()) return rels.status();
  std::vector<std::string> strings;
  if (const Relationship* r = find_type(*rels, "/sharedStrings")) {
    Result<std::vector<std::string>> read = shared_strings(r->target);
    if (!read.ok()) return read.status();
    strings = std::move(read).value();
  }
  std::vector<bool> dates;
  if (const Relationship* r = find_type(*rels, "/styles")) {
    Result<std::vector<bool>> read = date_styles(r->target);
    if (!read.ok()) return read.status();
    dates = std::move(read).value();
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto r = std::find_if(rels->begin(), rels->end(),
                                [&](const Relationship& rel) { return rel.id == entries[i].id; });
    if (r == rels->end())
      return fail(
          "sheet \"" + entries[i].name + "\" refers to relationship \"" + entries[i].id +
          "\", which the workbook's relationships do not have; the file is damaged: " + kSaveAgain);
    if (Status s = sheet(r->target, strings, dates, book.sheets[i]); !s.ok()) return s;
  }
  return book;
}

// An OLE compound file (the container of .xls) that holds an "EncryptedPackage" stream is an
// XLSX workbook saved with a password to open: Excel encrypts the whole ZIP and wraps it so.
// Looks for the stream's name (UTF-16) in the file's bytes, a chunk at a time.
bool has_encrypted_package(const std::filesystem::path& path) {
  const std::u16string name = u"EncryptedPackage";
  std::string needle;
  for (char16_t c : name) {
    needle += static_cast<char>(c & 0xFF);
    needle += static_cast<char>(c >> 8);
  }
  std::ifstream in(path, std::ios::binary);
  std::string buffer;
  std::string chunk(1 << 20, '\0');
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    // Keep the tail of the previous chunk, in case the name straddles two.
    buffer = buffer.substr(buffer.size() > needle.size() ? buffer.size() - needle.size() : 0) +
             chunk.substr(0, static_cast<std::size_t>(in.gcount()));
    if (buffer.find(needle) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

const Sheet* Workbook::sheet(std::string_view name) const {
  for (const Sheet& s : sheets)
    if (s.name == name) return &s;
  return nullptr;
}

std::string cell_name(int row, int col) {
  std::string letters;
  for (int n = col; n > 0; n = (n - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters + std::to_string(row);
}

Result<Workbook> read_workbook(const std::filesystem::path& path, const Limits& limits) {
  const std::string file = path.string();
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status))
    return Status::io_error(file, file + ": no such file; give the path of an .xlsx workbook");
  if (std::filesystem::is_directory(status))
    return Status::io_error(file, file + ": is a folder; give the path of an .xlsx workbook");
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return Status::io_error(file, file + ": cannot be read (" + ec.message() + ")");
  if (size == 0)
    return Status::invalid_argument(file +
                                        ": is empty (0 bytes), not an XLSX workbook; save the "
                                        "spreadsheet as an Excel workbook (.xlsx) again",
                                    file);

  char magic[8] = {};
  std::ifstream(path, std::ios::binary).read(magic, sizeof magic);
  if (std::memcmp(magic, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
    if (has_encrypted_package(path))
      return Status::invalid_argument(
          file +
              ": is protected with a password (Excel encrypts such a workbook), so it cannot be "
              "read; open it in the spreadsheet program, remove the password (File → Info → "
              "Protect Workbook → Encrypt with Password) and save it",
          file);
    return Status::invalid_argument(
        file +
            ": is an Excel 97-2003 workbook (.xls) or another OLE compound file, not an XLSX "
            "workbook; save it in the spreadsheet program as an Excel workbook (.xlsx)",
        file);
  }

  int error = 0;
  zip_t* zip = zip_open(file.c_str(), ZIP_RDONLY, &error);
  if (!zip) {
    zip_error_t z;
    zip_error_init_with_code(&z, error);
    const std::string why = zip_error_strerror(&z);
    zip_error_fini(&z);
    if (error == ZIP_ER_NOZIP)
      return Status::invalid_argument(
          file +
              ": is not a ZIP archive, which every XLSX workbook is (a CSV or another file "
              "renamed to .xlsx?); save the spreadsheet as an Excel workbook (.xlsx)",
          file);
    if (error == ZIP_ER_OPEN || error == ZIP_ER_READ || error == ZIP_ER_NOENT)
      return Status::io_error(file, file + ": cannot be read (" + why + ")");
    return Status::invalid_argument(
        file + ": is a damaged ZIP archive (" + why + "); " + kSaveAgain, file);
  }
  xmlInitParser();
  return Reader(file, zip, limits).read();
}

}  // namespace ashyq::xlsx
