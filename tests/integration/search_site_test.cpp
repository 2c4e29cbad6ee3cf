// The search index and page of whole built sites (tests/fixtures/portal and full, synthetic): what
// the index holds, read back from the files a browser would fetch, and the search page in both
// languages with and without a [search] fallback. docs/search.md describes the format.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "html_reading.h"
#include "search/text_analysis.h"
#include "test_site.h"

namespace ashyq::integration {
namespace {

using nlohmann::json;

// Reads one language's index from built files the way assets/search/search_engine.js does.
class IndexReader {
 public:
  IndexReader(const std::map<std::string, std::string>& files, const std::string& lang)
      : files_(files), folder_("search/" + lang + "/") {
    meta_ = json::parse(file("meta.json"));
  }

  const json& meta() const { return meta_; }

  // The (document, score) pairs of `term`; empty when the index lacks it.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> postings(const std::string& term) const {
    const json& firsts = meta_["term_chunk_first"];
    std::size_t chosen = 0;
    for (std::size_t i = 0; i < firsts.size(); ++i)
      if (firsts[i].get<std::string>() <= term) chosen = i;
    const json chunk = json::parse(file(meta_["term_chunks"][chosen].get<std::string>()));
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    if (!chunk.contains(term)) return out;
    std::uint32_t document = 0;
    const json& list = chunk[term];
    for (std::size_t i = 0; i + 1 < list.size(); i += 2) {
      document += list[i].get<std::uint32_t>();
      out.emplace_back(document, list[i + 1].get<std::uint32_t>());
    }
    return out;
  }

  json document(std::uint32_t id) const {
    const std::uint32_t per = meta_["documents_per_chunk"];
    const json chunk = json::parse(file(meta_["document_chunks"][id / per].get<std::string>()));
    return chunk[id % per];
  }

  // The URLs of the documents holding every word of `query` (after search::terms).
  std::set<std::string> urls_for(Lang lang, const std::string& query) const {
    std::set<std::uint32_t> documents;
    bool first = true;
    for (const std::string& term : search::terms(lang, query)) {
      std::set<std::uint32_t> these;
      for (const auto& [document, score] : postings(term)) these.insert(document);
      if (first) {
        documents = these;
      } else {
        std::set<std::uint32_t> both;
        for (std::uint32_t d : documents)
          if (these.count(d)) both.insert(d);
        documents = both;
      }
      first = false;
    }
    std::set<std::string> urls;
    for (std::uint32_t d : documents) urls.insert(document(d)["u"].get<std::string>());
    return urls;
  }

