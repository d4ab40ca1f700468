// Lints one source file of a program: finds close-like calls, runs the enabled rules, renders
// messages in the requested locale and applies suppression directives. Pure: no file access,
// no process state — the CLI, the language server and the ESLint plugin all call this.
import * as ts from 'typescript';
import type { ResolvedConfig } from '../core/config';
import type { Finding, RuleId, TextEdit } from '../core/finding';
import { applyDirectives } from '../core/suppressions';
import { renderTemplate } from '../core/text/render-template';
import { createAnalysisContext, platformOfProgram, type AnalysisContext } from '../analysis/context';
import { parseDirectives } from '../analysis/directives';
import { findCloseCalls, mayContainCloseCall, mayNeedAnalysis, type CloseCallSite, type ReceiverDecision } from '../analysis/find-close-calls';
import { withFlowObserver, type FlowReads } from '../analysis/socket-flow/flows';

export type { FlowReads } from '../analysis/socket-flow/flows';
export { keyWithEntryIn } from '../analysis/socket-flow/reads';
import { describeReceiverDecision } from './debug-text';
import type { Locale } from '../registry/locales/catalog';
import type { AppProfileId, Platform, RuntimeId } from '../registry/types';
import { describeEvidence, evidenceLocations, locateNode } from './evidence-text';
import { createCodeNaming, type CodeNaming } from '../rules/code-naming';
import type { RuleContext, RuleModule, RuleReport } from '../rules/define-rule';
import { RULES } from '../rules';
import { textFor, type TextBundle } from './locale';

/** Adapters decide which files need a program with this cheap text test. */
export { mayContainCloseCall, mayNeedAnalysis };

export interface LintFileOptions {
  readonly config: ResolvedConfig;
  readonly locale?: Locale;
  /** App profiles active for this file's project (see engine/config-file activeAppProfiles). */
  readonly appProfiles?: readonly AppProfileId[];
  /** The platform the file's package runs on (FileConfig.platform); else what the program's types say. */
  readonly platform?: Platform | undefined;
  /** Runtime forced by a config override for this file. */
  readonly runtimeOverride?: RuntimeId;
  /** Only run these rules (the ESLint plugin runs one rule per ESLint rule). */
  readonly onlyRules?: readonly RuleId[];
  /** Apply `wsclose-disable` directives (the ESLint plugin leaves that to ESLint). */
  readonly applyDirectives?: boolean;
  /** --debug: a line per close-like call saying how its receiver was classified, and why (engine/debug-text.ts). */
  readonly debug?: { readonly log: (line: string) => void; readonly displayPath: (file: string) => string };
  /**
   * Told when the file's analysis consults the socket flow, which reads beyond the file's imports:
   * its findings then depend on what it read there too (CLI --cache), told after in `onFlowReads`.
   */
  readonly onFlowUse?: () => void;
  readonly onFlowReads?: (reads: FlowReads) => void;
}

export interface FileAnalysis {
  readonly findings: Finding[];
  /** The close-like calls found, for hovers and completions. */
  readonly sites: readonly CloseCallSite[];
}

/**
 * `program` may be undefined for a file that cannot contain a close-like call (see
 * mayContainCloseCall): then only its directives are checked, and no type information is built.
 */
export function lintSourceFile(program: ts.Program | undefined, sourceFile: ts.SourceFile, options: LintFileOptions): Finding[] {
  return analyzeSourceFile(program, sourceFile, options).findings;
}

export function analyzeSourceFile(program: ts.Program | undefined, sourceFile: ts.SourceFile, options: LintFileOptions): FileAnalysis {
  return options.onFlowUse || options.onFlowReads ? withFlowObserver(options.onFlowUse, () => analyze(program, sourceFile, options), options.onFlowReads) : analyze(program, sourceFile, options);
}

function analyze(program: ts.Program | undefined, sourceFile: ts.SourceFile, options: LintFileOptions): FileAnalysis {
  const text = textFor(options.locale ?? 'en');
  const naming = createCodeNaming(options.config.codes, options.appProfiles ?? []);
  let sites: CloseCallSite[] = [];
  const findings: Finding[] = [];
  if (program && mayNeedAnalysis(sourceFile.text, sourceFile.fileName)) {
    const analysis = createAnalysisContext(program, sourceFile, options.platform ?? platformOfProgram(program));
    const debug = options.debug;
    sites = findCloseCalls(analysis, {
      ...(options.runtimeOverride ? { runtimeOverride: options.runtimeOverride } : {}),
      ...(debug ? { onReceiver: (decision: ReceiverDecision) => debug.log(describeReceiverDecision(decision, analysis.checker, debug.displayPath)) } : {}),
    });
    const rules = enabledRules(options);
    for (const site of sites) {
      for (const rule of rules) if (rule.check) findings.push(...runRule(rule, site, analysis, options.config, text, naming));
    }
    for (const rule of rules) if (rule.checkFile) findings.push(...runRule(rule, undefined, analysis, options.config, text, naming));
  }
  const unique = dedupe(findings);
  const result =
    options.applyDirectives === false || !sourceFile.text.includes('wsclose-')
      ? unique
      : applyDirectives(unique, parseDirectives(sourceFile), (offset) => sourceFile.getLineAndCharacterOfPosition(offset).line, {
          reportUnused: options.config.reportUnusedDirectives,
          text: text.directives,
        });
  return { findings: result.sort((a, b) => a.start - b.start || a.end - b.end), sites };
}

