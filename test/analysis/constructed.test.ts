// isAssignedNew: a field declared in a base class and given `new WebSocket(…)` by a subclass in
// another file is constructed by the code (the subclass's file is the receiver's own); a file that
// only reads the field does not make it so.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { isAssignedNew } from '../../server/src/analysis/constructed';
import { INFERRED_PROJECT_OPTIONS } from '../../server/src/engine/project';

const FILES: Readonly<Record<string, string>> = {
  'base.ts': ['export abstract class Gateway {', '  ws: WebSocket | null = null;', '  abstract init(): void;', '}'].join('\n'),
  'client.ts': ["import { Gateway } from './base';", 'export class ClientGateway extends Gateway {', "  init(): void { this.ws = new WebSocket('wss://gateway.test'); this.ws.onclose = () => {}; }", '}'].join('\n'),
  'reader.ts': ["import type { Gateway } from './base';", 'export function state(gateway: Gateway): number | undefined { return gateway.ws?.readyState; }'].join('\n'),
};

/** The receiver of the first `.<name>` access in the file: `this.ws` of `this.ws.onclose`, `gateway.ws` of `gateway.ws?.readyState`. */
function receiverOf(sourceFile: ts.SourceFile, name: string): ts.Expression {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (!found && ts.isPropertyAccessExpression(node) && node.name.text === name) found = node.expression;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  assert.ok(found, `.${name} in ${sourceFile.fileName}`);
  return found;
}

describe('isAssignedNew', () => {
  it("a base class's field given a new socket in a subclass's file; not from a file that only reads it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-constructed-'));
    try {
      for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), text);
      const program = ts.createProgram(Object.keys(FILES).map((name) => path.join(dir, name)), { ...INFERRED_PROJECT_OPTIONS, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] });
      const checker = program.getTypeChecker();
      const file = (name: string): ts.SourceFile => program.getSourceFile(path.join(dir, name))!;
      assert.equal(isAssignedNew(receiverOf(file('client.ts'), 'onclose'), checker), true);
      assert.equal(isAssignedNew(receiverOf(file('reader.ts'), 'readyState'), checker), false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
