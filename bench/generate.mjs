// Generates a deterministic, realistic TypeScript project for the benchmark (seeded PRNG, so the
// same size, mix and seed always give byte-identical files).
//
//   node bench/generate.mjs --size 2000 --mix typical [--seed 1] [--out bench/.projects/typical-2000]
//
// Layout (inside the repository, so `ws`, `@types/ws`, `@types/node` and TypeScript's DOM lib all
// resolve from the repository's node_modules):
//   tsconfig.json            one program: lib ES2022 + DOM, types ["node"] (see bench/README.md)
//   eslint.config.mjs        typescript-eslint base + wsclose/eslint-plugin recommended (projectService)
//   src/shared/*.ts          models, generic stores, utilities (imported by both sides)
//   src/server/*.ts          Node services; some run a `ws` WebSocketServer
//   src/web/*.ts             browser modules; some open a DOM `WebSocket`
//   bench-manifest.json      what was generated, including the planted findings
//
// Mixes:
//   typical  ~3 % of files touch WebSockets; ~10 % call another close-like method (http.Server,
//            streams, BroadcastChannel, a DB pool) that the pre-scan cannot rule out.
//   worst    every file opens or serves a WebSocket and closes it.
// A planted finding is put in one WebSocket file out of five (one per file, rule chosen in turn).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AREAS = ['shared', 'server', 'web'];
const NOUNS = ['order', 'invoice', 'user', 'session', 'room', 'message', 'product', 'cart', 'ticket', 'device', 'metric', 'report', 'team', 'project', 'task', 'comment'];

// Planted mistakes: [rule, server-side call, browser-side call]. Every one yields exactly one finding.
const PLANTED_SERVER = [
  ['reserved-code', 'socket.close(1005);'],
  ['invalid-code', 'socket.close(401, "unauthorized");'],
  ['unregistered-code', 'socket.close(3001, "kicked");'],
  ['reason-too-long', `socket.close(1008, "${'The session token presented by this client has expired and cannot be refreshed; please sign in again to continue using the service.'}");`],
];
const PLANTED_WEB = [
  ['browser-code-range', 'this.socket?.close(1001, "leaving");'],
  ['reserved-code', 'this.socket?.close(1006);'],
  ['reason-without-code', 'this.socket?.close(undefined, "bye");'],
];

