// The language server's log at Info (VS Code's Output channel shows Info by default): the start
// with the versions, each project's first program with its size and time, and the first
// diagnostics — so the log is never empty and a slow first squiggle can be explained.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MessageType } from 'vscode-languageserver-protocol/node';
import { LSP_FIXTURES, startClient } from './harness';
import type { TestClient } from './harness';
import { REPO_ROOT } from '../harness/paths';

const WORKSPACE = path.join(LSP_FIXTURES, 'basic');
const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('language server log at Info', () => {
  let client: TestClient;
  before(async () => ({ client } = await startClient({ workspace: WORKSPACE })));
  after(() => client.kill());

  it('says it started, loaded the project and published the first diagnostics, once each', async () => {
    const uri = await client.open(path.join(WORKSPACE, 'src', 'server.ts'));
    await client.diagnostics(uri);
    await client.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '// edited\n' }]);
    await client.waitFor(() => client.logMessages.some((m) => m.message.startsWith('First diagnostics')));
    const info = client.logMessages.filter((m) => m.type === MessageType.Info).map((m) => m.message);
    const started = info.filter((m) => m.startsWith('wsclose language server'));
    assert.equal(started.length, 1, info.join('\n'));
    assert.match(started[0]!, new RegExp(`^wsclose language server ${VERSION.replace(/\./g, '\\.')} started: Node v\\d+\\.\\d+\\.\\d+, TypeScript \\d+\\.\\d+\\.\\d+, English, diagnostics pushed, folders: `));
    const loaded = info.filter((m) => m.startsWith('Loaded '));
    assert.equal(loaded.length, 1, info.join('\n'));
    assert.match(loaded[0]!, /^Loaded \S*tsconfig\.json: \d+ files? to check, \d+ source files in all, in \d+ ms\.$/);
    assert.deepEqual(info.filter((m) => m.startsWith('First diagnostics')).map((m) => m.replace(/\d+ ms/, 'N ms')), ['First diagnostics (server.ts: 2) N ms after the server started.']);
  });
});
