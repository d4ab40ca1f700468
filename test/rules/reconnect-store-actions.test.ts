// reconnect-on-terminal-code through stores: a close handler dispatches an action and the code
// that handles it opens the socket again — a Vuex action by name, a Pinia action calling another,
// a Redux middleware's `case` for the type an action creator (or Redux Toolkit's `createAction`)
// gives. Look-alikes: a dispatch whose handler opens nothing, a code check before the dispatch, a
// `case` that does not test an action's type.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintSnippets, onlyRuleConfig } from '../harness/snippet-project';
import { lines, ruleTester } from '../harness/rule-tester';

/** A Vuex store whose `connect` action opens the socket; `onClose` is the close handler's body. */
const vuexStore = (onClose: string, extraActions: string[] = []): string =>
  lines(
    'export const store = {',
    '  state: { ws: null },',
    '  actions: {',
    '    connect({ state, commit, dispatch }) {',
    "      const ws = new WebSocket('wss://feed.example/ws');",
    `      ws.onclose = (event) => { ${onClose} };`,
    '      state.ws = ws;',
    '    },',
    '    notify({ commit }) { commit("setConnected", false); },',
    ...extraActions.map((action) => `    ${action}`),
    '  },',
    '};',
  );

/** A Redux middleware whose `case` for WS_CONNECT opens the socket; `onClose` is the close handler's body. */
const reduxMiddleware = (onClose: string, creator = 'export const wsConnect = (url) => ({ type: WS_CONNECT, url });'): string =>
  lines(
    "export const WS_CONNECT = 'ws/connect';",
    creator,
    'let socket = null;',
    'export const socketMiddleware = (store) => (next) => (action) => {',
    '  switch (action.type) {',
    '    case WS_CONNECT:',
    '      socket = new WebSocket(action.url);',
    `      socket.onclose = (event) => { ${onClose} };`,
    '      break;',
    '    default:',
    '      return next(action);',
    '  }',
    '};',
  );

ruleTester('reconnect-on-terminal-code', {
  valid: [
    {
      name: 'Vuex: the close handler dispatches an action that opens nothing',
      env: 'js',
      code: vuexStore("dispatch('notify');"),
    },
    {
      name: 'Vuex: the close handler returns on 1008 before dispatching connect',
      env: 'js',
      code: vuexStore("if (event.code === 1008) return; setTimeout(() => dispatch('connect'), 1000);"),
    },
    {
      name: 'Redux: the dispatched type has no case that opens a socket',
      env: 'js',
      code: reduxMiddleware("store.dispatch({ type: 'ws/closed' });"),
    },
    {
      name: 'a switch on something other than an action type is not a reducer case',
      env: 'js',
      code: lines(
        "export const START = 'start';",
        'export function open(kind) {',
        '  switch (kind) {',
        '    case START: {',
        "      const ws = new WebSocket('wss://a.example');",
        "      ws.onclose = () => dispatch({ type: 'start' });",
        '      break;',
        '    }',
        '  }',
        '}',
      ),
    },
  ],
  invalid: [
    {
      name: 'Vuex: the close handler dispatches the action that opens the socket',
      env: 'js',
      code: vuexStore("setTimeout(() => dispatch('connect'), 3000);"),
      errors: [{ messageId: 'reconnectsAfterTerminal', line: 6, column: 50 }],
    },
    {
      name: 'Vuex: a namespaced dispatch through the store (this.$store.dispatch("ws/connect"))',
      env: 'js',
      code: vuexStore("this.$store.dispatch('ws/connect');"),
      errors: [{ messageId: 'reconnectsAfterTerminal', line: 6, column: 33 }],
    },
    {
      name: 'Pinia: one action calls the action that opens the socket',
      env: 'js',
      code: lines(
        "import { defineStore } from 'pinia';",
        "export const useFeed = defineStore('feed', {",
        '  actions: {',
        '    connect() {',
        "      this.ws = new WebSocket('wss://feed.example/ws');",
        '      this.ws.onclose = () => this.retry();',
        '    },',
        '    retry() { setTimeout(() => this.connect(), 1000); },',
        '  },',
        '});',
      ),
      errors: [{ messageId: 'reconnectsAfterTerminal', line: 6, column: 31 }],
    },
    {
      name: "Redux: the close handler dispatches an action creator's type, whose middleware case opens the socket",
      env: 'js',
      code: reduxMiddleware('setTimeout(() => store.dispatch(wsConnect(action.url)), 1000);'),
      errors: [{ messageId: 'reconnectsAfterTerminal', line: 8, column: 54 }],
    },
    {
      name: 'Redux: an action object written in place',
      env: 'js',
      code: reduxMiddleware('store.dispatch({ type: WS_CONNECT, url: action.url });'),
      errors: [{ messageId: 'reconnectsAfterTerminal', line: 8, column: 37 }],
    },
    {
      name: "Redux Toolkit: createAction('ws/connect') dispatched from the close handler",
      env: 'js',
      code: reduxMiddleware('store.dispatch(wsConnect(action.url));', "const wsConnect = createAction('ws/connect');"),
      errors: [{ messageId: 'reconnectsAfterTerminal', line: 8, column: 37 }],
    },
  ],
});

describe('reconnect-on-terminal-code: a dispatch names the action code that reconnects', () => {
  it('points at the action that opens the connection', () => {
    const [linted] = lintSnippets([{ code: vuexStore("dispatch('connect');"), env: 'js', extension: '.js', config: onlyRuleConfig('reconnect-on-terminal-code') }]);
    assert.deepEqual(
      linted!.findings.map((f) => (f.related ?? []).map((r) => `${r.line}: ${r.message}`)),
      [['5: The socket comes from `new WebSocket(…)` here.', '4: Dispatching connect runs this code, which opens a new connection.']],
    );
  });
});
