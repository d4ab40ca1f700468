// Glob patterns of wsclose.config.json ("ignore", "runtimes"): why one cannot be used, in the
// config catalog's words. Also the catalog renderer the config validation shares.
import picomatch from 'picomatch';
import { renderTemplate } from '../core/text/render-template';
import type { ConfigMessageId, ConfigText } from './config-text/config-text';
import { CONFIG_TEXT_EN } from './config-text/en';

export type MessageData = Readonly<Record<string, string | number>>;

/** A message of the catalog, rendered. */
export function configMessage(text: ConfigText, id: ConfigMessageId, data: MessageData = {}): string {
  return renderTemplate(text.messages[id], data);
}

/** Why `pattern` cannot be used as a glob, or undefined when it can. */
export function globProblem(pattern: string, text: ConfigText = CONFIG_TEXT_EN): string | undefined {
  if (pattern.trim() === '') return configMessage(text, 'emptyGlob');
  if (/^[/\\]/.test(pattern) || /^[A-Za-z]:/.test(pattern)) return configMessage(text, 'absoluteGlob', { pattern });
  if (pattern.split(/[/\\]/).includes('..')) return configMessage(text, 'parentGlob', { pattern });
  const unclosed = unclosedBracket(pattern);
  if (unclosed) return configMessage(text, 'unclosedGlob', { pattern, bracket: unclosed });
  try {
    // debug: true makes picomatch throw instead of silently compiling to a match-nothing regex.
    picomatch(pattern, { dot: true, debug: true });
  } catch (error) {
    const detail = String(error instanceof Error ? error.message : error).split(': ').pop()!.toLowerCase();
    return configMessage(text, 'invalidGlob', { pattern, detail });
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
