// wsclose.schema.json (what editors validate against) must agree with engine/config-file.ts (what
// wsclose enforces): same ids, and the same verdict on a set of valid and invalid configs.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { RULE_IDS } from '../../server/src/core/finding';
import { acceptedRuntimeNames, parseConfigText } from '../../server/src/engine/config-file';
import type { RuleDefaults } from '../../server/src/engine/config-file';
import { configSchemaText } from '../../server/src/engine/config-schema';
import { APP_PROFILES } from '../../server/src/registry/apps';
import { RUNTIME_PROFILES } from '../../server/src/registry/runtimes';
import { REPO_ROOT } from '../harness/paths';

interface SchemaNode {
  readonly enum?: readonly unknown[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
  readonly [key: string]: unknown;
}

const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'wsclose.schema.json'), 'utf8')) as SchemaNode;
const definitions = schema.definitions ?? {};
// strict: unknown keywords, ambiguous types or loose tuples in the schema fail the test.
const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);

const DEFAULTS = Object.fromEntries(
  RULE_IDS.map((id) => [id, { severity: 'warn', options: id === 'reason-too-long' ? { checkUnboundedReasons: true } : {} }]),
) as unknown as RuleDefaults;

function parserProblems(config: unknown): string[] {
  return parseConfigText(JSON.stringify(config, null, 2), '/p/wsclose.config.json', DEFAULTS).problems.map((p) => p.message);
}

describe('wsclose.schema.json: generated', () => {
  it('is what the rules declare (regenerate with `npm run gen:schema`)', () => {
    assert.equal(fs.readFileSync(path.join(REPO_ROOT, 'wsclose.schema.json'), 'utf8'), configSchemaText());
  });
});

describe('wsclose.schema.json: ids', () => {
  it('lists exactly the rule ids', () => {
    assert.deepEqual(definitions['ruleId']?.enum, [...RULE_IDS]);
    assert.deepEqual(Object.keys(schema.properties?.['rules']?.properties ?? {}), [...RULE_IDS]);
  });

  it('lists exactly the runtime ids and aliases the parser accepts', () => {
    assert.deepEqual(definitions['runtime']?.enum, acceptedRuntimeNames());
    for (const id of Object.keys(RUNTIME_PROFILES)) assert.ok(acceptedRuntimeNames().includes(id), id);
  });

  it('lists exactly the app profile ids, and names their packages', () => {
    const ids = APP_PROFILES.map((profile) => profile.id);
    assert.deepEqual(definitions['profileId']?.enum, ids);
    const profiles = schema.properties?.['profiles']?.properties ?? {};
    assert.deepEqual(Object.keys(profiles), ids);
    for (const profile of APP_PROFILES) {
      for (const name of profile.packages) assert.ok(profiles[profile.id]?.description?.includes(name), `${profile.id} mentions ${name}`);
    }
  });

  it('describes every property', () => {
    const missing: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const record = node as SchemaNode;
      for (const [key, child] of Object.entries(record.properties ?? {})) {
        if (typeof child.description !== 'string' || child.description === '') missing.push(`${where}.${key}`);
      }
      for (const [key, child] of Object.entries(record)) if (key !== 'enum') visit(child, `${where}.${key}`);
    };
    visit(schema, '#');
    assert.deepEqual(missing, []);
  });
});

const VALID: ReadonlyArray<readonly [string, unknown]> = [
  ['empty', {}],
  [
    'everything',
    {
      $schema: './node_modules/wsclose/wsclose.schema.json',
      rules: {
        'mismatched-code': 'error',
        'reason-too-long': ['warn', { checkUnboundedReasons: false }],
        'premature-close': 'off',
        'invalid-code': 2,
        'reserved-code': ['error'],
        'unregistered-code': ['warn', {}],
      },
      profiles: { 'graphql-ws': true, 'discord-gateway': false },
      codes: [
        { code: 4001, name: 'Room Closed', description: 'The room was deleted.', reconnect: 'no' },
        { code: 3000, name: 'Registered', reconnect: 'not-applicable' },
      ],
      runtimes: { 'src/web/**': 'browser', 'legacy/*.js': 'ws', '**/*.worker.ts': 'workers', 'a..b/*': 'bun' },
      ignore: ['dist/**', '**/*.min.js', '!dist/keep.js', '!(tmp)/**'],
      reportUnusedDirectives: 'off',
    },
  ],
  ['severities as numbers', { rules: { 'reason-without-code': 0, 'browser-code-range': 1 } }],
];

