// The transport VS Code uses: the same server over Node IPC (`--node-ipc`), with a real client.
import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { it } from 'node:test';
import * as fs from 'node:fs';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { LSP_FIXTURES, SERVER, uriOf } from './harness';

it('serves diagnostics over --node-ipc and exits with 0', { timeout: 60_000 }, async () => {
  const workspace = path.join(LSP_FIXTURES, 'basic');
  const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const file = path.join(workspace, 'src', 'server.ts');
  const uri = uriOf(file);
  const published = new Promise<PublishDiagnosticsParams>((resolve) =>
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      if (params.uri === uri && params.diagnostics.length > 0) resolve(params);
    }),
  );
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const result = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: uriOf(workspace),
    workspaceFolders: [{ uri: uriOf(workspace), name: 'basic' }],
    capabilities: { workspace: { configuration: true } },
  });
  assert.equal(result.serverInfo?.name, 'wsclose');
  await connection.sendNotification(InitializedNotification.type, {});
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'typescript', version: 1, text: fs.readFileSync(file, 'utf8') },
  });
  const diagnostics = (await published).diagnostics;
  assert.ok(diagnostics.every((d) => d.source === 'wsclose'));
  assert.ok(diagnostics.some((d) => d.code === 'reserved-code'), JSON.stringify(diagnostics.map((d) => d.code)));
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  assert.equal(await exited, 0);
  connection.dispose();
});
