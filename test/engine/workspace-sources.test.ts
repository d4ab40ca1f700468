// Imports of the repository's own workspace packages that are not built yet (their package.json
// points at a dist/ that a fresh clone does not have) resolve to their sources, so a socket made
// in another package is seen; packages installed from the registry never are read as sources.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import * as ts from 'typescript';
import { runLint } from '../../server/src/cli/run';
import { workspaceSourceOf } from '../../server/src/engine/workspace-sources';

const temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-workspace-')));
after(() => fs.rmSync(temp, { recursive: true, force: true }));

const COMMON_MANIFEST = JSON.stringify({ name: '@org/common', main: 'dist/index.js', types: 'dist/index.d.ts' });
const TRANSPORT = [
  'export class Transport {',
  '  private readonly ws: WebSocket;',
  '  constructor(url: string) { this.ws = new WebSocket(url); }',
  '  onClose(callback: () => void): void { this.ws.onclose = () => callback(); }',
  '}',
  '',
].join('\n');
const CLIENT = [
  "import { Transport } from '@org/common';",
  "import { retryDelay } from '@org/common/retry';",
  'export function connect(url: string): void {',
  '  const transport = new Transport(url);',
  '  transport.onClose(() => setTimeout(() => connect(url), retryDelay));',
  '}',
  '',
].join('\n');

let count = 0;
/** A monorepo: packages/common (not built) and packages/app, which has @org/common in its node_modules, linked or installed. */
function monorepo(common: 'linked' | 'installed'): string {
  const root = path.join(temp, `repo${count++}`);
  const write = (name: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  };
  const commonFolder = common === 'linked' ? 'packages/common' : 'packages/app/node_modules/@org/common';
  write(`${commonFolder}/package.json`, COMMON_MANIFEST);
  write(`${commonFolder}/src/index.ts`, TRANSPORT);
  write(`${commonFolder}/src/retry.ts`, 'export const retryDelay = 1000;\n');
  write('packages/app/package.json', JSON.stringify({ name: 'app', dependencies: { '@org/common': '*' } }));
  write('packages/app/tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'] }, include: ['src'] }));
  write('packages/app/src/client.ts', CLIENT);
  if (common === 'linked') {
    fs.mkdirSync(path.join(root, 'packages/app/node_modules/@org'), { recursive: true });
    fs.symlinkSync(path.join(root, 'packages/common'), path.join(root, 'packages/app/node_modules/@org/common'), 'dir');
  }
  return root;
}

describe('workspace packages that are not built', () => {
  it('a linked package resolves to the source its entry points stand for, and a subpath to its source file', () => {
    const root = monorepo('linked');
    const importer = path.join(root, 'packages/app/src/client.ts');
    assert.equal(workspaceSourceOf('@org/common', importer, ts.sys)?.resolvedFileName, path.join(root, 'packages/common/src/index.ts'));
    assert.equal(workspaceSourceOf('@org/common/retry', importer, ts.sys)?.resolvedFileName, path.join(root, 'packages/common/src/retry.ts'));
    assert.equal(workspaceSourceOf('@org/common/missing', importer, ts.sys), undefined);
    assert.equal(workspaceSourceOf('./local', importer, ts.sys), undefined);
  });

  it('a package installed into node_modules (a real folder) is never read as sources', () => {
    const root = monorepo('installed');
    assert.equal(workspaceSourceOf('@org/common', path.join(root, 'packages/app/src/client.ts'), ts.sys), undefined);
  });

  it("the CLI run from the app's folder follows the socket into the unbuilt package; with the package installed it does not", () => {
    const findings = (root: string): string[] =>
      runLint({ cwd: path.join(root, 'packages/app'), patterns: ['src'] }, {}).results.flatMap((result) => result.messages.map((m) => `${path.basename(result.filePath)}:${m.line}:${m.column} ${m.ruleId}`));
    assert.deepEqual(findings(monorepo('linked')), ['client.ts:5:44 reconnect-on-terminal-code']);
    assert.deepEqual(findings(monorepo('installed')), []);
  });
});
