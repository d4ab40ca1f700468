// Findings of every file of a program, for tests that build the same project two ways (narrowed
// roots, lazy imports) and require identical findings.
import * as path from 'node:path';
import type * as ts from 'typescript';
import { defaultConfig } from '../../server/src/engine/config-file';
import { lintSourceFile } from '../../server/src/engine/lint-file';
import { RULE_DEFAULTS } from '../../server/src/engine/rule-defaults';
import { listFixtureProjects } from './fixture-project';
import { EXAMPLES, PROJECTS } from './paths';

const config = defaultConfig(EXAMPLES, RULE_DEFAULTS);

/** The example app's two tsconfigs and every fixture project's. */
export function equivalenceTsconfigs(): string[] {
  return [
    path.join(EXAMPLES, 'server', 'tsconfig.json'),
    path.join(EXAMPLES, 'web', 'tsconfig.json'),
    ...listFixtureProjects().map((name) => path.join(PROJECTS, name, 'tsconfig.json')),
  ];
}

/** `rule start-end message` of each file's findings (default config), by file. */
export function findingsByFile(program: ts.Program, fileNames: readonly string[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const fileName of fileNames) {
    const sourceFile = program.getSourceFile(fileName);
    const findings = sourceFile ? lintSourceFile(program, sourceFile, { config }) : [];
    result.set(fileName, findings.map((f) => `${f.ruleId} ${f.start}-${f.end} ${f.message}`));
  }
  return result;
}
