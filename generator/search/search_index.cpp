#include "search/search_index.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "search/text_analysis.h"

namespace ashyq::search {

struct IndexBuilder::State {
  Lang lang;
  // Lookups only; nothing is ever iterated out of these maps, so their order cannot reach the
  // output. A word is stemmed once per build, not once per occurrence.
  std::unordered_map<std::string, std::uint32_t> term_of_word;
  std::unordered_map<std::string, std::uint32_t> id_of_term;
  std::vector<std::string> term_text;  // by term id
  // (document, weighted count) per term id, documents ascending because they are added in order.
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> postings;
  std::vector<std::uint32_t> document_length;
  // Per-document scratch: count by term id, and the ids touched, so resetting costs what was used.
  std::vector<std::uint32_t> count;
  std::vector<std::uint32_t> touched;
  SearchIndex index;

  std::uint32_t term_id(const std::string& word) {
    if (auto found = term_of_word.find(word); found != term_of_word.end()) return found->second;
    std::string term = stem(lang, word);
    auto [it, inserted] =
        id_of_term.try_emplace(term, static_cast<std::uint32_t>(term_text.size()));
    if (inserted) {
      term_text.push_back(std::move(term));
      postings.emplace_back();
      count.push_back(0);
    }
    term_of_word.emplace(word, it->second);
    return it->second;
  }
};

IndexBuilder::IndexBuilder(Lang lang) : state_(std::make_unique<State>()) {
  state_->lang = lang;
  state_->index.lang = lang;
}

IndexBuilder::~IndexBuilder() = default;

void IndexBuilder::add(DocumentInfo info, const std::vector<WeightedText>& texts) {
  State& s = *state_;
  const auto document = static_cast<std::uint32_t>(s.index.documents.size());
  std::uint32_t length = 0;
  for (const WeightedText& text : texts) {
    if (text.text.empty()) continue;
    for (const std::string& word : words(text.text)) {
      const std::uint32_t id = s.term_id(word);
      if (s.count[id] == 0) s.touched.push_back(id);
      s.count[id] += text.weight;
      length += text.weight;
      ++s.index.tokens;
    }
  }
  for (std::uint32_t id : s.touched) {
    s.postings[id].emplace_back(document, s.count[id]);
    s.count[id] = 0;
  }
  s.touched.clear();
  s.document_length.push_back(length);
  s.index.documents.push_back(std::move(info));
}

SearchIndex IndexBuilder::finish() {
  State& s = *state_;
  const double documents = static_cast<double>(s.index.documents.size());
  const double total_length =
      std::accumulate(s.document_length.begin(), s.document_length.end(), 0.0,
                      [](double sum, std::uint32_t n) { return sum + n; });
  const double average_length = documents > 0 ? std::max(1.0, total_length / documents) : 1.0;

  std::vector<std::uint32_t> order(s.term_text.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return s.term_text[a] < s.term_text[b]; });
  s.index.terms.reserve(order.size());
  for (std::uint32_t id : order) {
    auto& raw = s.postings[id];
    const double df = static_cast<double>(raw.size());
    const double idf = std::log(1.0 + (documents - df + 0.5) / (df + 0.5));
    TermPostings term{std::move(s.term_text[id]), {}};
    term.postings.reserve(raw.size());
    for (const auto& [document, tf_count] : raw) {
      const double tf = tf_count;
      const double norm =
          kBm25K1 * (1.0 - kBm25B + kBm25B * s.document_length[document] / average_length);
      const double score = idf * tf * (kBm25K1 + 1.0) / (tf + norm);
      term.postings.push_back(
          {document, std::max<std::uint32_t>(
                         1, static_cast<std::uint32_t>(std::lround(score * kScoreScale)))});
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>>().swap(raw);
    s.index.terms.push_back(std::move(term));
  }
  SearchIndex index = std::move(s.index);
  const Lang lang = s.lang;
  state_ = std::make_unique<State>();
  state_->lang = lang;
  state_->index.lang = lang;
  return index;
}

}  // namespace ashyq::search
