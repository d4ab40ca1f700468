// The CLI's locale: --locale, else the environment as command-line tools read it (LC_ALL, then
// LC_MESSAGES, then LANG; the first one set wins, as POSIX orders them). Any French tag is `fr`.
import { LOCALES, type Locale } from '../registry/locales/catalog';
import { CliError } from './cli-error';

export { localeFromEnvironment } from '../registry/locales/catalog';

/** The value of --locale: one of the catalog locales. */
export function parseLocale(value: string): Locale {
  const locale = LOCALES.find((candidate) => candidate === value.trim().toLowerCase());
  if (locale === undefined) throw new CliError(`Invalid --locale "${value}": use ${LOCALES.join(' or ')}.`);
  return locale;
}
