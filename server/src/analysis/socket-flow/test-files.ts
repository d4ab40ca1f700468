// Test files pass fakes: a stub `{ send() {} }` handed to a production function says nothing about
// what the function receives in production, yet it is a value "certainly not a socket" that would
// silence every real socket beside it. So a query that starts in a production file does not look
// into test files (their calls, writes and assignments); a query that starts in a test file looks
// everywhere.
import type * as ts from 'typescript';

/** Test files by the conventions of Node test runners: `*.test.*`, `*.spec.*`, and test folders. */
const TEST_FILE = /(?:^|\/)(?:__tests__|__mocks__|tests?|spec|e2e)\/|\.(?:test|spec|e2e)\.[cm]?[jt]sx?$/i;

export type FlowScope = 'all' | 'production';

/**
 * Is the file a test of the program's project? Judged by its path inside the project (the folder
 * of the tsconfig, or the working directory for loose files), so a project that itself lives
 * under a folder named `test` is not all tests.
 */
export function isTestFile(fileName: string, program: ts.Program): boolean {
  const configFile = program.getCompilerOptions().configFilePath;
  const base = (typeof configFile === 'string' ? configFile.slice(0, configFile.lastIndexOf('/')) : program.getCurrentDirectory()).replace(/\\/g, '/');
  const file = fileName.replace(/\\/g, '/');
  return file.startsWith(`${base}/`) && TEST_FILE.test(file.slice(base.length + 1));
}

/** The scope of a query that starts in `file`. */
export function scopeOf(file: ts.SourceFile, program: ts.Program): FlowScope {
  return isTestFile(file.fileName, program) ? 'all' : 'production';
}
