// Cursor markers for editor-feature tests: write `/*|*/` (or a named `/*|name*/`) where the
// cursor goes, get the code without the markers and the offset of each marker in that code.

const MARKER = /\/\*\|([A-Za-z0-9_-]*)\*\//g;

export interface Marked {
  /** The code with every marker removed. */
  readonly code: string;
  /** Offset of the unnamed marker (the first one if there are several); -1 when there is none. */
  readonly offset: number;
  /** Offsets of named markers, and of the unnamed one under ''. */
  readonly offsets: Readonly<Record<string, number>>;
}

export function markers(source: string): Marked {
  const offsets: Record<string, number> = {};
  let code = '';
  let last = 0;
  for (const match of source.matchAll(MARKER)) {
    code += source.slice(last, match.index);
    const name = match[1]!;
    if (!(name in offsets)) offsets[name] = code.length;
    last = match.index! + match[0].length;
  }
  code += source.slice(last);
  return { code, offset: offsets[''] ?? -1, offsets };
}
