// `npm run screenshots`: the README's VS Code screenshots (images/screenshots/*.png), taken by the
// UI smoke flow (./ui-flow.ts) in code-server with the freshly packaged .vsix.
import * as path from 'node:path';
import { checkEnvironment, REPO_ROOT } from './harness';
import { README_SCREENSHOTS, runUiFlow } from './ui-flow';

async function main(): Promise<void> {
  const env = checkEnvironment({ vsix: true });
  if (env.missing) throw new Error(`Cannot take the screenshots: ${env.missing}`);
  const target = path.join(REPO_ROOT, 'images', 'screenshots');
  const { screenshots } = await runUiFlow({ chromium: env.chromium!, readmeScreenshots: target, log: (line) => console.log(line) });
  console.log(`README screenshots (${Object.values(README_SCREENSHOTS).join(', ')}) written to ${path.relative(REPO_ROOT, target)}/`);
  console.log(`All screenshots: ${screenshots.map((file) => path.relative(REPO_ROOT, file)).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