const INVALID: ReadonlyArray<readonly [string, unknown]> = [
  ['not an object', []],
  ['unknown top-level key', { rule: {} }],
  ['$schema not a string', { $schema: 1 }],
  ['unknown rule', { rules: { 'mismatch-code': 'error' } }],
  ['bad severity word', { rules: { 'invalid-code': 'warning' } }],
  ['bad severity number', { rules: { 'invalid-code': 3 } }],
  ['empty rule array', { rules: { 'invalid-code': [] } }],
  ['rule array too long', { rules: { 'invalid-code': ['warn', {}, {}] } }],
  ['options not an object', { rules: { 'reason-too-long': ['warn', true] } }],
  ['option on a rule without options', { rules: { 'premature-close': ['warn', { strict: true }] } }],
  ['unknown option', { rules: { 'reason-too-long': ['warn', { checkUnbounded: true }] } }],
  ['option of the wrong type', { rules: { 'reason-too-long': ['warn', { checkUnboundedReasons: 'yes' }] } }],
  ['unknown profile', { profiles: { slack: true } }],
  ['profile not boolean', { profiles: { 'graphql-ws': 'on' } }],
  ['codes not an array', { codes: {} }],
  ['code entry not an object', { codes: [4001] }],
  ['code below 3000', { codes: [{ code: 1000, name: 'Normal' }] }],
  ['code above 4999', { codes: [{ code: 5000, name: 'Big' }] }],
  ['code not an integer', { codes: [{ code: 4000.5, name: 'Half' }] }],
  ['code as a string', { codes: [{ code: '4001', name: 'String' }] }],
  ['code missing', { codes: [{ name: 'Nameless' }] }],
  ['name missing', { codes: [{ code: 4001 }] }],
  ['name empty', { codes: [{ code: 4001, name: '' }] }],
  ['name blank', { codes: [{ code: 4001, name: '  ' }] }],
  ['bad reconnect', { codes: [{ code: 4001, name: 'A', reconnect: 'maybe' }] }],
  ['description not a string', { codes: [{ code: 4001, name: 'A', description: 1 }] }],
  ['unknown code key', { codes: [{ code: 4001, name: 'A', reconect: 'no' }] }],
  ['runtimes not an object', { runtimes: ['browser'] }],
  ['unknown runtime', { runtimes: { 'src/**': 'node' } }],
  ['runtime not a string', { runtimes: { 'src/**': 1 } }],
  ['empty runtime glob', { runtimes: { '': 'ws' } }],
  ['absolute runtime glob', { runtimes: { '/src/**': 'ws' } }],
  ['drive-letter runtime glob', { runtimes: { 'C:/src/**': 'ws' } }],
  ['runtime glob with ..', { runtimes: { 'src/../lib/**': 'ws' } }],
  ['ignore not an array', { ignore: 'dist/**' }],
  ['ignore entry not a string', { ignore: [1] }],
  ['blank ignore glob', { ignore: [' '] }],
  ['bare "!" ignore glob', { ignore: ['!'] }],
  ['negated absolute ignore glob', { ignore: ['!/dist/**'] }],
  ['ignore glob with ..', { ignore: ['..'] }],
  ['bad reportUnusedDirectives', { reportUnusedDirectives: true }],
];

describe('wsclose.schema.json and the parser agree', () => {
  for (const [name, config] of VALID) {
    it(`accepts: ${name}`, () => {
      assert.equal(validate(config), true, JSON.stringify(validate.errors));
      assert.deepEqual(parserProblems(config), []);
    });
  }
  for (const [name, config] of INVALID) {
    it(`rejects: ${name}`, () => {
      assert.equal(validate(config), false, 'the schema accepts it');
      assert.notDeepEqual(parserProblems(config), [], 'the parser accepts it');
    });
  }

  // What a JSON schema cannot express: the parser alone rejects these (the schema accepts them).
  it('leaves duplicates and uncompilable globs to the parser', () => {
    const duplicates = { codes: [{ code: 4001, name: 'A' }, { code: 4001, name: 'B' }] };
    const uncompilable = { runtimes: { '{a,b': 'ws' } };
    for (const config of [duplicates, uncompilable]) {
      assert.equal(validate(config), true);
      assert.equal(parserProblems(config).length, 1);
    }
  });
});
