// The value evaluator: every value an argument can take, branch by branch.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { createAnalysisContext } from '../../server/src/analysis/context';
import { evaluateArgument } from '../../server/src/analysis/evaluate-argument';
import { INFERRED_PROJECT_OPTIONS } from '../../server/src/engine/project';
import type { PossibleValue } from '../../server/src/analysis/values';
import { lintSnippets } from '../harness/snippet-project';

/** Evaluates the first argument of the last `probe(...)` call in the snippet. */
function valuesOf(code: string, env: 'node' | 'dom' | 'js' = 'node'): string[] {
  const [linted] = lintSnippets([{ code: `declare function probe(value: unknown): void;\n${code}`, env }]);
  const sourceFile = linted!.sourceFile;
  let argument: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'probe') argument = node.arguments[0];
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return evaluateArgument(argument, createAnalysisContext(linted!.program, sourceFile)).values.map(describe_);
}

function describe_(value: PossibleValue): string {
  switch (value.kind) {
    case 'number':
    case 'string':
      return `${value.kind}:${String(value.value)}`;
    case 'undefined':
      return 'undefined';
    case 'partial-string':
      return `partial:${value.minBytes}${value.unbounded ? `:${value.unbounded}` : ''}${value.limited ? ':limited' : ''}`;
    case 'unknown':
      return `unknown:${value.type}${value.origin ? `:${value.origin}` : ''}${value.unbounded ? `~${value.unbounded}` : ''}`;
  }
}

