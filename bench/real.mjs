// wsclose benchmark on real repositories (issue 14): side by side, in one run, on the same files,
// the wsclose CLI (cold; then with --cache: nothing changed, one file edited), `tsc --noEmit -p`
// on the tsconfig(s) that cover those files, and eslint + typescript-eslint (projectService) with
// wsclose/eslint-plugin; plus one `--stats` block and one CPU profile per repository.
//
//   npm run bench:real                                   (≈20 min on 2 cores)
//   npm run bench:real -- --only twilio/twilio-video.js --runs 3 --ref-runs 2 --no-write
//   options: --work <dir> checkouts (default /work/realworld), --tmp <dir> (default
//   /tmp/wsclose-bench), --wsclose <checkout> whose dist/ runs (default this one; e.g. a
//   `git worktree` of HEAD built with `node esbuild.mjs`, while this one has edits), --no-eslint,
//   --no-profile, --no-write
//
// The repositories are the checkouts of test/realworld/run.mjs (`<work>/<owner>__<name>`, the
// commit of test/realworld/corpus.json, dependencies installed). A missing checkout, or one at
// another commit, skips its row with a note. Nothing is written into a checkout: each is copied to
// `<tmp>/<name>/repo` (cp -a, node_modules included, so that paths and workspace links stay
// as they are), every tool runs there, and the generated tsconfigs, ESLint config, cache and
// profile live in `<tmp>/<name>`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { findingKeys, loadAverage, machine, measure, median, TIME, writeBetweenMarkers } from './measure.mjs';
import { summarizeProfile } from './profile.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    runs: { type: 'string', default: '3' },
    'ref-runs': { type: 'string', default: '2' },
    work: { type: 'string', default: '/work/realworld' },
    wsclose: { type: 'string' }, // a checkout whose dist/ to measure (default: this one)
    tmp: { type: 'string', default: '/tmp/wsclose-bench' },
    'no-eslint': { type: 'boolean' },
    'no-profile': { type: 'boolean' },
    'no-lsp': { type: 'boolean' },
    'no-write': { type: 'boolean' },
    real: { type: 'boolean' }, // `npm run bench -- --real` forwards here
  },
});
const RUNS = Number(opt.runs);
const REF_RUNS = Number(opt['ref-runs']);
// The CLI and ESLint plugin are copied at the start (bench/.out/dist: node_modules still resolve),
// so that a rebuild of dist/ during the run (another checkout's `npm test`) cannot mix two builds.
const WSCLOSE = path.resolve(opt.wsclose ?? REPO);
const DIST = path.join(REPO, 'bench', '.out', 'dist');
const CLI = path.join(DIST, 'cli.js');
const PLUGIN = path.join(DIST, 'eslint-plugin.js');
const TSC = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
const ESLINT = path.join(REPO, 'node_modules', 'eslint', 'bin', 'eslint.js');
const log = (text) => process.stderr.write(`${text}\n`);
fs.mkdirSync(DIST, { recursive: true });
for (const name of ['cli.js', 'eslint-plugin.js', 'language-server.js']) {
  const built = path.join(WSCLOSE, 'dist', name);
  if (!fs.existsSync(built)) throw new Error(`dist/${name} is missing: run \`node esbuild.mjs\` first (npm run bench:real does).`);
  fs.copyFileSync(built, path.join(DIST, name));
}

/**
 * Which part of each repository is measured: `paths` are what wsclose and eslint are given (from
 * the repository's root), `tsconfigs` the projects that cover the same files (tsc runs once per
 * tsconfig, one after the other: wall times add up, peak RSS is the largest), `edit` the file the
 * "one file edited" runs change (a comment appended: its text changes, its findings do not).
 */
