// Validation of a parsed wsclose.config.json tree. Every problem points at the exact JSON node
// that is wrong and says how to fix it; the caller turns offsets into line/column.
// Rule options are checked against each rule's optionsSchema, from which wsclose.schema.json is
// generated (engine/config-schema.ts); test/engine/config-schema.test.ts holds the two in step.
import type { Node } from 'jsonc-parser';
import { getNodeValue } from 'jsonc-parser';
import type { ConfiguredCode, ResolvedConfig, RuleSetting, RuntimeOverride } from '../core/config';
import { RULE_IDS, isRuleId } from '../core/finding';
import type { RuleId, Severity } from '../core/finding';
import { closestName } from '../core/text/did-you-mean';
import { APP_PROFILES } from '../registry/apps';
import { RULES } from '../rules';
import { RUNTIME_PROFILES } from '../registry/runtimes';
import type { AppProfileId, ReconnectAdvice, RuntimeId } from '../registry/types';
import { renderTemplate } from '../core/text/render-template';
import type { ConfigMessageId, ConfigText } from './config-text/config-text';
import { CONFIG_TEXT_EN } from './config-text/en';
import { configMessage, globProblem } from './config-glob';
import type { MessageData as Data } from './config-glob';

export { configMessage, globProblem } from './config-glob';

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

/** Does the JSON node have the option's declared type? */
function hasDeclaredType(node: Node, type: unknown): boolean {
  if (type === 'integer') return node.type === 'number' && Number.isInteger(node.value);
  return typeof type !== 'string' || node.type === type;
}

const quote = (value: string): string => `"${value}"`;
const quotedList = (values: readonly string[]): string => values.map(quote).join(', ');

/** How a JSON value is named in a message ("the string \"x\"", "an object"). */
function describe(text: ConfigText, node: Node): string {
  switch (node.type) {
    case 'object':
    case 'array':
      return text.values[node.type];
    case 'string':
      return renderTemplate(text.values.string, { value: JSON.stringify(node.value) });
    case 'number':
    case 'boolean':
      return renderTemplate(text.values[node.type], { value: String(node.value) });
    default:
      return text.values.null;
  }
}

interface Property {
  readonly key: string;
  readonly keyNode: Node;
  readonly valueNode: Node;
}

class Validator {
  readonly issues: ConfigIssue[] = [];

  constructor(
    private readonly lineOf: (offset: number) => number,
    private readonly text: ConfigText,
  ) {}

  /** Reports a catalog message at `node`; `{value}` is filled with the node's description. */
  report(node: Node, id: ConfigMessageId, data: Data = {}): void {
    this.issues.push({ offset: node.offset, length: node.length, message: configMessage(this.text, id, { value: describe(this.text, node), ...data }) });
  }

  /** An unknown name: the message, then the closest known name, or else the list of them. */
  reportUnknown(node: Node, id: ConfigMessageId, data: Data, name: string, candidates: readonly string[], listId: ConfigMessageId): void {
    const suggestion = closestName(name, candidates);
    const hint =
      suggestion === undefined ? configMessage(this.text, listId, { list: quotedList(candidates) }) : renderTemplate(this.text.didYouMean, { suggestion });
    this.issues.push({ offset: node.offset, length: node.length, message: `${configMessage(this.text, id, data)} ${hint}` });
  }

