// The notes and warnings a run writes to stderr besides the report (cache, fixes, left-out files,
// tsconfig problems, skipped files, baseline, --max-warnings, internal errors) follow --locale and
// LC_ALL / LC_MESSAGES / LANG like the report; in English they stay as they were, byte for byte.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Finding } from '../../server/src/core/finding';
import { fixUntilStable } from '../../server/src/cli/fix';
import { execute } from '../../server/src/cli/main';
import { runLint } from '../../server/src/cli/run';
import type { RunOptions } from '../../server/src/cli/run';
import { cliText } from '../../server/src/cli/text';
import { megabytes, notesText, warningAt } from '../../server/src/cli/text/notes';
import { culpritMessage } from '../../server/src/engine/isolation';
import type { Locale } from '../../server/src/registry/locales/catalog';
import { templatePlaceholders } from '../../server/src/core/text/render-template';
import { CLI_FIXTURES, runCli } from './harness';

const TMP = `.tmp-locale-notes-${process.pid}`;
const root = path.join(CLI_FIXTURES, TMP);
fs.rmSync(root, { recursive: true, force: true });
after(() => fs.rmSync(root, { recursive: true, force: true }));

function project(name: string, files: Readonly<Record<string, string | Buffer>>): string {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const warningsOf = (options: RunOptions, environment?: Parameters<typeof runLint>[1]): string[] => runLint(options, environment).warnings;

// reason-without-code has a safe fix (1000 in place of `undefined`); reserved-code has none.
const FIXABLE = 'declare const ws: WebSocket;\nws.close(undefined, "bye");\n';
const RESERVED = 'declare const ws: WebSocket;\nws.close(1006);\n';
const DEEP = `const x = ${'('.repeat(10_000)}1${')'.repeat(10_000)};\n`;
const TSCONFIG = '{ "compilerOptions": { "strict": true, "noEmit": true, "lib": ["es2022", "dom"], "bogusOption": true }, "include": ["src"] }\n';

/** A project that prints most notes at once: tsconfig problem, skipped node_modules, a file over --max-file-size. */
const NOISY = {
  'tsconfig.json': TSCONFIG,
  'src/app.ts': RESERVED,
  'src/big.js': `// ${'x'.repeat(1.6 * 1024 * 1024)}\n`,
  'lib/util.ts': 'export const unrelated = 1;\n',
  'lib/node_modules/pkg/index.ts': RESERVED,
};

describe('stderr notes in French: the process, --locale and the environment', { concurrency: 4 }, () => {
  const dir = project('noisy', NOISY);
  const args = [`${TMP}/noisy`, ['--max-file-size', '1mb', '-f', 'json', 'src', 'lib']] as const;
  const FR = [
    'tsconfig.json:1:82: avertissement : Unknown compiler option \'bogusOption\'. (TS5023)',
    'wsclose: lib/node_modules n’est pas vérifié (les dossiers node_modules sont ignorés ; pour le vérifier, nommez le dossier ou déclarez ses paquets comme workspaces dans package.json).',
    'src/big.js: note : Fichier ignoré car plus gros que --max-file-size (1,6 Mo > 1 Mo) ; de tels fichiers sont en général générés. Utilisez "--max-file-size 0" pour le vérifier quand même.',
  ];
  const EN = [
    "tsconfig.json:1:82: warning: Unknown compiler option 'bogusOption'. (TS5023)",
    'wsclose: skipped lib/node_modules (node_modules folders are not checked; name the folder, or list its packages as workspaces in package.json, to check them).',
    'src/big.js: note: File skipped because it is larger than --max-file-size (1.6 MB > 1 MB); such files are usually generated. Use "--max-file-size 0" to check it anyway.',
  ];
  const lines = (stderr: string): string[] => stderr.split('\n').filter((line) => line !== '').sort();

  it('LANG=fr_FR.UTF-8: tsconfig problem framed in French (TypeScript’s text kept), skipped node_modules, large file', async () => {
    assert.ok(fs.existsSync(dir));
    const run = await runCli(...args, { LANG: 'fr_FR.UTF-8' });
    assert.equal(run.exitCode, 1, run.stderr);
    assert.deepEqual(lines(run.stderr), [...FR].sort());
  });

  it('--locale fr over an English environment; --locale en over a French one; English unchanged', async () => {
    const fr = await runCli(args[0], [...args[1], '--locale', 'fr'], { LC_ALL: 'en_US.UTF-8' });
    assert.deepEqual(lines(fr.stderr), [...FR].sort());
    const en = await runCli(args[0], [...args[1], '--locale', 'en'], { LANG: 'fr_FR.UTF-8' });
    assert.deepEqual(lines(en.stderr), [...EN].sort());
    const plain = await runCli(...args);
    assert.deepEqual(lines(plain.stderr), [...EN].sort());
  });

  it('a pattern that matches nothing, and one whose files are all ignored', async () => {
    project('ignored', { 'wsclose.config.json': '{ "ignore": ["gen/**"] }\n', 'gen/a.ts': RESERVED });
    const none = await runCli(`${TMP}/ignored`, ['nope/**/*.ts'], { LANG: 'fr_FR.UTF-8' });
    assert.deepEqual([none.exitCode, none.stderr], [2, 'Aucun fichier ne correspond au motif "nope/**/*.ts".\nVérifiez que le motif ne contient pas de faute de frappe.\n']);
    const ignored = await runCli(`${TMP}/ignored`, ['gen', '--locale', 'fr']);
    assert.deepEqual([ignored.exitCode, ignored.stderr], [2, "Tous les fichiers correspondant à 'gen' sont ignorés.\n"]);
    const english = await runCli(`${TMP}/ignored`, ['gen']);
    assert.deepEqual([english.exitCode, english.stderr], [2, "All files matched by 'gen' are ignored.\n"]);
    const tsconfig = await runCli(`${TMP}/ignored`, ['-p', 'missing.json', 'gen'], { LC_MESSAGES: 'fr_FR.UTF-8' });
    assert.deepEqual([tsconfig.exitCode, tsconfig.stderr], [2, 'Impossible de lire le tsconfig "missing.json" : fichier introuvable.\n']);
  });

  it('baseline: findings recorded, entries that match nothing any more', async () => {
    project('baseline', { 'a.ts': RESERVED, 'b.ts': RESERVED });
    const where = `${TMP}/baseline`;
    const written = await runCli(where, ['--baseline-write', 'base.json', '-f', 'json'], { LANG: 'fr_FR.UTF-8' });
    assert.equal(written.stderr, 'wsclose: 2 problèmes enregistrés dans base.json.\n');
    fs.writeFileSync(path.join(root, 'baseline', 'b.ts'), 'export {};\n');
    const fr = await runCli(where, ['--baseline', 'base.json', '-f', 'json', '--locale', 'fr']);
    assert.match(fr.stderr, /^wsclose: 1 entrée de la référence ne correspond plus à aucun problème ; épurez base\.json avec --baseline-write :\n {2}b\.ts {2}reserved-code {2}[0-9a-f]{16}\n$/);
    const en = await runCli(where, ['--baseline', 'base.json', '-f', 'json']);
    assert.match(en.stderr, /^wsclose: 1 baseline entry matches no finding any more; prune base\.json with --baseline-write:\n/);
    const one = await runCli(where, ['--baseline-write', 'one.json', '-f', 'json', 'a.ts']);
    assert.equal(one.stderr, 'wsclose: recorded 1 finding in one.json.\n');
  });

  it('too many warnings, and a report that cannot be written', async () => {
    project('warnings', { 'a.ts': RESERVED, 'file': '' });
    const where = `${TMP}/warnings`;
    const fr = await runCli(where, ['--rule', 'reserved-code:warn', '--max-warnings', '0', '-f', 'json'], { LANG: 'fr_BE.UTF-8' });
    assert.deepEqual([fr.exitCode, fr.stderr], [1, 'wsclose a trouvé trop d’avertissements (maximum : 0).\n']);
    const en = await runCli(where, ['--rule', 'reserved-code:warn', '--max-warnings', '0', '-f', 'json']);
    assert.deepEqual([en.exitCode, en.stderr], [1, 'wsclose found too many warnings (maximum: 0).\n']);
    const report = await runCli(where, ['-o', 'file/report.txt', '--locale', 'fr']);
    assert.equal(report.exitCode, 2);
    assert.match(report.stderr, /^Impossible d’écrire le rapport dans "file\/report\.txt" : /);
  });
});

describe('stderr notes in French: in-process runs', () => {
  it('a file TypeScript fails on, outside the files checked: named once, in French; its own result too', () => {
    const cwd = project('culprit', { 'tsconfig.json': '{ "compilerOptions": { "lib": ["es2022", "dom"], "noEmit": true }, "include": ["*.ts"] }\n', 'ok.ts': RESERVED, 'deep.ts': DEEP });
    const warnings = warningsOf({ cwd, patterns: ['ok.ts'], locale: 'fr' });
    assert.deepEqual(warnings, ['deep.ts: avertissement : Impossible de vérifier le fichier : son imbrication est trop profonde pour que TypeScript l’analyse (10\u202f000 niveaux) ; les autres fichiers sont vérifiés sans lui.']);
    const english = warningsOf({ cwd, patterns: ['ok.ts'] });
    assert.deepEqual(english, ['deep.ts: warning: Cannot check the file: it is nested too deeply for TypeScript to analyze (10,000 levels); the other files are checked without it.']);
    const own = runLint({ cwd, patterns: ['.'], locale: 'fr' }).results.find((result) => result.filePath.endsWith('deep.ts'))!.messages[0]!;
    assert.match(own.message, /^Impossible de vérifier le fichier : son imbrication est trop profonde/);
  });

  it('the culprit text (the engine’s, shared with the language server) in English and French, for both kinds of failure', () => {
    const deep = { fileName: '/p/x.ts', position: 0, depth: 12_345, error: new RangeError('Maximum call stack size exceeded') };
    const failing = { fileName: '/p/x.ts', position: 0, depth: 3, error: new Error('Debug Failure. False expression.') };
    assert.deepEqual([deep, failing, { ...deep, depth: 0 }].map((culprit) => culpritMessage(culprit)), [
      'Cannot check the file: it is nested too deeply for TypeScript to analyze (12,345 levels); the other files are checked without it.',
      'Cannot check the file: TypeScript fails on it (Debug Failure. False expression.); the other files are checked without it.',
      'Cannot check the file: it is nested too deeply for TypeScript to analyze; the other files are checked without it.',
    ]);
    assert.equal(culpritMessage(deep, 'fr'), 'Impossible de vérifier le fichier : son imbrication est trop profonde pour que TypeScript l’analyse (12\u202f345 niveaux) ; les autres fichiers sont vérifiés sans lui.');
    assert.equal(culpritMessage(failing, 'fr'), 'Impossible de vérifier le fichier : TypeScript échoue dessus (Debug Failure. False expression.) ; les autres fichiers sont vérifiés sans lui.');
  });

  it('--fix: a file changed on disk, a file that is not valid UTF-8', () => {
    const cwd = project('fix', { 'a.ts': FIXABLE, 'b.ts': Buffer.concat([Buffer.from('const s = "'), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from(`";\n${FIXABLE}`)]) });
    const options = { cwd, patterns: ['a.ts', 'b.ts'], fix: 'write' as const };
    const edit = { beforeWrite: (file: string) => path.basename(file) === 'a.ts' && fs.writeFileSync(file, `// edited\n${FIXABLE}`) };
    assert.deepEqual(warningsOf({ ...options, locale: 'fr' }, edit), [
      'a.ts: avertissement : non corrigé : le fichier a changé sur le disque pendant l’exécution ; relancez wsclose --fix.',
      'b.ts: avertissement : non corrigé : impossible d’écrire le fichier : le fichier n’est pas en UTF-8 valide : l’écrire modifierait aussi des octets qu’aucune correction ne touche',
    ]);
    assert.deepEqual(warningsOf(options, edit), [
      'a.ts: warning: not fixed: the file changed on disk during the run; run wsclose --fix again.',
      'b.ts: warning: not fixed: cannot write the file: the file is not valid UTF-8, so writing it would also change bytes that no fix touches',
    ]);
  });

  it('--cache: a cache that is not one is ignored, one that cannot be written is not updated', () => {
    const cwd = project('cache', { 'a.ts': RESERVED, '.wsclosecache': '{ not json', 'blocked': '' });
    const cache = (location?: string) => ({ version: 'test', ...(location ? { location } : {}) });
    assert.deepEqual(warningsOf({ cwd, patterns: ['a.ts'], locale: 'fr', cache: cache() }), ['wsclose: note : cache .wsclosecache ignoré : ce n’est pas un cache wsclose (pas du JSON) ; il sera réécrit.']);
    fs.writeFileSync(path.join(cwd, '.wsclosecache'), '{ "format": 1 }');
    assert.deepEqual(warningsOf({ cwd, patterns: ['a.ts'], locale: 'fr', cache: cache() }), ['wsclose: note : cache .wsclosecache ignoré : ce n’est pas un cache wsclose ; il sera réécrit.']);
    const data = JSON.parse(fs.readFileSync(path.join(cwd, '.wsclosecache'), 'utf8')) as { format: number };
    fs.writeFileSync(path.join(cwd, '.wsclosecache'), JSON.stringify({ ...data, version: '0.0.1' }));
    assert.deepEqual(warningsOf({ cwd, patterns: ['a.ts'], locale: 'fr', cache: cache() }), [`wsclose: note : cache .wsclosecache ignoré : il a été écrit par wsclose 0.0.1 (format de cache ${data.format}) ; il sera réécrit.`]);
    // A cache under a file: neither read nor written.
    const fr = warningsOf({ cwd, patterns: ['a.ts'], locale: 'fr', cache: cache('blocked/cache') });
    assert.equal(fr.length, 2, fr.join('\n'));
    assert.match(fr[0]!, /^wsclose: note : cache blocked\/cache ignoré : impossible de le lire \(ENOTDIR.+\) ; il sera réécrit\.$/);
    assert.match(fr[1]!, /^wsclose: note : le cache blocked\/cache n’a pas été mis à jour : impossible de l’écrire \(.+\)\.$/);
    const en = warningsOf({ cwd, patterns: ['a.ts'], cache: cache('blocked/cache') });
    assert.match(en[0]!, /^wsclose: note: ignoring the cache blocked\/cache: cannot read it \(ENOTDIR.+\); it will be rewritten\.$/);
    assert.match(en[1]!, /^wsclose: note: the cache blocked\/cache was not updated: cannot write it \(.+\)\.$/);
  });

  it('a fix that would leave the file unparsable, of a rule and of a directive finding', () => {
    const finding = (start: number, end: number, text: string, ruleId: Finding['ruleId']): Finding => ({ ruleId, messageId: 'm', data: {}, message: 'm', severity: 'warn', start, end, confidence: 'typed', fix: [{ start, end, text }] });
    const dropped = (locale: Locale): string[] => {
      const source = "ws.close('bye');\nother.close(1);\n";
      const at = source.indexOf("'bye'");
      const one = source.indexOf('1)');
      const texts = new Map([['/virtual/a.ts', source]]);
      const findings = new Map<string, readonly Finding[]>([['/virtual/a.ts', [finding(at, at, '4000 ', 'reason-without-code'), finding(one, one, '(', null)]]]);
      const warnings: string[] = [];
      fixUntilStable({ texts, findings, relint: () => new Map(), shouldFix: () => true, warn: (line) => warnings.push(line), displayPath: (file) => path.basename(file), locale });
      return warnings;
    };
    assert.deepEqual(dropped('fr'), [
      "a.ts:1:10: avertissement : correction de reason-without-code abandonnée : le fichier ne pourrait plus être analysé : ',' expected. (TS1005)",
      "a.ts:2:13: avertissement : correction d’un problème de directive abandonnée : le fichier ne pourrait plus être analysé : ')' expected. (TS1005)",
    ]);
    assert.deepEqual(dropped('en'), [
      "a.ts:1:10: warning: fix of reason-without-code dropped: the file would no longer parse: ',' expected. (TS1005)",
      "a.ts:2:13: warning: fix of a directive finding dropped: the file would no longer parse: ')' expected. (TS1005)",
    ]);
  });

  it('an internal error, in the environment’s locale until --locale is read, then in --locale', () => {
    const internal = (argv: string[], env: Record<string, string>): string => {
      let stderr = '';
      const exitCode = execute({ argv, cwd: root, env, stdoutIsTTY: false, stdout: () => { throw new Error('boom'); }, stderr: (text) => (stderr += text) });
      assert.equal(exitCode, 2);
      return stderr.split('\n')[0]!;
    };
    assert.match(internal(['--version'], { LANG: 'fr_FR.UTF-8' }), /^wsclose \S+: erreur interne : boom$/);
    assert.match(internal(['--version'], {}), /^wsclose \S+: internal error: boom$/);
    assert.match(internal(['--help', '--locale', 'en'], { LANG: 'fr_FR.UTF-8' }), /^wsclose \S+: internal error: boom$/);
    assert.match(internal(['--help', '--locale', 'fr'], {}), /^wsclose \S+: erreur interne : boom$/);
  });
});

describe('the notes catalogs', () => {
  it('en and fr have the same notes, each French template with the placeholders of the English one', () => {
    const en = notesText('en') as unknown as Record<string, string | readonly string[]>;
    const fr = notesText('fr') as unknown as Record<string, string | readonly string[]>;
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
    for (const [key, english] of Object.entries(en)) {
      const pairs = typeof english === 'string' ? [[english, fr[key] as string]] : english.map((form, i) => [form, (fr[key] as readonly string[])[i]!]);
      for (const [a, b] of pairs) assert.deepEqual(templatePlaceholders(b!).sort(), templatePlaceholders(a!).sort(), key);
    }
    assert.deepEqual(Object.keys(cliText('fr')).sort(), Object.keys(cliText('en')).sort());
  });

  it('rendering helpers: megabytes with the locale’s decimal point, a warning frame, the not-in-program warning', () => {
    assert.deepEqual([megabytes('en', 1.6 * 1024 * 1024), megabytes('en', 4 * 1024 * 1024), megabytes('fr', 1.6 * 1024 * 1024), megabytes('fr', 1234.5 * 1024 * 1024)], ['1.6 MB', '4 MB', '1,6 Mo', '1234,5 Mo']);
    assert.equal(warningAt('en', 'a.ts', notesText('en').notInProgram), 'a.ts: warning: the file is not part of its TypeScript program; checked without type information.');
    assert.equal(warningAt('fr', 'a.ts', notesText('fr').notInProgram), 'a.ts: avertissement : le fichier ne fait pas partie de son programme TypeScript ; vérifié sans information de type.');
  });
});
