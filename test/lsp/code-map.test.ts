// wsclose/codeMap and the hover on handled codes, over stdio against the built server, on the
// fixture `wsclose codes` is tested on (a ws server and a browser client sharing named codes):
// the map equals the CLI's JSON with no document open, follows an open document's unsaved text,
// and the hover on a handled code links to where the project sends it, or says it never does.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DidChangeConfigurationNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { CODE_MAP_REQUEST } from '../../server/src/protocol';
import type { CodeMapResult } from '../../server/src/protocol';
import { REPO_ROOT } from '../harness/paths';
import { startClient, uriOf } from './harness';
import type { TestClient } from './harness';

const WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'cli', 'code-map');
const file = (name: string): string => path.join(WORKSPACE, 'src', name);

interface CliPlace { file: string; line: number; column: number; runtime?: string }
interface CliMap { codes: Array<{ code: number; name: string; sent: CliPlace[]; handled: CliPlace[] }>; sentNotHandled: number[]; handledNotSent: number[] }

/** `wsclose codes -f json` in the fixture, in the request's shape (URIs, 0-based positions). */
function cliMap(): CodeMapResult {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'codes', '-f', 'json'], { cwd: WORKSPACE, encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  const map = JSON.parse(run.stdout) as CliMap;
  const place = ({ file: relative, line, column }: CliPlace) => ({ uri: uriOf(path.join(WORKSPACE, relative)), line: line - 1, character: column - 1 });
  return {
    codes: map.codes.map((c) => ({ code: c.code, name: c.name, sent: c.sent.map((p) => ({ ...place(p), runtime: p.runtime! })), handled: c.handled.map(place) })),
    sentNotHandled: map.sentNotHandled,
    handledNotSent: map.handledNotSent,
    truncated: false,
  };
}

const hoverMarkdown = (hover: Hover | null): string => (hover?.contents as MarkupContent | undefined)?.value ?? '';

describe('language server over stdio: wsclose/codeMap and the hover on handled codes', () => {
  let client: TestClient;
  let expected: CodeMapResult;
  before(async () => {
    expected = cliMap();
    ({ client } = await startClient({ workspace: WORKSPACE }));
  });
  after(() => client.kill());

  const request = () => client.connection.sendRequest<CodeMapResult>(CODE_MAP_REQUEST, {});

  it("with no document open: the workspace's map, equal to wsclose codes --format json", async () => {
    const map = await request();
    assert.deepEqual(map, expected);
    // The fixture's facts, as the CLI golden test states them.
    const policy = map.codes.find((c) => c.code === 1008)!;
    assert.equal(policy.name, 'Policy Violation');
    assert.deepEqual(policy.sent, [{ uri: uriOf(file('server.ts')), line: 6, character: 17, runtime: 'ws' }]);
    assert.deepEqual(policy.handled, [{ uri: uriOf(file('client.ts')), line: 7, character: 8 }]);
    assert.equal(map.codes.find((c) => c.code === 4001)!.name, 'Room Closed', 'named by the fixture\'s wsclose.config.json');
    assert.deepEqual(map.sentNotHandled, [4001]);
    assert.deepEqual(map.handledNotSent, [1006, 4002]);
  });

  it('leaves out documents opened from outside the workspace folders', async () => {
    await client.open(path.join(REPO_ROOT, 'test', 'fixtures', 'lsp', 'basic', 'src', 'server.ts'));
    assert.deepEqual(await request(), expected);
  });

  it("follows an open document's unsaved text", async () => {
    const original = fs.readFileSync(file('client.ts'), 'utf8');
    const edited = original.replace('      case 1006:', '      case Close.RoomClosed:\n        return;\n      case 1006:');
    assert.notEqual(edited, original);
    await client.open(file('client.ts'), edited);
    const map = await request();
    const roomClosed = map.codes.find((c) => c.code === 4001)!;
    assert.deepEqual(roomClosed.handled, [{ uri: uriOf(file('client.ts')), line: 9, character: 11 }]);
    assert.equal(roomClosed.sent.length, 1);
    assert.deepEqual(map.sentNotHandled, []);
    assert.deepEqual(map.handledNotSent, [1006, 4002]);
    const abnormal = map.codes.find((c) => c.code === 1006)!;
    assert.deepEqual(abnormal.handled, [{ uri: uriOf(file('client.ts')), line: 11, character: 11 }], 'places after the edit moved down');
  });

  it('hover on a handled code the project sends: links to each place it is sent', async () => {
    const uri = uriOf(file('client.ts'));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 9, character: 20 } });
    const markdown = hoverMarkdown(hover);
    assert.match(markdown, /^\*\*4001 Room Closed\*\*/);
    const serverUrl = uriOf(file('server.ts'));
    assert.ok(markdown.endsWith(`\n\n**Sent by this project at:** [server.ts:13](${serverUrl}#L13)`), markdown);
    assert.deepEqual(hover!.range, { start: { line: 9, character: 17 }, end: { line: 9, character: 27 } }, 'the name of the constant');
  });

  it('hover on a handled code the project never sends: says so', async () => {
    const uri = uriOf(file('client.ts'));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 11, character: 12 } });
    const markdown = hoverMarkdown(hover);
    assert.match(markdown, /^\*\*1006 Abnormal Closure\*\*/);
    assert.match(markdown, /\n\nThis project never sends 1006: only a peer outside it can\.$/);
  });

  it('leaves out files wsclose does not check: wsclose.enable false gives an empty map', async () => {
    client.settings = { enable: false };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    try {
      const map = await request();
      assert.deepEqual(map, { codes: [], sentNotHandled: [], handledNotSent: [], truncated: false });
    } finally {
      client.settings = {};
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    }
  });
});
