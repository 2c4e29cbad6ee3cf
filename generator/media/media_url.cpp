#include "media/media_url.h"

#include <algorithm>
#include <vector>

namespace ashyq::media {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// The characters of YouTube video ids and Instagram shortcodes (URL-safe base64).
bool is_id_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}
bool all_id_chars(std::string_view s) { return std::all_of(s.begin(), s.end(), is_id_char); }
bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct Param {
  std::string text;  // "name=value" as written
  std::string name;  // lowercase
  std::string value;
};

std::vector<Param> split_query(std::string_view query) {
  std::vector<Param> params;
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    std::string_view text = query.substr(start, end - start);
    if (!text.empty()) {
      const std::size_t eq = text.find('=');
      params.push_back({std::string(text), lower(text.substr(0, eq)),
                        eq == std::string_view::npos ? "" : std::string(text.substr(eq + 1))});
    }
    start = end + 1;
  }
  return params;
}

// Parameters that only say who shared a link and from where: they identify the sharer to the
// platform and change nothing about what the link shows.
bool is_tracking_param(const std::string& name, Platform platform) {
  static const char* const kEverywhere[] = {
      "igsh",    "igshid",  "si",      "fbclid",   "gclid",  "dclid",  "msclkid", "yclid", "usp",
      "feature", "ref_src", "ref_url", "mibextid", "mc_cid", "mc_eid", "_hsenc",  "_hsmi"};
  if (name.rfind("utm_", 0) == 0) return true;
  for (const char* n : kEverywhere)
    if (name == n) return true;
  switch (platform) {
    case Platform::youtube:
      return name == "pp" || name == "ab_channel";
    case Platform::facebook:
      return name == "rdid" || name == "share_url" || name == "sfnsn" ||
             name.rfind("__cft__", 0) == 0 || name.rfind("__tn__", 0) == 0;
    case Platform::tiktok:
      return name == "is_from_webapp" || name == "sender_device" || name == "_t" || name == "_r" ||
             name == "web_id" || name == "is_copy_url";
    default:
      return false;
  }
}

// A fragment that carries tracking rather than a place in the page.
bool is_tracking_fragment(std::string_view fragment) {
  const std::string f = lower(fragment);
  return f.empty() || f.rfind("utm_", 0) == 0 || f.rfind("xtor=", 0) == 0 ||
         f.rfind("echobox=", 0) == 0;
}

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start < path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) segments.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

// Takes the value of parameter `name` out of `params`; "" when absent.
std::string take_param(std::vector<Param>& params, std::string_view name) {
  for (auto it = params.begin(); it != params.end(); ++it)
    if (it->name == name) {
      std::string value = it->value;
      params.erase(it);
      return value;
    }
  return "";
}
std::string param_value(const std::vector<Param>& params, std::string_view name) {
  for (const Param& p : params)
    if (p.name == name) return p.value;
  return "";
}

// "?a=1&b=2" from the parameters left, `first` (e.g. "v=ID") before them; "" when there are none.
std::string query_text(const std::vector<Param>& params, const std::string& first = "") {
  std::string out = first;
  for (const Param& p : params) out += (out.empty() ? "" : "&") + p.text;
  return out.empty() ? "" : "?" + out;
}

std::string encode_spaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (is_space(c))
      out += "%20";
    else
      out += c;
  }
  return out;
}

void add_problem(MediaUrl& r, const std::string& problem) {
  r.malformed = true;
  r.problem += (r.problem.empty() ? "" : "; ") + problem;
}

// Host of a known platform (after "www." or "m." is removed) → platform.
Platform platform_of_host(const std::string& host) {
  static const std::pair<const char*, Platform> kHosts[] = {
      {"instagram.com", Platform::instagram},
      {"youtube.com", Platform::youtube},
      {"youtu.be", Platform::youtube},
      {"youtube-nocookie.com", Platform::youtube},
      {"facebook.com", Platform::facebook},
      {"web.facebook.com", Platform::facebook},
      {"mbasic.facebook.com", Platform::facebook},
      {"fb.com", Platform::facebook},
      {"fb.watch", Platform::facebook},
      {"tiktok.com", Platform::tiktok},
      {"vm.tiktok.com", Platform::tiktok},
      {"vt.tiktok.com", Platform::tiktok},
      {"t.me", Platform::telegram},
      {"telegram.me", Platform::telegram},
      {"drive.google.com", Platform::google_drive},
      {"docs.google.com", Platform::google_drive}};
  for (auto [name, platform] : kHosts)
    if (host == name) return platform;
  return Platform::news;
}

