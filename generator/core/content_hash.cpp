#include "core/content_hash.h"

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

}  // namespace

std::uint64_t content_hash(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size();
  // Four independent lanes keep the multiplier pipelines busy on long pages.
  std::uint64_t lane[4] = {0x9e3779b97f4a7c15ULL, 0x6a09e667f3bcc909ULL, 0xbb67ae8584caa73bULL,
                           0x3c6ef372fe94f82bULL};
  while (n >= 32) {
    for (int i = 0; i < 4; ++i) lane[i] = mix(lane[i] ^ load_le64(p + 8 * i)) + 0x9e3779b97f4a7c15ULL;
    p += 32;
    n -= 32;
  }
  std::uint64_t h = mix(lane[0] ^ mix(lane[1] ^ mix(lane[2] ^ mix(lane[3]))));
  while (n >= 8) {
    h = mix(h ^ load_le64(p));
    p += 8;
    n -= 8;
  }
  unsigned char tail[8] = {};
  std::memcpy(tail, p, n);
  h = mix(h ^ load_le64(tail) ^ (static_cast<std::uint64_t>(n) << 56));
  return mix(h ^ static_cast<std::uint64_t>(bytes.size()));
}

}  // namespace ashyq
