// One bundler for every entry point. For the npm package `typescript` stays external: it must find
// its lib.*.d.ts files next to its own module at run time, and it is a regular dependency of the
// package. The VS Code extension ships no node_modules, so its server bundle
// (dist/extension/language-server.js) contains TypeScript, and TypeScript's lib.*.d.ts files are
// copied next to it: a bundled TypeScript looks for them beside the file it executes from.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--extension`: only the VS Code extension's bundles. `--dist <dir>`: write them there instead of
// dist/ (client/package-vsix.mjs builds straight into its staging folder).
const extensionOnly = process.argv.includes('--extension');
const distArg = process.argv.indexOf('--dist');
const dist = distArg >= 0 ? process.argv[distArg + 1] : 'dist';

/**
 * `import * as ts from 'typescript'` bundled as CommonJS becomes `__toESM(require("typescript"))`
 * in every module: 60 copies of TypeScript's ~2,250 exports into objects of getters at start-up
 * (0.2–0.7 s on the real-repository benchmark), and a getter call on every `ts.X`. As
 * `import ts = require('typescript')` it is TypeScript's own module object, required once. Only
 * how the bundle reaches the module changes: `ts.X` is the same value either way (our code never
 * reads `ts.default`, the one name the interop adds).
 */
const typescriptRequiredOnce = {
  name: 'typescript-required-once',
  setup(build) {
    build.onLoad({ filter: /[\\/](server|client)[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replace(/^import \* as ts from 'typescript';$/gm, "import ts = require('typescript');"), loader: 'ts' };
    });
  },
};

const shared = {
  plugins: [typescriptRequiredOnce],
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

const EXTENSION_SERVER = 'dist/extension/language-server.js';
const EXTENSION_OUTPUTS = ['dist/client.js', EXTENSION_SERVER];

const builds = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/index.ts'], outfile: 'dist/api.js' },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/language-server.js', banner: { js: '#!/usr/bin/env node' } },
  // ESLint and typescript-eslint are the user's (peer dependencies), never bundled.
  { entryPoints: ['server/src/eslint/plugin.ts'], outfile: 'dist/eslint-plugin.js', external: ['typescript', 'eslint', '@typescript-eslint/*', 'typescript-eslint'] },
  // The VS Code extension: the client (`vscode` is the host's) and a self-contained server.
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: EXTENSION_SERVER, external: [], sourcemap: false },
]
  .filter((build) => existsSync(build.entryPoints[0]) && (!extensionOnly || EXTENSION_OUTPUTS.includes(build.outfile)))
  .map((build) => ({ ...build, outfile: path.join(dist, path.relative('dist', build.outfile)) }));
const extensionServer = path.join(dist, path.relative('dist', EXTENSION_SERVER));

/** TypeScript's default libraries (lib.*.d.ts) next to the extension's server bundle. */
function copyTypeScriptLibs() {
  const libDir = path.dirname(createRequire(import.meta.url).resolve('typescript'));
  const target = path.dirname(extensionServer);
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(libDir)) {
    if (/^lib\..*\.d\.ts$|^lib\.d\.ts$/.test(name)) copyFileSync(path.join(libDir, name), path.join(target, name));
  }
}

if (watch) {
  copyTypeScriptLibs();
  for (const build of builds) await (await esbuild.context({ ...shared, ...build })).watch();
} else {
  await Promise.all(builds.map((build) => esbuild.build({ ...shared, ...build })));
  if (builds.some((build) => build.outfile === extensionServer)) copyTypeScriptLibs();
}
