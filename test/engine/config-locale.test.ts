// Config problems in English and French: the same locations, the catalog's words. Exact texts,
// so a change to either catalog shows here.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseConfigText } from '../../server/src/engine/config-file';
import { ConfigResolver } from '../../server/src/engine/config-resolver';
import { RULE_DEFAULTS } from '../../server/src/engine/rule-defaults';
import type { Locale } from '../../server/src/registry/locales/catalog';

const FILE = path.join(path.resolve('/project'), 'wsclose.config.json');

/** "line:column-endLine:endColumn message" per problem. */
function problems(text: string, locale: Locale): string[] {
  const result = parseConfigText(text, FILE, RULE_DEFAULTS, locale);
  assert.equal(result.config, undefined);
  return result.problems.map((p) => `${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.message}`);
}

const CASES: ReadonlyArray<{ name: string; text: string; en: string[]; fr: string[] }> = [
  {
    name: 'an unknown rule with a close name, a bad severity, unknown options',
    text: '{\n  "rules": {\n    "reserved-cod": "warn",\n    "invalid-code": "eror",\n    "reason-too-long": ["warn", { "checkUnbounded": true }],\n    "mismatched-code": ["warn", { "x": 1 }]\n  }\n}\n',
    en: [
      '3:5-3:19 Unknown rule "reserved-cod". Did you mean "reserved-code"?',
      '4:21-4:27 Invalid severity for rule "invalid-code": use "off", "warn" or "error" (or 0, 1, 2), not the string "eror".',
      '5:35-5:51 Unknown option "checkUnbounded" for rule "reason-too-long". Did you mean "checkUnboundedReasons"?',
      '6:35-6:38 Rule "mismatched-code" takes no options; remove "x".',
    ],
    fr: [
      '3:5-3:19 Règle "reserved-cod" inconnue. Vouliez-vous dire "reserved-code" ?',
      '4:21-4:27 Gravité invalide pour la règle "invalid-code" : utilisez "off", "warn" ou "error" (ou 0, 1, 2), pas la chaîne "eror".',
      '5:35-5:51 Option "checkUnbounded" inconnue pour la règle "reason-too-long". Vouliez-vous dire "checkUnboundedReasons" ?',
      '6:35-6:38 La règle "mismatched-code" ne prend pas d’options ; supprimez "x".',
    ],
  },
  {
    name: 'unknown names without a close one list the known ones; values are described',
    text: '{ "zzz": 1, "profiles": { "nope-nope-nope": true }, "ignore": [42, "/abs/**"], "reportUnusedDirectives": [] }',
    en: [
      '1:3-1:8 Unknown property "zzz". Allowed properties: "$schema", "rules", "profiles", "codes", "runtimes", "ignore", "reportUnusedDirectives".',
      '1:27-1:43 Unknown app profile "nope-nope-nope". Known profiles: "graphql-ws", "discord-gateway", "discord-voice", "twitch-eventsub".',
      '1:64-1:66 Each entry of "ignore" must be a glob string, not the number 42.',
      '1:68-1:77 Glob "/abs/**" is absolute; patterns are relative to the folder of wsclose.config.json (for example "src/**").',
      '1:106-1:108 "reportUnusedDirectives" must be "off", "warn" or "error", not an array.',
    ],
    fr: [
      '1:3-1:8 Propriété "zzz" inconnue. Propriétés admises : "$schema", "rules", "profiles", "codes", "runtimes", "ignore", "reportUnusedDirectives".',
      '1:27-1:43 Profil d’application "nope-nope-nope" inconnu. Profils connus : "graphql-ws", "discord-gateway", "discord-voice", "twitch-eventsub".',
      '1:64-1:66 Chaque entrée de "ignore" doit être un glob sous forme de chaîne, pas le nombre 42.',
      '1:68-1:77 Le glob "/abs/**" est absolu ; les motifs sont relatifs au dossier de wsclose.config.json (par exemple "src/**").',
      '1:106-1:108 "reportUnusedDirectives" doit valoir "off", "warn" ou "error", pas un tableau.',
    ],
  },
  {
    name: 'codes: duplicates, range, missing name',
    text: '{ "codes": [\n  { "code": 4001, "name": "A" },\n  { "code": 4001, "name": "B" },\n  { "code": 1000 }\n] }',
    en: [
      '3:13-3:17 Close code 4001 is declared more than once (first at line 2); remove one of the entries.',
      '4:3-4:19 This entry needs a "name": a short non-empty label such as "Room Closed".',
      '4:13-4:17 Close code 1000 cannot be declared: applications own only 3000–4999 (use 4000–4999 for private codes; 3000–3999 are registered with IANA).',
    ],
    fr: [
      '3:13-3:17 Le code de fermeture 4001 est déclaré plusieurs fois (première à la ligne 2) ; supprimez l’une des entrées.',
      '4:3-4:19 Cette entrée a besoin d’un "name" : une courte étiquette non vide comme "Room Closed".',
      '4:13-4:17 Le code de fermeture 1000 ne peut pas être déclaré : seuls 3000–4999 appartiennent aux applications (4000–4999 pour les codes privés ; 3000–3999 sont enregistrés auprès de l’IANA).',
    ],
  },
  {
    name: 'JSON syntax: a missing comma',
    text: '{\n  "rules": { "a": 1 "b": 2 }\n}',
    en: ['2:21-2:24 Expected a comma.'],
    fr: ['2:21-2:24 Virgule attendue.'],
  },
  {
    name: 'JSON syntax: single quotes',
    text: "{ 'rules': {} }",
    en: ['1:3-1:10 Strings and property names must use double quotes, not single quotes.'],
    fr: ['1:3-1:10 Les chaînes et les noms de propriétés s’écrivent entre guillemets doubles, pas entre apostrophes.'],
  },
  {
    name: 'JSON syntax: the file stops too early',
    text: '{ "rules": {}',
    en: ['1:14-1:14 Unexpected end of file: expected a closing brace "}".'],
    fr: ['1:14-1:14 Fin de fichier inattendue : accolade fermante "}" attendue.'],
  },
  {
    name: 'an empty file',
    text: '  \n',
    en: ['1:1-1:1 The config file is empty: write a JSON object such as { "rules": {} }.'],
    fr: ['1:1-1:1 Le fichier de configuration est vide : écrivez un objet JSON comme { "rules": {} }.'],
  },
];

