/** An error for a developer log: its stack when it has one (where it was thrown matters there). */
export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
