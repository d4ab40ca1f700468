// English rule messages. Each message says what is wrong, what happens at runtime, and what to do.
import type { RulesCatalog } from './rule-text';

export const RULES_TEXT_EN: RulesCatalog = {
  common: {
    or: ' or ',
    codeWithName: '{code} ({name})',
    inferredSuffix: ' (Receiver inferred from {evidence}; add types to be sure.)',
    forwardedSuffix: ' (`{name}` passes it on to `{call}()`.)',
    forwardedRelated: '`{name}` passes the value on to this close call.',
    situations: {
      normal: 'a normal end',
      'going-away': 'a shutdown',
      restart: 'a restart',
      'rate-limit': 'rate limiting',
      overload: 'overload',
      auth: 'an authentication failure',
      forbidden: 'a refused permission',
      policy: 'a policy violation',
      'invalid-message': 'an invalid message',
      'unsupported-data': 'unsupported data',
      'too-big': 'a message that is too big',
      capacity: 'a capacity limit',
      'internal-error': 'an internal error',
      timeout: 'a timeout',
      'protocol-error': 'a protocol error',
      gateway: 'an upstream failure',
    },
    failurePaths: {
      catch: 'an error handler (catch)',
      'error-listener': "an 'error' listener",
      timeout: 'a heartbeat or timeout callback',
    },
    unboundedSources: {
      'error-text': "an error's message or stack",
      serialized: 'serialized data',
      'client-input': 'text the client sent',
    },
  },
  rules: {
    'reserved-code': {
      description: 'Disallow sending the reserved close codes 1004, 1005, 1006 and 1015, including received codes forwarded unchecked.',
      messages: {
        reserved:
          '{code} ({name}) is reserved for local use and must never be sent in a Close frame. On {runtime}, {effect}. Use {alternatives}, or call {method}() with no code.',
        reservedWithReason:
          '{code} ({name}) is reserved for local use and must never be sent in a Close frame. On {runtime}, {effect}. Use {alternatives}.',
        forwarded:
          'This sends a received close code back out; it is 1005 (No Status Received) or 1006 (Abnormal Closure) whenever the peer sent no code or the connection dropped, and those must never be sent. On {runtime}, {effect}. Check the code before forwarding it.',
        replaceCode: 'Send {replacement} instead',
        removeCode: 'Call {method}() with no code',
        guardForwarded: 'Forward the code only when {runtime} accepts it, else send 1000',
      },
    },
    'invalid-code': {
      description: 'Disallow values that are not close codes: below 1000, 1016–2999, 5000 and above, non-integers, strings, and values such as HTTP statuses or error codes.',
      messages: {
        belowRange: '{value} is not a close code: codes start at 1000. On {runtime}, {effect}. Use {alternatives}.',
        httpStatus: '{value} looks like an HTTP status, not a close code (codes start at 1000). On {runtime}, {effect}. Use {alternatives}.',
        unassignedRange: '{value} is not a close code: 1016–2999 are held for future protocol extensions. On {runtime}, {effect}. Use {alternatives}.',
        aboveRange: '{value} is not a close code: codes end at 4999. On {runtime}, {effect}. Use {alternatives}.',
        notInteger: '{value} is not a close code: close codes are integers. On {runtime}, {effect}. Use {alternatives}.',
        notANumber: 'This close code is NaN. On {runtime}, {effect}. Pass an integer code such as {alternatives}.',
        stringCode: 'The close code is a string ({value}), not a number. On {runtime}, {effect}. Pass the number itself.',
        reasonAsCode: 'A reason string is passed where {method}() expects the close code. On {runtime}, {effect}. Pass a code first, then the reason.',
        errorCode: "An error's code is not a close code (it is a string such as 'ECONNRESET' or an errno). On {runtime}, {effect}. Use {alternatives}.",
        httpStatusValue: 'An HTTP status is not a close code (HTTP statuses are below 1000). On {runtime}, {effect}. Use {alternatives}.',
        convertedCode:
          '{value} is not an integer close code, yet {runtime} does not reject it: {method}() quietly sends {sent}. Other runtimes convert it differently or throw. Pass the integer itself, such as {alternatives}.',
        replaceCode: 'Send {replacement} instead',
        insertCode: 'Pass 1000 as the code and keep the string as the reason',
        useNumber: 'Pass the number {replacement}',
      },
    },
    'browser-code-range': {
      description: 'Disallow close codes that browser-style (WHATWG) WebSockets refuse: anything but 1000 and 3000–4999.',
      messages: {
        outsideBrowserRange:
          '{code} ({name}) cannot be sent from {runtime}: {effect}. Use {alternatives}.',
        replaceCode: 'Send {replacement} instead',
      },
    },
    'reason-too-long': {
      description: 'Disallow close reasons longer than 123 UTF-8 bytes, and reasons built from unbounded text without a length limit.',
      messages: {
        tooLong: 'This close reason is {bytes} bytes of UTF-8, over the 123-byte limit of a Close frame. On {runtime}, {effect}. Shorten it; the reason is for logs, not for users.',
        tooLongAtLeast: 'This close reason is at least {bytes} bytes of UTF-8, over the 123-byte limit of a Close frame. On {runtime}, {effect}. Shorten the fixed text.',
        unbounded: 'This close reason is built from {source} with no length limit; once it passes 123 UTF-8 bytes, {effect}. Truncate it or send a fixed reason.',
        truncateReason: 'Shorten the reason to {bytes} bytes',
        limitReason: 'Limit the reason to 41 characters (at most 123 bytes)',
      },
    },
    'reason-without-code': {
      description: 'Require a close code whenever a close reason is given.',
      messages: {
        missingCode: 'A reason is passed without a close code. On {runtime}, {effect}. Pass a code before the reason, e.g. 1000 (Normal Closure).',
        maybeMissingCode: 'The close code may be undefined here while a reason is passed. On {runtime}, {effect}. Give the code a default, e.g. `?? 1000`.',
        insertNormalClosure: 'Pass 1000 (Normal Closure) as the code',
        defaultCode: 'Default the code to 1000',
      },
    },
    'mismatched-code': {
      description: 'Report close codes that contradict why the connection is closed, such as 1000 for a rejected client or a failure.',
      messages: {
        rejectWithNormal:
          '{code} ({name}) says the session ended normally, but this close rejects the client for {situation}. Clients treat it as a clean end and may reconnect at once. Use {alternatives}.',
        failureWithNormal:
          '{code} ({name}) says the session ended normally, but this close runs in {failure}. The peer cannot tell the failure from a clean end. Use {alternatives}.',
        contradictsReason:
          'The reason describes {situation}, but {code} ({name}) means something else. Peers act on the code, not the reason. Use {alternatives}.',
        rejectWithCode:
          'This close rejects the client for {situation}, but {code} ({name}) means something else. Peers act on the code. Use {alternatives}.',
        failureWithCode:
          'This close runs in {failure}, which signals {situation}, but {code} ({name}) means something else. Peers act on the code. Use {alternatives}.',
        functionWithCode:
          'This close runs in `{function}`, which handles {situation}, but {code} ({name}) means something else. Peers act on the code. Use {alternatives}.',
        replaceCode: 'Send {replacement} instead',
      },
    },
    'premature-close': {
      description: 'Report close() calls that can run while the socket is still connecting.',
      messages: {
        createdThenClosed:
          '{receiver} is closed in the same run of code that created it, while it is still CONNECTING. On {runtime}, {effect}. Wait for the open event, or check readyState before closing.',
        closedOnOpen:
          'The open handler closes {receiver} before doing anything else, so the connection is opened only to be torn down. Close it where its work ends, or check why it was opened.',
        connectTimeout:
          '{receiver} is closed by a connect timeout that only runs while it is still CONNECTING (opening cancels the timer). On {runtime}, {effect}. Keep an error listener attached while abandoning the attempt (on ws, terminate() emits the same error), and expect that error and close event.',
      },
    },
    'unregistered-code': {
      description: 'Report 3000–3999 close codes that are not registered with IANA.',
      messages: {
        unregistered:
          '{code} is in the IANA-registered range 3000–3999 but nobody registered it (only 3000 Unauthorized, 3003 Forbidden and 3008 Timeout exist), so peers cannot know what it means. Use {alternatives}, or register it with IANA.',
        replaceCode: 'Send {replacement} instead',
      },
    },
    'reconnect-on-terminal-code': {
      description: 'Report close handlers that reconnect after a close code that means do not retry, such as 1008.',
      messages: {
        reconnectsAfterTerminal: 'This reconnect also runs after {code}, a close that means do not retry, so a refused client reconnects in a loop.',
        guardTerminal: 'Return before reconnecting when the code is {codes}',
      },
    },
  },
};
