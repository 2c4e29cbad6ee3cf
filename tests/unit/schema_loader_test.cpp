// schemas/*.schema.json and the loader's decoders describe the same records (issue 14, item 5).
// For each record kind with a schema, a record is made from the schema with every property it
// declares, at every depth, and decoded with JsonDecoder::keep_accepted_members(). At every object
// of that record, the members the schema declares and the members the decoder accepts must be the
// same names: a property added to one side only fails here, whichever side it is.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "content/json_decoder.h"
#include "content/plans.h"
#include "content/records.h"
#include "core/diagnostics.h"

namespace ashyq {
namespace {

using nlohmann::json;

// A schema node together with the file it is in, which its "#/..." references are relative to.
struct SchemaNode {
  const json* node;
  std::string file;
};

class Schemas {
 public:
  const json& file(const std::string& name) {
    auto it = files_.find(name);
    if (it == files_.end()) {
      std::ifstream in(std::string(ASHYQ_SOURCE_DIR) + "/schemas/" + name);
      REQUIRE(in);
      it = files_.emplace(name, json::parse(in)).first;
    }
    return it->second;
  }

  // The node after following "$ref"s: "#/$defs/x" in the same file, "f.schema.json#/$defs/x" in
  // another.
  SchemaNode resolve(SchemaNode n) {
    while (n.node->contains("$ref")) {
      const std::string ref = n.node->at("$ref").get<std::string>();
      const auto hash = ref.find('#');
      if (hash > 0) n.file = ref.substr(0, hash);
      n.node = &file(n.file).at(json::json_pointer(ref.substr(hash + 1)));
    }
    return n;
  }

  // The node and, resolved, the alternatives it allows (oneOf, anyOf, allOf), all of them: a member
  // any alternative declares is a member of the object.
  std::vector<SchemaNode> alternatives(SchemaNode n) {
    n = resolve(n);
    std::vector<SchemaNode> out{n};
    for (const char* keyword : {"oneOf", "anyOf", "allOf"})
      if (n.node->contains(keyword))
        for (const json& alternative : n.node->at(keyword)) {
          auto more = alternatives({&alternative, n.file});
          out.insert(out.end(), more.begin(), more.end());
        }
    return out;
  }

