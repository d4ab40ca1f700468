// Tiny `{placeholder}` renderer shared by directive and rule messages. Kept dependency-free and
// strict: a template that names a key the caller did not provide is a bug in the caller, so it
// throws instead of printing a half-rendered message to the user.

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function renderTemplate(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (_match, key: string) => {
    if (!Object.prototype.hasOwnProperty.call(data, key)) {
      throw new Error(`renderTemplate: no value for placeholder {${key}} in template ${JSON.stringify(template)}`);
    }
    return String(data[key]);
  });
}

/** The placeholder names a template uses, in order of first appearance (for catalog tests). */
export function templatePlaceholders(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
