// Everything the analysis of one file needs, computed once per file.
import * as ts from 'typescript';
import type { Platform } from '../registry/types';
import { PLATFORM_TYPE_PACKAGES, WEBSOCKET_MODULES } from '../registry/socket-sources';

export interface AnalysisContext {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly sourceFile: ts.SourceFile;
  /** Module specifiers imported or required by the file, e.g. 'ws', 'isomorphic-ws'. */
  readonly importedModules: ReadonlySet<string>;
  /** The file mentions WebSocket at all (an identifier or a ws-like import): gates weak evidence. */
  readonly mentionsWebSocket: boolean;
  /** The platform the project runs on: decides what the global WebSocket is in untyped code. */
  readonly platform: Platform;
}

export function createAnalysisContext(program: ts.Program, sourceFile: ts.SourceFile, platform: Platform = platformOfProgram(program)): AnalysisContext {
  const importedModules = importedModulesOf(sourceFile);
  const mentionsWebSocket =
    /\bWebSocket/.test(sourceFile.text) || [...importedModules].some((m) => WEBSOCKET_MODULES.has(m));
  return { program, checker: program.getTypeChecker(), sourceFile, importedModules, mentionsWebSocket, platform };
}

/** The context of the file `node` is written in: `ctx` itself when that is its file, else a new one of the same program and platform. */
export function contextOfNode(node: ts.Node, ctx: AnalysisContext): AnalysisContext {
  const file = node.getSourceFile();
  return file === ctx.sourceFile ? ctx : createAnalysisContext(ctx.program, file, ctx.platform);
}

/** The modules a file imports, re-exports or requires, as written. */
export function importedModulesOf(sourceFile: ts.SourceFile): Set<string> {
  // preProcessFile is the scanner-only pass tsserver uses: it sees imports, exports and require().
  const info = ts.preProcessFile(sourceFile.text, true, true);
  return new Set(info.importedFiles.map((f) => f.fileName));
}

const platforms = new WeakMap<ts.Program, Platform>();

/**
 * The platform a program's types say it runs on: Workers' or Bun's type packages in the program
 * (their globals replace the DOM's; registry PLATFORM_TYPE_PACKAGES), else Node. A config can say otherwise (LintFileOptions.platform).
 */
export function platformOfProgram(program: ts.Program): Platform {
  let platform = platforms.get(program);
  if (!platform) {
    const files = program.getSourceFiles().map((f) => f.fileName);
    const declares = (pkg: string) => files.some((f) => f.includes(`/${pkg}/`));
    platform = PLATFORM_TYPE_PACKAGES.find((entry) => entry.packages.some(declares))?.platform ?? 'node';
    platforms.set(program, platform);
  }
  return platform;
}