const TARGETS = [
  {
    repo: 'openai/openai-node',
    kind: 'TypeScript SDK, many files and dependencies (pnpm)',
    paths: ['src', 'tests', 'examples', 'scripts'], // the root tsconfig's "include"
    tsconfigs: ['tsconfig.json'],
    edit: 'src/realtime/ws.ts',
    // bench/lsp.mjs in the copy: edits toggle this close call's default code, hover and completion on it
    lsp: ['--file', 'src/realtime/ws.ts', '--replace', 'props?.code ?? 1000', '--with', 'props?.code ?? 1011', '--code-after', 'props?.code ?? ', '--src', 'src'],
  },
  {
    repo: 'cloudflare/sandbox-sdk',
    kind: 'monorepo, npm workspaces, one tsconfig per package',
    paths: ['packages/sandbox', 'packages/sandbox-container', 'packages/shared', 'tests/e2e'],
    // what `npm run typecheck` checks for these folders (turbo: each package's tsc; typecheck:e2e)
    tsconfigs: ['packages/sandbox/tsconfig.json', 'packages/sandbox-container/tsconfig.json', 'packages/shared/tsconfig.json', 'tests/e2e/tsconfig.json', 'tests/e2e/test-worker/tsconfig.json', 'tests/e2e/browser/tsconfig.json'],
    edit: 'packages/sandbox/src/preview-forwarding.ts',
  },
  {
    repo: 'twilio/twilio-video.js',
    kind: 'plain JavaScript (172 .js and 13 .ts in lib/; its tsconfig has allowJs)',
    paths: ['lib'],
    tsconfigs: ['tsconfig.json'],
    edit: 'lib/twilioconnection.js',
  },
];

const corpus = JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'realworld', 'corpus.json'), 'utf8'));
const git = (dir, ...args) => spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
const requireHere = createRequire(path.join(REPO, 'package.json'));

/** Checks out nothing: finds the checkout, checks its commit, copies it. Returns undefined (with a note) when it cannot. */
function prepare(target) {
  const entry = corpus.repos.find((r) => r.repo === target.repo);
  const checkout = path.join(opt.work, target.repo.replace('/', '__'));
  if (!entry) return void log(`${target.repo}: not in test/realworld/corpus.json, skipped.`);
  if (!fs.existsSync(path.join(checkout, 'node_modules'))) return void log(`${target.repo}: no checkout with dependencies at ${checkout} (run \`npm run test:realworld -- --only ${target.repo}\` first), skipped.`);
  const head = git(checkout, 'rev-parse', 'HEAD').stdout.trim();
  if (head !== entry.commit) return void log(`${target.repo}: ${checkout} is at ${head}, not the corpus commit ${entry.commit}, skipped.`);
  const dirty = git(checkout, 'status', '--porcelain').stdout.split('\n').filter(Boolean).map((line) => line.trim());
  const dir = path.join(opt.tmp, target.repo.split('/')[1]);
  const root = path.join(dir, 'repo');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  log(`${target.repo}: copying ${checkout} to ${root}…`);
  const copy = spawnSync('cp', ['-a', '--reflink=auto', checkout, root], { encoding: 'utf8' });
  if (copy.status !== 0) throw new Error(`cp -a ${checkout} ${root}: ${copy.stderr}`);
  // tsc stops before type checking when a tsconfig uses an option TypeScript 6 deprecates
  // (baseUrl, moduleResolution node…): each generated tsconfig extends the repository's and
  // silences that, so that tsc checks what wsclose checks (wsclose reads the repository's own).
  // It sits next to the one it extends, in the copy: `types` and automatic @types are looked up
  // from the tsconfig's folder, and a missing one is a global error after which tsc checks nothing.
  const tsconfigs = target.tsconfigs.map((tsconfig) => {
    const file = path.join(root, path.dirname(tsconfig), 'tsconfig.wsclose-bench.json');
    fs.writeFileSync(file, JSON.stringify({ extends: `./${path.basename(tsconfig)}`, compilerOptions: { ignoreDeprecations: '6.0', noEmit: true } }, null, 2));
    return file;
  });
  const eslintConfig = path.join(root, 'wsclose-bench.eslint.config.mjs'); // in the copy: ESLint's base path is the repository
  const tseslint = pathToFileURL(requireHere.resolve('typescript-eslint')).href;
  const plugin = pathToFileURL(PLUGIN).href;
  fs.writeFileSync(
    eslintConfig,
    `import tseslint from '${tseslint}';\nimport wsclose from '${plugin}';\n\nexport default [\n  { ignores: ['**/node_modules/**', '**/dist/**'] },\n  { linterOptions: { reportUnusedDisableDirectives: 'off' } },\n  tseslint.configs.base,\n  wsclose.configs.recommended,\n  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },\n];\n`,
  );
  return { ...target, commit: entry.commit, checkout, dirty, dir, root, tsconfigs, eslintConfig };
}

