// The client's locale reaches the server: with initializationOptions.locale 'fr' the diagnostics,
// quick-fix titles, suggestions and hovers are French; an unsupported locale falls back to English.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import type { CodeAction, MarkupContent } from 'vscode-languageserver-protocol/node';
import { ConfigCache } from '../../server/src/lsp/config-cache';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { LSP_FIXTURES, startClient } from './harness';
import type { TestClient } from './harness';
import { REASON_WITHOUT_CODE_MESSAGE } from './expected';

const WORKSPACE = path.join(LSP_FIXTURES, 'basic');
const SERVER_TS = path.join(WORKSPACE, 'src', 'server.ts');

const FR_REASON_WITHOUT_CODE = 'Une raison est passée sans code de fermeture ; passez d’abord un code, par exemple 1000.';
const FR_RESERVED_1005 = '1005 (No Status Received) est réservé, jamais envoyé ; utilisez 1000 ou 1011, ou aucun code.';

describe('language server in French (initializationOptions.locale = fr)', () => {
  let client: TestClient;
  before(async () => ({ client } = await startClient({ workspace: WORKSPACE, initializationOptions: { locale: 'fr' } })));
  after(() => client.kill());

  it('publishes French diagnostic messages', async () => {
    const uri = await client.open(SERVER_TS);
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message]),
      [
        ['reason-without-code', FR_REASON_WITHOUT_CODE],
        ['reserved-code', FR_RESERVED_1005],
      ],
    );
  });

  it('titles quick fixes, suggestions and disable actions in French', async () => {
    const uri = client.uriOf(SERVER_TS);
    const diagnostics = await client.diagnostics(uri);
    const titles = async (index: number): Promise<string[]> => {
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: diagnostics[index]!.range,
        context: { diagnostics: [diagnostics[index]!], only: ['quickfix'] },
      })) as CodeAction[];
      return actions.map((a) => a.title);
    };
    assert.deepEqual(await titles(0), [
      'Corriger ce problème reason-without-code',
      'Désactiver reason-without-code pour cette ligne',
      'Désactiver reason-without-code pour tout le fichier',
      'Afficher la documentation de reason-without-code',
    ]);
    assert.deepEqual(await titles(1), [
      'Envoyer 1000 (Normal Closure) à la place',
      'Envoyer 1011 (Internal Error) à la place',
      'Appeler close() sans code',
      'Désactiver reserved-code pour cette ligne',
      'Désactiver reserved-code pour tout le fichier',
      'Afficher la documentation de reserved-code',
    ]);
  });

  it('renders hovers in French: a code’s card under a finding and a runtime’s line', async () => {
    const uri = client.uriOf(SERVER_TS);
    const onCode = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 10, character: 20 } });
    const code = (onCode!.contents as MarkupContent).value;
    assert.match(code, /^\*\*1005 No Status Received\*\* · \*code local, jamais transmis · ne doit jamais être envoyé\*\n\nAucun code reçu : /);
    // Under the finding: its French detail (the TypeError once) and its fixes.
    assert.match(code, /✗ Refusé par `ws`\.\n\nCe code est réservé à un usage local .* Avec `ws`, `close\(\)` lève `TypeError/);
    assert.match(code, /\*\*Comment corriger :\*\* Envoyer 1000 \(Normal Closure\) à la place/);
    const onMethod = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 8, character: 15 } });
    const method = (onMethod!.contents as MarkupContent).value;
    assert.match(method, /^close\(\) avec `ws` : Accepte 1000–1003, 1007–1014 et 3000–4999/);
  });
});

describe('language server with a locale it has no catalog for (de-DE)', () => {
  let client: TestClient;
  before(async () => ({ client } = await startClient({ workspace: WORKSPACE, initializationOptions: { locale: 'de-DE' } })));
  after(() => client.kill());

  it('falls back to English', async () => {
    const uri = await client.open(SERVER_TS);
    const diagnostics = await client.diagnostics(uri);
    assert.equal(diagnostics[0]!.message, REASON_WITHOUT_CODE_MESSAGE);
  });
});

describe('the broken-config warning', () => {
  const warningsFor = (locale: 'en' | 'fr'): { warnings: string[]; logs: string[]; file: string } => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-locale-'));
    try {
      const file = path.join(dir, 'wsclose.config.json');
      fs.writeFileSync(file, '{ "rules": { "reserved-code": "eror", "invalid-cod": "warn" } }\n');
      const warnings: string[] = [];
      const logs: string[] = [];
      const cache = new ConfigCache(dir, { info: () => {}, error: (m) => logs.push(m), warnUser: (m) => warnings.push(m) }, () => locale);
      cache.forFile(path.join(dir, 'a.ts'), DEFAULT_SETTINGS);
      return { warnings, logs, file };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  it('is shown in the client’s locale, the problems too, with file:line:column', () => {
    const { warnings, logs, file } = warningsFor('fr');
    assert.deepEqual(warnings, [
      `wsclose : la configuration par défaut s’applique jusqu’à ce que ces 2 problèmes soient corrigés (tous dans le journal) ; le premier : ${file}:1:31: Gravité invalide pour la règle "reserved-code" : utilisez "off", "warn" ou "error" (ou 0, 1, 2), pas la chaîne "eror".`,
    ]);
    assert.match(logs[0]!, new RegExp(`\\n${file.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}:1:39: Règle "invalid-cod" inconnue\\. Vouliez-vous dire "invalid-code" \\?$`));
  });

  it('stays English for an English client', () => {
    const { warnings } = warningsFor('en');
    assert.equal(warnings.length, 1);
    assert.ok(
      warnings[0]!.includes(`${warningsFor('en').file.split(path.sep).pop()}:1:31: Invalid severity for rule "reserved-code": use "off", "warn" or "error" (or 0, 1, 2), not the string "eror".`),
      warnings[0],
    );
  });

  it('follows the locale when it is known only after the cache was made (initialize)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-locale-'));
    try {
      fs.writeFileSync(path.join(dir, 'wsclose.config.json'), '{ "rules": { "nope": "warn" } }\n');
      let locale: 'en' | 'fr' = 'en';
      const warnings: string[] = [];
      const cache = new ConfigCache(dir, { info: () => {}, error: () => {}, warnUser: (m) => warnings.push(m) }, () => locale);
      locale = 'fr';
      cache.forFile(path.join(dir, 'a.ts'), DEFAULT_SETTINGS);
      assert.match(warnings[0]!, /^wsclose : la configuration par défaut s’applique .* : \S*wsclose\.config\.json:1:14: Règle "nope" inconnue\. /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
