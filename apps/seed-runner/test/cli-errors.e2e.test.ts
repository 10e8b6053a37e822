import { describe, expect, it } from "vitest";
import { runCli } from "./cli-process.js";

// Failures that need no database: the CLI as a child process, checking exit codes and what it prints where.

describe("the CLI's exit codes and messages", () => {
  it("--help prints the usage on stdout and exits 0", async () => {
    const run = await runCli(["--help"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^Usage: seed-runner \[options\]\n/);
    expect(run.stdout).toContain("--profile load");
    expect(run.stderr).toBe("");
  });

  it("a usage error prints one line and the hint, exits 2", async () => {
    const run = await runCli(["--phase", "everything"]);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      'seed-runner: Unknown phase "everything"; the phases, in order, are: core, agent-state, workflow-history, resource-schema.\nRun with --help for usage.\n',
    );
  });

  it("--reset of a database that is not on this machine is refused without --force: exit 2, nothing touched", async () => {
    const run = await runCli(["--database-url", "postgres://u:secret@db.example.invalid/x", "--reset"]);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "seed-runner: Refusing to --reset PostgreSQL at postgres://u:***@db.example.invalid/x: it is not on this machine (localhost, 127.0.0.1, ::1 or a unix socket), and --reset empties every table. Add --force to empty it anyway.\nRun with --help for usage.\n",
    );
  });

  it("a URL that is not PostgreSQL's: one line, exit 1", async () => {
    const run = await runCli(["--database-url", "mysql://u@127.0.0.1/x", "--json"]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "Database: PostgreSQL at mysql://u@127.0.0.1/x\nseed-runner: The database URL must start with postgres:// or postgresql://, not mysql://; expected postgres://user:password@host:5432/database. [invalid_database_url]\n",
    );
  });

  it("an unreachable server: one line naming it without the password, exit 1", async () => {
    const run = await runCli(["--database-url", "postgres://u:secret@127.0.0.1:1/x"]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      "seed-runner: Cannot connect to PostgreSQL at postgres://u:***@127.0.0.1:1/x: connect ECONNREFUSED 127.0.0.1:1. Check that the server is running and the URL is right. [database_unreachable]\n",
    );
    expect(run.stdout).toBe("Database: PostgreSQL at postgres://u:***@127.0.0.1:1/x\n");
  });
});
