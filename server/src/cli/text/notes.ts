// The lines a run writes to stderr besides the report, in the CLI's locale: framed warnings and
// notes, and the parts of them that need more than one template (numbers).
import { renderTemplate } from '../../core/text/render-template';
import type { Locale } from '../../registry/locales/catalog';
import type { CliNotes } from './cli-text';
import { cliText } from './index';

export function notesText(locale: Locale): CliNotes {
  return cliText(locale).notes;
}

/** `place: warning: message`. */
export function warningAt(locale: Locale, place: string, message: string): string {
  return renderTemplate(notesText(locale).warningAt, { place, message });
}

/** `place: note: message`. */
export function noteAt(locale: Locale, place: string, message: string): string {
  return renderTemplate(notesText(locale).noteAt, { place, message });
}

/** Bytes as megabytes with at most one decimal: `1.5 MB`, `2 MB`; `1,5 Mo` in French. */
export function megabytes(locale: Locale, bytes: number): string {
  const text = notesText(locale);
  const value = Number((bytes / (1024 * 1024)).toFixed(1)).toLocaleString(text.numberLocale, { useGrouping: false });
  return renderTemplate(text.megabytes, { value });
}
