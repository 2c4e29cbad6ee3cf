#pragma once
// The full-text index of one language: documents (what a result shows) and, for every term (a
// stemmed word, see search/text_analysis.h), the documents that hold it with a precomputed BM25
// score. Built in one pass over the documents, then frozen; written as static files by
// search/index_writer.h. Deterministic: documents keep the order they were added in, terms are
// sorted by their UTF-8 bytes, postings by document.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang.h"

namespace ashyq::search {

// What a result shows. Every text is in the index's language (or the other one where the page
// itself falls back to it).
struct DocumentInfo {
  std::string url;      // "/kk/grants/<id>/"
  std::string title;    // the page's title
  std::string kind;     // "grant", "organisation", "plan", "region", "page"
  std::string excerpt;  // one line of facts: "grantee · region · year · amount"
  std::string summary;  // the start of the goal or description; may be empty
};

// One piece of a document's text and how much a word in it counts: the title counts more than the
// body, so a word in a title ranks a page above one that only mentions it.
struct WeightedText {
  std::string_view text;
  std::uint32_t weight = 1;
};

inline constexpr std::uint32_t kTitleWeight = 3;
inline constexpr std::uint32_t kNameWeight = 2;  // grantee, operator, region, direction names

struct Posting {
  std::uint32_t document;  // index into SearchIndex::documents
  std::uint32_t score;     // BM25 × kScoreScale, rounded, at least 1
};

inline constexpr double kScoreScale = 10;
inline constexpr double kBm25K1 = 1.2;
inline constexpr double kBm25B = 0.75;

struct TermPostings {
  std::string term;
  std::vector<Posting> postings;  // by document, ascending
};

struct SearchIndex {
  Lang lang = Lang::kk;
  std::vector<DocumentInfo> documents;
  std::vector<TermPostings> terms;  // by term, ascending UTF-8 byte order
  std::uint64_t tokens = 0;         // words indexed, over all documents
};

// Collects documents one by one and turns them into a SearchIndex. Memory grows with the number
// of distinct (term, document) pairs, not with the number of words: each document's words are
// counted in a scratch table and only its distinct terms are kept. Not thread-safe; build one per
// language.
class IndexBuilder {
 public:
  explicit IndexBuilder(Lang lang);
  ~IndexBuilder();
  IndexBuilder(const IndexBuilder&) = delete;
  IndexBuilder& operator=(const IndexBuilder&) = delete;

  // Adds a document made of `texts`; a text counts each of its words `weight` times. Documents
  // are numbered in the order they are added, which is also the order ties in score keep.
  void add(DocumentInfo info, const std::vector<WeightedText>& texts);

  // Scores every posting with BM25 (k1 = 1.2, b = 0.75; a document's length is its weighted word
  // count) and returns the index. The builder is empty afterwards.
  SearchIndex finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace ashyq::search
