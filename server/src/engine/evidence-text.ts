// What an inferred (untyped) receiver classification rests on, in the reader's locale: used in
// finding messages and in the hover on close().
import { renderTemplate } from '../core/text/render-template';
import type { RegistryCatalog } from '../registry/locales/catalog';
import type { Evidence } from '../registry/types';

export function describeEvidence(evidence: Evidence, registry: RegistryCatalog): string {
  return renderTemplate(registry.evidence[evidence.kind], { name: evidence.name ?? '' });
}
