// End-to-end harness: a real VS Code (code-server 4.100.3, installed by e2e/install-code-server.sh)
// driven by playwright-core and Debian's Chromium, following shared/reference/real-editor-testing.md §2.
//
// Every run gets fresh state (XDG folders, user data, extensions), a free loopback port, no
// marketplace (EXTENSIONS_GALLERY={}), and its own process group, which `stop()` kills as a whole.
// Nothing sleeps blindly: every wait polls a condition with a deadline.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT } from '../harness/paths';

export { REPO_ROOT };
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER = path.join(REPO_ROOT, 'e2e', 'code-server', 'node_modules', '.bin', 'code-server');
export const WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'e2e-workspace');
export const ARTIFACTS = path.join(REPO_ROOT, 'test', 'e2e', 'artifacts');
export const EXTENSION_ID = 'wsclose.wsclose';
/** The extension-host test runner (compiled next to this file). */
export const HOST_RUNNER = path.join(__dirname, 'host', 'index.js');

const MANIFEST = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
export const VSIX = path.join(REPO_ROOT, `${MANIFEST.name}-${MANIFEST.version}.vsix`);

// ---------------------------------------------------------------------------------------------
// What is installed

/**
 * `code-server --version`'s version line when it is 4.100.3, else undefined. Its first run on a
 * machine logs "Wrote default config file …" before that line, so every line is looked at.
 */
function codeServerVersion(): string | undefined {
  if (!fs.existsSync(CODE_SERVER)) return undefined;
  const result = spawnSync(CODE_SERVER, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) return undefined;
  return (result.stdout ?? '').split('\n').find((line) => line.startsWith(`${CODE_SERVER_VERSION} `));
}

function findChromium(): string | undefined {
  const fromEnv = process.env['WSCLOSE_CHROMIUM'];
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : undefined;
  for (const name of ['chromium', 'chromium-browser']) {
    const result = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    const found = result.stdout.trim();
    if (result.status === 0 && found) return found;
  }
  return undefined;
}

export interface Environment {
  readonly codeServer: string | undefined;
  readonly chromium: string | undefined;
  /** Why the e2e tests cannot run here, or undefined. */
  readonly missing: string | undefined;
}

let environment: Environment | undefined;

/**
 * What the e2e tests need: code-server 4.100.3, Chromium, playwright-core, the built extension and,
 * when `vsix` is asked for, the packaged .vsix. With WSCLOSE_REQUIRE_EDITORS=1 (CI) anything missing
 * throws, so the test file fails instead of skipping.
 */
export function checkEnvironment(options: { vsix: boolean }): Environment {
  environment ??= (() => {
    const codeServer = codeServerVersion();
    const chromium = findChromium();
    return { codeServer, chromium, missing: undefined };
  })();
  const problems: string[] = [];
  if (!environment.codeServer) problems.push(`code-server ${CODE_SERVER_VERSION} is not installed (run e2e/install-code-server.sh; it needs apt-get install -y libkrb5-dev ripgrep)`);
  if (!environment.chromium) problems.push('chromium is not installed (apt-get install -y chromium)');
  if (!fs.existsSync(path.join(REPO_ROOT, 'node_modules', 'playwright-core'))) problems.push('playwright-core is not installed (npm ci)');
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'client.js'))) problems.push('the extension is not built (npm run build)');
  if (options.vsix && !fs.existsSync(VSIX)) problems.push(`${path.basename(VSIX)} does not exist (npm run package)`);
  const missing = problems.length > 0 ? problems.join('; ') : undefined;
  if (missing && process.env['WSCLOSE_REQUIRE_EDITORS'] === '1') throw new Error(`WSCLOSE_REQUIRE_EDITORS=1 but ${missing}`);
  return { ...environment, missing };
}

