// Refactors on a numeric close code: a named constant instead, or a comment with its name.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { refactorsAt, type CodeRefactor } from '../../../server/src/lsp/features/refactors';
import { allRulesConfig } from '../../harness/snippet-project';
import { featureSnippets, withCodes, type FeatureSnippet } from './helpers';

const WS = `import WebSocket from 'ws';\ndeclare const ws: WebSocket;\n`;

function refactors(s: FeatureSnippet, marker = ''): CodeRefactor[] {
  const offset = s.offsets[marker];
  assert.ok(offset !== undefined, `marker '${marker}' missing`);
  return refactorsAt(s.program, s.sourceFile, { start: offset, end: offset }, s.context);
}

/** Applies LSP edits (line/character) to the snippet's code. */
function apply(s: FeatureSnippet, refactor: CodeRefactor): string {
  const offsetOf = (p: { line: number; character: number }) => s.sourceFile.getPositionOfLineAndCharacter(p.line, p.character);
  return [...refactor.edits]
    .map((e) => ({ start: offsetOf(e.range.start), end: offsetOf(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start)
    .reduce((text, e) => text.slice(0, e.start) + e.text + text.slice(e.end), s.code);
}

describe('refactors on a close code literal', () => {
  const [local, none, received, commented, notCode, configured] = featureSnippets([
    {
      source:
        `${WS}const POLICY = 1008;\nenum Close { Policy = 1008, Normal = 1000 }\nconst CODES = { policy: 1008, nested: { policy: 1008 } } as const;\n` +
        `const mutable = { policy: 1008 };\nlet later = 1008;\nfunction f() {\n  ws.close(/*|*/1008, 'banned');\n  const AFTER = 1008;\n  return AFTER;\n}\nf();`,
    },
    { source: `${WS}ws.close(/*|*/1011);` },
    { source: `declare const ws: WebSocket;\nconst ABNORMAL = 1006;\nws.onclose = (e) => { if (e.code === /*|*/1006) console.log(ABNORMAL); };`, env: 'dom' },
    { source: `${WS}ws.close(/*|*/1008 /* Policy Violation */);` },
    { source: `${WS}setTimeout(() => ws.close(), /*|*/1000);` },
    { source: `${WS}ws.close(4001/*|*/);`, config: withCodes([{ code: 4001, name: 'Room Closed' }]) },
  ]);
  // Unused, Unassigned, Unregistered (3000–3999), Private Use and Invalid are ranges' classes.
  const [registered3xxx, ...unnamed] = featureSnippets([3003, 401, 2000, 3001, 4001, 5000].map((code) => ({ source: `${WS}ws.close(/*|*/${code});` })));

  it('offers every in-scope name for the value, then the comment', () => {
    const list = refactors(local!);
    assert.deepEqual(
      list.map((r) => r.title),
      [
        'Replace 1008 with POLICY',
        'Replace 1008 with Close.Policy',
        'Replace 1008 with CODES.policy',
        'Replace 1008 with CODES.nested.policy',
        'Add a comment with the registry name (Policy Violation)',
      ],
    );
    assert.ok(list.every((r) => r.kind === 'refactor.rewrite'));
    assert.match(apply(local!, list[1]!), /ws\.close\(Close\.Policy, 'banned'\)/);
    assert.match(apply(local!, list[4]!), /ws\.close\(1008 \/\* Policy Violation \*\/, 'banned'\)/);
  });

  it('only the comment when the project has no name for the value', () => {
    assert.deepEqual(refactors(none!).map((r) => r.title), ['Add a comment with the registry name (Internal Error)']);
  });

  it('received codes in comparisons too', () => {
    assert.deepEqual(refactors(received!).map((r) => r.title), ['Replace 1006 with ABNORMAL', 'Add a comment with the registry name (Abnormal Closure)']);
  });

  it('no comment when one is already there; nothing on numbers that are not close codes', () => {
    assert.deepEqual(refactors(commented!).map((r) => r.title), []);
    assert.deepEqual(refactors(notCode!), []);
  });

  it('no comment for a code without a name of its own (a range\'s class is not a name)', () => {
    for (const snippet of unnamed) assert.deepEqual(refactors(snippet).map((r) => r.title), [], snippet.code.split('\n').at(-1));
    assert.deepEqual(refactors(registered3xxx!).map((r) => r.title), ['Add a comment with the registry name (Forbidden)']);
  });

  it("the project's configured name in the comment", () => {
    assert.equal(apply(configured!, refactors(configured!).at(-1)!), `${WS}ws.close(4001 /* Room Closed */);`);
  });
});

describe('refactors: exports of modules the file already imports', () => {
  it('adds the name to the existing named import', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-refactor-'));
    try {
      fs.writeFileSync(path.join(dir, 'codes.ts'), 'export const NORMAL = 1000;\nexport const OTHER = 1;\nexport const RETRY_MS = 1000;\n');
      const mainText = `import { OTHER } from './codes';\ndeclare const ws: WebSocket;\nws.close(1000, String(OTHER));\n`;
      fs.writeFileSync(path.join(dir, 'main.ts'), mainText);
      const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [] };
      const program = ts.createProgram([path.join(dir, 'main.ts')], options);
      const sourceFile = program.getSourceFile(path.join(dir, 'main.ts'))!;
      const offset = mainText.indexOf('1000');
      const list = refactorsAt(program, sourceFile, { start: offset, end: offset + 4 }, { config: allRulesConfig(), appProfiles: [], locale: 'en', inlayHints: true });
      assert.deepEqual(list.map((r) => r.title), [
        'Replace 1000 with NORMAL',
        'Replace 1000 with RETRY_MS',
        'Add a comment with the registry name (Normal Closure)',
      ]);
      const edited = [...list[0]!.edits]
        .map((e) => ({ start: sourceFile.getPositionOfLineAndCharacter(e.range.start.line, e.range.start.character), end: sourceFile.getPositionOfLineAndCharacter(e.range.end.line, e.range.end.character), text: e.newText }))
        .sort((a, b) => b.start - a.start)
        .reduce((text, e) => text.slice(0, e.start) + e.text + text.slice(e.end), mainText);
      assert.equal(edited, `import { OTHER, NORMAL } from './codes';\ndeclare const ws: WebSocket;\nws.close(NORMAL, String(OTHER));\n`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
