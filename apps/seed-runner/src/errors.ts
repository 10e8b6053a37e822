import { DbError, reasonOf } from "@optiinfra/db";

/** A command line the runner cannot act on: exit code 2, and nothing was touched. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export type SeedRunnerErrorCode = "data_dir_in_use";

/** A failure of the runner itself (not of the database package), with a stable `code`. */
export class SeedRunnerError extends Error {
  override readonly name = "SeedRunnerError";
  constructor(
    readonly code: SeedRunnerErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The exit code for `error`: 2 for a usage error, 1 for anything that went wrong while running. */
export function exitCodeOf(error: unknown): 1 | 2 {
  return error instanceof UsageError ? 2 : 1;
}

/**
 * What to print for a failure, one line first. Expected failures (the database's and the runner's own) get their
 * message and, when it adds something, the cause; anything else is a bug, so it gets its stack.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof UsageError) return `seed-runner: ${error.message}\nRun with --help for usage.`;
  if (error instanceof DbError || error instanceof SeedRunnerError) {
    const lines = [`seed-runner: ${error.message} [${error.code}]`];
    if (error.cause !== undefined) {
      const cause = reasonOf(error.cause);
      if (!error.message.includes(cause)) lines.push(`  cause: ${cause}`);
    }
    return lines.join("\n");
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `seed-runner: unexpected failure (a bug; please report it):\n${stack}`;
}