/** A warning when the .vsix is older than the sources it is built from (a forgotten `npm run package`). */
export function staleVsixWarning(): string | undefined {
  if (!fs.existsSync(VSIX)) return undefined;
  let newest = 0;
  let newestFile = '';
  const visit = (file: string): void => {
    if (!fs.existsSync(file)) return;
    const stat = fs.statSync(file);
    if (stat.isDirectory()) for (const name of fs.readdirSync(file)) visit(path.join(file, name));
    else if (stat.mtimeMs > newest) [newest, newestFile] = [stat.mtimeMs, file];
  };
  for (const source of ['client/src', 'server/src', 'l10n', 'syntaxes', 'package.json', 'package.nls.json', 'package.nls.fr.json']) visit(path.join(REPO_ROOT, source));
  return newest > fs.statSync(VSIX).mtimeMs ? `${path.basename(VSIX)} is older than ${path.relative(REPO_ROOT, newestFile)}: run npm run package to test the current sources` : undefined;
}

// ---------------------------------------------------------------------------------------------
// Waiting

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.on('timeout', () => {
      request.destroy();
      resolve(0);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// code-server

/** The user settings of every run (doc §2 "Running it"), plus the e2e's own. */
export const BASE_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  // The tests only edit buffers; the fixture on disk must never change.
  'files.autoSave': 'off',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
};

export interface CodeServerOptions {
  /** Install this .vsix into the fresh extensions folder first. */
  readonly vsix?: string;
  /** Extra user settings. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /**
   * code-server's --locale (VS Code's display language). VS Code only switches its display
   * language when a language pack for it is installed, and the packs come from the marketplace,
   * which is offline here. So the run declares an empty pack for the locale in the user-data
   * folder's languagepacks.json: VS Code's own strings stay English (their fallback), but the
   * display language, and so `vscode.env.language`, the extension's l10n bundle and the locale the
   * server receives, is `locale`.
   */
  readonly locale?: string;
  /** Extra environment for code-server and so for the extension host. */
  readonly env?: Readonly<Record<string, string>>;
  /** A name for the state folder and log (shows up in artifacts). */
  readonly name: string;
}

export interface CodeServer {
  readonly port: number;
  readonly origin: string;
  /** Fresh state folder of this run (user data, extensions, XDG folders, log). */
  readonly home: string;
  readonly logFile: string;
  /** The workbench URL opening `folder` (and the extension-host test payload, if given). */
  url(folder: string, payload?: ReadonlyArray<readonly [string, string]>): string;
  /** `vscode-remote://` URI of an absolute path on this machine, as the payload wants it. */
  remoteUri(absolutePath: string): string;
  log(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Last resort when a test process ends without stop() (a crash, a timeout, Ctrl+C): never leave a
// code-server behind.
process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of running) killGroup(child, 'SIGKILL');
    running.clear();
    process.kill(process.pid, signal);
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function codeServerEnv(home: string, extra: Readonly<Record<string, string>> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The test runner's own variables must not leak into VS Code's Node processes.
  for (const key of Object.keys(env)) if (key.startsWith('NODE_TEST') || key === 'NODE_OPTIONS' || key.startsWith('VSCODE_')) delete env[key];
  return {
    ...env,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    // No marketplace: otherwise code-server looks up open-vsx.org.
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

/** An empty language pack for `locale` (see CodeServerOptions.locale), as VS Code's languagepacks.json lists installed packs. */
function declareLanguagePack(userData: string, locale: string): void {
  const translations = path.join(userData, `e2e-language-pack.${locale}.i18n.json`);
  fs.writeFileSync(translations, JSON.stringify({ contents: {} }));
  const packs = { [locale]: { hash: `wsclose-e2e-${locale}`, extensions: [{ extensionIdentifier: { id: `wsclose-e2e.language-pack-${locale}` }, version: '0.0.0' }], translations: { vscode: translations }, label: locale } };
  fs.writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), `wsclose-e2e-${options.name}-`));
  const userData = path.join(home, 'ud');
  const extensions = path.join(home, 'ext');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...options.settings }, null, 2));
  if (options.locale && !options.locale.startsWith('en')) declareLanguagePack(userData, options.locale);
  const env = codeServerEnv(home, options.env);
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions];

  if (options.vsix) {
    const install = spawnSync(CODE_SERVER, [...common, '--install-extension', options.vsix], { env, encoding: 'utf8', timeout: 60_000 });
    if (install.status !== 0 || !/successfully installed/.test(install.stdout)) {
      throw new Error(`code-server --install-extension ${options.vsix} failed (exit ${install.status}):\n${install.stdout}${install.stderr}`);
    }
    const list = spawnSync(CODE_SERVER, [...common, '--list-extensions', '--show-versions'], { env, encoding: 'utf8', timeout: 60_000 });
    if (!list.stdout.includes(`${EXTENSION_ID}@${MANIFEST.version}`)) throw new Error(`${EXTENSION_ID}@${MANIFEST.version} is not listed after installing:\n${list.stdout}${list.stderr}`);
  }

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const logFile = path.join(home, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  const args = [
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(options.locale ? ['--locale', options.locale] : []),
    ...common,
  ];
  // detached: its own process group (setsid), so stop() reaches the extension host, the language
  // server and tsserver too.
  const child = spawn(CODE_SERVER, args, { env, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  running.add(child);
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = `code-server exited (${signal ?? code})`;
  });

  const server: CodeServer = {
    port,
    origin,
    home,
    logFile,
    url(folder, payload) {
      let url = `${origin}/?folder=${encodeURIComponent(folder)}`;
      if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return url;
    },
    remoteUri(absolutePath) {
      return `vscode-remote://127.0.0.1:${port}${absolutePath.split(path.sep).map(encodeURIComponent).join('/')}`;
    },
    log() {
      return fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
    },
    async stop() {
      if (!running.has(child)) return;
      running.delete(child);
      const pid = child.pid!;
      killGroup(child, 'SIGTERM');
      try {
        await waitFor('the code-server process group to exit', () => !groupAlive(pid), 8_000);
      } catch {
        killGroup(child, 'SIGKILL');
        await waitFor('the code-server process group to exit after SIGKILL', () => !groupAlive(pid), 5_000).catch(() => undefined);
      }
    },
  };

  try {
    await waitFor(`${origin}/healthz`, async () => {
      if (exited) throw new Error(`${exited}:\n${server.log()}`);
      return (await httpStatus(`${origin}/healthz`)) === 200 || undefined;
    }, 30_000);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

// ---------------------------------------------------------------------------------------------
// Chromium

export async function launchBrowser(chromium: string): Promise<Browser> {
  // require, not import(): loaded only when a test runs, and resolved like the other modules.
  const { chromium: playwright } = require('playwright-core') as typeof import('playwright-core');
  return playwright.launch({
    executablePath: chromium,
    // Playwright makes a fresh profile itself (it rejects --user-data-dir in args).
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 30_000,
  });
}

/** A page with a 1280×800 viewport whose console warnings and errors go to artifacts/<name>-console.log. */
export async function newWorkbenchPage(browser: Browser, name: string, locale?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, ...(locale ? { locale } : {}) });
  const page = await context.newPage();
  const log = artifactPath(`${name}-console.log`);
  fs.writeFileSync(log, '');
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') fs.appendFileSync(log, `[${message.type()}] ${message.text()}\n`);
  });
  page.on('pageerror', (error) => fs.appendFileSync(log, `[pageerror] ${error.stack ?? error.message}\n`));
  return page;
}

// ---------------------------------------------------------------------------------------------
// Artifacts and the fixture

export function artifactPath(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** Keeps code-server's log (and the extension host's logs) with the artifacts. */
export function saveLogs(server: CodeServer, name: string): void {
  const target = artifactPath(`${name}-logs`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  fs.copyFileSync(server.logFile, path.join(target, 'code-server.log'));
  const logs = path.join(server.home, 'ud', 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(target, 'vscode'), { recursive: true });
}

/** A hash of every file of the fixture workspace: the tests must leave it untouched on disk. */
export function fixtureHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(`${path.relative(WORKSPACE, full)}\0`).update(fs.readFileSync(full));
    }
  };
  walk(WORKSPACE);
  return hash.digest('hex');
}

export function removeHome(server: CodeServer): void {
  fs.rmSync(server.home, { recursive: true, force: true });
}
