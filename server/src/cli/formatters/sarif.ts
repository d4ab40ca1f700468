// SARIF 2.1.0 (OASIS), the format GitHub code scanning and other CI dashboards ingest. One run:
// tool.driver with every rule (from the rule metadata and docs URLs), one result per finding with
// its location relative to %SRCROOT% (the working directory, given in originalUriBaseIds), columns
// in UTF-16 code units, and the safe fix as a SARIF fix. Findings about `wsclose-disable`
// directives (ESLint's rule id null) use the synthetic rule "directive". Files that could not be
// checked or were ignored are tool notifications, not results. Pure: results in, text out.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_IDS } from '../../core/finding';
import { textFor } from '../../engine/locale';
import { RULES } from '../../rules';
import { DIRECTIVES_DOCS_URL, PROJECT_URL, ruleDocsUrl } from '../../rules/docs-url';
import { createLineMap } from '../results';
import type { EslintFix, LintMessage, LintResult } from '../results';
import type { FormatterContext } from './index';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The rule id of findings about suppression directives (ruleId null elsewhere). */
export const DIRECTIVE_RULE_ID = 'directive';
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning';
const levelOf = (message: LintMessage): Level => (message.fatal || message.severity === 2 ? 'error' : 'warning');

function rules(): object[] {
  const text = textFor('en').rules.rules;
  return [
    ...RULE_IDS.map((id) => ({
      id,
      shortDescription: { text: text[id].description },
      helpUri: ruleDocsUrl(id),
      defaultConfiguration: { level: RULES[id].meta.defaultSeverity === 'error' ? 'error' : 'warning' },
    })),
    {
      id: DIRECTIVE_RULE_ID,
      shortDescription: { text: 'Report wsclose-disable directives that suppress nothing or name unknown rules.' },
      helpUri: DIRECTIVES_DOCS_URL,
      defaultConfiguration: { level: 'warning' },
    },
  ];
}

/** A file relative to %SRCROOT% when it is inside the working directory, else an absolute file URI. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(file).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function fixOf(fix: EslintFix, source: string | undefined, location: object): object {
  let deletedRegion: object;
  if (source !== undefined) {
    const positionAt = createLineMap(source);
    const start = positionAt(fix.range[0]);
    const end = positionAt(fix.range[1]);
    deletedRegion = { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
  } else {
    deletedRegion = { charOffset: fix.range[0], charLength: fix.range[1] - fix.range[0] };
  }
  const replacement = fix.text === '' ? { deletedRegion } : { deletedRegion, insertedContent: { text: fix.text } };
  return { artifactChanges: [{ artifactLocation: location, replacements: [replacement] }] };
}

export function formatSarif(results: readonly LintResult[], context: FormatterContext): string {
  const sarifResults: object[] = [];
  const notifications: object[] = [];
  for (const result of results) {
    const location = artifactLocation(result.filePath, context.cwd);
    for (const message of result.messages) {
      if (message.line === undefined) {
        // Not a finding: the file could not be read, or it is ignored.
        notifications.push({ level: levelOf(message), message: { text: message.message }, locations: [{ physicalLocation: { artifactLocation: location } }] });
        continue;
      }
      const ruleId = message.ruleId ?? DIRECTIVE_RULE_ID;
      const index = ruleId === DIRECTIVE_RULE_ID ? RULE_IDS.length : (RULE_IDS as readonly string[]).indexOf(ruleId);
      const region = { startLine: message.line, startColumn: message.column ?? 1, endLine: message.endLine ?? message.line, endColumn: message.endColumn ?? message.column ?? 1 };
      sarifResults.push({
        ruleId,
        ruleIndex: index,
        level: levelOf(message),
        // The detail is markdown; viewers that render markdown show it under the headline.
        message: message.detail ? { text: message.message, markdown: `${message.message}\n\n${message.detail}` } : { text: message.message },
        locations: [{ physicalLocation: { artifactLocation: location, region } }],
        ...(message.relatedLocations && message.relatedLocations.length > 0
          ? {
              relatedLocations: message.relatedLocations.map((related, id) => ({
                id,
                physicalLocation: {
                  artifactLocation: artifactLocation(related.filePath, context.cwd),
                  region: { startLine: related.line, startColumn: related.column, endLine: related.endLine, endColumn: related.endColumn },
                },
                message: { text: related.message },
              })),
            }
          : {}),
        ...(message.confidence ? { properties: { confidence: message.confidence } } : {}),
        ...(message.fix ? { fixes: [fixOf(message.fix, context.sources?.get(result.filePath), location)] } : {}),
      });
    }
  }
  const cwdUri = pathToFileURL(context.cwd).href;
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'wsclose', version: context.version ?? 'unknown', informationUri: PROJECT_URL, rules: rules() } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: cwdUri.endsWith('/') ? cwdUri : `${cwdUri}/` } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
