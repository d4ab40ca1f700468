// ESLint's "json" formatter: the result array as compact JSON. Pure: results in, text out.
import type { LintResult } from '../results';
import type { FormatterContext } from './index';

export function formatJson(results: readonly LintResult[], _context: FormatterContext): string {
  return JSON.stringify(results);
}
