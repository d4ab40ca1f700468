// The "floor" of a project: how long it takes, in one process, to (1) read every source file and
// run wsclose's pre-scan (`mayContainCloseCall`, from the built API dist/api.js) on it, and (2)
// parse every source file with TypeScript (ts.createSourceFile, parent pointers set, as the
// engine does). No program, no binder, no checker: nothing that looks at types can be faster.
//   node bench/floor.mjs <project-dir>   → prints one JSON line
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { mayContainCloseCall } = require(path.join(REPO, 'dist', 'api.js'));
const ts = require('typescript');

const root = path.resolve(process.argv[2]);
const files = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.ts')) files.push(full);
  }
};

let started = performance.now();
walk(path.join(root, 'src'));
const texts = [];
let candidates = 0;
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  texts.push(text);
  if (mayContainCloseCall(text)) candidates++;
}
const readAndPrescanMs = performance.now() - started;

started = performance.now();
let nodes = 0;
for (let i = 0; i < files.length; i++) nodes += ts.createSourceFile(files[i], texts[i], ts.ScriptTarget.Latest, true).statements.length;
const parseMs = performance.now() - started;

console.log(JSON.stringify({ files: files.length, candidates, readAndPrescanMs, parseMs, statements: nodes }));
