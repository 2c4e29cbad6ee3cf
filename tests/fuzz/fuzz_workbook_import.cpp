// libFuzzer target: `ashyq import`'s reading of an NGO's workbook: the XLSX reader (libzip,
// libxml2) and the cells into a grant record, with every finding formatted. Synthetic input.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/diagnostics.h"
#include "workbook/grant_workbook.h"
#include "xlsx/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                            ("ashyq-fuzz-" + std::to_string(::getpid()) + ".xlsx");
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  ashyq::Result<ashyq::xlsx::Workbook> book = ashyq::xlsx::read_workbook(file);
  if (!book.ok()) return 0;
  const ashyq::workbook::Grid grid = ashyq::workbook::grid_of(*book);
  ashyq::Diagnostics diagnostics;
  const ashyq::workbook::Imported imported =
      ashyq::workbook::from_grid(grid, "fuzz.xlsx", diagnostics);
  (void)ashyq::workbook::canonical_json(imported.record);
  (void)ashyq::format_all(diagnostics, ".");
  return 0;
}
