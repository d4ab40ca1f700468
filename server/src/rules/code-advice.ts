// What to offer instead of a wrong code: codes that fit the situation and that the receiver's
// runtime accepts, formatted for messages and turned into suggestion edits.
import * as ts from 'typescript';
import type { MessageData, TextEdit } from '../core/finding';
import { renderTemplate } from '../core/text/render-template';
import { RUNTIME_PROFILES, acceptsCode } from '../registry/runtimes';
import { SUGGESTED_CODES, type Situation } from '../registry/situations';
import type { RuntimeId } from '../registry/types';
import type { CloseCallSite } from '../analysis/find-close-calls';
import type { PossibleValue } from '../analysis/values';
import { contains } from '../analysis/syntax';
import type { FileRuleContext, RuleContext, SuggestionReport } from './define-rule';
import type { RuleId } from '../core/finding';

const MAX_ALTERNATIVES = 3;

/** Does every runtime of the site refuse 1xxx codes other than 1000 (browser-style)? */
export function isBrowserSide(site: CloseCallSite): boolean {
  return site.runtimes.some((r) => RUNTIME_PROFILES[r].whatwgRange);
}

/** Codes that fit the situations, best first, accepted by every runtime of the site. */
export function codesFor(site: CloseCallSite, situations: readonly Situation[]): number[] {
  const side = isBrowserSide(site) ? 'browser' : 'server';
  const codes = situations.flatMap((s) => SUGGESTED_CODES[s][side]);
  return acceptedBySite(site, codes);
}

export function acceptedBySite(site: CloseCallSite, codes: readonly number[]): number[] {
  const accepted = codes.filter((code) => site.runtimes.every((r) => acceptsCode(RUNTIME_PROFILES[r], code)));
  return [...new Set(accepted)].slice(0, MAX_ALTERNATIVES);
}

/** "1008, 1013 or 4000": bare codes keep messages short; the suggestions carry the names. */
export function formatCodes(context: FileRuleContext<RuleId>, codes: readonly number[]): string {
  const parts = codes.map(String);
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')}${context.common.or}${parts[parts.length - 1]}`;
}

/** The runtime whose behaviour a message describes: the first one that has the problem. */
export function runtimeFor(site: CloseCallSite, hasProblem: (runtime: RuntimeId) => boolean = () => true): RuntimeId {
  return site.runtimes.find(hasProblem) ?? site.runtimes[0]!;
}

/** Data every code message shares: the runtime's display name and what it does. */
export function runtimeData(context: RuleContext<RuleId>, runtime: RuntimeId, effect: 'invalidCode' | 'longReason' | 'reasonWithoutCode' | 'connecting'): MessageData {
  const text = context.registryText.runtimes[runtime];
  return { runtime: text.name, effect: text[effect] };
}

/** A runtime's display name for plain-text titles: the registry marks package names as code (`ws`). */
export function plainRuntimeName(context: RuleContext<RuleId>, runtime: RuntimeId): string {
  return context.registryText.runtimes[runtime].name.replace(/`/g, '');
}

/**
 * Where to put a replacement value: the literal itself when it sits inside the argument
 * (one branch of a conditional), otherwise the whole argument.
 */
export function replacementTarget(value: PossibleValue, argument: ts.Expression): ts.Node {
  if (value.node && contains(argument, value.node)) return value.node;
  // A parameter's default (`function disconnect(code = 1006)`): reported and replaced where it is written.
  if (value.node && isParameterDefault(value.node, argument)) return value.node;
  return argument;
}

function isParameterDefault(node: ts.Node, argument: ts.Expression): boolean {
  const parameter = node.parent;
  if (!parameter || !ts.isParameter(parameter) || parameter.initializer !== node) return false;
  return contains(parameter.parent, argument);
}

export function replaceNode(node: ts.Node, text: string): TextEdit {
  return { start: node.getStart(), end: node.getEnd(), text };
}

/** One "Send X instead" suggestion per alternative code. */
export function replaceCodeSuggestions(context: RuleContext<RuleId>, target: ts.Node, codes: readonly number[]): SuggestionReport<'replaceCode'>[] {
  return codes.map((code) => ({
    messageId: 'replaceCode',
    data: { replacement: renderTemplate(context.common.codeWithName, { code, name: context.naming.nameOf(code) }) },
    edits: [replaceNode(target, String(code))],
  }));
}
