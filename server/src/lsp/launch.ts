// What `wsclose-language-server` was asked to do, from its arguments alone: serve over a transport,
// or answer `--help` / `--version` / a missing transport on the terminal. A person who runs the
// binary by hand gets a usage text instead of vscode-languageserver's stack trace.

/** The transports vscode-languageserver reads from argv (its createConnection). */
const TRANSPORT = /^--(stdio|node-ipc|socket=\d+|pipe=.+)$/;

export type Launch =
  | { readonly kind: 'serve' }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  /** No transport: print the usage on stderr and exit with 2. */
  | { readonly kind: 'no-transport' };

export function parseLaunch(argv: readonly string[]): Launch {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  if (argv.includes('--version') || argv.includes('-v')) return { kind: 'version' };
  return argv.some((arg) => TRANSPORT.test(arg)) ? { kind: 'serve' } : { kind: 'no-transport' };
}

export function launchUsage(version: string | undefined): string {
  return [
    `wsclose-language-server ${version ?? ''}`.trimEnd(),
    '',
    'The wsclose language server: findings, quick fixes and close-code hovers for any editor',
    'that speaks the Language Server Protocol. Editors start it; it is not meant to be run by hand.',
    '',
    'Usage: wsclose-language-server --stdio',
    '',
    'Transports (one is required):',
    '  --stdio            talk over stdin/stdout (Neovim, Emacs, Helix, most editors)',
    '  --node-ipc         talk over Node IPC (a parent that forks this process)',
    '  --socket=<port>    connect to a TCP port',
    '  --pipe=<name>      connect to a named pipe or Unix socket',
    '',
    'Options:',
    '  -h, --help         show this help',
    '  -v, --version      print the version',
    '',
    'Editor setup: https://github.com/wsclose/wsclose#other-editors-the-language-server',
    '',
  ].join('\n');
}

export const NO_TRANSPORT = 'wsclose-language-server: no transport given; editors start it with --stdio. See --help.\n';
