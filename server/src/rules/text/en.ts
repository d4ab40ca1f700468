// English rule messages. A message is one plain sentence (no markdown, at most ~100 characters)
// saying what is wrong and what to use; its detail says why: what happens at runtime, the facts.
import type { RulesCatalog } from './rule-text';

export const RULES_TEXT_EN: RulesCatalog = {
  common: {
    or: ' or ',
    codeWithName: '{code} ({name})',
    inferredDetail: 'Receiver inferred from {evidence}; add types to be sure.',
    forwardedDetail: '`{name}` passes it on to `{call}()`.',
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
      timeout: 'a timer callback',
    },
    unboundedSources: {
      'error-text': "an error's message or stack",
      serialized: 'serialized data',
      'client-input': 'text received over the network',
    },
  },
  rules: {
    'reserved-code': {
      description: 'Disallow sending the reserved close codes 1004, 1005, 1006 and 1015, including received codes forwarded unchecked.',
      messages: {
        reserved: '{code} ({name}) is reserved and never sent; use {alternatives}, or no code.',
        reservedWithReason: '{code} ({name}) is reserved and never sent; use {alternatives}.',
        forwarded: 'A received close code is sent back unchecked, and it may be 1005 or 1006; check it first.',
        replaceCode: 'Send {replacement} instead',
        removeCode: 'Call {method}() with no code',
        guardForwarded: 'Forward the code only when {runtime} accepts it, else send 1000',
      },
      details: {
        reserved: 'The code is for local use and must never appear in a Close frame. On {runtime}, {effect}.',
        reservedWithReason: 'The code is for local use and must never appear in a Close frame. On {runtime}, {effect}.',
        forwarded:
          'A received code is 1005 (No Status Received) or 1006 (Abnormal Closure) whenever the peer sent no code or the connection dropped, and those must never be sent. On {runtime}, {effect}.',
      },
    },
    'invalid-code': {
      description: 'Disallow values that are not close codes: below 1000, 1016–2999, 5000 and above, non-integers, strings, and values such as HTTP statuses or error codes.',
      messages: {
        belowRange: '{value} is not a close code (codes start at 1000); use {alternatives}.',
        httpStatus: '{value} looks like an HTTP status, not a close code; use {alternatives}.',
        unassignedRange: '{value} is not a close code (1016–2999 are unassigned); use {alternatives}.',
        aboveRange: '{value} is not a close code (codes end at 4999); use {alternatives}.',
        notInteger: '{value} is not a close code (codes are integers); use {alternatives}.',
        notANumber: 'The close code is NaN; pass an integer code such as {alternatives}.',
        stringCode: 'The close code is the string {value}; pass the number itself.',
        reasonAsCode: 'A reason string is passed as the close code; pass a code first, then the reason.',
        errorCode: "An error's code is not a close code; use {alternatives}.",
        errorObject: 'An error object is passed as the close code; use {alternatives}, then a short reason.',
        httpStatusValue: 'An HTTP status is not a close code; use {alternatives}.',
        convertedCode: '{value} is not an integer close code and goes out as {sent}; use {alternatives}.',
        replaceCode: 'Send {replacement} instead',
        insertCode: 'Pass 1000 as the code and keep the string as the reason',
        useNumber: 'Pass the number {replacement}',
      },
      details: {
        belowRange: 'On {runtime}, {effect}.',
        httpStatus: 'Close codes start at 1000. On {runtime}, {effect}.',
        unassignedRange: '1016–2999 are held for future protocol extensions. On {runtime}, {effect}.',
        aboveRange: 'On {runtime}, {effect}.',
        notInteger: 'On {runtime}, {effect}.',
        notANumber: 'On {runtime}, {effect}.',
        stringCode: 'On {runtime}, {effect}.',
        reasonAsCode: '{method}() takes the code first, then the reason. On {runtime}, {effect}.',
        errorCode: "An error's code is a string such as 'ECONNRESET' or an errno. On {runtime}, {effect}.",
        errorObject: '{method}() takes a numeric code first; an Error is not one. On {runtime}, {effect}.',
        httpStatusValue: 'HTTP statuses are below 1000, close codes start at 1000. On {runtime}, {effect}.',
        convertedCode: '{runtime} does not reject it: {method}() quietly sends {sent}. Other runtimes convert it differently or throw.',
      },
    },
    'browser-code-range': {
      description: 'Disallow close codes that browser-style (WHATWG) WebSockets refuse: anything but 1000 and 3000–4999.',
      messages: {
        outsideBrowserRange: '{code} ({name}) is refused by browser-style WebSockets; use {alternatives}.',
        replaceCode: 'Send {replacement} instead',
      },
      details: {
        outsideBrowserRange: 'Browser-style WebSockets send only 1000 and 3000–4999. On {runtime}, {effect}.',
      },
    },
    'reason-too-long': {
      description: 'Disallow close reasons longer than 123 UTF-8 bytes, and reasons built from unbounded text without a length limit.',
      messages: {
        tooLong: 'This close reason is {bytes} UTF-8 bytes, over the 123-byte limit; shorten it.',
        tooLongAtLeast: 'This close reason is at least {bytes} UTF-8 bytes, over the 123-byte limit; shorten it.',
        unbounded: 'This close reason holds {source} with no length limit; truncate it.',
        truncateReason: 'Shorten the reason to {bytes} bytes',
        limitReason: 'Limit the reason to 41 characters (at most 123 bytes)',
      },
      details: {
        tooLong: 'A Close frame carries at most 123 bytes of reason. On {runtime}, {effect}. The reason is for logs, not for users.',
        tooLongAtLeast: 'Even the fixed parts of the text pass the 123-byte limit of a Close frame. On {runtime}, {effect}.',
        unbounded: 'Once the reason passes 123 UTF-8 bytes, {effect}. Truncate it or send a fixed reason.',
      },
    },
    'reason-without-code': {
      description: 'Require a close code whenever a close reason is given.',
      messages: {
        missingCode: 'A close reason is passed without a code; pass a code first, such as 1000.',
        maybeMissingCode: 'The close code may be undefined while a reason is passed; default it to 1000.',
        insertNormalClosure: 'Pass 1000 (Normal Closure) as the code',
        defaultCode: 'Default the code to 1000',
      },
      details: {
        missingCode: 'On {runtime}, {effect}.',
        maybeMissingCode: 'On {runtime}, {effect}. Give the code a default, e.g. `?? 1000`.',
      },
    },
    'mismatched-code': {
      description: 'Report close codes that contradict why the connection is closed, such as 1000 for a rejected client or a failure.',
      messages: {
        rejectWithNormal: '{code} means a normal end, not {situation}; use {alternatives}.',
        failureWithNormal: '{code} means a normal end, yet this runs in {failure}; use {alternatives}.',
        contradictsReason: 'The reason says {situation}, but the code is {code} ({name}); use {alternatives}.',
        rejectWithCode: '{code} ({name}) does not fit {situation}; use {alternatives}.',
        failureWithCode: '{code} ({name}) does not fit {situation} in {failure}; use {alternatives}.',
        functionWithCode: '{code} ({name}) does not fit {situation} in {function}; use {alternatives}.',
        replaceCode: 'Send {replacement} instead',
      },
      details: {
        rejectWithNormal: 'This close rejects the client for {situation}. Clients treat {code} as a clean end and may reconnect at once.',
        failureWithNormal: 'The peer cannot tell the failure from a clean end.',
        contradictsReason: 'Peers act on the code, not the reason.',
        rejectWithCode: 'This close rejects the client for {situation}. Peers act on the code, not the reason.',
        failureWithCode: 'A close in {failure} signals {situation}. Peers act on the code.',
        functionWithCode: 'This close runs in `{function}`, which handles {situation}. Peers act on the code.',
      },
    },
    'premature-close': {
      description: 'Report close() calls that can run while the socket is still connecting.',
      messages: {
        createdThenClosed: 'This socket is closed while still CONNECTING; wait for open or check readyState.',
        connectTimeout: 'A connect timeout abandons this socket; keep an error listener attached.',
      },
      details: {
        createdThenClosed: '`{receiver}` is closed in the same run of code that created it. On {runtime}, {effect}.',
        connectTimeout:
          'The timeout only runs while `{receiver}` is still CONNECTING (opening cancels the timer). On {runtime}, {effect}. On ws, terminate() emits the same error; expect that error and the close event.',
      },
    },
    'unregistered-code': {
      description: 'Report 3000–3999 close codes that are not registered with IANA.',
      messages: {
        unregistered: '{code} is in the IANA range 3000–3999 but unregistered; use {alternatives}.',
        replaceCode: 'Send {replacement} instead',
      },
      details: {
        unregistered: 'Only 3000 (Unauthorized), 3003 (Forbidden) and 3008 (Timeout) are registered, so peers cannot know what {code} means. Use another code, or register it with IANA.',
      },
    },
    'reconnect-on-terminal-code': {
      description: 'Report close handlers that reconnect after a close code that means do not retry, such as 1008.',
      messages: {
        reconnectsAfterTerminal: 'This handler reconnects even after {code}, which means do not retry; return before reconnecting.',
        guardTerminal: 'Return before reconnecting when the code is {codes}',
        connectionStartsHere: 'The new connection starts here.',
        timerCallbackReconnects: '{timer} runs this callback, which opens a new connection.',
        stateEffectReconnects: 'This effect depends on the state {setter} sets, so it runs again and opens a new connection.',
        dispatchedActionReconnects: 'Dispatching {action} runs this code, which opens a new connection.',
      },
      details: {
        reconnectsAfterTerminal:
          'A server that closes with {code} has refused this client, so reconnecting only repeats the refusal, in a loop. Check the code before reconnecting: stop on codes that mean do not retry (1008, or a code the config or an app profile marks "reconnect": "no") and retry the others with a backoff.',
      },
    },
  },
};
