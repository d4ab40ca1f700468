// A problem that stops the run before any result is printed: bad usage, an invalid config, input
// patterns that match nothing. The CLI prints `lines` to stderr and exits with code 2.
export class CliError extends Error {
  readonly lines: readonly string[];

  constructor(lines: string | readonly string[]) {
    const list = typeof lines === 'string' ? [lines] : lines;
    super(list.join('\n'));
    this.name = 'CliError';
    this.lines = list;
  }
}
