// The search index on its own: the builder's postings and scores, and the files the writer makes
// of them (docs/search.md). Documents here are synthetic, made up for these tests.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/short_text.h"
#include "search/index_writer.h"
#include "search/search_documents.h"
#include "search/search_index.h"
#include "search/text_analysis.h"

namespace ashyq::search {
namespace {

using nlohmann::json;

DocumentInfo info(const std::string& url) { return {url, url, "page", "", ""}; }

// The index term of one word, as the index makes it (words() first: lower case, ё → е).
std::string term_of(Lang lang, const std::string& word) { return terms(lang, word).front(); }

const TermPostings* find_term(const SearchIndex& index, const std::string& term) {
  for (const TermPostings& t : index.terms)
    if (t.term == term) return &t;
  return nullptr;
}

// Three synthetic documents in Russian: the word "отчёт" in a title, in a body, and not at all.
SearchIndex small_index() {
  IndexBuilder builder(Lang::ru);
  builder.add(info("/ru/a/"), {{"Синтетический проект", kTitleWeight},
                               {"Итоговый отчёт проекта сдан вовремя и полностью."}});
  builder.add(info("/ru/b/"), {{"Итоговый отчёт", kTitleWeight}, {"Синтетический текст."}});
  builder.add(info("/ru/c/"), {{"Другое", kTitleWeight}, {"Совсем другое."}});
  return builder.finish();
}

TEST_CASE("The index builder keeps documents in order and ranks a title word above a body word",
          "[search]") {
  const SearchIndex index = small_index();
  REQUIRE(index.documents.size() == 3);
  CHECK(index.documents[1].url == "/ru/b/");
  const TermPostings* report = find_term(index, term_of(Lang::ru, "отчёт"));
  REQUIRE(report != nullptr);
  REQUIRE(report->postings.size() == 2);
  CHECK(report->postings[0].document == 0);
  CHECK(report->postings[1].document == 1);
  // Document b has the word in its (shorter, weighted) title; a only in its body.
  CHECK(report->postings[1].score > report->postings[0].score);
  CHECK(report->postings[0].score >= 1);
}

TEST_CASE("The index's terms are sorted and every term's postings ascend by document", "[search]") {
  const SearchIndex index = small_index();
  REQUIRE(index.terms.size() > 5);
  for (std::size_t i = 1; i < index.terms.size(); ++i)
    CHECK(index.terms[i - 1].term < index.terms[i].term);
  for (const TermPostings& term : index.terms)
    for (std::size_t i = 1; i < term.postings.size(); ++i)
      CHECK(term.postings[i - 1].document < term.postings[i].document);
}

TEST_CASE("A rare word scores higher than a word every document has", "[search]") {
  IndexBuilder builder(Lang::ru);
  builder.add(info("/ru/1/"), {{"грант редкость"}});
  builder.add(info("/ru/2/"), {{"грант обычный"}});
  builder.add(info("/ru/3/"), {{"грант обычный"}});
  const SearchIndex index = builder.finish();
  const TermPostings* common = find_term(index, term_of(Lang::ru, "грант"));
  const TermPostings* rare = find_term(index, term_of(Lang::ru, "редкость"));
  REQUIRE(common != nullptr);
  REQUIRE(rare != nullptr);
  CHECK(rare->postings[0].score > common->postings[0].score);
}

// Term chunks of a few bytes, so that a handful of terms spreads over several files.
std::vector<IndexFile> tiny_chunks(const SearchIndex& index) {
  IndexLayout layout;
  layout.term_chunk_bytes = 40;
  layout.documents_per_chunk = 2;
  return index_files(index, layout);
}

TEST_CASE("Term chunks split at term boundaries and meta.json names each chunk's first term",
          "[search]") {
  const SearchIndex index = small_index();
  const std::vector<IndexFile> files = tiny_chunks(index);
  REQUIRE(files.front().path == "search/ru/meta.json");
  const json meta = json::parse(files.front().bytes);
  CHECK(meta["documents"] == 3);
  CHECK(meta["terms"] == index.terms.size());
  const json& chunks = meta["term_chunks"];
  REQUIRE(chunks.size() > 1);
  REQUIRE(meta["term_chunk_first"].size() == chunks.size());
  std::size_t next_term = 0;
  for (std::size_t c = 0; c < chunks.size(); ++c) {
    const std::string path = "search/ru/" + chunks[c].get<std::string>();
    const auto file = std::find_if(files.begin(), files.end(),
                                   [&](const IndexFile& f) { return f.path == path; });
    REQUIRE(file != files.end());
    const json terms = json::parse(file->bytes);
    // Every chunk holds the next terms of the sorted list, starting with the one meta names.
    CHECK(terms.begin().key() == meta["term_chunk_first"][c].get<std::string>());
    for (auto it = terms.begin(); it != terms.end(); ++it) {
      REQUIRE(next_term < index.terms.size());
      CHECK(it.key() == index.terms[next_term].term);
      ++next_term;
    }
  }
  CHECK(next_term == index.terms.size());
}

TEST_CASE("A term's postings are written as document deltas and scores", "[search]") {
  IndexBuilder builder(Lang::kk);
  for (int i = 0; i < 5; ++i)
    builder.add(info("/kk/" + std::to_string(i) + "/"), {{i % 2 == 0 ? "өзен" : "тау"}});
  const SearchIndex index = builder.finish();
  const std::vector<IndexFile> files = index_files(index);
  const json meta = json::parse(files[0].bytes);
  REQUIRE(meta["term_chunks"].size() == 1);
  const json chunk = json::parse(files[1].bytes);
  const std::string river = term_of(Lang::kk, "өзен");
  const TermPostings* postings = find_term(index, river);
  REQUIRE(postings != nullptr);
  // Documents 0, 2, 4: deltas 0, 2, 2.
  REQUIRE(chunk[river].size() == 6);
  CHECK(chunk[river][0] == 0);
  CHECK(chunk[river][2] == 2);
  CHECK(chunk[river][4] == 2);
  CHECK(chunk[river][1] == postings->postings[0].score);
}

TEST_CASE("A document's metadata is in the document chunk meta.json names for it", "[search]") {
  IndexBuilder builder(Lang::kk);
  for (int i = 0; i < 5; ++i)
    builder.add({"/kk/grants/g" + std::to_string(i) + "/", "Грант " + std::to_string(i), "grant",
                 "Ұйым · Өңір · 2024 · 1 000 ₸", i == 3 ? "Мақсат \"тырнақшада\"" : ""},
                {{"мәтін"}});
  const std::vector<IndexFile> files = tiny_chunks(builder.finish());
  const json meta = json::parse(files[0].bytes);
  CHECK(meta["documents_per_chunk"] == 2);
  REQUIRE(meta["document_chunks"].size() == 3);  // 2 + 2 + 1
  const std::string path = "search/kk/" + meta["document_chunks"][1].get<std::string>();
  const auto file =
      std::find_if(files.begin(), files.end(), [&](const IndexFile& f) { return f.path == path; });
  REQUIRE(file != files.end());
  const json chunk = json::parse(file->bytes);
  REQUIRE(chunk.size() == 2);
  CHECK(chunk[1] == json{{"u", "/kk/grants/g3/"},
                         {"t", "Грант 3"},
                         {"k", "grant"},
                         {"e", "Ұйым · Өңір · 2024 · 1 000 ₸"},
                         {"s", "Мақсат \"тырнақшада\""}});
  CHECK_FALSE(chunk[0].contains("s"));  // no summary: no key
}

TEST_CASE("Index files are named by their content and the same index gives the same bytes",
          "[search]") {
  const std::vector<IndexFile> first = tiny_chunks(small_index());
  const std::vector<IndexFile> second = tiny_chunks(small_index());
  REQUIRE(first.size() == second.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    CHECK(first[i].path == second[i].path);
    CHECK(first[i].bytes == second[i].bytes);
  }
  CHECK(first[1].path.rfind("search/ru/t/", 0) == 0);
  CHECK(first.back().path.rfind("search/ru/d/", 0) == 0);
}

TEST_CASE("Markdown is indexed as its words, without link targets and tags", "[search]") {
  CHECK(markdown_words("See [the report](https://example.org/report.pdf) <b>now</b>") ==
        "See  the report   now ");
  CHECK(short_text(markdown_words("## Смета\n\n**Ashyq** — `портал`"), 100) ==
        "Смета Ashyq — портал");
}

}  // namespace
}  // namespace ashyq::search
