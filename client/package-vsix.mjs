// `npm run package`: builds the VS Code extension (production bundles) and packs it into
// wsclose-<version>.vsix in the repository root with @vscode/vsce (`--out <file>` to write elsewhere).
//
// The root package.json is both the npm manifest and the extension manifest. Its npm `files` list
// and the extension's .vscodeignore allow-list cannot coexist in one folder (vsce refuses both), so
// this stages the extension in a temporary folder: the bundles are built straight into it (dist/
// of the checkout is left alone), the other entries .vscodeignore re-includes are copied, the
// manifest is written minus `files`, and `vsce package --no-dependencies` runs there.
// .vscodeignore stays the one list of what ships.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const outArg = process.argv.indexOf('--out');
const out = outArg >= 0 ? path.resolve(process.argv[outArg + 1]) : path.join(root, `${manifest.name}-${manifest.version}.vsix`);

// The top-level entries .vscodeignore re-includes (`!dist/client.js` → `dist`).
const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8');
const entries = new Set(
  ignore
    .split(/\r?\n/)
    .filter((line) => line.startsWith('!'))
    .map((line) => line.slice(1).split('/')[0])
    .filter((entry) => !/[*?[\]{}]/.test(entry) || entry.includes('.nls')),
);

const stage = mkdtempSync(path.join(tmpdir(), 'wsclose-vsix-'));
try {
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production', '--extension', '--dist', path.join(stage, 'dist')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`esbuild failed (exit ${build.status ?? build.signal})`);
  for (const entry of entries) {
    if (entry.includes('*')) {
      // package.nls.*.json: copy every match of the simple pattern.
      const pattern = new RegExp(`^${entry.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`);
      for (const name of readdirSync(root)) if (pattern.test(name)) cpSync(path.join(root, name), path.join(stage, name));
    } else if (entry !== 'package.json' && entry !== 'dist' && existsSync(path.join(root, entry))) {
      cpSync(path.join(root, entry), path.join(stage, entry), { recursive: true });
    }
  }
  cpSync(path.join(root, '.vscodeignore'), path.join(stage, '.vscodeignore'));
  const { files: _npmFiles, ...extensionManifest } = manifest;
  writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(extensionManifest, null, 2)}\n`);

  const vsce = path.join(path.dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: stage, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    throw new Error(`vsce package failed (exit ${result.status ?? result.signal})`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
