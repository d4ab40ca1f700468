// The extension manifest and its translations: the settings the language server reads, the
// commands the client registers, every %key% translated in English and French, and every string
// the client passes to vscode.l10n.t present in the French bundle with the same placeholders.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { REPO_ROOT } from '../harness/paths';

const read = (file: string): any => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
const manifest = read('package.json');
const CLIENT_SRC = path.join(REPO_ROOT, 'client', 'src');
const clientFiles = fs.readdirSync(CLIENT_SRC).filter((name) => name.endsWith('.ts')).map((name) => path.join(CLIENT_SRC, name));

function placeholders(text: string): string[] {
  return (text.match(/\{\d+\}/g) ?? []).sort();
}

/** First arguments of vscode.l10n.t(…) calls in the client sources. */
function l10nStrings(): string[] {
  const found = new Set<string>();
  for (const file of clientFiles) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.getText(source) === 'vscode.l10n.t') {
        const first = node.arguments[0];
        assert.ok(first && ts.isStringLiteralLike(first), `${path.basename(file)}: vscode.l10n.t needs a string literal (${node.getText(source)})`);
        found.add(first.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...found].sort();
}

describe('extension manifest', () => {
  it('starts the client bundle and keeps the npm API under exports', () => {
    assert.equal(manifest.main, './dist/client.js');
    assert.equal(manifest.exports['.'].default, './dist/api.js');
    assert.match(manifest.engines.vscode, /^\^1\.(\d+)\./);
    assert.ok(Number(/^\^1\.(\d+)\./.exec(manifest.engines.vscode)![1]) <= 100, 'code-server 4.100.3 runs VS Code 1.100');
    assert.deepEqual(manifest.activationEvents, ['onLanguage:typescript', 'onLanguage:typescriptreact', 'onLanguage:javascript', 'onLanguage:javascriptreact']);
    assert.deepEqual(manifest.categories, ['Linters']);
    assert.equal(manifest.l10n, './l10n');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
  });

  it('contributes the settings the language server reads, with defaults', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(properties).sort(), ['wsclose.enable', 'wsclose.inlayHints.enabled', 'wsclose.rules', 'wsclose.run', 'wsclose.trace.server']);
    assert.equal(properties['wsclose.enable'].default, true);
    assert.equal(properties['wsclose.run'].default, 'onType');
    assert.deepEqual(properties['wsclose.run'].enum, ['onType', 'onSave']);
    assert.deepEqual(properties['wsclose.rules'].default, {});
    assert.equal(properties['wsclose.inlayHints.enabled'].default, true);
    assert.equal(properties['wsclose.trace.server'].default, 'off');
    const rules = fs.readdirSync(path.join(REPO_ROOT, 'docs', 'rules')).map((name) => name.replace(/\.md$/, '')).sort();
    assert.deepEqual(Object.keys(properties['wsclose.rules'].properties).sort(), rules);
    for (const [key, value] of Object.entries<Record<string, unknown>>(properties)) {
      assert.ok(value['description'] ?? value['markdownDescription'], `${key} has no description`);
    }
  });

  it('contributes the commands the client registers', () => {
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(contributed, ['wsclose.fixAll', 'wsclose.openReference', 'wsclose.refreshCodeMap', 'wsclose.restartServer', 'wsclose.showOutput']);
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'wsclose');
    const registered = clientFiles.flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/registerCommand\(\s*'([^']+)'/g)].map((m) => m[1]!)).sort();
    assert.deepEqual(registered, contributed);
  });

  it('contributes the Close-Code Reference view (the code map), with its title actions and an empty state', () => {
    assert.deepEqual(manifest.contributes.views, { explorer: [{ id: 'wsclose.codeMap', name: '%view.codeMap%', contextualTitle: 'wsclose' }] });
    assert.deepEqual(manifest.contributes.viewsWelcome, [{ view: 'wsclose.codeMap', contents: '%view.codeMap.empty%' }]);
    const actions = manifest.contributes.menus['view/title'].filter((m: { when: string }) => m.when === 'view == wsclose.codeMap').map((m: { command: string }) => m.command);
    assert.deepEqual(actions, ['wsclose.refreshCodeMap', 'wsclose.openReference']);
    const createTreeView = clientFiles.some((file) => /createTreeView\(CODE_MAP_VIEW/.test(fs.readFileSync(file, 'utf8')) && /CODE_MAP_VIEW = 'wsclose\.codeMap'/.test(fs.readFileSync(file, 'utf8')));
    assert.ok(createTreeView, 'the client creates the wsclose.codeMap tree view');
  });

  it('validates wsclose.config.json with the shipped schema, as JSON with comments', () => {
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: 'wsclose.config.json', url: './wsclose.schema.json' }]);
    // Otherwise VS Code opens it as plain JSON and flags every comment ("Comments are not permitted in JSON").
    assert.deepEqual(manifest.contributes.languages, [{ id: 'jsonc', filenames: ['wsclose.config.json'] }]);
  });

  it('translates every %key% in English and French', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    const english = read('package.nls.json');
    const french = read('package.nls.fr.json');
    assert.deepEqual(keys.filter((key) => !(key in english)), []);
    assert.deepEqual(Object.keys(french).sort(), Object.keys(english).sort());
    assert.deepEqual(Object.keys(english).filter((key) => !keys.includes(key)), [], 'unused keys in package.nls.json');
    for (const key of Object.keys(english)) assert.notEqual(french[key], english[key], `${key} is not translated`);
  });

  it('has a French bundle entry for every client string, with the same placeholders', () => {
    const bundle = read('l10n/bundle.l10n.fr.json') as Record<string, string>;
    assert.deepEqual(Object.keys(bundle).sort(), l10nStrings());
    for (const [english, french] of Object.entries(bundle)) assert.deepEqual(placeholders(french), placeholders(english), english);
  });
});
