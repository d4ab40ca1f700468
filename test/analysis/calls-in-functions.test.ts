// The per-file index of calls made inside named functions (analysis/calls-in-functions.ts) is
// built in one walk down each file, reading each function's name and parameters once. Every
// entry must equal what the call's own ancestors say, found by walking up from the call: the
// functions around it, which of them have a parameter the arguments mention (or a name the body
// takes apart from one: `const { code, reason } = options`), and the innermost.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { callsInFunctionsOf } from '../../server/src/analysis/calls-in-functions';
import { lastName } from '../../server/src/analysis/socket-flow/file-index';
import { functionNameNode, isFunctionLike } from '../../server/src/analysis/syntax';
import { EXAMPLES, PROJECTS, REPO_ROOT } from '../harness/paths';

/** Every TypeScript and JavaScript file of the fixture projects and the example app (node_modules aside). */
function sourceFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (/\.[cm]?[jt]sx?$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) found.push(full);
    }
  };
  walk(PROJECTS);
  walk(EXAMPLES);
  return found.sort();
}

/** Names a parameter binds, destructuring included, read from the syntax. */
function namesBound(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isBindingElement(element) ? namesBound(element.name) : []));
}

/** The names a function's parameters bind, and those a top-level `const { … } = parameter` of its body takes from one. */
function parameterNames(fn: ts.SignatureDeclaration & { body?: ts.Node }): string[] {
  const names = fn.parameters.flatMap((p) => namesBound(p.name));
  const plain = new Set(fn.parameters.flatMap((p) => (ts.isIdentifier(p.name) ? [p.name.text] : [])));
  const statements = fn.body && ts.isBlock(fn.body) ? fn.body.statements : [];
  for (const statement of statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      if (ts.isObjectBindingPattern(d.name) && d.initializer && ts.isIdentifier(d.initializer) && plain.has(d.initializer.text)) names.push(...namesBound(d.name));
    }
  }
  return names;
}

/** Identifiers written in an argument, not looking into functions written there. */
function identifiersWritten(node: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) names.add(n.text);
    if (!isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  visit(node);
  return names;
}

/** The entry a call should have, from the call upward: `method innermost | forwarders`. */
function expectedEntry(call: ts.CallExpression, method: string): string | undefined {
  const around: ts.Node[] = [];
  for (let node: ts.Node | undefined = call.parent; node; node = node.parent) if (isFunctionLike(node)) around.unshift(node);
  if (around.length === 0) return undefined;
  const mentioned = new Set(call.arguments.flatMap((argument) => [...identifiersWritten(argument)]));
  const describe = (fn: ts.Node): string => `${functionNameNode(fn)!.text}@${fn.getStart()}`;
  const forwarders = around.filter((fn) => functionNameNode(fn) && parameterNames(fn as ts.SignatureDeclaration & { body?: ts.Node }).some((n) => mentioned.has(n)));
  const innermost = around[around.length - 1]!;
  return `${method} ${functionNameNode(innermost) ? describe(innermost) : '-'} | ${forwarders.map(describe).join(' ')}`;
}

describe('calls in functions: the index equals what each call’s ancestors say', () => {
  for (const file of sourceFiles()) {
    it(path.relative(REPO_ROOT, file), () => {
      const sourceFile = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const expected: string[] = [];
      const visit = (node: ts.Node): void => {
        const method = ts.isCallExpression(node) ? lastName(node.expression) : undefined;
        const entry = method && expectedEntry(node as ts.CallExpression, method);
        if (entry) expected.push(entry);
        ts.forEachChild(node, visit);
      };
      visit(sourceFile);
      const describe = (fn: { name: string; fn: ts.Node }): string => `${fn.name}@${fn.fn.getStart()}`;
      const actual = callsInFunctionsOf(sourceFile).map((call) => `${call.method} ${call.innermost ? describe(call.innermost) : '-'} | ${call.forwarders.map(describe).join(' ')}`);
      assert.deepEqual(actual, expected);
    });
  }
});