 private:
  std::map<std::string, json> files_;
};

bool declares_object(const SchemaNode& n) { return n.node->contains("properties"); }

// A value of the schema `n` holding every property it declares: of several alternatives, the one
// that is an object. Strings follow the schema's patterns (ids, dates, URLs), so that the decoder
// reads on; what the values say does not matter here.
json make_instance(Schemas& schemas, SchemaNode n) {
  std::vector<SchemaNode> alternatives = schemas.alternatives(n);
  for (const SchemaNode& a : alternatives)
    if (declares_object(a)) {
      json out = json::object();
      for (const auto& [name, property] : a.node->at("properties").items())
        out[name] = make_instance(schemas, {&property, a.file});
      return out;
    }
  for (const SchemaNode& a : alternatives) {
    const json& s = *a.node;
    if (s.contains("enum")) return s.at("enum").front();
    if (!s.contains("type")) continue;
    std::string type;
    for (const json& t : s.at("type").is_array() ? s.at("type") : json::array({s.at("type")}))
      if (t != "null") {
        type = t.get<std::string>();
        break;
      }
    if (type == "array") return json::array({make_instance(schemas, {&s.at("items"), a.file})});
    if (type == "integer") return 1;
    if (type == "number") return 1.5;
    if (type == "boolean") return true;
    if (type == "string") {
      const std::string pattern = s.value("pattern", "");
      if (pattern.find("https?") != std::string::npos) return "https://example.kz/";
      if (pattern.find("[0-9]{4}") != std::string::npos) return "2024-03-15";
      if (pattern.find("[a-z0-9]") != std::string::npos) return "an-id";
      return "text";
    }
  }
  return nullptr;
}

using Members = std::map<std::string, std::set<std::string>>;  // JSON pointer → member names

// The members the schema declares at every object of `instance`, by pointer.
void declared_members(Schemas& schemas, SchemaNode n, const json& instance,
                      const std::string& pointer, Members& out) {
  const std::vector<SchemaNode> alternatives = schemas.alternatives(n);
  if (instance.is_object()) {
    std::set<std::string>& names = out[pointer];
    for (const SchemaNode& a : alternatives)
      if (declares_object(a))
        for (const auto& [name, property] : a.node->at("properties").items()) names.insert(name);
    for (const auto& [name, value] : instance.items())
      for (const SchemaNode& a : alternatives)
        if (declares_object(a) && a.node->at("properties").contains(name)) {
          declared_members(schemas, {&a.node->at("properties").at(name), a.file}, value,
                           pointer + "/" + name, out);
          break;
        }
  } else if (instance.is_array()) {
    for (const SchemaNode& a : alternatives)
      if (a.node->contains("items")) {
        for (std::size_t i = 0; i < instance.size(); ++i)
          declared_members(schemas, {&a.node->at("items"), a.file}, instance[i],
                           pointer + "/" + std::to_string(i), out);
        break;
      }
  }
}

std::string joined(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out.empty() ? "(none)" : out;
}

// Every pointer where the two sides differ, with the names only one side has.
std::string differences(const Members& declared, const Members& accepted) {
  std::set<std::string> pointers;
  for (const auto& [pointer, names] : declared) pointers.insert(pointer);
  for (const auto& [pointer, names] : accepted) pointers.insert(pointer);
  std::string out;
  for (const std::string& pointer : pointers) {
    const auto d = declared.find(pointer);
    const auto a = accepted.find(pointer);
    std::set<std::string> only_schema, only_loader;
    if (d != declared.end())
      for (const std::string& name : d->second)
        if (a == accepted.end() || !a->second.count(name)) only_schema.insert(name);
    if (a != accepted.end())
      for (const std::string& name : a->second)
        if (d == declared.end() || !d->second.count(name)) only_loader.insert(name);
    if (a == accepted.end())
      out += (pointer.empty() ? "/" : pointer) + ": the loader reads no object here\n";
    else if (d == declared.end())
      out += (pointer.empty() ? "/" : pointer) + ": the schema declares no object here\n";
    else if (!only_schema.empty() || !only_loader.empty())
      out += (pointer.empty() ? "/" : pointer) + ": only in the schema: " + joined(only_schema) +
             "; only in the loader: " + joined(only_loader) + "\n";
  }
  return out;
}

template <typename Decode>
void check_kind(const std::string& schema_file, Decode decode) {
  Schemas schemas;
  const SchemaNode root{&schemas.file(schema_file), schema_file};
  const json instance = make_instance(schemas, root);
  Members declared;
  declared_members(schemas, root, instance, "", declared);

  SourceMap source;
  source.file = schema_file;
  Diagnostics diagnostics;
  JsonDecoder decoder(source, diagnostics);
  decoder.keep_accepted_members();
  decode(decoder, instance);
  REQUIRE(decoder.accepted_members());

  INFO("record made from " << schema_file << ": " << instance.dump());
  CHECK(declared.size() > 3);  // the walk did find the nested objects
  CHECK(differences(declared, *decoder.accepted_members()) == "");
}

TEST_CASE("The grant schema and the grant decoder accept the same members in every object",
          "[schema]") {
  check_kind("grant.schema.json",
             [](JsonDecoder& d, const json& record) { (void)decode_grant(d, record); });
}

TEST_CASE(
    "The organisation schema and the organisation decoder accept the same members in every object",
    "[schema]") {
  check_kind("organisation.schema.json",
             [](JsonDecoder& d, const json& record) { (void)decode_organisation(d, record); });
}

TEST_CASE("The plan schema and the plan decoder accept the same members in every object",
          "[schema]") {
  check_kind("plan.schema.json",
             [](JsonDecoder& d, const json& record) { (void)decode_plan(d, record); });
}

}  // namespace
}  // namespace ashyq
