// The one place that says where wsclose's documentation lives online. The SARIF output, the
// language server and the ESLint plugin all link rule pages through these functions.
import type { RuleId } from '../core/finding';

/** The project's home page. */
export const PROJECT_URL = 'https://github.com/wsclose/wsclose';

const DOCS_BASE = `${PROJECT_URL}/blob/main/docs/rules/`;

/** The page of a rule: docs/rules/<id>.md in the repository. */
export function ruleDocsUrl(id: RuleId): string {
  return `${DOCS_BASE}${id}.md`;
}

/** What `wsclose-disable` directives do, and the findings about them (rule id `null`). */
export const DIRECTIVES_DOCS_URL = `${PROJECT_URL}#suppressing-a-finding`;
