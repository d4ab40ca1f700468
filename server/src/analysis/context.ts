// Everything the analysis of one file needs, computed once per file.
import * as ts from 'typescript';

export interface AnalysisContext {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly sourceFile: ts.SourceFile;
  /** Module specifiers imported or required by the file, e.g. 'ws', 'isomorphic-ws'. */
  readonly importedModules: ReadonlySet<string>;
  /** The file mentions WebSocket at all (an identifier or a ws-like import): gates weak evidence. */
  readonly mentionsWebSocket: boolean;
}

const WS_MODULES = new Set(['ws', 'isomorphic-ws', 'websocket', 'reconnecting-websocket', 'partysocket']);

export function createAnalysisContext(program: ts.Program, sourceFile: ts.SourceFile): AnalysisContext {
  const importedModules = collectImportedModules(sourceFile);
  const mentionsWebSocket =
    /\bWebSocket/.test(sourceFile.text) || [...importedModules].some((m) => WS_MODULES.has(m));
  return { program, checker: program.getTypeChecker(), sourceFile, importedModules, mentionsWebSocket };
}

function collectImportedModules(sourceFile: ts.SourceFile): Set<string> {
  // preProcessFile is the scanner-only pass tsserver uses: it sees imports, exports and require().
  const info = ts.preProcessFile(sourceFile.text, true, true);
  return new Set(info.importedFiles.map((f) => f.fileName));
}