 private:
  const std::string& file(const std::string& name) const {
    const auto found = files_.find(folder_ + name);
    if (found == files_.end()) throw std::runtime_error("missing " + folder_ + name);
    return found->second;
  }
  const std::map<std::string, std::string>& files_;
  std::string folder_;
  json meta_;
};

const std::string kEcologyKk = "/kk/grants/synthetic-2024-ecology/";
const std::string kEcologyRu = "/ru/grants/synthetic-2024-ecology/";

TEST_CASE("A Kazakh search for гранттардың finds the grant whose narrative says гранттар",
          "[search]") {
  const IndexReader kk(built_output("portal"), "kk");
  // The narrative has "гранттар" only; the query's other inflection must reach it through the
  // stemmer, and so must the bare stem "грант".
  CHECK(kk.urls_for(Lang::kk, "гранттардың").count(kEcologyKk) == 1);
  CHECK(kk.urls_for(Lang::kk, "грант").count(kEcologyKk) == 1);
  CHECK(kk.urls_for(Lang::kk, "шағын гранттардың").count(kEcologyKk) == 1);
  // The Kazakh index holds Kazakh pages only.
  for (const std::string& url : kk.urls_for(Lang::kk, "гранттардың"))
    CHECK(url.rfind("/kk/", 0) == 0);
}

TEST_CASE("A Kazakh search typed without Kazakh letters finds what the Kazakh spelling finds",
          "[search]") {
  const IndexReader kk(built_output("portal"), "kk");
  // A keyboard without ә, ғ, қ, ң, ө, ұ, ү, һ, і gives а, г, к, н, о, у, у, х, и (issue 15).
  for (const auto& [spelt, typed] :
       {std::pair{"шағын гранттардың", "шагын гранттардын"}, std::pair{"жастардың", "жастардын"},
        std::pair{"синтетикалық облысы", "синтетикалык облысы"}}) {
    INFO(spelt << " / " << typed);
    const std::set<std::string> found = kk.urls_for(Lang::kk, spelt);
    CHECK_FALSE(found.empty());
    CHECK(kk.urls_for(Lang::kk, typed) == found);
  }
  CHECK(kk.urls_for(Lang::kk, "шагын гранттардын").count(kEcologyKk) == 1);
}

TEST_CASE("A Russian search for грантами finds the grant whose narrative says гранты", "[search]") {
  const IndexReader ru(built_output("portal"), "ru");
  CHECK(ru.urls_for(Lang::ru, "грантами").count(kEcologyRu) == 1);
  CHECK(ru.urls_for(Lang::ru, "малые грантами").count(kEcologyRu) == 1);
  CHECK(ru.urls_for(Lang::ru, "грантами").count(kEcologyKk) == 0);
  CHECK(ru.urls_for(Lang::ru, "грантами несуществующеслово").empty());
}

TEST_CASE("The index has one document per grant, organisation, plan, region and page", "[search]") {
  const auto& files = built_output("portal");
  for (const std::string lang : {"kk", "ru"}) {
    const IndexReader index(files, lang);
    // 7 grants, 6 organisations, 1 plan, 6 regions (regions.json), 1 static page (about).
    std::map<std::string, int> kinds;
    std::set<std::string> urls;
    const std::uint32_t documents = index.meta()["documents"];
    for (std::uint32_t d = 0; d < documents; ++d) {
      const json doc = index.document(d);
      ++kinds[doc["k"].get<std::string>()];
      urls.insert(doc["u"].get<std::string>());
      // Every result points at a page the site has.
      std::string path = doc["u"].get<std::string>().substr(1) + "index.html";
      CHECK(files.count(path) == 1);
    }
    CHECK(kinds["grant"] == 7);
    CHECK(kinds["organisation"] == 6);
    CHECK(kinds["plan"] == 1);
    CHECK(kinds["page"] == 1);
    CHECK(urls.size() == documents);
  }
}

TEST_CASE("A grant's search metadata has its title, kind and facts in the page's language",
          "[search]") {
  const auto& files = built_output("portal");
  const IndexReader kk(files, "kk");
  const IndexReader ru(files, "ru");
  json kk_doc, ru_doc;
  for (std::uint32_t d = 0; d < kk.meta()["documents"].get<std::uint32_t>(); ++d)
    if (kk.document(d)["u"] == kEcologyKk) kk_doc = kk.document(d);
  for (std::uint32_t d = 0; d < ru.meta()["documents"].get<std::uint32_t>(); ++d)
    if (ru.document(d)["u"] == kEcologyRu) ru_doc = ru.document(d);
  REQUIRE(kk_doc.is_object());
  REQUIRE(ru_doc.is_object());
  CHECK(kk_doc["t"] == "Ырыс: синтетикалық экология жобасы");
  CHECK(ru_doc["t"] == "Экология: синтетический проект");
  CHECK(kk_doc["k"] == "grant");
  // grantee · region · year · amount (G5: 2024, 2 000 000 ₸ with no-break spaces).
  CHECK(contains(kk_doc["e"].get<std::string>(), " · 2024 · 2\u00A0000\u00A0000"));
  CHECK(contains(ru_doc["e"].get<std::string>(), " · 2024 · 2\u00A0000\u00A0000"));
}

TEST_CASE("Two builds of the same site write byte-identical search indexes", "[search]") {
  TestSite site("portal");
  const RunResult first = site.build({"--out", site.scratch("one").string()});
  const RunResult second = site.build({"--out", site.scratch("two").string(), "--jobs", "1"});
  REQUIRE(first.exit_code == 0);
  REQUIRE(second.exit_code == 0);
  const auto one = site.files(site.scratch("one") / "search");
  const auto two = site.files(site.scratch("two") / "search");
  CHECK(one.size() > 4);
  CHECK(one == two);
}

// The search page with its markup's words replaced by placeholders: what must be the same in both
// languages.
std::string structure(std::string html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    if (in_tag) out += c;
    if (c == '>') {
      in_tag = false;
      out += '\n';
    }
  }
  return out;
}

