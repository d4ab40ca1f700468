// Shared by the benchmark scripts (run.mjs: generated projects; real.mjs: real repositories):
// a cold process measured for wall time and peak RSS, medians, and the machine's description.
import { spawnSync, execSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

export const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
export const NODE = process.execPath;

export const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Runs a node script as a cold process: wall ms, peak RSS MB, stdout. A reference tool (tsc,
 * eslint) may crash — typed ESLint runs out of memory on large projects — and that is a result:
 * `crashed` says why. wsclose crashing is a bug: it throws. `okStatus`: the exit codes of a finished
 * run (tsc exits 2 when it reports type errors).
 */
export function measure(script, args, cwd, { mayCrash = false, json = false, nodeArgs = [], okStatus = [0, 1] } = {}) {
  const command = TIME ? TIME : NODE;
  const fullArgs = TIME ? ['-v', NODE, ...nodeArgs, script, ...args] : [...nodeArgs, script, ...args];
  const started = performance.now();
  const run = spawnSync(command, fullArgs, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = performance.now() - started;
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr ?? '')?.[1] ?? NaN);
  const userS = Number(/User time \(seconds\): ([\d.]+)/.exec(run.stderr ?? '')?.[1] ?? NaN);
  const sysS = Number(/System time \(seconds\): ([\d.]+)/.exec(run.stderr ?? '')?.[1] ?? NaN);
  const signal = /Command terminated by signal (\d+)/.exec(run.stderr ?? '')?.[1];
  // A JSON formatter that printed nothing parseable did not finish either (seen: ESLint killed by
  // the out-of-memory handler while /usr/bin/time still reported exit status 1).
  const failed = !okStatus.includes(run.status) || (json && !parsesAsJson(run.stdout));
  if (failed && !mayCrash) throw new Error(`${path.basename(script)} ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  const lastLine = (run.stderr ?? '').split('\n').map((line) => line.trim()).filter((line) => line && !/^(Command|\w[\w ()/]*:\s)/.test(line)).pop();
  const crashed = failed ? (/heap out of memory/i.test(run.stderr ?? '') ? 'out of memory' : signal ? `signal ${signal}` : `exit ${run.status}${lastLine ? `: ${lastLine.slice(0, 80)}` : ''}`) : undefined;
  return { wallMs, rssMb: rssKb / 1024, cpuMs: (userS + sysS) * 1000, stdout: run.stdout, stderr: run.stderr, status: run.status, crashed };
}

export function parsesAsJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** `file:line:column:rule` for every message of an ESLint-shaped JSON result list. */
export function findingKeys(json, root, prefix) {
  const keys = [];
  for (const result of JSON.parse(json)) {
    for (const m of result.messages) keys.push(`${path.relative(root, result.filePath)}:${m.line}:${m.column}:${m.ruleId?.startsWith(prefix) ? m.ruleId.slice(prefix.length) : m.ruleId}`);
  }
  return keys.sort();
}

export const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

export function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  let nproc = String(os.availableParallelism?.() ?? os.cpus().length);
  try {
    nproc = execSync('nproc', { encoding: 'utf8' }).trim();
  } catch {}
  return { cpu, nproc, memGiB: (os.totalmem() / 2 ** 30).toFixed(1), node: process.version, os: `${os.type()} ${os.release()}`, loadAtStart: loadAverage() };
}

/**
 * Replaces the text between `begin` and `end` in a results file (the analysis around it is kept);
 * appends `heading` and the block when the markers are not there yet.
 */
export function writeBetweenMarkers(file, begin, end, text, heading = '') {
  const block = `${begin}\n${text}\n${end}`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const at = current.indexOf(begin);
  const until = current.indexOf(end);
  fs.writeFileSync(file, at >= 0 && until > at ? current.slice(0, at) + block + current.slice(until + end.length) : `${current}\n${heading}${block}\n`);
}
