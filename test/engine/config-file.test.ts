// wsclose.config.json: every kind of problem with its exact location and message, the accepted
// JSONC syntax, and the per-file answers (ignore, runtime, app profiles) computed from a config.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { ResolvedConfig } from '../../server/src/core/config';
import { RULE_IDS } from '../../server/src/core/finding';
import {
  activeAppProfiles,
  applyRuleOverrides,
  defaultConfig,
  dependenciesOf,
  findConfigFile,
  parseConfigText,
  settingsForFile,
} from '../../server/src/engine/config-file';
import type { RuleDefaults } from '../../server/src/engine/config-file';
import { globProblem } from '../../server/src/engine/config-validate';

const BASE = path.resolve('/project');
const FILE = path.join(BASE, 'wsclose.config.json');

function makeDefaults(): RuleDefaults {
  const rules: Record<string, unknown> = {};
  for (const id of RULE_IDS) {
    rules[id] = { severity: 'warn', options: id === 'reason-too-long' ? { checkUnboundedReasons: true } : {} };
  }
  return rules as unknown as RuleDefaults;
}
const DEFAULTS = makeDefaults();

function parse(text: string): ResolvedConfig {
  const { config, problems } = parseConfigText(text, FILE, DEFAULTS);
  assert.deepEqual(problems, []);
  assert.ok(config);
  return config;
}

/** Problems as "line:column-endLine:endColumn message" (1-based, end exclusive). */
function problems(text: string): string[] {
  const result = parseConfigText(text, FILE, DEFAULTS);
  assert.equal(result.config, undefined, 'a config with problems must not be returned');
  for (const problem of result.problems) assert.equal(problem.file, FILE);
  return result.problems.map((p) => `${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.message}`);
}

describe('parseConfigText: syntax', () => {
  it('accepts comments and trailing commas', () => {
    const config = parse('// project config\n{\n  /* rules */ "rules": { "premature-close": "off", },\n  "ignore": ["dist/**",],\n}\n');
    assert.equal(config.rules['premature-close'].severity, 'off');
    assert.deepEqual(config.ignore, ['dist/**']);
  });

  it('accepts a byte-order mark', () => {
    assert.equal(parse('\uFEFF{ "reportUnusedDirectives": "error" }').reportUnusedDirectives, 'error');
  });

  it('reports only the first syntax error, in readable words', () => {
    assert.deepEqual(problems('{\n  "rules": { "a": 1 "b": 2 }\n}'), ['2:21-2:24 Expected a comma.']);
    assert.deepEqual(problems('{ "a": 1,, "b": 2 }'), ['1:10-1:11 Expected a property name in double quotes.']);
    assert.deepEqual(problems('{ "a" 1 }'), ['1:7-1:8 Expected a colon after the property name.']);
    assert.deepEqual(problems('{} {}'), ['1:4-1:5 Expected the end of the file after the top-level object.']);
    assert.deepEqual(problems('{ "a": tru }'), [
      '1:8-1:11 Unexpected "tru": expected a value (string, number, object, array, true, false or null), a property name or punctuation.',
    ]);
    assert.deepEqual(problems("{ 'rules': {} }"), ['1:3-1:10 Strings and property names must use double quotes, not single quotes.']);
  });

  it('says when the file ends too early', () => {
    assert.deepEqual(problems('{\n  "rules": {'), ['2:13-2:13 Unexpected end of file: expected a closing brace "}".']);
    assert.deepEqual(problems('{ "a": "abc'), ['1:8-1:12 Unterminated string: add the closing double quote.']);
    assert.deepEqual(problems('{} /* note'), ['1:4-1:11 Unterminated block comment: close it with "*/".']);
  });

  it('reports an empty file and a root that is not an object', () => {
    const empty = 'The config file is empty: write a JSON object such as { "rules": {} }.';
    assert.deepEqual(problems(''), [`1:1-1:1 ${empty}`]);
    assert.deepEqual(problems('  \n// nothing\n'), [`1:1-1:1 ${empty}`]);
    assert.deepEqual(problems('[]'), ['1:1-1:3 The config must be a JSON object such as { "rules": {} }, not an array.']);
  });

  it('counts lines after \\r\\n line breaks', () => {
    assert.deepEqual(problems('{\r\n  "rule": {}\r\n}'), ['2:3-2:9 Unknown property "rule". Did you mean "rules"?']);
  });
});

