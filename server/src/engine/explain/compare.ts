// The comparison of two close codes ("1000 vs 1008"), derived from their explanations only, so
// every pair has one: the facts that differ between them (origin, range class, whether it may be
// sent, reconnect advice, the runtimes that accept one but not the other), their meanings, and
// when to use which. Nothing here is written per pair.
import { explainCode, type CodeExplanation, type ExplainOptions } from './model';

/** A fact compared between the two codes. `meaning` is always listed; the others only when they differ. */
export type Aspect = 'meaning' | 'origin' | 'range-class' | 'sendable' | 'reconnect' | 'runtimes';

export interface Difference {
  readonly aspect: Aspect;
  /** The first code's side, as data the renderers phrase (see `describeSide`). */
  readonly first: AspectValue;
  readonly second: AspectValue;
}

export type AspectValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'origin'; readonly origin: CodeExplanation['origin']; readonly appProfile?: string }
  /** Runtimes, among those that disagree about the pair, that accept this code and that refuse it. */
  | { readonly kind: 'runtimes'; readonly accepted: readonly string[]; readonly refused: readonly string[] };

export interface CodeComparison {
  readonly first: CodeExplanation;
  readonly second: CodeExplanation;
  readonly differences: readonly Difference[];
  /** What each code is for: the registry's typical use, or the meaning of a project or app code. */
  readonly whenToUse: { readonly first: string; readonly second: string };
}

export function compareCodes(first: number, second: number, options: ExplainOptions): CodeComparison {
  const a = explainCode(first, options);
  const b = explainCode(second, options);
  const differences: Difference[] = [{ aspect: 'meaning', first: text(a.meaning), second: text(b.meaning) }];
  const originOf = (e: CodeExplanation): AspectValue => ({ kind: 'origin', origin: e.origin, ...(e.appProfile ? { appProfile: e.appProfile.name } : {}) });
  if (a.origin !== b.origin || a.appProfile?.id !== b.appProfile?.id) differences.push({ aspect: 'origin', first: originOf(a), second: originOf(b) });
  if (a.rangeClass !== b.rangeClass) differences.push({ aspect: 'range-class', first: text(a.rangeClassText), second: text(b.rangeClassText) });
  if (a.sendable !== b.sendable) differences.push({ aspect: 'sendable', first: text(a.sendableText), second: text(b.sendableText) });
  if (a.reconnect !== b.reconnect) differences.push({ aspect: 'reconnect', first: text(a.reconnectText), second: text(b.reconnectText) });
  const disagreeing = a.runtimes.filter((r, i) => r.accepted !== b.runtimes[i]!.accepted).map((r) => r.id);
  if (disagreeing.length > 0) differences.push({ aspect: 'runtimes', first: runtimesOf(a, disagreeing), second: runtimesOf(b, disagreeing) });
  return { first: a, second: b, differences, whenToUse: { first: a.typicalUse ?? a.meaning, second: b.typicalUse ?? b.meaning } };
}

function text(value: string): AspectValue {
  return { kind: 'text', text: value };
}

function runtimesOf(explanation: CodeExplanation, ids: readonly string[]): AspectValue {
  const among = explanation.runtimes.filter((r) => ids.includes(r.id));
  return { kind: 'runtimes', accepted: among.filter((r) => r.accepted).map((r) => r.name), refused: among.filter((r) => !r.accepted).map((r) => r.name) };
}
