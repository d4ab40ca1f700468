// --cache: reuses a file's findings from an earlier run when nothing they depend on changed.
// ESLint's cache keys a file's results on the file and the config; for type-aware rules that is
// wrong, since another file can change a type. Here an entry records the file's whole dependency
// set (cache-deps.ts; as lists stored once for every file that shares them, cache-sets.ts) with
// a stamp per file, the names it looked up program-wide (cache-keys.ts), and what is not a file (config, app profiles,
// platform, locale, tsconfig options, version) as one hash; a project records which of its files
// were program roots, since a file becoming one (a new global script, a new close call the flow
// may read) changes the program. A file is reused only when all of that is unchanged; every other
// file is checked as in a run without --cache, and a run where nothing changed builds no program.
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as ts from 'typescript';
import type { Finding } from '../core/finding';
import { INFERRED_PROJECT_OPTIONS, mayAffectAnalysis } from '../engine/project';
import type { ProjectHost } from '../engine/project';
import { TsconfigLocator } from '../engine/tsconfig-locator';
import { DependencyFinder } from './cache-deps';
import { KeyCheck } from './cache-keys';
import { FileSets } from './cache-sets';
import { CACHE_FORMAT, StampChecker, hashText, isEntryShape, readCache, writeCache } from './cache-store';
import type { CacheData, CacheEntry, CacheProblem, CacheStrategy, ProjectRecord, Stamp } from './cache-store';
import type { FileToLint, Linter } from '../engine/linter';
import type { LazyStart } from '../engine/project-programs';
import { renderTemplate } from '../core/text/render-template';
import type { Locale } from '../registry/locales/catalog';
import { noteAt, notesText } from './text/notes';

export interface CacheSettings {
  /** The cache file (see cacheFilePath). */
  readonly file: string;
  readonly strategy: CacheStrategy;
  readonly version: string;
  /** --project, absolute. */
  readonly project: string | undefined;
  readonly locale: Locale;
  readonly warn: (line: string) => void;
  readonly debug?: ((line: string) => void) | undefined;
  readonly displayPath: (file: string) => string;
}

interface ProjectInfo {
  /** Key of the project (tsconfig path, `inferred`); files checked together because their program's roots are the run's files get a `group`. */
  readonly id: string;
  readonly group: string | undefined;
  readonly key: string;
  readonly fileNames: readonly string[];
  readonly options: ts.CompilerOptions;
}

export class RunCache {
  private readonly old: CacheData | undefined;
  private readonly checker: StampChecker;
  private readonly locator: TsconfigLocator;
  /** Stamps of the files the run read (before reading), with the hash of the text read. */
  private readonly reads = new Map<string, Stamp>();
  private readonly runTexts = new Map<string, { text: string; stamp: Stamp }>();
  private readonly projects = new Map<string, ProjectInfo>();
  private readonly projectValid = new Map<string, boolean>();
  private readonly inputs = new Map<string, string>();
  /** Files whose findings came from the cache, with their entries. */
  private readonly reused = new Map<string, CacheEntry>();
  private readonly sets: FileSets;
  /** What the last run's lazy passes needed loaded, per tsconfig (see CacheData.lazy). */
  readonly lazyStart: LazyStart;
  /** Per list of files, the first one that changed (null: none), and the first one created since (null: none). */
  private readonly changedIn = new Map<string, string | null>();
  private readonly createdIn = new Map<string, string | null>();
  private readonly keyCheck: KeyCheck;

  constructor(private readonly settings: CacheSettings) {
    const { data, note } = readCache(settings.file, settings.version);
    if (note !== undefined) settings.warn(cacheNote(settings, 'cacheIgnored', note));
    this.old = data;
    this.sets = new FileSets(data ?? {});
    const isNeeded = (value: unknown): value is readonly string[] | 'all' => value === 'all' || (Array.isArray(value) && value.every((file) => typeof file === 'string'));
    const lazy: unknown = data?.lazy;
    this.lazyStart = new Map(typeof lazy === 'object' && lazy !== null ? Object.entries(lazy).filter((entry): entry is [string, readonly string[] | 'all'] => isNeeded(entry[1])) : []);
    this.checker = new StampChecker(settings.strategy, data?.stamps ?? {}, (file) => this.runTexts.get(file)?.text ?? ts.sys.readFile(file));
    this.locator = new TsconfigLocator(ts.sys as ProjectHost, () => undefined);
    this.keyCheck = new KeyCheck(this.sets, this.checker, (file) => this.runTexts.get(file)?.text ?? ts.sys.readFile(file));
  }

