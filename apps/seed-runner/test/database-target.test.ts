import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  chooseDatabaseTarget,
  describeLocation,
  describeTarget,
  isLocalDatabase,
  resetRefusal,
  userWorkingDirectory,
} from "../src/database-target.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("chooseDatabaseTarget", () => {
  const none = { databaseUrl: undefined, dataDir: undefined };

  it("defaults to PGlite in .optiinfra/pglite under the user's directory", () => {
    vi.stubEnv("DATABASE_URL", "");
    expect(chooseDatabaseTarget(none, "/home/me/project")).toEqual({
      backend: "pglite",
      dataDir: join("/home/me/project", ".optiinfra", "pglite"),
    });
  });

  it("takes DATABASE_URL, and --database-url over it", () => {
    vi.stubEnv("DATABASE_URL", "postgres://env@127.0.0.1/db");
    expect(chooseDatabaseTarget(none, "/x")).toEqual({
      backend: "postgres",
      url: "postgres://env@127.0.0.1/db",
    });
    expect(chooseDatabaseTarget({ ...none, databaseUrl: "postgres://flag@h/db" }, "/x")).toEqual({
      backend: "postgres",
      url: "postgres://flag@h/db",
    });
  });

  it("takes --data-dir over DATABASE_URL, relative to the user's directory", () => {
    vi.stubEnv("DATABASE_URL", "postgres://env@127.0.0.1/db");
    expect(chooseDatabaseTarget({ ...none, dataDir: "data/pg" }, "/home/me")).toEqual({
      backend: "pglite",
      dataDir: "/home/me/data/pg",
    });
    expect(chooseDatabaseTarget({ ...none, dataDir: "/abs/dir" }, "/home/me")).toEqual({
      backend: "pglite",
      dataDir: "/abs/dir",
    });
  });

  it("finds the user's directory in INIT_CWD (set by pnpm), else the working directory", () => {
    vi.stubEnv("INIT_CWD", "/where/the/user/is");
    expect(userWorkingDirectory()).toBe("/where/the/user/is");
    vi.stubEnv("INIT_CWD", "");
    expect(userWorkingDirectory()).toBe(process.cwd());
  });
});

describe("describing a target", () => {
  it("names the PGlite directory, or the PostgreSQL URL without its password", () => {
    expect(describeTarget({ backend: "pglite", dataDir: "/d" })).toBe("PGlite in /d");
    const postgres = { backend: "postgres" as const, url: "postgres://me:secret@db.internal:5432/app" };
    expect(describeLocation(postgres)).toBe("postgres://me:***@db.internal:5432/app");
    expect(describeTarget(postgres)).toBe("PostgreSQL at postgres://me:***@db.internal:5432/app");
  });
});

describe("isLocalDatabase and resetRefusal", () => {
  const postgres = (url: string) => ({ backend: "postgres" as const, url });

  it.each([
    "postgres://u@localhost/db",
    "postgres://u@LOCALHOST:5433/db",
    "postgres://u:p@127.0.0.1:5432/db",
    "postgresql://u@[::1]:5432/db",
    "postgres://u@%2Fvar%2Frun%2Fpostgresql/db",
    "postgres:///db?host=/var/run/postgresql",
    "postgres://u@db.example.com/db?host=/tmp",
  ])("%s is local", (url) => {
    expect(isLocalDatabase(postgres(url))).toBe(true);
    expect(resetRefusal(postgres(url))).toBeUndefined();
  });

  it.each([
    "postgres://u@db.example.com/db",
    "postgres://u@10.0.0.5/db",
    "postgres://u@127.0.0.2/db",
    "postgres:///db",
    "postgres://u@localhost/db?host=db.example.com",
  ])("%s is not local, so --reset needs --force", (url) => {
    expect(isLocalDatabase(postgres(url))).toBe(false);
    expect(resetRefusal(postgres(url))).toMatch(
      /^Refusing to --reset PostgreSQL at .*Add --force to empty it anyway\.$/,
    );
  });

  it("PGlite is always local; a URL that does not parse is left to createDb to reject", () => {
    expect(isLocalDatabase({ backend: "pglite", dataDir: "/d" })).toBe(true);
    expect(resetRefusal({ backend: "pglite", dataDir: "/d" })).toBeUndefined();
    expect(isLocalDatabase(postgres("not a url"))).toBe(false);
    expect(resetRefusal(postgres("not a url"))).toBeUndefined();
  });

  it("the refusal hides the password", () => {
    expect(resetRefusal(postgres("postgres://u:hunter2@db.example.com/db"))).not.toContain("hunter2");
  });
});
