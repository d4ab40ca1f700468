/// <reference types="vscode" />
// The extension-host test runner: code-server loads this module as `extensionTestsPath` (the
// workbench's `payload` URL, shared/reference/real-editor-testing.md §2) and calls `run()` inside
// its Node extension host, with the full `vscode` API and the extension under development loaded.
//
// The outer test (test/e2e/extension-host.test.ts) passes its configuration through the
// WSCLOSE_E2E_CONFIG environment variable (code-server hands its environment to the extension
// host) and reads the results from the file this runner writes: after every test (so a hang shows
// where it happened) and once more with `done: true` at the end. It never throws: failures are data.
import * as fs from 'node:fs';
import type { HostConfig, HostResult, HostReport } from './protocol';
import { CODE_MAP_TESTS } from './code-map-tests';
import { HOST_TESTS, progress } from './tests';

function write(file: string, report: HostReport): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(report, null, 2));
  fs.renameSync(temporary, file);
}

function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name}: timed out after ${ms} ms during: ${progress.step}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function run(): Promise<void> {
  const configFile = process.env['WSCLOSE_E2E_CONFIG'];
  if (!configFile) throw new Error('WSCLOSE_E2E_CONFIG is not set: this runner only works under test/e2e/extension-host.test.ts');
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as HostConfig;
  const results: HostResult[] = [];
  const started = Date.now();
  write(config.resultFile, { done: false, results, ms: 0 });
  const only = config.only ? new RegExp(config.only) : undefined;
  for (const test of [...HOST_TESTS, ...CODE_MAP_TESTS].filter((t) => t.suites.includes(config.suite) && (!only || only.test(t.name) || t.name.startsWith('the extension activates')))) {
    const start = Date.now();
    progress.step = 'start';
    try {
      await withTimeout(test.run(config), test.timeoutMs ?? 45_000, test.name);
      results.push({ name: test.name, ok: true, ms: Date.now() - start });
    } catch (error) {
      results.push({ name: test.name, ok: false, ms: Date.now() - start, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
    write(config.resultFile, { done: false, results, ms: Date.now() - started });
  }
  write(config.resultFile, { done: true, results, ms: Date.now() - started });
}