  /** A file of the run, as read (its stamp comes from the snapshot: taken with the bytes). */
  addRunFile(file: string, text: string, stamp: { size: number; mtimeMs: number }): void {
    this.runTexts.set(file, { text, stamp: { size: stamp.size, mtimeMs: stamp.mtimeMs, hash: hashText(text) } });
  }

  /** Reads a file for the programs, recording its stamp (taken first, so a later change shows). */
  readonly readDisk = (file: string): string | undefined => {
    const resolved = path.resolve(file);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(resolved);
    } catch {
      stat = undefined;
    }
    const text = ts.sys.readFile(file);
    if (stat && text !== undefined && !this.reads.has(resolved)) this.reads.set(resolved, { size: stat.size, mtimeMs: stat.mtimeMs, hash: hashText(text) });
    return text;
  };

  /** Splits the files into those whose cached findings still hold and those to check. */
  plan(files: readonly FileToLint[], linter: Linter): { reused: Map<string, readonly Finding[]>; stale: FileToLint[] } {
    const staleFiles = new Set<string>();
    const why = new Map<string, string>();
    for (const file of files) {
      const reason = this.staleReason(file, linter);
      if (reason === undefined) continue;
      staleFiles.add(file.path);
      why.set(file.path, reason);
    }
    // A group's program has the run's files as roots: checked together or not at all.
    const staleGroups = new Set([...staleFiles].map((file) => this.projects.get(file)?.group).filter((group) => group !== undefined));
    for (const file of files) {
      const group = this.projects.get(file.path)?.group;
      if (group !== undefined && staleGroups.has(group) && !staleFiles.has(file.path)) {
        staleFiles.add(file.path);
        why.set(file.path, 'another file of its inferred program changed');
      }
    }
    const reused = new Map<string, readonly Finding[]>();
    for (const file of files) {
      const debug = this.settings.debug;
      if (staleFiles.has(file.path)) {
        debug?.(`cache: ${this.settings.displayPath(file.path)}: checked (${why.get(file.path)})`);
        continue;
      }
      const entry = this.old!.entries[file.path]!;
      this.reused.set(file.path, entry);
      reused.set(file.path, entry.findings);
      debug?.(`cache: ${this.settings.displayPath(file.path)}: reused`);
    }
    return { reused, stale: files.filter((file) => staleFiles.has(file.path)) };
  }

  private staleReason(file: FileToLint, linter: Linter): string | undefined {
    const entry: unknown = this.old?.entries[file.path];
    const inputs = this.inputsOf(file, linter);
    if (!isEntryShape(entry)) return 'not in the cache';
    if (entry.inputs !== inputs) return 'its config, tsconfig or options changed';
    const project = this.projects.get(file.path)!;
    if (entry.project !== undefined && !this.projectUnchanged(project)) return 'a file of its project became or stopped being a program root';
    if (![...entry.deps, ...entry.absent].every((id) => this.sets.has(id))) return 'not in the cache';
    for (const id of entry.deps) {
      const changed = this.firstOf(this.changedIn, id, (dep) => !this.checker.unchanged(dep));
      if (changed !== null) return changed === file.path ? 'changed' : `${this.settings.displayPath(changed)} changed`;
    }
    for (const id of entry.absent) {
      const created = this.firstOf(this.createdIn, id, (missing) => !this.checker.absent(missing));
      if (created !== null) return `${this.settings.displayPath(created)} was created`;
    }
    if (entry.keys !== undefined && entry.scope !== undefined) {
      if (!this.sets.has(entry.keys) || !this.sets.has(entry.scope)) return 'not in the cache';
      const hit = this.keyCheck.firstHit(entry.keys, entry.scope, project.options);
      if (hit) return `${this.settings.displayPath(hit.file)} changed and has an entry under ${hit.key}`;
    }
    return undefined;
  }

  /** The first file of a list that `test` holds for (null: none), worked out once per list. */
  private firstOf(memo: Map<string, string | null>, id: string, test: (file: string) => boolean): string | null {
    let first = memo.get(id);
    if (first === undefined) memo.set(id, (first = this.sets.files(id).find(test) ?? null));
    return first;
  }

  /** The hash of what the file's findings depend on that is not a file. */
  private inputsOf(file: FileToLint, linter: Linter): string {
    let inputs = this.inputs.get(file.path);
    if (inputs === undefined) {
      const project = this.projectOf(file.path);
      this.projects.set(file.path, project);
      const { version, locale } = this.settings;
      inputs = hashText(JSON.stringify({ format: CACHE_FORMAT, version, locale, config: file.config, checked: linter.inputsOf(file), project: project.id, key: project.key }));
      this.inputs.set(file.path, inputs);
    }
    return inputs;
  }

  private projectOf(file: string): ProjectInfo {
    const tsconfig = this.settings.project ?? this.locator.tsconfigFor(file);
    const options = tsconfig === undefined ? INFERRED_PROJECT_OPTIONS : this.locator.parse(tsconfig).parsed.options;
    const fileNames = tsconfig === undefined ? [] : this.locator.parse(tsconfig).parsed.fileNames;
    const extra = this.settings.project !== undefined && !this.locator.parse(this.settings.project).fileKeys.has(this.locator.key(file));
    const id = tsconfig ?? 'inferred';
    const known = this.projects.get(`project:${id}`);
    const key = known?.key ?? hashText(JSON.stringify({ id, options, references: tsconfig === undefined ? [] : this.locator.parse(tsconfig).parsed.projectReferences, fileNames: [...fileNames].sort(), types: typePackages(options) }));
    const info = { id, group: tsconfig === undefined ? 'inferred' : extra ? `${id}#extra` : undefined, key, fileNames, options };
    this.projects.set(`project:${id}`, info);
    return info;
  }

  /** Whether each file of the project that could change the program's roots is still what it was. */
  private projectUnchanged(project: ProjectInfo): boolean {
    let valid = this.projectValid.get(project.id);
    if (valid === undefined) {
      const record = this.old?.projects[project.id];
      valid =
        record !== undefined &&
        record.key === project.key &&
        Array.isArray(record.roots) &&
        record.roots.every(([file, root]) => this.checker.unchanged(file) || mayAffectAnalysis(file, { readFile: (name) => this.runTexts.get(name)?.text ?? ts.sys.readFile(name) }) === root);
      this.projectValid.set(project.id, valid);
    }
    return valid;
  }

  /**
   * Writes the new cache: the reused entries, and an entry per checked file with findings.
   * `changedInRun`: files the run's fixes changed (their dependents saw other texts: not recorded;
   * a fixed file itself is recorded, re-keyed, when it was written, as `written` says).
   */
  save(files: readonly FileToLint[], findings: ReadonlyMap<string, readonly Finding[]>, linter: Linter, changedInRun: ReadonlySet<string>, written: ReadonlySet<string>): void {
    const entries: Record<string, CacheEntry> = {};
    const finders = new Map<ts.Program, DependencyFinder>();
    for (const file of written) {
      const text = linter.texts.get(file)!;
      try {
        const stat = fs.statSync(file);
        this.runTexts.set(file, { text, stamp: { size: stat.size, mtimeMs: stat.mtimeMs, hash: hashText(text) } });
      } catch {
        // not recorded: checked again next time
      }
    }
    for (const file of files) {
      const fileFindings = findings.get(file.path);
      if (fileFindings === undefined) continue; // could not be checked: never cached
      if (changedInRun.has(file.path) && !written.has(file.path)) continue;
      let entry = this.reused.get(file.path);
      if (!entry || changedInRun.has(file.path)) {
        const checked = linter.checked.get(file.path);
        if (!checked) continue;
        const project = this.projects.get(file.path) ?? (this.inputsOf(file, linter), this.projects.get(file.path)!);
        let deps: { own: readonly string[]; read: readonly string[]; shared: ReadonlyArray<readonly string[]>; absent: readonly string[] } = { own: [file.path], read: [], shared: [], absent: [] };
        let lookups: { keys: string; scope: string } | undefined;
        if (checked.program) {
          let finder = finders.get(checked.program);
          if (!finder) finders.set(checked.program, (finder = new DependencyFinder(checked.program, this.readDisk)));
          // What the analysis read beyond the file's imports: the files (with theirs) and the names it looked up.
          const reads = checked.reads;
          const readBeyond = checked.flow || fileFindings.some((finding) => finding.confidence === 'inferred') || (reads !== undefined && (reads.files.length > 0 || reads.texts.length > 0 || reads.keys.length > 0));
          deps = finder.dependenciesOf(file.path, readBeyond, readBeyond ? reads : undefined);
          if (readBeyond && reads && reads.keys.length > 0) lookups = { keys: this.sets.idOf(reads.keys), scope: this.sets.idOf(finder.projectFiles) };
        }
        const ids = (lists: ReadonlyArray<readonly string[]>): string[] => lists.filter((list) => list.length > 0).map((list) => this.sets.idOf(list));
        entry = { inputs: this.inputsOf(file, linter), ...(checked.program ? { project: project.id } : {}), deps: ids([deps.own, deps.read, ...deps.shared]), absent: ids([deps.absent]), ...lookups, findings: fileFindings };
      }
      if (changedInRun.size > 0 && this.filesOf(entry.scope !== undefined ? [...entry.deps, entry.scope] : entry.deps).some((dep) => dep !== file.path && changedInRun.has(dep))) continue;
      entries[file.path] = entry;
    }
    this.write(entries, { ...Object.fromEntries(this.lazyStart), ...Object.fromEntries(linter.lazyNeeded) });
  }

  private write(entries: Record<string, CacheEntry>, lazy: Record<string, readonly string[] | 'all'>): void {
    const stamps: Record<string, Stamp> = {};
    const stampOf = (file: string): Stamp | undefined => {
      if (!(file in stamps)) {
        const stamp = this.runTexts.get(file)?.stamp ?? this.reads.get(file) ?? (this.checker.unchanged(file) ? this.checker.known(file) : undefined) ?? this.readStamp(file);
        if (stamp) stamps[file] = stamp;
      }
      return stamps[file];
    };
    const stamped = new Map<string, boolean>();
    const allStamped = (id: string): boolean => {
      if (!stamped.has(id)) stamped.set(id, this.sets.files(id).every((dep) => stampOf(dep) !== undefined));
      return stamped.get(id)!;
    };
    const kept: Record<string, CacheEntry> = {};
    const projects: Record<string, ProjectRecord> = {};
    for (const [file, entry] of Object.entries(entries)) {
      if (!entry.deps.every(allStamped)) continue;
      // The program's files are stamped so that the next run can tell which changed (cache-keys.ts); one that could not be is taken as changed then.
      if (entry.scope !== undefined && !stamped.has(entry.scope)) stamped.set(entry.scope, this.sets.files(entry.scope).every((dep) => stampOf(dep) !== undefined));
      if (entry.project !== undefined && !(entry.project in projects)) {
        const record = this.projectRecord(entry.project, stampOf);
        if (!record) continue;
        projects[entry.project] = record;
      }
      kept[file] = entry;
    }
    this.carryOver(kept, stamps, projects);
    const { paths, sets } = this.sets.pick(new Set(Object.values(kept).flatMap((entry) => [...entry.deps, ...entry.absent, ...(entry.keys !== undefined && entry.scope !== undefined ? [entry.keys, entry.scope] : [])])));
    const note = writeCache(this.settings.file, { format: CACHE_FORMAT, version: this.settings.version, stamps, projects, paths, sets, lazy, entries: kept });
    if (note !== undefined) this.settings.warn(cacheNote(this.settings, 'cacheNotUpdated', note));
  }

  /**
   * Keeps the old entries of files this run did not check (another --shard, a run on a few files),
   * with the stamps and project records they were made with: they are checked when next used. An
   * entry is dropped when one of its files or its project is recorded differently by this run.
   */
  private carryOver(kept: Record<string, CacheEntry>, stamps: Record<string, Stamp>, projects: Record<string, ProjectRecord>): void {
    const old = this.old;
    if (!old) return;
    const consistent = (file: string): boolean => {
      const before = old.stamps[file];
      return before !== undefined && (stamps[file] === undefined || stamps[file]!.hash === before.hash);
    };
    const consistentLists = new Map<string, boolean>();
    const allConsistent = (id: string): boolean => {
      if (!consistentLists.has(id)) consistentLists.set(id, this.sets.has(id) && this.sets.files(id).every(consistent));
      return consistentLists.get(id)!;
    };
    const carried = new Set<string>();
    for (const [file, entry] of Object.entries(old.entries)) {
      if (file in kept || this.inputs.has(file) || !isEntryShape(entry) || !entry.deps.every(allConsistent) || !entry.absent.every((id) => this.sets.has(id))) continue;
      const lookupLists = entry.keys !== undefined && entry.scope !== undefined ? [entry.keys, entry.scope] : [];
      if (!lookupLists.every((id) => this.sets.has(id)) || (entry.scope !== undefined && !allConsistent(entry.scope))) continue;
      const record = entry.project === undefined ? undefined : old.projects[entry.project];
      if (entry.project !== undefined) {
        if (!record || !Array.isArray(record.roots) || !record.roots.every(([root]) => consistent(root))) continue;
        const now = projects[entry.project];
        if (now && JSON.stringify(now) !== JSON.stringify(record)) continue;
        projects[entry.project] = record;
        for (const [root] of record.roots) stamps[root] ??= old.stamps[root]!;
      }
      for (const id of entry.scope !== undefined ? [...entry.deps, entry.scope] : entry.deps) {
        if (carried.has(id)) continue;
        carried.add(id);
        for (const dep of this.sets.files(id)) stamps[dep] ??= old.stamps[dep]!;
      }
      kept[file] = entry;
    }
  }

  /** Which project files were roots, from the texts whose stamps are recorded (undefined if one changed meanwhile). */
  private projectRecord(id: string, stampOf: (file: string) => Stamp | undefined): ProjectRecord | undefined {
    const info = this.projects.get(`project:${id}`);
    if (!info) return undefined;
    const roots: Array<readonly [string, boolean]> = [];
    for (const file of info.fileNames.map((name) => path.resolve(name))) {
      if (/\.d\.[mc]?ts$/.test(file)) continue; // always a root
      const stamp = stampOf(file);
      const text = this.runTexts.get(file)?.text ?? ts.sys.readFile(file);
      if (!stamp || text === undefined || hashText(text) !== stamp.hash) return undefined;
      roots.push([file, mayAffectAnalysis(file, { readFile: () => text })]);
    }
    return { key: info.key, roots };
  }

  private filesOf(ids: readonly string[]): string[] {
    return ids.flatMap((id) => this.sets.files(id));
  }

  private readStamp(file: string): Stamp | undefined {
    this.readDisk(file);
    return this.reads.get(file);
  }
}

