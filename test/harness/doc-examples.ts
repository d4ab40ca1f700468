// Extracts the executable examples of a rule docs page: fenced blocks whose info string is
// `ts invalid`, `ts valid`, `js invalid`… with optional `env=dom|node|js` and `options={…}`.
import type { SnippetEnv } from './snippet-project';

export interface DocExample {
  readonly kind: 'valid' | 'invalid';
  readonly language: 'ts' | 'js' | 'tsx' | 'jsx';
  readonly env: SnippetEnv;
  readonly options?: Record<string, unknown>;
  readonly code: string;
  /** 1-based line of the opening fence in the markdown file. */
  readonly line: number;
}

const FENCE = /^```(\S+)(.*)$/;

export function extractExamples(markdown: string): DocExample[] {
  const lines = markdown.split('\n');
  const examples: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = FENCE.exec(lines[i]!);
    if (!match) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
    const language = match[1]!;
    const attributes = match[2]!.trim();
    const kind = /(^|\s)(valid|invalid)(\s|$)/.exec(attributes)?.[2] as 'valid' | 'invalid' | undefined;
    if (!kind || !['ts', 'js', 'tsx', 'jsx'].includes(language)) continue;
    const env = (/env=(\w+)/.exec(attributes)?.[1] ?? (language.startsWith('js') ? 'js' : 'node')) as SnippetEnv;
    const optionsText = /options=(\{.*\})/.exec(attributes)?.[1];
    examples.push({ kind, language: language as DocExample['language'], env, code: body.join('\n') + '\n', line: start + 1, ...(optionsText ? { options: JSON.parse(optionsText) } : {}) });
  }
  return examples;
}

/** `## Heading` titles in order. */
export function headings(markdown: string): string[] {
  return markdown.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3).trim());
}
