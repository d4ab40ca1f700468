// `npm run package` (client/package-vsix.mjs, run once here with --out into a temporary folder):
// the .vsix holds only the bundles, TypeScript's lib files, the grammar, the schema, the docs, the
// icon, the translations and the manifest; and its server runs with no node_modules at all and
// still classifies a DOM WebSocket and a `ws` socket (so the bundled TypeScript finds its libs).
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { REPO_ROOT } from '../harness/paths';
import { TestClient } from '../lsp/harness';
import { FILE_INFO_REQUEST, REGISTRY_TABLE_REQUEST } from '../../server/src/protocol';
import type { FileInfoResult, RegistryTableResult } from '../../server/src/protocol';
import { readEntry, zipEntries } from './zip';

/** Everything a .vsix may contain (paths inside it). */
const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[a-z-]+)?\.json$/,
  /^extension\/(readme|changelog)\.md$/,
  /^extension\/LICENSE\.txt$/,
  /^extension\/dist\/client\.js$/,
  /^extension\/dist\/extension\/language-server\.js$/,
  /^extension\/dist\/extension\/lib(\.[a-z0-9.]+)?\.d\.ts$/,
  /^extension\/syntaxes\/[a-z-]+\.tmLanguage\.json$/,
  /^extension\/wsclose\.schema\.json$/,
  /^extension\/docs\/rules\/[a-z-]+\.md$/,
  /^extension\/images\/icon\.png$/,
  /^extension\/l10n\/bundle\.l10n\.[a-z-]+\.json$/,
];

const REQUIRED = [
  'extension/package.json',
  'extension/package.nls.json',
  'extension/package.nls.fr.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/dist/client.js',
  'extension/dist/extension/language-server.js',
  'extension/dist/extension/lib.d.ts',
  'extension/dist/extension/lib.es5.d.ts',
  'extension/dist/extension/lib.dom.d.ts',
  'extension/dist/extension/lib.es2022.d.ts',
  'extension/syntaxes/wsclose-directives.tmLanguage.json',
  'extension/wsclose.schema.json',
  'extension/images/icon.png',
  'extension/l10n/bundle.l10n.fr.json',
  ...fs.readdirSync(path.join(REPO_ROOT, 'docs', 'rules')).map((name) => `extension/docs/rules/${name}`),
];

