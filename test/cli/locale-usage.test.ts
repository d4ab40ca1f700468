// The rest of the CLI in French: problems with the arguments (worded in --locale once it is read,
// before that in LC_ALL / LC_MESSAGES / LANG), `wsclose explain --help`, `wsclose codes` (help, map,
// problems), baseline files that cannot be used, --stats, the progress line, and the one message of
// a file named but not checked. Real processes; in English every line stays as it was. (Keys and
// placeholders of the en and fr catalogs: test/meta/locales.test.ts.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { createProgress } from '../../server/src/cli/progress';
import { cliText } from '../../server/src/cli/text';
import { assertGolden, CLI_FIXTURES, normalize, runCli } from './harness';

const TMP = `.tmp-locale-usage-${process.pid}`;
const root = path.join(CLI_FIXTURES, TMP);
fs.rmSync(root, { recursive: true, force: true });
after(() => fs.rmSync(root, { recursive: true, force: true }));

function project(name: string, files: Readonly<Record<string, string>>): string {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return `${TMP}/${name}`;
}

const FR = { LANG: 'fr_FR.UTF-8' };

/** Runs `check` on every item, at most three processes' worth at a time (the machine is shared). */
async function eachLimited<T>(items: readonly T[], check: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await check(items[index]!, index);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
}
/** Exit code and stderr of a run that stops on its arguments (nothing on stdout). */
async function usageError(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<string> {
  const run = await runCli('ts-project', args, env);
  assert.deepEqual([run.exitCode, run.stdout], [2, ''], run.stderr);
  return run.stderr;
}

describe('argument problems in French', () => {
  // [arguments, French (LANG=fr_FR.UTF-8), English (no locale: as before this change)]
  const CASES: ReadonlyArray<readonly [readonly string[], string, string]> = [
    [['-f', 'xml'], 'Format "xml" invalide : utilisez stylish, json, sarif, github, junit ou gitlab.', 'Invalid format "xml": use stylish, json, sarif, github, junit or gitlab.'],
    [['--fromat'], "Option '--fromat' invalide. Vouliez-vous dire '--format' ?", "Invalid option '--fromat' - perhaps you meant '--format'?"],
    [['src', '-f'], "L’option '-f, --format <value>' attend une valeur. Voir wsclose --help.", "Option '-f, --format <value>' argument missing. See wsclose --help."],
    [['--quiet=yes'], "L’option '--quiet' ne prend pas de valeur. Voir wsclose --help.", "Option '--quiet' does not take an argument. See wsclose --help."],
    [['--rule', 'reserved-codes:warn'], 'Règle "reserved-codes" inconnue dans --rule. Vouliez-vous dire "reserved-code" ?', 'Unknown rule "reserved-codes" in --rule. Did you mean "reserved-code"?'],
    [['--rule', 'invalid-code:loud'], 'Gravité "loud" invalide pour la règle "invalid-code" dans --rule : utilisez off, warn, error, 0, 1 ou 2.', 'Invalid severity "loud" for rule "invalid-code" in --rule: use off, warn, error, 0, 1 or 2.'],
    [['--fix', '--fix-dry-run'], 'Les options --fix et --fix-dry-run ne peuvent pas être utilisées ensemble.', 'Options --fix and --fix-dry-run cannot be used together.'],
    [['--shard', '5/4'], '--shard "5/4" invalide : écrivez-le <index>/<nombre> avec 1 ≤ index ≤ nombre, par exemple --shard 2/4.', 'Invalid --shard "5/4": write it as <index>/<count> with 1 ≤ index ≤ count, e.g. --shard 2/4.'],
    [['--max-warnings', 'many'], '--max-warnings "many" invalide : utilisez un nombre entier d’avertissements (0 ou plus).', 'Invalid --max-warnings "many": use a whole number of warnings (0 or more).'],
    [['--print-config', ' '], 'L’option --print-config attend un chemin de fichier.', 'Option --print-config needs a file path.'],
    [['--locale', 'de'], '--locale "de" invalide : utilisez en ou fr.', 'Invalid --locale "de": use en or fr.'],
    [['explain'], 'wsclose explain prend un code de fermeture, ou deux pour les comparer : wsclose explain 1000 1008.', 'wsclose explain takes one close code, or two to compare them: wsclose explain 1000 1008.'],
    [['explain', '70000'], 'Code de fermeture "70000" invalide : utilisez un nombre entier de 0 à 65535.', 'Invalid close code "70000": use a whole number from 0 to 65535.'],
    [['explain', '1000', '--bogus'], 'Option \'--bogus\' inconnue. Pour donner un argument qui commence par \'-\', placez-le à la fin de la commande après \'--\', comme dans \'-- "--bogus"\'. Voir wsclose explain --help.', 'Unknown option \'--bogus\'. To specify a positional argument starting with a \'-\', place it at the end of the command after \'--\', as in \'-- "--bogus". See wsclose explain --help.'],
    [['codes', '-f', 'yaml'], 'Format "yaml" invalide pour wsclose codes : utilisez text, json ou markdown.', 'Invalid format "yaml" for wsclose codes: use text, json or markdown.'],
  ];

  it('LANG=fr_FR.UTF-8 words each of them in French; without a locale they are as before, byte for byte', async () => {
    await eachLimited(CASES, async ([args, fr, en]) => {
      assert.equal(await usageError(args, FR), `${fr}\n`, args.join(' '));
      assert.equal(await usageError(args), `${en}\n`, args.join(' '));
    });
  });

  it('--locale is read before the other arguments, wherever it stands, and wins over the environment', async () => {
    assert.equal(await usageError(['-f', 'xml', '--locale', 'fr'], { LANG: 'en_US.UTF-8' }), 'Format "xml" invalide : utilisez stylish, json, sarif, github, junit ou gitlab.\n');
    assert.equal(await usageError(['--locale=fr', '--fix', '--fix-dry-run']), 'Les options --fix et --fix-dry-run ne peuvent pas être utilisées ensemble.\n');
    assert.equal(await usageError(['--fromat', '--locale', 'en'], FR), "Invalid option '--fromat' - perhaps you meant '--format'?\n");
    assert.equal(await usageError(['explain', '--locale', 'fr', '70000']), 'Code de fermeture "70000" invalide : utilisez un nombre entier de 0 à 65535.\n');
    assert.equal(await usageError(['codes', '--locale', 'fr', '-f', 'yaml']), 'Format "yaml" invalide pour wsclose codes : utilisez text, json ou markdown.\n');
  });

  it('an invalid --locale is worded in the environment’s locale', async () => {
    assert.equal(await usageError(['--locale', 'de'], { LC_ALL: 'fr_CA.UTF-8' }), '--locale "de" invalide : utilisez en ou fr.\n');
    assert.equal(await usageError(['--locale=de', '-f', 'xml']), 'Invalid --locale "de": use en or fr.\n');
  });
});

describe('explain and codes in French', { concurrency: 4 }, () => {
  it('wsclose explain --help and wsclose codes --help (golden)', async () => {
    const explain = await runCli('ts-project', ['explain', '--help'], FR);
    assert.equal(explain.exitCode, 0);
    assertGolden('explain-help.fr.txt', explain.stdout);
    const codes = await runCli('ts-project', ['codes', '--help', '--locale', 'fr']);
    assert.equal(codes.exitCode, 0);
    assertGolden('codes-help.fr.txt', codes.stdout);
    const english = await runCli('ts-project', ['explain', '-h'], { LANG: 'C' });
    assert.match(english.stdout, /^wsclose explain <code> \[<code>\] \[options\]\n\nPrints what the close-code registry says about a code;/);
  });

  for (const [format, golden, env, args] of [
    ['text', 'codes.fr.txt', FR, []],
    ['markdown', 'codes.fr.md', {}, ['--locale', 'fr']],
  ] as const) {
    it(`wsclose codes -f ${format} in French: the map’s words, code names as the registry and the config give them (golden)`, async () => {
      const run = await runCli('code-map', ['codes', '-f', format, ...args], env);
      assert.deepEqual([run.exitCode, run.stderr], [0, '']);
      assertGolden(golden, normalize(run.stdout));
    });
  }

  it('junit and gitlab keep the rule ids and carry the French message', async () => {
    const gitlab = JSON.parse((await runCli('ts-project', ['-f', 'gitlab', 'src/server.ts'], FR)).stdout) as Array<{ check_name: string; description: string }>;
    assert.equal(gitlab[0]!.check_name, 'invalid-code');
    assert.match(gitlab[0]!.description, /^401 ressemble à un statut HTTP/);
    const junit = (await runCli('ts-project', ['-f', 'junit', 'src/server.ts', '--locale', 'fr'])).stdout;
    assert.match(junit, /<failure message="401 ressemble à un statut HTTP[^"]*" type="invalid-code"/);
  });

  it('wsclose codes -f json keeps its keys in French', async () => {
    const fr = await runCli('code-map', ['codes', '-f', 'json'], FR);
    const en = await runCli('code-map', ['codes', '-f', 'json']);
    assert.equal(fr.stdout, en.stdout);
  });

  it('a project with no close code at all', async () => {
    const where = project('no-codes', { 'a.ts': 'export const x = 1;\n' });
    assert.equal((await runCli(where, ['codes'], FR)).stdout, 'Aucun code de fermeture envoyé ni traité.\n');
    assert.equal((await runCli(where, ['codes'])).stdout, 'No close codes sent or handled.\n');
  });
});

describe('baseline files that cannot be used, in French', () => {
  const where = project('baseline', {
    'a.ts': 'declare const ws: WebSocket;\nws.close(1006);\n',
    'broken.json': '{\n  "version": 1,\n  "entries": [\n    { "file": "a.ts", }\n  ]\n}\n',
    'v2.json': '{ "version": 2, "entries": [] }\n',
    'rule.json': '{ "version": 1, "entries": [{ "file": "a.ts", "ruleId": "reserved-codes", "fingerprint": "0123456789abcdef" }] }\n',
    'print.json': '{ "version": 1, "entries": [{ "file": "a.ts", "ruleId": null, "fingerprint": "xyz" }] }\n',
    'list.json': '[]\n',
  });
  const CASES: ReadonlyArray<readonly [string, RegExp | string, RegExp | string]> = [
    ['nope.json', 'Impossible de lire le fichier de référence "nope.json" : fichier introuvable.', 'Cannot read baseline file "nope.json": no such file.'],
    ['broken.json', /^Fichier de référence "broken\.json" invalide : ce n’est pas du JSON à la ligne 4, colonne 23 \(.+\)\. Écrivez-en un nouveau avec --baseline-write\.$/, /^Invalid baseline file "broken\.json": not JSON at line 4, column 23 \(.+\)\. Write a new one with --baseline-write\.$/],
    ['v2.json', 'Fichier de référence "v2.json" invalide : "version" doit valoir 1, pas 2. Écrivez-en un nouveau avec --baseline-write.', 'Invalid baseline file "v2.json": "version" must be 1, not 2. Write a new one with --baseline-write.'],
    ['rule.json', 'Fichier de référence "rule.json" invalide : entries[0].ruleId doit être un id de règle wsclose ou null, pas "reserved-codes". Écrivez-en un nouveau avec --baseline-write.', 'Invalid baseline file "rule.json": entries[0].ruleId must be a wsclose rule id or null, not "reserved-codes". Write a new one with --baseline-write.'],
    ['print.json', 'Fichier de référence "print.json" invalide : entries[0].fingerprint doit faire 16 chiffres hexadécimaux. Écrivez-en un nouveau avec --baseline-write.', 'Invalid baseline file "print.json": entries[0].fingerprint must be 16 hexadecimal digits. Write a new one with --baseline-write.'],
    ['list.json', 'Fichier de référence "list.json" invalide : un objet avec "version" et "entries" est attendu. Écrivez-en un nouveau avec --baseline-write.', 'Invalid baseline file "list.json": expected an object with "version" and "entries". Write a new one with --baseline-write.'],
  ];
  const check = (stderr: string, expected: RegExp | string): void => {
    if (typeof expected === 'string') assert.equal(stderr, `${expected}\n`);
    else assert.match(stderr.replace(/\n$/, ''), expected);
  };

  it('LANG=fr_FR.UTF-8 and --locale fr; English as before', async () => {
    await eachLimited(CASES, async ([file, fr, en], i) => {
      const french = await runCli(where, ['--baseline', file, 'a.ts'], i % 2 === 0 ? FR : {});
      const frenchFlag = i % 2 === 0 ? french : await runCli(where, ['--baseline', file, 'a.ts', '--locale', 'fr']);
      assert.deepEqual([frenchFlag.exitCode, frenchFlag.stdout], [2, '']);
      check(frenchFlag.stderr, fr);
      const english = await runCli(where, ['--baseline', file, 'a.ts']);
      assert.equal(english.exitCode, 2);
      check(english.stderr, en);
    });
  });
});

describe('--stats, progress and per-file messages in French', { concurrency: 4 }, () => {
  it('--stats: the phases, the counts and the decimal comma', async () => {
    const run = await runCli('ts-project', ['--stats', '-f', 'json', '--locale', 'fr']);
    assert.equal(run.exitCode, 1);
    assert.match(
      run.stderr,
      /^wsclose: statistiques :\n {2}recherche +\d+,\d ms\n {2}config +\d+,\d ms\n {2}programmes +\d+,\d ms\n {2}analyse +\d+,\d ms\n {2}correction +\d+,\d ms\n {2}format +\d+,\d ms\n {2}total +\d+,\d ms\n {2}fichiers 5, programmes 2 \(\d+ fichiers source, 0 passes répétées\), problèmes 9\n$/,
    );
    // The names' column is as wide as the longest French name and one space.
    assert.match(run.stderr, /\n {2}programmes {1,}\d/);
    assert.match(run.stderr, /\n {2}recherche {2,}\d/);
  });

  it('the progress line on a terminal', () => {
    const writes: string[] = [];
    let now = 0;
    const progress = createProgress({ isTTY: true, write: (text) => writes.push(text), now: () => now, locale: 'fr' });
    now = 2500;
    progress.phase('building-programs');
    progress.files(3, 3);
    progress.done();
    assert.deepEqual(writes, ['\rwsclose: construction des programmes, 2,5 s\u001b[K', '\rwsclose: 3/3 fichiers vérifiés, 2,5 s\u001b[K', '\r\u001b[K']);
  });

  it('a named file the config ignores, and one that is not a source file', async () => {
    const where = project('named', { 'wsclose.config.json': '{ "ignore": ["gen.ts"] }\n', 'gen.ts': 'export {};\n', 'notes.txt': 'hello\n' });
    const fr = JSON.parse((await runCli(where, ['-f', 'json', 'gen.ts', 'notes.txt'], FR)).stdout) as Array<{ messages: Array<{ message: string }> }>;
    assert.deepEqual(fr.map((result) => result.messages[0]!.message), [
      'Fichier ignoré car il correspond à un motif "ignore". Utilisez "--no-ignore" pour le vérifier quand même.',
      'Fichier ignoré car ce n’est pas un fichier source JavaScript ou TypeScript : wsclose vérifie les fichiers .ts, .tsx, .mts, .cts, .js, .jsx, .mjs, .cjs (pas .d.ts).',
    ]);
    const en = JSON.parse((await runCli(where, ['-f', 'json', 'gen.ts', 'notes.txt'])).stdout) as Array<{ messages: Array<{ message: string }> }>;
    assert.deepEqual(en.map((result) => result.messages[0]!.message), [
      'File ignored because of a matching ignore pattern. Use "--no-ignore" to override.',
      'File ignored because it is not a JavaScript or TypeScript source file: wsclose checks .ts, .tsx, .mts, .cts, .js, .jsx, .mjs, .cjs files (not .d.ts).',
    ]);
  });
});

/** Every string of a catalog with its path: `args.invalidFormat`, `notes.baselineRecorded.1`. */
function strings(value: unknown, at = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  if (typeof value === 'number') return [];
  return Object.entries(value as object).flatMap(([key, inner]) => strings(inner, at === '' ? key : `${at}.${key}`));
}

describe('the CLI catalogs', () => {
  it('no French string is left in English (the words that are the same in both are listed)', () => {
    const SAME = new Set(['stylish.summary', 'stats.phases.config', 'stats.phases.format', 'stats.phases.total', 'stats.phaseLine', 'stats.progress']);
    const english = new Map(strings(cliText('en')));
    const identical = strings(cliText('fr')).filter(([key, text]) => english.get(key) === text && !SAME.has(key));
    assert.deepEqual(identical.map(([key]) => key), []);
  });
});
