// An inferred finding carries what it rests on as relatedInformation: where the socket comes from
// (in another file: the ws server's connection listener, typed by @types/ws there) and the field it is stored in, so an editor can show and jump to both.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DocumentDiagnosticRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import type { FullDocumentDiagnosticReport, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { LSP_FIXTURES, startClient } from './harness';
import type { TestClient } from './harness';

const WORKSPACE = path.join(LSP_FIXTURES, 'untyped');
const file = (name: string): string => path.join(WORKSPACE, 'src', name);

describe('language server: evidence of inferred receivers', () => {
  let client: TestClient;
  before(async () => ({ client } = await startClient({ workspace: WORKSPACE, pull: true })));
  after(() => client.kill());

  it('a socket followed from another file: the source and the storage as relatedInformation', async () => {
    const uri = await client.open(file('connection.js'));
    const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
    assert.equal(report.items.length, 1);
    const [diagnostic] = report.items;
    assert.equal(diagnostic!.code, 'reserved-code');
    assert.deepEqual(diagnostic!.range, { start: { line: 6, character: 22 }, end: { line: 6, character: 26 } });
    // The headline stays short; what the inference rests on is in the hover over the finding.
    assert.doesNotMatch(String(diagnostic!.message), /inferred/);
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: diagnostic!.range.start })) as Hover;
    assert.match((hover.contents as MarkupContent).value, /inferred from a value declared as a WebSocket at src\/server\.js:6, stored in `this\.socket`/);
    const related = (diagnostic!.relatedInformation ?? []).map((r) => [path.basename(r.location.uri), r.location.range.start.line, r.message]);
    assert.deepEqual(related, [
      ['server.js', 5, 'The socket comes from a value declared as a WebSocket here.'],
      ['server.js', 5, 'The socket is stored in `socket` here.'],
      ['connection.js', 2, 'The socket is stored in `this.socket` here.'],
    ]);
  });
});