export function generate({ size, mix, seed = 1, out }) {
  const random = mulberry32(seed * 7919 + size * 31 + (mix === 'worst' ? 1 : 0));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const files = [];
  for (let i = 0; i < size; i++) {
    const area = i < 20 ? 'shared' : AREAS[Math.floor(random() * 3)];
    let kind = 'plain';
    if (mix === 'worst') kind = area === 'web' ? 'ws-web' : 'ws-server';
    else {
      const r = random();
      if (r < 0.03 && i >= 20) kind = area === 'web' ? 'ws-web' : 'ws-server';
      else if (r < 0.13) kind = area === 'web' ? 'other-web' : 'other-server';
    }
    // shared files must work on both sides: no ws, no DOM sockets
    if (area === 'shared' && kind !== 'plain') kind = kind.startsWith('ws') ? 'ws-server' : 'other-server';
    const noun = NOUNS[i % NOUNS.length];
    files.push({ index: i, area: area === 'shared' && kind === 'ws-server' ? 'server' : area, kind, noun, name: `${noun}-${i}` });
  }
  const planted = [];
  let wsCount = 0;
  for (const file of files) {
    if (!file.kind.startsWith('ws')) continue;
    if (wsCount++ % 5 === 0) {
      const list = file.kind === 'ws-web' ? PLANTED_WEB : PLANTED_SERVER;
      const [rule, call] = list[planted.length % list.length];
      file.planted = { rule, call };
      planted.push({ file: `src/${file.area}/${file.name}.ts`, rule });
    }
  }

  fs.rmSync(out, { recursive: true, force: true });
  for (const area of AREAS) fs.mkdirSync(path.join(out, 'src', area), { recursive: true });
  for (const file of files) {
    // Imports: 2–4 earlier files this side may use (shared, or the same area).
    const candidates = files.slice(Math.max(0, file.index - 200), file.index).filter((f) => f.area === 'shared' || f.area === file.area);
    const imports = new Map();
    const want = 2 + Math.floor(random() * 3);
    for (let k = 0; k < want * 3 && imports.size < want && candidates.length > 0; k++) {
      const target = pick(candidates);
      imports.set(target.index, target);
    }
    fs.writeFileSync(path.join(out, 'src', file.area, `${file.name}.ts`), source(file, [...imports.values()], random));
  }
  const plugin = path.relative(out, path.join(REPO, 'dist', 'eslint-plugin.js')).split(path.sep).join('/');
  fs.writeFileSync(
    path.join(out, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: ['node'],
          strict: true,
          esModuleInterop: true,
          skipLibCheck: true,
          noEmit: true,
        },
        include: ['src'],
      },
      null,
      2,
    ) + '\n',
  );
  fs.writeFileSync(
    path.join(out, 'eslint.config.mjs'),
    `import tseslint from 'typescript-eslint';\nimport wsclose from '${plugin}';\n\nexport default [\n  tseslint.configs.base,\n  wsclose.configs.recommended,\n  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },\n];\n`,
  );
  const manifest = {
    size,
    mix,
    seed,
    files: files.length,
    byKind: files.reduce((acc, f) => ((acc[f.kind] = (acc[f.kind] ?? 0) + 1), acc), {}),
    planted,
    // A file with close calls (and a planted finding when there is one) for the LSP edit loop.
    editTarget: `src/${(files.find((f) => f.kind === 'ws-server' && !f.planted) ?? files.find((f) => f.kind === 'ws-server')).area}/${(files.find((f) => f.kind === 'ws-server' && !f.planted) ?? files.find((f) => f.kind === 'ws-server')).name}.ts`,
  };
  fs.writeFileSync(path.join(out, 'bench-manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

const cap = (s) => s[0].toUpperCase() + s.slice(1);
const typeName = (f) => `${cap(f.noun)}${f.index}`;

function source(file, imports, random) {
  const T = typeName(file);
  const lines = [`// Generated by bench/generate.mjs (${file.kind}). Do not edit.`];
  if (file.kind === 'ws-server') lines.push(`import { WebSocketServer, WebSocket } from 'ws';`, `import type { IncomingMessage } from 'node:http';`);
  if (file.kind === 'other-server') lines.push(`import { createServer } from 'node:http';`, `import type { Server } from 'node:http';`, `import { createWriteStream } from 'node:fs';`);
  for (const dep of imports) {
    const rel = path.posix.relative(`src/${file.area}`, `src/${dep.area}/${dep.name}`);
    lines.push(`import { ${typeName(dep)}Store, type ${typeName(dep)} } from '${rel.startsWith('.') ? rel : `./${rel}`}';`);
  }
  const deps = imports.map(typeName);
  const fields = ['id: string', `kind: '${file.noun}'`, 'createdAt: Date', `tags: readonly string[]`, `owner?: { id: string; name: string }`];
  const extra = 2 + Math.floor(random() * 4);
  for (let k = 0; k < extra; k++) fields.push(`${file.noun}Field${k}: ${['number', 'string', 'boolean', 'Record<string, number>'][k % 4]}`);
  for (const d of deps.slice(0, 2)) fields.push(`${d[0].toLowerCase()}${d.slice(1)}Ref?: ${d}['id']`);
  lines.push(
    '',
    `export interface ${T} {`,
    ...fields.map((f) => `  ${f};`),
    '}',
    '',
    `export type ${T}Patch = Partial<Omit<${T}, 'id' | 'kind'>>;`,
    `export type ${T}Event = { type: 'created'; value: ${T} } | { type: 'updated'; id: string; patch: ${T}Patch } | { type: 'deleted'; id: string };`,
    '',
    `export class ${T}Store<E extends { id: string } = ${T}> {`,
    `  private readonly items = new Map<string, E>();`,
    `  private readonly listeners: Array<(event: { type: 'set' | 'delete'; id: string }) => void> = [];`,
    '',
    `  get(id: string): E | undefined {`,
    `    return this.items.get(id);`,
    '  }',
    '',
    `  set(item: E): this {`,
    `    this.items.set(item.id, item);`,
    `    for (const listener of this.listeners) listener({ type: 'set', id: item.id });`,
    `    return this;`,
    '  }',
    '',
    `  delete(id: string): boolean {`,
    `    const had = this.items.delete(id);`,
    `    if (had) for (const listener of this.listeners) listener({ type: 'delete', id });`,
    `    return had;`,
    '  }',
    '',
    `  where<K extends keyof E>(key: K, value: E[K]): E[] {`,
    `    return [...this.items.values()].filter((item) => item[key] === value);`,
    '  }',
    '',
    `  map<R>(fn: (item: E, index: number) => R): R[] {`,
    `    return [...this.items.values()].map(fn);`,
    '  }',
    '',
    `  subscribe(listener: (event: { type: 'set' | 'delete'; id: string }) => void): () => void {`,
    `    this.listeners.push(listener);`,
    `    return () => this.listeners.splice(this.listeners.indexOf(listener), 1);`,
    '  }',
    '}',
    '',
    `export function apply${T}(value: ${T}, event: ${T}Event): ${T} | undefined {`,
    `  switch (event.type) {`,
    `    case 'created':`,
    `      return event.value;`,
    `    case 'updated':`,
    `      return event.id === value.id ? { ...value, ...event.patch } : value;`,
    `    case 'deleted':`,
    `      return event.id === value.id ? undefined : value;`,
    '  }',
    '}',
  );
  if (deps.length > 0) {
    lines.push('', `export function summarize${T}(${deps.map((d, k) => `s${k}: ${d}Store`).join(', ')}): Record<string, number> {`);
    lines.push(`  return {`, ...deps.map((d, k) => `    ${d[0].toLowerCase()}${d.slice(1)}: s${k}.map((item) => item.tags.length).reduce((a, b) => a + b, 0),`), '  };', '}');
  }

  if (file.kind === 'ws-server') {
    lines.push(
      '',
      `const MAX_MESSAGE_BYTES = ${1024 * (1 + Math.floor(random() * 64))};`,
      '',
      `export class ${T}Gateway {`,
      `  private readonly wss: WebSocketServer;`,
      `  private readonly clients = new Map<WebSocket, string>();`,
      `  readonly store = new ${T}Store();`,
      '',
      `  constructor(port: number) {`,
      `    this.wss = new WebSocketServer({ port });`,
      `    this.wss.on('connection', (socket: WebSocket, request: IncomingMessage) => this.accept(socket, request));`,
      '  }',
      '',
      `  private accept(socket: WebSocket, request: IncomingMessage): void {`,
      `    const token = request.headers.authorization;`,
      `    if (!token) {`,
      `      socket.close(1008, 'missing token');`,
      `      return;`,
      '    }',
      `    this.clients.set(socket, token);`,
      `    socket.on('message', (data: Buffer) => {`,
      `      if (data.byteLength > MAX_MESSAGE_BYTES) {`,
      `        socket.close(1009, 'message too big');`,
      `        return;`,
      '      }',
      `      const event = JSON.parse(data.toString('utf8')) as ${T}Event;`,
      `      if (event.type === 'created') this.store.set(event.value);`,
      '    });',
      `    socket.on('close', () => this.clients.delete(socket));`,
      ...(file.planted ? [`    if (token === 'revoked') {`, `      ${file.planted.call}`, '    }'] : []),
      '  }',
      '',
      `  shutdown(): void {`,
      `    for (const socket of this.clients.keys()) socket.close(1001, 'server shutting down');`,
      `    this.wss.close();`,
      '  }',
      '}',
    );
  } else if (file.kind === 'ws-web') {
    lines.push(
      '',
      `export class ${T}LiveFeed {`,
      `  private socket: WebSocket | undefined;`,
      `  readonly store = new ${T}Store();`,
      '',
      `  connect(url: string): void {`,
      `    const socket = new WebSocket(url);`,
      `    socket.addEventListener('message', (event: MessageEvent<string>) => {`,
      `      const change = JSON.parse(event.data) as ${T}Event;`,
      `      if (change.type === 'created') this.store.set(change.value);`,
      `      else if (change.type === 'deleted') this.store.delete(change.id);`,
      '    });',
      `    socket.addEventListener('open', () => {`,
      `      this.socket = socket;`,
      '    });',
      '  }',
      '',
      `  leaveRoom(): void {`,
      `    this.socket?.close(4000, 'left room');`,
      '  }',
      '',
      `  disconnect(): void {`,
      ...(file.planted ? [`    ${file.planted.call}`] : [`    this.socket?.close(1000, 'user signed out');`]),
      `    this.socket = undefined;`,
      '  }',
      '}',
    );
  } else if (file.kind === 'other-server') {
    lines.push(
      '',
      `export function serve${T}(port: number, logFile: string): Server {`,
      `  const log = createWriteStream(logFile, { flags: 'a' });`,
      `  const server = createServer((request, response) => {`,
      `    log.write(\`\${request.method} \${request.url}\\n\`);`,
      `    response.end(JSON.stringify({ ok: true }));`,
      '  });',
      `  server.on('close', () => log.end());`,
      `  setTimeout(() => server.close(), 60_000).unref();`,
      `  return server.listen(port);`,
      '}',
    );
  } else if (file.kind === 'other-web') {
    lines.push(
      '',
      `export function broadcast${T}(value: ${T}): void {`,
      `  const channel = new BroadcastChannel('${file.noun}');`,
      `  channel.postMessage({ id: value.id, kind: value.kind });`,
      `  channel.close();`,
      '}',
      '',
      `export function bridge${T}(port: MessagePort, store: ${T}Store): void {`,
      `  port.onmessage = (event: MessageEvent<${T}>) => void store.set(event.data);`,
      `  setTimeout(() => port.close(), 1000);`,
      '}',
    );
  }
  return lines.join('\n') + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = Object.fromEntries(process.argv.slice(2).reduce((acc, arg, k, all) => (arg.startsWith('--') ? [...acc, [arg.slice(2), all[k + 1]]] : acc), []));
  const size = Number(args.size ?? 500);
  const mix = args.mix ?? 'typical';
  const out = path.resolve(args.out ?? path.join(REPO, 'bench', '.projects', `${mix}-${size}`));
  const manifest = generate({ size, mix, seed: Number(args.seed ?? 1), out });
  console.log(`${out}: ${manifest.files} files ${JSON.stringify(manifest.byKind)}, ${manifest.planted.length} planted findings`);
}
