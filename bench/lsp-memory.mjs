// The language server's memory curve (issue 12): the resident memory (VmRSS) of a real
// `dist/language-server.js --stdio` over 50 open/close cycles of 10 loose files and then 5,000
// edits, sampled as it goes — the scenario of test/reliability/lsp-fuzz.test.ts, which asserts
// only the end point. Linux only (/proc).
//   node bench/lsp-memory.mjs [--cycles 50] [--edits 5000] [--every 500]   → one JSON line; a markdown table on stderr
//   BENCH_SERVER_NODE_ARGS="--expose-gc" …   (server Node options)
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(REPO, 'dist', 'language-server.js');
const { values } = parseArgs({ options: { cycles: { type: 'string' }, edits: { type: 'string' }, every: { type: 'string' } } });
const CYCLES = Number(values.cycles ?? 50);
const EDITS = Number(values.edits ?? 5000);
const EVERY = Number(values.every ?? 500);
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-lsp-memory-'));
const files = Array.from({ length: 10 }, (_, i) => {
  const file = path.join(root, 'mem', `f${i}.ts`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `export {};\ndeclare const ws: WebSocket;\nws.close(${1000 + i});\n`);
  return file;
});

const child = spawn(process.execPath, [...SERVER_NODE_ARGS, SERVER, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
connection.onNotification(rpc.PublishDiagnosticsNotification.type, () => {});
connection.onNotification(rpc.LogMessageNotification.type, () => {});
connection.onNotification(rpc.ShowMessageNotification.type, () => {});
connection.onRequest(rpc.ConfigurationRequest.type, (params) => params.items.map(() => ({})));
connection.onRequest(rpc.RegistrationRequest.type, () => {});
connection.onRequest(rpc.DiagnosticRefreshRequest.type, () => {});
connection.listen();
await connection.sendRequest(rpc.InitializeRequest.type, {
  processId: process.pid,
  rootUri: pathToFileURL(root).href,
  workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'memory' }],
  capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } },
});
await connection.sendNotification(rpc.InitializedNotification.type, {});

const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024;
const uriOf = (file) => pathToFileURL(file).href;
const pull = (uri) => connection.sendRequest(rpc.DocumentDiagnosticRequest.type, { textDocument: { uri } });
const versions = new Map();
const texts = new Map();
async function open(file) {
  const uri = uriOf(file);
  const text = fs.readFileSync(file, 'utf8');
  versions.set(uri, 1);
  texts.set(uri, text);
  await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'typescript', version: 1, text } });
  return uri;
}
const close = (file) => connection.sendNotification(rpc.DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(file) } });
async function cycle() {
  for (const file of files) await pull(await open(file));
  for (const file of files) await close(file);
}
/** The test's edits: a close call inserted on one of five lines; every 500 the inserted lines are dropped again; a pull every 250. */
async function edit(uri, i) {
  const version = versions.get(uri) + 1;
  versions.set(uri, version);
  const lines = texts.get(uri).split('\n');
  if (i % 500 === 499) lines.splice(2, lines.length - 3);
  else lines.splice(2 + (i % 5), 0, `ws.close(${1000 + (i % 20)}, "edit ${i}");`);
  const text = lines.join('\n');
  texts.set(uri, text);
  await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  if (i % 250 === 0) await pull(uri);
}

/** Longer than the idle collector's quiet time plus its minimum interval (lsp/memory.ts). */
const SETTLE_MS = 6000;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
const started = Date.now();
// Warm-up, as in the test: one cycle, 200 edits.
await cycle();
let uri = await open(files[0]);
for (let i = 0; i < 200; i++) await edit(uri, i);
await close(files[0]);
await settle();
const curve = [{ step: 'after warm-up (idle)', rssMb: rss() }];
for (let round = 1; round <= CYCLES; round++) {
  await cycle();
  if (round % 5 === 0) curve.push({ step: `${round} cycles`, rssMb: rss() });
}
uri = await open(files[0]);
for (let i = 0; i < EDITS; i++) {
  await edit(uri, 200 + i);
  if ((i + 1) % EVERY === 0) curve.push({ step: `${CYCLES} cycles + ${i + 1} edits`, rssMb: rss() });
}
await pull(uri);
const endMb = rss();
curve.push({ step: 'at the end', rssMb: endMb });
// The server collects once it has been quiet (lsp/memory.ts): what it keeps, not what it has not yet collected.
await settle();
curve.push({ step: `after ${SETTLE_MS / 1000} s idle`, rssMb: rss() });
const result = { cycles: CYCLES, edits: EDITS, seconds: (Date.now() - started) / 1000, growthMb: endMb - curve[0].rssMb, settledGrowthMb: curve.at(-1).rssMb - curve[0].rssMb, peakMb: Math.max(...curve.map((s) => s.rssMb)), curve };
await connection.sendRequest(rpc.ShutdownRequest.type);
await connection.sendNotification(rpc.ExitNotification.type);
await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', resolve)));
connection.dispose();
fs.rmSync(root, { recursive: true, force: true });

const base = curve[0].rssMb;
process.stderr.write(['| step | VmRSS (MB) | since warm-up (MB) |', '| --- | --- | --- |', ...curve.map((s) => `| ${s.step} | ${s.rssMb.toFixed(0)} | ${(s.rssMb - base >= 0 ? '+' : '') + (s.rssMb - base).toFixed(0)} |`)].join('\n') + '\n');
console.log(JSON.stringify(result));
