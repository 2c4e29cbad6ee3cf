#include "core/diagnostics.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

namespace ashyq {

void Diagnostics::error(SourceLocation where, std::string field, std::string message) {
  items_.push_back({Severity::error, std::move(where), std::move(field), std::move(message)});
}

void Diagnostics::warning(SourceLocation where, std::string field, std::string message) {
  items_.push_back({Severity::warning, std::move(where), std::move(field), std::move(message)});
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

int Diagnostics::error_count() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::error;
  }));
}

int Diagnostics::warning_count() const { return static_cast<int>(items_.size()) - error_count(); }

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.file, a.where.sheet, a.where.line, a.where.column, a.field, a.message) <
           std::tie(b.where.file, b.where.sheet, b.where.line, b.where.column, b.field, b.message);
  });
  return out;
}

std::string cell_name(int row, int column) {
  std::string letters;
  for (int c = column; c > 0; c = (c - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row);
}

std::string format_diagnostic(const Diagnostic& d, const std::string* source_line) {
  std::ostringstream out;
  out << d.where.file;
  if (!d.where.sheet.empty()) {
    out << ':' << d.where.sheet;
    if (d.where.line > 0 && d.where.column > 0)
      out << '!' << cell_name(d.where.line, d.where.column);
  } else if (d.where.line > 0) {
    out << ':' << d.where.line;
    if (d.where.column > 0) out << ':' << d.where.column;
  }
  out << ": " << (d.severity == Severity::error ? "error" : "warning") << ": ";
  if (!d.field.empty()) out << d.field << ": ";
  out << d.message << '\n';
  if (source_line && d.where.column > 0) {
    // Long lines (a paragraph in a JSON string) are cut some way past the column, at a character
    // boundary, so the quote stays readable.
    // A BOM is no character an editor shows, nor counts.
    std::string_view line = *source_line;
    if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    const std::size_t keep =
        std::max<std::size_t>(120, static_cast<std::size_t>(d.where.column) + 60);
    std::size_t characters = 0, cut = 0;
    for (; cut < line.size(); ++cut)
      if ((static_cast<unsigned char>(line[cut]) & 0xC0) != 0x80 && characters++ == keep) break;
    out << "    " << line.substr(0, cut) << (cut < line.size() ? "…" : "") << '\n' << "    ";
    // The column counts characters: one space (or the line's own tab) per character before it.
    int column = 1;
    for (std::size_t i = 0; i < line.size() && column < d.where.column; ++i) {
      const unsigned char c = static_cast<unsigned char>(line[i]);
      if ((c & 0xC0) == 0x80) continue;
      out << (c == '\t' ? '\t' : ' ');
      ++column;
    }
    out << "^\n";
  }
  return out.str();
}

std::string format_all(const Diagnostics& diagnostics, const std::string& site_dir) {
  std::map<std::string, std::vector<std::string>> lines_by_file;
  std::string out;
  for (const Diagnostic& d : diagnostics.sorted()) {
    const std::string* source_line = nullptr;
    if (d.where.sheet.empty() && d.where.line > 0 && d.where.column > 0) {
      auto [it, inserted] = lines_by_file.try_emplace(d.where.file);
      if (inserted) {
        std::filesystem::path path(d.where.file);
        if (path.is_relative()) path = std::filesystem::path(site_dir) / path;
        std::ifstream in(path, std::ios::binary);
        for (std::string line; std::getline(in, line);) {
          if (!line.empty() && line.back() == '\r') line.pop_back();
          it->second.push_back(std::move(line));
        }
      }
      if (d.where.line <= static_cast<int>(it->second.size()))
        source_line = &it->second[d.where.line - 1];
    }
    out += format_diagnostic(d, source_line);
  }
  return out;
}

}  // namespace ashyq
