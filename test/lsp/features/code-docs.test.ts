// The pure renderers of engine/code-docs.ts, and the no-prose discipline of the feature modules.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { renderCodeDocs, renderRegistryTable } from '../../../server/src/engine/code-docs';
import { docsText } from '../../../server/src/lsp/features/text';
import { CLOSE_CODES } from '../../../server/src/registry/close-codes';
import { REPO_ROOT } from '../../harness/paths';

describe('renderRegistryTable', () => {
  const table = renderRegistryTable(docsText('en')).split('\n');

  it('one header, one separator and one row per registry entry', () => {
    assert.equal(table.length, 2 + CLOSE_CODES.length);
    assert.equal(table[0], '| Code | Name | Class | Meaning | Accepted by |');
    assert.equal(table[1], '| --- | --- | --- | --- | --- |');
  });

  it('rows name the runtimes that accept the whole entry', () => {
    const row = (key: string) => table.find((line) => line.startsWith(`| ${key} |`))!;
    assert.match(row('1000'), /^\| 1000 \| Normal Closure \| protocol code \(RFC 6455 \/ IANA\) \| The connection did what it was opened for/);
    assert.match(row('1000'), /`whatwg`, `ws`, `isomorphic-ws`, `bun-server`, `cloudflare`/);
    assert.doesNotMatch(row('1008'), /`whatwg`/);
    assert.match(row('1008'), /`ws`/);
    assert.match(row('1015'), /`websocket-node`/);
    assert.doesNotMatch(row('1015'), /`ws`/);
    assert.match(row('1016–2999'), /\| Unassigned \|/);
  });
});

describe('renderCodeDocs', () => {
  it('several runtimes: one verdict line each', () => {
    const md = renderCodeDocs(1011, { runtimes: ['ws', 'whatwg'], naming: { configured: [], appProfiles: [] }, text: docsText('en') });
    assert.match(md, /✓ Accepted by `ws`\./);
    assert.match(md, /✗ Not accepted by the browser WebSocket \(WHATWG\)/);
    assert.match(md, /1011 is neither\./);
  });

  it('IANA registration date of 3000–3999 codes', () => {
    const md = renderCodeDocs(3008, { runtimes: [], naming: { configured: [], appProfiles: [] }, text: docsText('en') });
    assert.equal(md.split('\n\n')[0], '**3008 Timeout** · *IANA first-come-first-served range (3000–3999) · may be sent · registered with IANA on 2024-02-01*');
  });
});

describe('feature modules hold no prose', () => {
  const files = [
    ...fs.readdirSync(path.join(REPO_ROOT, 'server', 'src', 'lsp', 'features')).filter((f) => f.endsWith('.ts')).map((f) => path.join('server', 'src', 'lsp', 'features', f)),
    path.join('server', 'src', 'engine', 'code-docs.ts'),
    path.join('server', 'src', 'engine', 'code-docs-query.ts'),
    path.join('server', 'src', 'analysis', 'code-docs-targets.ts'),
    path.join('server', 'src', 'analysis', 'code-slots.ts'),
  ];
  for (const file of files) {
    it(file, () => {
      assert.deepEqual(proseLiterals(path.join(REPO_ROOT, file)), [], 'user-facing text belongs in server/src/lsp/features/text/<locale>.ts');
    });
  }
});

/** String and template literals that read like prose (two words in a row), as test/meta/rules-index.test.ts checks rules. */
function proseLiterals(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) return;
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) && /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(node.text)) {
      found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
