// The real file system as the hosts of one CLI run see it. A run takes the files as they are when
// it starts (the module-resolution cache already does: engine/project.ts), and module resolution
// asks whether the same folders and files exist, and where a symlinked package really is (pnpm),
// again and again — every program, every lazy pass, every import that walks up to node_modules —
// each time a system call: each path is asked once.
// --fix writes its files after the last program, and --cache its file at the very end.
import * as ts from 'typescript';

export type PathQueries = Pick<ts.System, 'fileExists' | 'directoryExists' | 'realpath'>;

export function pathQueriesOnce(system: PathQueries = ts.sys): PathQueries {
  const realpath = system.realpath;
  return {
    fileExists: once((file) => system.fileExists(file)),
    directoryExists: once((folder) => system.directoryExists(folder)),
    ...(realpath ? { realpath: once((file) => realpath(file)) } : {}),
  };
}

function once<T>(query: (file: string) => T): (file: string) => T {
  const known = new Map<string, T>();
  return (file) => {
    if (known.has(file)) return known.get(file)!;
    const answer = query(file);
    known.set(file, answer);
    return answer;
  };
}
