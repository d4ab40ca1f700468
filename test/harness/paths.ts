// Locates the repository from compiled tests, wherever the build output was written
// (out/ in the normal build, a scratch folder when a build is isolated).
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'wsclose') return dir;
    if (path.dirname(dir) === dir) break;
  }
  // Compiled to a scratch folder outside the repository: fall back to the working directory.
  return process.cwd();
}

export const REPO_ROOT = findRepoRoot(__dirname);
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
export const PROJECTS = path.join(FIXTURES, 'projects');
export const EXAMPLES = path.join(REPO_ROOT, 'examples');
export const DOCS_RULES = path.join(REPO_ROOT, 'docs', 'rules');
