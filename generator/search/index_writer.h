#pragma once
// A SearchIndex as static files, fetched by assets/search/search.js (docs/search.md describes the
// format). Per language, under search/<lang>/:
//   meta.json        the first term of every term chunk and the file names of all chunks
//   t/<hash>.json    a term chunk: {"term": [doc, score, Δdoc, score, …], …} for a sorted,
//                    contiguous range of terms, at least `term_chunk_bytes` long (but the last)
//   d/<hash>.json    a document chunk: [{"u": url, "t": title, "k": kind, "e": excerpt,
//                    "s": summary}, …] for `documents_per_chunk` consecutive documents
// Chunk names are a hash of their bytes, so they can be cached for ever; only meta.json changes
// name-stably. A query reads meta.json, the chunks that hold its terms, then the document chunks
// of the results it shows.
#include <cstddef>
#include <string>
#include <vector>

#include "search/search_index.h"

namespace ashyq::search {

struct IndexFile {
  std::string path;  // relative to the output root: "search/kk/meta.json"
  std::string bytes;
};

struct IndexLayout {
  // A chunk is closed after a term once it has this many bytes and the term's hash is 0 modulo
  // 16 (content-defined boundaries: stable under edits), or once it has 4 times as many. A term
  // whose postings are longer gets a chunk of its own.
  std::size_t term_chunk_bytes = 16 * 1024;
  std::size_t documents_per_chunk = 20;
};

// The files of `index`; meta.json first, then term chunks in term order, then document chunks.
std::vector<IndexFile> index_files(const SearchIndex& index, const IndexLayout& layout = {});

// The folder of a language's index, as the search page gives it to the script: "/search/kk/".
std::string index_url(Lang lang);

}  // namespace ashyq::search
