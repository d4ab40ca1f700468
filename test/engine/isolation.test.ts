// The shared isolation mechanism (engine/isolation.ts) in-process: which file is to blame, where
// the report goes, and that an empty file stands in for it in programs built through the cache.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { bracketNesting, culpritMessage, deepestNesting, failureAlone, findCulprits, LeftOutFiles, parseOrLeaveOut } from '../../server/src/engine/isolation';
import { SourceFileCache } from '../../server/src/engine/project';
import type { ProjectHost } from '../../server/src/engine/project';

const PARENS = `const x = ${'('.repeat(10_000)}1${')'.repeat(10_000)};\n`;
const CHAIN = `declare const a: any;\nconst y = a${'.b'.repeat(20_000)};\n`;
const NORMAL = 'declare const ws: WebSocket;\nws.close(1006);\n';

function memoryHost(files: Record<string, string>): ProjectHost {
  return { ...ts.sys, readFile: (file) => files[file], fileExists: (file) => file in files || ts.sys.fileExists(file) };
}

describe('engine isolation', () => {
  it('a file the parser fails on is recorded and an empty file stands in for it', () => {
    const leftOut = new LeftOutFiles();
    const stub = parseOrLeaveOut('/p/deep.ts', PARENS, ts.ScriptTarget.Latest, leftOut);
    assert.equal(stub.text, '');
    const culprit = leftOut.get('/p/deep.ts');
    assert.ok(culprit);
    assert.equal(culprit.depth, 10_000);
    assert.equal(PARENS[culprit.position], '(');
    assert.equal(PARENS.slice(culprit.position + 1, culprit.position + 3), '1)');
    assert.match(culpritMessage(culprit), /^Cannot check the file: it is nested too deeply for TypeScript to analyze \(10,000 levels\); the other files are checked without it\.$/);
    // An ordinary file parses as usual and is not recorded.
    assert.equal(parseOrLeaveOut('/p/ok.ts', NORMAL, ts.ScriptTarget.Latest, leftOut).text, NORMAL);
    assert.equal(leftOut.size, 1);
  });

  it('findCulprits names the file that fails to bind alone, not its neighbours', () => {
    const files = { '/p/chain.ts': CHAIN, '/p/ok.ts': NORMAL };
    const cache = new SourceFileCache();
    const options: ts.CompilerOptions = { noEmit: true, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] };
    const host = { ...ts.createCompilerHost(options), getSourceFile: (name: string, version: ts.ScriptTarget) => cache.get(name, version, memoryHost(files)) };
    const program = ts.createProgram({ rootNames: Object.keys(files), options, host });
    assert.throws(() => program.getTypeChecker(), RangeError);
    const culprits = findCulprits(program, 'bind');
    assert.deepEqual(
      culprits.map((c) => [c.fileName, c.depth]),
      [['/p/chain.ts', 20_004]],
    );
    // Left out through the cache, the same program builds and binds.
    cache.leftOut.add(culprits[0]!);
    const rebuilt = ts.createProgram({ rootNames: Object.keys(files), options, host });
    assert.doesNotThrow(() => rebuilt.getTypeChecker());
    assert.equal(rebuilt.getSourceFile('/p/chain.ts')?.text, '');
    assert.equal(rebuilt.getSourceFile('/p/ok.ts')?.text, NORMAL);
  });

  it('no culprit when no file fails alone', () => {
    const program = ts.createProgram({ rootNames: [], options: {} });
    assert.deepEqual(findCulprits(program, 'check'), []);
    assert.equal(failureAlone('/p/ok.ts', NORMAL, 'check'), undefined);
  });

  it('depth: from the tree when it parsed, from the brackets (and JSX elements) when it did not', () => {
    const shallow = ts.createSourceFile('/p/a.ts', 'f((1));', ts.ScriptTarget.Latest, true);
    assert.deepEqual(deepestNesting(shallow), { depth: 4, position: 3 }, 'the literal 1 inside the parentheses');
    assert.deepEqual(bracketNesting('a[b[{c: (1)}]]', false), { depth: 4, position: 8 });
    assert.deepEqual(bracketNesting('<a><b>x</b><c/></a>', true).depth, 2);
    assert.equal(bracketNesting("'((((' + f()", false).depth, 1, 'brackets in strings do not count');
  });

  it('any other exception is named in the message', () => {
    const message = culpritMessage({ fileName: '/p/x.ts', position: 0, depth: 3, error: new Error('Debug Failure. False expression.') });
    assert.equal(message, 'Cannot check the file: TypeScript fails on it (Debug Failure. False expression.); the other files are checked without it.');
  });
});
