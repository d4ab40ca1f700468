// Shared setup of the feature tests: a snippet with cursor markers, linted in a real program,
// and the FeatureContext a language server would pass for it.
import type * as ts from 'typescript';
import type { ResolvedConfig } from '../../../server/src/core/config';
import type { Finding } from '../../../server/src/core/finding';
import type { FeatureContext } from '../../../server/src/lsp/features/feature-context';
import type { AppProfileId } from '../../../server/src/registry/types';
import { markers } from '../../harness/markers';
import { allRulesConfig, lintSnippets, type SnippetEnv } from '../../harness/snippet-project';

export interface FeatureSnippet {
  readonly program: ts.Program;
  readonly sourceFile: ts.SourceFile;
  readonly code: string;
  /** Offset of the unnamed marker `/*|*\/`. */
  readonly offset: number;
  readonly offsets: Readonly<Record<string, number>>;
  readonly context: FeatureContext;
  /** The engine's findings for the snippet (what the language server's diagnostics carry). */
  readonly findings: readonly Finding[];
}

export interface FeatureSnippetOptions {
  readonly env?: SnippetEnv;
  readonly config?: (config: ResolvedConfig) => ResolvedConfig;
  readonly inlayHints?: boolean;
}

export function featureSnippet(source: string, options: FeatureSnippetOptions = {}): FeatureSnippet {
  return featureSnippets([{ source, ...options }])[0]!;
}

/** Several snippets in one batch (one program per environment: much faster). */
export function featureSnippets(list: readonly ({ source: string } & FeatureSnippetOptions)[]): FeatureSnippet[] {
  const marked = list.map((item) => markers(item.source));
  const linted = lintSnippets(
    list.map((item, i) => ({ code: marked[i]!.code, env: item.env ?? 'node', ...(item.config ? { config: item.config } : {}) })),
  );
  return list.map((item, i) => {
    const config = item.config ? item.config(allRulesConfig()) : allRulesConfig();
    const appProfiles = (Object.entries(config.profiles) as [AppProfileId, boolean][]).filter(([, on]) => on).map(([id]) => id);
    return {
      program: linted[i]!.program,
      sourceFile: linted[i]!.sourceFile,
      findings: linted[i]!.findings,
      code: marked[i]!.code,
      offset: marked[i]!.offset,
      offsets: marked[i]!.offsets,
      context: { config, appProfiles, locale: 'en', inlayHints: item.inlayHints ?? true },
    };
  });
}

export function withCodes(codes: ResolvedConfig['codes']): (config: ResolvedConfig) => ResolvedConfig {
  return (config) => ({ ...config, codes });
}

export function withProfile(id: AppProfileId): (config: ResolvedConfig) => ResolvedConfig {
  return (config) => ({ ...config, profiles: { ...config.profiles, [id]: true } });
}
