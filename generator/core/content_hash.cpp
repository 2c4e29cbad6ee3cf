#include "core/content_hash.h"

#include <algorithm>
#include <cstring>

namespace ashyq {
namespace {

// The finaliser of splitmix64 (Steele, Lea and Flood, 2014): every input bit affects every output
// bit.
constexpr std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

std::uint64_t load_le64(const unsigned char* p) {
  std::uint64_t word = 0;
  for (int i = 7; i >= 0; --i) word = (word << 8) | p[i];
  return word;
}

// The part of content_hash() after the 32-byte blocks: `p` holds the last n < 32 bytes.
std::uint64_t finish_hash(const std::uint64_t lane[4], const unsigned char* p, std::size_t n,
                          std::uint64_t total) {
  std::uint64_t h = mix(lane[0] ^ mix(lane[1] ^ mix(lane[2] ^ mix(lane[3]))));
  while (n >= 8) {
    h = mix(h ^ load_le64(p));
    p += 8;
    n -= 8;
  }
  unsigned char tail[8] = {};
  std::memcpy(tail, p, n);
  h = mix(h ^ load_le64(tail) ^ (static_cast<std::uint64_t>(n) << 56));
  return mix(h ^ total);
}

void hash_block(std::uint64_t lane[4], const unsigned char* p) {
  for (int i = 0; i < 4; ++i) lane[i] = mix(lane[i] ^ load_le64(p + 8 * i)) + 0x9e3779b97f4a7c15ULL;
}

}  // namespace

std::uint64_t content_hash(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size();
  // Four independent lanes keep the multiplier pipelines busy on long pages.
  std::uint64_t lane[4] = {0x9e3779b97f4a7c15ULL, 0x6a09e667f3bcc909ULL, 0xbb67ae8584caa73bULL,
                           0x3c6ef372fe94f82bULL};
  while (n >= 32) {
    hash_block(lane, p);
    p += 32;
    n -= 32;
  }
  return finish_hash(lane, p, n, bytes.size());
}

void ContentHasher::update(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size();
  total_ += n;
  if (pending_size_ > 0) {
    const std::size_t take = std::min(n, sizeof pending_ - pending_size_);
    std::memcpy(pending_ + pending_size_, p, take);
    pending_size_ += take;
    p += take;
    n -= take;
    if (pending_size_ < sizeof pending_) return;
    hash_block(lane_, pending_);
    pending_size_ = 0;
  }
  while (n >= 32) {
    hash_block(lane_, p);
    p += 32;
    n -= 32;
  }
  std::memcpy(pending_, p, n);
  pending_size_ = n;
}

std::uint64_t ContentHasher::finish() const {
  return finish_hash(lane_, pending_, pending_size_, total_);
}

}  // namespace ashyq
