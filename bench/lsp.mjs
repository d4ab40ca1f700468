// Language-server latency through the real stdio protocol (the client pattern of
// test/lsp/harness.ts): spawns `node dist/language-server.js --stdio` in a generated project.
//   node bench/lsp.mjs <project-dir> [--edits 100] [--requests 100]  → prints one JSON line
//   On another project (bench/real.mjs does this on a real repository): --file <path> (the edited
//   file, relative to the project), --replace <text> --with <text> (the edit, toggled back and
//   forth), --code-after <text> (hover and completion just after it: the text before a close
//   code), --src <dir> (where the other 49 opened files come from; default src), --server <file>
//   (default dist/language-server.js).
//   BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/lsp-prof" node bench/lsp.mjs …  (profile the servers)
//
// Two servers, one after the other:
//  - pull (the model VS Code's client uses: it declares textDocument.diagnostic): cold time from
//    spawn to the first diagnostic report of a file with close calls; then ≥100 edits of that file,
//    each a didChange followed by textDocument/diagnostic (time from didChange to the report);
//    then hover and completion on a close code (p50/p95); RSS after opening 50 files.
//  - push (publishDiagnostics): cold time to the first published diagnostics and the same edit
//    loop measured up to the publishDiagnostics of the edited version. The server waits
//    PUSH_DELAY_MS (50 ms, server/src/lsp/delivery.ts) before a push pass: that delay is included.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const rpc = require('vscode-languageserver-protocol/node');

const args = process.argv.slice(2);
const root = path.resolve(args[0]);
const text = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const option = (name, fallback) => Number(text(name, fallback));
const EDITS = option('edits', 100);
// Node options for the server, e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/lsp-prof".
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const REQUESTS = option('requests', 100);
const SERVER = path.resolve(text('server', path.join(REPO, 'dist', 'language-server.js')));
const editTarget = text('file') ?? JSON.parse(fs.readFileSync(path.join(root, 'bench-manifest.json'), 'utf8')).editTarget;
const target = path.join(root, editTarget);
// The generated projects' edit and close code (see generate.mjs), unless given.
const EDIT_FROM = text('replace', "socket.close(1008, 'missing token')");
const EDIT_TO = text('with', "socket.close(1011, 'missing token')");
const CODE_AFTER = text('code-after');
const languageId = (file) => ({ '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascriptreact', '.tsx': 'typescriptreact' })[path.extname(file)] ?? 'typescript';
const uri = pathToFileURL(target).href;

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const summary = (values) => ({ p50: percentile(values, 50), p95: percentile(values, 95), n: values.length });

function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

function listFiles() {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (/\.(ts|tsx|js|mjs|cjs|jsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  walk(path.join(root, text('src', 'src')));
  return files;
}

async function startServer(pull) {
  const spawned = performance.now();
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, SERVER, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const published = new Map();
  const waiters = [];
  connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => {
    published.set(params.uri, params);
    for (const waiter of waiters.splice(0)) waiter();
  });
  connection.onNotification(rpc.LogMessageNotification.type, () => {});
  connection.onNotification(rpc.ShowMessageNotification.type, () => {});
  connection.onRequest(rpc.ConfigurationRequest.type, (params) => params.items.map(() => ({})));
  connection.onRequest(rpc.RegistrationRequest.type, () => {});
  connection.onRequest(rpc.DiagnosticRefreshRequest.type, () => {});
  connection.listen();
  await connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
    capabilities: {
      workspace: { configuration: true, diagnostics: { refreshSupport: true } },
      textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: { versionSupport: true, dataSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { documentationFormat: ['markdown'] } },
        ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
    },
  });
  await connection.sendNotification(rpc.InitializedNotification.type, {});
  const versions = new Map();
  const texts = new Map();
  const server = {
    child,
    spawned,
    connection,
    get stderr() {
      return stderr;
    },
    async open(file) {
      const fileUri = pathToFileURL(file).href;
      const text = fs.readFileSync(file, 'utf8');
      versions.set(fileUri, 1);
      texts.set(fileUri, text);
      await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri: fileUri, languageId: languageId(file), version: 1, text } });
      return fileUri;
    },
    async change(fileUri, text) {
      const version = versions.get(fileUri) + 1;
      versions.set(fileUri, version);
      texts.set(fileUri, text);
      await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri: fileUri, version }, contentChanges: [{ text }] });
      return version;
    },
    text: (fileUri) => texts.get(fileUri),
    pullDiagnostics: (fileUri) => connection.sendRequest(rpc.DocumentDiagnosticRequest.type, { textDocument: { uri: fileUri } }),
    async pushed(fileUri, version, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const last = published.get(fileUri);
        if (last && last.version === version) return last.diagnostics;
        if (Date.now() > deadline) throw new Error(`no diagnostics for ${fileUri} v${version}\n${stderr}`);
        await new Promise((resolve) => {
          const timer = setTimeout(resolve, 200);
          waiters.push(() => (clearTimeout(timer), resolve()));
        });
      }
    },
    async stop() {
      await connection.sendRequest(rpc.ShutdownRequest.type);
      await connection.sendNotification(rpc.ExitNotification.type);
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', resolve)));
      connection.dispose();
    },
  };
  return server;
}

