// A Workers project that types the platform's WebSocketPair itself, in a `declare global` block over
// the DOM lib's WebSocket (old workers-types had no pair). In a file of its own: the global
// declaration would change what every other snippet of a shared program sees.
import { lines, ruleTester } from '../harness/rule-tester';

ruleTester('browser-code-range', {
  valid: [
    {
      name: "a Workers pair the project types itself (`declare global { class WebSocketPair … }` over the DOM lib's WebSocket): not a browser socket",
      env: 'dom',
      code: lines(
        'declare global { class WebSocketPair { 0: WebSocket; 1: WebSocket; } }',
        'export function fail(): WebSocket {',
        '  const pair = new WebSocketPair();',
        "  pair[1].close(1011, 'Uncaught exception during session setup');",
        '  return pair[0];',
        '}',
      ),
    },
  ],
  invalid: [],
});
