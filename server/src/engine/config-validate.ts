// Validation of a parsed wsclose.config.json tree. Every problem points at the exact JSON node
// that is wrong and says how to fix it; the caller turns offsets into line/column.
// Rule options are checked against each rule's optionsSchema, from which wsclose.schema.json is
// generated (engine/config-schema.ts); test/engine/config-schema.test.ts holds the two in step.
import type { Node } from 'jsonc-parser';
import { getNodeValue } from 'jsonc-parser';
import picomatch from 'picomatch';
import type { ConfiguredCode, ResolvedConfig, RuleSetting, RuntimeOverride } from '../core/config';
import { RULE_IDS, isRuleId } from '../core/finding';
import type { RuleId, Severity } from '../core/finding';
import { closestName } from '../core/text/did-you-mean';
import { APP_PROFILES } from '../registry/apps';
import { RULES } from '../rules';
import { RUNTIME_PROFILES } from '../registry/runtimes';
import type { AppProfileId, ReconnectAdvice, RuntimeId } from '../registry/types';

export type RuleDefaults = ResolvedConfig['rules'];

/** A problem found while reading the config, as offsets (converted to line/column by the caller). */
export interface ConfigIssue {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

/** The config's settings other than baseDir/configFile, ready to be spread into a ResolvedConfig. */
export type ConfigSettings = Omit<ResolvedConfig, 'baseDir' | 'configFile'>;

export const CONFIG_KEYS = ['$schema', 'rules', 'profiles', 'codes', 'runtimes', 'ignore', 'reportUnusedDirectives'] as const;

/** Friendlier names users reach for; each maps to the runtime profile whose rules apply. */
export const RUNTIME_ALIASES: Readonly<Record<string, RuntimeId>> = {
  browser: 'whatwg',
  undici: 'whatwg',
  deno: 'whatwg',
  'node-ws': 'ws',
  bun: 'bun-server',
  workers: 'cloudflare',
};

/** Every value accepted in "runtimes": the profile ids, then the aliases. */
export function acceptedRuntimeNames(): string[] {
  return [...Object.keys(RUNTIME_PROFILES), ...Object.keys(RUNTIME_ALIASES)];
}

export function resolveRuntimeName(name: string): RuntimeId | undefined {
  if (Object.prototype.hasOwnProperty.call(RUNTIME_PROFILES, name)) return name as RuntimeId;
  return Object.prototype.hasOwnProperty.call(RUNTIME_ALIASES, name) ? RUNTIME_ALIASES[name] : undefined;
}

const SEVERITY_WORDS: Readonly<Record<string, Severity>> = { off: 'off', warn: 'warn', error: 'error' };
const SEVERITY_NUMBERS: readonly Severity[] = ['off', 'warn', 'error'];
const RECONNECT_VALUES: readonly ReconnectAdvice[] = ['yes', 'backoff', 'no', 'not-applicable'];
const CODE_KEYS = ['code', 'name', 'description', 'reconnect'] as const;

/** A rule's options as its optionsSchema declares them (the single source: also the JSON Schema's). */
function optionSchemas(ruleId: RuleId): Readonly<Record<string, { readonly type?: unknown }>> {
  return RULES[ruleId].meta.optionsSchema.properties as Readonly<Record<string, { readonly type?: unknown }>>;
}

const JSON_TYPE_WORDS: Readonly<Record<string, string>> = { boolean: 'true or false', string: 'a string', number: 'a number', integer: 'an integer' };

/** Does the JSON node have the option's declared type? */
function hasDeclaredType(node: Node, type: unknown): boolean {
  if (type === 'integer') return node.type === 'number' && Number.isInteger(node.value);
  return typeof type !== 'string' || node.type === type;
}

/** Why `pattern` cannot be used as a glob, or undefined when it can. */
export function globProblem(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'A glob pattern cannot be empty.';
  if (/^[/\\]/.test(pattern) || /^[A-Za-z]:/.test(pattern)) {
    return `Glob "${pattern}" is absolute; patterns are relative to the folder of wsclose.config.json (for example "src/**").`;
  }
  if (pattern.split(/[/\\]/).includes('..')) {
    return `Glob "${pattern}" contains a ".." segment, which never matches: patterns only match files inside the folder of wsclose.config.json. Move the config file up instead.`;
  }
  const unclosed = unclosedBracket(pattern);
  if (unclosed) return `Invalid glob "${pattern}": "${unclosed}" is never closed. Close it, or escape it with a backslash to match it literally.`;
  try {
    // debug: true makes picomatch throw instead of silently compiling to a match-nothing regex.
    picomatch(pattern, { dot: true, debug: true });
  } catch (error) {
    const detail = String(error instanceof Error ? error.message : error).split(': ').pop()!.toLowerCase();
    return `Invalid glob "${pattern}" (${detail}): check that every "(", "[" and "{" is closed.`;
  }
  return undefined;
}

/**
 * picomatch compiles an unclosed `[`, `{` or `(` to a literal character, so `src/[a-` silently
 * matches nothing the user meant: report the first bracket that is never closed.
 */
function unclosedBracket(pattern: string): string | undefined {
  const closing: Record<string, string> = { '[': ']', '{': '}', '(': ')' };
  const open: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\') {
      i++;
      continue;
    }
    const inClass = open[open.length - 1] === '[';
    if (closing[char] !== undefined && !(inClass && char !== '[')) {
      if (!inClass) open.push(char);
    } else if (open.length > 0 && char === closing[open[open.length - 1]!]) {
      open.pop();
    }
  }
  return open[0];
}