void check_youtube_id(MediaUrl& r) {
  if (r.id.empty())
    add_problem(r, "the YouTube link names no video id");
  else if (r.id.size() != 11 || !all_id_chars(r.id))
    add_problem(r, "YouTube video id \"" + r.id +
                       "\" is not 11 characters of A-Z, a-z, 0-9, _ and -; the link is possibly "
                       "truncated or mistyped");
}

void check_instagram_code(MediaUrl& r) {
  if (!all_id_chars(r.id))
    add_problem(
        r, "Instagram shortcode \"" + r.id + "\" has characters other than A-Z, a-z, 0-9, _ and -");
  else if (r.id.size() < 11)
    add_problem(r, "Instagram shortcode \"" + r.id + "\" has " + std::to_string(r.id.size()) +
                       " characters where a post or reel has 11; the link is possibly truncated");
}

// Each platform's reading of the path and parameters: sets kind and id, and returns the canonical
// path with its query (the parameters it used taken out of `params`).
std::string instagram(MediaUrl& r, const std::vector<std::string>& seg,
                      std::vector<Param>& params) {
  // /p/CODE/, /reel/CODE/, and the newer /USER/p/CODE/ of the share sheet.
  for (std::size_t i = 0; i < seg.size() && i < 2; ++i) {
    const std::string& s = seg[i];
    if ((s == "p" || s == "reel" || s == "reels" || s == "tv") && i + 1 < seg.size()) {
      r.platform_kind = s == "p" ? "post" : s == "tv" ? "video" : "reel";
      r.id = seg[i + 1];
      check_instagram_code(r);
      params.clear();  // an item's page takes no parameters; all Instagram adds is tracking
      return "/" + std::string(s == "reels" ? "reel" : s) + "/" + r.id + "/";
    }
  }
  if (seg.size() >= 3 && seg[0] == "stories") {
    r.platform_kind = "story";
    r.id = seg[2];
    params.clear();
    return "/stories/" + seg[1] + "/" + seg[2] + "/";
  }
  if (seg.size() == 1) {
    r.platform_kind = "profile";
    r.id = seg[0];
    return "/" + seg[0] + "/" + query_text(params);
  }
  return "";
}

std::string youtube(MediaUrl& r, const std::string& host, const std::vector<std::string>& seg,
                    std::vector<Param>& params) {
  auto video = [&](std::string kind, std::string id) {
    r.platform_kind = std::move(kind);
    r.id = std::move(id);
    check_youtube_id(r);
    return r.id.empty() ? std::string() : "/watch" + query_text(params, "v=" + r.id);
  };
  if (host == "youtu.be") return video("video", seg.empty() ? "" : seg[0]);
  if (seg.empty()) return "";
  const std::string& first = seg[0];
  if (first == "watch") return video("video", take_param(params, "v"));
  if (first == "shorts" || first == "live" || first == "embed" || first == "v")
    return video(first == "shorts" ? "short"
                 : first == "live" ? "live"
                                   : "video",
                 seg.size() > 1 ? seg[1] : "");
  if (first == "playlist") {
    r.platform_kind = "playlist";
    r.id = param_value(params, "list");
    return "";
  }
  if (first[0] == '@' ||
      ((first == "channel" || first == "c" || first == "user") && seg.size() > 1)) {
    r.platform_kind = "channel";
    r.id = first[0] == '@' ? first : seg[1];
  }
  return "";
}

std::string facebook(MediaUrl& r, const std::string& host, const std::vector<std::string>& seg,
                     std::vector<Param>& params) {
  auto set = [&](const char* kind, std::string id) {
    r.platform_kind = kind;
    r.id = std::move(id);
  };
  if (host == "fb.watch") {
    set("video", seg.empty() ? "" : seg[0]);
    return seg.empty() ? "" : "/" + seg[0] + "/" + query_text(params);
  }
  if (seg.empty()) return "";
  const std::string& first = seg[0];
  if (first == "watch") {
    set("video", param_value(params, "v"));
  } else if (first == "reel" && seg.size() > 1) {
    set("reel", seg[1]);
  } else if (first == "share" && seg.size() > 2) {
    set(seg[1] == "p" ? "post" : seg[1] == "v" ? "video" : seg[1] == "r" ? "reel" : "link", seg[2]);
  } else if (first == "permalink.php" || first == "story.php") {
    set("post", param_value(params, "story_fbid"));
  } else if (first == "photo" || first == "photo.php") {
    set("photo", param_value(params, "fbid"));
  } else if (first == "events" && seg.size() > 1) {
    set("event", seg[1]);
  } else if (first == "groups" && seg.size() > 1) {
    if (seg.size() > 3 && (seg[2] == "posts" || seg[2] == "permalink"))
      set("post", seg[3]);
    else
      set("group", seg[1]);
  } else if (seg.size() > 2 && (seg[1] == "videos" || seg[1] == "posts" || seg[1] == "photos")) {
    set(seg[1] == "videos" ? "video" : seg[1] == "posts" ? "post" : "photo", seg.back());
  } else if (first == "profile.php") {
    set("page", param_value(params, "id"));
  } else if (seg.size() == 1) {
    set("page", first);
  }
  return "";
}

