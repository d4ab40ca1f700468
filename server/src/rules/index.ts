// The rule set. Every id in RULE_IDS has exactly one module here (test/meta checks both ways).
import type { RuleId } from '../core/finding';
import browserCodeRange from './browser-code-range';
import type { RuleModule } from './define-rule';
import invalidCode from './invalid-code';
import mismatchedCode from './mismatched-code';
import prematureClose from './premature-close';
import reasonTooLong from './reason-too-long';
import reasonWithoutCode from './reason-without-code';
import reconnectOnTerminalCode from './reconnect-on-terminal-code';
import reservedCode from './reserved-code';
import unregisteredCode from './unregistered-code';

export const RULES: { readonly [R in RuleId]: RuleModule<R> } = {
  'reserved-code': reservedCode,
  'invalid-code': invalidCode,
  'browser-code-range': browserCodeRange,
  'reason-too-long': reasonTooLong,
  'reason-without-code': reasonWithoutCode,
  'mismatched-code': mismatchedCode,
  'premature-close': prematureClose,
  'unregistered-code': unregisteredCode,
  'reconnect-on-terminal-code': reconnectOnTerminalCode,
};
