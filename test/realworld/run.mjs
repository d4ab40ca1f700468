// The real-world corpus run (test/realworld/README.md): for each repository of corpus.json, a
// checkout at its pinned commit from the local mirror, its dependencies installed with scripts
// disabled, the built wsclose CLI run from each package folder as `npx wsclose` would run, and
// the findings scored against labels/ and triage/ → RESULTS.md (and JSON on stdout with --json).
//
//   npm run test:realworld
//   node test/realworld/run.mjs --only owner/name --work /tmp/rw --wsclose ../other-checkout --json
//
// Options: --only owner/name (repeatable), --wsclose <repo> (whose dist/cli.js runs; default: this
// repository), --work <dir> (checkouts; default /work/realworld), --mirrors <dir> (default
// /work/.mirror), --reinstall (install even when node_modules exists), --timeout <s> (wsclose
// runs of one repository together; default 900), --install-timeout <s> (each install; default
// 900), --out <file> (default test/realworld/RESULTS.md), --corpus <file> (default corpus.json
// here; labels and triage are always read from here), --jobs <n> (repositories run at once; default
// 1: installs and lint runs of a repository stay serial, its log lines are prefixed with its name
// when n > 1), --json.
//
// A repository that cannot be checked out (no mirror) is reported as skipped; a failed install is
// noted and wsclose still runs (a user's editor would too); a wsclose run that exits with 2, dies
// or times out is a crash. The script itself exits 0 whatever the scores.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { renderMarkdown } from './report.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OWN_REPO = path.resolve(HERE, '..', '..');
const log = (text) => process.stderr.write(`${text}\n`);

const { values: options } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    wsclose: { type: 'string' },
    work: { type: 'string' },
    mirrors: { type: 'string' },
    reinstall: { type: 'boolean' },
    timeout: { type: 'string' },
    'install-timeout': { type: 'string' },
    out: { type: 'string' },
    corpus: { type: 'string' },
    jobs: { type: 'string' },
    json: { type: 'boolean' },
  },
});
const WSCLOSE = path.resolve(options.wsclose ?? OWN_REPO);
const CLI = path.join(WSCLOSE, 'dist', 'cli.js');
const WORK = path.resolve(options.work ?? '/work/realworld');
const MIRRORS = path.resolve(options.mirrors ?? '/work/.mirror');
const LINT_BUDGET_MS = Number(options.timeout ?? 900) * 1000;
const INSTALL_TIMEOUT_MS = Number(options['install-timeout'] ?? 900) * 1000;
const OUT = path.resolve(options.out ?? path.join(HERE, 'RESULTS.md'));

// The scorer is TypeScript (so that `npm test` checks it), compiled by `tsc -b` into out/.
const SCORER = path.join(OWN_REPO, 'out', 'test', 'realworld', 'score.js');
for (const [file, fix] of [[CLI, `node esbuild.mjs in ${WSCLOSE}`], [SCORER, `npx tsc -b in ${OWN_REPO}`]]) {
  if (!fs.existsSync(file)) {
    log(`${file} is missing: run ${fix} first (npm run test:realworld does).`);
    process.exit(2);
  }
}
const { scoreRepo, tally } = await import(pathToFileURL(SCORER).href);

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const corpus = readJson(path.resolve(options.corpus ?? path.join(HERE, 'corpus.json')));
const wanted = new Set(options.only ?? []);
const repos = corpus.repos.filter((entry) => wanted.size === 0 || wanted.has(entry.repo));
for (const name of wanted) if (!corpus.repos.some((entry) => entry.repo === name)) log(`wsclose realworld: ${name} is not in corpus.json.`);

/** Environment for child processes without the npm_* variables of `npm run` (they would configure the repositories' own installs). */
const childEnv = (extra = {}) => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD' && key !== 'NODE_TEST_CONTEXT'));
  return { ...env, ...extra };
};

/**
 * Runs a command to completion: exit code, signal, output, and whether it timed out. The child gets
 * its own process group so that a timeout kills what it started too (npx → pnpm → node).
 */
function runCommand(command, args, { cwd, timeoutMs, env = childEnv() }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, Math.max(1, timeoutMs));
    const finish = (code, signal, spawnError) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, spawnError, ms: Date.now() - started, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    };
    child.on('error', (error) => finish(null, null, error.message));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

const git = (cwd, ...args) => spawnSync('git', args, { cwd, encoding: 'utf8' });
const lastLines = (text, count = 3) => text.trim().split(/\r?\n/).slice(-count).join(' ⏎ ');