const quote = (value: string): string => `"${value}"`;
const quotedList = (values: readonly string[]): string => values.map(quote).join(', ');

function didYouMean(name: string, candidates: readonly string[]): string {
  const suggestion = closestName(name, candidates);
  return suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`;
}

function describe(node: Node): string {
  switch (node.type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return `the string ${JSON.stringify(node.value)}`;
    case 'number':
      return `the number ${String(node.value)}`;
    case 'boolean':
      return String(node.value);
    default:
      return 'null';
  }
}

interface Property {
  readonly key: string;
  readonly keyNode: Node;
  readonly valueNode: Node;
}

class Validator {
  readonly issues: ConfigIssue[] = [];

  constructor(private readonly lineOf: (offset: number) => number) {}

  report(node: Node, message: string): void {
    this.issues.push({ offset: node.offset, length: node.length, message });
  }

  /** Properties of an object node; a repeated key is reported (JSON would silently keep the last). */
  properties(node: Node): Property[] {
    const seen = new Map<string, Node>();
    const result: Property[] = [];
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || !valueNode) continue; // only after syntax errors, which are reported instead
      const key = String(keyNode.value);
      const first = seen.get(key);
      if (first) {
        this.report(keyNode, `Duplicate property "${key}" (first at line ${this.lineOf(first.offset)}); remove one of them.`);
      } else seen.set(key, keyNode);
      result.push({ key, keyNode, valueNode });
    }
    return result;
  }

  settings(root: Node, defaults: RuleDefaults): ConfigSettings {
    const settings: { -readonly [K in keyof ConfigSettings]: ConfigSettings[K] } = {
      rules: defaults,
      profiles: {},
      codes: [],
      runtimes: [],
      ignore: [],
      reportUnusedDirectives: 'warn',
    };
    if (root.type !== 'object') {
      this.report(root, `The config must be a JSON object such as { "rules": {} }, not ${describe(root)}.`);
      return settings;
    }
    for (const { key, keyNode, valueNode } of this.properties(root)) {
      switch (key) {
        case '$schema':
          if (valueNode.type !== 'string') this.report(valueNode, `"$schema" must be a string (the URL or path of wsclose.schema.json), not ${describe(valueNode)}.`);
          break;
        case 'rules':
          settings.rules = this.rules(valueNode, defaults);
          break;
        case 'profiles':
          settings.profiles = this.profiles(valueNode);
          break;
        case 'codes':
          settings.codes = this.codes(valueNode);
          break;
        case 'runtimes':
          settings.runtimes = this.runtimes(valueNode);
          break;
        case 'ignore':
          settings.ignore = this.ignore(valueNode);
          break;
        case 'reportUnusedDirectives':
          if (valueNode.type === 'string' && SEVERITY_WORDS[valueNode.value as string]) {
            settings.reportUnusedDirectives = SEVERITY_WORDS[valueNode.value as string]!;
          } else {
            this.report(valueNode, `"reportUnusedDirectives" must be "off", "warn" or "error", not ${describe(valueNode)}.`);
          }
          break;
        default:
          this.report(
            keyNode,
            `Unknown property "${key}".${didYouMean(key, CONFIG_KEYS) || ` Allowed properties: ${quotedList(CONFIG_KEYS)}.`}`,
          );
      }
    }
    return settings;
  }

  private rules(node: Node, defaults: RuleDefaults): RuleDefaults {
    const rules: Record<RuleId, RuleSetting> = { ...defaults };
    if (node.type !== 'object') {
      this.report(node, `"rules" must be an object mapping rule ids to severities, such as { "mismatched-code": "error" }, not ${describe(node)}.`);
      return defaults;
    }
    for (const { key, keyNode, valueNode } of this.properties(node)) {
      if (!isRuleId(key)) {
        this.report(keyNode, `Unknown rule "${key}".${didYouMean(key, RULE_IDS) || ` Known rules: ${quotedList(RULE_IDS)}.`}`);
        continue;
      }
      const setting = this.ruleSetting(key, valueNode, defaults[key]);
      if (setting) rules[key] = setting;
    }
    return rules as unknown as RuleDefaults;
  }

  private severity(ruleId: RuleId, node: Node): Severity | undefined {
    const value: unknown = node.value;
    if (node.type === 'string' && typeof value === 'string' && SEVERITY_WORDS[value]) return SEVERITY_WORDS[value];
    if (node.type === 'number' && (value === 0 || value === 1 || value === 2)) return SEVERITY_NUMBERS[value];
    this.report(node, `Invalid severity for rule "${ruleId}": use "off", "warn" or "error" (or 0, 1, 2), not ${describe(node)}.`);
    return undefined;
  }

  private ruleSetting(ruleId: RuleId, node: Node, fallback: RuleSetting): RuleSetting | undefined {
    if (node.type !== 'array') {
      const severity = this.severity(ruleId, node);
      return severity && { severity, options: fallback.options };
    }
    const [severityNode, optionsNode, ...extra] = node.children ?? [];
    if (!severityNode) {
      this.report(node, `Rule "${ruleId}" needs a severity as the first element, such as ["warn"].`);
      return undefined;
    }
    for (const element of extra) this.report(element, `Rule "${ruleId}" takes [severity, options]; remove this extra element.`);
    const severity = this.severity(ruleId, severityNode);
    const options = optionsNode ? this.ruleOptions(ruleId, optionsNode, fallback.options) : fallback.options;
    return severity && options && extra.length === 0 ? { severity, options } : undefined;
  }

  private ruleOptions(ruleId: RuleId, node: Node, fallback: RuleSetting['options']): RuleSetting['options'] | undefined {
    if (node.type !== 'object') {
      this.report(node, `The options of rule "${ruleId}" must be an object, not ${describe(node)}.`);
      return undefined;
    }
    const declared = optionSchemas(ruleId);
    const allowed = Object.keys(declared);
    const options: Record<string, unknown> = { ...fallback };
    let valid = true;
    for (const { key, keyNode, valueNode } of this.properties(node)) {
      if (!allowed.includes(key)) {
        valid = false;
        this.report(
          keyNode,
          allowed.length === 0
            ? `Rule "${ruleId}" takes no options; remove "${key}".`
            : `Unknown option "${key}" for rule "${ruleId}".${didYouMean(key, allowed) || ` Its options: ${quotedList(allowed)}.`}`,
        );
      } else if (!hasDeclaredType(valueNode, declared[key]!.type)) {
        valid = false;
        const type = declared[key]!.type;
        this.report(valueNode, `Option "${key}" of rule "${ruleId}" must be ${JSON_TYPE_WORDS[String(type)] ?? String(type)}, not ${describe(valueNode)}.`);
      } else options[key] = valueNode.value;
    }
    return valid ? (options as RuleSetting['options']) : undefined;
  }

  private profiles(node: Node): Partial<Record<AppProfileId, boolean>> {
    const profiles: Partial<Record<AppProfileId, boolean>> = {};
    if (node.type !== 'object') {
      this.report(node, `"profiles" must be an object mapping app profile ids to true (force on) or false (force off), not ${describe(node)}.`);
      return profiles;
    }
    const ids = APP_PROFILES.map((profile) => profile.id);
    for (const { key, keyNode, valueNode } of this.properties(node)) {
      const id = ids.find((candidate) => candidate === key);
      if (id === undefined) {
        this.report(keyNode, `Unknown app profile "${key}".${didYouMean(key, ids) || ` Known profiles: ${quotedList(ids)}.`}`);
      } else if (valueNode.type !== 'boolean') {
        this.report(valueNode, `Profile "${key}" must be true (force on) or false (force off), not ${describe(valueNode)}.`);
      } else profiles[id] = valueNode.value as boolean;
    }
    return profiles;
  }

  private codes(node: Node): ConfiguredCode[] {
    if (node.type !== 'array') {
      this.report(node, `"codes" must be an array of objects such as { "code": 4001, "name": "Room Closed" }, not ${describe(node)}.`);
      return [];
    }
    const codes: ConfiguredCode[] = [];
    const firstLine = new Map<number, number>();
    for (const entry of node.children ?? []) {
      const code = this.codeEntry(entry);
      if (!code) continue;
      const first = firstLine.get(code.code.value);
      if (first !== undefined) {
        this.report(code.code.node, `Close code ${code.code.value} is declared more than once (first at line ${first}); remove one of the entries.`);
        continue;
      }
      firstLine.set(code.code.value, this.lineOf(code.code.node.offset));
      codes.push(code.entry);
    }
    return codes;
  }

  private codeEntry(node: Node): { entry: ConfiguredCode; code: { value: number; node: Node } } | undefined {
    if (node.type !== 'object') {
      this.report(node, `Each entry of "codes" must be an object such as { "code": 4001, "name": "Room Closed" }, not ${describe(node)}.`);
      return undefined;
    }
    const entry: { -readonly [K in keyof ConfiguredCode]: ConfiguredCode[K] } = { code: 0, name: '' };
    let codeNode: Node | undefined;
    let valid = true;
    const fail = (at: Node, message: string): void => {
      valid = false;
      this.report(at, message);
    };
    const properties = this.properties(node);
    for (const { key, keyNode, valueNode } of properties) {
      const value: unknown = valueNode.value;
      switch (key) {
        case 'code':
          codeNode = valueNode;
          if (valueNode.type !== 'number' || !Number.isInteger(value)) {
            fail(valueNode, `"code" must be an integer from 3000 to 4999 (4000–4999 for private use), not ${describe(valueNode)}.`);
          } else if ((value as number) < 3000 || (value as number) > 4999) {
            fail(valueNode, `Close code ${String(value)} cannot be declared: applications own only 3000–4999 (use 4000–4999 for private codes; 3000–3999 are registered with IANA).`);
          } else entry.code = value as number;
          break;
        case 'name':
          if (typeof value !== 'string' || value.trim() === '') fail(valueNode, `"name" must be a non-empty string such as "Room Closed", not ${describe(valueNode)}.`);
          else entry.name = value;
          break;
        case 'description':
          if (typeof value !== 'string') fail(valueNode, `"description" must be a string, not ${describe(valueNode)}.`);
          else entry.description = value;
          break;
        case 'reconnect':
          if (typeof value !== 'string' || !(RECONNECT_VALUES as readonly string[]).includes(value)) {
            fail(valueNode, `"reconnect" must be one of ${quotedList(RECONNECT_VALUES)}, not ${describe(valueNode)}.`);
          } else entry.reconnect = value as ReconnectAdvice;
          break;
        default:
          fail(keyNode, `Unknown property "${key}" in a code entry.${didYouMean(key, CODE_KEYS) || ` Allowed: ${quotedList(CODE_KEYS)}.`}`);
      }
    }
    const has = (key: string): boolean => properties.some((p) => p.key === key);
    if (!has('code')) fail(node, 'This entry needs a "code": an integer from 4000 to 4999 (or 3000–3999 if registered with IANA).');
    if (!has('name')) fail(node, 'This entry needs a "name": a short non-empty label such as "Room Closed".');
    return valid && codeNode ? { entry, code: { value: entry.code, node: codeNode } } : undefined;
  }

  private runtimes(node: Node): RuntimeOverride[] {
    if (node.type !== 'object') {
      this.report(node, `"runtimes" must be an object mapping globs to runtime ids, such as { "src/web/**": "browser" }, not ${describe(node)}.`);
      return [];
    }
    const names = acceptedRuntimeNames();
    const overrides: RuntimeOverride[] = [];
    for (const { key, keyNode, valueNode } of this.properties(node)) {
      const badGlob = globProblem(key);
      if (badGlob) this.report(keyNode, badGlob);
      const runtime = valueNode.type === 'string' ? resolveRuntimeName(valueNode.value as string) : undefined;
      if (valueNode.type !== 'string') {
        this.report(valueNode, `The runtime for "${key}" must be a string such as "browser" or "ws", not ${describe(valueNode)}.`);
      } else if (runtime === undefined) {
        const name = valueNode.value as string;
        this.report(valueNode, `Unknown runtime "${name}" for "${key}".${didYouMean(name, names) || ` Use one of ${quotedList(names)}.`}`);
      } else if (!badGlob) overrides.push({ pattern: key, runtime });
    }
    return overrides;
  }

  private ignore(node: Node): string[] {
    if (node.type !== 'array') {
      this.report(node, `"ignore" must be an array of globs, such as ["dist/**"], not ${describe(node)}.`);
      return [];
    }
    const patterns: string[] = [];
    for (const element of node.children ?? []) {
      if (element.type !== 'string') {
        this.report(element, `Each entry of "ignore" must be a glob string, not ${describe(element)}.`);
        continue;
      }
      const pattern = getNodeValue(element) as string;
      // A leading "!" re-includes files an earlier pattern ignored; the rest must be a valid glob.
      const badGlob = globProblem(pattern.startsWith('!') && !pattern.startsWith('!(') ? pattern.slice(1) : pattern);
      if (badGlob) this.report(element, badGlob);
      else patterns.push(pattern);
    }
    return patterns;
  }
}

/** Validates the root node of a syntactically valid config. `lineOf` gives 1-based lines for messages. */
export function validateConfigTree(
  root: Node,
  defaults: RuleDefaults,
  lineOf: (offset: number) => number,
): { settings: ConfigSettings; issues: ConfigIssue[] } {
  const validator = new Validator(lineOf);
  const settings = validator.settings(root, defaults);
  return { settings, issues: validator.issues };
}
