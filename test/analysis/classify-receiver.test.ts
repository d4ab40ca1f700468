// The receiver classifier against the fixture projects, which are typed by the real packages
// (ws, @types/ws, @types/node, DOM lib, bun-types, @cloudflare/workers-types, …). Each close-like
// call carries an `@expect-receiver` comment saying what its receiver is.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { createAnalysisContext } from '../../server/src/analysis/context';
import { findCloseCalls } from '../../server/src/analysis/find-close-calls';
import { listFixtureProjects, loadFixtureProject, readExpectations } from '../harness/fixture-project';

for (const name of listFixtureProjects()) {
  describe(`fixture project ${name}`, () => {
    const project = loadFixtureProject(name);
    for (const file of project.files) {
      const expectations = readExpectations(file);
      if (expectations.length === 0) continue;
      const sites = findCloseCalls(createAnalysisContext(project.program, file));
      for (const expected of expectations) {
        const label = `${file.fileName.slice(project.dir.length + 1)}:${expected.line + 1} → ${expected.runtimes === 'not-websocket' ? 'not-websocket' : `${expected.runtimes.join('|')} ${expected.confidence}`}`;
        it(label, () => {
          const onLine = sites.filter((s) => ts.getLineAndCharacterOfPosition(file, s.call.getStart()).line === expected.line);
          if (expected.runtimes === 'not-websocket') {
            assert.deepEqual(onLine.map((s) => s.runtimes), [], 'must not be classified as a WebSocket');
            return;
          }
          assert.equal(onLine.length, 1, `expected one close-like call on the line, found ${onLine.length}`);
          const site = onLine[0]!;
          assert.deepEqual([...site.runtimes].sort(), [...expected.runtimes].sort());
          assert.equal(site.confidence, expected.confidence);
        });
      }
    }
  });
}

describe('browser-typed receivers followed to their source (classify-receiver serverSocketTypedAsBrowser)', () => {
  for (const name of ['dom', 'node-global']) it(`${name}: a client made with the global constructor keeps the browser type's answer on a platform whose global WebSocket is another runtime`, () => {
    const project = loadFixtureProject(name);
    for (const file of project.files) {
      const expectations = readExpectations(file).filter((e) => e.runtimes !== 'not-websocket' && e.runtimes.includes('whatwg'));
      if (expectations.length === 0) continue;
      const sites = findCloseCalls(createAnalysisContext(project.program, file, 'cloudflare'));
      for (const expected of expectations) {
        const site = sites.find((s) => ts.getLineAndCharacterOfPosition(file, s.call.getStart()).line === expected.line);
        assert.deepEqual(site?.runtimes, expected.runtimes, `${file.fileName}:${expected.line + 1}`);
      }
    }
  });
});
