/// <reference types="vscode" />
// The tests that run inside code-server's extension host (see ./index.ts). Each one leaves the
// editor as it found it: edits are reverted, settings reset; nothing is ever saved to disk.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CliMessage, HostConfig } from './protocol';

export interface HostTest {
  readonly name: string;
  readonly suites: ReadonlyArray<HostConfig['suite']>;
  readonly timeoutMs?: number;
  run(config: HostConfig): Promise<void>;
}

const EXTENSION_ID = 'wsclose.wsclose';
const COMMANDS = ['wsclose.restartServer', 'wsclose.showOutput', 'wsclose.fixAll', 'wsclose.openReference'];

/** What the running test is doing, for the runner's timeout message. */
export const progress = { step: '' };

/** Runs one awaited editor operation, recorded as the current step. */
export async function step<T>(what: string, operation: Thenable<T>): Promise<T> {
  progress.step = what;
  return operation;
}

export async function poll<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000, detail?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  progress.step = `waiting for ${what}`;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail ? ` (now: ${detail()})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Runs an editor command, again while it is cancelled: a provider (ours or the built-in
 * TypeScript one, while its project loads) may cancel a request, and VS Code re-triggers it then.
 */
async function command<T>(name: string, ...args: unknown[]): Promise<T> {
  const deadline = Date.now() + 15_000;
  progress.step = name;
  for (;;) {
    try {
      return await vscode.commands.executeCommand<T>(name, ...args);
    } catch (error) {
      const cancelled = error instanceof Error && (error.name === 'Canceled' || error.message === 'Canceled');
      if (!cancelled || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export const file = (config: HostConfig, relative: string): vscode.Uri => vscode.Uri.file(path.join(config.workspace, relative));

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Discards the buffer's edits (the tests never save). */
export async function revert(document: vscode.TextDocument): Promise<void> {
  if (!document.isDirty) return;
  await vscode.window.showTextDocument(document, { preview: false });
  await step('workbench.action.files.revert', vscode.commands.executeCommand('workbench.action.files.revert'));
  await poll(`${path.basename(document.fileName)} to be reverted`, () => !document.isDirty);
}

function wsclose(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'wsclose');
}

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? code.value : code;
}

interface Comparable {
  code: string | number | undefined;
  severity: vscode.DiagnosticSeverity;
  message: string;
  range: [number, number, number, number];
}

const comparable = (d: vscode.Diagnostic): Comparable => ({
  code: codeOf(d),
  severity: d.severity,
  message: d.message,
  range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
});

const fromCli = (m: CliMessage): Comparable => ({
  code: m.ruleId ?? 'wsclose-directive',
  severity: m.severity === 2 ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  message: m.message,
  range: [m.line - 1, m.column - 1, m.endLine - 1, m.endColumn - 1],
});

/** The position of the first `needle` in the document (+ `offset` characters). */
function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `${needle} not found in ${document.fileName}`);
  return document.positionAt(index + offset);
}

function hoverText(hovers: readonly vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n---\n');
}

async function diagnosticsFor(uri: vscode.Uri, predicate: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return poll(
    what,
    () => {
      const diagnostics = wsclose(uri);
      return predicate(diagnostics) ? diagnostics : undefined;
    },
    timeoutMs,
    () => JSON.stringify(wsclose(uri).map(comparable)),
  );
}

/** A rough but robust check that a text is French: several French function words, no English ones. */
function assertFrench(text: string, what: string): void {
  const french = new Set(text.toLowerCase().match(/(?<![\p{L}])(le|la|les|des|du|une?|est|pas|pour|avec|sans|jamais|ou|et)(?![\p{L}])/gu) ?? []);
  const english = new Set(text.toLowerCase().match(/(?<![\p{L}])(the|is|and|with|without|never|for)(?![\p{L}])/gu) ?? []);
  assert.ok(french.size >= 3 && english.size === 0, `${what} should be French (French words: ${[...french].join(', ') || 'none'}; English words: ${[...english].join(', ') || 'none'}): ${text}`);
}

/** Open markdown preview tabs (webviews of the built-in markdown extension). */
function markdownPreviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType));
}

export const HOST_TESTS: readonly HostTest[] = [
  {
    name: 'the extension activates on a TypeScript file and registers its commands',
    suites: ['en', 'fr'],
    timeoutMs: 60_000,
    async run(config) {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is not loaded`);
      assert.equal(path.resolve(extension.extensionPath), path.resolve(config.extensionPath), 'the extension under development is the one loaded');
      await open(file(config, 'src/chat.ts'));
      await poll(`${EXTENSION_ID} to activate`, () => extension.isActive, 30_000);
      const commands = await vscode.commands.getCommands(true);
      for (const command of COMMANDS) assert.ok(commands.includes(command), `command ${command} is registered`);
      // The server is up once it has published the file's diagnostics.
      await diagnosticsFor(file(config, 'src/chat.ts'), (d) => d.length > 0, 'the first wsclose diagnostics', 45_000);
    },
  },
  {
    name: "the diagnostics of every file equal the CLI's (rule ids, ranges, severities, messages)",
    suites: ['en'],
    timeoutMs: 60_000,
    async run(config) {
      assert.ok(config.cli.some((result) => result.messages.length > 0), 'the CLI finds something in the fixture');
      for (const result of config.cli) {
        const uri = vscode.Uri.file(result.filePath);
        await open(uri);
        const expected = result.messages.map(fromCli);
        const sameCount = await diagnosticsFor(uri, (d) => d.length === expected.length, `${expected.length} diagnostics in ${path.basename(result.filePath)}`);
        assert.deepEqual(sameCount.map(comparable), expected, result.filePath);
      }
    },
  },
  {
    name: "examples/: every planted mistake is reported as by the CLI, with a hover on its code",
    suites: ['en'],
    timeoutMs: 90_000,
    async run(config) {
      const planted = config.examples.reduce((n, r) => n + r.messages.length, 0);
      assert.ok(planted >= 8, `the CLI reports the planted mistakes of examples/ (${planted})`);
      for (const result of config.examples.filter((r) => r.messages.length > 0)) {
        const uri = vscode.Uri.file(result.filePath);
        const { document } = await open(uri);
        const expected = result.messages.map(fromCli);
        const got = await diagnosticsFor(uri, (d) => d.length === expected.length, `${expected.length} diagnostics in ${result.filePath}`, 30_000);
        assert.deepEqual(got.map(comparable), expected, result.filePath);
        for (const diagnostic of got) {
          const where = `${result.filePath}:${diagnostic.range.start.line + 1}`;
          const code = document.getText(diagnostic.range);
          if (/^\d+$/.test(code)) {
            // A finding on a close code: hovering the code shows its registry entry.
            const hovers = await command<vscode.Hover[]>('vscode.executeHoverProvider', uri, diagnostic.range.start);
            assert.match(hoverText(hovers), new RegExp(`\\*\\*${code}\\b`), `the registry hover for ${code} at ${where}`);
          }
          const actions = await command<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
          const message = result.messages[got.indexOf(diagnostic)]!;
          const fixable = message.fix !== undefined || (message.suggestions?.length ?? 0) > 0;
          const titles = JSON.stringify((actions ?? []).map((a) => a.title));
          const edits = (actions ?? []).filter((a) => a.edit && !/^Disable /.test(a.title));
          // The CLI's fix and suggestions are offered as code actions (and a "Disable" action always).
          if (fixable) assert.ok(edits.length > 0, `a quick fix or suggestion at ${where}; got ${titles}`);
          else assert.ok((actions ?? []).some((a) => a.edit && /^Disable /.test(a.title)), `a "Disable" action at ${where}; got ${titles}`);
        }
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        assert.ok(!document.isDirty);
      }
    },
  },
  {
    name: 'hovering a close code shows its registry entry',
    suites: ['en'],
    async run(config) {
      const { document } = await open(file(config, 'src/chat.ts'));
      const hovers = await command<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'close(1005', 7));
      const text = hoverText(hovers);
      assert.match(text, /1005/);
      assert.match(text, /No Status Received/);
      assert.match(text, /Not accepted by /, 'the registry entry (the runtime\'s verdict), not only the diagnostic message');
    },
  },
  {
    name: 'a quick fix and a suggestion edit the buffer, and the diagnostics update',
    suites: ['en'],
    async run(config) {
      // Suggestion: 1005 → 1000 on the reserved-code error.
      const chat = (await open(file(config, 'src/chat.ts'))).document;
      try {
        const [reserved] = await diagnosticsFor(chat.uri, (d) => d.some((x) => codeOf(x) === 'reserved-code'), 'the reserved-code error');
        const error = wsclose(chat.uri).find((x) => codeOf(x) === 'reserved-code') ?? reserved!;
        const actions = await command<vscode.CodeAction[]>('vscode.executeCodeActionProvider', chat.uri, error.range, vscode.CodeActionKind.QuickFix.value);
        const titles = (actions ?? []).map((a) => a.title);
        const send1000 = (actions ?? []).find((a) => a.edit && /1000/.test(a.title));
        assert.ok(send1000?.edit, `a code action sending 1000 instead of 1005; got ${JSON.stringify(titles)}`);
        assert.ok(titles.some((t) => /reserved-code/.test(t)), `a "disable reserved-code" or documentation action; got ${JSON.stringify(titles)}`);
        assert.ok(await vscode.workspace.applyEdit(send1000.edit));
        assert.match(chat.getText(), /socket\.close\(1000\);/);
        await diagnosticsFor(chat.uri, (d) => !d.some((x) => codeOf(x) === 'reserved-code') && d.some((x) => codeOf(x) === 'mismatched-code'), 'the reserved-code error to go (and the mismatched-code warning to stay)');
      } finally {
        await revert(chat);
      }
      // Preferred fix: pass 1000 before a lone reason (reason-without-code).
      const rooms = (await open(file(config, 'src/rooms.ts'))).document;
      try {
        const before = await diagnosticsFor(rooms.uri, (d) => d.filter((x) => codeOf(x) === 'reason-without-code').length === 2, 'two reason-without-code warnings');
        const first = before.find((x) => codeOf(x) === 'reason-without-code')!;
        const actions = await command<vscode.CodeAction[]>('vscode.executeCodeActionProvider', rooms.uri, first.range, vscode.CodeActionKind.QuickFix.value);
        const fix = (actions ?? []).find((a) => a.isPreferred && a.edit);
        assert.ok(fix?.edit, `a preferred quick fix; got ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
        assert.ok(await vscode.workspace.applyEdit(fix.edit));
        assert.match(rooms.getText(), /socket\.close\(1000, reason\);/);
        await diagnosticsFor(rooms.uri, (d) => d.filter((x) => codeOf(x) === 'reason-without-code').length === 1, 'one reason-without-code warning left');
      } finally {
        await revert(rooms);
      }
    },
  },
  {
    name: 'wsclose.fixAll applies every safe fix of the file',
    suites: ['en'],
    async run(config) {
      const rooms = (await open(file(config, 'src/rooms.ts'))).document;
      try {
        await diagnosticsFor(rooms.uri, (d) => d.filter((x) => codeOf(x) === 'reason-without-code').length === 2, 'two reason-without-code warnings');
        await step('wsclose.fixAll', vscode.commands.executeCommand('wsclose.fixAll'));
        await poll('the fixes in the buffer', () => /socket\.close\(1000, reason\);/.test(rooms.getText()) && /socket\.close\(1000, 'goodbye'\);/.test(rooms.getText()));
        // Suggestions are never applied by fix-all.
        assert.match(rooms.getText(), /socket\.close\(3001, 'room closed'\);/);
        await diagnosticsFor(rooms.uri, (d) => d.length === 1 && codeOf(d[0]!) === 'unregistered-code', 'only the unregistered-code warning left');
      } finally {
        await revert(rooms);
      }
    },
  },
  {
    name: 'a wsclose.rules setting takes effect without a restart',
    suites: ['en'],
    async run(config) {
      const chat = (await open(file(config, 'src/chat.ts'))).document;
      const settings = () => vscode.workspace.getConfiguration('wsclose');
      await diagnosticsFor(chat.uri, (d) => d.some((x) => codeOf(x) === 'reserved-code'), 'the reserved-code error');
      // User settings live in the run's fresh user-data folder: the fixture stays untouched.
      await settings().update('rules', { 'reserved-code': 'off', 'mismatched-code': 'error' }, vscode.ConfigurationTarget.Global);
      try {
        await diagnosticsFor(
          chat.uri,
          (d) => !d.some((x) => codeOf(x) === 'reserved-code') && d.some((x) => codeOf(x) === 'mismatched-code' && x.severity === vscode.DiagnosticSeverity.Error),
          'reserved-code off and mismatched-code an error',
        );
      } finally {
        await settings().update('rules', undefined, vscode.ConfigurationTarget.Global);
      }
      await diagnosticsFor(chat.uri, (d) => d.some((x) => codeOf(x) === 'reserved-code') && d.some((x) => codeOf(x) === 'mismatched-code' && x.severity === vscode.DiagnosticSeverity.Warning), 'the defaults back');
    },
  },
  {
    name: 'wsclose.config.json changed on disk takes effect (the server watches it; the client registers no watchers of its own)',
    suites: ['en'],
    async run(config) {
      const chat = (await open(file(config, 'src/chat.ts'))).document;
      const configFile = file(config, 'wsclose.config.json');
      const original = await vscode.workspace.fs.readFile(configFile);
      await diagnosticsFor(chat.uri, (d) => d.some((x) => codeOf(x) === 'reserved-code'), 'the reserved-code error');
      try {
        await step('write wsclose.config.json', vscode.workspace.fs.writeFile(configFile, Buffer.from('{ "rules": { "reserved-code": "off" } }\n')));
        await diagnosticsFor(chat.uri, (d) => !d.some((x) => codeOf(x) === 'reserved-code'), 'reserved-code off after the file changed');
      } finally {
        await vscode.workspace.fs.writeFile(configFile, original);
      }
      await diagnosticsFor(chat.uri, (d) => d.some((x) => codeOf(x) === 'reserved-code'), 'reserved-code back once the file is restored');
    },
  },
  {
    name: 'wsclose.openReference opens the close-code registry table as a read-only preview, never dirty',
    suites: ['en'],
    async run() {
      const isReference = (d: vscode.TextDocument): boolean => d.languageId === 'markdown' && /\|/.test(d.getText()) && /Normal Closure/.test(d.getText()) && /4999/.test(d.getText());
      await step('wsclose.openReference', vscode.commands.executeCommand('wsclose.openReference'));
      const reference = await poll('a markdown document with the registry table', () => vscode.workspace.textDocuments.find(isReference));
      const text = reference.getText();
      for (const code of ['1000', '1005', '1008', '1015', '3000']) assert.match(text, new RegExp(`\\b${code}\\b`), `the table lists ${code}`);
      assert.ok(text.split('\n').filter((line) => line.startsWith('|')).length > 20, 'a table with a row per code or range');
      // A document of the extension's own scheme: read-only, so closing it never asks to save.
      assert.equal(reference.uri.scheme, 'wsclose-reference');
      assert.equal(reference.isUntitled, false);
      assert.equal(reference.isDirty, false);
      assert.deepEqual(vscode.workspace.textDocuments.filter((d) => d.isUntitled || d.isDirty).map((d) => d.uri.toString()), [], 'no untitled or dirty document left behind');
      const preview = await poll('the markdown preview tab', () => markdownPreviewTabs()[0]);
      await vscode.window.tabGroups.close(preview);
    },
  },
  {
    name: 'wsclose.config.json opens as JSON with comments, validated by the schema, comments allowed',
    suites: ['en'],
    async run(config) {
      const { document } = await open(file(config, 'wsclose.config.json'));
      assert.equal(document.languageId, 'jsonc', 'wsclose.config.json is JSON with comments');
      try {
        // A value the schema rejects proves that the JSON server validated the buffer; its comments are still no problem.
        const editor = await vscode.window.showTextDocument(document, { preview: false });
        const value = positionOf(document, '"warn"');
        await editor.edit((edit) => edit.replace(new vscode.Range(value, value.translate(0, '"warn"'.length)), '"loud"'));
        const problems = await poll(
          'a schema problem on "loud"',
          () => {
            const list = vscode.languages.getDiagnostics(document.uri);
            return list.some((d) => document.getText(d.range).includes('loud')) ? list : undefined;
          },
          20_000,
          () => JSON.stringify(vscode.languages.getDiagnostics(document.uri).map((d) => d.message)),
        );
        assert.deepEqual(problems.filter((d) => /comment/i.test(d.message)).map((d) => d.message), [], 'no complaint about comments');
      } finally {
        await revert(document);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      }
    },
  },
  {
    name: 'the status item says ready and what it found in the active file, in plain text',
    suites: ['en'],
    async run(config) {
      const api = vscode.extensions.getExtension<{ status: { text: string; detail?: string; busy: boolean } }>(EXTENSION_ID)!.exports;
      await open(file(config, 'src/chat.ts'));
      await diagnosticsFor(file(config, 'src/chat.ts'), (d) => d.length > 0, 'the diagnostics of chat.ts');
      const status = await poll('the status item to say ready', () => (api.status.text === 'wsclose: ready' && /close\(\) calls? in this file/.test(api.status.detail ?? '') ? api.status : undefined), 20_000, () => `${api.status.text} | ${api.status.detail}`);
      assert.equal(status.busy, false);
      assert.equal(status.detail, '2 WebSocket close() calls in this file: ws');
      assert.doesNotMatch(`${status.text} ${status.detail}`, /`/, 'no markdown in the status item');
    },
  },
  {
    name: 'the Output channel logs the start, the version, the project loaded and the first diagnostics',
    suites: ['en'],
    async run(config) {
      await open(file(config, 'src/chat.ts'));
      await diagnosticsFor(file(config, 'src/chat.ts'), (d) => d.length > 0, 'the diagnostics of chat.ts');
      await step('wsclose.showOutput', vscode.commands.executeCommand('wsclose.showOutput'));
      // A shown output channel is a text document of the `output` scheme.
      const log = await poll(
        'the wsclose log in the Output panel',
        () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && /wsclose language server/.test(d.getText())),
        20_000,
        () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'output').map((d) => `${d.uri.toString()}: ${d.getText().slice(0, 200)}`).join(' | ') || 'no output documents',
      );
      const text = log.getText();
      assert.match(text, /Starting the wsclose language server \(extension \d+\.\d+\.\d+/);
      assert.match(text, /wsclose language server \d+\.\d+\.\d+ started: Node v/);
      assert.match(text, /Loaded \S*tsconfig\.json: \d+ files? to check/);
      assert.match(text, /First diagnostics \(\S+: \d+\) \d+ ms after the server started/);
      assert.match(text, /ready, \d+ ms after the extension was activated/);
    },
  },
  {
    name: '"Show documentation" opens the rule\'s page as a rendered preview, not an editable .md',
    suites: ['en'],
    async run(config) {
      const { document } = await open(file(config, 'src/chat.ts'));
      const [reserved] = await diagnosticsFor(document.uri, (d) => d.some((x) => codeOf(x) === 'reserved-code'), 'the reserved-code error');
      const error = wsclose(document.uri).find((x) => codeOf(x) === 'reserved-code') ?? reserved!;
      const actions = await command<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, error.range, vscode.CodeActionKind.QuickFix.value);
      const docs = (actions ?? []).find((a) => a.command?.command === 'wsclose.showDocumentation');
      assert.ok(docs?.command, `a "Show documentation" action; got ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
      const before = markdownPreviewTabs().length;
      await step(docs.command.command, vscode.commands.executeCommand(docs.command.command, ...(docs.command.arguments ?? [])));
      const preview = await poll('a markdown preview of the rule page', () => markdownPreviewTabs().length > before && markdownPreviewTabs().at(-1));
      const editable = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.path.endsWith('/reserved-code.md'));
      assert.deepEqual(editable.map((t) => t.label), [], 'the .md is not opened as an editable text tab');
      await vscode.window.tabGroups.close(preview);
    },
  },
  {
    name: 'French display language: the extension runs in French, diagnostics and hovers are French',
    suites: ['fr'],
    async run(config) {
      assert.match(vscode.env.language, /^fr/, 'vscode.env.language');
      const { document } = await open(file(config, 'src/chat.ts'));
      const english = config.cli.find((r) => path.basename(r.filePath) === 'chat.ts')!.messages;
      const diagnostics = await diagnosticsFor(document.uri, (d) => d.length === english.length, `${english.length} diagnostics`);
      const reserved = diagnostics.find((d) => codeOf(d) === 'reserved-code');
      assert.ok(reserved, 'the reserved-code diagnostic');
      // Same finding, same range, French words instead of the CLI's English message.
      assert.deepEqual(comparable(reserved).range, fromCli(english.find((m) => m.ruleId === 'reserved-code')!).range);
      assert.notEqual(reserved.message, english.find((m) => m.ruleId === 'reserved-code')!.message, 'the message is not the English one');
      assert.match(reserved.message, /1005/);
      assertFrench(reserved.message, 'the diagnostic message');
      const hovers = await command<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'close(1005', 7));
      const registry = hoverText(hovers).split('\n---\n').find((part) => /\*\*1005\b/.test(part));
      assert.ok(registry, `a registry hover for 1005; got ${hoverText(hovers)}`);
      assert.doesNotMatch(registry, /When you see it|How to fix|Reconnect/, 'no English registry text');
      assertFrench(registry, 'the hover');
    },
  },
];