describe('parseConfigText: top level', () => {
  it('reports unknown keys with a did-you-mean, or the list of keys', () => {
    assert.deepEqual(problems('{ "rule": {} }'), ['1:3-1:9 Unknown property "rule". Did you mean "rules"?']);
    assert.deepEqual(problems('{ "settings": {} }'), [
      '1:3-1:13 Unknown property "settings". Allowed properties: "$schema", "rules", "profiles", "codes", "runtimes", "ignore", "reportUnusedDirectives".',
    ]);
  });

  it('reports duplicate keys at the second one', () => {
    assert.deepEqual(problems('{\n  "ignore": [],\n  "ignore": []\n}'), ['3:3-3:11 Duplicate property "ignore" (first at line 2); remove one of them.']);
  });

  it('checks the type of every section', () => {
    assert.deepEqual(problems('{ "$schema": 1, "rules": [], "profiles": 1, "codes": {}, "runtimes": "ws", "ignore": "dist", "reportUnusedDirectives": true }'), [
      '1:14-1:15 "$schema" must be a string (the URL or path of wsclose.schema.json), not the number 1.',
      '1:26-1:28 "rules" must be an object mapping rule ids to severities, such as { "mismatched-code": "error" }, not an array.',
      '1:42-1:43 "profiles" must be an object mapping app profile ids to true (force on) or false (force off), not the number 1.',
      '1:54-1:56 "codes" must be an array of objects such as { "code": 4001, "name": "Room Closed" }, not an object.',
      '1:70-1:74 "runtimes" must be an object mapping globs to runtime ids, such as { "src/web/**": "browser" }, not the string "ws".',
      '1:86-1:92 "ignore" must be an array of globs, such as ["dist/**"], not the string "dist".',
      '1:120-1:124 "reportUnusedDirectives" must be "off", "warn" or "error", not true.',
    ]);
  });

  it('fills a valid config, keeping defaults for what it does not mention', () => {
    const config = parse(`{
      "$schema": "./node_modules/wsclose/wsclose.schema.json",
      "rules": { "mismatched-code": "error", "reason-too-long": ["warn", { "checkUnboundedReasons": false }], "premature-close": 0, "invalid-code": [2] },
      "profiles": { "graphql-ws": true, "discord-gateway": false },
      "codes": [ { "code": 4001, "name": "Room Closed", "description": "The room was deleted.", "reconnect": "no" }, { "code": 3500, "name": "Registered" } ],
      "runtimes": { "src/web/**": "browser", "legacy/*.js": "ws" },
      "ignore": ["dist/**", "**/*.min.js"],
      "reportUnusedDirectives": "error"
    }`);
    assert.deepEqual(config, {
      baseDir: BASE,
      configFile: FILE,
      rules: {
        ...DEFAULTS,
        'mismatched-code': { severity: 'error', options: {} },
        'reason-too-long': { severity: 'warn', options: { checkUnboundedReasons: false } },
        'premature-close': { severity: 'off', options: {} },
        'invalid-code': { severity: 'error', options: {} },
      },
      profiles: { 'graphql-ws': true, 'discord-gateway': false },
      codes: [
        { code: 4001, name: 'Room Closed', description: 'The room was deleted.', reconnect: 'no' },
        { code: 3500, name: 'Registered' },
      ],
      runtimes: [
        { pattern: 'src/web/**', runtime: 'whatwg' },
        { pattern: 'legacy/*.js', runtime: 'ws' },
      ],
      ignore: ['dist/**', '**/*.min.js'],
      reportUnusedDirectives: 'error',
    });
  });

  it('keeps default rule options when only the severity is given', () => {
    assert.deepEqual(parse('{ "rules": { "reason-too-long": "error" } }').rules['reason-too-long'], {
      severity: 'error',
      options: { checkUnboundedReasons: true },
    });
    assert.deepEqual(parse('{ "rules": { "reason-too-long": ["error", {}] } }').rules['reason-too-long'].options, { checkUnboundedReasons: true });
  });
});

