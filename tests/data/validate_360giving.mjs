// Validates 360Giving data packages against the official JSON Schemas in
// ../shared/standards/360giving (beside the repository; see findStandards), with Ajv's draft 2020-12 validator and
// its standard formats (date-time, uri…: the schema's oneOf between a date-time and a plain date
// only tells them apart when formats are checked).
//   usage: node tests/data/validate_360giving.mjs FILE.json...
// Prints one line per file and every error; exits 1 when any file is invalid or unreadable.
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

// Where the standards are: $ASHYQ_STANDARDS_DIR when set; else shared/standards beside the
// repository or beside any folder above it (a clone may sit deeper than the working copy); else the
// workplace's own copy at /work/shared/standards. Not finding them is a failure, never a skip.
const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
function findStandards() {
  const candidates = [];
  if (process.env.ASHYQ_STANDARDS_DIR) candidates.push(process.env.ASHYQ_STANDARDS_DIR);
  for (let dir = repo; ; dir = dirname(dir)) {
    candidates.push(resolve(dir, "..", "shared", "standards"));
    if (dirname(dir) === dir) break;
  }
  candidates.push("/work/shared/standards");
  for (const dir of candidates)
    if (existsSync(resolve(dir, "360giving", "360-giving-package-schema.json")))
      return resolve(dir, "360giving");
  console.error("cannot find the 360Giving schemas; looked in:\n  " + candidates.join("\n  ") +
                "\nset ASHYQ_STANDARDS_DIR to the folder that holds 360giving/");
  process.exit(1);
}
const standards = findStandards();
const load = (name) => JSON.parse(readFileSync(resolve(standards, name), "utf8"));

// Both files name their dialect as "http://json-schema.org/draft/2020-12/schema"; the draft's
// canonical URI, the one Ajv knows its meta-schema by, is https. Same dialect, so say it as Ajv does.
const DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
const grantSchema = { ...load("360-giving-schema.json"), $schema: DRAFT_2020_12 };
const packageSchema = { ...load("360-giving-package-schema.json"), $schema: DRAFT_2020_12 };

// The package schema (1.4.3) refers to the grant schema by its 1.4.2 URL, while the grant schema
// file we have declares $id 1.4.3. Ajv resolves $ref by $id and never downloads, so we register
// the grant schema under the URL the package asks for, explicitly, instead of leaving the
// reference dangling. The two versions' grant schemas differ only in documentation.
const PACKAGE_REFERS_TO =
  "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json";
const referenced = packageSchema.properties.grants.items.$ref;
if (referenced !== PACKAGE_REFERS_TO) {
  console.error(`the package schema now refers to ${referenced}; update the mapping in ${import.meta.url}`);
  process.exit(1);
}

// strict: false because the 360Giving schemas carry their own keywords (codelist, rollUp…).
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema({ ...grantSchema, $id: PACKAGE_REFERS_TO });
const validate = ajv.compile(packageSchema);

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate_360giving.mjs FILE.json...");
  process.exit(2);
}
let failed = false;
for (const file of files) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    console.error(`${file}: cannot read: ${e.message}`);
    failed = true;
    continue;
  }
  if (validate(data)) {
    console.log(`${file}: valid 360Giving package, ${data.grants.length} grants`);
  } else {
    failed = true;
    for (const error of validate.errors)
      console.error(`${file}: ${error.instancePath || "/"}: ${error.message} (${error.schemaPath})`);
  }
}
process.exit(failed ? 1 : 0);
