// The engine owns the project model: only server/src/engine creates TypeScript programs and
// language services, so the CLI, the language server and the ESLint plugin cannot drift apart in
// how they build them; and every hook into TypeScript that its public typings do not declare is
// in engine/typescript-internals.ts, so a TypeScript upgrade has one file to check. Each file's
// syntax is read with TypeScript (calls and property names, not text, so comments do not count).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { REPO_ROOT } from '../harness/paths';

const SRC = path.join(REPO_ROOT, 'server', 'src');
const ENGINE = path.join(SRC, 'engine') + path.sep;
const INTERNALS = path.join(SRC, 'engine', 'typescript-internals.ts');

/** Calls that make a program or a language service. */
const CREATORS = new Set(['createProgram', 'createLanguageService', 'createWatchProgram', 'createSemanticDiagnosticsBuilderProgram', 'createEmitAndSemanticDiagnosticsBuilderProgram']);
/** Members TypeScript reads or offers without declaring them where we use them. */
const INTERNAL_MEMBERS = new Set(['getResolvedModule', 'useSourceOfProjectReferenceRedirect', 'hasInvalidatedResolutions']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** `name@line` of each use of the given names: called (`ts.createProgram(…)`) or as a property (`x.getResolvedModule`, `{ hasInvalidatedResolutions: … }`). */
function uses(file: string, names: ReadonlySet<string>, kind: 'call' | 'member'): string[] {
  const sourceFile = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, name: string): void => {
    found.push(`${name}@${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}`);
  };
  const visit = (node: ts.Node): void => {
    if (kind === 'call' && ts.isCallExpression(node)) {
      const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression;
      if (ts.isIdentifier(callee) && names.has(callee.text)) at(node, callee.text);
    }
    if (kind === 'member') {
      if (ts.isPropertyAccessExpression(node) && names.has(node.name.text)) at(node, node.name.text);
      if ((ts.isPropertyAssignment(node) || ts.isMethodDeclaration(node) || ts.isPropertySignature(node)) && ts.isIdentifier(node.name) && names.has(node.name.text)) at(node, node.name.text);
      if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal) && names.has(node.literal.text)) at(node, node.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

describe('the engine owns the project model', () => {
  const files = sourceFiles(SRC);

  it('only server/src/engine creates TypeScript programs and language services', () => {
    const outside = files.filter((file) => !file.startsWith(ENGINE)).flatMap((file) => uses(file, CREATORS, 'call').map((use) => `${path.relative(SRC, file)}: ${use}`));
    assert.deepEqual(outside, []);
  });

  it('the engine does create them (the names above are the ones it uses)', () => {
    const inside = files.filter((file) => file.startsWith(ENGINE)).flatMap((file) => uses(file, CREATORS, 'call'));
    assert.ok(inside.some((use) => use.startsWith('createProgram@')));
    assert.ok(inside.some((use) => use.startsWith('createLanguageService@')));
  });

  it('TypeScript internals are touched in engine/typescript-internals.ts only', () => {
    const elsewhere = files.filter((file) => file !== INTERNALS).flatMap((file) => uses(file, INTERNAL_MEMBERS, 'member').map((use) => `${path.relative(SRC, file)}: ${use}`));
    assert.deepEqual(elsewhere, []);
    const there = uses(INTERNALS, INTERNAL_MEMBERS, 'member').map((use) => use.slice(0, use.indexOf('@')));
    assert.deepEqual([...new Set(there)].sort(), [...INTERNAL_MEMBERS].sort());
  });
});