/** The numbers of a `--stats` block (stderr) and the block itself. */
function parseStats(stderr) {
  const block = /wsclose stats:\n([\s\S]*?\n\s*files [^\n]*)/.exec(stderr ?? '')?.[0];
  if (!block) return undefined;
  const num = (re) => Number(re.exec(block)?.[1] ?? NaN);
  return { block, files: num(/files (\d+)/), cached: num(/\((\d+) from the cache\)/) || 0, programs: num(/programs (\d+)/), programFiles: num(/\((\d+) source files/), lazyPasses: num(/(\d+) repeated passes/), findings: num(/findings (\d+)/), programsMs: num(/programs\s+([\d.]+) ms/), totalMs: num(/total\s+([\d.]+) ms/) };
}

/** tsc over every tsconfig, one after the other, as one sample. */
function runTsc(t) {
  const parts = t.tsconfigs.map((file) => measure(TSC, ['--noEmit', '-p', file], t.root, { mayCrash: true, okStatus: [0, 1, 2] }));
  return { wallMs: parts.reduce((sum, p) => sum + p.wallMs, 0), rssMb: Math.max(...parts.map((p) => p.rssMb)), cpuMs: parts.reduce((sum, p) => sum + p.cpuMs, 0), crashed: parts.find((p) => p.crashed)?.crashed, errors: parts.flatMap((p) => p.stdout.match(/error TS\d+/g) ?? []).map((e) => e.slice(6)) };
}

/** "TS2307 ×3, TS7006 ×1": TS5xxx (options) or TS2688 (types) would mean tsc checked nothing. */
const countCodes = (codes) => [...new Set(codes)].map((code) => `${code} ×${codes.filter((c) => c === code).length}`).join(', ');

/** Files of the projects tsc checks, outside node_modules (one `--listFilesOnly` per tsconfig). */
function tscFiles(t) {
  const files = new Set();
  for (const file of t.tsconfigs) {
    const run = spawnSync(process.execPath, [TSC, '--listFilesOnly', '-p', file], { cwd: t.root, encoding: 'utf8', maxBuffer: 1 << 28 });
    for (const line of run.stdout.split('\n')) if (line && !line.includes('/node_modules/')) files.add(line);
  }
  return files.size;
}

const wscloseArgs = (t, extra = []) => ['--stats', '--format', 'json', ...extra, ...t.paths];

/** One profiled run of wsclose (extra, not timed): its summary. */
function profile(t, name, args, top) {
  const profDir = path.join(t.dir, `profile-${name}`);
  measure(CLI, args, t.root, { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profDir] });
  const file = path.join(profDir, fs.readdirSync(profDir).find((f) => f.endsWith('.cpuprofile')));
  log(`  profile (${name}): ${file}`);
  return { file, ...summarizeProfile(file, top) };
}

