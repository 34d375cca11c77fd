// Validates YAML files against a JSON Schema with js-yaml and ajv, the way a
// team would without samverkan. Used by the benchmark and the schema test.
//   node ajv-validate.js SCHEMA.json FILE...   (or a list of files on stdin with -)
// YAML is read with js-yaml's CORE_SCHEMA, YAML 1.2's core schema as
// yaml-language-server reads it: dates and times stay strings, as the format
// means them (js-yaml's default schema would make timestamps of them); ajv-formats
// checks `format: date`. Exit 1 if any file is invalid.
'use strict';
const fs = require('fs');
const path = require('path');
const tools = process.env.SAMVERKAN_TEST_TOOLS || '/opt/samverkan-test-tools';
const req = (m) => require(require.resolve(m, { paths: [path.join(tools, 'node_modules'), __dirname] }));
const yaml = req('js-yaml');
const Ajv = req('ajv');
const addFormats = req('ajv-formats');
const [schemaFile, ...rest] = process.argv.slice(2);
let files = rest;
if (rest.length === 1 && rest[0] === '-') files = fs.readFileSync(0, 'utf8').split('\n').filter(Boolean);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
let invalid = 0;
for (const f of files) {
  let docs;
  try {
    docs = yaml.loadAll(fs.readFileSync(f, 'utf8'), null, { schema: yaml.CORE_SCHEMA });
  } catch (e) {
    invalid++;
    console.log(`${f}: ${e.message.split('\n')[0]}`);
    continue;
  }
  for (const d of docs) {
    if (d === null || d === undefined) continue;
    if (!validate(d)) {
      invalid++;
      console.log(`${f}: ${ajv.errorsText(validate.errors)}`);
    }
  }
}
console.log(`${files.length} files, ${invalid} invalid`);
process.exit(invalid ? 1 : 0);
