// ANSI styles, as chalk writes them (basic 16-colour level). With `enabled` false every style is
// the identity, so formatters build the same text with or without colour.
export interface Colors {
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly underline: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
  readonly reset: (text: string) => string;
}

const style =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`;

export function createColors(enabled: boolean): Colors {
  if (!enabled) {
    const plain = (text: string): string => text;
    return { red: plain, yellow: plain, underline: plain, dim: plain, bold: plain, reset: plain };
  }
  return {
    red: style(31, 39),
    yellow: style(33, 39),
    underline: style(4, 24),
    dim: style(2, 22),
    bold: style(1, 22),
    reset: style(0, 0),
  };
}

/**
 * Whether to colour output written to a stream: `--color` / `--no-color` win, then FORCE_COLOR
 * ("0" or "false" turn colour off, anything else on), then NO_COLOR (any non-empty value turns it
 * off), then whether the stream is a terminal (and TERM is not "dumb").
 */
export function shouldUseColor(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return isTTY && env['TERM'] !== 'dumb';
}
