#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "markup/markdown.h"

namespace ashyq::markup {
namespace {

// Findings as the user sees them; `text` supplies the quoted source lines.
std::string report(const Diagnostics& diagnostics, std::string_view text) {
  std::vector<std::string> lines;
  std::string line;
  for (char c : text) {
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(line);
      line.clear();
    } else {
      line += c;
    }
  }
  lines.push_back(line);
  std::string out;
  for (const Diagnostic& d : diagnostics.sorted()) {
    const bool quoted = d.where.line >= 1 && d.where.line <= static_cast<int>(lines.size());
    out += format_diagnostic(d, quoted ? &lines[d.where.line - 1] : nullptr);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Front matter

TEST_CASE("Front matter gives the title and the body starts on the line after it") {
  const std::string text =
      "+++\n"
      "title = \"Жоба туралы есеп\"\n"
      "+++\n"
      "\n"
      "## Мәселе\n";
  Diagnostics diagnostics;
  const MarkdownDocument doc = parse_document(text, "content/grants/g1/report.kk.md", diagnostics);

  CHECK(diagnostics.items().empty());
  CHECK(doc.front.title == "Жоба туралы есеп");
  CHECK(doc.body == "\n## Мәселе\n");
  CHECK(doc.body_line == 4);
}

TEST_CASE("Front matter is read after a UTF-8 BOM and with CRLF line ends") {
  const std::string text =
      "\xEF\xBB\xBF+++\r\n"
      "title = \"Отчёт о проекте\"\r\n"
      "+++\r\n"
      "Текст отчёта.\r\n";
  Diagnostics diagnostics;
  const MarkdownDocument doc = parse_document(text, "report.ru.md", diagnostics);

  CHECK(diagnostics.items().empty());
  CHECK(doc.front.title == "Отчёт о проекте");
  CHECK(doc.body == "Текст отчёта.\r\n");
  CHECK(doc.body_line == 4);
}

TEST_CASE("A document without front matter is all body, without its BOM") {
  Diagnostics diagnostics;
  const MarkdownDocument doc =
      parse_document("\xEF\xBB\xBF## Мақсат\n\n+++\n", "r.md", diagnostics);
  CHECK(diagnostics.items().empty());
  CHECK(doc.front.title.empty());
  CHECK(doc.body == "## Мақсат\n\n+++\n");
  CHECK(doc.body_line == 1);
}

TEST_CASE("Empty front matter is accepted and gives no title") {
  Diagnostics diagnostics;
  const MarkdownDocument doc = parse_document("+++\n+++\nМәтін", "r.md", diagnostics);
  CHECK(diagnostics.items().empty());
  CHECK(doc.front.title.empty());
  CHECK(doc.body == "Мәтін");
  CHECK(doc.body_line == 3);
}

TEST_CASE("Malformed front matter is reported at its line and column in characters in the file") {
  // "x" is the 18th character of line 3 (its 24th byte: six two-byte Cyrillic letters before).
  const std::string text =
      "\xEF\xBB\xBF+++\r\n"
      "# comment\r\n"
      "title = \"Есепше\" x\r\n"
      "+++\r\n"
      "Мәтін\r\n";
  Diagnostics diagnostics;
  const MarkdownDocument doc = parse_document(text, "content/grants/g1/report.kk.md", diagnostics);

  CHECK(report(diagnostics, text) ==
        "content/grants/g1/report.kk.md:3:18: error: malformed front matter: Error while parsing "
        "key-value pair: expected a comment or whitespace, saw 'x'\n"
        "    title = \"Есепше\" x\n"
        "                     ^\n");
  CHECK(doc.body == "Мәтін\r\n");
  CHECK(doc.body_line == 5);
}

TEST_CASE("An unknown front matter key and a title that is not text are reported where they are") {
  const std::string text =
      "+++\n"
      "title = 5\n"
      "author = \"Иванов\"\n"
      "+++\n"
      "Body\n";
  Diagnostics diagnostics;
  const MarkdownDocument doc = parse_document(text, "report.ru.md", diagnostics);

  CHECK(report(diagnostics, text) ==
        "report.ru.md:2:9: error: title: expected the title as text in quotes: title = \"…\"\n"
        "    title = 5\n"
        "            ^\n"
        "report.ru.md:3:1: error: author: unknown front matter key; the only key is title = \"…\"\n"
        "    author = \"Иванов\"\n"
        "    ^\n");
  CHECK(doc.front.title.empty());
  CHECK(doc.body == "Body\n");
}

TEST_CASE("Unterminated front matter is reported and the whole text is kept as the body") {
  const std::string text = "\xEF\xBB\xBF+++\ntitle = \"Есеп\"\n\nМәтін\n";
  Diagnostics diagnostics;
  const MarkdownDocument doc = parse_document(text, "report.kk.md", diagnostics);

  CHECK(report(diagnostics, text) ==
        "report.kk.md:1:1: error: the front matter opened by +++ is never closed; end it with a "
        "line holding only +++\n"
        "    +++\n"  // the BOM is no column
        "    ^\n");
  CHECK(doc.body == "+++\ntitle = \"Есеп\"\n\nМәтін\n");
  CHECK(doc.body_line == 1);
}

// ---------------------------------------------------------------------------------------------
// Rendering

TEST_CASE("Headings are shifted so that the narrative's top level is h3") {
  CHECK(render_markdown("# Бір\n\n## Екі\n\n### Үш\n\n#### Төрт\n\n##### Бес\n\n###### Алты\n") ==
        "<h3>Бір</h3>\n"
        "<h3>Екі</h3>\n"
        "<h4>Үш</h4>\n"
        "<h5>Төрт</h5>\n"
        "<h6>Бес</h6>\n"
        "<h6>Алты</h6>\n");
  CHECK(render_markdown("Setext\n======\n") == "<h3>Setext</h3>\n");
}

TEST_CASE("Links with a scheme other than http or https are rendered as their text") {
  struct Case {
    const char* markdown;
    const char* html;
  };
  static const Case kCases[] = {
      {"[басу](javascript:alert(1))", "<p>басу</p>\n"},
      {"[x](JavaScript:alert(1))", "<p>x</p>\n"},
      {"[x](&#106;avascript:alert(1))", "<p>x</p>\n"},  // entity decoded before the check
      {"[x](<java\tscript:alert(1)>)", "<p>x</p>\n"},   // browsers drop the tab
      {"[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>x</p>\n"},
      {"[x](vbscript:msgbox(1))", "<p>x</p>\n"},
      {"[x](file:///etc/passwd)", "<p>x</p>\n"},
      {"[хат](mailto:someone@example.kz)", "<p>хат</p>\n"},
      {"[*қалың* сөз](javascript:void(0))", "<p><em>қалың</em> сөз</p>\n"},
      {"<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n"},
      {"someone@example.kz", "<p>someone@example.kz</p>\n"},  // e-mail autolink: privacy
  };
  for (const Case& c : kCases) {
    INFO(c.markdown);
    CHECK(render_markdown(c.markdown) == c.html);
  }
}

TEST_CASE("External links get rel nofollow noopener and relative links stay as they are") {
  CHECK(render_markdown("[Сайт](https://example.kz/a?b=1&c=2 \"Тақырып\")") ==
        "<p><a href=\"https://example.kz/a?b=1&amp;c=2\" rel=\"nofollow noopener\" "
        "title=\"Тақырып\">Сайт</a></p>\n");
  CHECK(render_markdown("[a](HTTP://EXAMPLE.KZ) [b](//cdn.example.kz/x)") ==
        "<p><a href=\"HTTP://EXAMPLE.KZ\" rel=\"nofollow noopener\">a</a> "
        "<a href=\"//cdn.example.kz/x\" rel=\"nofollow noopener\">b</a></p>\n");
  CHECK(render_markdown("[грант](/kk/grants/g1/) [бөлім](#budget)") ==
        "<p><a href=\"/kk/grants/g1/\">грант</a> <a href=\"#budget\">бөлім</a></p>\n");
}

TEST_CASE("Bare and angle-bracket URLs are autolinked as external links") {
  CHECK(render_markdown("www.gov.kz <https://egov.kz>") ==
        "<p><a href=\"http://www.gov.kz\" rel=\"nofollow noopener\">www.gov.kz</a> "
        "<a href=\"https://egov.kz\" rel=\"nofollow noopener\">https://egov.kz</a></p>\n");
}

TEST_CASE("Raw HTML never reaches the output") {
  const std::string html = render_markdown(
      "<script>alert(1)</script>\n"
      "\n"
      "Мәтін <span onclick=\"steal()\">басу</span> <iframe src=\"https://evil.example\"></iframe>\n"
      "<img src=x onerror=alert(1)>\n"
      "\n"
      "<div onclick=\"steal()\">\n"
      "блок\n"
      "</div>\n"
      "\n"
      "`<script>` in code stays text\n");
  // The words of an HTML block stay, as plain text; a script's code goes with its tags.
  CHECK(html ==
        "<p>Мәтін басу \n"
        "</p>\n"
        "<p>блок</p>\n"
        "<p><code>&lt;script&gt;</code> in code stays text</p>\n");
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<iframe") == std::string::npos);
  CHECK(html.find("onclick") == std::string::npos);
  CHECK(html.find("onerror") == std::string::npos);
  CHECK(html.find("raw HTML omitted") == std::string::npos);
}

TEST_CASE("Raw HTML is dropped and the words next to it are kept") {
  CHECK(render_markdown("word<b>bold</b>word") == "<p>wordboldword</p>\n");
  CHECK(render_markdown("Сөз <span class=\"x\">ішінде</span> сөз") == "<p>Сөз ішінде сөз</p>\n");
  CHECK(render_markdown("<div>word</div>\nnext line") == "<p>word\nnext line</p>\n");
  CHECK(render_markdown("<p>Бірінші</p><p>екінші &amp; &#1179;</p>\n") ==
        "<p>Бірінші екінші &amp; қ</p>\n");
  CHECK(render_markdown("<!-- a comment -->\n\nМәтін") == "<p>Мәтін</p>\n");
  CHECK(render_markdown("Мәтін <script>alert(1)</script> соңы") == "<p>Мәтін  соңы</p>\n");
  CHECK(render_markdown("<div><style>p{}</style>Мәтін <b>қалың</b></div>") ==
        "<p>Мәтін қалың</p>\n");
  CHECK(render_markdown("<div>&lt;script&gt;x</div>") == "<p>&lt;script&gt;x</p>\n");
}

TEST_CASE("Raw HTML is found at its line and column in characters") {
  const std::string markdown =
      "Мәтін <b>қалың</b> сөз\n"
      "екінші жол <!-- түсінік -->\n"
      "\n"
      "<div>\n"
      "блок\n"
      "</div>\n"
      "\n"
      "- тізім <br>\n";
  std::string listed;
  for (const RawHtmlRef& html : find_raw_html(markdown))
    listed +=
        std::to_string(html.line) + ":" + std::to_string(html.column) + " " + html.html + "\n";
  CHECK(listed ==
        "1:7 <b>\n"
        "1:15 </b>\n"
        "2:12 <!-- түсінік -->\n"
        "4:1 <div>\n"
        "8:9 <br>\n");
  CHECK(find_raw_html("Тек мәтін, `<code>` емес.\n").empty());
}

TEST_CASE("An e-mail link is published only to an organisation's declared address") {
  PublicContacts contacts;
  contacts.declare("office@fund.example.kz");
  CHECK(render_markdown("Жазыңыз: office@fund.example.kz", 3, &contacts) ==
        "<p>Жазыңыз: <a href=\"mailto:office@fund.example.kz\">office@fund.example.kz</a></p>\n");
  CHECK(render_markdown("[хат](MAILTO:Office@Fund.example.kz)", 3, &contacts) ==
        "<p><a href=\"MAILTO:Office@Fund.example.kz\">хат</a></p>\n");
  CHECK(render_markdown("<office@fund.example.kz>", 3, &contacts) ==
        "<p><a href=\"mailto:office@fund.example.kz\">office@fund.example.kz</a></p>\n");
  // Any other address stays text (validation fails the build on it first).
  CHECK(render_markdown("person@mail.example.kz", 3, &contacts) ==
        "<p>person@mail.example.kz</p>\n");
  CHECK(render_markdown("[хат](mailto:person@mail.example.kz)", 3, &contacts) == "<p>хат</p>\n");
  CHECK(render_markdown("[хат](mailto:office@fund.example.kz,person@mail.example.kz)", 3,
                        &contacts) == "<p>хат</p>\n");
  // Without contacts no e-mail is linked.
  CHECK(render_markdown("office@fund.example.kz") == "<p>office@fund.example.kz</p>\n");
}

TEST_CASE("HTML written as text is escaped and cannot fake a link") {
  CHECK(render_markdown("&lt;a href=\"x\"&gt; <a href=\"y\">") ==
        "<p>&lt;a href=&quot;x&quot;&gt; </p>\n");
}

TEST_CASE("Images are never embedded: each becomes a link labelled with its alt text") {
  CHECK(render_markdown("![Іс-шара фотосы](https://img.example.kz/1.jpg \"Тақырып\")") ==
        "<p><a href=\"https://img.example.kz/1.jpg\" rel=\"nofollow noopener\" "
        "title=\"Тақырып\">Іс-шара фотосы</a></p>\n");
  // Without alt text the URL is the label, so the link is not invisible.
  CHECK(render_markdown("![](https://img.example.kz/2.jpg)") ==
        "<p><a href=\"https://img.example.kz/2.jpg\" rel=\"nofollow noopener\">"
        "https://img.example.kz/2.jpg</a></p>\n");
  CHECK(render_markdown("![сурет](images/3.png)") == "<p><a href=\"images/3.png\">сурет</a></p>\n");
  // Same scheme rule as links.
  CHECK(render_markdown("![сурет](data:image/png;base64,iVBORw0KGgo=)") == "<p>сурет</p>\n");
  // An image inside a link would nest <a>: it becomes its alt text.
  CHECK(render_markdown("[![логотип](https://img.example.kz/logo.png)](https://example.kz)") ==
        "<p><a href=\"https://example.kz\" rel=\"nofollow noopener\">логотип</a></p>\n");
}

TEST_CASE("GFM tables are rendered with their column alignment") {
  CHECK(render_markdown("| Бап | Сома, ₸ |\n"
                        "|:----|--------:|\n"
                        "| Жалақы | 1 000 |\n"
                        "| ~~Жалға алу~~ | **2 500** |\n") ==
        "<table>\n"
        "<thead>\n"
        "<tr>\n"
        "<th align=\"left\">Бап</th>\n"
        "<th align=\"right\">Сома, ₸</th>\n"
        "</tr>\n"
        "</thead>\n"
        "<tbody>\n"
        "<tr>\n"
        "<td align=\"left\">Жалақы</td>\n"
        "<td align=\"right\">1 000</td>\n"
        "</tr>\n"
        "<tr>\n"
        "<td align=\"left\"><del>Жалға алу</del></td>\n"
        "<td align=\"right\"><strong>2 500</strong></td>\n"
        "</tr>\n"
        "</tbody>\n"
        "</table>\n");
}

TEST_CASE("Markdown with CRLF line ends renders like LF") {
  CHECK(render_markdown("## Нәтиже\r\n\r\n- бір\r\n- екі\r\n") ==
        "<h3>Нәтиже</h3>\n"
        "<ul>\n"
        "<li>бір</li>\n"
        "<li>екі</li>\n"
        "</ul>\n");
}

TEST_CASE("Rendering from several threads at once gives the same HTML as from one") {
  const std::string markdown =
      "## Есеп\n\n~~ескі~~ www.gov.kz [a](javascript:x) ![s](https://i.kz/s.png)\n\n"
      "| a | b |\n|---|---|\n| 1 | 2 |\n";
  const std::string expected = render_markdown(markdown);
  std::vector<std::string> results(8);
  std::vector<std::thread> threads;
  for (std::string& result : results)
    threads.emplace_back([&result, &markdown] {
      for (int i = 0; i < 200; ++i) {
        std::string html = render_markdown(markdown);
        if (html != result) result = std::move(html);  // keeps the last one that differed
      }
    });
  for (std::thread& thread : threads) thread.join();
  for (const std::string& result : results) CHECK(result == expected);
}

// ---------------------------------------------------------------------------------------------
// Links

TEST_CASE("Every link, image and autolink is listed in document order with its line and column") {
  const std::string markdown =
      "Мәтін *бар* `код` [сілтеме](https://a.kz) және\n"
      "екінші ![сурет](img/1.png) жол www.b.kz соңы\n"
      "<https://c.kz> және someone@example.kz\n"
      "\n"
      "- [ref][r] [js](javascript:alert(1))\n"
      "\n"
      "| a | b |\n"
      "|---|---|\n"
      "| [t](https://d.kz) | www.e.kz |\n"
      "\n"
      "[![лого](https://i.kz/l.png)](https://f.kz) <https://c.kz>\n"
      "\n"
      "[r]: https://ref.kz\n";
  const std::vector<LinkRef> links = extract_links(markdown);

  std::string listed;
  for (const LinkRef& link : links)
    listed += std::to_string(link.line) + ":" + std::to_string(link.column) + " " + link.url + "\n";
  // Columns count characters, as editors do.
  CHECK(listed ==
        "1:19 https://a.kz\n"  // "Мәтін *бар* `код` " is 18 characters (29 bytes)
        "2:8 img/1.png\n"      // "екінші " is 7 characters (13 bytes)
        "2:32 http://www.b.kz\n"
        "3:1 https://c.kz\n"
        "3:21 mailto:someone@example.kz\n"
        "5:3 https://ref.kz\n"
        "5:12 javascript:alert(1)\n"
        "9:3 https://d.kz\n"
        "9:23 http://www.e.kz\n"
        "11:1 https://f.kz\n"
        "11:2 https://i.kz/l.png\n"
        "11:45 https://c.kz\n");
}

TEST_CASE("Text without links has no link references") {
  CHECK(extract_links("Тек мәтін.\n\n```\n[код](https://x.kz)\n```\n").empty());
}

}  // namespace
}  // namespace ashyq::markup
