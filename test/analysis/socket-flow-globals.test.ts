// The global object held in a variable (`var env = window`, `root.window || {}`): its properties
// are the globals, so `new env.WebSocket(url)` is a browser-style socket — with the DOM lib's types
// (`Window & typeof globalThis`, which alone would say "not a socket") and without them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { SocketFlow } from '../../server/src/analysis/socket-flow/flow';
import type { FlowValue } from '../../server/src/analysis/socket-flow/values';
import { INFERRED_PROJECT_OPTIONS } from '../../server/src/engine/project';

const CODE = [
  'var root = {};',
  "root.window = typeof window !== 'undefined' ? window : undefined;",
  'export function open(url) {',
  '  var env = root.window || {};',
  '  var direct = window;',
  '  var first = new env.WebSocket(url);',
  '  var second = new direct.WebSocket(url);',
  '  var storage = direct.localStorage;',
  '  return [first, second, storage];',
  '}',
].join('\n');

function describeValues(values: readonly FlowValue[]): string[] {
  return values.map((v) => (v.kind === 'socket' ? `socket:${v.source.runtime}` : v.kind));
}

describe('socket flow: the global object in a variable', () => {
  for (const [name, lib] of [['with the DOM lib', undefined], ['without it', ['lib.es2022.d.ts']]] as const) {
    it(name, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-globals-'));
      try {
        const file = path.join(dir, 'open.js');
        fs.writeFileSync(file, CODE);
        const program = ts.createProgram([file], { ...INFERRED_PROJECT_OPTIONS, ...(lib ? { lib: [...lib] } : {}) });
        const sourceFile = program.getSourceFile(file)!;
        const flow = new SocketFlow(program, 'browser');
        const valuesOfVariable = (variable: string): string[] => {
          let use: ts.Identifier | undefined;
          const visit = (node: ts.Node): void => {
            if (ts.isArrayLiteralExpression(node)) use = node.elements.find((e): e is ts.Identifier => ts.isIdentifier(e) && e.text === variable);
            ts.forEachChild(node, visit);
          };
          visit(sourceFile);
          return describeValues(flow.valuesOf(use!, 0));
        };
        assert.deepEqual(valuesOfVariable('first'), ['socket:whatwg']);
        assert.deepEqual(valuesOfVariable('second'), ['socket:whatwg']);
        assert.ok(!valuesOfVariable('storage').includes('socket:whatwg'));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
