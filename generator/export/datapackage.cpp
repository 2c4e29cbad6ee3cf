#include "export/datapackage.h"

namespace ashyq::opendata {
namespace {

// Frictionless descriptions are one string: the Kazakh text, then the Russian one.
std::string both(const LocalizedText& text) {
  return std::string(text.in(Lang::kk)) + " / " + std::string(text.in(Lang::ru));
}

}  // namespace

nlohmann::ordered_json datapackage(const Portal& portal, const std::vector<Table>& bulk) {
  std::vector<TableSize> sizes;
  for (const Table& table : bulk) sizes.push_back({table.schema, table.rows.size()});
  return datapackage(portal, sizes);
}

nlohmann::ordered_json datapackage(const Portal& portal, const std::vector<TableSize>& bulk) {
  using nlohmann::ordered_json;
  ordered_json package = ordered_json::object();
  package["profile"] = "data-package";
  package["name"] = "ashyq-open-data";
  package["title"] = both(portal.config.title);
  package["description"] = both(portal.config.description);
  package["homepage"] = portal.config.base_url;
  ordered_json resources = ordered_json::array();
  for (const TableSize& table : bulk) {
    const TableSchema& schema = *table.schema;
    ordered_json fields = ordered_json::array();
    for (const Column& column : schema.columns) {
      ordered_json field = ordered_json::object();
      field["name"] = column.id;
      field["type"] = frictionless_type(column.type);
      field["description"] = both(column.description);
      fields.push_back(std::move(field));
    }
    ordered_json csv = ordered_json::object();
    csv["profile"] = "tabular-data-resource";
    csv["name"] = schema.name;
    csv["path"] = schema.name + ".csv";
    csv["title"] = both(schema.title);
    csv["description"] = both(schema.description);
    csv["format"] = "csv";
    csv["mediatype"] = "text/csv";
    // The files start with a byte order mark so that spreadsheets read them as UTF-8.
    csv["encoding"] = "utf-8-sig";
    csv["dialect"] = {{"delimiter", ","},
                      {"lineTerminator", "\r\n"},
                      {"quoteChar", "\""},
                      {"doubleQuote", true},
                      {"header", true}};
    csv["schema"] = {{"fields", fields}, {"missingValues", {""}}};
    csv["rows"] = table.rows;
    resources.push_back(std::move(csv));

    ordered_json json = ordered_json::object();
    json["profile"] = "data-resource";
    json["name"] = schema.name + "-json";
    json["path"] = schema.name + ".json";
    json["title"] = both(schema.title);
    json["description"] = "{\"" + schema.name + "\": [...]}: the rows of " + schema.name +
                          ".csv as objects, null where the CSV cell is empty";
    json["format"] = "json";
    json["mediatype"] = "application/json";
    json["encoding"] = "utf-8";
    resources.push_back(std::move(json));
  }
  package["resources"] = std::move(resources);
  return package;
}

}  // namespace ashyq::opendata
