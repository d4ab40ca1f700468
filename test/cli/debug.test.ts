// --debug and DEBUG=wsclose: on stderr, the pre-scan's verdict per file, the programs built, and
// for every close-like call why its receiver is or is not a WebSocket. Stdout is unchanged.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { debugFromEnvironment } from '../../server/src/cli/main';
import { runCli } from './harness';

const NO_DEBUG = { DEBUG: '' };

describe('--debug', { concurrency: 4 }, () => {
  it('pre-scan, programs and every receiver, with the grounds of each verdict', async () => {
    const run = await runCli('debug-project', ['--debug'], NO_DEBUG);
    assert.equal(run.exitCode, 0, run.stderr);
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('wsclose:debug '));
    assert.equal(lines.length, run.stderr.split('\n').filter(Boolean).length, 'every stderr line is a debug line');
    const debug = lines.map((l) => l.slice('wsclose:debug '.length));
    assert.deepEqual(debug.filter((l) => l.startsWith('pre-scan: ')), [
      'pre-scan: src/closers.ts: in (may contain a close-like call, or a call of a wrapper of one)',
      'pre-scan: src/constants.ts: out (no close-like call): only its wsclose- directives are checked',
    ]);
    const programs = debug.filter((l) => l.startsWith('program: '));
    assert.equal(programs.length, 1);
    assert.match(programs[0]!, /^program: tsconfig\.json: 1 root file, \d+ source files$/);
    const receivers = debug.filter((l) => l.startsWith('src/'));
    assert.deepEqual(receivers.map((l) => l.split(': ')[0]), ['src/closers.ts:7:3 ws.close()', 'src/closers.ts:11:3 stream.close()', 'src/closers.ts:15:3 value.close()', 'src/closers.ts:23:3 thing.close()']);
    assert.match(receivers[0]!, /: a WebSocket \(ws\), from its type `WebSocket` \(declared in node_modules\/@types\/ws\/index\.d\.ts\); checked\.$/);
    assert.match(receivers[1]!, /: not a WebSocket: its type `WriteStream` \(declared in node_modules\/@types\/node\/fs\.d\.ts\) is not a WebSocket class of a library wsclose knows .*; not checked\.$/);
    assert.match(receivers[2]!, /: unknown: its type `any` says nothing, and neither the socket's flow nor its usage shows a WebSocket; not checked\.$/);
    assert.match(receivers[3]!, /: not a WebSocket: its type `Closable` \(declared in src\/closers\.ts\) is the project's own structural type, and no socket flows into it; not checked\.$/);
    // The findings on stdout are the same as without --debug.
    assert.equal(run.stdout, (await runCli('debug-project', [], NO_DEBUG)).stdout);
  });

  it('says so when no file has WebSocket code (the report itself is empty)', async () => {
    const run = await runCli('debug-project', ['--debug', 'src/constants.ts'], NO_DEBUG);
    assert.equal(run.exitCode, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.deepEqual(run.stderr.split('\n').filter(Boolean), [
      'wsclose:debug pre-scan: src/constants.ts: out (no close-like call): only its wsclose- directives are checked',
      'wsclose:debug pre-scan: no file may contain a WebSocket close() call, so no program is built and nothing is reported',
    ]);
  });

  it('DEBUG=wsclose turns it on too; other DEBUG names do not', async () => {
    const on = await runCli('debug-project', ['src/constants.ts'], { DEBUG: 'express,wsclose' });
    assert.match(on.stderr, /^wsclose:debug pre-scan: src\/constants\.ts: out/m);
    assert.equal(debugFromEnvironment({ DEBUG: '*' }), true);
    assert.equal(debugFromEnvironment({ DEBUG: 'wsclose:*' }), true);
    assert.equal(debugFromEnvironment({ DEBUG: 'express' }), false);
    assert.equal(debugFromEnvironment({}), false);
  });
});
