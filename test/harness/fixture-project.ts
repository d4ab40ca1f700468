// Loads the classifier fixture projects (test/fixtures/projects/<name>/) as real TypeScript programs,
// with each project's own tsconfig.json, and reads their `// @expect-receiver …` annotations.
//
// Annotation grammar (a line comment alone on its line, directly above the close-like call):
//   // @expect-receiver <runtime-id>[|<runtime-id>…] <typed|inferred>
//   // @expect-receiver not-websocket
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import type { Confidence } from '../../server/src/core/finding';
import type { RuntimeId } from '../../server/src/registry/types';
import { PROJECTS } from './paths';

export interface FixtureProject {
  readonly name: string;
  readonly dir: string;
  readonly program: ts.Program;
  /** The project's own non-declaration source files (its tsconfig root files), sorted by path. */
  readonly files: ts.SourceFile[];
}

export interface ReceiverExpectation {
  /** 0-based line of the close-like call (the line right below the comment). */
  readonly line: number;
  /** 0-based line of the `@expect-receiver` comment itself. */
  readonly commentLine: number;
  readonly runtimes: RuntimeId[] | 'not-websocket';
  /** Present exactly when `runtimes` is a list. */
  readonly confidence?: Confidence;
}

/** Every RuntimeId, checked against the type in both directions. */
const RUNTIME_ID_LIST = [
  'whatwg',
  'ws',
  'isomorphic-ws',
  'bun-server',
  'cloudflare',
  'deno-server',
  'uws',
  'websocket-node',
  'reconnecting-websocket',
  'partysocket',
  'websocket-stream',
  'websocket-error',
  'hono',
] as const satisfies readonly RuntimeId[];
// Compile-time check that the list names every RuntimeId (a missing id makes this assignment fail).
type MissingRuntimeIds = Exclude<RuntimeId, (typeof RUNTIME_ID_LIST)[number]>;
const listsEveryRuntimeId: [MissingRuntimeIds] extends [never] ? true : MissingRuntimeIds = true;
void listsEveryRuntimeId;
export const RUNTIME_IDS: ReadonlySet<string> = new Set<string>(RUNTIME_ID_LIST);

const EXPECT_COMMENT = /^\s*\/\/\s*@expect-receiver\b(.*)$/;

const cache = new Map<string, FixtureProject>();

/** Names of all fixture projects (folders of test/fixtures/projects with a tsconfig.json). */
export function listFixtureProjects(): string[] {
  return fs
    .readdirSync(PROJECTS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(PROJECTS, entry.name, 'tsconfig.json')))
    .map((entry) => entry.name)
    .sort();
}

function formatDiagnostics(diagnostics: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (fileName) => fileName,
    getCurrentDirectory: () => PROJECTS,
    getNewLine: () => '\n',
  });
}

/**
 * Creates the program of one fixture project from its tsconfig.json. Programs are cached per name
 * (they are immutable and slow to build), so several test files can share them.
 */
export function loadFixtureProject(name: string): FixtureProject {
  const cached = cache.get(name);
  if (cached) return cached;

  const dir = path.join(PROJECTS, name);
  const configPath = path.join(dir, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  if (read.error) throw new Error(`fixture ${name}: cannot read tsconfig.json\n${formatDiagnostics([read.error])}`);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir, undefined, configPath);
  if (parsed.errors.length > 0) {
    throw new Error(`fixture ${name}: invalid tsconfig.json\n${formatDiagnostics(parsed.errors)}`);
  }
  if (parsed.fileNames.length === 0) throw new Error(`fixture ${name}: tsconfig.json matches no files`);

  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    ...(parsed.projectReferences ? { projectReferences: parsed.projectReferences } : {}),
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
  });
  const files = parsed.fileNames
    .map((fileName) => program.getSourceFile(fileName))
    .filter((sf): sf is ts.SourceFile => sf !== undefined && !sf.isDeclarationFile)
    .sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));

  const project: FixtureProject = { name, dir, program, files };
  cache.set(name, project);
  return project;
}

/**
 * Parses the `@expect-receiver` comments of a fixture file. Throws on a malformed annotation
 * (unknown runtime id, missing or unknown confidence, confidence after `not-websocket`), naming
 * the file and 1-based line, so a typo fails loudly instead of silently dropping a case.
 */
export function readExpectations(sourceFile: ts.SourceFile): ReceiverExpectation[] {
  const result: ReceiverExpectation[] = [];
  const lines = sourceFile.text.split(/\r?\n/);
  lines.forEach((text, commentLine) => {
    const match = EXPECT_COMMENT.exec(text);
    if (!match) return;
    const where = `${sourceFile.fileName}:${commentLine + 1}`;
    const words = (match[1] ?? '').trim().split(/\s+/).filter((w) => w.length > 0);
    const line = commentLine + 1;
    if (words.length === 1 && words[0] === 'not-websocket') {
      result.push({ line, commentLine, runtimes: 'not-websocket' });
      return;
    }
    if (words.length !== 2) {
      throw new Error(`${where}: expected "@expect-receiver <ids> <typed|inferred>" or "@expect-receiver not-websocket"`);
    }
    const [ids, confidence] = words as [string, string];
    if (confidence !== 'typed' && confidence !== 'inferred') {
      throw new Error(`${where}: confidence must be "typed" or "inferred", got "${confidence}"`);
    }
    const runtimes = ids.split('|');
    for (const id of runtimes) {
      if (!RUNTIME_IDS.has(id)) throw new Error(`${where}: unknown runtime id "${id}"`);
    }
    if (new Set(runtimes).size !== runtimes.length) throw new Error(`${where}: duplicate runtime id in "${ids}"`);
    result.push({ line, commentLine, runtimes: runtimes as RuntimeId[], confidence });
  });
  return result;
}
