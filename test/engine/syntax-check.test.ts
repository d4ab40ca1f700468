import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addsSyntaxErrors, syntaxErrors } from '../../server/src/engine/syntax-check';

describe('syntax check for edits', () => {
  it('counts parse errors as TypeScript reports them for the file name', () => {
    assert.equal(syntaxErrors('a.ts', 'const a: number = 1;').length, 0);
    assert.ok(syntaxErrors('a.js', 'const a: number = 1;').length > 0);
    assert.ok(syntaxErrors('a.ts', 'f(1 2);').length > 0);
  });
  it('refuses an edit only when it adds parse errors', () => {
    assert.equal(addsSyntaxErrors('a.ts', 'ws.close(1005);', 'ws.close(1000);'), false);
    assert.equal(addsSyntaxErrors('a.ts', 'ws.close(1005);', 'ws.close(1000;'), true);
    // An already broken file can still be fixed elsewhere.
    assert.equal(addsSyntaxErrors('a.ts', 'f(1 2); ws.close(1005);', 'f(1 2); ws.close(1000);'), false);
    assert.equal(addsSyntaxErrors('a.ts', 0, 'ws.close(1000);'), false);
  });
});
