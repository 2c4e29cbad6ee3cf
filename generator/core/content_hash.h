#pragma once
// A fast 64-bit hash of a byte string, for telling whether a file's bytes changed between two
// builds (the output manifest). It is not cryptographic: it guards against accidents, not against
// an adversary, and a change is also caught by the size. Stable across runs, machines and compilers
// (defined on the bytes, little-endian words), so manifests stay valid across rebuilds of the
// generator.
#include <cstdint>
#include <string_view>

namespace ashyq {

std::uint64_t content_hash(std::string_view bytes);

}  // namespace ashyq
