// Every identifier of a file by its text, collected once per file: "where else is this name
// used?" for functions only their own file can call (timers.ts, value-origins.ts).
import * as ts from 'typescript';

/** The identifiers of a file by text, collected once per file (syntax only, so safe to share between programs). */
const identifiersByFile = new WeakMap<ts.SourceFile, Map<string, Array<ts.Identifier | ts.PrivateIdentifier>>>();

export function identifiersNamed(file: ts.SourceFile, name: string): ReadonlyArray<ts.Identifier | ts.PrivateIdentifier> {
  let byName = identifiersByFile.get(file);
  if (!byName) {
    const found = new Map<string, Array<ts.Identifier | ts.PrivateIdentifier>>();
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) {
        const list = found.get(node.text);
        if (list) list.push(node);
        else found.set(node.text, [node]);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    identifiersByFile.set(file, (byName = found));
  }
  return byName.get(name) ?? [];
}
