// The lines --debug prints about receivers: for every call of a close-like method name, whether
// its receiver was taken for a WebSocket, of which runtime, and on what grounds: the declaration
// of its type (file and package), the socket's flow or usage, or why not. Developer diagnostics,
// so English only, like the debug output of other tools.
import * as path from 'node:path';
import * as ts from 'typescript';
import type { ReceiverDecision } from '../analysis/find-close-calls';
import { registryText } from '../registry';

/** `src/a.ts:9:14 ws.close(): …` */
export function describeReceiverDecision(decision: ReceiverDecision, checker: ts.TypeChecker, displayPath: (file: string) => string): string {
  const sourceFile = decision.call.getSourceFile();
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(decision.receiver.getStart(sourceFile));
  const where = `${displayPath(sourceFile.fileName)}:${line + 1}:${character + 1} ${abbreviate(decision.receiver.getText(sourceFile))}.${decision.method}()`;
  const type = checker.getTypeAtLocation(decision.receiver);
  const typeText = `type \`${checker.typeToString(type)}\`${declaredIn(type, displayPath)}`;
  const { verdict } = decision;
  switch (verdict.kind) {
    case 'websocket': {
      const runtimes = verdict.runtimes.join(', ');
      const grounds =
        verdict.confidence === 'typed'
          ? `from its ${typeText}`
          : `inferred from ${registryText('en').evidence[verdict.evidence?.kind ?? 'socket-usage'].replace('{name}', verdict.evidence?.name ?? 'WebSocket')}${verdict.evidence?.via ? `, stored in ${verdict.evidence.via}` : ''} (confidence ${verdict.evidence?.strength ?? 'medium'}; its ${typeText} says nothing)`;
      return decision.runtimes.length > 0
        ? `${where}: a WebSocket (${decision.runtimes.join(', ')}), ${grounds}; checked.`
        : `${where}: a WebSocket (${runtimes}), ${grounds}, but ${runtimes} has no close-like method ${decision.method}(); not checked.`;
    }
    case 'not-websocket':
      return `${where}: not a WebSocket: ${
        verdict.because === 'type'
          ? `its ${typeText} is not a WebSocket class of a library wsclose knows (packages are matched by exact name)`
          : verdict.because === 'structural'
            ? `its ${typeText} is the project's own structural type, and no socket flows into it`
            : 'a value that is certainly not a socket can reach it'
      }; not checked.`;
    case 'unknown':
      return `${where}: unknown: its ${typeText} says nothing, and neither the socket's flow nor its usage shows a WebSocket; not checked.`;
  }
}

/** " (declared in node_modules/@types/ws/index.d.ts)" for the first declaration of the type's symbol. */
function declaredIn(type: ts.Type, displayPath: (file: string) => string): string {
  const declaration = (type.aliasSymbol ?? type.getSymbol())?.declarations?.[0];
  if (!declaration) return '';
  const file = declaration.getSourceFile().fileName;
  const shown = /[\\/]typescript[\\/]lib[\\/]lib\.[^\\/]*\.d\.ts$/.test(file)
    ? `TypeScript's ${path.basename(file)}`
    : /[\\/]node_modules[\\/]/.test(file)
      ? file.slice(file.lastIndexOf('node_modules'))
      : displayPath(file);
  return ` (declared in ${shown.split(path.sep).join('/')})`;
}

function abbreviate(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 37)}...` : flat;
}
