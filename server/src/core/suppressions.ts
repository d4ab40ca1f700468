// `wsclose-disable…` / `wsclose-enable` directives: their data model, how disable/enable comments
// pair into regions, and how directives filter findings. Pure: the comments are found by
// analysis/directives.ts (which needs the TypeScript parser) and handed over as plain data.
import type { Finding, RuleId, Severity, TextEdit } from './finding';
import { RULE_IDS } from './finding';
import { closestName } from './text/did-you-mean';
import type { DirectiveMessageId, DirectiveText } from './text/directive-text';
import { renderTemplate } from './text/render-template';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

/** One name from a directive's rule list, with its exact offsets in the file. */
export interface DirectiveRuleName {
  readonly name: string;
  /** Undefined when `name` is not a wsclose rule (reported as "Definition for rule … was not found"). */
  readonly ruleId: RuleId | undefined;
  readonly start: number;
  readonly end: number;
}

/** Where a `wsclose-disable` block comment is in force. Offsets, `[start, end)`. */
export interface DisableRegion {
  readonly start: number;
  /** End for every rule the directive covers, unless `endByRule` says otherwise (end of file when never enabled). */
  readonly end: number;
  /** A `wsclose-enable <rule>` can end one rule of a broader disable early. */
  readonly endByRule: Readonly<Partial<Record<RuleId, number>>>;
}

/** A directive as read from one comment, before disable/enable comments are paired. */
export interface DirectiveComment {
  readonly kind: DirectiveKind;
  /** `'all'` only when the comment lists no names at all; unknown names are left out of the list. */
  readonly rules: readonly RuleId[] | 'all';
  /** Every listed name in source order, known and unknown. */
  readonly names: readonly DirectiveRuleName[];
  readonly unknownNames: readonly DirectiveRuleName[];
  /** Text after ` -- `, trimmed; undefined when there is none. */
  readonly reason: string | undefined;
  readonly commentStart: number;
  readonly commentEnd: number;
  /**
   * What deleting the whole directive removes: the entire line (with its line break) when the
   * comment is alone on it, otherwise the comment and the blanks that separate it from the code.
   */
  readonly removal: { readonly start: number; readonly end: number };
  /** 0-based line a `disable-line` / `disable-next-line` directive applies to. */
  readonly line: number | undefined;
}

export interface Directive extends DirectiveComment {
  /** For `disable` only: where it is in force. */
  readonly region: DisableRegion | undefined;
}

export interface ParsedDirectives {
  readonly directives: readonly Directive[];
}

function covers(directive: DirectiveComment, ruleId: RuleId): boolean {
  return directive.rules === 'all' || directive.rules.includes(ruleId);
}

function regionEndFor(region: DisableRegion, ruleId: RuleId): number {
  return region.endByRule[ruleId] ?? region.end;
}

/**
 * Pairs `disable` comments with the `enable` comments that end them. An enable without names ends
 * every open disable; `enable a` ends rule `a` of every open disable that covers it (also of a
 * disable without names, which stays in force for the other rules). A disable never enabled runs
 * to the end of the file, so one at the top of the file is file-wide. Input in source order.
 */
export function pairDirectiveRegions(comments: readonly DirectiveComment[], textLength: number): Directive[] {
  interface Open {
    readonly index: number;
    end: number | undefined;
    readonly endByRule: Partial<Record<RuleId, number>>;
  }
  const open: Open[] = [];
  const opened = new Map<number, Open>();
  comments.forEach((comment, index) => {
    if (comment.kind === 'disable') {
      const state: Open = { index, end: undefined, endByRule: {} };
      open.push(state);
      opened.set(index, state);
      return;
    }
    if (comment.kind !== 'enable') return;
    const at = comment.commentStart;
    for (const state of open) {
      if (state.end !== undefined) continue;
      const disabled = comments[state.index]!;
      if (comment.rules === 'all') {
        state.end = at;
        continue;
      }
      for (const ruleId of comment.rules) {
        if (covers(disabled, ruleId) && state.endByRule[ruleId] === undefined) state.endByRule[ruleId] = at;
      }
      if (disabled.rules !== 'all' && disabled.rules.every((ruleId) => state.endByRule[ruleId] !== undefined)) {
        state.end = Math.max(...disabled.rules.map((ruleId) => state.endByRule[ruleId]!));
      }
    }
  });
  return comments.map((comment, index) => {
    const state = opened.get(index);
    if (!state) return { ...comment, region: undefined };
    return { ...comment, region: { start: comment.commentStart, end: state.end ?? textLength, endByRule: state.endByRule } };
  });
}

/** Line directives win over regions; among regions the innermost (latest) one gets the credit. */
function suppressingDirective(
  ruleId: RuleId,
  offset: number,
  line: number,
  directives: readonly Directive[],
): Directive | undefined {
  const byLine = directives.find(
    (d) => (d.kind === 'disable-line' || d.kind === 'disable-next-line') && d.line === line && covers(d, ruleId),
  );
  if (byLine) return byLine;
  let best: Directive | undefined;
  for (const d of directives) {
    if (!d.region || !covers(d, ruleId)) continue;
    if (offset < d.region.start || offset >= regionEndFor(d.region, ruleId)) continue;
    if (!best || d.region.start > best.region!.start) best = d;
  }
  return best;
}

export interface ApplyDirectivesOptions {
  /** Severity of unused-directive findings; `'off'` hides them (unknown rule names are still errors). */
  readonly reportUnused: Severity;
  readonly text: DirectiveText;
}

