#pragma once
// What a media link points at, read from its URL alone: the platform, the kind of page on it
// (reel, video, folder…), the item's id, and the canonical URL the portal publishes — tracking
// parameters stripped, scheme and host normalised — so two spellings of one link compare equal.
// Pure string work: nothing here opens a connection, and a visitor's browser asks a third party
// only when the visitor follows the link.
#include <string>
#include <string_view>

namespace ashyq::media {

// `news` is any other web host (a news site, an organisation's own site); `other` is what is not
// an http(s) URL with a host at all.
enum class Platform { instagram, youtube, facebook, tiktok, telegram, google_drive, news, other };
inline constexpr Platform kAllPlatforms[] = {
    Platform::instagram, Platform::youtube,      Platform::facebook, Platform::tiktok,
    Platform::telegram,  Platform::google_drive, Platform::news,     Platform::other};

struct MediaUrl {
  // The URL to publish and to compare. For the known platforms: https, the platform's own host
  // (www.instagram.com, www.youtube.com, www.facebook.com, www.tiktok.com, t.me,
  // drive.google.com), one spelling per item (youtu.be/ID, /shorts/ID, /live/ID and /watch?v=ID all
  // become https://www.youtube.com/watch?v=ID). For any host: lowercase host, no default port,
  // tracking parameters (utm_*, igsh, si, fbclid, usp…) and tracking fragments removed, other
  // parameters kept in their order, path "/" when empty. A URL that cannot be read (no http(s)
  // scheme, no host) is given back trimmed, unchanged otherwise.
  std::string canonical;
  Platform platform = Platform::other;
  // What the link shows on its platform: "reel", "post", "video", "short", "live", "story",
  // "profile", "channel", "playlist", "folder", "file", "page", "group", "event", "photo",
  // "article", "site", "link" (a platform's short link that hides the kind); "" when unknown.
  std::string platform_kind;
  // The item's id on its platform: a YouTube video id, an Instagram shortcode, a Drive file or
  // folder id, a TikTok video id, "channel/42" for a Telegram post, a handle for a profile; "" when
  // the URL names none.
  std::string id;
  // True when the URL looks damaged: spaces, no host, an Instagram shortcode shorter than the 11
  // characters of a post or reel (possibly truncated), a YouTube video id that is not 11 characters
  // of [A-Za-z0-9_-]. `problem` says what, in words for a finding; "" when not malformed.
  bool malformed = false;
  std::string problem;
};

// Never fails: a URL it cannot read comes back with platform `other`, `malformed` set and the
// reason in `problem`.
MediaUrl analyse_media_url(std::string_view url);

// True when two analysed links name the same item: equal canonical URLs, or the same Instagram
// shortcode under /p/ and /reel/ (Instagram serves one item under both).
bool same_media(const MediaUrl& a, const MediaUrl& b);
// A key equal for two links exactly when same_media is true: the canonical URL, or an Instagram
// item's shortcode.
std::string media_identity(const MediaUrl& media);

// The id of a YouTube video that can be played in an embedded player (a video, a short or a live
// stream, well formed): the 11 characters of [A-Za-z0-9_-] after /embed/ on youtube-nocookie.com.
// "" for anything else: another platform, a channel or playlist, a malformed link.
std::string youtube_video_id(const MediaUrl& media);

// "instagram", "youtube", … "news", "other": the name used in UI-string keys and in the URLs of
// the media pages by platform.
std::string_view platform_key(Platform platform);

// The host of a URL, lowercase, without user info and port ("news.example.kz"); "" when it has
// none.
std::string host_of(std::string_view url);

}  // namespace ashyq::media
