// The CLI in French: --locale, or LC_ALL / LC_MESSAGES / LANG as command-line tools read them.
// Messages, the stylish summary, --help and config problems are localized; json and sarif keep the rule ids and
// carry the localized message. Regenerate goldens with UPDATE_GOLDEN=1 and review them.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localeFromEnvironment } from '../../server/src/cli/locale';
import { cliText } from '../../server/src/cli/text';
import { counted } from '../../server/src/cli/text/cli-text';
import { assertGolden, normalize, runCli } from './harness';

describe('the CLI in French', { concurrency: 4 }, () => {
  it('LANG=fr_FR.UTF-8: French messages and summary (golden)', async () => {
    const run = await runCli('ts-project', ['src/server.ts', 'src/emoji.ts'], { LANG: 'fr_FR.UTF-8' });
    assert.equal(run.exitCode, 1);
    assertGolden('ts-project.fr.txt', normalize(run.stdout));
    assert.match(run.stdout, /✖ 7 problèmes \(5 erreurs, 2 avertissements\)/);
  });

  it('--locale en wins over LANG; --locale fr over an English environment', async () => {
    const en = await runCli('ts-project', ['src/server.ts', '--locale', 'en'], { LANG: 'fr_FR.UTF-8' });
    assert.match(en.stdout, /✖ 5 problems \(3 errors, 2 warnings\)/);
    const fr = await runCli('ts-project', ['src/server.ts', '--locale', 'fr'], { LANG: 'en_US.UTF-8' });
    assert.match(fr.stdout, /✖ 5 problèmes \(3 erreurs, 2 avertissements\)/);
  });

  it('json and sarif keep the rule ids and carry the French message', async () => {
    const json = JSON.parse((await runCli('ts-project', ['-f', 'json', 'src/server.ts'], { LC_ALL: 'fr_FR.UTF-8' })).stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>;
    const first = json[0]!.messages[0]!;
    assert.equal(first.ruleId, 'invalid-code');
    assert.match(first.message, /^401 ressemble à un statut HTTP/);
    const sarif = JSON.parse((await runCli('ts-project', ['-f', 'sarif', 'src/server.ts', '--locale', 'fr'])).stdout) as { runs: Array<{ results: Array<{ ruleId: string; message: { text: string } }> }> };
    const result = sarif.runs[0]!.results[0]!;
    assert.equal(result.ruleId, 'invalid-code');
    assert.match(result.message.text, /^401 ressemble à un statut HTTP/);
  });

  it('--help in French (golden)', async () => {
    const run = await runCli('ts-project', ['--help'], { LANG: 'fr_CA.UTF-8' });
    assert.equal(run.exitCode, 0);
    assertGolden('help.fr.txt', run.stdout);
    const english = (await runCli('ts-project', ['--help', '--locale', 'en'], { LANG: 'fr_CA.UTF-8' })).stdout.split('\n');
    assert.ok(english.includes('Finds misused WebSocket close(code, reason) calls with the TypeScript type checker.'), english.join('\n'));
  });
});

describe('config problems in the CLI’s locale', { concurrency: 4 }, () => {
  const INVALID_RULE = {
    en: [
      'wsclose.config.json:3:5: Unknown rule "reserved-codes". Did you mean "reserved-code"?',
      'wsclose.config.json:4:21: Invalid severity for rule "invalid-code": use "off", "warn" or "error" (or 0, 1, 2), not the string "fatal".',
      '',
    ].join('\n'),
    fr: [
      'wsclose.config.json:3:5: Règle "reserved-codes" inconnue. Vouliez-vous dire "reserved-code" ?',
      'wsclose.config.json:4:21: Gravité invalide pour la règle "invalid-code" : utilisez "off", "warn" ou "error" (ou 0, 1, 2), pas la chaîne "fatal".',
      '',
    ].join('\n'),
  };

  it('an unknown rule and a bad severity: LANG=fr, --locale fr, and English', async () => {
    const fromEnv = await runCli('invalid-rule', [], { LANG: 'fr_FR.UTF-8' });
    assert.deepEqual([fromEnv.exitCode, fromEnv.stdout, fromEnv.stderr], [2, '', INVALID_RULE.fr]);
    const fromFlag = await runCli('invalid-rule', ['--locale', 'fr'], { LANG: 'en_US.UTF-8' });
    assert.deepEqual([fromFlag.exitCode, fromFlag.stderr], [2, INVALID_RULE.fr]);
    const english = await runCli('invalid-rule', ['--locale', 'en'], { LC_ALL: 'fr_FR.UTF-8' });
    assert.deepEqual([english.exitCode, english.stderr], [2, INVALID_RULE.en]);
  });

  it('a JSON syntax error, with its line and column', async () => {
    const fr = await runCli('broken-config', [], { LC_MESSAGES: 'fr_CA.UTF-8' });
    assert.deepEqual([fr.exitCode, fr.stderr], [2, 'wsclose.config.json:5:5: Virgule attendue.\n']);
    const en = await runCli('broken-config', []);
    assert.deepEqual([en.exitCode, en.stderr], [2, 'wsclose.config.json:5:5: Expected a comma.\n']);
  });

  it('a --config that does not exist', async () => {
    const fr = await runCli('ts-project', ['--config', 'nope.json', '--locale', 'fr']);
    assert.deepEqual([fr.exitCode, fr.stderr], [2, 'Impossible de lire le fichier de configuration "nope.json" : fichier introuvable.\n']);
  });

  it('--print-config and explain report config problems in French too', async () => {
    const printed = await runCli('invalid-rule', ['--print-config', 'app.ts'], { LANG: 'fr_FR.UTF-8' });
    assert.deepEqual([printed.exitCode, printed.stderr], [2, INVALID_RULE.fr]);
    const explained = await runCli('invalid-rule', ['explain', '1000', '--locale', 'fr']);
    assert.deepEqual([explained.exitCode, explained.stderr], [2, INVALID_RULE.fr]);
  });
});

describe('locale from the environment and counted nouns', () => {
  it('LC_ALL, then LC_MESSAGES, then LANG; empty values are skipped; anything not French is English', () => {
    assert.equal(localeFromEnvironment({ LANG: 'fr_FR.UTF-8' }), 'fr');
    assert.equal(localeFromEnvironment({ LANG: 'fr_FR.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }), 'en');
    assert.equal(localeFromEnvironment({ LC_ALL: 'fr_BE', LC_MESSAGES: 'en_US', LANG: 'en_US' }), 'fr');
    assert.equal(localeFromEnvironment({ LC_ALL: '', LANG: 'fr' }), 'fr');
    assert.equal(localeFromEnvironment({ LANG: 'C.UTF-8' }), 'en');
    assert.equal(localeFromEnvironment({}), 'en');
  });

  it('French takes the singular for 0 and 1, English for 1 only', () => {
    assert.deepEqual([0, 1, 2].map((n) => counted(cliText('fr').stylish, 'error', n)), ['0 erreur', '1 erreur', '2 erreurs']);
    assert.deepEqual([0, 1, 2].map((n) => counted(cliText('en').stylish, 'error', n)), ['0 errors', '1 error', '2 errors']);
  });
});