/** The packages of the type roots (`@types`): installing one changes the program when `types` is not set. */
function typePackages(options: ts.CompilerOptions): string[] {
  const roots = ts.getEffectiveTypeRoots(options, { getCurrentDirectory: ts.sys.getCurrentDirectory }) ?? [];
  return roots.flatMap((root) => (ts.sys.directoryExists(root) ? ts.sys.getDirectories(root).map((name) => `${root}/${name}`) : []));
}

/** `wsclose: note: …` on a cache that was not read (`cacheIgnored`) or not written (`cacheNotUpdated`), and why. */
function cacheNote(settings: CacheSettings, template: 'cacheIgnored' | 'cacheNotUpdated', problem: CacheProblem): string {
  const text = notesText(settings.locale);
  const reasons: Readonly<Record<CacheProblem['kind'], string>> = {
    unreadable: text.cacheUnreadable,
    unwritable: text.cacheUnwritable,
    'not-json': text.cacheNotJson,
    foreign: text.cacheForeign,
    'other-version': text.cacheOtherVersion,
  };
  const reason = renderTemplate(reasons[problem.kind], problem.kind === 'other-version' ? { version: problem.version, format: problem.format } : 'error' in problem ? { error: problem.error } : {});
  return noteAt(settings.locale, 'wsclose', renderTemplate(text[template], { file: settings.displayPath(settings.file), reason }));
}
