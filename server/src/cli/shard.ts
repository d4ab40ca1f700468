// --shard i/n: split the files of a run across n CI jobs. A file belongs to shard
// (fnv1a32(path relative to the working directory, with `/` separators) mod n) + 1, so every job
// that runs from the same folder with the same arguments agrees on the split without talking to
// the others, on any OS. Results depend only on a file's program, and every shard builds the
// programs its own files need, so the union of the shards' results is a single run's results.
import * as path from 'node:path';
import { renderTemplate } from '../core/text/render-template';
import type { Locale } from '../registry/locales/catalog';
import { CliError } from './cli-error';
import { cliText } from './text';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export function parseShard(value: string, locale: Locale = 'en'): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new CliError(renderTemplate(cliText(locale).args.invalidShard, { value }));
  }
  return { index, count };
}

/** FNV-1a, 32 bits, over UTF-16 code units: stable and cheap. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The shard (1-based) a file belongs to. */
export function shardOfFile(file: string, cwd: string, count: number): number {
  const relative = path.relative(cwd, file).split(path.sep).join('/');
  return (fnv1a(relative) % count) + 1;
}

export function inShard(file: string, cwd: string, shard: Shard | undefined): boolean {
  return shard === undefined || shard.count === 1 || shardOfFile(file, cwd, shard.count) === shard.index;
}
