// `wsclose codes [paths…] [--format text|json|markdown]`: the map of the close codes a project
// sends and handles (engine/code-map.ts), read from the same programs a lint run builds, with the
// two lists users act on — codes sent but handled nowhere, codes handled but never sent here.
// Text and markdown are in the CLI's locale; json keeps its keys.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCodeMap, codeUsesInFile, type CodeMapEntry, type CodePlace, type FileCodeUses } from '../engine/code-map';
import { createCodeNaming } from '../rules/code-naming';
import { CliError } from './cli-error';
import { runLint } from './run';
import type { Locale } from '../registry/locales/catalog';
import { renderTemplate } from '../core/text/render-template';
import { argumentErrorMessage } from './argument-errors';
import { parseLocale } from './locale';
import { cliText } from './text';
import type { CodeMapText } from './text/cli-text';

export const CODE_MAP_FORMATS = ['text', 'json', 'markdown'] as const;
export type CodeMapFormat = (typeof CODE_MAP_FORMATS)[number];

export interface CodesOptions {
  readonly patterns: readonly string[];
  readonly config: string | undefined;
  readonly project: string | undefined;
  readonly ignore: boolean;
  readonly format: CodeMapFormat;
  /** --locale; undefined: from the environment. */
  readonly locale: Locale | undefined;
}

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  project: { type: 'string', short: 'p' },
  'no-ignore': { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Arguments after `codes`; 'help' for --help. Problems are worded in `locale` (the command line's). */
export function parseCodesArgs(argv: readonly string[], locale: Locale = 'en'): CodesOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(argumentErrorMessage(error, locale, 'wsclose codes --help'));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const format = values.format ?? 'text';
  if (!(CODE_MAP_FORMATS as readonly string[]).includes(format)) throw new CliError(renderTemplate(cliText(locale).args.codesInvalidFormat, { format }));
  return {
    patterns: positionals.length > 0 ? positionals : ['.'],
    config: values.config,
    project: values.project,
    ignore: !values['no-ignore'],
    format: format as CodeMapFormat,
    locale: values.locale === undefined ? undefined : parseLocale(values.locale, locale),
  };
}

interface NamedEntry extends CodeMapEntry {
  readonly name: string;
}

/** Runs the programs of a lint run over the files and prints the map; warnings go to `warn`, in `locale`. */
export function runCodes(options: CodesOptions, cwd: string, warn: (line: string) => void, locale: Locale = 'en'): string {
  const uses = new Map<string, FileCodeUses>();
  const names = new Map<number, string>();
  const run = runLint(
    { cwd, patterns: options.patterns, config: options.config, project: options.project, ignore: options.ignore, locale },
    {
      onFileAnalyzed: (program, sourceFile, file) => {
        const found = codeUsesInFile(program, sourceFile, file.runtimeOverride ? { runtimeOverride: file.runtimeOverride } : {});
        uses.set(sourceFile.fileName, found);
        const naming = createCodeNaming(file.config.codes, file.appProfiles);
        for (const { code } of [...found.sent, ...found.handled]) if (!names.has(code)) names.set(code, naming.nameOf(code));
      },
    },
  );
  for (const line of run.warnings) warn(line);
  const entries = buildCodeMap([...uses.values()]).map((entry) => ({ ...entry, name: names.get(entry.code)! }));
  return FORMAT[options.format](entries, (place) => path.relative(cwd, place.fileName).split(path.sep).join('/'), cliText(locale).codes);
}

/** The file of a place as printed: relative to the current folder, with forward slashes. */
type FileOf = (place: CodePlace) => string;

const sentNotHandled = (entries: readonly NamedEntry[]) => entries.filter((e) => e.sent.length > 0 && e.handled.length === 0);
const handledNotSent = (entries: readonly NamedEntry[]) => entries.filter((e) => e.handled.length > 0 && e.sent.length === 0);

const FORMAT: Readonly<Record<CodeMapFormat, (entries: readonly NamedEntry[], fileOf: FileOf, text: CodeMapText) => string>> = {
  text(entries, fileOf, text) {
    const where = (p: CodePlace) => `${fileOf(p)}:${p.line}:${p.column}`;
    if (entries.length === 0) return `${text.nothing}\n`;
    const lines: string[] = [];
    for (const entry of entries) {
      lines.push(`${entry.code} ${entry.name}`);
      for (const place of entry.sent) lines.push(renderTemplate(text.sentAt, { place: where(place), runtime: place.runtime }));
      for (const place of entry.handled) lines.push(renderTemplate(text.handledAt, { place: where(place) }));
    }
    const list = (items: readonly NamedEntry[]) => (items.length === 0 ? text.none : items.map((e) => `${e.code} (${e.name})`).join(', '));
    lines.push('', renderTemplate(text.sentNotHandled, { codes: list(sentNotHandled(entries)) }), renderTemplate(text.handledNotSent, { codes: list(handledNotSent(entries)) }));
    return `${lines.join('\n')}\n`;
  },
  json(entries, fileOf) {
    const place = (p: CodePlace) => ({ file: fileOf(p), line: p.line, column: p.column });
    const codes = entries.map((e) => ({ code: e.code, name: e.name, sent: e.sent.map((p) => ({ ...place(p), runtime: p.runtime })), handled: e.handled.map(place) }));
    return `${JSON.stringify({ codes, sentNotHandled: sentNotHandled(entries).map((e) => e.code), handledNotSent: handledNotSent(entries).map((e) => e.code) }, null, 2)}\n`;
  },
  markdown(entries, fileOf, text) {
    const where = (p: CodePlace) => `${fileOf(p)}:${p.line}:${p.column}`;
    const cell = (places: readonly string[]) => (places.length === 0 ? '—' : places.map((p) => `\`${p}\``).join('<br>'));
    const rows = entries.map((e) => `| ${e.code} | ${e.name} | ${cell(e.sent.map((p) => `${where(p)} (${p.runtime})`))} | ${cell(e.handled.map(where))} |`);
    const list = (items: readonly NamedEntry[]) => (items.length === 0 ? `- ${text.none}` : items.map((e) => `- ${e.code} ${e.name}`).join('\n'));
    return [
      text.tableHeader,
      '|---|---|---|---|',
      ...rows,
      '',
      text.sentNotHandledHeading,
      '',
      list(sentNotHandled(entries)),
      '',
      text.handledNotSentHeading,
      '',
      list(handledNotSent(entries)),
      '',
    ].join('\n');
  },
};
