// Process entry of dist/language-server.js (bin `wsclose-language-server`). The transport comes
// from argv (`--stdio`, `--node-ipc`, `--socket=<port>`, `--pipe=<name>`). In stdio mode stdout
// belongs to the protocol: console output goes to the client's log (connection.console) instead.
// Without a transport (a person running it by hand) it prints its usage instead (lsp/launch.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { NO_TRANSPORT, launchUsage, parseLaunch } from './launch';
import { startServer } from './server';

// Read at build time: esbuild inlines the JSON into the bundle.
const version = ((): string | undefined => {
  try {
    return (require('../../../package.json') as { version: string }).version;
  } catch {
    return undefined;
  }
})();

const launch = parseLaunch(process.argv.slice(2));
if (launch.kind !== 'serve') {
  if (launch.kind === 'help') process.stdout.write(launchUsage(version));
  else if (launch.kind === 'version') process.stdout.write(`${version ?? 'unknown'}\n`);
  else process.stderr.write(NO_TRANSPORT);
  process.exit(launch.kind === 'no-transport' ? 2 : 0);
}

const connection = createConnection(ProposedFeatures.all);

console.log = (...args: unknown[]) => connection.console.log(format(...args));
console.info = (...args: unknown[]) => connection.console.info(format(...args));
console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
console.error = (...args: unknown[]) => connection.console.error(format(...args));
console.debug = (...args: unknown[]) => connection.console.log(format(...args));

process.on('uncaughtException', (error) => connection.console.error(`Uncaught exception: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

// The package root (docs/, README.md) is the nearest folder above the bundle with a package.json:
// one up for dist/language-server.js (npm), two up for dist/extension/language-server.js (VS Code).
const packageRoot = ((): string => {
  for (let dir = path.dirname(__dirname); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.join(__dirname, '..');
  }
})();

startServer(connection, { packageRoot, ...(version ? { version } : {}) });
connection.listen();
