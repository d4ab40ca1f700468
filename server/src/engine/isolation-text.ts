// The words of the one message a file left out of its program gets (isolation.ts culpritMessage),
// per locale: the CLI reports it, the language server shows it on the file.
import type { Locale } from '../registry/locales/catalog';

export interface IsolationText {
  /** Locale of numbers (digit grouping). */
  readonly numberLocale: string;
  /** `{levels}`: `levels` or nothing. */
  readonly tooDeep: string;
  /** `{depth}`. */
  readonly levels: string;
  /** `{error}`: TypeScript's own message. */
  readonly fails: string;
}

export const ISOLATION_TEXT: Readonly<Record<Locale, IsolationText>> = {
  en: {
    numberLocale: 'en-US',
    tooDeep: 'Cannot check the file: it is nested too deeply for TypeScript to analyze{levels}; the other files are checked without it.',
    levels: ' ({depth} levels)',
    fails: 'Cannot check the file: TypeScript fails on it ({error}); the other files are checked without it.',
  },
  fr: {
    numberLocale: 'fr-FR',
    tooDeep: 'Impossible de vérifier le fichier : son imbrication est trop profonde pour que TypeScript l’analyse{levels} ; les autres fichiers sont vérifiés sans lui.',
    levels: ' ({depth} niveaux)',
    fails: 'Impossible de vérifier le fichier : TypeScript échoue dessus ({error}) ; les autres fichiers sont vérifiés sans lui.',
  },
};
