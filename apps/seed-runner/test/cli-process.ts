import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunResult } from "../src/run.js";
import type { JsonOf } from "./demo-expectations.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

export interface CliRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  pid: number | undefined;
  done: Promise<CliRun>;
}

/**
 * Starts the CLI from its sources as a user would run it, in a process of its own. DATABASE_URL is removed so
 * that a developer's own setting cannot redirect a test; `env` adds what a test wants.
 */
export function startCli(args: string[], env: Record<string, string | undefined> = {}): CliProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", ...args], {
    cwd: packageDir,
    env: { ...process.env, DATABASE_URL: undefined, TEST_DATABASE_URL: undefined, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const done = new Promise<CliRun>((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      stdout += text;
    });
    child.stderr.setEncoding("utf8").on("data", (text: string) => {
      stderr += text;
    });
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
  return { pid: child.pid, done };
}

export function runCli(args: string[], env?: Record<string, string | undefined>): Promise<CliRun> {
  return startCli(args, env).done;
}

/** What `--json` prints: the run's result with its dates as ISO strings. */
export type RunJson = JsonOf<RunResult>;

/** Runs with `--json`, expects exit code 0 and returns the one JSON document stdout holds. */
export async function runCliJson(
  args: string[],
  env?: Record<string, string | undefined>,
): Promise<RunJson & { stderr: string }> {
  const run = await runCli([...args, "--json"], env);
  if (run.exitCode !== 0) throw new Error(`exit code ${run.exitCode}\n${run.stderr}`);
  return { ...(JSON.parse(run.stdout) as RunJson), stderr: run.stderr };
}

export function temporaryDirectory(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), "seed-runner-e2e-"));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
