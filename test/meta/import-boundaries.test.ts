// The layers import in one direction only: registry ← core ← analysis ← rules ← engine ←
// adapters (cli). Each file's imports are read with ts.preProcessFile and checked against this table.
// The VS Code client (client/src) sits outside: it may import vscode, the language client, node:*
// and the shared protocol module (server/src/protocol.ts, types and names only) — nothing else.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { REPO_ROOT } from '../harness/paths';

const SRC = path.join(REPO_ROOT, 'server', 'src');
const CLIENT_SRC = path.join(REPO_ROOT, 'client', 'src');
const PROTOCOL = path.join(SRC, 'protocol.ts');

/** Layer → what it may import: other layers (folders of server/src) and packages. */
const ALLOWED: Readonly<Record<string, { layers: readonly string[]; packages: readonly string[] }>> = {
  registry: { layers: ['registry'], packages: [] },
  core: { layers: ['registry', 'core'], packages: [] },
  analysis: { layers: ['registry', 'core', 'analysis'], packages: ['typescript'] },
  rules: { layers: ['registry', 'core', 'analysis', 'rules'], packages: ['typescript'] },
  // The engine does path arithmetic but never touches the file system or the process.
  engine: { layers: ['registry', 'core', 'analysis', 'rules', 'engine'], packages: ['typescript', 'jsonc-parser', 'picomatch', 'node:path'] },
  // Node-specific hosts shared by the adapters (the engine takes them as parameters).
  platform: { layers: ['engine', 'platform'], packages: ['node:*'] },
  cli: { layers: ['registry', 'core', 'rules', 'engine', 'platform', 'cli', '(root)'], packages: ['typescript', 'picomatch', 'node:*'] },
  // The language server: the only place that imports vscode-languageserver.
  lsp: { layers: ['registry', 'core', 'rules', 'engine', 'platform', 'lsp', 'protocol', '(root)'], packages: ['typescript', 'node:*', 'vscode-languageserver', 'vscode-languageserver/node', 'vscode-languageserver-textdocument', 'vscode-uri'] },
  // The ESLint plugin: gets types from typescript-eslint's parser services.
  eslint: { layers: ['registry', 'core', 'rules', 'engine', 'platform', 'eslint', '(root)'], packages: ['typescript', '@typescript-eslint/utils', 'eslint', 'node:*'] },
  '(api)': { layers: ['registry', 'core', 'analysis', 'rules', 'engine'], packages: [] },
  // Custom request names and shapes shared with the VS Code client: imports nothing.
  protocol: { layers: [], packages: [] },
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

function layerOf(file: string): string {
  if (file === PROTOCOL) return 'protocol';
  const relative = path.relative(SRC, file).split(path.sep);
  return relative.length === 1 ? '(api)' : relative[0]!;
}

describe('import boundaries', () => {
  for (const file of sourceFiles(SRC)) {
    const layer = layerOf(file);
    it(`${path.relative(REPO_ROOT, file)} (${layer})`, () => {
      const rules = ALLOWED[layer];
      assert.ok(rules, `unknown layer folder '${layer}': add it to the table`);
      const imports = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
      for (const specifier of imports) {
        if (specifier.startsWith('.')) {
          const target = path.resolve(path.dirname(file), specifier);
          const targetLayer = target.startsWith(SRC + path.sep) ? layerOf(target.endsWith('.ts') ? target : `${target}.ts`) : '(root)';
          // A folder import ('../registry') resolves to its index.ts: same layer as the folder.
          const resolvedLayer = fs.existsSync(target) && fs.statSync(target).isDirectory() ? path.relative(SRC, target).split(path.sep)[0]! : targetLayer;
          assert.ok(rules.layers.includes(resolvedLayer), `${layer} must not import ${resolvedLayer} ('${specifier}')`);
        } else {
          const allowed = rules.packages.some((p) => p === specifier || (p === 'node:*' && specifier.startsWith('node:')));
          assert.ok(allowed, `${layer} must not import the package '${specifier}'`);
        }
      }
    });
  }
});

describe('import boundaries of the VS Code client', () => {
  const files = fs.existsSync(CLIENT_SRC) ? sourceFiles(CLIENT_SRC) : [];
  it('client/src exists and has files', () => assert.ok(files.length > 0));
  for (const file of files) {
    it(`${path.relative(REPO_ROOT, file)} (client)`, () => {
      const imports = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
      for (const specifier of imports) {
        if (specifier.startsWith('.')) {
          const target = path.resolve(path.dirname(file), specifier);
          const inClient = target.startsWith(CLIENT_SRC + path.sep);
          assert.ok(inClient || `${target}.ts` === PROTOCOL, `the client must not import '${specifier}' (only client/src and server/src/protocol)`);
        } else {
          const allowed = specifier === 'vscode' || specifier === 'vscode-languageclient' || specifier.startsWith('vscode-languageclient/') || specifier.startsWith('node:');
          assert.ok(allowed, `the client must not import the package '${specifier}'`);
        }
      }
    });
  }
});