function bench(t) {
  // --cache runs in the same copy: a first run writes the cache (not in the rotation); then each
  // "unchanged" run finds nothing changed since the last run, and each "one edit" run appends a
  // comment to t.edit first (and re-keys it), so the rotation can mix them with the cold runs.
  const cacheArgs = wscloseArgs(t, ['--cache', '--cache-location', path.join(t.dir, 'wsclosecache')]);
  const editFile = path.join(t.root, t.edit);
  let edits = 0;
  const tools = {
    wsclose: () => measure(CLI, wscloseArgs(t), t.root),
    tsc: () => runTsc(t),
    eslint: () => measure(ESLINT, ['--format', 'json', '-c', t.eslintConfig, ...t.paths], t.root, { mayCrash: true, json: true }),
    unchanged: () => measure(CLI, cacheArgs, t.root),
    edited: () => {
      fs.appendFileSync(editFile, `\n// wsclose bench: edit ${++edits}\n`);
      return measure(CLI, cacheArgs, t.root);
    },
  };
  const first = measure(CLI, cacheArgs, t.root);
  log(`  cache: first run ${(first.wallMs / 1000).toFixed(2)} s  ${first.rssMb.toFixed(0)} MB`);
  const samples = { wsclose: [], tsc: [], eslint: [], unchanged: [], edited: [] };
  const order = ['wsclose', 'tsc', 'unchanged', 'eslint', 'edited'].filter((tool) => tool !== 'eslint' || !opt['no-eslint']);
  for (let run = 0; run < RUNS; run++) {
    const rotated = [...order.slice(run % order.length), ...order.slice(0, run % order.length)];
    for (const tool of rotated) {
      if ((tool === 'tsc' || tool === 'eslint') && run >= REF_RUNS) continue;
      if (samples[tool].some((earlier) => earlier.crashed)) continue;
      const sample = tools[tool]();
      const stats = tool === 'unchanged' || tool === 'edited' ? parseStats(sample.stderr) : undefined;
      if (stats) sample.recomputed = stats.files - stats.cached;
      samples[tool].push(sample);
      log(`  run ${run + 1} ${tool.padEnd(9)} ${(sample.wallMs / 1000).toFixed(2)} s  ${sample.rssMb.toFixed(0)} MB${sample.crashed ? `  CRASHED (${sample.crashed})` : ''}${tool === 'tsc' ? `  (${sample.errors.length} errors reported)` : ''}${stats ? `  (${sample.recomputed} of ${stats.files} files checked)` : ''}`);
    }
  }
  const stat = (list, key) => median(list.map((s) => s[key]));
  const summary = (list) => ({ wallMs: stat(list, 'wallMs'), rssMb: stat(list, 'rssMb'), cpuMs: stat(list, 'cpuMs'), runs: list.map((s) => Math.round(s.wallMs)), crashed: list.find((s) => s.crashed)?.crashed, recomputed: stat(list, 'recomputed') });
  const medianRun = [...samples.wsclose].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(samples.wsclose.length / 2)];
  const wsKeys = findingKeys(medianRun.stdout, t.root, '');
  const sameAsCold = [first, ...samples.unchanged, ...samples.edited].every((s) => findingKeys(s.stdout, t.root, '').join('\n') === wsKeys.join('\n'));
  if (!sameAsCold) log('  CACHED FINDINGS DIFFER from the cold run');
  const eslintRun = samples.eslint.find((s) => !s.crashed);
  const eslintAll = eslintRun ? findingKeys(eslintRun.stdout, t.root, 'wsclose/') : undefined;
  const eslintKeys = eslintAll?.filter((k) => !k.endsWith(':null')); // ruleId null: a parse error
  const row = {
    repo: t.repo, kind: t.kind, commit: t.commit, paths: t.paths, tsconfigs: t.tsconfigs, edit: t.edit, dirtyCheckout: t.dirty,
    stats: parseStats(medianRun.stderr),
    tscFiles: tscFiles(t),
    wsclose: summary(samples.wsclose),
    tsc: { ...summary(samples.tsc), errors: countCodes(samples.tsc[0]?.errors ?? []) },
    eslint: samples.eslint.length ? { ...summary(samples.eslint), parseErrors: eslintAll ? eslintAll.length - eslintKeys.length : undefined } : undefined,
    cache: { firstMs: first.wallMs, sameAsCold, unchanged: summary(samples.unchanged), oneEdit: summary(samples.edited) },
    findings: wsKeys.length,
    eslintFindings: eslintKeys?.length,
    sameFindings: eslintKeys ? JSON.stringify(wsKeys) === JSON.stringify(eslintKeys) : undefined,
  };
  if (row.sameFindings === false) log(`  FINDINGS DIFFER: wsclose ${wsKeys.length}, eslint ${eslintKeys.length}; only wsclose: ${wsKeys.filter((k) => !eslintKeys.includes(k)).slice(0, 5).join(', ')}; only eslint: ${eslintKeys.filter((k) => !wsKeys.includes(k)).slice(0, 5).join(', ')}`);
  if (t.lsp && !opt['no-lsp']) {
    log('  language server (bench/lsp.mjs, 100 edits)…');
    const lsp = spawnSync(process.execPath, [path.join(REPO, 'bench', 'lsp.mjs'), t.root, ...t.lsp, '--server', path.join(DIST, 'language-server.js')], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (lsp.status !== 0) log(`  lsp bench failed:\n${lsp.stderr}`);
    else row.lsp = JSON.parse(lsp.stdout);
  }
  if (!opt['no-profile']) {
    row.profile = profile(t, 'cold', wscloseArgs(t), 15);
    row.cacheProfile = profile(t, 'cache-unchanged', cacheArgs, 6);
    fs.appendFileSync(editFile, '\n// wsclose bench: profiled edit\n');
    row.editProfile = profile(t, 'cache-one-edit', cacheArgs, 8);
  }
  return row;
}