/** Alternates the edit: the file's first `close(1008` becomes 1011, and back (or --replace / --with). */
function editedText(text, k) {
  return k % 2 === 0 ? text.replace(EDIT_FROM, EDIT_TO) : text.replace(EDIT_TO, EDIT_FROM);
}

function positionOf(text, needle, delta = 0) {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const files = listFiles();
const others = files.filter((file) => file !== target).slice(0, 49);
const result = { project: path.basename(root), files: files.length, editTarget };

// --- pull server: cold, edits, hover, completion, RSS after 50 files
{
  const server = await startServer(true);
  const targetUri = await server.open(target);
  const cold = await server.pullDiagnostics(targetUri);
  result.coldFirstDiagnosticsMs = performance.now() - server.spawned;
  result.coldFindings = cold.items.length;
  for (const file of others) await server.open(file);
  for (const file of others) await server.pullDiagnostics(pathToFileURL(file).href);
  await new Promise((resolve) => setTimeout(resolve, 500));
  result.rssAfter50FilesMb = rssMb(server.child.pid);

  const edits = [];
  for (let k = 0; k < EDITS + 5; k++) {
    const started = performance.now();
    await server.change(targetUri, editedText(server.text(targetUri), k));
    const report = await server.pullDiagnostics(targetUri);
    if (k >= 5) edits.push(performance.now() - started); // 5 warm-up edits
    if (report.kind !== 'full') throw new Error('expected a full report');
  }
  result.pullEditToDiagnosticsMs = summary(edits);

  const text = server.text(targetUri);
  const [codeAt, delta] = CODE_AFTER ? [CODE_AFTER, CODE_AFTER.length] : ["close(1001, 'server shutting down')", 'close('.length];
  const hoverAt = positionOf(text, codeAt, delta + 1);
  const completeAt = positionOf(text, codeAt, delta);
  const hovers = [];
  const completions = [];
  let hoverOk = false;
  let completionItems = 0;
  for (let k = 0; k < REQUESTS + 5; k++) {
    let started = performance.now();
    const hover = await server.connection.sendRequest(rpc.HoverRequest.type, { textDocument: { uri: targetUri }, position: hoverAt });
    if (k >= 5) hovers.push(performance.now() - started);
    hoverOk = hover !== null;
    started = performance.now();
    const completion = await server.connection.sendRequest(rpc.CompletionRequest.type, { textDocument: { uri: targetUri }, position: completeAt });
    if (k >= 5) completions.push(performance.now() - started);
    completionItems = Array.isArray(completion) ? completion.length : (completion?.items.length ?? 0);
  }
  result.hoverMs = { ...summary(hovers), answered: hoverOk };
  result.completionMs = { ...summary(completions), items: completionItems };
  result.rssAfterEditsMb = rssMb(server.child.pid);
  await server.stop();
}

// --- push server: cold first published diagnostics, edit loop
{
  const server = await startServer(false);
  const targetUri = await server.open(target);
  const cold = await server.pushed(targetUri, 1);
  result.pushColdFirstDiagnosticsMs = performance.now() - server.spawned;
  result.pushColdFindings = cold.length;
  const edits = [];
  for (let k = 0; k < EDITS + 5; k++) {
    const started = performance.now();
    const version = await server.change(targetUri, editedText(server.text(targetUri), k));
    await server.pushed(targetUri, version);
    if (k >= 5) edits.push(performance.now() - started);
  }
  result.pushEditToDiagnosticsMs = summary(edits);
  await server.stop();
}

console.log(JSON.stringify(result));
