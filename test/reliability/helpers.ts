// Shared by the reliability tests: a gitignored scratch folder inside the repository (so that
// files there resolve the repository's node_modules like real projects), and the built CLI run
// as users run it, with a timeout: a hang is a failure, not a stuck test run.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, REPO_ROOT } from '../harness/paths';

export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
export const SERVER = path.join(REPO_ROOT, 'dist', 'language-server.js');

/** A fresh folder test/fixtures/.tmp-reliability-<name>-<pid> (see .gitignore). */
export function scratch(name: string): string {
  const dir = path.join(FIXTURES, `.tmp-reliability-${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function writeFile(dir: string, relative: string, content: string | Buffer): string {
  const file = path.join(dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** `node [nodeArgs] dist/cli.js args` in `cwd`; rejects on a timeout (a hang) or a signal. */
export function runCli(cwd: string, args: readonly string[], options: { timeoutMs?: number; nodeArgs?: readonly string[]; env?: Record<string, string> } = {}): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
    delete env['NODE_TEST_CONTEXT'];
    delete env['FORCE_COLOR'];
    execFile(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], { cwd, env, timeout: options.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(new Error(`wsclose ${args.join(' ')} did not finish: ${error.message}\n${stderr}`));
      else resolve({ exitCode: error ? (error.code as number) : 0, stdout, stderr, ms: Date.now() - started });
    });
  });
}

export interface JsonMessage {
  ruleId: string | null;
  fatal?: boolean;
  severity: number;
  message: string;
  line: number;
  column: number;
}
export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  output?: string;
}

/** The JSON results of a run that did not crash: exit code 0 or 1, no internal error. */
export function parseRun(run: CliRun): JsonResult[] {
  if (run.exitCode !== 0 && run.exitCode !== 1) throw new Error(`exit code ${run.exitCode}\nstderr: ${run.stderr}`);
  if (/internal error/i.test(run.stderr)) throw new Error(`internal error: ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonResult[];
}

/** `relative/path:line:column rule` per message, sorted. */
export function summarize(results: readonly JsonResult[], root: string): string[] {
  return results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line ?? 0}:${m.column ?? 0} ${m.ruleId ?? (m.fatal ? 'fatal' : 'note')}`)).sort();
}

/** A browser socket closed with a reserved code: exactly one reserved-code finding (plus premature-close). */
export const ONE_FINDING = 'declare const ws: WebSocket;\nws.close(1006);\n';
