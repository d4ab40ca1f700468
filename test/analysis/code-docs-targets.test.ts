// The close-code docs questions over one in-memory file with a browser WebSocket (the DOM lib):
// what the hover documents at a position, which code arguments are one number, where completion
// puts a code. The editor features are tested end to end in test/lsp/features/.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { codeLiteralAt, docsTargetAt, sentCodes, type FileCloseCalls } from '../../server/src/analysis/code-docs-targets';
import { codeSlotAt } from '../../server/src/analysis/code-slots';
import { createAnalysisContext } from '../../server/src/analysis/context';
import { findCloseCalls } from '../../server/src/analysis/find-close-calls';

const FILE = '/project/client.ts';
const TEXT = [
  'const CLOSE_POLICY = 4001;',
  'const RETRIES = 4003;',
  "const socket = new WebSocket('wss://example.com');",
  "socket.close(1000, 'bye');",
  'socket.close(CLOSE_POLICY);',
  'socket.onclose = (event) => {',
  '  if (event.code === 4002) return;',
  '};',
  '',
].join('\n');

function analyze(): FileCloseCalls {
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], strict: true, noEmit: true, types: [] };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => (name === FILE ? TEXT : readFile(name));
  host.fileExists = ((exists) => (name: string) => name === FILE || exists(name))(host.fileExists.bind(host));
  host.getSourceFile = (name, version, ...rest) => (name === FILE ? ts.createSourceFile(FILE, TEXT, version, true) : getSourceFile(name, version, ...rest));
  const program = ts.createProgram([FILE], options, host);
  const ctx = createAnalysisContext(program, program.getSourceFile(FILE)!);
  return { ctx, sites: findCloseCalls(ctx) };
}

const at = (text: string, nth = 0): number => {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = TEXT.indexOf(text, offset + 1);
  return offset;
};

describe('close-code docs targets', () => {
  const file = analyze();

  it('a literal code argument is a sent code of the socket runtime', () => {
    const target = docsTargetAt(file, at('1000'));
    assert.equal(target?.kind, 'code');
    assert.deepEqual(target?.kind === 'code' && { value: target.value, role: target.role, runtimes: target.runtimes }, { value: 1000, role: 'sent', runtimes: ['whatwg'] });
  });

  it('a literal compared with a received code is a received code', () => {
    const target = docsTargetAt(file, at('4002'));
    assert.deepEqual(target?.kind === 'code' && { value: target.value, role: target.role }, { value: 4002, role: 'received' });
  });

  it('a const a close call passes is a declared code; an unrelated const is nothing', () => {
    const declared = docsTargetAt(file, at('4001'));
    assert.deepEqual(declared?.kind === 'code' && { value: declared.value, role: declared.role, runtimes: declared.runtimes }, { value: 4001, role: 'declared', runtimes: ['whatwg'] });
    assert.equal(docsTargetAt(file, at('4003')), undefined);
  });

  it('the method of a close-like call', () => {
    const target = docsTargetAt(file, at('close('));
    assert.deepEqual(target?.kind === 'method' && { method: target.method, runtimes: target.runtimes }, { method: 'close', runtimes: ['whatwg'] });
  });

  it('sentCodes: every code argument that is one number, literal or name', () => {
    assert.deepEqual(sentCodes(file).map((s) => [s.value, s.literal]), [[1000, true], [4001, false]]);
  });

  it('codeLiteralAt: sent and received literals, not declarations', () => {
    assert.equal(codeLiteralAt(file, at('1000'), at('1000') + 4)?.value, 1000);
    assert.equal(codeLiteralAt(file, at('4002'), at('4002'))?.value, 4002);
    assert.equal(codeLiteralAt(file, at('4001'), at('4001')), undefined);
  });

  it('codeSlotAt: the literal first argument is the slot', () => {
    const slot = codeSlotAt(file.sites, file.ctx.sourceFile, at('1000') + 2);
    assert.deepEqual(slot && { start: slot.start, end: slot.end, runtimes: slot.runtimes }, { start: at('1000'), end: at('1000') + 4, runtimes: ['whatwg'] });
    assert.equal(codeSlotAt(file.sites, file.ctx.sourceFile, at("'bye'") + 1), undefined);
  });
});
