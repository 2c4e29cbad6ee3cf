#pragma once
// A fast 64-bit hash of a byte string, for telling whether a file's bytes changed between two
// builds (the output manifest). It is not cryptographic: it guards against accidents, not against
// an adversary, and a change is also caught by the size. Stable across runs, machines and compilers
// (defined on the bytes, little-endian words), so manifests stay valid across rebuilds of the
// generator.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ashyq {

std::uint64_t content_hash(std::string_view bytes);

// content_hash() of bytes that arrive in pieces (a file streamed to disk): after update() with
// every piece in order, finish() returns what content_hash() of their concatenation returns.
class ContentHasher {
 public:
  void update(std::string_view bytes);
  std::uint64_t finish() const;

 private:
  std::uint64_t lane_[4] = {0x9e3779b97f4a7c15ULL, 0x6a09e667f3bcc909ULL, 0xbb67ae8584caa73bULL,
                            0x3c6ef372fe94f82bULL};
  unsigned char pending_[32] = {};  // the bytes of an incomplete 32-byte block
  std::size_t pending_size_ = 0;
  std::uint64_t total_ = 0;
};

}  // namespace ashyq