TEST_CASE("The search page has the same form and parts in both languages", "[search]") {
  const auto& files = built_output("full");
  const std::string kk = main_of(files.at("kk/search/index.html"));
  const std::string ru = main_of(files.at("ru/search/index.html"));
  // Tags only, with the language-dependent attributes taken out.
  auto neutral = [](std::string s) {
    for (const std::string attribute : {"data-strings=\"", "aria-label=\""}) {
      for (std::size_t at = s.find(attribute); at != std::string::npos;
           at = s.find(attribute, at + 1)) {
        const std::size_t end = s.find('"', at + attribute.size());
        s.erase(at + attribute.size(), end - at - attribute.size());
      }
    }
    for (const std::string lang : {"/kk/", "/ru/"})
      for (std::size_t at = s.find(lang); at != std::string::npos; at = s.find(lang))
        s.replace(at, lang.size(), "/LANG/");
    for (const std::string lang : {"\"kk\"", "\"ru\""})
      for (std::size_t at = s.find(lang); at != std::string::npos; at = s.find(lang))
        s.replace(at, lang.size(), "\"LANG\"");
    return s;
  };
  CHECK(neutral(structure(kk)) == neutral(structure(ru)));
  CHECK(contains(kk, "<form role=\"search\" method=\"get\" action=\"/kk/search/\""));
  CHECK(contains(ru, "<form role=\"search\" method=\"get\" action=\"/ru/search/\""));
  CHECK(contains(kk, "<label for=\"search-q\">Порталдан іздеу</label>"));
  CHECK(contains(ru, "<label for=\"search-q\">Поиск по порталу</label>"));
  CHECK(contains(text_of(kk), "Порталдағы іздеу JavaScript арқылы жұмыс істейді"));
  CHECK(contains(text_of(ru), "Поиск по порталу работает с JavaScript"));
  CHECK(contains(kk, "data-index=\"/search/kk/\""));
  CHECK(contains(kk, "<nav class=\"search-catalogues\" aria-label=\"Каталогтар\">"));
  CHECK(contains(ru, "<nav class=\"search-catalogues\" aria-label=\"Каталоги\">"));
  // The script only on the search page, as a module; other pages get the header's form.
  const std::string script = "<script type=\"module\" src=\"/assets/search/search.js\"></script>";
  CHECK(contains(files.at("kk/search/index.html"), script));
  CHECK_FALSE(contains(files.at("kk/index.html"), script));
  CHECK(contains(files.at("ru/grants/index.html"),
                 "<form class=\"site-search\" role=\"search\" method=\"get\" "
                 "action=\"/ru/search/\">"));
  CHECK(contains(files.at("ru/grants/index.html"), "<input type=\"search\" name=\"q\""));
}

TEST_CASE("The search script gets every string it uses, in the page's language", "[search]") {
  const auto& files = built_output("full");
  for (const std::string lang : {"kk", "ru"}) {
    const std::string start = "data-strings=\"";
    std::string attribute =
        between(files.at(lang + "/search/index.html"), start, "\"").substr(start.size());
    for (std::size_t at = attribute.find("&quot;"); at != std::string::npos;
         at = attribute.find("&quot;"))
      attribute.replace(at, 6, "\"");
    const json strings = json::parse(attribute);
    INFO(lang);
    // The keys assets/search/search.js reads.
    for (const char* key : {"prompt", "searching", "count_one", "count_few", "count_many",
                            "count_other", "none", "none_help", "more", "error", "kind.grant",
                            "kind.organisation", "kind.plan", "kind.region", "kind.page"}) {
      INFO(key);
      REQUIRE(strings.contains(key));
      CHECK_FALSE(strings[key].get<std::string>().empty());
    }
    CHECK(contains(strings["none"].get<std::string>(), "{q}"));
    CHECK(contains(strings["count_other"].get<std::string>(), "{n}"));
  }
}

TEST_CASE("With a [search] fallback the page's form goes to that web search for the site's host",
          "[search]") {
  const auto& files = built_output("portal");
  const std::string ru = main_of(files.at("ru/search/index.html"));
  CHECK(contains(ru, "action=\"https://search.synthetic.example/\""));
  CHECK(contains(ru, "<input type=\"hidden\" name=\"sites\" value=\"portal.synthetic.example\""));
  CHECK(contains(text_of(ru), "в поисковую систему search.synthetic.example"));
  CHECK(contains(ru, "data-self=\"/ru/search/\""));
  // The header's form on other pages stays on the portal.
  CHECK(contains(files.at("ru/index.html"), "action=\"/ru/search/\""));
}

}  // namespace
}  // namespace ashyq::integration