describe('the packaged extension (.vsix)', () => {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-vsix-test-'));
  const vsix = path.join(temp, 'wsclose.vsix');
  let zip: Buffer;
  let names: string[] = [];
  let packSeconds = 0;
  let packOutput = '';

  before(() => {
    const started = Date.now();
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'client', 'package-vsix.mjs'), '--out', vsix], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
    packSeconds = (Date.now() - started) / 1000;
    packOutput = `${result.stdout}\n${result.stderr}`;
    assert.equal(result.status, 0, `packaging failed:\n${packOutput}`);
    zip = fs.readFileSync(vsix);
    names = zipEntries(zip).map((entry) => entry.name);
  });
  after(() => fs.rmSync(temp, { recursive: true, force: true }));

  it('packs in well under a minute', () => {
    assert.ok(packSeconds < 45, `packaging took ${packSeconds.toFixed(1)} s`);
  });

  it('contains only allow-listed files', () => {
    const unexpected = names.filter((name) => !ALLOWED.some((pattern) => pattern.test(name)));
    assert.deepEqual(unexpected, []);
  });

  it('has no sources, no node_modules, no tests and no source maps', () => {
    const forbidden = names.filter(
      (name) =>
        /(^|\/)node_modules\//.test(name) ||
        /^extension\/(server|client|test|e2e|bench|examples|out|\.wsclose-tmp)\//.test(name) ||
        (/\.tsx?$/.test(name) && !/\.d\.ts$/.test(name)) ||
        /\.map$/.test(name) ||
        /\.vsix$/.test(name),
    );
    assert.deepEqual(forbidden, []);
  });

  it('contains the bundles, TypeScript libs, grammar, schema, docs, icon and translations', () => {
    const missing = REQUIRED.filter((name) => !names.includes(name));
    assert.deepEqual(missing, []);
  });

  it('bundles TypeScript into the server (nothing to resolve from node_modules)', () => {
    const server = readEntry(zip, zipEntries(zip).find((entry) => entry.name === 'extension/dist/extension/language-server.js')!).toString('utf8');
    assert.doesNotMatch(server, /require\(["']typescript["']\)/);
    assert.doesNotMatch(server, /require\(["']vscode-languageserver/);
    const client = readEntry(zip, zipEntries(zip).find((entry) => entry.name === 'extension/dist/client.js')!).toString('utf8');
    assert.match(client, /require\(["']vscode["']\)/);
    assert.doesNotMatch(client, /require\(["']vscode-languageclient/);
  });

  it('has a manifest whose paths point into the package', () => {
    const manifest = JSON.parse(readEntry(zip, zipEntries(zip).find((entry) => entry.name === 'extension/package.json')!).toString('utf8'));
    const inPackage = (file: string): boolean => names.includes(`extension/${path.posix.normalize(file)}`);
    assert.equal(manifest.main, './dist/client.js');
    assert.ok(inPackage(manifest.main));
    assert.equal(manifest.files, undefined, 'the npm `files` list must not reach vsce');
    assert.ok(inPackage(manifest.icon));
    for (const grammar of manifest.contributes.grammars) assert.ok(inPackage(grammar.path), grammar.path);
    for (const validation of manifest.contributes.jsonValidation) assert.ok(inPackage(validation.url), validation.url);
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
  });

  describe('its server, started from the unpacked .vsix with no node_modules', () => {
    const unpacked = path.join(temp, 'unpacked');
    const workspace = path.join(temp, 'workspace');
    let client: TestClient;

    before(async () => {
      for (const entry of zipEntries(zip)) {
        if (entry.name.endsWith('/')) continue;
        const target = path.join(unpacked, ...entry.name.split('/'));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, readEntry(zip, entry));
      }
      // A project outside the repository: `ws` types resolve through a node_modules link to the
      // repository's (the user's project has its own); the DOM lib can only come from the package.
      fs.mkdirSync(path.join(workspace, 'src'), { recursive: true });
      fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(workspace, 'node_modules'), 'dir');
      fs.writeFileSync(
        path.join(workspace, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom'], types: [], strict: true, noEmit: true, skipLibCheck: true }, include: ['src'] }),
      );
      fs.writeFileSync(path.join(workspace, 'package.json'), JSON.stringify({ name: 'packaged-server-fixture', private: true }));
      // Typed receivers only (no `new WebSocket(…)` evidence): without lib.dom.d.ts there would be no finding.
      fs.writeFileSync(path.join(workspace, 'src', 'browser.ts'), "export function leave(socket: WebSocket): void {\n  socket.close(1001, 'Page hidden');\n}\n");
      fs.writeFileSync(
        path.join(workspace, 'src', 'server.ts'),
        "import type { WebSocket } from 'ws';\n\nexport function drop(socket: WebSocket): void {\n  socket.close(1001, 'Going away');\n  socket.close(1006, 'Abnormal');\n}\n",
      );
      const server = path.join(unpacked, 'extension', 'dist', 'extension', 'language-server.js');
      const env = { ...process.env, NODE_PATH: '' };
      const child = spawn(process.execPath, [server, '--stdio'], { cwd: workspace, env, stdio: ['pipe', 'pipe', 'pipe'] });
      client = new TestClient(child, { workspace, initializationOptions: { locale: 'en' } });
      const init = await client.initialize();
      assert.equal(init.serverInfo?.name, 'wsclose');
    });
    after(async () => {
      if (client) await client.shutdown().catch(() => client.kill());
    });

    const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => String(d.code)).sort();

    it('reports a browser-only code on a DOM WebSocket', async () => {
      const uri = await client.open(path.join(workspace, 'src', 'browser.ts'));
      const diagnostics = await client.diagnostics(uri, (list) => list.length > 0, 60_000);
      assert.deepEqual(codes(diagnostics), ['browser-code-range']);
      const info = await client.connection.sendRequest<FileInfoResult>(FILE_INFO_REQUEST, { textDocument: { uri } });
      assert.deepEqual(info.runtimes.map((r) => r.id), ['whatwg']);
    });

    it('reports a reserved code on a ws socket, and accepts what ws accepts', async () => {
      const uri = await client.open(path.join(workspace, 'src', 'server.ts'));
      const diagnostics = await client.diagnostics(uri, (list) => list.length > 0, 60_000);
      assert.deepEqual(codes(diagnostics), ['reserved-code']);
      assert.equal(diagnostics[0]!.range.start.line, 4);
      const info = await client.connection.sendRequest<FileInfoResult>(FILE_INFO_REQUEST, { textDocument: { uri } });
      assert.deepEqual(info, { checked: true, closeCalls: 2, runtimes: [{ id: 'ws', name: 'ws' }] });
    });

    it('answers the registry table request', async () => {
      const { markdown } = await client.connection.sendRequest<RegistryTableResult>(REGISTRY_TABLE_REQUEST, {});
      assert.match(markdown, /^\| Code \|/);
      assert.match(markdown, /\| 1000 \|/);
      assert.match(markdown, /\| 1006 \|/);
    });

    it('wrote nothing to stderr', () => {
      assert.equal(client.stderr, '');
    });
  });
});