describe('parseConfigText: rules', () => {
  it('reports unknown rule ids', () => {
    assert.deepEqual(problems('{ "rules": { "mismatch-code": "error", "no-console": "off" } }'), [
      '1:14-1:29 Unknown rule "mismatch-code". Did you mean "mismatched-code"?',
      '1:40-1:52 Unknown rule "no-console". Known rules: "reserved-code", "invalid-code", "browser-code-range", "reason-too-long", "reason-without-code", "mismatched-code", "premature-close", "unregistered-code", "reconnect-on-terminal-code".',
    ]);
  });

  it('reports bad severities', () => {
    assert.deepEqual(problems('{ "rules": { "invalid-code": "warning", "reserved-code": 3, "premature-close": [true] } }'), [
      '1:30-1:39 Invalid severity for rule "invalid-code": use "off", "warn" or "error" (or 0, 1, 2), not the string "warning".',
      '1:58-1:59 Invalid severity for rule "reserved-code": use "off", "warn" or "error" (or 0, 1, 2), not the number 3.',
      '1:81-1:85 Invalid severity for rule "premature-close": use "off", "warn" or "error" (or 0, 1, 2), not true.',
    ]);
  });

  it('reports malformed [severity, options] arrays', () => {
    assert.deepEqual(problems('{ "rules": { "invalid-code": [], "reserved-code": ["warn", {}, 1], "premature-close": ["warn", 5] } }'), [
      '1:30-1:32 Rule "invalid-code" needs a severity as the first element, such as ["warn"].',
      '1:64-1:65 Rule "reserved-code" takes [severity, options]; remove this extra element.',
      '1:96-1:97 The options of rule "premature-close" must be an object, not the number 5.',
    ]);
  });

  it('reports unknown options and options of the wrong type', () => {
    assert.deepEqual(problems('{ "rules": { "reason-too-long": ["warn", { "checkUnbounded": true, "checkUnboundedReasons": "no" }] } }'), [
      '1:44-1:60 Unknown option "checkUnbounded" for rule "reason-too-long". Did you mean "checkUnboundedReasons"?',
      '1:93-1:97 Option "checkUnboundedReasons" of rule "reason-too-long" must be true or false, not the string "no".',
    ]);
    assert.deepEqual(problems('{ "rules": { "premature-close": ["warn", { "strict": true }] } }'), [
      '1:44-1:52 Rule "premature-close" takes no options; remove "strict".',
    ]);
  });
});

describe('parseConfigText: profiles and codes', () => {
  it('reports unknown profiles and non-boolean values', () => {
    assert.deepEqual(problems('{ "profiles": { "graphql": true, "discord-voice": "on", "slack": true } }'), [
      '1:17-1:26 Unknown app profile "graphql". Did you mean "graphql-ws"?',
      '1:51-1:55 Profile "discord-voice" must be true (force on) or false (force off), not the string "on".',
      '1:57-1:64 Unknown app profile "slack". Known profiles: "graphql-ws", "discord-gateway", "discord-voice", "twitch-eventsub".',
    ]);
  });

  it('reports invalid code entries', () => {
    const text = [
      '{ "codes": [',
      '  { "code": 4001, "name": "A" },',
      '  { "code": 4001, "name": "B" },',
      '  { "code": 1000, "name": "Normal" },',
      '  { "code": 4000.5, "name": " " },',
      '  { "name": "No code", "reconect": "no" },',
      '  { "code": 4002, "reconnect": "maybe", "description": 1 },',
      '  "4003"',
      '] }',
    ].join('\n');
    assert.deepEqual(problems(text), [
      '3:13-3:17 Close code 4001 is declared more than once (first at line 2); remove one of the entries.',
      '4:13-4:17 Close code 1000 cannot be declared: applications own only 3000–4999 (use 4000–4999 for private codes; 3000–3999 are registered with IANA).',
      '5:13-5:19 "code" must be an integer from 3000 to 4999 (4000–4999 for private use), not the number 4000.5.',
      '5:29-5:32 "name" must be a non-empty string such as "Room Closed", not the string " ".',
      '6:3-6:42 This entry needs a "code": an integer from 4000 to 4999 (or 3000–3999 if registered with IANA).',
      '6:24-6:34 Unknown property "reconect" in a code entry. Did you mean "reconnect"?',
      '7:3-7:59 This entry needs a "name": a short non-empty label such as "Room Closed".',
      '7:32-7:39 "reconnect" must be one of "yes", "backoff", "no", "not-applicable", not the string "maybe".',
      '7:56-7:57 "description" must be a string, not the number 1.',
      '8:3-8:9 Each entry of "codes" must be an object such as { "code": 4001, "name": "Room Closed" }, not the string "4003".',
    ]);
  });
});

