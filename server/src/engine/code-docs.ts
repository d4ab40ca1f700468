// Markdown documentation for close codes and runtime profiles: pure data in, markdown out. The
// language server's hovers and completions use it, and so can the VS Code close-code reference
// view later (no LSP or editor types here). Every label comes from a `CodeDocsText` catalog the
// caller passes in (the language server's is lsp/features/text/<locale>.ts); facts and prose about
// codes and runtimes come from the registry catalog.
import { describeEvidence } from './evidence-text';
import type { Evidence } from '../registry/types';
import type { ConfiguredCode } from '../core/config';
import { renderTemplate } from '../core/text/render-template';
import { APP_PROFILES } from '../registry/apps';
import { CLOSE_CODES, codeKey, lookupCode, registeredName } from '../registry/close-codes';
import type { RegistryCatalog } from '../registry/locales/catalog';
import { RUNTIME_PROFILES, acceptsCode, formatRuntimeError } from '../registry/runtimes';
import type { AppProfileId, CloseCodeEntry, Reference, RuntimeId } from '../registry/types';

/** Labels and sentence templates of the rendered documentation (one catalog per locale). */
export interface CodeDocsText {
  /** `{code}` and `{name}`: the heading of a code's docs. */
  readonly codeHeading: string;
  readonly whenYouSeeIt: string;
  readonly howToFix: string;
  readonly reconnect: string;
  /** `{runtime}`: the runtime's display name. The code is accepted. */
  readonly acceptedBy: string;
  /** `{runtime}`, `{effect}`: the code is not accepted; `effect` is the runtime's invalid-code clause. */
  readonly notAcceptedBy: string;
  /** `{runtime}`: not accepted, under a finding whose detail already says what happens. */
  readonly notAcceptedHere: string;
  /** Stands for the effect before the verbatim exception text ("it throws `TypeError: …`"). */
  readonly throws: string;
  /** `{source}`: app profile display name. Second line of an app-profile code's docs. */
  readonly appCodeSource: string;
  /** Second line of a code configured in wsclose.config.json. */
  readonly configCodeSource: string;
  /** `{date}`: IANA registration date of a 3000–3999 code. */
  readonly registeredOn: string;
  /** The one line over `close`: `{method}`, `{runtime}`, `{summary}` (the first sentence of the runtime's summary). */
  readonly runtimeLine: string;
  /** The same for a receiver inferred from `{evidence}`. */
  readonly runtimeLineInferred: string;
  /** Joins code spans and lists: ", ". */
  readonly listSeparator: string;
  /** Separator between links. */
  readonly linkSeparator: string;
  /** Registry table header cells. */
  readonly table: {
    readonly code: string;
    readonly name: string;
    readonly rangeClass: string;
    readonly meaning: string;
    readonly acceptedBy: string;
    /** Cell text when no runtime accepts the code. */
    readonly none: string;
  };
}

/** Everything the renderers read text from. */
export interface DocsText {
  readonly labels: CodeDocsText;
  readonly registry: RegistryCatalog;
}

/** Where codes get their names: the project's configured codes, then active app profiles, then the registry. */
export interface CodeSources {
  readonly configured: readonly ConfiguredCode[];
  readonly appProfiles: readonly AppProfileId[];
}

export interface CodeDocsOptions {
  /** Runtimes of the socket the code is sent on; empty when the code is received or not tied to a socket. */
  readonly runtimes: readonly RuntimeId[];
  readonly naming: CodeSources;
  readonly text: DocsText;
  /**
   * A finding on this code: its detail and fixes replace the registry's generic advice (which
   * would say, say, that 1000 needs no fix), and acceptance lines leave the effect to the detail.
   */
  readonly finding?: CodeFinding;
}

/** What a hover shows of a finding: why (markdown) and the titles of its fixes and suggestions. */
export interface CodeFinding {
  readonly detail: string | undefined;
  readonly fixes: readonly string[];
}

