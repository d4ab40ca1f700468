// Default severity and options of every rule, from the rule metadata (the single source).
import type { RuleId } from '../core/finding';
import { RULE_IDS } from '../core/finding';
import { RULES } from '../rules';
import type { RuleDefaults } from './config-file';

export const RULE_DEFAULTS: RuleDefaults = Object.fromEntries(
  RULE_IDS.map((id: RuleId) => [id, { severity: RULES[id].meta.defaultSeverity, options: RULES[id].meta.defaultOptions }]),
) as unknown as RuleDefaults;