std::string tiktok(MediaUrl& r, const std::string& host, const std::vector<std::string>& seg,
                   std::vector<Param>& params) {
  if (host == "vm.tiktok.com" || host == "vt.tiktok.com") {
    // A short link: the kind is behind a redirect we do not follow.
    r.platform_kind = "link";
    r.id = seg.empty() ? "" : seg[0];
    return seg.empty() ? "" : "/" + seg[0] + "/" + query_text(params);
  }
  if (!seg.empty() && seg[0][0] == '@') {
    if (seg.size() > 2 && (seg[1] == "video" || seg[1] == "photo")) {
      r.platform_kind = seg[1] == "video" ? "video" : "post";
      r.id = seg[2];
    } else if (seg.size() == 1) {
      r.platform_kind = "profile";
      r.id = seg[0];
    }
  }
  return "";
}

std::string telegram(MediaUrl& r, const std::vector<std::string>& seg) {
  const std::size_t off = !seg.empty() && seg[0] == "s" ? 1 : 0;  // t.me/s/… is the web preview
  if (seg.size() == off + 2 && all_digits(seg[off + 1])) {
    r.platform_kind = "post";
    r.id = seg[off] + "/" + seg[off + 1];
  } else if (seg.size() == off + 1 || (seg.size() == 2 && seg[0] == "joinchat")) {
    r.platform_kind = "channel";
    r.id = seg.back();
  }
  return "";
}

std::string google_drive(MediaUrl& r, const std::string& host, const std::vector<std::string>& seg,
                         std::vector<Param>& params) {
  if (host == "docs.google.com") {
    if (seg.size() > 2 && seg[1] == "d") {
      r.platform_kind = "file";
      r.id = seg[2];
    }
    return "";
  }
  for (std::size_t i = 0; i + 1 < seg.size(); ++i) {
    if (seg[i] == "folders") {  // also /drive/u/0/folders/ID, the same folder seen by one account
      r.platform_kind = "folder";
      r.id = seg[i + 1];
      return "/drive/folders/" + r.id + query_text(params);
    }
    if (seg[i] == "file" && seg[i + 1] == "d" && i + 2 < seg.size()) {
      r.platform_kind = "file";
      r.id = seg[i + 2];
      return "/file/d/" + r.id + "/view" + query_text(params);
    }
  }
  if (!seg.empty() && seg[0] == "open") r.id = param_value(params, "id");
  return "";
}

// The platform's one host for all its spellings; short-link hosts keep their own.
std::string canonical_host(Platform platform, const std::string& host) {
  switch (platform) {
    case Platform::instagram:
      return "www.instagram.com";
    case Platform::youtube:
      return "www.youtube.com";  // youtu.be links become /watch?v= links there
    case Platform::facebook:
      return host == "fb.watch" ? host : "www.facebook.com";
    case Platform::tiktok:
      return host == "tiktok.com" ? "www.tiktok.com" : host;
    case Platform::telegram:
      return "t.me";
    default:
      return host;
  }
}

}  // namespace