const PARAGRAPH = '\n\n';
/** Markdown hard line break: two spaces before the newline. */
const LINE = '  \n';

/** The name a code goes by: a configured name, an active app profile's name, or the registry's (a range's class for an unnamed code). */
export function codeDisplayName(code: number, naming: CodeSources): string {
  return codeOwnName(code, naming) ?? lookupCode(code).name;
}

/** A name of this very code (configured, app profile or registry), never its range's class: `4001` has none unless declared. */
export function codeOwnName(code: number, naming: CodeSources): string | undefined {
  const configured = naming.configured.find((c) => c.code === code);
  if (configured) return configured.name;
  return appCodeOf(code, naming)?.code.name ?? registeredName(code);
}

function appCodeOf(code: number, naming: CodeSources): { profile: (typeof APP_PROFILES)[number]; code: (typeof APP_PROFILES)[number]['codes'][number] } | undefined {
  for (const profile of APP_PROFILES) {
    if (!naming.appProfiles.includes(profile.id)) continue;
    const appCode = profile.codes.find((c) => c.code === code);
    if (appCode) return { profile, code: appCode };
  }
  return undefined;
}

/**
 * The docs of one code as a short card: heading · class; the meaning; accepted here?; then what
 * matters where it is written — how to fix a sent code (or the finding's own why and fixes), when
 * you see a received one and whether to reconnect; then links.
 */
export function renderCodeDocs(code: number, options: CodeDocsOptions): string {
  const { labels, registry } = options.text;
  const entry = lookupCode(code);
  const configured = options.naming.configured.find((c) => c.code === code);
  const app = configured ? undefined : appCodeOf(code, options.naming);
  const parts: string[] = [];
  if (configured) {
    parts.push(`${bold(renderTemplate(labels.codeHeading, { code, name: configured.name }))} · ${italic(`${labels.configCodeSource} · ${registry.rangeClasses[entry.rangeClass]}`)}`);
    if (configured.description) parts.push(configured.description);
    if (configured.reconnect) parts.push(field(labels.reconnect, sentence(registry.reconnect[configured.reconnect])));
    parts.push(...acceptance(code, options), ...findingParts(options));
  } else if (app) {
    const appText = registry.apps[app.profile.id];
    parts.push(`${bold(renderTemplate(labels.codeHeading, { code, name: app.code.name }))} · ${italic(`${renderTemplate(labels.appCodeSource, { source: appText.name })} · ${registry.rangeClasses[entry.rangeClass]}`)}`);
    const description = appText.codes[code];
    if (description) parts.push(description);
    parts.push(...acceptance(code, options), ...findingParts(options));
    if (options.runtimes.length === 0) parts.push(field(labels.reconnect, sentence(registry.reconnect[app.code.reconnect])));
    parts.push(links(app.profile.references, labels));
  } else {
    parts.push(...registryParts(code, entry, options));
  }
  return parts.join(PARAGRAPH);
}

function registryParts(code: number, entry: CloseCodeEntry, options: CodeDocsOptions): string[] {
  const { labels, registry } = options.text;
  const text = registry.codes[codeKey(entry)]!;
  const classLine = [registry.rangeClasses[entry.rangeClass], registry.sendable[entry.sendable]];
  if (entry.registered) classLine.push(renderTemplate(labels.registeredOn, { date: entry.registered }));
  // A sent code: is it accepted, and how to fix it. A received or declared one: when you see it and
  // whether to reconnect. The rest is the docs' (README, Open Close-Code Reference).
  const situation =
    options.runtimes.length > 0
      ? [...acceptance(code, options), ...(options.finding ? findingParts(options) : [field(labels.howToFix, text.howToFix)])]
      : [field(labels.whenYouSeeIt, text.whenYouSeeIt) + LINE + field(labels.reconnect, text.reconnect)];
  return [`${bold(renderTemplate(labels.codeHeading, { code, name: entry.name }))} · ${italic(classLine.join(' · '))}`, text.meaning, ...situation, links(entry.references, labels)];
}

