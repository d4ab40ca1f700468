// The programmatic API of wsclose: the engine the CLI, the language server and the ESLint plugin use.
export { RULE_IDS, isRuleId } from './core/finding';
export type { Finding, RuleId, Severity, TextEdit, Suggestion, Confidence, MessageData } from './core/finding';
export type { ResolvedConfig, ConfiguredCode, RuntimeOverride } from './core/config';
export { lintSourceFile, analyzeSourceFile } from './engine/lint-file';
export type { LintFileOptions, FileAnalysis } from './engine/lint-file';
export { mayContainCloseCall } from './analysis/find-close-calls';
export type { CloseCallSite } from './analysis/find-close-calls';
export {
  parseConfigText,
  defaultConfig,
  findConfigFile,
  applyRuleOverrides,
  settingsForFile,
  activeAppProfiles,
  dependenciesOf,
} from './engine/config-file';
export type { ConfigProblem } from './engine/config-file';
export { RULE_DEFAULTS } from './engine/rule-defaults';
export { loadTsconfigProject, createInferredProject, findTsconfig, SourceFileCache, INFERRED_PROJECT_OPTIONS } from './engine/project';
export type { Project, ProjectHost } from './engine/project';
export { RULES } from './rules';
export type { RuleModule, RuleMeta } from './rules/define-rule';
export * as registry from './registry';
