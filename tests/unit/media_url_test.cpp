#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "media/media_url.h"

namespace ashyq::media {
namespace {

struct CanonicalCase {
  const char* url;
  const char* canonical;
  Platform platform;
  const char* platform_kind;
  const char* id;
};

// Well-formed links: each comes out in its one canonical spelling, tracking stripped.
const CanonicalCase kCanonical[] = {
    // The real content's links (content/grants/rukhtan-2024-debate).
    {"https://www.instagram.com/reel/C9U-wxUME40/?igsh=MW==",
     "https://www.instagram.com/reel/C9U-wxUME40/", Platform::instagram, "reel", "C9U-wxUME40"},
    {"https://www.instagram.com/reel/C74he6jMSqy/?igsh=MW1ycmt3bW9panhzaA==",
     "https://www.instagram.com/reel/C74he6jMSqy/", Platform::instagram, "reel", "C74he6jMSqy"},
    {"https://youtu.be/PNb25_r3EuE?si=5yQ6OA8o4iXouAQo",
     "https://www.youtube.com/watch?v=PNb25_r3EuE", Platform::youtube, "video", "PNb25_r3EuE"},
    {"https://drive.google.com/drive/folders/139YYLZxI8BqfZEwZiQuWfVCKPTtZSZVK?usp=drive_link",
     "https://drive.google.com/drive/folders/139YYLZxI8BqfZEwZiQuWfVCKPTtZSZVK",
     Platform::google_drive, "folder", "139YYLZxI8BqfZEwZiQuWfVCKPTtZSZVK"},
    {"https://instagram.com/p/DC6RJA8sw6x/", "https://www.instagram.com/p/DC6RJA8sw6x/",
     Platform::instagram, "post", "DC6RJA8sw6x"},
    // Instagram: other spellings of one item.
    {"http://m.instagram.com/reels/DCb_AWLMxR7?igshid=abc&utm_source=ig_web_copy_link",
     "https://www.instagram.com/reel/DCb_AWLMxR7/", Platform::instagram, "reel", "DCb_AWLMxR7"},
    {"https://www.instagram.com/rukhtan.debate/p/DC7FBCINQRg/?img_index=1",
     "https://www.instagram.com/p/DC7FBCINQRg/", Platform::instagram, "post", "DC7FBCINQRg"},
    {"https://www.instagram.com/tv/CAbcdEFghIJ/", "https://www.instagram.com/tv/CAbcdEFghIJ/",
     Platform::instagram, "video", "CAbcdEFghIJ"},
    {"https://www.instagram.com/rukhtan.debate/?hl=ru",
     "https://www.instagram.com/rukhtan.debate/?hl=ru", Platform::instagram, "profile",
     "rukhtan.debate"},
    // YouTube: every spelling of a video becomes /watch?v=ID; shorts stay told apart by kind.
    {"https://www.youtube.com/watch?v=PNb25_r3EuE", "https://www.youtube.com/watch?v=PNb25_r3EuE",
     Platform::youtube, "video", "PNb25_r3EuE"},
    {"http://m.youtube.com/watch?feature=share&v=PNb25_r3EuE&t=42s&pp=ygUF",
     "https://www.youtube.com/watch?v=PNb25_r3EuE&t=42s", Platform::youtube, "video",
     "PNb25_r3EuE"},
    {"https://youtube.com/shorts/aBcD3fGh1_-?si=xyz", "https://www.youtube.com/watch?v=aBcD3fGh1_-",
     Platform::youtube, "short", "aBcD3fGh1_-"},
    {"https://www.youtube.com/live/PNb25_r3EuE?si=abc",
     "https://www.youtube.com/watch?v=PNb25_r3EuE", Platform::youtube, "live", "PNb25_r3EuE"},
    {"https://youtu.be/PNb25_r3EuE?t=10", "https://www.youtube.com/watch?v=PNb25_r3EuE&t=10",
     Platform::youtube, "video", "PNb25_r3EuE"},
    {"https://www.youtube.com/@rukhtan", "https://www.youtube.com/@rukhtan", Platform::youtube,
     "channel", "@rukhtan"},
    {"https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG&si=q",
     "https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG", Platform::youtube,
     "playlist", "PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG"},
    // Facebook.
    {"https://m.facebook.com/rukhtan/posts/123456789?fbclid=IwAR0abc&mibextid=Nif5oz",
     "https://www.facebook.com/rukhtan/posts/123456789", Platform::facebook, "post", "123456789"},
    {"https://www.facebook.com/watch/?v=987654321&rdid=x1",
     "https://www.facebook.com/watch/?v=987654321", Platform::facebook, "video", "987654321"},
    {"https://web.facebook.com/share/v/1AbCdEf/?mibextid=WC7FNe",
     "https://www.facebook.com/share/v/1AbCdEf/", Platform::facebook, "video", "1AbCdEf"},
    {"https://fb.watch/qwErTy12/", "https://fb.watch/qwErTy12/", Platform::facebook, "video",
     "qwErTy12"},
    // TikTok.
    {"https://www.tiktok.com/@rukhtan/video/7301234567890123456?is_from_webapp=1&sender_device=pc",
     "https://www.tiktok.com/@rukhtan/video/7301234567890123456", Platform::tiktok, "video",
     "7301234567890123456"},
    {"https://vm.tiktok.com/ZMabc123/", "https://vm.tiktok.com/ZMabc123/", Platform::tiktok, "link",
     "ZMabc123"},
    // Telegram.
    {"https://t.me/rukhtan_news/42?utm_source=x", "https://t.me/rukhtan_news/42",
     Platform::telegram, "post", "rukhtan_news/42"},
    {"http://telegram.me/rukhtan_news", "https://t.me/rukhtan_news", Platform::telegram, "channel",
     "rukhtan_news"},
    {"https://t.me/s/rukhtan_news/42", "https://t.me/s/rukhtan_news/42", Platform::telegram, "post",
     "rukhtan_news/42"},
    // Google Drive: the account segment and the usp tracking go; the resource key stays.
    {"https://drive.google.com/drive/u/0/folders/1AbC?usp=sharing&resourcekey=0-xyz",
     "https://drive.google.com/drive/folders/1AbC?resourcekey=0-xyz", Platform::google_drive,
     "folder", "1AbC"},
    {"https://drive.google.com/file/d/1XyZ_abc/view?usp=drive_link",
     "https://drive.google.com/file/d/1XyZ_abc/view", Platform::google_drive, "file", "1XyZ_abc"},
    {"https://docs.google.com/document/d/1Doc/edit?usp=sharing",
     "https://docs.google.com/document/d/1Doc/edit", Platform::google_drive, "file", "1Doc"},
    // News sites: lowercase host, www and http kept (they are the site's own), tracking stripped,
    // other parameters and a real fragment kept in order.
    {"https://WWW.Inform.KZ/ru/article/123?utm_source=fb&utm_medium=social&id=5&page=2#comments",
     "https://www.inform.kz/ru/article/123?id=5&page=2#comments", Platform::news, "article", ""},
    {"http://news.example.kz:80/2024/forum?fbclid=abc#utm_source=x",
     "http://news.example.kz/2024/forum", Platform::news, "article", ""},
    {"https://news.example.kz", "https://news.example.kz/", Platform::news, "site", ""},
    {"https://news.example.kz/a?", "https://news.example.kz/a", Platform::news, "article", ""},
    {"https://news.example.kz/a#", "https://news.example.kz/a", Platform::news, "article", ""},
    // A look-alike host is not the platform.
    {"https://notinstagram.com/p/C9U-wxUME40/", "https://notinstagram.com/p/C9U-wxUME40/",
     Platform::news, "article", ""},
};

TEST_CASE("Media links come out in their one canonical spelling, with platform, kind and id",
          "[media]") {
  for (const CanonicalCase& c : kCanonical) {
    INFO(c.url);
    const MediaUrl m = analyse_media_url(c.url);
    CHECK(m.canonical == c.canonical);
    CHECK(platform_key(m.platform) == platform_key(c.platform));
    CHECK(m.platform_kind == c.platform_kind);
    CHECK(m.id == c.id);
    CHECK_FALSE(m.malformed);
    CHECK(m.problem.empty());
    // Canonicalising is idempotent: the canonical form is its own canonical form.
    CHECK(analyse_media_url(m.canonical).canonical == m.canonical);
  }
}

struct MalformedCase {
  const char* url;
  const char* canonical;
  Platform platform;
  const char* problem;
};

const MalformedCase kMalformed[] = {
    {"https://www.instagram.com/reel/C9r7DDZMQ7/?igsh=emgxZWN6czU3NGV1",
     "https://www.instagram.com/reel/C9r7DDZMQ7/", Platform::instagram,
     "Instagram shortcode \"C9r7DDZMQ7\" has 10 characters where a post or reel has 11; the link "
     "is possibly truncated"},
    {"https://www.instagram.com/p/C9r7D.ZMQ7x/", "https://www.instagram.com/p/C9r7D.ZMQ7x/",
     Platform::instagram,
     "Instagram shortcode \"C9r7D.ZMQ7x\" has characters other than A-Z, a-z, 0-9, _ and -"},
    {"https://youtu.be/PNb25_r3Eu?si=abc", "https://www.youtube.com/watch?v=PNb25_r3Eu",
     Platform::youtube,
     "YouTube video id \"PNb25_r3Eu\" is not 11 characters of A-Z, a-z, 0-9, _ and -; the link is "
     "possibly truncated or mistyped"},
    {"https://www.youtube.com/watch?v=PNb25_r3EuE!", "https://www.youtube.com/watch?v=PNb25_r3EuE!",
     Platform::youtube,
     "YouTube video id \"PNb25_r3EuE!\" is not 11 characters of A-Z, a-z, 0-9, _ and -; the link "
     "is "
     "possibly truncated or mistyped"},
    {"https://www.youtube.com/watch?si=abc", "https://www.youtube.com/watch", Platform::youtube,
     "the YouTube link names no video id"},
    {"https://news.example.kz/my article", "https://news.example.kz/my%20article", Platform::news,
     "the URL contains spaces"},
    {"  https://t.me/rukhtan_news/42  ", "https://t.me/rukhtan_news/42", Platform::telegram, ""},
    {"https:///path", "https:///path", Platform::other, "the URL has no host"},
    {"www.instagram.com/reel/C9U-wxUME40/", "www.instagram.com/reel/C9U-wxUME40/", Platform::other,
     "no scheme and host; write an absolute address that starts with https://"},
    {"ftp://example.kz/file", "ftp://example.kz/file", Platform::other, "not an http(s) URL"},
    {"", "", Platform::other, "the URL is empty"},
};

TEST_CASE("Damaged media links are flagged with what is wrong", "[media]") {
  for (const MalformedCase& c : kMalformed) {
    INFO(c.url);
    const MediaUrl m = analyse_media_url(c.url);
    CHECK(m.canonical == c.canonical);
    CHECK(platform_key(m.platform) == platform_key(c.platform));
    CHECK(m.malformed == (std::string(c.problem) != ""));
    CHECK(m.problem == c.problem);
  }
}

TEST_CASE("Duplicates are found after canonicalisation", "[media]") {
  struct Pair {
    const char* a;
    const char* b;
    bool same;
  };
  const Pair pairs[] = {
      // The same YouTube video under two spellings, as in the seed content.
      {"https://youtu.be/PNb25_r3EuE?si=5yQ6OA8o4iXouAQo",
       "https://www.youtube.com/watch?v=PNb25_r3EuE&feature=share", true},
      {"https://youtu.be/PNb25_r3EuE", "https://youtube.com/shorts/PNb25_r3EuE", true},
      {"https://www.instagram.com/reel/C9U-wxUME40/?igsh=MW==",
       "http://instagram.com/reel/C9U-wxUME40", true},
      // Instagram serves one item under /p/ and /reel/.
      {"https://instagram.com/p/DC6RJA8sw6x/", "https://www.instagram.com/reel/DC6RJA8sw6x/", true},
      {"https://drive.google.com/drive/folders/1AbC?usp=drive_link",
       "https://drive.google.com/drive/u/1/folders/1AbC", true},
      {"https://news.example.kz/a?utm_source=fb", "https://NEWS.example.kz/a", true},
      // Different items stay different.
      {"https://instagram.com/p/DC6RJA8sw6x/", "https://instagram.com/p/DC6R5Pesca6/", false},
      {"https://youtu.be/PNb25_r3EuE?t=10", "https://youtu.be/PNb25_r3EuE?t=20", false},
      {"https://news.example.kz/a?id=1", "https://news.example.kz/a?id=2", false},
      {"http://news.example.kz/a", "https://news.example.kz/a", false},
  };
  for (const Pair& p : pairs) {
    INFO(p.a << " vs " << p.b);
    CHECK(same_media(analyse_media_url(p.a), analyse_media_url(p.b)) == p.same);
    // The key that finds copies across grants agrees with same_media.
    CHECK((media_identity(analyse_media_url(p.a)) == media_identity(analyse_media_url(p.b))) ==
          p.same);
  }
}

TEST_CASE("Only a well-formed YouTube video, short or live stream has a video id to embed",
          "[media]") {
  struct Case {
    const char* url;
    const char* video_id;
  };
  const Case cases[] = {
      {"https://youtu.be/PNb25_r3EuE?si=5yQ6OA8o4iXouAQo", "PNb25_r3EuE"},
      {"https://www.youtube.com/watch?v=PNb25_r3EuE&feature=share", "PNb25_r3EuE"},
      {"https://youtube.com/shorts/synthBrg005", "synthBrg005"},
      {"https://www.youtube.com/live/synthLive01", "synthLive01"},
      {"https://www.youtube-nocookie.com/embed/PNb25_r3EuE", "PNb25_r3EuE"},
      // Not a video: a channel, a playlist; damaged ids; other platforms with 11-character ids.
      {"https://www.youtube.com/@synthetic", ""},
      {"https://www.youtube.com/playlist?list=PLsynthetic", ""},
      {"https://youtu.be/PNb25_r3Eu", ""},
      {"https://www.youtube.com/watch?si=abc", ""},
      {"https://www.instagram.com/reel/C9U-wxUME40/", ""},
      {"https://news.example.kz/watch?v=PNb25_r3EuE", ""},
  };
  for (const Case& c : cases) {
    INFO(c.url);
    CHECK(youtube_video_id(analyse_media_url(c.url)) == c.video_id);
  }
}

TEST_CASE("The host of a canonical URL is read without user info or port", "[media]") {
  CHECK(host_of("https://news.example.kz/a?b#c") == "news.example.kz");
  CHECK(host_of("https://user@News.Example.kz:8080/") == "news.example.kz");
  CHECK(host_of("not a url") == "");
}

}  // namespace
}  // namespace ashyq::media
