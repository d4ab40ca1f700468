#!/usr/bin/env node
// The corpus sweep (issue 7): every .js/.mjs/.cjs/.ts/.d.ts/.tsx file of the installed
// node_modules (which holds test262-parser-tests' pass/pass-explicit/fail/early cases too) goes
// through the engine in-process — one inferred program per batch of files that may contain a
// close call, `lintSourceFile` on every file — in worker threads watched for hangs; then a sample
// goes through the real CLI (`dist/cli.js --format json`). Fails (exit code 1) on a crash, a hang,
// an unhandled rejection, a file over the per-file time bound or a CLI run that is not clean.
//
//   node test/reliability/corpus-sweep.js                 full sweep (npm run test:corpus)
//   node test/reliability/corpus-sweep.js --sample 1500   a deterministic CI-sized subset
//
// Options: --sample <n> (node_modules files, test262 cases are sampled too), --batch <n> (files per
// program, default 40), --workers <n> (default: CPUs, at most 4), --max-file-ms <n> (per-file bound,
// default 20000), --hang-ms <n> (a file taking this long is a hang, default 120000), --max-size <bytes>
// (larger files are skipped as the CLI's --max-file-size default does, default 4194304),
// --cli-sample <n> (files run through the CLI, default 300), --json <file> (write the summary there).
// Needs the built bundles (node esbuild.mjs).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const NODE_MODULES = path.join(REPO_ROOT, 'node_modules');
const EXTENSIONS = /\.(?:js|mjs|cjs|ts|tsx)$/; // .d.ts ends with .ts
const DECLARATION = /\.d\.(?:[^./\\]+\.)?[cm]?ts$/i;

if (isMainThread) main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(2);
});
else runWorker();

// ─── main thread ──────────────────────────────────────────────────────────────────────────────

function parseOptions(argv) {
  const options = { sample: 0, batch: 40, workers: Math.min(4, os.availableParallelism ? os.availableParallelism() : os.cpus().length), maxFileMs: 20_000, hangMs: 120_000, maxSize: 4 * 1024 * 1024, cliSample: 300, json: undefined, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    if (name === '--sample') options.sample = Number(value());
    else if (name === '--batch') options.batch = Number(value());
    else if (name === '--workers') options.workers = Number(value());
    else if (name === '--max-file-ms') options.maxFileMs = Number(value());
    else if (name === '--hang-ms') options.hangMs = Number(value());
    else if (name === '--max-size') options.maxSize = Number(value());
    else if (name === '--cli-sample') options.cliSample = Number(value());
    else if (name === '--json') options.json = value();
    else if (name === '--quiet') options.quiet = true;
    else throw new Error(`unknown option ${name}`);
  }
  return options;
}

/** Every corpus file under node_modules, sorted; symbolic links are not followed (no loops). */
function collect(root) {
  const found = [];
  const visit = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && EXTENSIONS.test(entry.name)) found.push(full);
    }
  };
  visit(root);
  return found.sort();
}

function categoryOf(file) {
  const match = /[\\/]test262-parser-tests[\\/](pass-explicit|pass|fail|early)[\\/]/.exec(file);
  return match ? `test262/${match[1]}` : 'node_modules';
}