/**
 * Drops the findings a directive suppresses and adds findings about the directives themselves:
 * unused ones (faded, with a fix that deletes them) and unknown rule names. Findings with
 * `ruleId: null` are never suppressed.
 */
export function applyDirectives(
  findings: readonly Finding[],
  parsed: ParsedDirectives,
  lineOf: (offset: number) => number,
  options: ApplyDirectivesOptions,
): Finding[] {
  const { directives } = parsed;
  const used = new Map<Directive, Set<RuleId>>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const directive =
      finding.ruleId === null ? undefined : suppressingDirective(finding.ruleId, finding.start, lineOf(finding.start), directives);
    if (!directive) {
      kept.push(finding);
      continue;
    }
    const rules = used.get(directive) ?? new Set<RuleId>();
    rules.add(finding.ruleId!);
    used.set(directive, rules);
  }

  const reported: Finding[] = [];
  for (const directive of directives) {
    for (const unknown of directive.unknownNames) reported.push(unknownRuleFinding(unknown, options.text));
    if (options.reportUnused === 'off') continue;
    const severity = options.reportUnused;
    const isUsed =
      directive.kind === 'enable'
        ? (ruleId: RuleId | 'all') => enableEndsSomething(directive, ruleId, directives)
        : (ruleId: RuleId | 'all') => {
            const rules = used.get(directive);
            return rules !== undefined && (ruleId === 'all' ? rules.size > 0 : rules.has(ruleId));
          };
    reported.push(...unusedFindings(directive, isUsed, severity, options.text));
  }
  reported.sort((a, b) => a.start - b.start);
  return [...kept, ...reported];
}

/** Did this enable end a disable (for `ruleId`, or for anything when `'all'`)? */
function enableEndsSomething(enable: Directive, ruleId: RuleId | 'all', directives: readonly Directive[]): boolean {
  const at = enable.commentStart;
  return directives.some((d) => {
    if (!d.region) return false;
    if (ruleId === 'all') return d.region.end === at || Object.values(d.region.endByRule).includes(at);
    return covers(d, ruleId) && regionEndFor(d.region, ruleId) === at;
  });
}

function unusedFindings(
  directive: Directive,
  isUsed: (ruleId: RuleId | 'all') => boolean,
  severity: Exclude<Severity, 'off'>,
  text: DirectiveText,
): Finding[] {
  const enable = directive.kind === 'enable';
  const data = { directive: `wsclose-${directive.kind}` };
  const wholeComment: TextEdit = { start: directive.removal.start, end: directive.removal.end, text: '' };
  if (directive.rules === 'all') {
    if (isUsed('all')) return [];
    const messageId = enable ? 'unusedEnable' : 'unusedDirective';
    return [directiveFinding(messageId, data, severity, directive.commentStart, directive.commentEnd, [wholeComment], text)];
  }
  const unused = directive.names.filter((n) => n.ruleId !== undefined && !isUsed(n.ruleId));
  if (unused.length === 0) return [];
  const messageId = enable ? 'unusedEnableRules' : 'unusedDirectiveRules';
  const rulesText = (names: readonly DirectiveRuleName[]): string =>
    names.map((n) => renderTemplate(text.ruleListItem, { ruleId: n.name })).join(text.ruleListSeparator);
  if (unused.length === directive.names.length) {
    // Nothing in the comment is worth keeping: one finding, and its fix deletes the comment.
    const ruleData = { ...data, rules: rulesText(unused) };
    return [directiveFinding(messageId, ruleData, severity, directive.commentStart, directive.commentEnd, [wholeComment], text)];
  }
  // Some names stay: one finding per unused name, on the name, whose fix deletes the name and one
  // separator. Names before the first kept name take the separator after them, names after it the
  // separator before them, so the edits never overlap and any subset of them leaves a valid list.
  const firstKept = directive.names.findIndex((n) => !unused.includes(n));
  return unused.map((name) => {
    const index = directive.names.indexOf(name);
    const edit: TextEdit =
      index < firstKept
        ? { start: name.start, end: directive.names[index + 1]!.start, text: '' }
        : { start: directive.names[index - 1]!.end, end: name.end, text: '' };
    return directiveFinding(messageId, { ...data, rules: rulesText([name]) }, severity, name.start, name.end, [edit], text);
  });
}

function directiveFinding(
  messageId: DirectiveMessageId,
  data: Readonly<Record<string, string>>,
  severity: Exclude<Severity, 'off'>,
  start: number,
  end: number,
  fix: readonly TextEdit[],
  text: DirectiveText,
): Finding {
  return {
    ruleId: null,
    messageId,
    data,
    message: renderTemplate(text[messageId], data),
    severity,
    start,
    end,
    confidence: 'typed',
    fix,
    unnecessary: true,
  };
}

function unknownRuleFinding(unknown: DirectiveRuleName, text: DirectiveText): Finding {
  const suggestion = closestName(unknown.name, RULE_IDS);
  const base = { ruleId: null, severity: 'error', start: unknown.start, end: unknown.end, confidence: 'typed' } as const;
  if (suggestion === undefined) {
    const data = { name: unknown.name };
    return { ...base, messageId: 'unknownRule', data, message: renderTemplate(text.unknownRule, data) };
  }
  const data = { name: unknown.name, suggestion };
  return {
    ...base,
    messageId: 'unknownRuleDidYouMean',
    data,
    message: renderTemplate(text.unknownRuleDidYouMean, data),
    suggestions: [
      {
        messageId: 'replaceRuleName',
        data,
        desc: renderTemplate(text.replaceRuleName, data),
        edits: [{ start: unknown.start, end: unknown.end, text: suggestion }],
      },
    ],
  };
}
