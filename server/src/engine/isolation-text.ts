// The words of the one message a file that cannot be checked gets, per locale: one left out of its
// program (isolation.ts culpritMessage; the CLI reports it, the language server shows it on the
// file), and one the engine's linter could not read or check (linter.ts).
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
  /** A file of the run that cannot be read any more. */
  readonly cannotRead: string;
  /** Checking the file overflowed the stack (no single file of its program failed alone). */
  readonly stackOverflow: string;
  /** `{message}`: the error thrown while checking the file. */
  readonly internalError: string;
}

export const ISOLATION_TEXT: Readonly<Record<Locale, IsolationText>> = {
  en: {
    numberLocale: 'en-US',
    tooDeep: 'Cannot check the file: it is nested too deeply for TypeScript to analyze{levels}; the other files are checked without it.',
    levels: ' ({depth} levels)',
    fails: 'Cannot check the file: TypeScript fails on it ({error}); the other files are checked without it.',
    cannotRead: 'Cannot read the file.',
    stackOverflow: 'Cannot check the file: it is nested too deeply for TypeScript to analyze (Maximum call stack size exceeded).',
    internalError: 'Cannot check the file: internal error: {message}',
  },
  fr: {
    numberLocale: 'fr-FR',
    tooDeep: 'Impossible de vérifier le fichier : son imbrication est trop profonde pour que TypeScript l’analyse{levels} ; les autres fichiers sont vérifiés sans lui.',
    levels: ' ({depth} niveaux)',
    fails: 'Impossible de vérifier le fichier : TypeScript échoue dessus ({error}) ; les autres fichiers sont vérifiés sans lui.',
    cannotRead: 'Impossible de lire le fichier.',
    stackOverflow: 'Impossible de vérifier le fichier : son imbrication est trop profonde pour que TypeScript l’analyse (dépassement de la pile d’appels).',
    internalError: 'Impossible de vérifier le fichier : erreur interne : {message}',
  },
};
