// Pull model: a client declaring textDocument.diagnostic gets no pushes; textDocument/diagnostic
// returns the same diagnostics as push, follows dependency changes, and workspace/diagnostic
// covers every file of the open documents' project, and is held open while nothing is new (no
// idle polling).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, DocumentDiagnosticRequest, WorkspaceDiagnosticRequest } from 'vscode-languageserver-protocol/node';
import type { FullDocumentDiagnosticReport, InitializeResult } from 'vscode-languageserver-protocol/node';
import { LSP_FIXTURES, startClient } from './harness';
import type { TestClient } from './harness';
import { SERVER_TS_DIAGNOSTICS, SHUTDOWN_1006_DIAGNOSTIC, withoutData } from './expected';

const WORKSPACE = path.join(LSP_FIXTURES, 'basic');
const file = (name: string): string => path.join(WORKSPACE, 'src', name);

describe('language server over stdio, pull diagnostics', () => {
  let client: TestClient;
  let init: InitializeResult;
  before(async () => ({ client, init } = await startClient({ workspace: WORKSPACE, pull: true })));
  after(() => client.kill());

  const pull = async (uri: string, previousResultId?: string) =>
    client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });

  it('announces the diagnostic provider and registers file watchers and settings changes', async () => {
    assert.deepEqual(init.capabilities.diagnosticProvider, { identifier: 'wsclose', interFileDependencies: true, workspaceDiagnostics: true });
    await client.waitFor(() => client.registrations.length >= 2);
    assert.deepEqual(client.registrations, ['workspace/didChangeWatchedFiles', 'workspace/didChangeConfiguration']);
  });

  it('textDocument/diagnostic: the exact diagnostics, and no pushes', async () => {
    const uri = await client.open(file('server.ts'));
    const report = (await pull(uri)) as FullDocumentDiagnosticReport;
    assert.equal(report.kind, 'full');
    assert.deepEqual(withoutData(report.items), SERVER_TS_DIAGNOSTICS);
    assert.equal(typeof report.resultId, 'string');
    assert.deepEqual(await pull(uri, report.resultId), { kind: 'unchanged', resultId: report.resultId });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(client.published.size, 0);
  });

  it('a change in the imported constant shows in the next pull of the dependent file', async () => {
    const serverUri = client.uriOf(file('server.ts'));
    const codesUri = await client.open(file('codes.ts'));
    await client.edit(codesUri, [{ range: { start: { line: 1, character: 29 }, end: { line: 1, character: 33 } }, newText: '1006' }]);
    assert.match(client.text(codesUri), /= 1006;/);
    const report = (await pull(serverUri)) as FullDocumentDiagnosticReport;
    assert.deepEqual(withoutData(report.items), [...SERVER_TS_DIAGNOSTICS, SHUTDOWN_1006_DIAGNOSTIC]);
  });

  it('workspace/diagnostic: every file of the project', async () => {
    const report = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
    const summary = report.items.map((item) => [path.basename(item.uri), item.kind, item.version, item.kind === 'full' ? item.items.map((d) => d.code) : []]);
    assert.deepEqual(summary, [
      ['codes.ts', 'full', 2, []],
      ['fixable.ts', 'full', null, ['reason-without-code', 'reason-without-code']],
      ['server.ts', 'full', 1, ['reason-without-code', 'reserved-code', 'reserved-code']],
    ]);
  });

  it('workspace/diagnostic with nothing new waits for the next change (no idle polling), or until cancelled', async () => {
    const first = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
    const previousResultIds = first.items.map((item) => ({ uri: item.uri, value: item.resultId! }));
    let answered = false;
    const held = client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds }).then((report) => ((answered = true), report));
    // A request sent after it is answered first: the workspace pull is still open.
    const serverUri = client.uriOf(file('server.ts'));
    await pull(serverUri);
    assert.equal(answered, false, 'answered although nothing changed');
    const codesUri = client.uriOf(file('codes.ts'));
    await client.edit(codesUri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '// edited\n' }]);
    const report = await held;
    assert.ok(report.items.some((item) => item.kind === 'full' && path.basename(item.uri) === 'codes.ts'), JSON.stringify(report.items.map((i) => [i.uri, i.kind])));

    const ids = report.items.map((item) => ({ uri: item.uri, value: item.resultId! }));
    const source = new CancellationTokenSource();
    const cancelled = client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: ids }, source.token);
    await pull(serverUri);
    source.cancel();
    await assert.rejects(cancelled, (error: { code?: number }) => error.code === -32800 /* RequestCancelled */);
  });

  it('an unknown document gets an empty report', async () => {
    const report = await pull(client.uriOf(file('missing.ts')));
    assert.deepEqual(report, { kind: 'full', resultId: (report as FullDocumentDiagnosticReport).resultId, items: [] });
  });

  it('shutdown and exit with code 0', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});
