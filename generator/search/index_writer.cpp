#include "search/index_writer.h"

#include <cstdio>

#include "core/content_hash.h"
#include "routes/routes.h"

namespace ashyq::search {
namespace {

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
          out += escape;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void append_number(std::string& out, std::uint32_t n) {
  char digits[12];
  const int length = std::snprintf(digits, sizeof digits, "%u", n);
  out.append(digits, static_cast<std::size_t>(length));
}

// "t/0123456789abcdef.json": named by content, so a changed chunk is a new URL.
std::string chunk_name(const char* folder, const std::string& bytes) {
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(content_hash(bytes)));
  return std::string(folder) + "/" + hash + ".json";
}

void append_postings(std::string& out, const TermPostings& term) {
  append_json_string(out, term.term);
  out += ":[";
  std::uint32_t previous = 0;
  for (std::size_t i = 0; i < term.postings.size(); ++i) {
    if (i > 0) out += ',';
    // Deltas keep the numbers of a long posting list short: most are one or two digits.
    append_number(out, term.postings[i].document - previous);
    previous = term.postings[i].document;
    out += ',';
    append_number(out, term.postings[i].score);
  }
  out += ']';
}

}  // namespace

std::string index_url(Lang lang) { return routes::file_url(routes::search_index_folder(lang)); }

std::vector<IndexFile> index_files(const SearchIndex& index, const IndexLayout& layout) {
  const std::string folder = routes::search_index_folder(index.lang);
  std::vector<IndexFile> files(1);
  std::vector<std::pair<const std::string*, std::string>> term_chunks;  // first term, file name

  std::string chunk;
  const std::string* first = nullptr;
  auto close_term_chunk = [&] {
    chunk += '}';
    std::string name = chunk_name("t", chunk);
    term_chunks.emplace_back(first, name);
    files.push_back({folder + name, std::move(chunk)});
    chunk.clear();
  };
  for (const TermPostings& term : index.terms) {
    if (chunk.empty()) {
      chunk += '{';
      first = &term.term;
    } else {
      chunk += ',';
    }
    append_postings(chunk, term);
    // Past the minimum size a chunk ends after a term whose hash says so (about one term in 16),
    // not at a fixed size: adding or removing a term then changes its own chunk only, instead of
    // moving every later boundary, so an incremental build rewrites few chunks.
    if (chunk.size() >= 4 * layout.term_chunk_bytes ||
        (chunk.size() >= layout.term_chunk_bytes && content_hash(term.term) % 16 == 0))
      close_term_chunk();
  }
  if (!chunk.empty()) close_term_chunk();

  std::vector<std::string> document_chunks;
  const std::size_t per_chunk = std::max<std::size_t>(1, layout.documents_per_chunk);
  for (std::size_t start = 0; start < index.documents.size(); start += per_chunk) {
    std::string bytes = "[";
    const std::size_t end = std::min(index.documents.size(), start + per_chunk);
    for (std::size_t i = start; i < end; ++i) {
      const DocumentInfo& d = index.documents[i];
      if (i > start) bytes += ',';
      bytes += "{\"u\":";
      append_json_string(bytes, d.url);
      bytes += ",\"t\":";
      append_json_string(bytes, d.title);
      bytes += ",\"k\":";
      append_json_string(bytes, d.kind);
      bytes += ",\"e\":";
      append_json_string(bytes, d.excerpt);
      if (!d.summary.empty()) {
        bytes += ",\"s\":";
        append_json_string(bytes, d.summary);
      }
      bytes += '}';
    }
    bytes += ']';
    std::string name = chunk_name("d", bytes);
    document_chunks.push_back(name);
    files.push_back({folder + name, std::move(bytes)});
  }

  std::string meta = "{\"version\":1,\"lang\":";
  append_json_string(meta, lang_code(index.lang));
  meta += ",\"documents\":";
  append_number(meta, static_cast<std::uint32_t>(index.documents.size()));
  meta += ",\"terms\":";
  append_number(meta, static_cast<std::uint32_t>(index.terms.size()));
  meta += ",\"documents_per_chunk\":";
  append_number(meta, static_cast<std::uint32_t>(per_chunk));
  meta += ",\"term_chunk_first\":[";
  for (std::size_t i = 0; i < term_chunks.size(); ++i) {
    if (i > 0) meta += ',';
    append_json_string(meta, *term_chunks[i].first);
  }
  meta += "],\"term_chunks\":[";
  for (std::size_t i = 0; i < term_chunks.size(); ++i) {
    if (i > 0) meta += ',';
    append_json_string(meta, term_chunks[i].second);
  }
  meta += "],\"document_chunks\":[";
  for (std::size_t i = 0; i < document_chunks.size(); ++i) {
    if (i > 0) meta += ',';
    append_json_string(meta, document_chunks[i]);
  }
  meta += "]}";
  files[0] = {folder + "meta.json", std::move(meta)};
  return files;
}

}  // namespace ashyq::search