describe('evaluateArgument', () => {
  it('a built string keeps the words written in the code, with a word boundary where a part is unknown', () => {
    const known = (code: string): string | undefined => {
      const [linted] = lintSnippets([{ code: `declare function probe(value: unknown): void;\n${code}` }]);
      const sourceFile = linted!.sourceFile;
      const call = sourceFile.statements.at(-1) as ts.ExpressionStatement;
      const [value] = evaluateArgument((call.expression as ts.CallExpression).arguments[0], createAnalysisContext(linted!.program, sourceFile)).values;
      return value?.kind === 'partial-string' ? value.knownText : undefined;
    };
    assert.equal(known('declare const v: number; probe(`Invalid version (was ${v})`);'), 'Invalid version (was )');
    assert.equal(known("declare const name: string; probe('Rejected by ' + name + '!');"), 'Rejected by !');
    assert.equal(known('declare const a: string; declare const b: string; probe(`${a}${b}`);'), undefined);
  });
  it('literals and negatives', () => {
    assert.deepEqual(valuesOf('probe(1000);'), ['number:1000']);
    assert.deepEqual(valuesOf('probe(-1);'), ['number:-1']);
    assert.deepEqual(valuesOf("probe('bye');"), ['string:bye']);
  });
  it('a let whose every write is a known value: each of them, a placeholder start left out', () => {
    assert.deepEqual(valuesOf('declare const m: string | undefined; let code = 400; if (!m) code = 500; probe(code);'), ['number:400', 'number:500']);
    assert.deepEqual(valuesOf('declare const k: number; let code = 0; if (k > 1) code = 4001; else code = 4002; probe(code);'), ['number:4001', 'number:4002']);
    assert.deepEqual(valuesOf("declare const k: boolean; let reason; if (k) reason = 'a'; else reason = 'b'; probe(reason);"), ['string:a', 'string:b']);
    // A write that is not a known value, a compound assignment, a single write: the declared type only.
    assert.deepEqual(valuesOf('declare const n: number; let code = 4000; if (n) code = n; probe(code);'), ['unknown:number']);
    assert.deepEqual(valuesOf('let code = 4000; code += 1; probe(code);'), ['unknown:number']);
    assert.deepEqual(valuesOf('let code = 4000; probe(code);'), ['unknown:number']);
  });
  it("an error's code typed by an enum that mixes HTTP statuses and close codes: some number", () => {
    const errorClass = 'enum ErrorCode { BadRequest = 400, Socket = 1003 } class HttpError extends Error { constructor(public code: ErrorCode) { super(); } }';
    assert.deepEqual(valuesOf(`${errorClass} declare const e: HttpError; probe(e.code);`), ['unknown:number']);
    const closeOnly = 'enum CloseCode { Policy = 1008, Busy = 1013 } class SocketError extends Error { constructor(public code: CloseCode) { super(); } }';
    assert.deepEqual(valuesOf(`${closeOnly} declare const e: SocketError; probe(e.code);`), ['number:1008', 'number:1013']);
  });
  it("a library's constant its declarations type as number: WebSocket-Node's CLOSE_REASON_*", () => {
    assert.deepEqual(valuesOf("import { connection } from 'websocket'; probe(connection.CLOSE_REASON_POLICY_VIOLATION);"), ['number:1008']);
  });
  it('const chains and arithmetic', () => {
    assert.deepEqual(valuesOf('const BASE = 4000; const CODE = BASE + 8; probe(CODE);'), ['number:4008']);
  });
  it('enums and as-const maps', () => {
    assert.deepEqual(valuesOf('enum Close { Policy = 1008 } probe(Close.Policy);'), ['number:1008']);
    assert.deepEqual(valuesOf('const CODES = { AWAY: 1001 } as const; probe(CODES.AWAY);'), ['number:1001']);
    assert.deepEqual(valuesOf('const CODES = { AWAY: 1001 }; probe(CODES.AWAY);'), ['number:1001']);
  });
  it('every branch of a conditional', () => {
    assert.deepEqual(valuesOf('declare const ok: boolean; probe(ok ? 1000 : 1006);'), ['number:1000', 'number:1006']);
  });
  it('?? and || keep the fallback only when reachable', () => {
    assert.deepEqual(valuesOf('declare const c: number | undefined; probe(c ?? 1000);'), ['unknown:number', 'number:1000']);
    assert.deepEqual(valuesOf('probe(1008 ?? 1000);'), ['number:1008']);
  });
  it('undefined, void 0, NaN', () => {
    assert.deepEqual(valuesOf('probe(undefined);'), ['undefined']);
    assert.deepEqual(valuesOf('probe(void 0);'), ['undefined']);
    assert.deepEqual(valuesOf('probe(NaN);'), ['number:NaN']);
  });
  it('templates keep a byte lower bound from the known parts', () => {
    assert.deepEqual(valuesOf('declare const name: string; probe(`héllo ${name}!`);'), ['partial:8']);
    assert.deepEqual(valuesOf("const who = 'é'; probe(`${who}${who}`);"), ['string:éé']);
  });
  it('concatenation of strings and unknown parts', () => {
    assert.deepEqual(valuesOf("declare const n: number; probe('code ' + n);"), ['partial:5']);
  });
  it('unbounded text and length limits', () => {
    assert.deepEqual(valuesOf('try {} catch (err) { probe(String(err)); }'), ['partial:0:error-text']);
    assert.deepEqual(valuesOf('declare const e: Error; probe(e.message);'), ['partial:0:error-text']);
    assert.deepEqual(valuesOf('declare const e: Error; probe(e.message.slice(0, 40));'), ['partial:0:limited']);
    assert.deepEqual(valuesOf('declare const x: object; probe(JSON.stringify(x));'), ['partial:0:serialized']);
    // A literal lists what it serializes: an unknown string is an unknown part, as in a template;
    // error text, and an object serialized whole, make it unbounded.
    assert.deepEqual(valuesOf('declare const room: string; probe(JSON.stringify({ type: "kicked", room }));'), ['partial:25']);
    assert.deepEqual(valuesOf('declare const err: Error; probe(JSON.stringify({ type: "error", detail: err.message }));'), ['partial:26:error-text']);
    assert.deepEqual(valuesOf('declare const user: { name: string; roles: string[] }; probe(JSON.stringify({ type: "kicked", user }));'), ['partial:25:serialized']);
    assert.deepEqual(valuesOf('declare const payload: object; probe(JSON.stringify({ ...payload }));'), ['partial:0:serialized']);
    assert.deepEqual(valuesOf('declare const kind: "A" | "BB"; declare const retry: boolean; const body = { kind, retry }; probe(JSON.stringify(body));'), ['partial:21']);
  });
  it('JSON.stringify of literal data is a known string', () => {
    assert.deepEqual(valuesOf('const ROOM = "lobby"; probe(JSON.stringify({ type: "kicked", room: ROOM, n: [1, true, null] }));'), ['string:{"type":"kicked","room":"lobby","n":[1,true,null]}']);
  });
  it('origins: caught error codes and HTTP statuses', () => {
    assert.deepEqual(valuesOf('try {} catch (err: any) { probe(err.code); }'), ['unknown:other:error-code']);
    assert.deepEqual(valuesOf("import type { IncomingMessage } from 'node:http'; declare const res: IncomingMessage; probe(res.statusCode);"), ['unknown:number:http-status']);
  });
  it('received close codes: only a library CloseEvent or a socket close handler', () => {
    assert.deepEqual(valuesOf("const ws = new WebSocket('wss://x'); ws.onclose = (e) => probe(e.code);", 'dom'), ['unknown:number:received-close-code']);
    assert.deepEqual(valuesOf('class CloseEvent { constructor(readonly code: number) {} } const Unauthorized = new CloseEvent(4401); probe(Unauthorized.code);'), ['unknown:number']);
    assert.deepEqual(valuesOf('interface CloseEvent { code: number } declare const e: CloseEvent; probe(e.code);'), ['unknown:number']);
    assert.deepEqual(valuesOf("import { EventEmitter } from 'node:events'; new EventEmitter().on('close', (code: number) => probe(code));"), ['unknown:number']);
    assert.deepEqual(valuesOf('export const adapter = { close: (code: number) => probe(code) };'), ['unknown:number']);
  });
  it('a numeric code the project declares on its own error class is not an error code', () => {
    assert.deepEqual(valuesOf('class AppError extends Error { constructor(readonly code: number) { super(); } } declare const err: AppError; probe(err.code);'), ['unknown:number']);
    assert.deepEqual(valuesOf('class UnauthorizedError extends Error { static readonly code = 4401; } probe(UnauthorizedError.code);'), ['number:4401']);
    assert.deepEqual(valuesOf('declare const err: NodeJS.ErrnoException; probe(err.code);'), ['unknown:other:error-code']);
  });
  it('parameter defaults, conditionals and fallbacks', () => {
    assert.deepEqual(valuesOf('function f(code = 1012) { probe(code); }'), ['unknown:number', 'number:1012']);
    assert.deepEqual(valuesOf('function f(code?: number) { probe(code || 1006); }'), ['unknown:number', 'number:1006']);
    assert.deepEqual(valuesOf('declare const a: boolean; probe(a ? 1000 : 4000);'), ['number:1000', 'number:4000']);
    assert.deepEqual(valuesOf('function f(code = 1012) { probe(code); }', 'js'), ['unknown:number', 'number:1012']);
  });
  it('constants on classes, frozen objects and CommonJS exports', () => {
    assert.deepEqual(valuesOf('class S { static NORMAL = 1000; } probe(S.NORMAL);'), ['number:1000']);
    assert.deepEqual(valuesOf('class S { static NORMAL = 1000; } S.NORMAL = 4000; probe(S.NORMAL);'), ['unknown:number']);
    assert.deepEqual(valuesOf('const C = Object.freeze({ NORMAL: 1000 }); probe(C.NORMAL);'), ['number:1000']);
    assert.deepEqual(valuesOf('module.exports.CLOSE = 1006; probe(module.exports.CLOSE);', 'js'), ['number:1006']);
    assert.deepEqual(valuesOf('exports.CLOSE = 1006; probe(exports.CLOSE);', 'js'), ['number:1006']);
  });
  it('errors and client values that become unbounded text when stringified', () => {
    assert.deepEqual(valuesOf('declare const err: Error; probe(err);'), ['unknown:other~error-text']);
    assert.deepEqual(valuesOf('try {} catch (err) { probe(`${err}`); }', 'js'), ['partial:0:error-text']);
    assert.deepEqual(valuesOf('Promise.resolve().catch((err) => probe(String(err)));', 'js'), ['partial:0:error-text']);
    assert.deepEqual(valuesOf("import type WebSocket from 'ws'; declare const ws: WebSocket; ws.on('message', (d) => { const { id } = JSON.parse(String(d)); probe(`room ${id}`); });"), ['partial:5:client-input']);
  });
  it('literal types from the checker when syntax runs out', () => {
    assert.deepEqual(valuesOf('declare const code: 1000 | 4001; probe(code);'), ['number:1000', 'number:4001']);
    assert.deepEqual(valuesOf('declare const code: number; probe(code);'), ['unknown:number']);
  });

  it("a module's default-exported object of constants, imported in another file (`export default { NORMAL: 1000 }`)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-default-export-'));
    try {
      fs.writeFileSync(path.join(dir, 'codes.js'), 'export default {\n  NORMAL: 1000,\n  ABNORMAL: 1006,\n};\n');
      const main = path.join(dir, 'main.js');
      fs.writeFileSync(main, "import Codes from './codes.js';\nimport * as All from './codes.js';\nexport function stop(socket) {\n  socket.close(Codes.NORMAL);\n  socket.close(All.default.ABNORMAL);\n}\n");
      const program = ts.createProgram([main], { ...INFERRED_PROJECT_OPTIONS });
      const sourceFile = program.getSourceFile(main)!;
      const ctx = createAnalysisContext(program, sourceFile);
      const values: string[][] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && node.arguments[0]) values.push(evaluateArgument(node.arguments[0], ctx).values.map(describe_));
        ts.forEachChild(node, visit);
      };
      visit(sourceFile);
      assert.deepEqual(values, [['number:1000'], ['number:1006']]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

