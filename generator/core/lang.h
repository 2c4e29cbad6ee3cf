#pragma once
// The portal's two languages. The product is bilingual by design (Kazakh first, Russian second), so
// a language is a small enum and localized values are indexed by it.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace ashyq {

enum class Lang : unsigned char { kk = 0, ru = 1 };

inline constexpr std::array<Lang, 2> kAllLangs = {Lang::kk, Lang::ru};

constexpr std::string_view lang_code(Lang lang) { return lang == Lang::kk ? "kk" : "ru"; }

constexpr Lang other_lang(Lang lang) { return lang == Lang::kk ? Lang::ru : Lang::kk; }

// Returns nullopt for anything but "kk" or "ru".
inline std::optional<Lang> parse_lang(std::string_view code) {
  if (code == "kk") return Lang::kk;
  if (code == "ru") return Lang::ru;
  return std::nullopt;
}

// Text in both languages; an empty string means the source gives none in that language.
//
// A grant holds a few hundred of these (every budget line, indicator, activity… has several, many
// of them empty), so their layout is much of a national portal's memory: one pointer, null when
// both languages are empty, else one heap block [u32 kk length][u32 ru length][kk bytes][ru bytes].
// Two std::strings took 64 bytes even when empty, and a heap block for each longer text.
class LocalizedText {
 public:
  LocalizedText() noexcept = default;
  LocalizedText(std::string_view kk, std::string_view ru);
  LocalizedText(const LocalizedText& other);
  LocalizedText(LocalizedText&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
  LocalizedText& operator=(const LocalizedText& other);
  LocalizedText& operator=(LocalizedText&& other) noexcept;
  ~LocalizedText() { ::operator delete(block_); }

  // The view points into this object's block, valid until the object is changed or destroyed; a
  // temporary's would dangle, so asking one is refused at compile time.
  std::string_view in(Lang lang) const& {
    if (!block_) return {};
    const std::uint32_t kk = length(Lang::kk);
    if (lang == Lang::kk) return {block_ + kHeader, kk};
    return {block_ + kHeader + kk, length(Lang::ru)};
  }
  std::string_view in(Lang lang) const&& = delete;
  void set(Lang lang, std::string_view text);  // `text` may point into this object
  bool has(Lang lang) const { return !in(lang).empty(); }
  bool empty() const { return block_ == nullptr; }  // nothing is allocated for an empty text

  friend bool operator==(const LocalizedText& a, const LocalizedText& b);

 private:
  static constexpr std::size_t kHeader = 2 * sizeof(std::uint32_t);  // the two lengths

  static char* make_block(std::string_view kk, std::string_view ru);  // null when both are empty
  std::size_t block_size() const {
    return block_ ? kHeader + length(Lang::kk) + length(Lang::ru) : 0;
  }

  std::uint32_t length(Lang lang) const {  // block_ is not null
    std::uint32_t n;
    // Copied, not cast: the block holds bytes, no std::uint32_t object.
    std::memcpy(&n, block_ + static_cast<int>(lang) * sizeof n, sizeof n);
    return n;
  }

  char* block_ = nullptr;  // null exactly when both languages are empty
};

static_assert(sizeof(LocalizedText) == sizeof(void*));

}  // namespace ashyq
