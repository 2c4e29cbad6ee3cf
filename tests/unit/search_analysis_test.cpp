// The search text analysis against the vectors shared with the browser's analysis.js
// (tests/data/search_analysis.json), and the Russian stemmer against the reference Snowball C
// implementation (libstemmer) on every word of content/ and tests/fixtures/.
#include <libstemmer.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/file_io.h"
#include "core/lang.h"
#include "search/text_analysis.h"

namespace ashyq::search {
namespace {

namespace fs = std::filesystem;

const nlohmann::json& vectors() {
  static const nlohmann::json parsed = [] {
    const fs::path path = fs::path(ASHYQ_SOURCE_DIR) / "tests/data/search_analysis.json";
    const std::optional<std::string> text = read_file(path);
    REQUIRE(text.has_value());
    return nlohmann::json::parse(*text);
  }();
  return parsed;
}

Lang lang_of(const nlohmann::json& entry) {
  const std::optional<Lang> lang = parse_lang(entry.at("lang").get<std::string>());
  REQUIRE(lang.has_value());
  return *lang;
}

// Every distinct word of the text files of content/ and tests/fixtures/, sorted.
std::set<std::string> corpus_words() {
  std::set<std::string> all;
  for (const char* root : {"content", "tests/fixtures"}) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(ASHYQ_SOURCE_DIR) / root)) {
      const std::string ext = entry.path().extension().string();
      if (entry.is_regular_file() &&
          (ext == ".md" || ext == ".json" || ext == ".csv" || ext == ".toml"))
        files.push_back(entry.path());
    }
    for (const fs::path& file : files)
      for (std::string& word : words(read_file(file).value_or(""))) all.insert(std::move(word));
  }
  return all;
}

}  // namespace

TEST_CASE("every text vector gives its words and terms", "[search-analysis]") {
  for (const auto& vector : vectors().at("texts")) {
    const std::string text = vector.at("text");
    INFO(vector.at("checks").get<std::string>() << "\ntext: " << text);
    CHECK(words(text) == vector.at("words").get<std::vector<std::string>>());
    CHECK(terms(lang_of(vector), text) == vector.at("terms").get<std::vector<std::string>>());
  }
}

TEST_CASE("every stem vector gives its stem", "[search-analysis]") {
  for (const auto& vector : vectors().at("stems")) {
    const std::string word = vector.at("word");
    INFO(vector.at("checks").get<std::string>() << "\nword: " << word);
    CHECK(stem(lang_of(vector), word) == vector.at("stem").get<std::string>());
  }
}

TEST_CASE("the forms of one word share one stem", "[search-analysis]") {
  for (const auto& group : vectors().at("groups")) {
    const auto forms = group.at("forms").get<std::vector<std::string>>();
    REQUIRE(forms.size() >= 2);
    const std::string first = stem(lang_of(group), forms.front());
    for (const std::string& form : forms) {
      INFO(group.at("checks").get<std::string>()
           << "\nform: " << form << ", first form: " << forms.front() << " → " << first);
      CHECK(stem(lang_of(group), form) == first);
    }
  }
}

TEST_CASE("different words keep different stems", "[search-analysis]") {
  for (const auto& group : vectors().at("distinct")) {
    const auto distinct = group.at("words").get<std::vector<std::string>>();
    std::set<std::string> stems;
    for (const std::string& word : distinct) stems.insert(stem(lang_of(group), word));
    INFO(group.at("checks").get<std::string>());
    CHECK(stems.size() == distinct.size());
  }
}

TEST_CASE("terms are the stems of the words, in order, stop words included", "[search-analysis]") {
  const std::string text = "Жастар мен жобалар және гранттар — и гранты, и проекты";
  const std::vector<std::string> plain = words(text);
  std::vector<std::string> stemmed;
  for (const std::string& word : plain) stemmed.push_back(stem(Lang::kk, word));
  CHECK(terms(Lang::kk, text) == stemmed);
  CHECK(plain.size() == 9);
}

TEST_CASE("words reads invalid UTF-8 as a word break and does not throw", "[search-analysis]") {
  CHECK(words("грант\xff\xfeтар") == std::vector<std::string>{"грант", "тар"});
  CHECK(stem(Lang::ru, "\xff") == "\xEF\xBF\xBD");
}

TEST_CASE(
    "the Russian stemmer gives the reference Snowball stem for every word of content and the "
    "fixtures and for every vector",
    "[search-analysis]") {
  std::unique_ptr<sb_stemmer, decltype(&sb_stemmer_delete)> reference(
      sb_stemmer_new("russian", "UTF_8"), &sb_stemmer_delete);
  REQUIRE(reference);
  auto reference_stem = [&](const std::string& word) {
    const sb_symbol* stemmed =
        sb_stemmer_stem(reference.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                        static_cast<int>(word.size()));
    return std::string(reinterpret_cast<const char*>(stemmed),
                       static_cast<std::size_t>(sb_stemmer_length(reference.get())));
  };
  std::set<std::string> all = corpus_words();
  const std::size_t corpus_size = all.size();
  for (const auto& vector : vectors().at("stems"))
    if (vector.at("lang") == "ru") all.insert(vector.at("word").get<std::string>());
  for (const auto& group : vectors().at("groups"))
    if (group.at("lang") == "ru")
      for (const auto& form : group.at("forms")) all.insert(form.get<std::string>());

  // Thousands of words: one CHECK for all, listing the first disagreements.
  std::size_t disagreements = 0;
  std::string first_disagreements;
  for (const std::string& word : all) {
    const std::string ours = stem(Lang::ru, word);
    const std::string theirs = reference_stem(word);
    if (ours == theirs) continue;
    if (++disagreements <= 20)
      first_disagreements += word + ": ours " + ours + ", Snowball " + theirs + "\n";
  }
  INFO("words compared: " << all.size() << "\n" << first_disagreements);
  CHECK(corpus_size > 3000);
  CHECK(disagreements == 0);
}

}  // namespace ashyq::search
