// Validates a Compose file against the compose-spec schema (compose-spec.json beside this file, from the
// compose-spec/compose-spec repository at commit 170098ba of 2026-06-23, Apache License 2.0: compose-spec.LICENSE).
// YAML merge keys (<<) are resolved first, as Compose does. Prints "ok <file>" or one "INVALID <file>: <path> <what>"
// line per error; exit 1 when invalid.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import Ajv from 'ajv';

const file = process.argv[2];
// ajv knows draft-07 as "http://json-schema.org/draft-07/schema#"; the file names it with https and no "#".
const { $schema, ...schema } = JSON.parse(readFileSync(new URL('./compose-spec.json', import.meta.url), 'utf8'));
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
if (validate(parse(readFileSync(file, 'utf8'), { merge: true }))) {
  console.log(`ok ${file}`);
} else {
  for (const error of validate.errors) {
    console.log(`INVALID ${file}: ${error.instancePath || '/'} ${error.message}`);
  }
  process.exit(1);
}
