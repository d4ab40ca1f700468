// Project loading: narrowing a program's roots to the files that can matter must not change a
// single finding (compared with the full program on the example app and every fixture project).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { createInferredProject, findTsconfig, loadTsconfigProject, mayAffectAnalysis, SourceFileCache } from '../../server/src/engine/project';
import { EXAMPLES, PROJECTS } from '../harness/paths';
import { equivalenceTsconfigs, findingsByFile } from '../harness/program-findings';

function findingsWith(tsconfig: string, narrowRoots: boolean): Map<string, string[]> {
  const project = loadTsconfigProject(tsconfig, ts.sys, undefined, { narrowRoots });
  return findingsByFile(project.program, project.fileNames);
}

describe('narrowed program roots', () => {
  for (const tsconfig of equivalenceTsconfigs()) {
    it(`same findings with and without narrowing: ${path.relative(path.dirname(EXAMPLES), tsconfig)}`, () => {
      assert.deepEqual(findingsWith(tsconfig, true), findingsWith(tsconfig, false));
    });
  }
  it('leaves out modules that cannot contain a close-like call', () => {
    const tsconfig = path.join(EXAMPLES, 'server', 'tsconfig.json');
    const narrowed = loadTsconfigProject(tsconfig, ts.sys, undefined, { narrowRoots: true });
    const full = loadTsconfigProject(tsconfig, ts.sys, undefined, { narrowRoots: false });
    assert.ok(narrowed.program.getRootFileNames().length < full.program.getRootFileNames().length);
  });

  it('keeps as roots the modules that reach outside themselves, and no module for its own namespaces', () => {
    const root = (text: string): boolean => mayAffectAnalysis('/p/a.ts', { readFile: () => text });
    assert.equal(root('export class Api {}\nexport declare namespace Api { type Id = string; }\n'), false);
    assert.equal(root('import { x } from "./x";\ndeclare module Legacy { const y: number; }\nnamespace Local {}\n'), false);
    assert.equal(root('export {};\ndeclare global { interface Window { feed?: WebSocket } }\n'), true);
    assert.equal(root("import 'ws';\ndeclare module 'ws' { interface WebSocket { id: string } }\n"), true);
    assert.equal(root('/// <reference lib="dom" />\nexport const url = "";\n'), true);
    assert.equal(root('/// <reference types="node" />\nexport {};\n'), true);
    assert.equal(root('export declare function f(): void;\nexport as namespace Lib;\n'), true);
    assert.equal(root('declare namespace Globals { const x: number; }\n'), true, 'a script');
    const fixture = loadTsconfigProject(path.join(PROJECTS, 'module-declarations', 'tsconfig.json'), ts.sys, undefined, { narrowRoots: true });
    assert.deepEqual(fixture.program.getRootFileNames().map((file) => path.basename(file)).sort(), ['browser-types.ts', 'feed.ts', 'window-feed.ts']);
  });
});

describe('program files parsed without parent pointers (SourceFileCache parentsFromBinder)', () => {
  for (const tsconfig of equivalenceTsconfigs()) {
    it(`same findings: ${path.relative(path.dirname(EXAMPLES), tsconfig)}`, () => {
      const bound = loadTsconfigProject(tsconfig, ts.sys, new SourceFileCache(undefined, { parentsFromBinder: true }));
      assert.deepEqual(findingsByFile(bound.program, bound.fileNames), findingsWith(tsconfig, true));
    });
  }

  it('leaves the parent pointers of a program file to its binder, and keeps them for a file read alone', () => {
    const cache = new SourceFileCache(undefined, { parentsFromBinder: true });
    const project = loadTsconfigProject(path.join(EXAMPLES, 'server', 'tsconfig.json'), ts.sys, cache);
    const file = project.program.getSourceFiles().find((candidate) => !candidate.isDeclarationFile)!;
    const everyNodeHasItsParent = (sourceFile: ts.SourceFile): boolean => {
      let all = true;
      const visit = (node: ts.Node): void => {
        ts.forEachChild(node, (child) => {
          if (child.parent !== node) all = false;
          visit(child);
        });
      };
      visit(sourceFile);
      return all;
    };
    assert.equal(file.statements[0]!.parent, undefined, 'not set while parsing');
    project.program.getTypeChecker();
    assert.ok(everyNodeHasItsParent(file), 'set by the binder, before the analysis reads the tree');
    const alone = cache.get(file.fileName, file.languageVersion, ts.sys);
    assert.notEqual(alone, file);
    assert.ok(alone && everyNodeHasItsParent(alone), 'a file read alone is never bound: parsed with its parents');
  });
});

describe('project references', () => {
  it("reads a referenced project's sources, not its unbuilt outputs, also through a cycle of references", () => {
    const tsconfig = path.join(PROJECTS, 'references', 'app', 'tsconfig.json');
    const file = path.join(PROJECTS, 'references', 'app', 'src', 'close.ts');
    const project = loadTsconfigProject(tsconfig, ts.sys);
    assert.ok(project.program.getSourceFile(file), 'the project keeps its own file');
    const findings = findingsByFile(project.program, [file]).get(file) ?? [];
    // The socket's type comes from ../lib's source: a typed finding, not a guess.
    assert.deepEqual(findings.map((f) => f.split(' ')[0]), ['reserved-code']);
    assert.doesNotMatch(findings[0]!, /inferred/i);
  });
});

describe('project discovery', () => {
  it('finds the nearest tsconfig.json', () => {
    const file = path.join(EXAMPLES, 'web', 'src', 'chat-client.ts');
    assert.equal(findTsconfig(file, ts.sys), path.join(EXAMPLES, 'web', 'tsconfig.json').replace(/\\/g, '/'));
  });
  it('reports tsconfig problems as diagnostics instead of throwing', () => {
    const host = { ...ts.sys, readFile: (f: string) => (f.endsWith('broken/tsconfig.json') ? '{ "compilerOptions": { "strict": tru' : ts.sys.readFile(f)) };
    const project = loadTsconfigProject('/nonexistent/broken/tsconfig.json', host);
    assert.ok(project.configDiagnostics.length > 0);
  });
  it('an inferred project types loose JavaScript with the installed @types', () => {
    const file = path.join(PROJECTS, 'plain-js-typed', 'src', 'bridge.js');
    const project = createInferredProject([file], ts.sys);
    assert.ok(project.program.getSourceFile(file));
    assert.ok(project.program.getSourceFiles().some((f) => f.fileName.includes('/node_modules/@types/ws/')), "require('ws') resolves to @types/ws");
  });
});