/** Every k-th file, so the subset spreads over all packages and is the same on every run. */
function spread(files, count) {
  if (count <= 0 || count >= files.length) return files;
  const step = files.length / count;
  const picked = [];
  for (let i = 0; i < count; i++) picked.push(files[Math.floor(i * step)]);
  return picked;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const unhandled = [];
  process.on('unhandledRejection', (reason) => unhandled.push(`main: ${String(reason && reason.stack ? reason.stack : reason)}`));
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'api.js'))) throw new Error('dist/api.js is missing: run `node esbuild.mjs` first');

  const all = collect(NODE_MODULES);
  const byCategory = new Map();
  for (const file of all) {
    const category = categoryOf(file);
    if (!byCategory.has(category)) byCategory.set(category, []);
    byCategory.get(category).push(file);
  }
  let files = all;
  if (options.sample > 0) {
    const moduleFiles = byCategory.get('node_modules') ?? [];
    const per262 = Math.max(20, Math.round(options.sample / 15));
    files = [...spread(moduleFiles, options.sample), ...['pass', 'pass-explicit', 'fail', 'early'].flatMap((c) => spread(byCategory.get(`test262/${c}`) ?? [], per262))];
  }

  // Size limit: like the CLI's --max-file-size, larger files are skipped (and counted).
  const skipped = [];
  const queue = [];
  for (const file of files) {
    let size;
    try {
      size = fs.statSync(file).size;
    } catch (error) {
      skipped.push({ file, reason: `unreadable: ${error.code ?? error.message}` });
      continue;
    }
    if (size > options.maxSize) skipped.push({ file, reason: `${size} bytes, over ${options.maxSize}` });
    else queue.push(file);
  }
  // Batches of neighbouring files (same package): their imports overlap, so programs stay small.
  const batches = [];
  for (let i = 0; i < queue.length; i += options.batch) batches.push(queue.slice(i, i + options.batch));

  const results = new Map(); // file → { ms, findings, category, error? }
  const crashes = [];
  const hangs = [];
  let programMsTotal = 0;
  let programs = 0;
  let maxProgram = { ms: 0, batch: '' };
  let doneFiles = 0;
  const log = (line) => {
    if (!options.quiet) process.stderr.write(`${line}\n`);
  };
  log(`corpus: ${files.length} files (${queue.length} to check, ${skipped.length} skipped), ${batches.length} batches, ${options.workers} workers`);

  await new Promise((resolve) => {
    let active = 0;
    const startWorker = () => {
      if (batches.length === 0) {
        if (active === 0) resolve();
        return;
      }
      active++;
      const worker = new Worker(__filename, { workerData: { maxSize: options.maxSize }, resourceLimits: { maxOldGenerationSizeMb: 4096 } });
      let current; // the batch this worker is on
      let currentFile; // { file, since }
      let finished = false;
      const next = () => {
        current = batches.shift();
        currentFile = undefined;
        if (current === undefined) {
          finished = true;
          void worker.terminate();
          return;
        }
        worker.postMessage({ files: current });
      };
      const watchdog = setInterval(() => {
        if (currentFile && Date.now() - currentFile.since > options.hangMs) {
          hangs.push({ file: currentFile.file, ms: Date.now() - currentFile.since });
          // Give the rest of the batch to a new worker, without the file that hangs.
          const rest = current.filter((file) => !results.has(file) && file !== currentFile.file);
          if (rest.length > 0) batches.unshift(rest);
          finished = true;
          void worker.terminate();
        }
      }, 1000);
      worker.on('message', (message) => {
        if (message.type === 'file-start') currentFile = { file: message.file, since: Date.now() };
        else if (message.type === 'file-done') {
          currentFile = undefined;
          results.set(message.file, { ms: message.ms, findings: message.findings, category: categoryOf(message.file), parseErrors: message.parseErrors });
          if (message.error) crashes.push({ file: message.file, error: message.error });
          if (++doneFiles % 2000 === 0) log(`  ${doneFiles}/${queue.length} files, ${((Date.now() - started) / 1000).toFixed(0)} s`);
        } else if (message.type === 'program') {
          programs++;
          programMsTotal += message.ms;
          if (message.ms > maxProgram.ms) maxProgram = { ms: message.ms, batch: message.first };
          if (message.error) crashes.push({ file: `(program of the batch starting at ${message.first})`, error: message.error });
        } else if (message.type === 'batch-done') next();
        else if (message.type === 'unhandled') unhandled.push(message.reason);
      });
      worker.on('error', (error) => {
        crashes.push({ file: currentFile ? currentFile.file : '(worker)', error: String(error && error.stack ? error.stack : error) });
        if (current) {
          const rest = current.filter((file) => !results.has(file) && file !== (currentFile && currentFile.file));
          if (rest.length > 0) batches.unshift(rest);
        }
        finished = true;
      });
      worker.on('exit', () => {
        clearInterval(watchdog);
        if (!finished && current) crashes.push({ file: currentFile ? currentFile.file : '(worker)', error: 'worker exited unexpectedly' });
        active--;
        startWorker();
      });
      next();
    };
    for (let i = 0; i < Math.max(1, options.workers); i++) startWorker();
  });
  const engineMs = Date.now() - started;

  // The real CLI on a sample of the source files it would check (not .d.ts), in chunks.
  const cli = { files: 0, runs: 0, findings: 0, fatal: 0, failures: [], ms: 0 };
  const cliCandidates = queue.filter((file) => !DECLARATION.test(file));
  const cliFiles = spread(cliCandidates, Math.min(options.cliSample, cliCandidates.length));
  const cliStarted = Date.now();
  for (let i = 0; i < cliFiles.length; i += 50) {
    const chunk = cliFiles.slice(i, i + 50).map((file) => path.relative(REPO_ROOT, file));
    cli.runs++;
    let stdout = '';
    let stderr = '';
    let status = 0;
    try {
      stdout = execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), '--format', 'json', '--no-ignore', ...chunk], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: options.hangMs, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      status = typeof error.status === 'number' ? error.status : -1;
      stdout = String(error.stdout ?? '');
      stderr = String(error.stderr ?? '');
      if (error.signal) {
        cli.failures.push(`${chunk[0]}…: killed by ${error.signal} (timeout ${options.hangMs} ms)`);
        continue;
      }
    }
    if (status !== 0 && status !== 1) {
      cli.failures.push(`${chunk[0]}…: exit code ${status}: ${stderr.slice(0, 2000)}`);
      continue;
    }
    if (/internal error/i.test(stderr)) cli.failures.push(`${chunk[0]}…: ${stderr.slice(0, 2000)}`);
    let parsed;
    try {
      parsed = JSON.parse(stdout);
    } catch (error) {
      cli.failures.push(`${chunk[0]}…: output is not JSON: ${error.message}`);
      continue;
    }
    if (parsed.length !== chunk.length) cli.failures.push(`${chunk[0]}…: ${parsed.length} results for ${chunk.length} files`);
    cli.files += parsed.length;
    for (const result of parsed) {
      cli.findings += result.messages.filter((m) => !m.fatal).length;
      cli.fatal += result.messages.filter((m) => m.fatal).length;
    }
  }
  cli.ms = Date.now() - cliStarted;

  // Summary.
  let maxFile = { ms: 0, file: '' };
  let findings = 0;
  let withParseErrors = 0;
  const perCategory = {};
  for (const [file, result] of results) {
    if (result.ms > maxFile.ms) maxFile = { ms: result.ms, file };
    findings += result.findings;
    if (result.parseErrors) withParseErrors++;
    const c = (perCategory[result.category] ??= { files: 0, findings: 0, withParseErrors: 0 });
    c.files++;
    c.findings += result.findings;
    if (result.parseErrors) c.withParseErrors++;
  }
  const overBound = [...results].filter(([, r]) => r.ms > options.maxFileMs).map(([file, r]) => ({ file, ms: r.ms }));
  const missing = queue.filter((file) => !results.has(file) && !hangs.some((h) => h.file === file) && !crashes.some((c) => c.file === file));
  const summary = {
    mode: options.sample > 0 ? `sample of ${options.sample}` : 'full',
    corpusFiles: files.length,
    checked: results.size,
    skipped: skipped.length,
    skippedFiles: skipped.map((s) => `${path.relative(REPO_ROOT, s.file)} (${s.reason})`),
    findings,
    filesWithParseErrors: withParseErrors,
    perCategory,
    programs,
    programMsTotal: Math.round(programMsTotal),
    maxProgramMs: Math.round(maxProgram.ms),
    maxProgramBatch: path.relative(REPO_ROOT, maxProgram.batch),
    maxFileMs: Math.round(maxFile.ms),
    maxFile: path.relative(REPO_ROOT, maxFile.file),
    perFileBoundMs: options.maxFileMs,
    overBound,
    crashes,
    hangs,
    missing: missing.map((file) => path.relative(REPO_ROOT, file)),
    unhandledRejections: unhandled,
    engineMs,
    cli,
    totalMs: Date.now() - started,
  };
  const ok = crashes.length === 0 && hangs.length === 0 && overBound.length === 0 && unhandled.length === 0 && missing.length === 0 && cli.failures.length === 0;
  if (options.json) fs.writeFileSync(options.json, `${JSON.stringify(summary, null, 2)}\n`);
  const lines = [
    `wsclose corpus sweep (${summary.mode}): ${ok ? 'OK' : 'FAILED'}`,
    `  files: ${summary.corpusFiles} in the corpus, ${summary.checked} checked, ${summary.skipped} skipped (over ${options.maxSize} bytes or unreadable)`,
    ...Object.entries(perCategory).map(([name, c]) => `    ${name}: ${c.files} files, ${c.findings} findings, ${c.withParseErrors} with syntax errors`),
    `  findings: ${findings}; programs: ${programs} (${(programMsTotal / 1000).toFixed(1)} s in total, slowest ${summary.maxProgramMs} ms)`,
    `  max per-file time: ${summary.maxFileMs} ms (${summary.maxFile}); bound ${options.maxFileMs} ms, ${overBound.length} over`,
    `  crashes: ${crashes.length}, hangs: ${hangs.length}, unhandled rejections: ${unhandled.length}, files not reported: ${missing.length}`,
    `  CLI sample: ${cli.files} files in ${cli.runs} runs, ${cli.findings} findings, ${cli.fatal} fatal (per-file) messages, ${cli.failures.length} failed runs, ${(cli.ms / 1000).toFixed(1)} s`,
    `  time: engine ${(engineMs / 1000).toFixed(1)} s, total ${(summary.totalMs / 1000).toFixed(1)} s`,
    ...summary.skippedFiles.map((s) => `  skipped: ${s}`),
    ...crashes.slice(0, 20).map((c) => `  CRASH ${c.file}: ${c.error}`),
    ...hangs.map((h) => `  HANG ${h.file} (${h.ms} ms)`),
    ...overBound.slice(0, 20).map((o) => `  SLOW ${o.file}: ${Math.round(o.ms)} ms`),
    ...unhandled.slice(0, 20).map((u) => `  UNHANDLED ${u}`),
    ...summary.missing.slice(0, 20).map((m) => `  NOT REPORTED ${m}`),
    ...cli.failures.slice(0, 20).map((f) => `  CLI ${f}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = ok ? 0 : 1;
}

// ─── worker ───────────────────────────────────────────────────────────────────────────────────

function runWorker() {
  const ts = require('typescript');
  const api = require(path.join(REPO_ROOT, 'dist', 'api.js'));
  process.on('unhandledRejection', (reason) => parentPort.postMessage({ type: 'unhandled', reason: String(reason && reason.stack ? reason.stack : reason) }));
  const config = api.defaultConfig(REPO_ROOT, api.RULE_DEFAULTS);

  // Default libraries and @types are parsed once per worker; corpus files once per batch.
  const LONG_LIVED = /[\\/]node_modules[\\/](?:typescript[\\/]lib|@types)[\\/]/;
  class SweepCache extends api.SourceFileCache {
    get(fileName, languageVersion, host) {
      if (LONG_LIVED.test(fileName)) return super.get(fileName, languageVersion, host);
      const text = host.readFile(fileName);
      return text === undefined ? undefined : ts.createSourceFile(fileName, text, languageVersion, true);
    }
  }
  const cache = new SweepCache();

  parentPort.on('message', ({ files }) => {
    const texts = new Map();
    for (const file of files) {
      try {
        const buffer = fs.readFileSync(file);
        // As the CLI reads sources: a UTF-8 BOM is dropped, UTF-16 with a BOM is decoded.
        let text;
        if (buffer[0] === 0xff && buffer[1] === 0xfe) text = buffer.toString('utf16le', 2);
        else if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) text = buffer.toString('utf8', 3);
        else text = buffer.toString('utf8');
        texts.set(file, text);
      } catch (error) {
        texts.set(file, undefined);
      }
    }
    const host = { ...ts.sys, readFile: (file, encoding) => (texts.has(path.resolve(file)) ? texts.get(path.resolve(file)) : ts.sys.readFile(file, encoding)) };
    const roots = files.filter((file) => texts.get(file) !== undefined && api.mayContainCloseCall(texts.get(file)));
    let program;
    const programStarted = performance.now();
    try {
      if (roots.length > 0) {
        program = api.createInferredProject(roots, host, cache).program;
        program.getTypeChecker(); // binding every file of the program: counted as program time
      }
      parentPort.postMessage({ type: 'program', ms: performance.now() - programStarted, first: files[0] });
    } catch (error) {
      program = undefined;
      parentPort.postMessage({ type: 'program', ms: performance.now() - programStarted, first: files[0], error: String(error && error.stack ? error.stack : error) });
    }
    for (const file of files) {
      parentPort.postMessage({ type: 'file-start', file });
      const fileStarted = performance.now();
      let findings = 0;
      let parseErrors = false;
      let error;
      try {
        const text = texts.get(file);
        if (text !== undefined) {
          const inProgram = program && program.getSourceFile(file);
          const sourceFile = inProgram ?? ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
          parseErrors = sourceFile.parseDiagnostics !== undefined && sourceFile.parseDiagnostics.length > 0;
          findings = api.lintSourceFile(inProgram ? program : undefined, sourceFile, { config }).length;
        }
      } catch (caught) {
        error = String(caught && caught.stack ? caught.stack : caught);
      }
      parentPort.postMessage({ type: 'file-done', file, ms: performance.now() - fileStarted, findings, parseErrors, ...(error ? { error } : {}) });
    }
    parentPort.postMessage({ type: 'batch-done' });
  });
}