describe('parseConfigText: runtimes and globs', () => {
  it('resolves aliases to runtime ids', () => {
    const config = parse('{ "runtimes": { "a/**": "browser", "b/**": "undici", "c/**": "deno", "d/**": "node-ws", "e/**": "bun", "f/**": "workers", "g/**": "uws" } }');
    assert.deepEqual(
      config.runtimes.map((r) => r.runtime),
      ['whatwg', 'whatwg', 'whatwg', 'ws', 'bun-server', 'cloudflare', 'uws'],
    );
  });

  it('reports unknown runtimes', () => {
    assert.deepEqual(problems('{ "runtimes": { "src/**": "brwoser", "lib/**": "node", "x/**": 3, "y/**": "electron" } }'), [
      '1:27-1:36 Unknown runtime "brwoser" for "src/**". Did you mean "browser"?',
      '1:48-1:54 Unknown runtime "node" for "lib/**". Did you mean "node-ws"?',
      '1:64-1:65 The runtime for "x/**" must be a string such as "browser" or "ws", not the number 3.',
      '1:75-1:85 Unknown runtime "electron" for "y/**". Use one of "whatwg", "ws", "isomorphic-ws", "bun-server", "cloudflare", "deno-server", "uws", "websocket-node", "reconnecting-websocket", "partysocket", "websocket-stream", "websocket-error", "hono", "browser", "undici", "deno", "node-ws", "bun", "workers".',
    ]);
  });

  it('reports globs that are empty, absolute, climb out of the folder or do not compile', () => {
    assert.deepEqual(problems('{ "runtimes": { "": "ws", "/src/**": "ws", "C:/src": "ws", "../shared/**": "ws", "{a,b": "ws" } }'), [
      '1:17-1:19 A glob pattern cannot be empty.',
      '1:27-1:36 Glob "/src/**" is absolute; patterns are relative to the folder of wsclose.config.json (for example "src/**").',
      '1:44-1:52 Glob "C:/src" is absolute; patterns are relative to the folder of wsclose.config.json (for example "src/**").',
      '1:60-1:74 Glob "../shared/**" contains a ".." segment, which never matches: patterns only match files inside the folder of wsclose.config.json. Move the config file up instead.',
      '1:82-1:88 Invalid glob "{a,b": "{" is never closed. Close it, or escape it with a backslash to match it literally.',
    ]);
    assert.deepEqual(problems('{ "ignore": ["dist/**", " ", "!", "a/../b", "[z-a]", 7] }'), [
      '1:25-1:28 A glob pattern cannot be empty.',
      '1:30-1:33 A glob pattern cannot be empty.',
      '1:35-1:43 Glob "a/../b" contains a ".." segment, which never matches: patterns only match files inside the folder of wsclose.config.json. Move the config file up instead.',
      '1:45-1:52 Invalid glob "[z-a]" (range out of order in character class): check that every "(", "[" and "{" is closed.',
      '1:54-1:55 Each entry of "ignore" must be a glob string, not the number 7.',
    ]);
  });
});

describe('defaultConfig and applyRuleOverrides', () => {
  it('builds the config used without a file', () => {
    assert.deepEqual(defaultConfig(BASE, DEFAULTS), {
      baseDir: BASE,
      rules: DEFAULTS,
      profiles: {},
      codes: [],
      runtimes: [],
      ignore: [],
      reportUnusedDirectives: 'warn',
    });
  });

  it('overrides severities and keeps options; later overrides win', () => {
    const config = parse('{ "rules": { "reason-too-long": ["error", { "checkUnboundedReasons": false }] } }');
    const overridden = applyRuleOverrides(config, [
      { ruleId: 'reason-too-long', severity: 'warn' },
      { ruleId: 'premature-close', severity: 'error' },
      { ruleId: 'premature-close', severity: 'off' },
    ]);
    assert.deepEqual(overridden.rules['reason-too-long'], { severity: 'warn', options: { checkUnboundedReasons: false } });
    assert.deepEqual(overridden.rules['premature-close'], { severity: 'off', options: {} });
    assert.deepEqual(overridden.rules['invalid-code'], DEFAULTS['invalid-code']);
    assert.equal(config.rules['reason-too-long'].severity, 'error', 'the input config is not modified');
  });
});