/** Why an install failed, in one line: the package manager's first error lines (pnpm writes them to stdout), else its last lines. */
function installError(result) {
  const lines = `${result.stdout}\n${result.stderr}`.split(/\r?\n/).map((line) => line.trim());
  // Error codes are upper case (ERR_PNPM_FETCH_404, ETARGET): matched without /i, or "engine" would count.
  const errors = lines.filter((line) => (/\b(?:ERR_[A-Z0-9_]+|E[A-Z]{4,})\b/.test(line) || /\berror\b/i.test(line)) && !/^(?:at |npm warn|\s*WARN\b)/i.test(line));
  const text = errors.length > 0 ? errors.slice(0, 2).join(' ⏎ ') : lastLines(result.stderr || result.stdout);
  return text.length > 240 ? `${text.slice(0, 239)}…` : text;
}

/** The fetched mirror of owner/name: <mirrors>/<owner>+<name>/repo (a bare git directory), matched without case as a fallback. */
function findMirror(repo) {
  const wantedName = repo.replace('/', '+');
  let names;
  try {
    names = fs.readdirSync(MIRRORS);
  } catch {
    return undefined;
  }
  const candidates = [wantedName, ...names.filter((name) => name !== wantedName && name.toLowerCase() === wantedName.toLowerCase())];
  for (const name of candidates) {
    const gitDir = path.join(MIRRORS, name, 'repo');
    if (fs.existsSync(path.join(gitDir, 'HEAD')) || fs.existsSync(path.join(gitDir, '.git'))) return gitDir;
  }
  return undefined;
}

/** A checkout of the pinned commit, reused when it is already there; throws a one-line reason otherwise. */
function ensureCheckout(entry, dir) {
  if (fs.existsSync(path.join(dir, '.git'))) {
    if (git(dir, 'rev-parse', 'HEAD').stdout.trim() === entry.commit) return 'reused';
    if (git(dir, 'cat-file', '-e', `${entry.commit}^{commit}`).status !== 0) {
      const fetched = git(dir, 'fetch', '--quiet', 'origin', entry.commit);
      if (fetched.status !== 0) throw new Error(`commit ${entry.commit} is not in ${dir} and cannot be fetched: ${lastLines(fetched.stderr, 1)}`);
    }
    const moved = git(dir, 'checkout', '--quiet', '--detach', entry.commit);
    if (moved.status !== 0) throw new Error(`cannot check out ${entry.commit} in ${dir}: ${lastLines(moved.stderr, 1)}`);
    return 'moved';
  }
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) throw new Error(`${dir} exists and is not a git checkout`);
  const mirror = findMirror(entry.repo);
  if (mirror === undefined) {
    const error = new Error(`no mirror under ${MIRRORS} (fetch github:${entry.repo} with the search tool)`);
    error.skipped = true;
    throw error;
  }
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const cloned = spawnSync('git', ['clone', '--quiet', '--no-checkout', mirror, dir], { encoding: 'utf8' });
  if (cloned.status !== 0) throw new Error(`git clone ${mirror} failed: ${lastLines(cloned.stderr, 1)}`);
  const checkedOut = git(dir, 'checkout', '--quiet', '--detach', entry.commit);
  if (checkedOut.status !== 0) throw new Error(`cannot check out ${entry.commit}: ${lastLines(checkedOut.stderr, 1)}`);
  return 'cloned';
}

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml'];
const INSTALL_ENV = { CI: 'true', HUSKY: '0', npm_config_ignore_scripts: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

/** A root package.json with `workspaces`, or a pnpm-workspace.yaml: the root install covers its packages. */
function declaresWorkspaces(dir) {
  if (fs.existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return true;
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).workspaces !== undefined;
  } catch {
    return false;
  }
}

function isYarnBerry(folder) {
  const lock = path.join(folder, 'yarn.lock');
  return fs.existsSync(lock) && fs.readFileSync(lock, 'utf8').slice(0, 500).includes('__metadata:');
}

function berryRelease(folder) {
  const rc = path.join(folder, '.yarnrc.yml');
  return fs.existsSync(rc) && /^yarnPath:/m.test(fs.readFileSync(rc, 'utf8'));
}

function berryVersion(folder) {
  const manager = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')).packageManager ?? '';
  return /^yarn@(\d+\.\d+\.\d+)/.exec(manager)?.[1] ?? '4';
}