describe('config problems per locale', () => {
  for (const { name, text, en, fr } of CASES) {
    it(`${name} (en)`, () => assert.deepEqual(problems(text, 'en'), en));
    it(`${name} (fr)`, () => assert.deepEqual(problems(text, 'fr'), fr));
  }

  it('English stays the default', () => {
    const text = CASES[0]!.text;
    assert.deepEqual(parseConfigText(text, FILE, RULE_DEFAULTS).problems, parseConfigText(text, FILE, RULE_DEFAULTS, 'en').problems);
  });

  it('the resolver words problems in its locale, an unreadable file too', () => {
    const files: Record<string, string> = { [FILE]: '{ "rules": { "nope": "warn" } }' };
    const host = {
      isFile: (file: string) => file in files || file.endsWith('missing.json'),
      readFile: (file: string) => {
        if (file in files) return files[file]!;
        throw new Error('EACCES: permission denied');
      },
    };
    const fr = new ConfigResolver(host, { defaultBaseDir: '/project', locale: 'fr' });
    assert.match(fr.load(FILE).problems[0]!.message, /^Règle "nope" inconnue\. /);
    const missing = path.join(path.resolve('/project'), 'missing.json');
    assert.equal(fr.load(missing).problems[0]!.message, 'Impossible de lire le fichier de configuration : EACCES: permission denied');
    const en = new ConfigResolver(host, { defaultBaseDir: '/project' });
    assert.match(en.load(FILE).problems[0]!.message, /^Unknown rule "nope"\. /);
  });
});
