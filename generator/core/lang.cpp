#include "core/lang.h"

#include <limits>
#include <stdexcept>

namespace ashyq {
namespace {

// Lengths are kept in 32 bits. No text of a site comes near 4 GiB, so a longer one is a broken
// precondition, not an error a caller handles (and a constructor has no Status to return).
std::uint32_t checked_length(std::string_view text) {
  if (text.size() > std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("LocalizedText: a text of 4 GiB or more");
  return static_cast<std::uint32_t>(text.size());
}

}  // namespace

char* LocalizedText::make_block(std::string_view kk, std::string_view ru) {
  if (kk.empty() && ru.empty()) return nullptr;
  const std::uint32_t lengths[2] = {checked_length(kk), checked_length(ru)};
  char* block = static_cast<char*>(::operator new(kHeader + kk.size() + ru.size()));
  std::memcpy(block, lengths, kHeader);
  if (!kk.empty()) std::memcpy(block + kHeader, kk.data(), kk.size());
  if (!ru.empty()) std::memcpy(block + kHeader + kk.size(), ru.data(), ru.size());
  return block;
}

LocalizedText::LocalizedText(std::string_view kk, std::string_view ru)
    : block_(make_block(kk, ru)) {}

LocalizedText::LocalizedText(const LocalizedText& other) {
  if (other.empty()) return;
  const std::size_t size = other.block_size();
  block_ = static_cast<char*>(::operator new(size));
  std::memcpy(block_, other.block_, size);
}

LocalizedText& LocalizedText::operator=(const LocalizedText& other) {
  // Copied before ours is freed: a failed allocation leaves this text as it was.
  if (this != &other) *this = LocalizedText(other);
  return *this;
}

LocalizedText& LocalizedText::operator=(LocalizedText&& other) noexcept {
  if (this != &other) {
    ::operator delete(block_);
    block_ = std::exchange(other.block_, nullptr);
  }
  return *this;
}

void LocalizedText::set(Lang lang, std::string_view text) {
  // The new block is made before the old one is freed, so `text` may point into the old one.
  const std::string_view other = in(other_lang(lang));
  char* block = lang == Lang::kk ? make_block(text, other) : make_block(other, text);
  ::operator delete(block_);
  block_ = block;
}

bool operator==(const LocalizedText& a, const LocalizedText& b) {
  if (a.block_ == b.block_) return true;  // both empty, or the same object
  if (!a.block_ || !b.block_) return false;
  // A block is the two lengths, then the bytes: equal blocks are exactly equal texts.
  const std::size_t size = a.block_size();
  return size == b.block_size() && std::memcmp(a.block_, b.block_, size) == 0;
}

}  // namespace ashyq
