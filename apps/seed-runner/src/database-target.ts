import { join, resolve } from "node:path";
import { databaseUrlFromEnv, redactUrl } from "@optiinfra/db";

export type DatabaseTarget = { backend: "pglite"; dataDir: string } | { backend: "postgres"; url: string };

/**
 * Which database a run uses: `--data-dir` (PGlite) or `--database-url` when given, else DATABASE_URL, else PGlite
 * in `<user's directory>/.optiinfra/pglite`.
 */
export function chooseDatabaseTarget(
  options: { databaseUrl: string | undefined; dataDir: string | undefined },
  userDirectory: string = userWorkingDirectory(),
): DatabaseTarget {
  if (options.dataDir !== undefined)
    return { backend: "pglite", dataDir: resolve(userDirectory, options.dataDir) };
  const url = options.databaseUrl ?? databaseUrlFromEnv();
  if (url !== undefined) return { backend: "postgres", url };
  return { backend: "pglite", dataDir: join(userDirectory, ".optiinfra", "pglite") };
}

/**
 * The directory the user ran the command from. `pnpm --filter seed-runner start` runs the script in the package's
 * directory and keeps the caller's in INIT_CWD; relative paths and the default data directory are meant to be
 * the caller's.
 */
export function userWorkingDirectory(): string {
  return process.env.INIT_CWD || process.cwd();
}

/** Where the data is, for logs and the report: the PGlite directory, or the URL without its password. */
export function describeLocation(target: DatabaseTarget): string {
  return target.backend === "pglite" ? target.dataDir : redactUrl(target.url);
}

export function describeTarget(target: DatabaseTarget): string {
  return target.backend === "pglite"
    ? `PGlite in ${target.dataDir}`
    : `PostgreSQL at ${describeLocation(target)}`;
}

/**
 * Why `--reset` must not empty `target` without `--force`, or undefined when it may: it is not on this machine.
 * A URL that does not parse gets no verdict here; opening it reports the bad URL.
 */
export function resetRefusal(target: DatabaseTarget): string | undefined {
  if (target.backend === "pglite" || !URL.canParse(target.url) || isLocalDatabase(target)) return undefined;
  return `Refusing to --reset ${describeTarget(target)}: it is not on this machine (localhost, 127.0.0.1, ::1 or a unix socket), and --reset empties every table. Add --force to empty it anyway.`;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/**
 * Whether emptying the database can only hurt this machine: PGlite, or PostgreSQL on localhost, 127.0.0.1, ::1 or a
 * unix socket. A URL whose host cannot be told (none given, so PGHOST or a default decides) counts as not local.
 */
export function isLocalDatabase(target: DatabaseTarget): boolean {
  if (target.backend === "pglite") return true;
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    return false;
  }
  // node-postgres takes ?host=/var/run/postgresql (a socket directory) over the URL's host, as libpq does.
  const host = url.searchParams.get("host") || decodeURIComponent(url.hostname);
  return host.startsWith("/") || LOOPBACK_HOSTS.has(host.toLowerCase());
}
