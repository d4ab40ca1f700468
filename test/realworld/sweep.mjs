// The whole-repository reliability sweep (issue 12): the built CLI over every repository of the
// real-world corpus, as checked out (and installed) by run.mjs under --work, from each package
// folder with `--format json`. Nothing is checked out or installed here: the sweep only reads.
// Counted per repository: the exit code (2 = a crash of the run), the time, the files, findings,
// and every fatal per-file note; each "Cannot check the file" note is tried against TypeScript's
// parser alone, in this process, to tell a file TypeScript itself cannot parse from one it can.
//
//   node test/realworld/sweep.mjs [--work /work/realworld] [--only owner/name] [--timeout 900] [--out test/realworld/SWEEP.md]
//
// Exits 1 when a run crashed (exit 2, a signal, a time-out, output that is not JSON) or a
// "cannot check" note is on a file TypeScript parses; 0 otherwise.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OWN_REPO = path.resolve(HERE, '..', '..');
const ts = createRequire(import.meta.url)('typescript');
const { values: options } = parseArgs({
  options: {
    work: { type: 'string' },
    only: { type: 'string', multiple: true },
    timeout: { type: 'string' },
    out: { type: 'string' },
  },
});
const WORK = path.resolve(options.work ?? '/work/realworld');
const CLI = path.join(OWN_REPO, 'dist', 'cli.js');
const TIMEOUT_MS = Number(options.timeout ?? 900) * 1000;
const OUT = path.resolve(options.out ?? path.join(HERE, 'SWEEP.md'));
const log = (text) => process.stderr.write(`${text}\n`);
const corpus = JSON.parse(fs.readFileSync(path.join(HERE, 'corpus.json'), 'utf8'));
const wanted = new Set(options.only ?? []);
const repos = corpus.repos.filter((entry) => wanted.size === 0 || wanted.has(entry.repo));

function run(args, cwd) {
  const started = Date.now();
  return new Promise((resolve) => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE_TEST_CONTEXT'));
    const child = spawn(process.execPath, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, ms: Date.now() - started, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** Whether TypeScript's parser alone throws on the file (what the CLI's note should only be for). */
function typescriptCannotParse(file) {
  try {
    ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    return false;
  } catch {
    return true;
  }
}

const rows = [];
for (const [index, entry] of repos.entries()) {
  const dir = path.join(WORK, entry.repo.replace('/', '__'));
  const row = { repo: entry.repo, ms: 0, files: 0, findings: 0, exit: [], crashes: [], cannotCheck: [], unexplained: [], otherFatal: [], installed: false, note: '' };
  rows.push(row);
  log(`[${index + 1}/${repos.length}] ${entry.repo}`);
  if (!fs.existsSync(dir)) {
    row.note = 'no checkout (run run.mjs first)';
    continue;
  }
  row.installed = (entry.packages ?? ['.']).some((pkg) => fs.existsSync(path.join(dir, pkg, 'node_modules'))) || fs.existsSync(path.join(dir, 'node_modules'));
  for (const pkg of entry.packages ?? ['.']) {
    const cwd = path.join(dir, pkg);
    if (!fs.existsSync(cwd)) {
      row.crashes.push(`${pkg}: package folder missing`);
      continue;
    }
    const result = await run([CLI, '--format', 'json'], cwd);
    row.ms += result.ms;
    row.exit.push(result.code ?? result.signal);
    if (result.timedOut || result.signal || (result.code !== 0 && result.code !== 1)) {
      row.crashes.push(`${pkg}: ${result.timedOut ? 'timed out' : result.signal ?? `exit ${result.code}`}: ${result.stderr.trim().split('\n').slice(-2).join(' ⏎ ')}`);
      continue;
    }
    let results;
    try {
      results = JSON.parse(result.stdout);
    } catch {
      row.crashes.push(`${pkg}: output is not JSON`);
      continue;
    }
    row.files += results.length;
    for (const fileResult of results) {
      for (const message of fileResult.messages) {
        if (message.ruleId) row.findings++;
        if (!message.fatal) continue;
        const where = path.relative(dir, fileResult.filePath);
        if (/Cannot check the file/.test(message.message)) {
          row.cannotCheck.push(where);
          if (!typescriptCannotParse(fileResult.filePath)) row.unexplained.push(where);
        } else row.otherFatal.push(`${where}: ${message.message.slice(0, 120)}`);
      }
    }
  }
  log(`  ${row.files} files, ${row.findings} findings, ${(row.ms / 1000).toFixed(1)} s, exit ${row.exit.join('/')}${row.crashes.length ? `, CRASH ${row.crashes.join('; ')}` : ''}`);
}

const sum = (key) => rows.reduce((total, row) => total + (Array.isArray(row[key]) ? row[key].length : row[key]), 0);
const lines = [
  '# Whole-repository sweep',
  '',
  `Command: \`node test/realworld/sweep.mjs\`  `,
  `Date: ${new Date().toISOString()}  `,
  `Repositories: ${rows.length}; with node_modules: ${rows.filter((row) => row.installed).length}; runs: ${rows.reduce((n, row) => n + row.exit.length, 0)}.`,
  '',
  `Totals: ${sum('files')} files checked, ${sum('findings')} findings, ${sum('crashes')} crashed runs (exit 2, signal, time-out), ` +
    `${sum('cannotCheck')} "cannot check" notes (${sum('unexplained')} on files TypeScript parses), ${sum('otherFatal')} other fatal notes, ` +
    `${(rows.reduce((n, row) => n + row.ms, 0) / 1000).toFixed(0)} s in all.`,
  '',
  '| repository | node_modules | files | findings | exit | time (s) | crashes | cannot check | other fatal |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (row) =>
      `| ${row.repo} | ${row.installed ? 'yes' : 'no'} | ${row.files} | ${row.findings} | ${row.exit.join('/') || '–'} | ${(row.ms / 1000).toFixed(1)} | ${row.crashes.join('; ') || 0} | ${row.cannotCheck.join(', ') || 0} | ${row.otherFatal.join('; ') || 0}${row.note ? ` (${row.note})` : ''} |`,
  ),
  '',
];
fs.writeFileSync(OUT, lines.join('\n'));
log(lines.slice(4, 7).join('\n'));
process.exitCode = sum('crashes') > 0 || sum('unexplained') > 0 ? 1 : 0;
