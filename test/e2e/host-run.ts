// Runs the extension-host tests (./host/) in a fresh code-server through the workbench's `payload`
// URL (extensionDevelopmentPath + extensionTestsPath, shared/reference/real-editor-testing.md §2)
// and reports each of them as a node:test subtest.
//
// Synchronisation: the config file is written before code-server starts, and its path travels in
// WSCLOSE_E2E_CONFIG (code-server's environment is the extension host's). The runner inside the
// host writes its results file after each test; this side polls it until `done`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TestContext } from 'node:test';
import type { CliCodeMap, CliResult, HostConfig, HostReport } from './host/protocol';
import { artifactPath, HOST_RUNNER, launchBrowser, newWorkbenchPage, REPO_ROOT, removeHome, saveLogs, startCodeServer, waitFor, WORKSPACE } from './harness';

/** `wsclose --format json` on the fixture workspace, the reference for the editor's diagnostics. */
export function cliResults(folder = WORKSPACE): CliResult[] {
  const cli = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), '--format', 'json', '.'], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
  if (cli.status !== 1) throw new Error(`wsclose --format json in ${folder} exited ${cli.status} (expected 1: it has errors on purpose):\n${cli.stderr}`);
  return JSON.parse(cli.stdout) as CliResult[];
}

/** `wsclose codes --format json` on the fixture workspace, the reference for the code map view. */
export function cliCodeMap(folder = WORKSPACE): CliCodeMap {
  const cli = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'codes', '--format', 'json', '.'], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
  if (cli.status !== 0) throw new Error(`wsclose codes --format json in ${folder} exited ${cli.status}:\n${cli.stderr}`);
  return JSON.parse(cli.stdout) as CliCodeMap;
}

export interface HostRunOptions {
  readonly suite: HostConfig['suite'];
  readonly chromium: string;
  /** code-server's --locale (and the browser's). */
  readonly locale?: string;
}

export async function runHostSuite(t: TestContext, options: HostRunOptions): Promise<void> {
  const name = `host-${options.suite}`;
  const started = Date.now();
  // The extension under development is the repository itself (its manifest and dist/ build);
  // the UI test covers the packaged .vsix.
  const extensionPath = REPO_ROOT;
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), `wsclose-e2e-${name}-`));
  const configFile = path.join(configDir, 'config.json');
  const resultFile = path.join(configDir, 'result.json');
  const only = process.env['WSCLOSE_E2E_ONLY'];
  const config: HostConfig = { suite: options.suite, resultFile, workspace: WORKSPACE, extensionPath, cli: cliResults(), codeMap: cliCodeMap(), examples: options.suite === 'en' ? cliResults(path.join(REPO_ROOT, 'examples')) : [], ...(only ? { only } : {}) };
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));

  const read = (): HostReport | undefined => (fs.existsSync(resultFile) ? (JSON.parse(fs.readFileSync(resultFile, 'utf8')) as HostReport) : undefined);
  let report: HostReport | undefined;
  const server = await startCodeServer({ name, ...(options.locale ? { locale: options.locale } : {}), env: { WSCLOSE_E2E_CONFIG: configFile } });
  try {
    const browser = await launchBrowser(options.chromium);
    try {
      const page = await newWorkbenchPage(browser, name, options.locale);
      try {
        await page.goto(
          server.url(WORKSPACE, [
            ['extensionDevelopmentPath', server.remoteUri(extensionPath)],
            ['extensionTestsPath', server.remoteUri(HOST_RUNNER)],
          ]),
        );
        await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
        report = await waitFor('the extension-host tests to finish', () => (read()?.done ? read() : undefined), 150_000, 250).catch((error: unknown) => {
          throw new Error(`${error instanceof Error ? error.message : String(error)}; results so far: ${JSON.stringify(read()?.results ?? 'none (the runner never started)')}`);
        });
        if (report.results.some((r) => !r.ok)) await page.screenshot({ path: artifactPath(`${name}-failure.png`) });
      } catch (error) {
        await page.screenshot({ path: artifactPath(`${name}-failure.png`) }).catch(() => undefined);
        throw error;
      }
    } finally {
      await browser.close().catch(() => undefined);
    }
  } finally {
    await server.stop();
    saveLogs(server, name);
    removeHome(server);
    fs.rmSync(configDir, { recursive: true, force: true });
  }
  t.diagnostic(`${name}: ${report.results.length} tests ran in the extension host in ${report.ms} ms; ${Date.now() - started} ms with code-server and Chromium`);
  for (const result of report.results) {
    await t.test(`${result.name} (${result.ms} ms)`, () => {
      if (!result.ok) {
        const error = new Error(`in the extension host: ${result.error ?? 'failed'}`);
        error.stack = error.message;
        throw error;
      }
    });
  }
}