// ---------------------------------------------------------------- run and report
const env = machine();
const head = git(WSCLOSE, 'log', '-1', '--format=%h %cI').stdout.trim();
const changed = git(WSCLOSE, 'status', '--porcelain', '--', 'server').stdout.split('\n').filter(Boolean).length;
const build = `wsclose ${head}${changed ? ` + ${changed} uncommitted files under server/` : ' (clean)'}${WSCLOSE !== REPO ? ` in ${WSCLOSE}` : ''}, dist/ built ${fs.statSync(path.join(WSCLOSE, 'dist', 'cli.js')).mtime.toISOString()}`;
const startedAt = new Date();
const targets = TARGETS.filter((t) => !opt.only || opt.only.includes(t.repo));
log(`wsclose real-repository bench: ${targets.map((t) => t.repo).join(', ')}; wsclose ${RUNS} runs, tsc and eslint ${REF_RUNS}; ${env.cpu}, ${env.nproc} cores, load ${env.loadAtStart}`);
const rows = [];
const skipped = [];
for (const target of targets) {
  const t = prepare(target);
  if (!t) {
    skipped.push(target.repo);
    continue;
  }
  log(`\n${t.repo} (${t.kind})`);
  rows.push(bench(t));
}

const sec = (v) => (Number.isFinite(v) ? (v / 1000).toFixed(2) : 'n/a');
const mb = (v) => (Number.isFinite(v) ? v.toFixed(0) : 'n/a');
const x = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');
const ref = (tool) => (!tool ? '—' : tool.crashed ? `crashed (${tool.crashed})` : sec(tool.wallMs));
const verdict = (ok) => (ok ? '**met**' : '**not met**');
const lines = [
  '| repository | files (wsclose / tsc) | programs (source files, repeated passes) | findings (wsclose = eslint) | wsclose s | wsclose MB | tsc s | tsc MB | eslint s | eslint MB | wsclose/tsc time | wsclose/tsc RSS | wsclose/eslint time | --cache unchanged s (/tsc) | --cache one edit s (/tsc, files rechecked) |',
  '|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];
const targetLines = ['| repository | CLI cold ≤ 0.25× tsc wall | ≤ 0.4× tsc RSS | --cache unchanged ≤ 0.05× | --cache one edit ≤ 0.15× |', '|---|---|---|---|---|'];
for (const r of rows) {
  const tw = r.tsc.wallMs;
  const same = r.sameFindings === undefined ? `${r.findings} = ?` : `${r.findings} = ${r.eslintFindings} ${r.sameFindings ? '✓' : '✗ differ'}`;
  lines.push(
    `| ${r.repo} | ${r.stats.files} / ${r.tscFiles} | ${r.stats.programs} (${r.stats.programFiles}, ${r.stats.lazyPasses}) | ${same} | ${sec(r.wsclose.wallMs)} | ${mb(r.wsclose.rssMb)} | ${ref(r.tsc)} | ${mb(r.tsc.rssMb)} | ${ref(r.eslint)} | ${mb(r.eslint?.rssMb)} | ${x(r.wsclose.wallMs / tw)} | ${x(r.wsclose.rssMb / r.tsc.rssMb)} | ${r.eslint ? x(r.wsclose.wallMs / r.eslint.wallMs) : '—'} | ${sec(r.cache.unchanged.wallMs)} (${x(r.cache.unchanged.wallMs / tw)}) | ${sec(r.cache.oneEdit.wallMs)} (${x(r.cache.oneEdit.wallMs / tw)}, ${r.cache.oneEdit.recomputed}) |`,
  );
  targetLines.push(
    `| ${r.repo} | ${x(r.wsclose.wallMs / tw)} ${verdict(r.wsclose.wallMs / tw <= 0.25)} | ${x(r.wsclose.rssMb / r.tsc.rssMb)} ${verdict(r.wsclose.rssMb / r.tsc.rssMb <= 0.4)} | ${x(r.cache.unchanged.wallMs / tw)} ${verdict(r.cache.unchanged.wallMs / tw <= 0.05)} | ${x(r.cache.oneEdit.wallMs / tw)} ${verdict(r.cache.oneEdit.wallMs / tw <= 0.15)} |`,
  );
}
const lspRows = rows.filter((r) => r.lsp);
const lspLines = lspRows.length === 0 ? [] : [
  '##### Language server (bench/lsp.mjs: stdio, 100 edits of the file, 5 warm-up ones)',
  '',
  '| repository | edited file | cold → first diagnostics (pull / push) | edit → diagnostics, pull p50 / p95 (target p95 ≤ 30 ms) | push p50 / p95 (incl. 50 ms debounce) | hover p95 | completion p95 | RSS after 50 open files |',
  '|---|---|---:|---:|---:|---:|---:|---:|',
  ...lspRows.map(({ repo, lsp: l }) => `| ${repo} | \`${l.editTarget}\` | ${sec(l.coldFirstDiagnosticsMs)} s / ${sec(l.pushColdFirstDiagnosticsMs)} s | ${l.pullEditToDiagnosticsMs.p50.toFixed(1)} / ${l.pullEditToDiagnosticsMs.p95.toFixed(1)} ms ${verdict(l.pullEditToDiagnosticsMs.p95 <= 30)} | ${l.pushEditToDiagnosticsMs.p50.toFixed(1)} / ${l.pushEditToDiagnosticsMs.p95.toFixed(1)} ms | ${l.hoverMs.p95.toFixed(1)} ms | ${l.completionMs.p95.toFixed(1)} ms | ${mb(l.rssAfter50FilesMb.rss)} MB |`),
  '',
];
const details = rows.flatMap((r) => [
  `#### ${r.repo} (${r.kind})`,
  '',
  `Commit ${r.commit.slice(0, 12)}${r.dirtyCheckout.length ? ` (checkout has local changes: ${r.dirtyCheckout.join(', ')})` : ''}; wsclose and eslint on \`${r.paths.join(' ')}\`; tsc on ${r.tsconfigs.map((c) => `\`${c}\``).join(', ')} (errors it reported: ${r.tsc.errors || 'none'}${r.tsc.crashed ? `; crashed: ${r.tsc.crashed}` : ''}); ESLint messages without a rule (parse errors): ${r.eslint?.parseErrors ?? '—'}; one edit: \`${r.edit}\`; cache first run ${sec(r.cache.firstMs)} s, nothing changed checks ${r.cache.unchanged.recomputed} files; cached findings ${r.cache.sameAsCold ? 'equal' : '**differ from**'} the cold run's. Runs (ms): wsclose ${r.wsclose.runs.join(', ')}; tsc ${r.tsc.runs.join(', ')}; eslint ${r.eslint?.runs.join(', ') ?? '—'}; cache unchanged ${r.cache.unchanged.runs.join(', ')}; one edit ${r.cache.oneEdit.runs.join(', ')}.`,
  '',
  '```',
  r.stats.block,
  '```',
  '',
  ...(r.profile ? [`CPU profile, cold (one run, \`--cpu-prof\`):`, '', r.profile.markdown, ''] : []),
  ...(r.cacheProfile ? ['CPU profile, `--cache` with nothing changed:', '', r.cacheProfile.markdown, ''] : []),
  ...(r.editProfile ? [`CPU profile, \`--cache\` after one edit of \`${r.edit}\`:`, '', r.editProfile.markdown, ''] : []),
]);

