// Reads the open data of built sites as real clients do, and fails on any error.
//   usage: node read_datapackage.mjs PUBLIC_DIR...
//
// For each PUBLIC_DIR/data/datapackage.json:
//  - the Frictionless reference implementation (npm datapackage, loaded as its users load it,
//    not strict) finds the descriptor valid, and it names a licence (name, path, title);
//  - every resource it takes for tabular is read with it, cast by the declared schema (types and
//    constraints: integers, numbers, dates held to "YYYY", "YYYY-MM" or "YYYY-MM-DD"), with zero
//    errors; no file starts with a byte order mark, and each has "encoding": "utf-8";
//  - each table has the rows datapackage.json announces, and they are the rows of its JSON
//    companion, value for value (a text defused against formula injection with a leading
//    apostrophe in the CSV is the JSON text after it);
//  - the table's XLSX copy, read by exceljs, has the same header and the same rows: texts as in
//    the JSON, integers and numbers as numbers, empty cells where the JSON has null, its rows
//    going on in further sheets when one is full.
// Prints one line per problem (file, row, column) and exits 1 if there was any.
import fs from 'node:fs';
import path from 'node:path';
import datapackage from 'datapackage';
import ExcelJS from 'exceljs';

const { Package } = datapackage;
const FORMULA = /^[=+\-@\t\r]/;
let problems = 0;
let tables = 0;
let rowsRead = 0;
const say = (where, message) => {
  problems += 1;
  if (problems <= 50) console.error(`${where}: ${message}`);
};

// The CSV value the JSON value must read back as, by the field's type.
function sameValue(csvValue, jsonValue, type) {
  if (jsonValue === null) return csvValue === null;
  if (type === 'string') {
    return csvValue === jsonValue || (FORMULA.test(jsonValue) && csvValue === `'${jsonValue}`);
  }
  if (type === 'integer') return Number.isInteger(csvValue) && csvValue === jsonValue;
  return csvValue === jsonValue;
}

// An XLSX cell's value as exceljs gives it, in the JSON's terms.
function xlsxValue(cell) {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
  return v;
}

async function checkXlsx(file, name, fields, jsonRows) {
  if (!fs.existsSync(file)) {
    say(file, 'missing: every bulk table has an XLSX copy for spreadsheets');
    return;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    say(file, `exceljs cannot read it: ${error.message}`);
    return;
  }
  let next = 0; // the JSON row the next sheet row must equal
  workbook.worksheets.forEach((sheet, s) => {
    const expectedName = s === 0 ? name : `${name} ${s + 1}`;
    if (sheet.name !== expectedName) say(file, `sheet ${s + 1} is "${sheet.name}", expected "${expectedName}"`);
    const header = fields.map((f, i) => xlsxValue(sheet.getRow(1).getCell(i + 1)));
    if (JSON.stringify(header) !== JSON.stringify(fields.map((f) => f.name))) {
      say(file, `sheet ${sheet.name}: header ${JSON.stringify(header)}, expected the field names`);
    }
    for (let r = 2; r <= sheet.rowCount; r += 1, next += 1) {
      const row = sheet.getRow(r);
      const json = jsonRows[next];
      if (!json) {
        say(file, `sheet ${sheet.name} row ${r}: a row more than the JSON has`);
        return;
      }
      fields.forEach((field, i) => {
        const got = xlsxValue(row.getCell(i + 1));
        const want = json[field.name];
        if (got !== want) {
          say(file, `sheet ${sheet.name} row ${r}, column ${field.name}: ${JSON.stringify(got)}, the JSON has ${JSON.stringify(want)}`);
        }
      });
    }
  });
  if (next !== jsonRows.length) say(file, `${next} rows, the JSON has ${jsonRows.length}`);
}

async function checkPackage(dir) {
  const dataDir = path.join(dir, 'data');
  const descriptorPath = path.join(dataDir, 'datapackage.json');
  let pkg;
  try {
    pkg = await Package.load(descriptorPath);
  } catch (error) {
    say(descriptorPath, `cannot be loaded: ${error.message}`);
    return;
  }
  if (!pkg.valid) {
    for (const error of pkg.errors) say(descriptorPath, `invalid: ${error.message}`);
    return;
  }
  const licenses = pkg.descriptor.licenses || [];
  if (licenses.length !== 1 || !licenses[0].name || !/^https?:\/\//.test(licenses[0].path || '') || !licenses[0].title) {
    say(descriptorPath, `expected one licence with name, path (its URL) and title, found ${JSON.stringify(licenses)}`);
  }
  const tabular = pkg.resources.filter((r) => r.tabular);
  if (tabular.length === 0) say(descriptorPath, 'no tabular resource');
  for (const resource of pkg.resources) {
    const file = path.join(dataDir, resource.descriptor.path);
    if (!fs.existsSync(file)) {
      say(file, `resource ${resource.name} names a file that is not there`);
      continue;
    }
    if (!resource.tabular) continue;
    tables += 1;
    const bytes = fs.readFileSync(file);
    if (bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) {
      say(file, 'starts with a byte order mark; the bulk CSV files are plain UTF-8');
    }
    if (resource.descriptor.encoding !== 'utf-8') {
      say(file, `encoding ${JSON.stringify(resource.descriptor.encoding)}, expected "utf-8"`);
    }
    let rows;
    try {
      rows = await resource.read({ keyed: true });
    } catch (error) {
      const details = (error.errors || []).map((e) => e.message).join('; ');
      say(file, `the Frictionless reference implementation cannot read it: ${error.message}${details ? ` (${details})` : ''}`);
      continue;
    }
    rowsRead += rows.length;
    if (rows.length !== resource.descriptor.rows) {
      say(file, `${rows.length} rows read, datapackage.json says ${resource.descriptor.rows}`);
    }
    const fields = resource.descriptor.schema.fields;
    const jsonFile = path.join(dataDir, `${resource.name}.json`);
    const jsonRows = JSON.parse(fs.readFileSync(jsonFile, 'utf8'))[resource.name];
    if (!Array.isArray(jsonRows) || jsonRows.length !== rows.length) {
      say(jsonFile, `${Array.isArray(jsonRows) ? jsonRows.length : 'no'} rows, the CSV has ${rows.length}`);
      continue;
    }
    rows.forEach((row, r) => {
      for (const field of fields) {
        if (!sameValue(row[field.name], jsonRows[r][field.name], field.type)) {
          say(file, `row ${r + 2}, column ${field.name} (${field.type}): read ${JSON.stringify(row[field.name])}, the JSON has ${JSON.stringify(jsonRows[r][field.name])}`);
        }
      }
    });
    await checkXlsx(path.join(dataDir, `${resource.name}.xlsx`), resource.name, fields, jsonRows);
  }
}

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: node read_datapackage.mjs PUBLIC_DIR...');
  process.exit(2);
}
for (const dir of dirs) await checkPackage(dir);
if (problems > 0) {
  console.error(`${problems} problem(s) in the open data of ${dirs.length} site(s)`);
  process.exit(1);
}
console.log(`${dirs.length} data packages: ${tables} tables, ${rowsRead} rows read with zero errors, their XLSX copies equal`);
