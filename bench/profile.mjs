// Where a CPU profile's time goes (`node --cpu-prof`): self time by function and by script, and
// inclusive time of a few TypeScript phases (each counted once when it recurses).
//   node bench/profile.mjs <file.cpuprofile> [--top 15]  → prints the summary as Markdown
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** TypeScript's phases, by the function that starts each (inclusive time). */
const PHASES = [
  ['createProgram', 'program (inclusive: resolve, read, parse)'],
  ['createSourceFile', 'parse (createSourceFile)'],
  ['bindSourceFile', 'bind'],
  ['initializeTypeChecker', 'checker start (binds every file, merges globals)'],
  ['resolveModuleNamesWorker', 'module resolution'],
  ['checkSourceFile', 'full check of a file (checkSourceFile)'],
  ['getTypeAtLocation', 'checker queries (getTypeAtLocation)'],
  ['getSymbolAtLocation', 'checker queries (getSymbolAtLocation)'],
  ['parseJSDocCommentWorker', 'JSDoc parsing'],
];

export function summarizeProfile(file, top = 15) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, { ...n, selfUs: 0 }]));
  for (let i = 0; i < profile.samples.length; i++) nodes.get(profile.samples[i]).selfUs += profile.timeDeltas[i] ?? 0;
  const totalUs = [...nodes.values()].reduce((sum, n) => sum + n.selfUs, 0);
  const script = (n) => (n.callFrame.url ? path.basename(n.callFrame.url) : '(native)');
  const label = (n) => `${n.callFrame.functionName || '(anonymous)'} (${script(n)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''})`;
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
  const byFunction = new Map();
  const byScript = new Map();
  for (const n of nodes.values()) {
    add(byFunction, label(n), n.selfUs);
    add(byScript, /^\((garbage collector|program|idle)\)$/.test(n.callFrame.functionName) ? n.callFrame.functionName : script(n), n.selfUs);
  }
  // Inclusive time of each phase function, counting only its outermost frames.
  const inclusive = new Map();
  const root = profile.nodes[0].id;
  const walk = (id, open) => {
    const n = nodes.get(id);
    const name = n.callFrame.functionName;
    const phase = PHASES.find(([fn]) => fn === name);
    const outermost = phase && !open.has(name);
    if (outermost) open.add(name);
    let us = n.selfUs;
    for (const child of n.children ?? []) us += walk(child, open);
    if (outermost) {
      add(inclusive, name, us);
      open.delete(name);
    }
    return us;
  };
  walk(root, new Set());
  const ms = (us) => (us / 1000).toFixed(0);
  const pct = (us) => `${((100 * us) / totalUs).toFixed(1)} %`;
  const sorted = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]);
  return {
    totalMs: totalUs / 1000,
    topFunctions: sorted(byFunction).slice(0, top).map(([name, us]) => ({ name, ms: us / 1000 })),
    markdown: [
      `Sampled ${ms(totalUs)} ms. Self time by script: ${sorted(byScript).slice(0, 6).map(([name, us]) => `${name} ${ms(us)} ms (${pct(us)})`).join(', ')}.`,
      '',
      `Phases (inclusive): ${PHASES.filter(([fn]) => inclusive.get(fn)).map(([fn, what]) => `${what} ${ms(inclusive.get(fn))} ms (${pct(inclusive.get(fn))})`).join('; ')}.`,
      '',
      '| self ms | share | function |',
      '|---:|---:|---|',
      ...sorted(byFunction).slice(0, top).map(([name, us]) => `| ${ms(us)} | ${pct(us)} | \`\` ${name.replaceAll('|', '\\|')} \`\` |`), // a RegExp's | or ` would end the cell or the code
    ].join('\n'),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--top');
  console.log(summarizeProfile(process.argv[2], at > 0 ? Number(process.argv[at + 1]) : 15).markdown);
}
