// Validates JSON documents against a JSON schema (draft-06 or later) and prints one JSON line per document:
//   {"file": "...", "valid": true|false, "errors": [...]}
// Usage: node validate-json.js <schema.json> <file-or-directory>... [--allow-msteams]
// --allow-msteams adds Teams' "msteams" card extension, which the official Adaptive Card schema does not list.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const args = process.argv.slice(2);
const allowMsTeams = args.includes('--allow-msteams');
const [schemaPath, ...targets] = args.filter((a) => a !== '--allow-msteams');
if (!schemaPath || targets.length === 0) {
  console.error('usage: node validate-json.js <schema.json> <file-or-directory>... [--allow-msteams]');
  process.exit(2);
}

const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
delete schema.id;
delete schema.$id;
// The Teams manifest schema declares draft-04 but uses later keywords (const); ajv reads it as draft-07.
if (typeof schema.$schema === 'string' && schema.$schema.includes('draft-04')) delete schema.$schema;
if (allowMsTeams && schema.definitions && schema.definitions.AdaptiveCard) {
  schema.definitions.AdaptiveCard.properties.msteams = {
    type: 'object',
    properties: { width: { enum: ['Full'] }, entities: { type: 'array' } },
    additionalProperties: false,
  };
}

const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
addFormats(ajv);
const validate = ajv.compile(schema);

const files = targets.flatMap((t) =>
  fs.statSync(t).isDirectory()
    ? fs.readdirSync(t).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(t, f))
    : [t]);

let failures = 0;
for (const file of files) {
  const valid = validate(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!valid) failures++;
  const errors = valid ? [] : validate.errors.slice(0, 20).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  console.log(JSON.stringify({ file: path.basename(file), valid, errors }));
}
process.exit(failures === 0 ? 0 : 1);
