// What the client's log (VS Code's Output channel) says at Info about loading, so that a slow
// first squiggle can be explained: each project's first program (its size and the time it took)
// and the session's first diagnostics. Later, incremental programs are not logged: they are cheap
// and would fill the log while the user types.
import * as path from 'node:path';
import type { Logger, ProjectEntry, ProjectService } from '../engine/project-service';

export class LoadLog {
  private readonly loaded = new WeakSet<ProjectEntry>();
  private firstDiagnostics = false;

  constructor(
    private readonly log: Logger,
    private readonly now: () => number = () => performance.now(),
    /** Milliseconds since the server process started. */
    private readonly sinceStart: () => number = () => process.uptime() * 1000,
  ) {}

  /** `projects.programFor(file)`, logging the first program of each project (again after a reset). */
  programFor(projects: ProjectService, file: string): ReturnType<ProjectService['programFor']> {
    const started = this.now();
    const result = projects.programFor(file);
    const { project, program } = result;
    if (program && !this.loaded.has(project)) {
      this.loaded.add(project);
      const what = project.tsconfig ?? `the loose files in ${project.key.slice('inferred:'.length)}`;
      this.log.info(`Loaded ${what}: ${count(program.getRootFileNames().length, 'file')} to check, ${count(program.getSourceFiles().length, 'source file')} in all, in ${Math.round(this.now() - started)} ms.`);
    }
    return result;
  }

  /** Called with every diagnostics result; logs the first one of the session. */
  diagnosticsReady(uri: string, count: number): void {
    if (this.firstDiagnostics) return;
    this.firstDiagnostics = true;
    this.log.info(`First diagnostics (${path.basename(uri)}: ${count}) ${Math.round(this.sinceStart())} ms after the server started.`);
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