MediaUrl analyse_media_url(std::string_view url) {
  MediaUrl r;
  const std::string_view text = trim(url);
  r.canonical = std::string(text);
  if (text.empty()) {
    add_problem(r, "the URL is empty");
    return r;
  }
  const std::size_t scheme_end = text.find("://");
  if (scheme_end == std::string_view::npos) {
    add_problem(r, "no scheme and host; write an absolute address that starts with https://");
    return r;
  }
  std::string scheme = lower(text.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") {
    add_problem(r, "not an http(s) URL");
    return r;
  }
  std::string_view rest = text.substr(scheme_end + 3);
  const std::size_t authority_end = std::min(rest.find_first_of("/?#"), rest.size());
  std::string_view authority = rest.substr(0, authority_end);
  std::string_view remainder = rest.substr(authority_end);

  std::string userinfo;
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    userinfo = std::string(authority.substr(0, at + 1));
    authority.remove_prefix(at + 1);
  }
  std::string host = lower(authority);
  std::string port;
  if (const std::size_t colon = host.rfind(':');
      colon != std::string::npos && host.find(']') == std::string::npos) {
    port = host.substr(colon + 1);
    host.resize(colon);
  }
  if (!host.empty() && host.back() == '.') host.pop_back();
  if (host.empty()) {
    add_problem(r, "the URL has no host");
    return r;
  }
  if (std::any_of(text.begin(), text.end(), is_space)) add_problem(r, "the URL contains spaces");

  std::string fragment;
  bool has_fragment = false;
  if (const std::size_t hash = remainder.find('#'); hash != std::string_view::npos) {
    fragment = std::string(remainder.substr(hash + 1));
    has_fragment = true;
    remainder = remainder.substr(0, hash);
  }
  std::string_view query;
  if (const std::size_t q = remainder.find('?'); q != std::string_view::npos) {
    query = remainder.substr(q + 1);
    remainder = remainder.substr(0, q);
  }
  std::string path = remainder.empty() ? "/" : std::string(remainder);

  std::string bare = host;
  for (const char* prefix : {"www.", "m."})
    if (bare.rfind(prefix, 0) == 0 &&
        platform_of_host(bare.substr(std::string(prefix).size())) != Platform::news) {
      bare = bare.substr(std::string(prefix).size());
      break;
    }
  r.platform = platform_of_host(bare);
  const bool known = r.platform != Platform::news;

  std::vector<Param> params;
  for (Param& p : split_query(query))
    if (!is_tracking_param(p.name, r.platform)) params.push_back(std::move(p));

  const std::vector<std::string> seg = split_path(path);
  std::string canonical_path;  // "" when the platform keeps the path and parameters as written
  switch (r.platform) {
    case Platform::instagram:
      canonical_path = instagram(r, seg, params);
      break;
    case Platform::youtube:
      canonical_path = youtube(r, bare, seg, params);
      break;
    case Platform::facebook:
      canonical_path = facebook(r, bare, seg, params);
      break;
    case Platform::tiktok:
      canonical_path = tiktok(r, bare, seg, params);
      break;
    case Platform::telegram:
      canonical_path = telegram(r, seg);
      break;
    case Platform::google_drive:
      canonical_path = google_drive(r, bare, seg, params);
      break;
    default:
      r.platform_kind = path == "/" ? "site" : "article";
      break;
  }
  const bool rebuilt = !canonical_path.empty();
  if (!rebuilt) canonical_path = path + query_text(params);
  // A fragment names a place in the page, and stays, unless it is tracking or the platform's item
  // page was rebuilt (an item page has no places to point at).
  if (has_fragment && !rebuilt && !is_tracking_fragment(fragment)) canonical_path += "#" + fragment;

  if (known) scheme = "https";
  const bool default_port =
      (scheme == "https" && port == "443") || (scheme == "http" && port == "80");
  const std::string authority_out = (known ? "" : userinfo) + canonical_host(r.platform, bare) +
                                    (port.empty() || default_port ? "" : ":" + port);
  r.canonical = encode_spaces(scheme + "://" + authority_out + canonical_path);
  return r;
}

namespace {
bool instagram_item(const MediaUrl& m) {
  return m.platform == Platform::instagram && !m.id.empty() &&
         (m.platform_kind == "post" || m.platform_kind == "reel" || m.platform_kind == "video");
}
}  // namespace

bool same_media(const MediaUrl& a, const MediaUrl& b) {
  return media_identity(a) == media_identity(b);
}

std::string media_identity(const MediaUrl& m) {
  // One Instagram item is served under /p/, /reel/ and /tv/: its shortcode names it.
  return instagram_item(m) ? "instagram item " + m.id : m.canonical;
}

std::string youtube_video_id(const MediaUrl& m) {
  const bool video =
      m.platform_kind == "video" || m.platform_kind == "short" || m.platform_kind == "live";
  return m.platform == Platform::youtube && video && !m.malformed ? m.id : std::string();
}

std::string_view platform_key(Platform platform) {
  switch (platform) {
    case Platform::instagram:
      return "instagram";
    case Platform::youtube:
      return "youtube";
    case Platform::facebook:
      return "facebook";
    case Platform::tiktok:
      return "tiktok";
    case Platform::telegram:
      return "telegram";
    case Platform::google_drive:
      return "google_drive";
    case Platform::news:
      return "news";
    default:
      return "other";
  }
}

std::string host_of(std::string_view url) {
  const std::size_t start = url.find("://");
  if (start == std::string_view::npos) return "";
  std::string_view rest = url.substr(start + 3);
  rest = rest.substr(0, std::min(rest.find_first_of("/?#"), rest.size()));
  if (const std::size_t at = rest.rfind('@'); at != std::string_view::npos)
    rest.remove_prefix(at + 1);
  if (const std::size_t colon = rest.rfind(':');
      colon != std::string_view::npos && rest.find(']') == std::string_view::npos)
    rest = rest.substr(0, colon);
  return lower(rest);
}

}  // namespace ashyq::media
