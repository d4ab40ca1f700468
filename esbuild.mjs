// One bundler for every entry point. `typescript` stays external: it must find its lib.*.d.ts
// files next to its own module at run time, and it is a regular dependency of the package.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['typescript'],
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build does not.
  mainFields: ['module', 'main'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/index.ts'], outfile: 'dist/api.js' },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/language-server.js', banner: { js: '#!/usr/bin/env node' } },
  // ESLint and typescript-eslint are the user's (peer dependencies), never bundled.
  { entryPoints: ['server/src/eslint/plugin.ts'], outfile: 'dist/eslint-plugin.js', external: ['typescript', 'eslint', '@typescript-eslint/*', 'typescript-eslint'] },
].filter((build) => existsSync(build.entryPoints[0]));

if (watch) {
  for (const build of builds) await (await esbuild.context({ ...shared, ...build })).watch();
} else {
  await Promise.all(builds.map((build) => esbuild.build({ ...shared, ...build })));
}
