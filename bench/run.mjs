// wsclose benchmark: generates projects (bench/generate.mjs), then measures side by side, in one
// run, on the same project: the wsclose CLI (cold process), `tsc --noEmit -p`, and `eslint` with
// wsclose/eslint-plugin through typescript-eslint's projectService (checking that both report the
// same findings); the floor (read + pre-scan, parse); and the language server (bench/lsp.mjs).
//
//   npm run bench                         sizes 500 and 2000, both mixes, 3 runs (≈10 min on 2 cores)
//   npm run bench -- --large              adds the 10,000-file projects
//   npm run bench -- --sizes 500 --runs 5 --ref-runs 3 --mixes typical --no-lsp --no-write
//
// Wall time is measured around each process; peak RSS with /usr/bin/time -v (Linux; "n/a" when it
// is missing: `apt-get install -y time`). Tools run in a rotating order within each run, so a
// machine whose load changes during the run does not favour one of them. Medians are reported.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { NODE, TIME, findingKeys, loadAverage, machine, measure, median, writeBetweenMarkers } from './measure.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv.includes('--real')) {
  // `npm run bench -- --real`: the real-repository rows (bench/real.mjs) instead of the generated projects.
  process.exit(spawnSync(process.execPath, [path.join(REPO, 'bench', 'real.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' }).status ?? 1);
}
const PROJECTS = path.join(REPO, 'bench', '.projects');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name, fallback) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : fallback;
};
const sizes = value('sizes', flag('large') ? '500,2000,10000' : '500,2000').split(',').map(Number);
const mixes = value('mixes', 'typical,worst').split(',');
const RUNS = Number(value('runs', 3));
// tsc and eslint are the slow references (a minute each on the worst-case 2,000-file project on a
// loaded 2-core machine): 2 runs by default keep `npm run bench` near 10 minutes.
const REF_RUNS = Number(value('ref-runs', Math.min(RUNS, 2)));
const LSP_EDITS = Number(value('edits', 100));
const lspSizes = flag('no-lsp') ? [] : value('lsp-sizes', '2000').split(',').map(Number).filter((n) => sizes.includes(n));
const CLI = path.join(REPO, 'dist', 'cli.js');
const TSC = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
const ESLINT = path.join(REPO, 'node_modules', 'eslint', 'bin', 'eslint.js');
const log = (text) => process.stderr.write(`${text}\n`);

for (const file of [CLI, path.join(REPO, 'dist', 'eslint-plugin.js'), path.join(REPO, 'dist', 'api.js')]) {
  if (!fs.existsSync(file)) throw new Error(`${path.relative(REPO, file)} is missing: run \`node esbuild.mjs\` first (npm run bench does).`);
}

const rows = [];
const lspRows = [];
const env = machine();
const startedAt = new Date();
log(`wsclose bench: sizes ${sizes.join(', ')}; mixes ${mixes.join(', ')}; ${RUNS} runs (tsc and eslint ${REF_RUNS}); machine ${env.cpu}, ${env.nproc} cores, load ${env.loadAtStart}`);