/** The finding's why and its fixes, when the hover is over one. */
function findingParts(options: CodeDocsOptions): string[] {
  const { finding, text } = options;
  if (!finding) return [];
  return [...(finding.detail ? [finding.detail] : []), ...(finding.fixes.length > 0 ? [field(text.labels.howToFix, finding.fixes.join(text.labels.linkSeparator))] : [])];
}

/** One paragraph per runtime: accepted, or what happens instead (and the exception text). */
function acceptance(code: number, options: CodeDocsOptions): string[] {
  const { labels, registry } = options.text;
  return options.runtimes.map((id) => {
    const profile = RUNTIME_PROFILES[id];
    const runtime = registry.runtimes[id];
    if (acceptsCode(profile, code)) return `✓ ${renderTemplate(labels.acceptedBy, { runtime: runtime.name })}`;
    // The exception text alone, once: the effect clause quotes it too, and a finding's detail says it.
    if (options.finding) return `✗ ${renderTemplate(labels.notAcceptedHere, { runtime: runtime.name })}`;
    const error = profile.onInvalidCode === 'throws' ? profile.errors.invalidCode : undefined;
    if (error) return `✗ ${renderTemplate(labels.notAcceptedBy, { runtime: runtime.name, effect: `${labels.throws} \`${formatRuntimeError(error, code)}\`` })}`;
    return `✗ ${renderTemplate(labels.notAcceptedBy, { runtime: runtime.name, effect: runtime.invalidCode })}`;
  });
}

/**
 * One line on a runtime profile, as the hover on `close`/`end`/`drop`/`reconnect` shows it above
 * TypeScript's own hover: what the method accepts there. The full profile is in the docs.
 */
export function renderRuntimeLine(runtime: RuntimeId, method: string, confidence: 'typed' | 'inferred', evidence: Evidence | undefined, text: DocsText): string {
  const { labels, registry } = text;
  const runtimeText = registry.runtimes[runtime];
  const summary = runtimeText.summary.split(/(?<=\.)\s/u)[0]!;
  return confidence === 'inferred' && evidence
    ? renderTemplate(labels.runtimeLineInferred, { method, runtime: runtimeText.name, summary, evidence: describeEvidence(evidence, registry) })
    : renderTemplate(labels.runtimeLine, { method, runtime: runtimeText.name, summary });
}

/** The whole registry as one markdown table: code or range, name, class, meaning, accepting runtimes. */
export function renderRegistryTable(text: DocsText): string {
  const { labels, registry } = text;
  const header = [labels.table.code, labels.table.name, labels.table.rangeClass, labels.table.meaning, labels.table.acceptedBy];
  const rows = CLOSE_CODES.map((entry) => {
    const accepting = (Object.keys(RUNTIME_PROFILES) as RuntimeId[]).filter((id) =>
      RUNTIME_PROFILES[id].accepts.some((span) => span.from <= entry.from && span.to >= entry.to),
    );
    return [
      entry.from === entry.to ? String(entry.from) : `${entry.from}–${entry.to}`,
      entry.name,
      registry.rangeClasses[entry.rangeClass],
      registry.codes[codeKey(entry)]!.meaning,
      accepting.length > 0 ? accepting.map((id) => `\`${id}\``).join(labels.listSeparator) : labels.table.none,
    ];
  });
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.map(cell).join(' | ')} |`).join('\n');
}

function links(references: readonly Reference[], labels: CodeDocsText): string {
  return references.map((r) => `[${r.label}](${r.url})`).join(labels.linkSeparator);
}

function field(label: string, value: string): string {
  return `${bold(label)} ${value}`;
}

function bold(text: string): string {
  return `**${text}**`;
}

/** A registry label fragment ("reconnect with backoff") as a sentence. */
function sentence(fragment: string): string {
  return `${capitalize(fragment)}.`;
}

function italic(text: string): string {
  return `*${text}*`;
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** A table cell: no pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
