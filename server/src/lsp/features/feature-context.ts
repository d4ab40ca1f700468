// The context the language server hands to every pure feature module (hover, completion,
// inlay hints, refactors). Owned by the server core; feature modules only read it.
import type { ResolvedConfig } from '../../core/config';
import type { Locale } from '../../registry/locales/catalog';
import type { AppProfileId, RuntimeId } from '../../registry/types';

export interface FeatureContext {
  /** The resolved wsclose.config.json for the file (with `wsclose.rules` settings overrides applied). */
  readonly config: ResolvedConfig;
  /** App profiles active for the file's package (from package.json dependencies and config). */
  readonly appProfiles: readonly AppProfileId[];
  /** Runtime forced for this file by config `runtimes` globs, if any. */
  readonly runtimeOverride?: RuntimeId;
  /** UI locale of the client (initializationOptions.locale or params.locale; `fr-*` → `fr`, else `en`). */
  readonly locale: Locale;
  /** `wsclose.inlayHints.enabled` for the file's resource. */
  readonly inlayHints: boolean;
}
