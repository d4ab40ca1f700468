// Hovers on close codes (sent, received, declared) and on the method of close-like calls.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { lintSourceFile } from '../../../server/src/engine/lint-file';
import { hoverAt } from '../../../server/src/lsp/features/hover';
import { featureSnippet, featureSnippets, withCodes, withProfile, type FeatureSnippet } from './helpers';

const RFC = '[RFC 6455 §7.4.1](https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1)';
const IANA = '[IANA WebSocket Close Code Number Registry](https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number)';
const MDN = '[MDN CloseEvent.code](https://developer.mozilla.org/en-US/docs/Web/API/CloseEvent/code)';
const LINKS = `${RFC} · ${IANA} · ${MDN}`;

function hover(s: FeatureSnippet, marker = ''): Hover | undefined {
  const offset = s.offsets[marker];
  assert.ok(offset !== undefined, `marker '${marker}' missing`);
  return hoverAt(s.program, s.sourceFile, offset, s.context);
}

function markdown(s: FeatureSnippet, marker = ''): string {
  const result = hover(s, marker);
  assert.ok(result, `no hover at marker '${marker}'`);
  const contents = result.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

/** The bold heading that starts the card's first line (`**1008 Policy Violation** · *class*`). */
function heading(s: FeatureSnippet, marker = ''): string {
  return markdown(s, marker).split('\n')[0]!.split(' · ')[0]!;
}

const WS = `import WebSocket from 'ws';\ndeclare const ws: WebSocket;\n`;

describe('hover on a close code: exact markdown', () => {
  it('1008 on a ws socket', () => {
    const s = featureSnippet(`${WS}ws.close(10/*|*/08, 'banned');`);
    assert.equal(
      markdown(s),
      [
        '**1008 Policy Violation** · *protocol code (RFC 6455 / IANA) · may be sent*',
        'The peer broke a policy of the endpoint. Deliberately generic: it may hide the details.',
        '✓ Accepted by `ws`.',
        '**How to fix:** Fine on server sockets; put the specific cause in the reason. Browser sockets cannot send it (InvalidAccessError): use 3003 Forbidden, 3000 Unauthorized or an agreed 4xxx code. If waiting would be enough for the client to succeed, 1013 says so more clearly.',
        LINKS,
      ].join('\n\n'),
    );
    // The range is the hovered literal.
    const range = hover(s)!.range!;
    assert.deepEqual(range, { start: { line: 2, character: 9 }, end: { line: 2, character: 13 } });
  });

  it('1001 on a browser socket: not accepted, with the exact InvalidAccessError', () => {
    const s = featureSnippet(`declare const ws: WebSocket;\nws.close(/*|*/1001);`, { env: 'dom' });
    assert.equal(
      markdown(s),
      [
        '**1001 Going Away** · *protocol code (RFC 6455 / IANA) · may be sent*',
        'The endpoint is leaving: a server shutting down, or a browser navigating away from the page that owns the socket.',
        "✗ Not accepted by the browser WebSocket (WHATWG): it throws `InvalidAccessError: Failed to execute 'close' on 'WebSocket': The close code must be either 1000, or between 3000 and 4999. 1001 is neither.`.",
        '**How to fix:** Send it from server-side code only. Browser sockets cannot send it (InvalidAccessError); the browser sends 1001 on its own when a page unloads, so a script should close with 1000. If the server will be back soon, 1012 tells clients to return.',
        LINKS,
      ].join('\n\n'),
    );
  });

  it('a code defined in wsclose.config.json', () => {
    const s = featureSnippet(`${WS}ws.close(4001/*|*/, 'room gone');`, {
      config: withCodes([{ code: 4001, name: 'Room Closed', description: 'The room was deleted.', reconnect: 'no' }]),
    });
    assert.equal(
      markdown(s),
      [
        '**4001 Room Closed** · *Private code of this project (wsclose.config.json) · private use (4000–4999)*',
        'The room was deleted.',
        '**Reconnect:** Do not reconnect automatically.',
        '✓ Accepted by `ws`.',
      ].join('\n\n'),
    );
  });

  it('a graphql-ws code when the profile is on, and the registry range when it is off', () => {
    const [on, off] = featureSnippets([
      { source: `${WS}ws.close(/*|*/4401, 'Unauthorized');`, config: withProfile('graphql-ws') },
      { source: `${WS}ws.close(/*|*/4401, 'Unauthorized');` },
    ]);
    assert.equal(
      markdown(on!),
      [
        '**4401 Unauthorized** · *Private code of graphql-ws (GraphQL over WebSocket) · private use (4000–4999)*',
        'Sent by the server: the client subscribed before the connection was acknowledged.',
        '✓ Accepted by `ws`.',
        '[graphql-ws PROTOCOL.md](https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md) · [graphql-ws src/common.ts (CloseCode)](https://github.com/enisdenjo/graphql-ws/blob/master/src/common.ts)',
      ].join('\n\n'),
    );
    assert.equal(heading(off!), '**4401 Private Use**');
  });
});

describe('hover on a close code under a finding', () => {
  it("1006 on ws: the finding's why and fixes instead of the registry's advice, the TypeError once", () => {
    const s = featureSnippet(`${WS}ws.close(/*|*/1006);`);
    const findings = lintSourceFile(s.program, s.sourceFile, { config: s.context.config });
    assert.equal(findings.length, 1);
    const md = hoverAt(s.program, s.sourceFile, s.offsets['']!, s.context, () => findings)!.contents as MarkupContent;
    const parts = md.value.split('\n\n');
    assert.equal(parts[0], '**1006 Abnormal Closure** · *local placeholder, never sent · must not be sent*');
    assert.ok(parts.includes(findings[0]!.detail!), md.value);
    assert.ok(parts.includes('**How to fix:** Send 1000 (Normal Closure) instead · Send 1011 (Internal Error) instead · Call close() with no code'), md.value);
    assert.equal(md.value.split('TypeError: First argument').length - 1, 1, 'the TypeError once');
    assert.doesNotMatch(md.value, /Nothing to fix/);
    assert.ok(parts.length <= 6, `${parts.length} paragraphs`);
  });
});

describe('hover on a close code: where a code is one', () => {
  const snippets = featureSnippets([
    // 0: comparisons with a CloseEvent's code and a switch on it
    {
      source: `declare const ws: WebSocket;\nws.onclose = (e) => {\n  if (e.code === /*|*/1006) return;\n  if (e.code !== 10/*|ne*/00) return;\n  switch (e.code) {\n    case /*|case*/1000: break;\n    case 40/*|case4*/01: break;\n  }\n};`,
      env: 'dom',
    },
    // 1: a ws 'close' listener's code parameter
    { source: `${WS}ws.on('close', (code, reason) => {\n  if (/*|*/1006 === code) console.log(reason);\n});` },
    // 2: names and branches at the code argument
    {
      source: `${WS}const POLICY = 1008;\nenum Close { Restart = 1012 }\nconst CODES = { tooBig: 1009 } as const;\ndeclare const ok: boolean;\nws.close(POL/*|*/ICY);\nws.close(Close.Res/*|enum*/tart);\nws.close(CODES.too/*|map*/Big);\nws.close(ok ? /*|then*/1000 : 10/*|else*/11);\nws.close(undefined ?? /*|nullish*/1001);`,
    },
    // 3: literals in declarations used by a close call, or named like close codes
    {
      source: `${WS}const POLICY = /*|const*/1008;\nenum CloseCode { Normal = /*|member*/1000 }\nconst CLOSE = { restart: /*|prop*/1012 } as const;\nconst TIMEOUT_MS = /*|timeout*/3000;\nws.close(POLICY);`,
    },
    // 4: numbers that are not close codes
    {
      source: `${WS}setTimeout(() => ws.close(1000), /*|timer*/1000);\nconst list = [1, 2];\nlist[/*|index*/1];\nif (list.length === /*|length*/1000) ws.close(1000, 'x'.repeat(/*|repeat*/10));\ndeclare const err: { code: number };\nif (err.code === /*|errcode*/1008) {}`,
    },
  ]);

  it('a comparison with event.code shows the code without a runtime verdict', () => {
    const md = markdown(snippets[0]!);
    assert.match(md, /^\*\*1006 Abnormal Closure\*\*/);
    assert.doesNotMatch(md, /Accepted by|Not accepted by/);
    assert.equal(heading(snippets[0]!, 'ne'), '**1000 Normal Closure**');
  });

  it('case labels of a switch on a received code', () => {
    assert.equal(heading(snippets[0]!, 'case'), '**1000 Normal Closure**');
    assert.equal(heading(snippets[0]!, 'case4'), '**4001 Private Use**');
    assert.deepEqual(hover(snippets[0]!, 'case')!.range, { start: { line: 5, character: 9 }, end: { line: 5, character: 13 } });
  });

  it('a handled code lists where the project sends it, with links, or says it never does', () => {
    const md = markdown(snippets[0]!, 'case4');
    assert.match(md, /\n\nThis project never sends 4001: only a peer outside it can\.$/);
    const [sent] = featureSnippets([
      { env: 'dom', source: `declare const ws: WebSocket;\nws.onclose = (e) => {\n  if (e.code === /*|*/4001) return;\n};\nexport const leave = () => ws.close(4001, 'left');` },
    ]);
    const lines = markdown(sent!).split('\n\n');
    const link = /^\*\*Sent by this project at:\*\* \[(snippet-\d+\.ts):5\]\(file:\/\/\/.*\/(snippet-\d+\.ts)#L5\)$/.exec(lines[lines.length - 1]!);
    assert.ok(link, lines[lines.length - 1]);
    assert.equal(link[1], link[2]);
  });

  it("a ws 'close' listener's code parameter", () => {
    assert.equal(heading(snippets[1]!), '**1006 Abnormal Closure**');
  });

  it('const, enum member and as-const property names at the code argument, with the runtime verdict', () => {
    const md = markdown(snippets[2]!);
    assert.match(md, /^\*\*1008 Policy Violation\*\*/);
    assert.match(md, /✓ Accepted by `ws`\./);
    assert.equal(heading(snippets[2]!, 'enum'), '**1012 Service Restart**');
    assert.equal(heading(snippets[2]!, 'map'), '**1009 Message Too Big**');
  });

  it('both branches of ?: and the fallback of ??', () => {
    assert.equal(heading(snippets[2]!, 'then'), '**1000 Normal Closure**');
    assert.equal(heading(snippets[2]!, 'else'), '**1011 Internal Error**');
    assert.equal(heading(snippets[2]!, 'nullish'), '**1001 Going Away**');
  });

  it('literals of declarations passed to close, or named like close codes', () => {
    const md = markdown(snippets[3]!, 'const');
    assert.match(md, /^\*\*1008 Policy Violation\*\*/);
    assert.match(md, /✓ Accepted by `ws`\./, 'the runtime of the call that uses the const');
    assert.equal(heading(snippets[3]!, 'member'), '**1000 Normal Closure**');
    assert.doesNotMatch(markdown(snippets[3]!, 'member'), /Accepted by/, 'no call uses it: no runtime verdict');
    assert.equal(heading(snippets[3]!, 'prop'), '**1012 Service Restart**');
    assert.equal(hover(snippets[3]!, 'timeout'), undefined, 'TIMEOUT_MS = 3000 is neither used nor named as a close code');
  });

  it('no hover on numbers that are not close codes', () => {
    for (const marker of ['timer', 'index', 'length', 'repeat', 'errcode']) {
      assert.equal(hover(snippets[4]!, marker), undefined, marker);
    }
  });
});

describe('hover on the method of a close-like call', () => {
  const [ws, dom, js, union] = featureSnippets([
    { source: `${WS}ws.cl/*|*/ose(1000);` },
    { source: `declare const ws: WebSocket;\nws./*|*/close(1000);`, env: 'dom' },
    { source: `const ws = new WebSocket('wss://example.test');\nws.close/*|*/(1000);`, env: 'js' },
    { source: `import WebSocket from 'ws';\ndeclare const ws: WebSocket | globalThis.WebSocket;\nws.clo/*|*/se(1000);`, env: 'dom' },
  ]);

  it('ws: one line above TypeScript’s hover, what close() accepts there', () => {
    assert.equal(markdown(ws!), 'close() on `ws`: Accepts 1000–1003, 1007–1014 and 3000–4999; anything else, strings and null included, throws TypeError.');
    assert.deepEqual(hover(ws!)!.range, { start: { line: 2, character: 3 }, end: { line: 2, character: 8 } });
  });

  it('a DOM WebSocket: the WHATWG profile', () => {
    assert.equal(
      markdown(dom!),
      'close() on the browser WebSocket (WHATWG): Accepts only 1000 and 3000–4999; any other code, including 1001 and 1008–1014, throws InvalidAccessError.',
    );
  });

  it('an untyped JavaScript receiver: says what the inference rests on, on the same line', () => {
    const md = markdown(js!);
    assert.match(md, /^close\(\) on the browser WebSocket \(WHATWG\) \(inferred from `new WebSocket\(…\)`\): Accepts only 1000/);
    assert.doesNotMatch(md, /\n/);
  });

  it('a union of two runtimes: one line each', () => {
    const lines = markdown(union!).split('  \n');
    assert.equal(lines.length, 2);
    assert.deepEqual(lines.map((line) => line.split(':')[0]).sort(), ['close() on `ws`', 'close() on the browser WebSocket (WHATWG)']);
  });
});
