// Entry point of `seed-runner`; everything else is in cli.ts, which tests call in-process.
import { runCli } from "./cli.js";

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
