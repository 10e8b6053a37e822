import { type CliOptions, helpText, parseCliArgs } from "./args.js";
import { chooseDatabaseTarget, resetRefusal } from "./database-target.js";
import { describeFailure, exitCodeOf, UsageError } from "./errors.js";
import type { ProgressStream } from "./progress.js";
import { formatRunReport } from "./report-format.js";
import { runSeedJob } from "./run.js";

export interface CliStreams {
  stdout: { write(text: string): unknown };
  /** Errors, progress, and with `--json` the logs. */
  stderr: ProgressStream;
}

/**
 * The whole command: parse `argv`, run, print the report (or one JSON document with `--json`) and return the exit
 * code — 0 done, 1 the run failed, 2 usage error. Failures are printed to stderr, never thrown.
 */
export async function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  try {
    const command = parseCliArgs(argv);
    if (command.kind === "help") {
      streams.stdout.write(helpText);
      return 0;
    }
    await run(command.options, streams);
    return 0;
  } catch (error) {
    streams.stderr.write(`${describeFailure(error)}\n`);
    return exitCodeOf(error);
  }
}

async function run(options: CliOptions, streams: CliStreams): Promise<void> {
  const target = chooseDatabaseTarget(options);
  if (options.reset && !options.force) {
    const refusal = resetRefusal(target);
    if (refusal) throw new UsageError(refusal);
  }
  // With --json, stdout carries the document alone, so a pipe into jq sees nothing else.
  const logTo = options.json ? streams.stderr : streams.stdout;
  const result = await runSeedJob(
    {
      target,
      phase: options.phase,
      reset: options.reset,
      now: options.now ?? new Date(),
      load: options.load,
    },
    { log: (line) => logTo.write(`${line}\n`), progress: streams.stderr },
  );
  streams.stdout.write(
    options.json ? `${JSON.stringify(result, null, 2)}\n` : `\n${formatRunReport(result)}`,
  );
}
