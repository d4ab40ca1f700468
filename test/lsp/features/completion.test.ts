// Completion of close codes inside the code argument of close-like calls.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver';
import { completionsAt } from '../../../server/src/lsp/features/completion';
import { featureSnippets, withCodes, withProfile, type FeatureSnippet } from './helpers';

const WS = `import WebSocket from 'ws';\ndeclare const ws: WebSocket;\n`;

function complete(s: FeatureSnippet, marker = ''): CompletionItem[] | undefined {
  const offset = s.offsets[marker];
  assert.ok(offset !== undefined, `marker '${marker}' missing`);
  return completionsAt(s.program, s.sourceFile, offset, s.context);
}

function labels(s: FeatureSnippet, marker = ''): string[] {
  const items = complete(s, marker);
  assert.ok(items, `no completions at '${marker}'`);
  // Clients sort by sortText: the order must survive that.
  assert.deepEqual([...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)), items);
  return items.map((i) => i.label);
}

describe('completion of close codes', () => {
  const [ws, dom, wsCatch, domCatch, configured, stream, outside, literal, reconnect] = featureSnippets([
    { source: `${WS}ws.close(/*|*/);` },
    { source: `declare const ws: WebSocket;\nws.close(/*|*/);`, env: 'dom' },
    { source: `${WS}try { JSON.parse('x'); } catch { ws.close(/*|*/); }` },
    { source: `declare const ws: WebSocket;\ntry { JSON.parse('x'); } catch { ws.close(/*|*/); }`, env: 'dom' },
    {
      source: `declare const ws: WebSocket;\nws.close(/*|*/);`,
      env: 'dom',
      config: (c) => withProfile('twitch-eventsub')(withCodes([{ code: 4001, name: 'Room Closed' }, { code: 1001, name: 'Not For Browsers' }])(c)),
    },
    {
      source: `import { WebSocketError, type WebSocketStream } from 'undici-types';\ndeclare const stream: WebSocketStream;\nstream.close({ closeCode: /*|*/ });\nnew WebSocketError('x', { reason: 'r', closeCode: 30/*|err*/ });`,
    },
    {
      source: `${WS}ws.close(1000, /*|reason*/'bye');\nconsole.log(/*|log*/);\ndeclare const code: number;\nws.close(co/*|name*/de);\nws.send(/*|send*/);\nws.close()/*|after*/;`,
    },
    { source: `${WS}ws.close(10/*|*/0, 'bye');` },
    { source: `import ReconnectingWebSocket from 'reconnecting-websocket';\ndeclare const rws: ReconnectingWebSocket;\nrws.reconnect(/*|*/);`, env: 'dom' },
  ]);

  it('ws: 1000, the everyday server codes, 3000/3003/3008, then the rest of what ws accepts', () => {
    assert.deepEqual(labels(ws!), ['1000', '1001', '1008', '1011', '1012', '1013', '3000', '3003', '3008', '1002', '1003', '1007', '1009', '1010', '1014']);
  });

  it('a browser socket: only what WHATWG accepts', () => {
    assert.deepEqual(labels(dom!), ['1000', '3000', '3003', '3008']);
  });

  it('in a catch block the internal-error code comes first', () => {
    assert.equal(labels(wsCatch!)[0], '1011');
    assert.deepEqual(labels(domCatch!).slice(0, 2), ['4500', '1000']);
  });

  it("the project's configured codes and active app-profile codes, filtered by the runtime", () => {
    const list = labels(configured!);
    assert.deepEqual(list.slice(0, 5), ['1000', '3000', '3003', '3008', '4001']);
    assert.deepEqual(list.slice(5), ['4000', '4002', '4003', '4004', '4005', '4006', '4007'], 'Twitch EventSub codes');
    assert.ok(!list.includes('1001'), 'a configured code the browser rejects is not offered');
  });

  it('each item: kind Value, the name on its row and as detail, markdown docs, an edit at the cursor', () => {
    const items = complete(configured!)!;
    const room = items.find((i) => i.label === '4001')!;
    assert.equal(room.kind, 12 /* CompletionItemKind.Value */);
    assert.equal(room.detail, 'Room Closed');
    // labelDetails shows on every row; detail only on the focused one.
    assert.ok(items.every((i) => i.labelDetails?.description === i.detail), 'every row carries its name');
    assert.deepEqual(room.labelDetails, { description: 'Room Closed' });
    assert.equal((room.documentation as MarkupContent).kind, 'markdown');
    assert.match((room.documentation as MarkupContent).value, /^\*\*4001 Room Closed\*\*/);
    const normal = items.find((i) => i.label === '1000')!;
    assert.equal(normal.detail, 'Normal Closure');
    assert.match((normal.documentation as MarkupContent).value, /✓ Accepted by the browser WebSocket \(WHATWG\)\./);
    assert.deepEqual(normal.textEdit, { range: { start: { line: 1, character: 9 }, end: { line: 1, character: 9 } }, newText: '1000' });
  });

  it('a numeric literal being typed is replaced as a whole', () => {
    const item = complete(literal!)![0]!;
    assert.deepEqual(item.textEdit, { range: { start: { line: 2, character: 9 }, end: { line: 2, character: 12 } }, newText: '1000' });
  });

  it('WebSocketStream close info and WebSocketError options: after closeCode:', () => {
    assert.deepEqual(labels(stream!), ['1000', '3000', '3003', '3008']);
    assert.deepEqual(labels(stream!, 'err'), ['1000', '3000', '3003', '3008']);
  });

  it('reconnect() of reconnecting-websocket', () => {
    assert.deepEqual(labels(reconnect!), ['1000', '3000', '3003', '3008']);
  });

  it('undefined outside a code argument', () => {
    for (const marker of ['reason', 'log', 'name', 'send', 'after']) assert.equal(complete(outside!, marker), undefined, marker);
  });
});
