// What an inferred (untyped) receiver classification rests on, in the reader's locale: used in
// finding messages, in the hover on close(), and as related locations (the socket's source and
// the storages it went through) that editors, SARIF and JSON show next to a finding.
import * as path from 'node:path';
import type * as ts from 'typescript';
import type { RelatedLocation } from '../core/finding';
import { renderTemplate } from '../core/text/render-template';
import type { RegistryCatalog } from '../registry/locales/catalog';
import type { Evidence, EvidenceStepLocation } from '../registry/types';

/** Where evidence points, as a reader of the current file wants it: `line 12`, or `src/server.js:120`. */
export interface EvidencePlaces {
  readonly program: ts.Program;
  readonly currentFile: string;
}

export function describeEvidence(evidence: Evidence, registry: RegistryCatalog, places?: EvidencePlaces): string {
  const source = renderTemplate(registry.evidence[evidence.kind], { name: evidence.name ?? '' });
  const located = evidence.at && places ? renderTemplate(registry.evidenceDetail.at, { source, location: displayLocation(evidence.at, places, registry) }) : source;
  return evidence.via ? renderTemplate(registry.evidenceDetail.via, { source: located, via: evidence.via }) : located;
}

/** The source of the socket and every storage on its way, as related locations. */
export function evidenceLocations(evidence: Evidence, registry: RegistryCatalog, program: ts.Program): RelatedLocation[] {
  const related: RelatedLocation[] = [];
  const source = renderTemplate(registry.evidence[evidence.kind], { name: evidence.name ?? '' });
  if (evidence.at) {
    const at = locate(evidence.at, program, renderTemplate(registry.evidenceDetail.sourceMessage, { source }));
    if (at) related.push(at);
  }
  for (const step of evidence.steps ?? []) {
    const at = locate(step, program, renderTemplate(registry.evidenceDetail.stepMessage, { label: step.label }));
    if (at) related.push(at);
  }
  return related;
}

/** A node of the program as a related location. */
export function locateNode(node: ts.Node, message: string): RelatedLocation {
  const file = node.getSourceFile();
  return relatedIn(file, node.getStart(file), node.getEnd(), message);
}

function locate(place: EvidenceStepLocation, program: ts.Program, message: string): RelatedLocation | undefined {
  const file = program.getSourceFile(place.fileName);
  return file && relatedIn(file, place.start, place.end, message);
}

function relatedIn(file: ts.SourceFile, start: number, end: number, message: string): RelatedLocation {
  const from = file.getLineAndCharacterOfPosition(start);
  const to = file.getLineAndCharacterOfPosition(end);
  return { fileName: file.fileName, start, end, line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1, message };
}

function displayLocation(place: EvidenceStepLocation, places: EvidencePlaces, registry: RegistryCatalog): string {
  const file = places.program.getSourceFile(place.fileName);
  const line = file ? file.getLineAndCharacterOfPosition(place.start).line + 1 : 0;
  if (place.fileName === places.currentFile) return renderTemplate(registry.evidenceDetail.sameFile, { line });
  const configFile = places.program.getCompilerOptions().configFilePath;
  const base = typeof configFile === 'string' ? path.dirname(configFile) : places.program.getCurrentDirectory();
  const relative = path.relative(base, place.fileName).split(path.sep).join('/');
  return `${relative.startsWith('..') ? place.fileName : relative}:${line}`;
}
