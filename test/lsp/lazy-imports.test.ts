// The server builds its programs with imported project files left out until needed
// (engine/lazy-imports.ts). Answers that need one of them — a hover on a code imported through
// `export *`, workspace diagnostics, a file whose receiver is typed two files away — must be the
// full program's, computed again over a rebuilt program when necessary.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HoverRequest, WorkspaceDiagnosticRequest } from 'vscode-languageserver-protocol/node';
import type { MarkupContent } from 'vscode-languageserver-protocol/node';
import { MIN_LEFT_OUT } from '../../server/src/engine/lazy-imports';
import { PROJECTS, REPO_ROOT } from '../harness/paths';
import { startClient } from './harness';
import type { TestClient } from './harness';

// The lazy-imports fixture plus enough files that nothing imports for imports to be left out at
// all (MIN_LEFT_OUT), in a scratch folder inside the repository so that `ws` and @types resolve.
const WORKSPACE = path.join(REPO_ROOT, '.wsclose-tmp', `lsp-lazy-imports-${process.pid}`);
const HUB = path.join(WORKSPACE, 'src', 'hub.ts');
fs.rmSync(WORKSPACE, { recursive: true, force: true });
fs.cpSync(path.join(PROJECTS, 'lazy-imports'), WORKSPACE, { recursive: true });
fs.mkdirSync(path.join(WORKSPACE, 'src', 'filler'));
for (let i = 0; i < MIN_LEFT_OUT; i++) fs.writeFileSync(path.join(WORKSPACE, 'src', 'filler', `f${i}.ts`), `export const value${i} = ${i};\n`);

/** Line and character of the first occurrence of `text` in hub.ts. */
function positionOf(text: string): { line: number; character: number } {
  const lines = fs.readFileSync(HUB, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(text));
  assert.ok(line >= 0, text);
  return { line, character: lines[line]!.indexOf(text) };
}

describe('language server: lazily loaded imports', () => {
  let client: TestClient;
  before(async () => ({ client } = await startClient({ workspace: WORKSPACE, pull: true })));
  after(() => {
    client.kill();
    fs.rmSync(WORKSPACE, { recursive: true, force: true });
  });

  it('a hover sent first, before any diagnostics, sees a code imported through `export *` and a namespace', async () => {
    const uri = await client.open(HUB);
    const at = positionOf('codes.POLICY');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: at.line, character: at.character + 'codes.'.length + 1 } });
    assert.ok(hover, 'a hover on the imported constant');
    assert.match((hover.contents as MarkupContent).value, /1008/);
    assert.ok(client.logs.some((line) => line.includes('needed project files its program had left out')), 'the program was rebuilt with them');
  });

  it('workspace diagnostics of every file equal the full program (the CLI)', async () => {
    const report = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
    const summary = report.items
      .filter((item) => item.kind === 'full' && item.items.length > 0)
      .map((item) => [path.basename(item.uri), item.kind === 'full' ? item.items.map((d) => `${d.range.start.line + 1}:${d.code}`) : []]);
    assert.deepEqual(summary, [['hub.ts', ['16:reserved-code', '28:browser-code-range']]]);
  });

  it('shuts down cleanly', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});
