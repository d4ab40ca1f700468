// UI smoke test in a real VS Code workbench (code-server 4.100.3 + Chromium) with the installed
// .vsix: squiggle, Problems panel, hover with the registry docs, Ctrl+. quick fix that clears the
// problem (./ui-flow.ts). Screenshots go to test/e2e/artifacts/.
// Skips when code-server, Chromium or the .vsix is missing; fails instead under WSCLOSE_REQUIRE_EDITORS=1 (CI).
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEnvironment, fixtureHash, staleVsixWarning } from './harness';
import { runUiFlow } from './ui-flow';

const env = checkEnvironment({ vsix: true });
const skip = env.missing ? `skipped: ${env.missing}` : false;

describe(`UI smoke test in code-server with the installed .vsix (${env.codeServer ?? 'not installed'})`, () => {
  it('squiggle, Problems panel, hover, quick fix', { timeout: 300_000, skip }, async (t) => {
    const stale = staleVsixWarning();
    if (stale) t.diagnostic(`warning: ${stale}`);
    const before = fixtureHash();
    const { milestones, screenshots } = await runUiFlow({ chromium: env.chromium! });
    t.diagnostic(milestones.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(' → '));
    t.diagnostic(`screenshots: ${screenshots.join(', ')}`);
    assert.equal(fixtureHash(), before, 'the fixture workspace is unchanged on disk');
  });
});
