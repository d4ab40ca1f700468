// A broken wsclose.config.json in the editor: the server goes on with the file's last valid
// version (so advice keeps the project's own codes in mind), logs each new set of problems, and
// warns the user once until the file is valid again — not on every autosave of a half-edited file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ConfigCache } from '../../server/src/lsp/config-cache';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

const VALID = '{\n  "codes": [{ "code": 4001, "name": "Room Closed" }]\n}\n';
/** The same file mid-edit: a bracket not closed yet, then a typo in a rule name further down. */
const EDITS = [
  '{\n  "codes": [{ "code": 4001, "name": "Room Closed" }\n}\n',
  '{\n  // the app\'s codes\n  "codes": [{ "code": 4001, "name": "Room Closed" }],\n  "rules": { "reserved-cod": "warn" }\n}\n',
];

describe('ConfigCache: a broken wsclose.config.json', () => {
  let dir: string;
  let configFile: string;
  let warnings: string[];
  let logs: string[];
  let cache: ConfigCache;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-config-cache-'));
    configFile = path.join(dir, 'wsclose.config.json');
    warnings = [];
    logs = [];
    cache = new ConfigCache(dir, { info: () => {}, error: (m) => logs.push(m), warnUser: (m) => warnings.push(m) });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Writes the file as an autosave would, and asks for a file's config as the next check does. */
  const save = (text: string) => {
    fs.writeFileSync(configFile, text);
    cache.clear();
    return cache.forFile(path.join(dir, 'a.ts'), DEFAULT_SETTINGS).config;
  };

  it('keeps the last valid version, so the project\'s codes stay known while the file is broken', () => {
    assert.deepEqual(save(VALID).codes.map((c) => c.code), [4001]);
    for (const text of EDITS) assert.deepEqual(save(text).codes.map((c) => c.code), [4001], text);
    assert.match(warnings[0]!, /^wsclose: the last valid configuration applies until this problem is fixed: /);
  });

  it('warns once while the file stays broken, logs every new set of problems, and warns again after it was fixed', () => {
    save(VALID);
    for (const text of EDITS) {
      save(text);
      save(text);
    }
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.equal(logs.length, EDITS.length, logs.join('\n'));
    save(VALID);
    save(EDITS[0]!);
    assert.equal(warnings.length, 2);
  });

  it('one sentence that ends with the problem\'s own full stop, never ".."', () => {
    save('{ "rules": { "reserved-code": "eror" } }\n');
    assert.deepEqual(warnings, [
      `wsclose: the default configuration applies until this problem is fixed: ${configFile}:1:31: Invalid severity for rule "reserved-code": use "off", "warn" or "error" (or 0, 1, 2), not the string "eror".`,
    ]);
    assert.doesNotMatch(warnings[0]!, /\.\./);
  });

  it('counts the problems when there are several', () => {
    save('{ "rules": { "reserved-code": "eror", "invalid-cod": "warn" } }\n');
    assert.match(warnings[0]!, /^wsclose: the default configuration applies until these 2 problems are fixed \(all in the log\); the first: .*:1:31: Invalid severity .*"eror"\.$/);
  });
});
