// The directive injection grammar, as the extension registers it (package.json
// contributes.grammars), gives wsclose directives their scopes inside TypeScript comments:
// vscode-tmgrammar-test runs test/grammar/directives.syntax against a minimal source.ts host
// grammar (VS Code's own TypeScript grammar is not installed here; the host uses its scope names).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { REPO_ROOT } from '../harness/paths';

const GRAMMAR_DIR = path.join(REPO_ROOT, 'test', 'grammar');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  contributes: { grammars: Array<{ scopeName: string; path: string; injectTo?: string[] }> };
};

describe('directive grammar in a TypeScript comment (vscode-tmgrammar-test)', () => {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-grammar-'));
  after(() => fs.rmSync(temp, { recursive: true, force: true }));

  it('is registered as an injection into the JS/TS grammars', () => {
    const [injection] = manifest.contributes.grammars;
    assert.ok(injection);
    assert.equal(injection.scopeName, 'wsclose.directives.injection');
    assert.deepEqual([...(injection.injectTo ?? [])].sort(), ['source.js', 'source.js.jsx', 'source.ts', 'source.tsx']);
    assert.ok(fs.existsSync(path.join(REPO_ROOT, injection.path)));
  });

  it('scopes the keyword, the rule ids and the reason', () => {
    // The tool joins grammar paths to the config's folder: give it paths relative to that folder.
    const relative = (file: string): string => path.relative(temp, path.resolve(REPO_ROOT, file));
    const config = {
      contributes: {
        grammars: [
          { scopeName: 'source.ts', path: relative(path.join(GRAMMAR_DIR, 'host-ts.tmLanguage.json')) },
          ...manifest.contributes.grammars.map((grammar) => ({ ...grammar, path: relative(grammar.path) })),
        ],
      },
    };
    const configFile = path.join(temp, 'grammars.json');
    fs.writeFileSync(configFile, JSON.stringify(config));
    const cli = path.join(path.dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
    const result = spawnSync(process.execPath, [cli, '--compact', '--config', configFile, path.join(GRAMMAR_DIR, 'directives.syntax')], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 0, `vscode-tmgrammar-test failed:\n${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /directives\.syntax run successfuly|✓/);
  });
});
