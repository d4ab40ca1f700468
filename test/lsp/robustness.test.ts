// Malformed requests, unknown documents, broken tsconfigs, unreadable files and a broken
// wsclose.config.json: logged errors or protocol errors, never a crashed server. Settings
// changes re-check open documents.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  HoverRequest,
  WorkspaceDiagnosticRequest,
} from 'vscode-languageserver-protocol/node';
import { copyFixture, startClient } from './harness';
import type { TestClient } from './harness';

describe('language server robustness', () => {
  let workspace: string;
  let client: TestClient;
  before(async () => {
    workspace = copyFixture('basic');
    ({ client } = await startClient({ workspace, pull: true }));
  });
  after(() => {
    client.kill();
    fs.rmSync(workspace, { recursive: true, force: true });
  });
  const src = (name: string): string => path.join(workspace, 'src', name);
  const pull = (uri: string) => client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }) as Promise<{ items: Array<{ code?: unknown; severity?: number }> }>;

  it('malformed parameters: protocol errors, and the server keeps answering', async () => {
    await assert.rejects(client.connection.sendRequest(HoverRequest.type, {} as never), { code: -32602 });
    await assert.rejects(client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: 42 } } as never), { code: -32602 });
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {} as never);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: 7, type: 1 }] } as never);
    const uri = await client.open(src('server.ts'));
    assert.equal((await pull(uri)).items.length, 2);
  });

  it('edits with positions past the end of the document: later diagnostics are still placed right', async () => {
    // vscode-languageserver-textdocument clamps such an edit's text but not its line index
    // (documents.ts): found by the fuzz test, where the directive below was reported on line 33.
    const uri = client.uriOf(src('edge.js'));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'javascript', version: 1, text: 'ws.close(1006);\n`${/* wsclose-disable */\n' } });
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 32, character: 189 }, end: { line: 33, character: 55 } }, text: 'FTN~\r\n' }],
    });
    const items = (await pull(uri)).items as Array<{ range: { start: { line: number; character: number } } }>;
    assert.deepEqual(items.map((d) => d.range.start), [{ line: 1, character: 3 }]);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  });

  it('opening a file whose disk text changed without a watcher event checks the text it opened with', async () => {
    // An open document that is still the disk text keeps the disk's script version (engine/script-versions.ts
    // scriptVersion), so opening and closing it builds no program; it must not be given the text
    // the server read from disk before the file changed there unannounced.
    const file = src('unannounced.ts');
    fs.writeFileSync(file, 'export {};\ndeclare const ws: WebSocket;\nws.close(1000);\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uriOf(file), type: 1 }] });
    let uri = await client.open(file);
    assert.deepEqual((await pull(uri)).items.map((d) => d.code), []);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    fs.writeFileSync(file, 'export {};\ndeclare const ws: WebSocket;\nws.close(1006);\n');
    uri = await client.open(file);
    assert.deepEqual((await pull(uri)).items.map((d) => d.code), ['reserved-code']);
    // Closed and opened again unchanged: the same answer.
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    uri = await client.open(file);
    assert.deepEqual((await pull(uri)).items.map((d) => d.code), ['reserved-code']);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    fs.rmSync(file);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uriOf(file), type: 3 }] });
  });

  it('unknown documents: empty answers', async () => {
    const uri = client.uriOf(src('nowhere.ts'));
    assert.deepEqual(await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual((await pull('untitled:Untitled-1')).items, []);
  });

  it('an unreadable file in the project: workspace diagnostics still answer', async () => {
    fs.symlinkSync(path.join(workspace, 'missing-target.ts'), src('dangling.ts'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uriOf(src('dangling.ts')), type: 1 }] });
    const report = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
    assert.ok(report.items.some((item) => item.uri.endsWith('/server.ts')));
    fs.rmSync(src('dangling.ts'));
  });

  it('a broken wsclose.config.json: one warning with the location, defaults keep working', async () => {
    const config = path.join(workspace, 'wsclose.config.json');
    fs.writeFileSync(config, '{ "rules": { "reserved-code": "eror" } }\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uriOf(config), type: 1 }] });
    const uri = client.uriOf(src('server.ts'));
    assert.equal((await pull(uri)).items.length, 2);
    assert.equal((await pull(uri)).items.length, 2);
    await client.waitFor(() => client.messages.length > 0);
    assert.equal(client.messages.length, 1);
    assert.equal(client.messages[0]!.type, 2);
    assert.match(client.messages[0]!.message, /^wsclose: the default configuration applies until this problem is fixed: .*wsclose\.config\.json:1:\d+: [^\n]*\.$/);
    assert.ok(client.logs.some((line) => line.includes('wsclose.config.json:1:')));
    fs.rmSync(config);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uriOf(config), type: 3 }] });
  });

  it('a broken tsconfig: logged, files are still checked', async () => {
    const tsconfig = path.join(workspace, 'tsconfig.json');
    fs.writeFileSync(tsconfig, '{ "compilerOptions": { "strict": tru }');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uriOf(tsconfig), type: 2 }] });
    const uri = client.uriOf(src('server.ts'));
    assert.deepEqual((await pull(uri)).items.map((d) => d.code), ['reason-without-code', 'reserved-code']);
    assert.ok(client.logs.some((line) => line.includes('tsconfig.json') && /TS\d+/.test(line)));
  });

  it('settings: wsclose.rules overrides and wsclose.enable, re-read after didChangeConfiguration', async () => {
    const uri = client.uriOf(src('server.ts'));
    client.settings = { rules: { 'reserved-code': 'off', 'reason-without-code': 'error' } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.deepEqual((await pull(uri)).items.map((d) => [d.code, d.severity]), [['reason-without-code', 1]]);
    client.settings = { enable: false };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.deepEqual((await pull(uri)).items, []);
  });

  it('still alive: shutdown and exit with code 0', async () => {
    assert.equal(await client.shutdown(), 0);
    assert.deepEqual(client.protocolErrors, []);
    assert.equal(client.stderr, '');
  });
});
