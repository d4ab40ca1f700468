// The ESLint plugin in French: `settings.wsclose.locale` (else LC_ALL / LC_MESSAGES / LANG) picks
// the language; meta.messages holds every locale, so French reports keep a messageId
// (`<messageId>_fr`) that ESLint validates and renders. Config problems follow the locale too.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { SettingsResolver } from '../../server/src/eslint/config';
import { localizedMessageId } from '../../server/src/eslint/messages';
import plugin from '../../server/src/eslint/plugin';
import { localeOf } from '../../server/src/eslint/rules';
import { textFor } from '../../server/src/engine/locale';
import { FIXTURES } from '../harness/paths';

RuleTester.afterAll = after;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const FIXTURE = path.join(FIXTURES, 'eslint');
const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['*.ts*'] }, tsconfigRootDir: FIXTURE } },
});
type TestedRule = Parameters<RuleTester['run']>[1];
const rule = (id: keyof typeof plugin.rules): TestedRule => plugin.rules[id] as unknown as TestedRule;
const WS = ["import WebSocket from 'ws';", 'declare const ws: WebSocket;'];
const code = (...l: string[]): string => [...WS, ...l].join('\n');
const FR = { wsclose: { locale: 'fr' } };
const suggestions = (suffix: string) => [
  { messageId: `replaceCode${suffix}`, data: { replacement: '1000 (Normal Closure)' }, output: code('ws.close(1000);') },
  { messageId: `replaceCode${suffix}`, data: { replacement: '1011 (Internal Error)' }, output: code('ws.close(1011);') },
  { messageId: `removeCode${suffix}`, data: { method: 'close' }, output: code('ws.close();') },
];

ruleTester.run('reserved-code (fr)', rule('reserved-code'), {
  valid: [{ code: code('ws.close(1000);'), settings: FR }],
  invalid: [
    {
      name: 'French message and suggestions under the _fr messageIds',
      code: code('ws.close(1006);'),
      settings: FR,
      output: null,
      errors: [
        {
          messageId: 'reserved_fr',
          // RuleTester renders meta.messages.reserved_fr with this data and compares it with the report:
          // '1006 (Abnormal Closure) est réservé, jamais envoyé ; utilisez 1000 ou 1011, ou aucun code.'
          data: { code: 1006, name: 'Abnormal Closure', alternatives: '1000 ou 1011' },
          line: 3,
          column: 10,
          suggestions: [
            { messageId: 'replaceCode_fr', data: { replacement: '1000 (Normal Closure)' }, output: code('ws.close(1000);') },
            { messageId: 'replaceCode_fr', data: { replacement: '1011 (Internal Error)' }, output: code('ws.close(1011);') },
            { messageId: 'removeCode_fr', data: { method: 'close' }, output: code('ws.close();') },
          ],
        },
      ],
    },
    {
      name: 'a French tag is French; English stays under the plain messageIds',
      code: code('ws.close(1006);'),
      settings: { wsclose: { locale: 'fr-CA' } },
      output: null,
      errors: [{ messageId: 'reserved_fr', data: { code: 1006, name: 'Abnormal Closure', alternatives: '1000 ou 1011' }, suggestions: suggestions('_fr') }],
    },
    {
      name: 'locale en',
      code: code('ws.close(1006);'),
      settings: { wsclose: { locale: 'en' } },
      output: null,
      errors: [{ messageId: 'reserved', data: { code: 1006, name: 'Abnormal Closure', alternatives: '1000 or 1011' }, suggestions: suggestions('') }],
    },
  ],
});

describe('the ESLint plugin’s locale', () => {
  it('meta.messages has every English and French template', () => {
    for (const [id, rule] of Object.entries(plugin.rules)) {
      const fr = textFor('fr').rules.rules[id as keyof typeof plugin.rules].messages as Record<string, string>;
      for (const messageId of Object.keys(fr)) {
        assert.ok(rule.meta.messages[messageId], `${id} ${messageId}`);
        assert.equal(rule.meta.messages[localizedMessageId(messageId, 'fr')], fr[messageId]!.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, '{{$1}}'));
      }
    }
  });

  it('settings.wsclose.locale, else LC_ALL / LC_MESSAGES / LANG', () => {
    assert.equal(localeOf({ wsclose: { locale: 'fr' } }), 'fr');
    assert.equal(localeOf({ wsclose: { locale: 'de' } }), 'en');
    assert.throws(() => localeOf({ wsclose: { locale: 42 } }), /settings\.wsclose\.locale must be a string/);
    const saved = { LC_ALL: process.env['LC_ALL'], LC_MESSAGES: process.env['LC_MESSAGES'], LANG: process.env['LANG'] };
    try {
      delete process.env['LC_ALL'];
      delete process.env['LC_MESSAGES'];
      process.env['LANG'] = 'fr_FR.UTF-8';
      assert.equal(localeOf({}), 'fr');
      assert.equal(localeOf({ wsclose: { locale: 'en' } }), 'en');
      process.env['LC_ALL'] = 'en_US.UTF-8';
      assert.equal(localeOf(undefined), 'en');
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it('an invalid wsclose.config.json is reported in the locale, with file:line:column', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-eslint-locale-'));
    try {
      fs.writeFileSync(path.join(dir, 'wsclose.config.json'), '{\n  "rules": { "reserved-cod": "warn" }\n}\n');
      const resolver = new SettingsResolver();
      const file = path.join(dir, 'a.ts');
      assert.throws(() => resolver.settingsFor(file, dir, 'fr'), {
        message: 'wsclose : fichier de configuration invalide wsclose.config.json :\nwsclose.config.json:2:14: Règle "reserved-cod" inconnue. Vouliez-vous dire "reserved-code" ?',
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
