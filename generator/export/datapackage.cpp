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
  if (const auto& licence = portal.config.data_licence)
    package["licenses"] = ordered_json::array(
        {{{"name", licence->id}, {"path", licence->url}, {"title", licence->title}}});
  ordered_json resources = ordered_json::array();
  for (const TableSize& table : bulk) {
    const TableSchema& schema = *table.schema;
    ordered_json fields = ordered_json::array();
    for (const Column& column : schema.columns) {
      ordered_json field = ordered_json::object();
      field["name"] = column.id;
      field["type"] = frictionless_type(column.type);
      field["description"] = both(column.description);
      // A date as precise as the source: "2024", "2024-05" or "2024-05-20". A year or a month is
      // no Frictionless date, so the field is a string held to that form. The anchors make the
      // pattern whole-value in readers that do not anchor it themselves.
      if (column.type == ColumnType::date)
        field["constraints"] = {{"pattern", "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}};
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
    // Plain UTF-8, no byte order mark (CsvFlavour::plain): "utf-8-sig" is no registered
    // character set, and a mark read as UTF-8 is part of the first header. Spreadsheet users have
    // the XLSX copy, which is not listed here: clients take a resource in format "xlsx" for a
    // table to read, and the Frictionless reference implementation reads only CSV.
    csv["encoding"] = "utf-8";
    // Spaces after a comma are data; a text that starts with one is quoted anyway.
    csv["dialect"] = {{"delimiter", ","},    {"lineTerminator", "\r\n"},  {"quoteChar", "\""},
                      {"doubleQuote", true}, {"skipInitialSpace", false}, {"header", true}};
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
