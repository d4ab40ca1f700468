// The file lists of a --cache file, each stored once under the hash of its contents. The files of
// one program share most of their dependencies (every global declaration file; every file of the
// program when the socket flow was read): stored per entry, they made openai-node's cache 21 MB
// of the same paths. An entry names its lists by id, and whether a list is unchanged is worked
// out once per run, not once per entry. In the file, a list is stored as indices into one table
// of paths (a file's own import closure is still a list of its own: often a thousand files).
import { hashText } from './cache-store';

export class FileSets {
  private readonly lists = new Map<string, readonly string[]>();
  private readonly ids = new WeakMap<readonly string[], string>();

  /** The lists of a cache file as read (a list that does not index the paths is left out). */
  constructor(stored: { readonly paths?: unknown; readonly sets?: unknown } = {}) {
    const paths = Array.isArray(stored.paths) ? (stored.paths as unknown[]) : [];
    const isPath = (index: unknown): index is number => typeof index === 'number' && typeof paths[index] === 'string';
    for (const [id, list] of Object.entries(typeof stored.sets === 'object' && stored.sets !== null ? stored.sets : {})) {
      if (Array.isArray(list) && list.every(isPath)) this.lists.set(id, list.map((index) => paths[index] as string));
    }
  }

  /** The id of a list (the same array object is hashed once). */
  idOf(list: readonly string[]): string {
    let id = this.ids.get(list);
    if (id === undefined) {
      id = hashText(list.join('\n')).slice(0, 16);
      this.ids.set(list, id);
      if (!this.lists.has(id)) this.lists.set(id, list);
    }
    return id;
  }

  has(id: string): boolean {
    return this.lists.has(id);
  }

  /** The files of a list (none for an unknown id: callers check `has` first). */
  files(id: string): readonly string[] {
    return this.lists.get(id) ?? [];
  }

  /** The lists named by the given ids, for writing: the paths they hold, and each list as indices into them. */
  pick(ids: Iterable<string>): { paths: string[]; sets: Record<string, number[]> } {
    const paths: string[] = [];
    const indices = new Map<string, number>();
    const indexOf = (file: string): number => {
      let index = indices.get(file);
      if (index === undefined) indices.set(file, (index = paths.push(file) - 1));
      return index;
    };
    const sets: Record<string, number[]> = {};
    for (const id of ids) if (this.lists.has(id)) sets[id] = this.lists.get(id)!.map(indexOf);
    return { paths, sets };
  }
}