describe('settingsForFile', () => {
  const config = parse(`{
    "runtimes": { "src/**": "browser", "src/legacy/*.js": "node-ws", "**/*.worker.ts": "workers" },
    "ignore": ["dist/**", "!dist/keep.js", "**/*.min.js"]
  }`);
  const at = (relative: string) => settingsForFile(config, path.join(BASE, ...relative.split('/')));

  it('lets the last matching runtime glob win', () => {
    assert.deepEqual(at('src/app.ts'), { ignored: false, runtime: 'whatwg' });
    assert.deepEqual(at('src/legacy/old.js'), { ignored: false, runtime: 'ws' });
    assert.deepEqual(at('src/legacy/old.ts'), { ignored: false, runtime: 'whatwg' });
    assert.deepEqual(at('src/jobs/a.worker.ts'), { ignored: false, runtime: 'cloudflare' });
    assert.deepEqual(at('server/main.ts'), { ignored: false, runtime: undefined });
  });

  it('matches relative to the config folder, dot folders included', () => {
    assert.deepEqual(at('.cache/src/app.min.js'), { ignored: true, runtime: undefined });
    assert.deepEqual(at('lib/src/app.ts'), { ignored: false, runtime: undefined });
  });

  it('ignores files, and "!" patterns re-include them', () => {
    assert.equal(at('dist/bundle.js').ignored, true);
    assert.equal(at('dist/keep.js').ignored, false);
    assert.equal(at('src/vendor/lib.min.js').ignored, true);
  });

  it('matches nothing outside the config folder', () => {
    assert.deepEqual(settingsForFile(config, path.resolve('/other/src/app.ts')), { ignored: false, runtime: undefined });
    assert.deepEqual(settingsForFile(config, path.resolve('/project-2/dist/a.js')), { ignored: false, runtime: undefined });
  });

  it('gives the same answers on repeated calls (cached matchers)', () => {
    assert.deepEqual(at('src/legacy/old.js'), at('src/legacy/old.js'));
  });
});

describe('activeAppProfiles and dependenciesOf', () => {
  it('turns profiles on from dependencies, unless the config forces them', () => {
    const deps = new Set(['discord.js', 'graphql-ws', 'react']);
    assert.deepEqual(activeAppProfiles(defaultConfig(BASE, DEFAULTS), deps), ['graphql-ws', 'discord-gateway']);
    const config = parse('{ "profiles": { "graphql-ws": false, "twitch-eventsub": true } }');
    assert.deepEqual(activeAppProfiles(config, deps), ['discord-gateway', 'twitch-eventsub']);
    assert.deepEqual(activeAppProfiles(config, new Set()), ['twitch-eventsub']);
  });

  it('reads every dependency field and tolerates broken manifests', () => {
    const manifest = JSON.stringify({
      dependencies: { ws: '^8' },
      devDependencies: { '@types/ws': '^8' },
      peerDependencies: { 'graphql-ws': '*' },
      optionalDependencies: { bufferutil: '*' },
      bundledDependencies: ['ignored'],
      scripts: { test: 'x' },
    });
    assert.deepEqual([...dependenciesOf(manifest)].sort(), ['@types/ws', 'bufferutil', 'graphql-ws', 'ws']);
    assert.deepEqual([...dependenciesOf('{ "dependencies": ')], []);
    assert.deepEqual([...dependenciesOf('null')], []);
    assert.deepEqual([...dependenciesOf('{ "dependencies": ["ws"] }')], []);
  });
});

describe('findConfigFile', () => {
  const existing = new Set([path.resolve('/repo/wsclose.config.json'), path.resolve('/repo/packages/web/wsclose.config.json')]);
  const fileExists = (file: string): boolean => existing.has(file);

  it('finds the nearest config upward', () => {
    assert.equal(findConfigFile(path.resolve('/repo/packages/web/src/deep'), fileExists), path.resolve('/repo/packages/web/wsclose.config.json'));
    assert.equal(findConfigFile(path.resolve('/repo/packages/api/src'), fileExists), path.resolve('/repo/wsclose.config.json'));
    assert.equal(findConfigFile(path.resolve('/repo'), fileExists), path.resolve('/repo/wsclose.config.json'));
  });

  it('stops at the filesystem root', () => {
    const asked: string[] = [];
    assert.equal(
      findConfigFile(path.resolve('/elsewhere/a'), (file) => {
        asked.push(file);
        return false;
      }),
      undefined,
    );
    assert.deepEqual(asked, [
      path.resolve('/elsewhere/a/wsclose.config.json'),
      path.resolve('/elsewhere/wsclose.config.json'),
      path.resolve('/wsclose.config.json'),
    ]);
  });
});

describe('glob validation: unclosed brackets', () => {
  it('reports the first unclosed bracket, brace or parenthesis', () => {
    assert.match(globProblem('src/[a-') ?? '', /"\[" is never closed/);
    assert.match(globProblem('**/{a,') ?? '', /"\{" is never closed/);
    assert.match(globProblem('src/@(a|b') ?? '', /"\(" is never closed/);
    assert.equal(globProblem('src/**/*.{ts,tsx}'), undefined);
    assert.equal(globProblem('src/[{(]x'), undefined, 'brackets inside a character class are literal');
    assert.equal(globProblem('src/\\[literal'), undefined, 'an escaped bracket is literal');
  });
});