function enabledRules(options: LintFileOptions): RuleModule[] {
  return (Object.values(RULES) as RuleModule[]).filter(
    (rule) => options.config.rules[rule.id].severity !== 'off' && (!options.onlyRules || options.onlyRules.includes(rule.id)),
  );
}

/** Runs a close-call rule on `site`, or a file rule (`site` undefined) on the file. */
function runRule(rule: RuleModule, site: CloseCallSite | undefined, analysis: AnalysisContext, config: ResolvedConfig, text: TextBundle, naming: CodeNaming): Finding[] {
  const setting = config.rules[rule.id];
  const ruleText = text.rules.rules[rule.id];
  const findings: Finding[] = [];
  const context: Omit<RuleContext<RuleId>, 'site'> & { site: CloseCallSite | undefined } = {
    site,
    options: { ...rule.meta.defaultOptions, ...setting.options } as never,
    analysis,
    registryText: text.registry,
    common: text.rules.common,
    naming,
    report(report: RuleReport) {
      checkDeclared(rule, report);
      const message = renderTemplate(requireTemplate(ruleText.messages, report.messageId, rule.id), report.data);
      const socket = report.socket ?? site ?? { confidence: 'typed' as const };
      const evidence = socket.confidence === 'inferred' ? socket.evidence : undefined;
      const related = evidence ? evidenceLocations(evidence, text.registry, analysis.program) : [];
      const forwarded = site?.forwardedTo;
      const forwardedData = forwarded && { name: forwarded.name, call: forwarded.closeCall.expression.getText() };
      if (forwarded && forwardedData) related.unshift(locateNode(forwarded.closeCall, renderTemplate(text.rules.common.forwardedRelated, forwardedData)));
      for (const place of report.related ?? []) related.push(locateNode(place.node, renderTemplate(requireTemplate(ruleText.messages, place.messageId, rule.id), place.data)));
      const detailTemplate = ruleText.details[report.messageId];
      const detail = [
        detailTemplate === undefined ? undefined : renderTemplate(detailTemplate, report.data),
        evidence && renderTemplate(text.rules.common.inferredDetail, { evidence: describeEvidence(evidence, text.registry, { program: analysis.program, currentFile: analysis.sourceFile.fileName }) }),
        forwardedData && renderTemplate(text.rules.common.forwardedDetail, forwardedData),
      ]
        .filter((part) => part !== undefined)
        .join(' ');
      const suggestions = (report.suggestions ?? []).map((s) => ({
        messageId: s.messageId,
        data: s.data,
        desc: renderTemplate(requireTemplate(ruleText.messages, s.messageId, rule.id), s.data),
        edits: s.edits,
      }));
      findings.push({
        ruleId: rule.id,
        messageId: report.messageId,
        data: report.data,
        message,
        ...(detail ? { detail } : {}),
        severity: setting.severity === 'error' ? 'error' : 'warn',
        start: report.node.getStart(),
        end: report.node.getEnd(),
        confidence: socket.confidence,
        ...(evidence ? { evidenceStrength: evidence.strength ?? (evidence.kind === 'socket-usage' ? 'low' : 'medium') } : {}),
        ...(related.length > 0 ? { related } : {}),
        ...(report.fix && report.fix.length > 0 ? { fix: normalizeEdits(report.fix) } : {}),
        ...(report.fix && report.fixMessageId ? { fixDesc: renderTemplate(requireTemplate(ruleText.messages, report.fixMessageId, rule.id), report.data) } : {}),
        ...(suggestions.length > 0 ? { suggestions } : {}),
      });
    },
  };
  if (site) rule.check?.(context as never);
  else rule.checkFile?.(context as never);
  return findings;
}

/**
 * A rule's reports must match its declaration, for every adapter alike: a fix from a rule without
 * `fixable: true` (ESLint would drop it while --fix applies it), suggestions without `hasSuggestions`.
 */
export function checkDeclared(rule: RuleModule<RuleId>, report: RuleReport): void {
  if (report.fix !== undefined && report.fix.length > 0 && !rule.meta.fixable) throw new Error(`Rule ${rule.id} reported a fix but does not declare fixable: true`);
  if (report.suggestions !== undefined && report.suggestions.length > 0 && !rule.meta.hasSuggestions) throw new Error(`Rule ${rule.id} reported suggestions but does not declare hasSuggestions: true`);
}

function requireTemplate(messages: Readonly<Record<string, string>>, messageId: string, ruleId: RuleId): string {
  const template = messages[messageId];
  if (template === undefined) throw new Error(`Rule ${ruleId} reported unknown messageId '${messageId}'`);
  return template;
}

function normalizeEdits(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort((a, b) => a.start - b.start);
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}:${f.start}:${f.end}:${f.messageId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

