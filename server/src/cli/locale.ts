// The CLI's locale: --locale, else the environment as command-line tools read it (LC_ALL, then
// LC_MESSAGES, then LANG; the first one set wins, as POSIX orders them). Any French tag is `fr`.
import { LOCALES, type Locale } from '../registry/locales/catalog';
import { renderTemplate } from '../core/text/render-template';
import { CliError } from './cli-error';
import { cliText } from './text';
import { listOr } from './text/cli-text';

export { localeFromEnvironment } from '../registry/locales/catalog';

/** The value of --locale: one of the catalog locales. Its own problem is worded in `messageLocale`. */
export function parseLocale(value: string, messageLocale: Locale = 'en'): Locale {
  const locale = LOCALES.find((candidate) => candidate === value.trim().toLowerCase());
  if (locale === undefined) {
    const text = cliText(messageLocale).args;
    throw new CliError(renderTemplate(text.invalidLocale, { value, locales: listOr(text, LOCALES) }));
  }
  return locale;
}

/**
 * The --locale of a command line (`--locale fr`, `--locale=fr`, the last one given), read before
 * the arguments are parsed so that their problems are worded in it; `fallback` (the environment's)
 * without one. Arguments after `--` are file names.
 */
export function localeOfArguments(argv: readonly string[], fallback: Locale): Locale {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--locale' && i + 1 < argv.length) value = argv[++i];
    else if (arg.startsWith('--locale=')) value = arg.slice('--locale='.length);
  }
  return value === undefined ? fallback : parseLocale(value, fallback);
}