const command = `npm run bench:real${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
const report = [
  `Date: ${startedAt.toISOString()} (took ${((Date.now() - startedAt) / 60000).toFixed(1)} min)  `,
  `Command: \`${command}\`  `,
  `Build: ${build}  `,
  `Machine: ${env.cpu}, ${env.nproc} cores (nproc), ${env.memGiB} GiB, ${env.os}, Node ${env.node}; load average at start ${env.loadAtStart}, at end ${loadAverage()}  `,
  `Runs: wsclose ${RUNS} cold, --cache ${RUNS} nothing changed and ${RUNS} one edit, tsc and eslint ${REF_RUNS}, in a rotating order (after one run that writes the cache); medians; peak RSS from ${TIME ? '/usr/bin/time -v' : '(unavailable)'}.${skipped.length ? ` Skipped (no checkout at the corpus commit): ${skipped.join(', ')}.` : ''}`,
  '',
  ...lines,
  '',
  '##### Targets (issue 14)',
  '',
  ...targetLines,
  '',
  ...lspLines,
  ...details,
];
console.log(report.join('\n'));
fs.mkdirSync(path.join(REPO, 'bench', '.out'), { recursive: true });
fs.writeFileSync(path.join(REPO, 'bench', '.out', 'last-real.json'), JSON.stringify({ env, command, startedAt, rows }, null, 2));
if (!opt['no-write'] && rows.length > 0) {
  writeBetweenMarkers(path.join(REPO, 'bench', 'RESULTS.md'), '<!-- bench-real:begin (written by npm run bench:real) -->', '<!-- bench-real:end -->', report.join('\n'), '## Real repositories\n\n');
  log('\nwritten: bench/RESULTS.md (real-repository block) and bench/.out/last-real.json');
} else log('\nwritten: bench/.out/last-real.json');
