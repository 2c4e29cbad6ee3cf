// libFuzzer target: a re-granting NGO's subgrants.csv (docs/subgrants-csv.md). Synthetic input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/subgrants_csv.h"
#include "core/diagnostics.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ashyq::Diagnostics diagnostics;
  (void)ashyq::parse_subgrants_csv(text, "content/grants/fuzz/subgrants.csv", diagnostics);
  (void)ashyq::format_all(diagnostics, ".");
  return 0;
}
