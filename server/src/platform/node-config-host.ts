// The real file system as the engine's ConfigHost, shared by the Node adapters (CLI, language
// server, ESLint plugin). The engine itself never touches the disk.
import * as fs from 'node:fs';
import type { ConfigHost } from '../engine/config-resolver';

export const nodeConfigHost: ConfigHost = {
  isFile: (file) => {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
  readFile: (file) => fs.readFileSync(file, 'utf8'),
  // Size and mtime: cheap, and enough for a long-running host to notice an edited config.
  stamp: (file) => {
    try {
      const stat = fs.statSync(file);
      return `${stat.size}:${stat.mtimeMs}`;
    } catch {
      return 'missing';
    }
  },
};
