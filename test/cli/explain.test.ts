// `wsclose explain`: golden output of one code and of a comparison in every format and locale,
// codes a project defines (wsclose.config.json, app profiles from package.json), the locale from
// the environment, and usage errors. Regenerate goldens with UPDATE_GOLDEN=1 and review them.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertGolden, assertJsonGolden, runCli } from './harness';

/** No locale from the machine running the tests. */
const NEUTRAL = { LC_ALL: '', LC_MESSAGES: '', LANG: '' };

describe('wsclose explain: golden output', { concurrency: 4 }, () => {
  const cases = [
    ...(['en', 'fr'] as const).flatMap((locale) =>
      (['text', 'json', 'markdown'] as const).map((format) => ({ fixture: 'ts-project', args: ['1000', '1008'], locale, format, golden: `explain-1000-1008.${locale}.${format === 'text' ? 'txt' : format === 'json' ? 'json' : 'md'}` })),
    ),
    { fixture: 'ts-project', args: ['1001'], locale: 'en', format: 'text', golden: 'explain-1001.en.txt' },
    { fixture: 'ts-project', args: ['3008'], locale: 'fr', format: 'markdown', golden: 'explain-3008.fr.md' },
    { fixture: 'explain-project', args: ['4001'], locale: 'en', format: 'text', golden: 'explain-configured-4001.en.txt' },
    { fixture: 'explain-project', args: ['4001', '4401'], locale: 'fr', format: 'markdown', golden: 'explain-configured-4001-4401.fr.md' },
  ];
  for (const c of cases) {
    it(`${c.fixture}: explain ${c.args.join(' ')} --format ${c.format} --locale ${c.locale}`, async () => {
      const run = await runCli(c.fixture, ['explain', ...c.args, '--format', c.format, '--locale', c.locale], NEUTRAL);
      assert.equal(run.exitCode, 0, run.stderr);
      assert.equal(run.stderr, '');
      if (c.format === 'json') assertJsonGolden(c.golden, run.stdout);
      else assertGolden(c.golden, run.stdout);
    });
  }
});

describe('wsclose explain: project codes and locale', { concurrency: 4 }, () => {
  it('names a configured code as the project does, and a graphql-ws code only where package.json depends on graphql-ws', async () => {
    const inProject = JSON.parse((await runCli('explain-project', ['explain', '4401', '-f', 'json'], NEUTRAL)).stdout) as { name: string; origin: string; appProfile?: { id: string } };
    assert.equal(inProject.name, 'Unauthorized');
    assert.equal(inProject.origin, 'app-profile');
    assert.equal(inProject.appProfile?.id, 'graphql-ws');
    const elsewhere = JSON.parse((await runCli('ts-project', ['explain', '4401', '-f', 'json'], NEUTRAL)).stdout) as { name: string; origin: string };
    assert.deepEqual([elsewhere.name, elsewhere.origin], ['Private Use', 'registry']);
    const configured = JSON.parse((await runCli('explain-project', ['explain', '4001', '-f', 'json'], NEUTRAL)).stdout) as { name: string; origin: string; meaning: string; reconnect: string };
    assert.deepEqual(configured, { ...configured, name: 'Room Closed', origin: 'configured', meaning: 'The game room was closed by its host.', reconnect: 'no' });
  });

  it('takes the locale from LC_ALL, then LC_MESSAGES, then LANG; --locale wins', async () => {
    const heading = async (env: Record<string, string>, args: string[] = []): Promise<string> => (await runCli('ts-project', ['explain', '1000', '1013', ...args], { ...NEUTRAL, ...env })).stdout.split('\n')[0]!;
    assert.equal(await heading({ LANG: 'fr_FR.UTF-8' }), '1000 Normal Closure ou 1013 Try Again Later');
    assert.equal(await heading({ LANG: 'fr_FR.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }), '1000 Normal Closure vs 1013 Try Again Later');
    assert.equal(await heading({ LC_ALL: 'fr_CA.UTF-8', LANG: 'en_US.UTF-8' }), '1000 Normal Closure ou 1013 Try Again Later');
    assert.equal(await heading({ LANG: 'fr_FR.UTF-8' }, ['--locale', 'en']), '1000 Normal Closure vs 1013 Try Again Later');
  });

  it('prints its own help', async () => {
    const run = await runCli('ts-project', ['explain', '--help']);
    assert.equal(run.exitCode, 0);
    assert.match(run.stdout, /^wsclose explain <code> \[<code>\] \[options\]/);
  });

  const errors = [
    { args: ['explain'], message: 'wsclose explain takes one close code, or two to compare them: wsclose explain 1000 1008.' },
    { args: ['explain', '1000', '1001', '1008'], message: 'wsclose explain takes one close code, or two to compare them: wsclose explain 1000 1008.' },
    { args: ['explain', 'abc'], message: 'Invalid close code "abc": use a whole number from 0 to 65535.' },
    { args: ['explain', '70000'], message: 'Invalid close code "70000": use a whole number from 0 to 65535.' },
    { args: ['explain', '1000', '-f', 'sarif'], message: 'Invalid format "sarif" for explain: use text, json or markdown.' },
    { args: ['explain', '1000', '--locale', 'de'], message: 'Invalid --locale "de": use en or fr.' },
  ];
  for (const e of errors) {
    it(`${e.args.join(' ')}: exit code 2`, async () => {
      const run = await runCli('ts-project', e.args, NEUTRAL);
      assert.equal(run.exitCode, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, `${e.message}\n`);
    });
  }
});
