import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LOCK_FILE_NAME, lockDataDirectory } from "../src/data-dir-lock.js";
import { SeedRunnerError } from "../src/errors.js";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "seed-runner-lock-"));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("lockDataDirectory", () => {
  it("creates the directory, holds a lock file with this process's id, and removes it on release", () => {
    const dataDir = join(root, "nested", "pglite");
    const release = lockDataDirectory(dataDir);
    const lockFile = join(dataDir, LOCK_FILE_NAME);
    expect(readFileSync(lockFile, "utf8")).toBe(`${process.pid}\n`);
    release();
    expect(existsSync(lockFile)).toBe(false);
    lockDataDirectory(dataDir)();
  });

  it("refuses a directory another live process holds, naming the process and the lock file", async () => {
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"], { stdio: "ignore" });
    try {
      writeFileSync(join(root, LOCK_FILE_NAME), `${holder.pid}\n`);
      let error: unknown;
      try {
        lockDataDirectory(root);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(SeedRunnerError);
      expect(error).toMatchObject({
        code: "data_dir_in_use",
        message: expect.stringContaining(`is in use by process ${holder.pid}`),
      });
      expect((error as Error).message).toContain(join(root, LOCK_FILE_NAME));
    } finally {
      holder.kill();
    }
  });

  it("refuses while this same process holds it", () => {
    const release = lockDataDirectory(root);
    try {
      expect(() => lockDataDirectory(root)).toThrow(`is in use by process ${process.pid}`);
    } finally {
      release();
    }
  });

  it("takes over a lock whose process is gone, or that holds no process id", async () => {
    const gone = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((resolve) => gone.on("exit", resolve));
    for (const content of [`${gone.pid}\n`, "garbage"]) {
      writeFileSync(join(root, LOCK_FILE_NAME), content);
      const release = lockDataDirectory(root);
      expect(readFileSync(join(root, LOCK_FILE_NAME), "utf8")).toBe(`${process.pid}\n`);
      release();
    }
  });
});
