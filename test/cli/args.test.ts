// Unit tests of command-line parsing: defaults, every option, and the usage errors (exit code 2).
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCliArgs, USAGE } from '../../server/src/cli/args';
import { CliError } from '../../server/src/cli/cli-error';

function lintOptions(argv: string[]) {
  const command = parseCliArgs(argv);
  assert.equal(command.kind, 'lint');
  return command.kind === 'lint' ? command.options : assert.fail();
}

function usageError(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (error) {
    assert.ok(error instanceof CliError, String(error));
    return error.message;
  }
  return assert.fail(`no error for ${argv.join(' ')}`);
}

describe('parseCliArgs', () => {
  it('defaults to the current folder, stylish, no limits', () => {
    assert.deepEqual(lintOptions([]), {
      patterns: ['.'],
      config: undefined,
      project: undefined,
      rules: [],
      ignore: true,
      format: 'stylish',
      outputFile: undefined,
      quiet: false,
      maxWarnings: -1,
      color: undefined,
      fix: undefined,
      baseline: undefined,
      baselineWrite: undefined,
      stats: false,
      debug: false,
      locale: undefined,
    });
  });

  it('reads every option, short forms included', () => {
    assert.deepEqual(
      lintOptions(['src', '-c', 'cfg.json', '-p', 'tsconfig.app.json', '--rule', 'reserved-code:off', '--rule', 'premature-close : 2', '--no-ignore', '-f', 'json', '--quiet', '--max-warnings', '0', '--no-color', 'lib/**/*.ts']),
      {
        patterns: ['src', 'lib/**/*.ts'],
        config: 'cfg.json',
        project: 'tsconfig.app.json',
        rules: [
          { ruleId: 'reserved-code', severity: 'off' },
          { ruleId: 'premature-close', severity: 'error' },
        ],
        ignore: false,
        format: 'json',
        outputFile: undefined,
        quiet: true,
        maxWarnings: 0,
        color: false,
        fix: undefined,
        baseline: undefined,
        baselineWrite: undefined,
        stats: false,
        debug: false,
        locale: undefined,
      },
    );
    const ci = lintOptions(['--fix-dry-run', '--baseline', 'b.json', '--stats', '-f', 'sarif']);
    assert.deepEqual([ci.fix, ci.baseline, ci.baselineWrite, ci.stats, ci.format], ['dry-run', 'b.json', undefined, true, 'sarif']);
    const write = lintOptions(['--fix', '--baseline-write', 'b.json', '-f', 'github']);
    assert.deepEqual([write.fix, write.baseline, write.baselineWrite, write.format], ['write', undefined, 'b.json', 'github']);
    assert.equal(lintOptions(['--color']).color, true);
    assert.equal(lintOptions(['--debug']).debug, true);
    assert.equal(lintOptions(['--locale', 'fr']).locale, 'fr');
    assert.deepEqual(parseCliArgs(['--help', '--locale', 'FR']), { kind: 'help', locale: 'fr' });
    assert.equal(usageError(['--locale', 'de']), 'Invalid --locale "de": use en or fr.');
    assert.equal(lintOptions(['-o', 'reports/wsclose.xml', '-f', 'junit']).outputFile, 'reports/wsclose.xml');
    assert.equal(lintOptions(['--output-file=gl.json']).outputFile, 'gl.json');
    assert.equal(lintOptions(['--max-warnings=-1']).maxWarnings, -1);
    assert.deepEqual(lintOptions(['--rule', 'invalid-code:WARN']).rules, [{ ruleId: 'invalid-code', severity: 'warn' }]);
  });

  it('--print-config <file>: the options of a run, and the file', () => {
    const command = parseCliArgs(['--print-config', 'src/a.ts', '-c', 'cfg.json', '--rule', 'reserved-code:off']);
    assert.equal(command.kind, 'print-config');
    if (command.kind !== 'print-config') return;
    assert.equal(command.file, 'src/a.ts');
    assert.deepEqual([command.options.config, command.options.rules], ['cfg.json', [{ ruleId: 'reserved-code', severity: 'off' }]]);
    assert.equal(usageError(['--print-config', ' ']), 'Option --print-config needs a file path.');
  });

  it('explain is a subcommand only as the first argument', () => {
    assert.deepEqual(parseCliArgs(['explain', '1000', '1008', '-f', 'json']), { kind: 'explain', options: { codes: [1000, 1008], format: 'json', locale: undefined, config: undefined } });
    assert.deepEqual(parseCliArgs(['explain', '--help']), { kind: 'explain-help', locale: 'en' });
    assert.deepEqual(lintOptions(['src', 'explain']).patterns, ['src', 'explain']);
  });

  it('recognises --help and --version', () => {
    assert.deepEqual(parseCliArgs(['--help']), { kind: 'help', locale: undefined });
    assert.deepEqual(parseCliArgs(['-h', 'src']), { kind: 'help', locale: undefined });
    assert.deepEqual(parseCliArgs(['-v']), { kind: 'version' });
  });

  it('rejects unknown options, suggesting the closest one', () => {
    assert.equal(usageError(['--fromat', 'json']), "Invalid option '--fromat' - perhaps you meant '--format'?");
    assert.match(usageError(['--xyz']), /^Invalid option '--xyz'\. Valid options: --config, /);
    assert.match(usageError(['-z']), /^Invalid option '-z'\./);
  });

  it('rejects missing and invalid values', () => {
    assert.match(usageError(['--config']), /argument missing/);
    assert.equal(usageError(['--format', 'xml']), 'Invalid format "xml": use stylish, json, sarif, github, junit or gitlab.');
    assert.equal(usageError(['--baseline', ' ']), 'Option --baseline needs a file path.');
    assert.equal(usageError(['--fix', '--fix-dry-run']), 'Options --fix and --fix-dry-run cannot be used together.');
    assert.equal(usageError(['--cache', '--cache-strategy', 'mtime']), 'Invalid --cache-strategy "mtime": use metadata or content.');
    assert.equal(usageError(['--cache', '--cache-location', ' ']), 'Option --cache-location needs a file path.');
    assert.equal(usageError(['--max-warnings', 'many']), 'Invalid --max-warnings "many": use a whole number of warnings (0 or more).');
    assert.equal(usageError(['--rule', 'reserved-code']), 'Invalid --rule "reserved-code": write it as <rule-id>:<severity>, e.g. --rule reserved-code:warn.');
    assert.equal(usageError(['--rule', 'reservd-code:off']), 'Unknown rule "reservd-code" in --rule. Did you mean "reserved-code"?');
    assert.match(usageError(['--rule', 'websocket:off']), /^Unknown rule "websocket" in --rule\. Rules: reserved-code, /);
    assert.equal(usageError(['--rule', 'reserved-code:fatal']), 'Invalid severity "fatal" for rule "reserved-code" in --rule: use off, warn, error, 0, 1 or 2.');
    assert.equal(usageError(['--color', '--no-color']), 'Options --color and --no-color cannot be used together.');
  });

  it('documents every option in the usage text', () => {
    for (const option of ['--config', '--project', '--rule', '--no-ignore', '--format', '--quiet', '--max-warnings', '--fix', '--fix-dry-run', '--baseline', '--baseline-write', '--stats', '--color', '--no-color', '--help', '--version']) {
      assert.ok(USAGE.includes(option), option);
    }
  });
});