  private glob(node: Node, pattern: string): boolean {
    const problem = globProblem(pattern, this.text);
    if (problem) this.issues.push({ offset: node.offset, length: node.length, message: problem });
    return problem !== undefined;
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
        this.report(keyNode, 'duplicateProperty', { key, line: this.lineOf(first.offset) });
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
      this.report(root, 'notAnObject');
      return settings;
    }
    for (const { key, keyNode, valueNode } of this.properties(root)) {
      switch (key) {
        case '$schema':
          if (valueNode.type !== 'string') this.report(valueNode, 'schemaNotString');
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
            this.report(valueNode, 'reportUnusedDirectives');
          }
          break;
        default:
          this.reportUnknown(keyNode, 'unknownProperty', { key }, key, CONFIG_KEYS, 'allowedProperties');
      }
    }
    return settings;
  }

  private rules(node: Node, defaults: RuleDefaults): RuleDefaults {
    const rules: Record<RuleId, RuleSetting> = { ...defaults };
    if (node.type !== 'object') {
      this.report(node, 'rulesNotObject');
      return defaults;
    }
    for (const { key, keyNode, valueNode } of this.properties(node)) {
      if (!isRuleId(key)) {
        this.reportUnknown(keyNode, 'unknownRule', { rule: key }, key, RULE_IDS, 'knownRules');
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
    this.report(node, 'invalidSeverity', { rule: ruleId });
    return undefined;
  }

  private ruleSetting(ruleId: RuleId, node: Node, fallback: RuleSetting): RuleSetting | undefined {
    if (node.type !== 'array') {
      const severity = this.severity(ruleId, node);
      return severity && { severity, options: fallback.options };
    }
    const [severityNode, optionsNode, ...extra] = node.children ?? [];
    if (!severityNode) {
      this.report(node, 'severityMissing', { rule: ruleId });
      return undefined;
    }
    for (const element of extra) this.report(element, 'extraElement', { rule: ruleId });
    const severity = this.severity(ruleId, severityNode);
    const options = optionsNode ? this.ruleOptions(ruleId, optionsNode, fallback.options) : fallback.options;
    return severity && options && extra.length === 0 ? { severity, options } : undefined;
  }

  private ruleOptions(ruleId: RuleId, node: Node, fallback: RuleSetting['options']): RuleSetting['options'] | undefined {
    if (node.type !== 'object') {
      this.report(node, 'optionsNotObject', { rule: ruleId });
      return undefined;
    }
    const declared = optionSchemas(ruleId);
    const allowed = Object.keys(declared);
    const options: Record<string, unknown> = { ...fallback };
    let valid = true;
    for (const { key, keyNode, valueNode } of this.properties(node)) {
      if (!allowed.includes(key)) {
        valid = false;
        if (allowed.length === 0) this.report(keyNode, 'noOptions', { rule: ruleId, key });
        else this.reportUnknown(keyNode, 'unknownOption', { rule: ruleId, key }, key, allowed, 'ruleOptions');
      } else if (!hasDeclaredType(valueNode, declared[key]!.type)) {
        valid = false;
        const type = String(declared[key]!.type);
        if (type === 'boolean') this.report(valueNode, 'optionNotBoolean', { rule: ruleId, key });
        else this.report(valueNode, 'optionWrongType', { rule: ruleId, key, type });
      } else options[key] = valueNode.value;
    }
    return valid ? (options as RuleSetting['options']) : undefined;
  }

  private profiles(node: Node): Partial<Record<AppProfileId, boolean>> {
    const profiles: Partial<Record<AppProfileId, boolean>> = {};
    if (node.type !== 'object') {
      this.report(node, 'profilesNotObject');
      return profiles;
    }
    const ids = APP_PROFILES.map((profile) => profile.id);
    for (const { key, keyNode, valueNode } of this.properties(node)) {
      const id = ids.find((candidate) => candidate === key);
      if (id === undefined) {
        this.reportUnknown(keyNode, 'unknownProfile', { key }, key, ids, 'knownProfiles');
      } else if (valueNode.type !== 'boolean') {
        this.report(valueNode, 'profileNotBoolean', { key });
      } else profiles[id] = valueNode.value as boolean;
    }
    return profiles;
  }

  private codes(node: Node): ConfiguredCode[] {
    if (node.type !== 'array') {
      this.report(node, 'codesNotArray');
      return [];
    }
    const codes: ConfiguredCode[] = [];
    const firstLine = new Map<number, number>();
    for (const entry of node.children ?? []) {
      const code = this.codeEntry(entry);
      if (!code) continue;
      const first = firstLine.get(code.code.value);
      if (first !== undefined) {
        this.report(code.code.node, 'duplicateCode', { code: code.code.value, line: first });
        continue;
      }
      firstLine.set(code.code.value, this.lineOf(code.code.node.offset));
      codes.push(code.entry);
    }
    return codes;
  }

  private codeEntry(node: Node): { entry: ConfiguredCode; code: { value: number; node: Node } } | undefined {
    if (node.type !== 'object') {
      this.report(node, 'codeEntryNotObject');
      return undefined;
    }
    const entry: { -readonly [K in keyof ConfiguredCode]: ConfiguredCode[K] } = { code: 0, name: '' };
    let codeNode: Node | undefined;
    let valid = true;
    const fail = (at: Node, id: ConfigMessageId, data: Data = {}): void => {
      valid = false;
      this.report(at, id, data);
    };
    const properties = this.properties(node);
    for (const { key, keyNode, valueNode } of properties) {
      const value: unknown = valueNode.value;
      switch (key) {
        case 'code':
          codeNode = valueNode;
          if (valueNode.type !== 'number' || !Number.isInteger(value)) {
            fail(valueNode, 'codeNotInteger');
          } else if ((value as number) < 3000 || (value as number) > 4999) {
            fail(valueNode, 'codeOutOfRange', { code: value as number });
          } else entry.code = value as number;
          break;
        case 'name':
          if (typeof value !== 'string' || value.trim() === '') fail(valueNode, 'nameNotString');
          else entry.name = value;
          break;
        case 'description':
          if (typeof value !== 'string') fail(valueNode, 'descriptionNotString');
          else entry.description = value;
          break;
        case 'reconnect':
          if (typeof value !== 'string' || !(RECONNECT_VALUES as readonly string[]).includes(value)) {
            fail(valueNode, 'reconnectInvalid', { list: quotedList(RECONNECT_VALUES) });
          } else entry.reconnect = value as ReconnectAdvice;
          break;
        default:
          valid = false;
          this.reportUnknown(keyNode, 'unknownCodeProperty', { key }, key, CODE_KEYS, 'allowedCodeProperties');
      }
    }
    const has = (key: string): boolean => properties.some((p) => p.key === key);
    if (!has('code')) fail(node, 'codeMissing');
    if (!has('name')) fail(node, 'nameMissing');
    return valid && codeNode ? { entry, code: { value: entry.code, node: codeNode } } : undefined;
  }

  private runtimes(node: Node): RuntimeOverride[] {
    if (node.type !== 'object') {
      this.report(node, 'runtimesNotObject');
      return [];
    }
    const names = acceptedRuntimeNames();
    const overrides: RuntimeOverride[] = [];
    for (const { key, keyNode, valueNode } of this.properties(node)) {
      const badGlob = this.glob(keyNode, key);
      const runtime = valueNode.type === 'string' ? resolveRuntimeName(valueNode.value as string) : undefined;
      if (valueNode.type !== 'string') {
        this.report(valueNode, 'runtimeNotString', { glob: key });
      } else if (runtime === undefined) {
        const name = valueNode.value as string;
        this.reportUnknown(valueNode, 'unknownRuntime', { name, glob: key }, name, names, 'useRuntimes');
      } else if (!badGlob) overrides.push({ pattern: key, runtime });
    }
    return overrides;
  }

  private ignore(node: Node): string[] {
    if (node.type !== 'array') {
      this.report(node, 'ignoreNotArray');
      return [];
    }
    const patterns: string[] = [];
    for (const element of node.children ?? []) {
      if (element.type !== 'string') {
        this.report(element, 'ignoreEntryNotString');
        continue;
      }
      const pattern = getNodeValue(element) as string;
      // A leading "!" re-includes files an earlier pattern ignored; the rest must be a valid glob.
      if (!this.glob(element, pattern.startsWith('!') && !pattern.startsWith('!(') ? pattern.slice(1) : pattern)) patterns.push(pattern);
    }
    return patterns;
  }
}

/** Validates the root node of a syntactically valid config. `lineOf` gives 1-based lines for messages. */
export function validateConfigTree(
  root: Node,
  defaults: RuleDefaults,
  lineOf: (offset: number) => number,
  text: ConfigText = CONFIG_TEXT_EN,
): { settings: ConfigSettings; issues: ConfigIssue[] } {
  const validator = new Validator(lineOf, text);
  const settings = validator.settings(root, defaults);
  return { settings, issues: validator.issues };
}
