// Writes wsclose.schema.json from the rules' declarations (server/src/engine/config-schema.ts).
// Run after `tsc -b` (it reads the compiled module in out/): `npm run gen:schema`.
// `--check` only compares, and exits with 1 when the committed file is not current.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { configSchemaText } = require(join(root, 'out', 'server', 'src', 'engine', 'config-schema.js'));
const file = join(root, 'wsclose.schema.json');
const text = configSchemaText();
if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== text) {
    console.error('wsclose.schema.json is not current: run `npm run gen:schema`.');
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
}