for (const size of sizes) {
  for (const mix of mixes) {
    const root = path.join(PROJECTS, `${mix}-${size}`);
    const manifest = generate({ size, mix, seed: 1, out: root });
    log(`\n${mix}-${size}: ${manifest.files} files ${JSON.stringify(manifest.byKind)}, ${manifest.planted.length} planted findings`);
    const tools = {
      wsclose: () => measure(CLI, ['src', '--format', 'json'], root),
      tsc: () => measure(TSC, ['--noEmit', '-p', '.'], root, { mayCrash: true }),
      eslint: () => measure(ESLINT, ['--format', 'json', 'src'], root, { mayCrash: true, json: true }),
      floor: () => measure(path.join(REPO, 'bench', 'floor.mjs'), [root], root),
    };
    const samples = { wsclose: [], tsc: [], eslint: [], floor: [] };
    let wscloseKeys;
    let eslintKeys;
    const order = ['wsclose', 'tsc', 'eslint', 'floor'];
    for (let run = 0; run < RUNS; run++) {
      const rotated = [...order.slice(run % order.length), ...order.slice(0, run % order.length)];
      for (const tool of rotated) {
        if ((tool === 'eslint' || tool === 'tsc') && run >= REF_RUNS) continue;
        if (samples[tool].some((earlier) => earlier.crashed)) continue; // once is enough to know
        const sample = tools[tool]();
        samples[tool].push(sample);
        if (sample.crashed) {
          log(`  run ${run + 1} ${tool.padEnd(7)} CRASHED (${sample.crashed}) after ${(sample.wallMs / 1000).toFixed(2)} s  ${sample.rssMb.toFixed(0)} MB; exit ${sample.status}; stderr ends:\n${(sample.stderr ?? '').split('\n').filter((l) => !/^\s+at |^\s*\d+: 0x/.test(l)).slice(-6).join('\n')}`);
          continue;
        }
        if (tool === 'wsclose') wscloseKeys = findingKeys(sample.stdout, root, '');
        if (tool === 'eslint') eslintKeys = findingKeys(sample.stdout, root, 'wsclose/');
        if (tool === 'tsc' && sample.status !== 0) log(`  tsc reported type errors:\n${sample.stdout.slice(0, 2000)}`);
        log(`  run ${run + 1} ${tool.padEnd(7)} ${(sample.wallMs / 1000).toFixed(2)} s  ${sample.rssMb.toFixed(0)} MB`);
      }
    }
    const same = eslintKeys === undefined ? undefined : JSON.stringify(wscloseKeys) === JSON.stringify(eslintKeys);
    if (same === false) log(`  FINDINGS DIFFER: wsclose ${wscloseKeys.length}, eslint ${eslintKeys.length}\n  only wsclose: ${wscloseKeys.filter((k) => !eslintKeys.includes(k)).slice(0, 5).join(', ')}\n  only eslint: ${eslintKeys.filter((k) => !wscloseKeys.includes(k)).slice(0, 5).join(', ')}`);
    const floors = samples.floor.map((s) => JSON.parse(s.stdout));
    const stat = (tool, key) => median(samples[tool].map((s) => s[key]));
    rows.push({
      project: `${mix}-${size}`,
      mix,
      size,
      wsFiles: (manifest.byKind['ws-server'] ?? 0) + (manifest.byKind['ws-web'] ?? 0),
      prescanned: floors[0].candidates,
      planted: manifest.planted.length,
      wscloseFindings: wscloseKeys.length,
      eslintFindings: eslintKeys?.length,
      sameFindings: same,
      wsclose: { wallMs: stat('wsclose', 'wallMs'), rssMb: stat('wsclose', 'rssMb'), cpuMs: stat('wsclose', 'cpuMs'), runs: samples.wsclose.map((s) => s.wallMs) },
      tsc: { wallMs: stat('tsc', 'wallMs'), rssMb: stat('tsc', 'rssMb'), cpuMs: stat('tsc', 'cpuMs'), runs: samples.tsc.map((s) => s.wallMs), crashed: samples.tsc.find((s) => s.crashed)?.crashed },
      eslint: { wallMs: stat('eslint', 'wallMs'), rssMb: stat('eslint', 'rssMb'), cpuMs: stat('eslint', 'cpuMs'), runs: samples.eslint.map((s) => s.wallMs), crashed: samples.eslint.find((s) => s.crashed)?.crashed },
      floor: { readAndPrescanMs: median(floors.map((f) => f.readAndPrescanMs)), parseMs: median(floors.map((f) => f.parseMs)), processMs: stat('floor', 'wallMs') },
    });
    if (mix === 'typical' && lspSizes.includes(size)) {
      log(`  language server (${LSP_EDITS} edits)…`);
      const lsp = spawnSync(NODE, [path.join(REPO, 'bench', 'lsp.mjs'), root, '--edits', String(LSP_EDITS), '--requests', String(LSP_EDITS)], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (lsp.status !== 0) log(`  lsp bench failed:\n${lsp.stderr}`);
      else lspRows.push(JSON.parse(lsp.stdout));
    }
  }
}

// ---------------------------------------------------------------- report
const s = (ms) => (ms / 1000).toFixed(2);
const mb = (v) => (Number.isFinite(v) ? v.toFixed(0) : 'n/a');
const x = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');
const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');
const lines = [];
lines.push(
  '| project | files | WS files | pre-scan hits | findings (wsclose = eslint) | wsclose s | wsclose MB | tsc s | tsc MB | eslint s | eslint MB | wsclose/tsc time | wsclose/tsc RSS | wsclose/eslint time | floor: read + pre-scan ms | floor: parse ms |',
  '|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
);
/** A reference tool's seconds; a crash shows how long it ran before it ("≥": it never finished). */
const refSeconds = (tool) => (tool.crashed ? `crashed (${tool.crashed}) after ${s(tool.wallMs)}` : s(tool.wallMs));
/** eslint / wsclose time; when eslint crashed, the time it ran is a lower bound. */
const eslintSpeedup = (r) => `${r.eslint.crashed ? '≥ ' : ''}${(r.eslint.wallMs / r.wsclose.wallMs).toFixed(1)}×`;
const sameCell = (r) => (r.sameFindings === undefined ? `${r.wscloseFindings} = ? (eslint crashed)` : `${r.wscloseFindings} = ${r.eslintFindings} ${r.sameFindings ? '✓' : '✗ DIFFER'}`);
for (const r of rows) {
  lines.push(
    `| ${r.project} | ${r.size} | ${r.wsFiles} | ${r.prescanned} | ${sameCell(r)} (planted ${r.planted}) | ${s(r.wsclose.wallMs)} | ${mb(r.wsclose.rssMb)} | ${refSeconds(r.tsc)} | ${mb(r.tsc.rssMb)} | ${refSeconds(r.eslint)} | ${mb(r.eslint.rssMb)} | ${x(r.wsclose.wallMs / r.tsc.wallMs)} | ${x(r.wsclose.rssMb / r.tsc.rssMb)} | ${r.eslint.crashed ? '≤ ' : ''}${x(r.wsclose.wallMs / r.eslint.wallMs)} (${eslintSpeedup(r)} faster) | ${ms(r.floor.readAndPrescanMs)} | ${ms(r.floor.parseMs)} |`,
  );
}
const lspLines = [];
if (lspRows.length > 0) {
  lspLines.push(
    '| project | cold → first diagnostics (pull / push) | edit → diagnostics, pull p50 / p95 | edit → diagnostics, push p50 / p95 (incl. 50 ms debounce) | hover p50 / p95 | completion p50 / p95 | server RSS after 50 open files |',
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const l of lspRows) {
    lspLines.push(
      `| typical-${l.files} | ${s(l.coldFirstDiagnosticsMs)} s / ${s(l.pushColdFirstDiagnosticsMs)} s | ${ms(l.pullEditToDiagnosticsMs.p50)} / ${ms(l.pullEditToDiagnosticsMs.p95)} ms (n=${l.pullEditToDiagnosticsMs.n}) | ${ms(l.pushEditToDiagnosticsMs.p50)} / ${ms(l.pushEditToDiagnosticsMs.p95)} ms | ${ms(l.hoverMs.p50)} / ${ms(l.hoverMs.p95)} ms | ${ms(l.completionMs.p50)} / ${ms(l.completionMs.p95)} ms (${l.completionMs.items} items) | ${mb(l.rssAfter50FilesMb.rss)} MB |`,
    );
  }
}

// Targets (issue 6)
const row = (project) => rows.find((r) => r.project === project);
const lsp2000 = lspRows.find((l) => l.files === 2000);
const verdict = (ok, known = true) => (!known ? 'not measured' : ok ? '**met**' : '**not met**');
const targets = [];
{
  const t = row('typical-2000');
  targets.push(['CLI cold, typical mix, 2,000 files', '≤ 0.5× tsc wall, ≤ 0.5× its peak RSS', t ? `${x(t.wsclose.wallMs / t.tsc.wallMs)} wall, ${x(t.wsclose.rssMb / t.tsc.rssMb)} RSS` : '—', verdict(t && t.wsclose.wallMs / t.tsc.wallMs <= 0.5 && t.wsclose.rssMb / t.tsc.rssMb <= 0.5, !!t)]);
  const w = row('worst-2000');
  targets.push(['CLI cold, worst case, 2,000 files', '≤ 1.0× tsc', w ? `${x(w.wsclose.wallMs / w.tsc.wallMs)} wall` : '—', verdict(w && w.wsclose.wallMs / w.tsc.wallMs <= 1, !!w)]);
  const speedups = rows.map((r) => `${r.project} ${eslintSpeedup(r)}${r.eslint.crashed ? ` (eslint ${r.eslint.crashed})` : ''}`);
  const met = rows.filter((r) => r.sameFindings !== false && r.eslint.wallMs / r.wsclose.wallMs >= 10).map((r) => r.project);
  const status = met.length === rows.length ? '**met**' : met.length > 0 ? `**met** for ${met.join(', ')}; **not met** for the others` : '**not met**';
  targets.push(['CLI vs eslint + plugin (typed), same findings', '≥ 10× faster', speedups.join(', '), rows.length > 0 ? status : 'not measured']);
  const growth = mixes.map((mix) => [mix, row(`${mix}-2000`), row(`${mix}-10000`)]).filter(([, a, b]) => a && b);
  targets.push(['growth 2,000 → 10,000 files', '≤ 5.5× time', growth.length ? growth.map(([mix, a, b]) => `${mix} ${(b.wsclose.wallMs / a.wsclose.wallMs).toFixed(2)}×`).join(', ') : 'opt-in (--large)', verdict(growth.every(([, a, b]) => b.wsclose.wallMs / a.wsclose.wallMs <= 5.5), growth.length > 0)]);
  targets.push(['LSP warm edit → diagnostics, 2,000 files', 'p95 ≤ 50 ms', lsp2000 ? `pull p95 ${ms(lsp2000.pullEditToDiagnosticsMs.p95)} ms; push p95 ${ms(lsp2000.pushEditToDiagnosticsMs.p95)} ms` : '—', verdict(lsp2000 && lsp2000.pullEditToDiagnosticsMs.p95 <= 50, !!lsp2000)]);
  targets.push(['LSP hover / completion', 'p95 ≤ 10 ms / ≤ 20 ms', lsp2000 ? `${ms(lsp2000.hoverMs.p95)} ms / ${ms(lsp2000.completionMs.p95)} ms` : '—', verdict(lsp2000 && lsp2000.hoverMs.p95 <= 10 && lsp2000.completionMs.p95 <= 20, !!lsp2000)]);
  targets.push(['LSP cold first diagnostics, 2,000 files', '≤ 2 s', lsp2000 ? `${s(lsp2000.coldFirstDiagnosticsMs)} s (pull), ${s(lsp2000.pushColdFirstDiagnosticsMs)} s (push)` : '—', verdict(lsp2000 && lsp2000.coldFirstDiagnosticsMs <= 2000, !!lsp2000)]);
}
const targetLines = ['| measure | target | measured | status |', '|---|---|---|---|', ...targets.map((t) => `| ${t.join(' | ')} |`)];

const command = `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
const finishedAt = new Date();
const report = [
  `Date: ${startedAt.toISOString()} (took ${((finishedAt - startedAt) / 60000).toFixed(1)} min)  `,
  `Command: \`${command}\`  `,
  `Machine: ${env.cpu}, ${env.nproc} cores (nproc), ${env.memGiB} GiB, ${env.os}, Node ${env.node}; load average at start ${env.loadAtStart}, at end ${loadAverage()}  `,
  `Runs: wsclose and floor ${RUNS}, tsc and eslint ${REF_RUNS} (rotating order), medians; peak RSS from ${TIME ? '/usr/bin/time -v' : '(unavailable)'}; LSP ${LSP_EDITS} edits and ${LSP_EDITS} hover/completion requests after 5 warm-up ones.`,
  '',
  '### CLI, tsc, eslint and floor',
  '',
  ...lines,
  '',
  ...(lspLines.length ? ['### Language server (stdio)', '', ...lspLines, ''] : []),
  '### Targets',
  '',
  ...targetLines,
  '',
];
console.log(report.join('\n'));
fs.mkdirSync(path.join(REPO, 'bench', '.out'), { recursive: true });
fs.writeFileSync(path.join(REPO, 'bench', '.out', 'last-run.json'), JSON.stringify({ env, command, startedAt, rows, lspRows }, null, 2));
fs.writeFileSync(path.join(REPO, 'bench', '.out', 'last-run.md'), report.join('\n'));
if (!flag('no-write')) {
  // bench/RESULTS.md: the measured part sits between markers; the analysis around it is kept.
  const resultsFile = path.join(REPO, 'bench', 'RESULTS.md');
  const heading = fs.existsSync(resultsFile) ? '' : '# wsclose benchmark results\n\n';
  writeBetweenMarkers(resultsFile, '<!-- bench:begin (written by npm run bench) -->', '<!-- bench:end -->', report.join('\n'), heading);
  log('\nwritten: bench/RESULTS.md (measured block), bench/.out/last-run.md and bench/.out/last-run.json');
} else log('\nwritten: bench/.out/last-run.md and bench/.out/last-run.json');
