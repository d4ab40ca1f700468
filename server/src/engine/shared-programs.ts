// Tsconfigs that differ only in where they are share one program. A tsconfig that only `extends`
// another from a sub-folder (`examples/tsconfig.json` = `{ "extends": "../tsconfig.json" }`) has
// the same files and options: its program would be the same program built again, and again on
// every repeated lazy pass. What a tsconfig's folder still changes is kept apart:
// - for TypeScript: where automatic and `types` type packages are resolved from (the resolved
//   files are part of the key), and which output folder a package's exports map back to
//   (tsconfigs with `outDir`/`declarationDir` share only with tsconfigs in the same folder);
// - for the analysis, which reads `configFilePath` (test files are judged by their path inside
//   the project, evidence locations are shown relative to it): each tsconfig sees the shared
//   program through a view whose getCompilerOptions() answers its own options.
import * as path from 'node:path';
import * as ts from 'typescript';
import type { ParsedTsconfig, ProjectHost } from './project';

/** Options that only say where the tsconfig is. */
const LOCATION_OPTIONS = new Set(['configFilePath', 'configFile']);

/** Equal for two parsed tsconfigs exactly when one program can serve both. */
export function sharedProgramKey(parsed: ParsedTsconfig, host: ProjectHost): string {
  const options = Object.fromEntries(
    Object.entries(parsed.options)
      .filter(([name]) => !LOCATION_OPTIONS.has(name))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const typeHost: ts.ModuleResolutionHost = { ...host, getCurrentDirectory: () => host.getCurrentDirectory() };
  const typeNames = parsed.options.types ?? ts.getAutomaticTypeDirectiveNames(parsed.options, typeHost);
  // Resolved as createProgram does: from a file in the tsconfig's folder.
  const containing = path.join(path.dirname(parsed.tsconfig), '__inferred type names__.ts');
  const types = typeNames.map((name) => [name, ts.resolveTypeReferenceDirective(name, containing, parsed.options, typeHost).resolvedTypeReferenceDirective?.resolvedFileName ?? null]);
  const outputs = parsed.options.outDir !== undefined || parsed.options.declarationDir !== undefined;
  return JSON.stringify({ options, fileNames: parsed.fileNames, references: parsed.projectReferences, types, folder: outputs ? path.dirname(parsed.tsconfig) : null });
}

const behind = new WeakMap<ts.Program, ts.Program>();

/** The shared program as another tsconfig sees it: the same program, with that tsconfig's options. */
export function programSeenFrom(program: ts.Program, options: ts.CompilerOptions): ts.Program {
  const view = new Proxy(program, {
    get: (target, property) => (property === 'getCompilerOptions' ? () => options : Reflect.get(target, property, target)),
  });
  behind.set(view, program);
  return view;
}

/** The program a view shows (a program that is no view: itself). */
export function programBehind(program: ts.Program): ts.Program {
  return behind.get(program) ?? program;
}
