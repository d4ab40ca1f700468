// Lints code snippets (rule test cases, docs examples) with the real engine and real type
// packages: snippets become virtual module files inside the repository (so node_modules
// resolves: ws, @types/ws, @types/node, DOM lib…), batched into one program per environment.
import * as path from 'node:path';
import * as ts from 'typescript';
import type { ResolvedConfig } from '../../server/src/core/config';
import type { Finding, RuleId, Severity } from '../../server/src/core/finding';
import { activeAppProfiles, applyRuleOverrides, defaultConfig } from '../../server/src/engine/config-file';
import { lintSourceFile } from '../../server/src/engine/lint-file';
import { SourceFileCache } from '../../server/src/engine/project';
import { RULE_DEFAULTS } from '../../server/src/engine/rule-defaults';
import { RULE_IDS } from '../../server/src/core/finding';
import { REPO_ROOT } from './paths';

/** Which world a snippet lives in: a browser page, a Node server with ws, or untyped JavaScript. */
/**
 * `uninstalled`: TypeScript whose dependencies are not installed: no import of a package resolves
 * (a project checked out without `npm install`, or types the project never installed).
 */
/** `js-uninstalled`: plain JavaScript whose packages do not resolve (a project without their types). */
export type SnippetEnv = 'dom' | 'node' | 'js' | 'uninstalled' | 'js-uninstalled';

export interface Snippet {
  readonly code: string;
  readonly env?: SnippetEnv;
  /** Extension of the virtual file ('.ts' by default; '.js' for env js). */
  readonly extension?: string;
  /** Adjust the config (severities, options, codes, profiles) for this snippet. */
  readonly config?: (config: ResolvedConfig) => ResolvedConfig;
}

export interface LintedSnippet {
  readonly program: ts.Program;
  readonly sourceFile: ts.SourceFile;
  readonly findings: readonly Finding[];
}

const VIRTUAL_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'virtual');

const ENV_OPTIONS: Readonly<Record<SnippetEnv, ts.CompilerOptions>> = {
  dom: { lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'], types: [] },
  node: { lib: ['lib.es2022.d.ts'], types: ['node'] },
  js: { lib: ['lib.es2022.d.ts'], types: [], allowJs: true, checkJs: false },
  uninstalled: { lib: ['lib.es2022.d.ts'], types: [] },
  'js-uninstalled': { lib: ['lib.es2022.d.ts'], types: [], allowJs: true, checkJs: false },
};

const BASE_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  esModuleInterop: true,
  // Every snippet is its own module, so two snippets may both declare `const ws`.
  moduleDetection: ts.ModuleDetectionKind.Force,
};

const sharedCache = new SourceFileCache();
let counter = 0;

/** Everything on by default (so ✅ examples prove that no rule fires), severities as shipped. */
export function allRulesConfig(): ResolvedConfig {
  const base = defaultConfig(VIRTUAL_DIR, RULE_DEFAULTS);
  return applyRuleOverrides(base, RULE_IDS.map((ruleId) => ({ ruleId, severity: RULE_DEFAULTS[ruleId].severity as Severity })));
}

export function onlyRuleConfig(ruleId: RuleId): (config: ResolvedConfig) => ResolvedConfig {
  return (config) => applyRuleOverrides(config, RULE_IDS.filter((id) => id !== ruleId).map((id) => ({ ruleId: id, severity: 'off' as Severity })));
}

export function lintSnippets(snippets: readonly Snippet[]): LintedSnippet[] {
  const names = snippets.map((s) => path.join(VIRTUAL_DIR, `snippet-${++counter}${s.extension ?? (s.env === 'js' || s.env === 'js-uninstalled' ? '.js' : '.ts')}`));
  const results: LintedSnippet[] = new Array(snippets.length);
  // Snippets that can change the program's globals (a `require` pulling in @types, a triple-slash
  // reference) get a program of their own; the others share one program per environment.
  const batchOf = (s: Snippet, i: number): string => `${s.env ?? 'node'}${/require\(|\/\/\/\s*<reference/.test(s.code) ? `#${i}` : ''}`;
  const batches = [...new Set(snippets.map(batchOf))];
  for (const batch of batches) {
    const indexes = snippets.map((s, i) => (batchOf(s, i) === batch ? i : -1)).filter((i) => i >= 0);
    const env = snippets[indexes[0]!]!.env ?? 'node';
    const overlay = new Map(indexes.map((i) => [names[i]!, snippets[i]!.code]));
    const options = { ...BASE_OPTIONS, ...ENV_OPTIONS[env] };
    const program = ts.createProgram({ rootNames: indexes.map((i) => names[i]!), options, host: overlayHost(options, overlay, env === 'uninstalled' || env === 'js-uninstalled') });
    for (const i of indexes) {
      const sourceFile = program.getSourceFile(names[i]!)!;
      const snippet = snippets[i]!;
      const config = snippet.config ? snippet.config(allRulesConfig()) : allRulesConfig();
      // Snippets have no package.json: only the profiles a config turns on are active.
      results[i] = { program, sourceFile, findings: lintSourceFile(program, sourceFile, { config, appProfiles: activeAppProfiles(config, new Set()) }) };
    }
  }
  return results;
}

function overlayHost(options: ts.CompilerOptions, overlay: ReadonlyMap<string, string>, noPackages: boolean): ts.CompilerHost {
  const base = ts.createCompilerHost(options, true);
  return {
    ...base,
    ...(noPackages
      ? {
          resolveModuleNameLiterals: (literals: readonly ts.StringLiteralLike[]) => literals.map(() => ({ resolvedModule: undefined })),
        }
      : {}),
    fileExists: (f) => overlay.has(f) || base.fileExists(f),
    readFile: (f) => overlay.get(f) ?? base.readFile(f),
    getSourceFile: (fileName, languageVersion) => {
      const text = overlay.get(fileName);
      if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
      return sharedCache.get(fileName, languageVersion, ts.sys);
    },
  };
}

/** Applies every fix of the findings to the text (non-overlapping, from the end backwards). */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  const edits = findings.flatMap((f) => f.fix ?? []).sort((a, b) => b.start - a.start);
  let result = text;
  let lastStart = Infinity;
  for (const edit of edits) {
    if (edit.end > lastStart) continue; // overlapping: a second pass would pick it up
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    lastStart = edit.start;
  }
  return result;
}

export function applyEdits(text: string, edits: readonly { start: number; end: number; text: string }[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((acc, e) => acc.slice(0, e.start) + e.text + acc.slice(e.end), text);
}
