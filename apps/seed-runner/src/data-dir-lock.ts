import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SeedRunnerError } from "./errors.js";

/** Lives inside the data directory, which PGlite (like PostgreSQL) does not mind sharing with other files. */
export const LOCK_FILE_NAME = "seed-runner.lock";

/**
 * Claims the PGlite data directory `dataDir` (creating it if needed) for this process, and returns the function
 * that gives it back. PGlite does not notice a second process opening the same directory — both would write to
 * it and corrupt it — so a second run fails here instead, with a message saying which process has it. A lock
 * left by a process that no longer exists is taken over.
 */
export function lockDataDirectory(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; ; attempt++) {
    if (claim(lockFile)) return () => rmSync(lockFile, { force: true });
    const holder = Number.parseInt(readLockHolder(lockFile), 10);
    if (Number.isInteger(holder) && isRunning(holder)) {
      throw new SeedRunnerError(
        "data_dir_in_use",
        `The PGlite data directory ${dataDir} is in use by process ${holder}, and PGlite cannot share it. Wait for that run to finish or pass another --data-dir; if no run is going on, delete ${lockFile}.`,
      );
    }
    // The holder is gone (it crashed or was killed), so the lock is taken over. Two runs doing that at the same
    // instant could both win; that takes a crash plus two starts within microseconds, and is not guarded against.
    if (attempt > 0) {
      throw new SeedRunnerError(
        "data_dir_in_use",
        `Could not claim the PGlite data directory ${dataDir}: ${lockFile} keeps coming back. Is another run starting?`,
      );
    }
    rmSync(lockFile, { force: true });
  }
}

/**
 * Creates `lockFile` holding this process's id, or returns false if it exists. The id is written to a file of our
 * own first and then hard-linked into place, so no one ever reads a lock file that is there but still empty.
 */
function claim(lockFile: string): boolean {
  const draft = `${lockFile}.${process.pid}`;
  writeFileSync(draft, `${process.pid}\n`);
  try {
    linkSync(draft, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

function readLockHolder(lockFile: string): string {
  try {
    return readFileSync(lockFile, "utf8");
  } catch {
    // Removed between our attempt and this read: its holder just finished.
    return "";
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
