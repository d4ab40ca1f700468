// Push model over stdio against the built server: initialize → didOpen → exact diagnostics → code
// actions applied → diagnostics cleared → a dependency change updates the dependent file →
// fix-all, disable comments, documentation command, features → shutdown/exit 0.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, CompletionRequest, ExecuteCommandRequest, HoverRequest, InlayHintRequest } from 'vscode-languageserver-protocol/node';
import type { CodeAction, InitializeResult, TextEdit } from 'vscode-languageserver-protocol/node';
import { LSP_FIXTURES, startClient } from './harness';
import type { TestClient } from './harness';
import { docsHref, SERVER_TS_DIAGNOSTICS, SHUTDOWN_1006_DIAGNOSTIC, withoutData } from './expected';

const WORKSPACE = path.join(LSP_FIXTURES, 'basic');
const file = (name: string): string => path.join(WORKSPACE, 'src', name);

const editsOf = (action: CodeAction, uri: string): TextEdit[] => action.edit!.changes![uri]!;

describe('language server over stdio, push diagnostics', () => {
  let client: TestClient;
  let init: InitializeResult;
  before(async () => ({ client, init } = await startClient({ workspace: WORKSPACE })));
  after(() => client.kill());

  it('initialize: capabilities', () => {
    assert.deepEqual(init, {
      capabilities: {
        textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.wsclose', 'refactor.rewrite'], resolveProvider: false },
        executeCommandProvider: { commands: ['wsclose.showDocumentation'] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['('], resolveProvider: false },
        inlayHintProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'wsclose', version: '0.1.0' },
    });
  });

  it('didOpen: exact diagnostics, with the data code actions need', async () => {
    const uri = await client.open(file('server.ts'));
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(withoutData(diagnostics), SERVER_TS_DIAGNOSTICS);
    assert.deepEqual(diagnostics[0]!.data, {
      version: 1,
      ruleId: 'reason-without-code',
      fix: [{ range: SERVER_TS_DIAGNOSTICS[0]!.range, newText: '1000' }],
    });
    assert.deepEqual(
      (diagnostics[1]!.data as { suggestions: Array<{ desc: string }> }).suggestions.map((s) => s.desc),
      ['Send 1000 (Normal Closure) instead', 'Send 1011 (Internal Error) instead', 'Call close() with no code'],
    );
  });

  it('hover, completion and inlay hints answer on the document', async () => {
    const uri = client.uriOf(file('server.ts'));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 10, character: 20 } });
    assert.match(JSON.stringify(hover), /No Status Received/);
    const completion = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 10, character: 19 } });
    assert.ok(Array.isArray(completion) && completion.some((item) => item.label === '1000'));
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 15, character: 0 } } });
    assert.ok(hints !== null && hints.length > 0);
  });

  it('code actions: fix (preferred), disable line/file, documentation; exact edits', async () => {
    const uri = client.uriOf(file('server.ts'));
    const [diagnostic] = await client.diagnostics(uri);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic!.range,
      context: { diagnostics: [diagnostic!], only: ['quickfix'] },
    });
    assert.deepEqual(
      actions!.map((a) => [a.title, (a as CodeAction).kind, (a as CodeAction).isPreferred ?? false]),
      [
        ['Fix this reason-without-code problem', 'quickfix', true],
        ['Disable reason-without-code for this line', 'quickfix', false],
        ['Disable reason-without-code for the entire file', 'quickfix', false],
        ['Show documentation for reason-without-code', 'quickfix', false],
      ],
    );
    const [fix, disableLine, disableFile, docs] = actions as CodeAction[];
    assert.deepEqual(editsOf(disableLine!, uri), [
      { range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, newText: '      // wsclose-disable-next-line reason-without-code\n' },
    ]);
    assert.deepEqual(editsOf(disableFile!, uri), [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '/* wsclose-disable reason-without-code */\n' },
    ]);
    assert.deepEqual(docs!.command, { title: 'Show documentation for reason-without-code', command: 'wsclose.showDocumentation', arguments: [docsHref('reason-without-code')] });
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: docs!.command!.command, arguments: docs!.command!.arguments! });
    assert.deepEqual(client.shownDocuments, [docsHref('reason-without-code')]);

    // Apply the fix: only the reserved-code problem is left.
    await client.edit(uri, editsOf(fix!, uri));
    assert.match(client.text(uri), /socket\.close\(1000, 'bye'\)/);
    assert.deepEqual(withoutData(await client.diagnostics(uri, (d) => d.length === 1)), [SERVER_TS_DIAGNOSTICS[1]]);
  });

  it('a suggestion applied clears the diagnostics; an action for an older version is ignored', async () => {
    const uri = client.uriOf(file('server.ts'));
    const [diagnostic] = await client.diagnostics(uri);
    const stale = { ...diagnostic!, data: { ...(diagnostic!.data as object), version: 1 } };
    const none = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic!.range, context: { diagnostics: [stale], only: ['quickfix'] } });
    assert.deepEqual(none, []);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic!.range,
      context: { diagnostics: [diagnostic!], only: ['quickfix'] },
    })) as CodeAction[];
    assert.deepEqual(actions.slice(0, 3).map((a) => a.title), ['Send 1000 (Normal Closure) instead', 'Send 1011 (Internal Error) instead', 'Call close() with no code']);
    await client.edit(uri, editsOf(actions[0]!, uri));
    assert.deepEqual(await client.diagnostics(uri, (d) => d.length === 0), []);
  });

  it('changing the imported constant in another file updates the dependent file', async () => {
    const serverUri = client.uriOf(file('server.ts'));
    const codesUri = await client.open(file('codes.ts'));
    assert.deepEqual(await client.diagnostics(codesUri), []);
    const at = client.text(codesUri).indexOf('1000');
    const line = client.text(codesUri).slice(0, at).split('\n').length - 1;
    const character = at - client.text(codesUri).lastIndexOf('\n', at) - 1;
    await client.edit(codesUri, [{ range: { start: { line, character }, end: { line, character: character + 4 } }, newText: '1006' }]);
    assert.deepEqual(withoutData(await client.diagnostics(serverUri, (d) => d.length === 1)), [SHUTDOWN_1006_DIAGNOSTIC]);
    await client.edit(codesUri, [{ range: { start: { line, character }, end: { line, character: character + 4 } }, newText: '1000' }]);
    assert.deepEqual(await client.diagnostics(serverUri, (d) => d.length === 0), []);
  });

  it('source.fixAll.wsclose applies every safe fix (never suggestions) in one edit', async () => {
    const uri = await client.open(file('fixable.ts'));
    assert.equal((await client.diagnostics(uri)).length, 2);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.wsclose'] },
    })) as CodeAction[];
    assert.deepEqual(actions, [
      {
        title: 'Fix all auto-fixable wsclose problems',
        kind: 'source.fixAll.wsclose',
        edit: {
          changes: {
            [uri]: [
              { range: { start: { line: 3, character: 15 }, end: { line: 3, character: 24 } }, newText: '1000' },
              { range: { start: { line: 7, character: 15 }, end: { line: 7, character: 24 } }, newText: '1000' },
            ],
          },
        },
      },
    ]);
    await client.edit(uri, editsOf(actions[0]!, uri));
    assert.deepEqual(await client.diagnostics(uri, (d) => d.length === 0), []);
  });

  it('shutdown and exit with code 0', async () => {
    assert.equal(await client.shutdown(), 0);
    assert.deepEqual(client.protocolErrors, []);
  });
});