/** Install attempts for a folder, best first: the lockfile as it is, then a looser install when that fails. */
function installAttempts(kind, folder) {
  const npmFlags = ['--ignore-scripts', '--no-audit', '--no-fund'];
  const hasNpmLock = fs.existsSync(path.join(folder, 'package-lock.json')) || fs.existsSync(path.join(folder, 'npm-shrinkwrap.json'));
  switch (kind) {
    case 'npm':
      return hasNpmLock
        ? [['npm', ['ci', ...npmFlags]], ['npm', ['install', ...npmFlags, '--legacy-peer-deps', '--no-package-lock']]]
        : [['npm', ['install', ...npmFlags, '--no-package-lock']], ['npm', ['install', ...npmFlags, '--legacy-peer-deps', '--no-package-lock']]];
    case 'pnpm':
      return [['npx', ['-y', 'pnpm@9', 'install', '--ignore-scripts', '--frozen-lockfile']], ['npx', ['-y', 'pnpm@9', 'install', '--ignore-scripts', '--no-frozen-lockfile']]];
    case 'yarn':
      // Yarn 2+ (a lockfile with __metadata, its release committed and named by .yarnrc.yml, which
      // yarn 1 hands over to) has no --ignore-scripts: --mode=skip-build does that.
      if (isYarnBerry(folder)) {
        // Without a committed release (no yarnPath), the version package.json names, from the npm registry.
        const yarn = berryRelease(folder) ? ['-y', 'yarn@1'] : ['-y', '-p', `@yarnpkg/cli-dist@${berryVersion(folder)}`, 'yarn'];
        return [['npx', [...yarn, 'install', '--mode=skip-build']], ['npx', [...yarn, 'install', '--mode=skip-build', '--no-immutable']]];
      }
      // --ignore-engines: a dependency asking for a newer Node than the machine's still type-checks.
      return [['npx', ['-y', 'yarn@1', 'install', '--ignore-scripts', '--ignore-engines', '--non-interactive', '--frozen-lockfile']], ['npx', ['-y', 'yarn@1', 'install', '--ignore-scripts', '--ignore-engines', '--non-interactive']]];
    default:
      return [];
  }
}

/**
 * Installs where a user would: the repository root when it has a package.json (workspaces install
 * from there), each package folder with a lockfile of its own, and, when the root declares no
 * workspaces, each package folder with a package.json (nothing else installs its dependencies).
 * Returns one note per folder.
 */
async function install(entry, dir) {
  if ((entry.install ?? 'none') === 'none') return [{ folder: '.', status: 'none' }];
  const folders = new Set();
  if (fs.existsSync(path.join(dir, 'package.json'))) folders.add('.');
  const workspaceRoot = declaresWorkspaces(dir);
  for (const pkg of entry.packages ?? ['.']) {
    if (!fs.existsSync(path.join(dir, pkg, 'package.json'))) continue;
    if (!workspaceRoot || LOCKFILES.some((lock) => fs.existsSync(path.join(dir, pkg, lock)))) folders.add(path.normalize(pkg));
  }
  const notes = [];
  for (const folder of folders) {
    const cwd = path.join(dir, folder);
    if (!options.reinstall && fs.existsSync(path.join(cwd, 'node_modules'))) {
      notes.push({ folder, status: 'present' });
      continue;
    }
    let note = { folder, status: 'failed', detail: 'no install command' };
    for (const [command, args] of installAttempts(entry.install, cwd)) {
      log(`  ${entry.repo}: install (${folder}): ${command} ${args.join(' ')}`);
      const result = await runCommand(command, args, { cwd, timeoutMs: INSTALL_TIMEOUT_MS, env: childEnv(INSTALL_ENV) });
      if (result.code === 0) {
        note = { folder, status: 'installed', command: `${command} ${args.join(' ')}`, ms: result.ms };
        break;
      }
      note = { folder, status: 'failed', command: `${command} ${args.join(' ')}`, detail: result.timedOut ? 'timed out' : (result.spawnError ?? installError(result)) };
    }
    notes.push(note);
  }
  return notes;
}

const toPosix = (file) => file.split(path.sep).join('/');
const realpath = (file) => {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
};

/** One `wsclose --format json` run from a package folder: its findings (repository-relative) or why it crashed. */
async function lintPackage(dir, pkg, deadline) {
  const cwd = path.join(dir, pkg);
  if (!fs.existsSync(cwd)) return { package: pkg, crashed: true, reason: 'package folder missing', findings: [], ms: 0 };
  const result = await runCommand(process.execPath, [CLI, '--format', 'json'], { cwd, timeoutMs: deadline - Date.now() });
  const run = { package: pkg, exitCode: result.code, ms: result.ms, findings: [], fileMessages: [] };
  const crash = (reason) => ({ ...run, crashed: true, reason });
  if (result.timedOut) return crash(`timed out after ${Math.round(result.ms / 1000)} s`);
  if (result.spawnError) return crash(result.spawnError);
  if (result.signal) return crash(`killed by ${result.signal}: ${lastLines(result.stderr)}`);
  if (result.code !== 0 && result.code !== 1) return crash(`exit ${result.code}: ${lastLines(result.stderr)}`);
  let results;
  try {
    results = JSON.parse(result.stdout);
  } catch {
    return crash(`output is not JSON (exit ${result.code}): ${lastLines(result.stderr || result.stdout)}`);
  }
  const root = realpath(dir);
  for (const fileResult of results) {
    const file = toPosix(path.relative(root, realpath(fileResult.filePath)));
    for (const message of fileResult.messages) {
      if (message.ruleId === null) {
        // Unused directives, unreadable or ignored files: not findings of a rule, listed as notes.
        run.fileMessages.push({ file, line: message.line, message: message.message, fatal: message.fatal === true });
        continue;
      }
      run.findings.push({
        file,
        line: message.line,
        column: message.column,
        rule: message.ruleId,
        message: message.message,
        ...(message.confidence !== undefined ? { confidence: String(message.confidence) } : {}),
      });
    }
  }
  return { ...run, crashed: false };
}

