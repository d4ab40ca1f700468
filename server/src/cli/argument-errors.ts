// Node's parseArgs problems (a missing value, a value given to a flag, an unknown option) in the
// CLI's locale, each followed by the help to read. Node words them in English; those that name an
// option are reworded from the catalog (in English, as Node words them), anything else keeps Node's text.
import { renderTemplate } from '../core/text/render-template';
import type { Locale } from '../registry/locales/catalog';
import { cliText } from './text';

/** `help`: the command whose --help to read, e.g. `wsclose explain --help`. */
export function argumentErrorMessage(error: unknown, locale: Locale, help: string): string {
  const text = cliText(locale).args;
  const message = error instanceof Error ? error.message : String(error);
  const needsValue = /^Option '([^']+)' argument missing\.?$/.exec(message);
  const takesNoValue = /^Option '([^']+)' does not take an argument\.?$/.exec(message);
  const unknown = /^Unknown option '([^']+)'\. To specify a positional argument/.exec(message);
  const reworded = needsValue
    ? renderTemplate(text.optionNeedsValue, { option: needsValue[1]! })
    : takesNoValue
      ? renderTemplate(text.optionTakesNoValue, { option: takesNoValue[1]! })
      : unknown
        ? renderTemplate(text.unknownOptionPositional, { option: unknown[1]! })
        : message.replace(/\.?$/, '.');
  return renderTemplate(text.seeHelp, { message: reworded, help });
}

/** The option an ERR_PARSE_ARGS_UNKNOWN_OPTION error names, or undefined for any other error. */
export function unknownOptionOf(error: unknown): string | undefined {
  if ((error as { code?: unknown }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return undefined;
  const message = error instanceof Error ? error.message : String(error);
  return /'([^']+)'/.exec(message)?.[1] ?? message;
}
