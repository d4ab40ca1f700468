// The shape of the language-server feature catalogs (hover, completion, inlay hints, refactors).
// Every string a user sees in those features comes from a catalog of this type; the feature
// modules hold no prose (test/lsp/features/no-prose.test.ts checks it).
import type { CodeDocsText } from '../../../engine/code-docs';

export interface FeatureText {
  /** Labels of the close-code and runtime documentation (hovers, completion docs). */
  readonly docs: CodeDocsText;
  readonly refactors: {
    /** `{value}`: the literal as written; `{name}`: the named constant. */
    readonly replaceWithName: string;
    /** `{name}`: the registry (or project/app) name of the code. */
    readonly addNameComment: string;
    /** `{name}`: the comment inserted after the literal. */
    readonly nameComment: string;
  };
  /** Hover on a handled (received) code: where the project sends it. */
  readonly senders: {
    /** Followed by the links, joined with docs.listSeparator. */
    readonly sentAt: string;
    /** `{code}`: the hovered code. */
    readonly neverSent: string;
  };
}