const fileKey = (repo) => `${repo.replace('/', '__')}.json`;
function readOptional(folder, repo) {
  const file = path.join(HERE, folder, fileKey(repo));
  return fs.existsSync(file) ? readJson(file) : undefined;
}

async function runRepo(entry) {
  const dir = path.join(WORK, entry.repo.replace('/', '__'));
  const report = { repo: entry.repo, commit: entry.commit, kind: entry.kind, packages: entry.packages ?? ['.'], notes: [] };
  try {
    report.checkout = ensureCheckout(entry, dir);
  } catch (error) {
    return { ...report, status: error.skipped ? 'skipped' : 'error', reason: error.message };
  }
  report.install = await install(entry, dir);
  const deadline = Date.now() + LINT_BUDGET_MS;
  report.runs = [];
  for (const pkg of report.packages) {
    log(`  ${entry.repo}: wsclose in ${pkg}`);
    report.runs.push(Date.now() < deadline ? await lintPackage(dir, pkg, deadline) : { package: pkg, crashed: true, reason: 'repository time budget used up', findings: [], ms: 0 });
  }
  const labels = readOptional('labels', entry.repo);
  const triage = readOptional('triage', entry.repo);
  if (labels !== undefined && labels.commit !== entry.commit) report.notes.push(`labels are for commit ${labels.commit}, corpus pins ${entry.commit}`);
  report.labelled = labels !== undefined;
  report.scoredLabels = (labels?.sites ?? []).filter((site) => site.confidence !== 'low').length;
  report.triaged = triage !== undefined;
  report.score = scoreRepo(labels?.sites ?? [], triage?.findings ?? [], report.runs.flatMap((run) => run.findings));
  return { ...report, status: 'ok' };
}

const started = Date.now();
const JOBS = Math.max(1, Number(options.jobs ?? 1) || 1);
// Reports in corpus order, whatever order the jobs finish in.
const reports = new Array(repos.length);
let next = 0;
async function worker() {
  while (next < repos.length) {
    const index = next++;
    const entry = repos[index];
    log(`[${index + 1}/${repos.length}] ${entry.repo}`);
    let report;
    try {
      report = await runRepo(entry);
    } catch (error) {
      report = { repo: entry.repo, commit: entry.commit, status: 'error', reason: error instanceof Error ? error.message : String(error) };
    }
    if (report.status !== 'ok') log(`  ${entry.repo}: ${report.status}: ${report.reason}`);
    reports[index] = report;
  }
}
await Promise.all(Array.from({ length: Math.min(JOBS, repos.length) }, worker));

const scored = reports.filter((report) => report.status === 'ok').map((report) => report.score);
const wscloseHead = git(WSCLOSE, 'rev-parse', '--short=12', 'HEAD').stdout.trim() || 'unknown';
const wscloseDirty = git(WSCLOSE, 'status', '--porcelain', '--untracked-files=no').stdout.trim() !== '';
const args = process.argv.slice(2).join(' ');
const summary = {
  command: process.env.npm_lifecycle_event === 'test:realworld' ? `npm run test:realworld${args ? ` -- ${args}` : ''}` : `node test/realworld/run.mjs${args ? ` ${args}` : ''}`,
  date: new Date().toISOString(),
  wsclose: { path: WSCLOSE, commit: wscloseHead, uncommittedChanges: wscloseDirty },
  minutes: Math.round((Date.now() - started) / 6000) / 10,
  corpusSize: corpus.repos.length,
  repos: reports,
  tally: { scored: tally(scored, 'scored'), all: tally(scored, 'all') },
};
fs.writeFileSync(OUT, renderMarkdown(summary));
log(`wsclose realworld: wrote ${path.relative(process.cwd(), OUT) || OUT}`);
if (options.json) {
  const mapsAsObjects = (_key, value) => (value instanceof Map ? Object.fromEntries(value) : value);
  process.stdout.write(`${JSON.stringify(summary, mapsAsObjects, 2)}\n`);
}
