#!/usr/bin/env node
// Packs @optiinfra/db (and @optiinfra/contracts, which it depends on) as they would be published, installs the
// tarballs into a new project outside the workspace, and there migrates a PGlite database, inserts a customer,
// an agent and a resource metric, reads them back through a relation, and type-checks the consumer against the
// published .d.ts files. Fails if a `workspace:` or `catalog:` version leaks into a packed manifest.
// Run after `pnpm build`: `node scripts/check-package.mjs`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(join(tmpdir(), "optiinfra-package-check-"));
const run = (command, args, cwd) =>
  execFileSync(command, args, { cwd, stdio: ["ignore", "pipe", "inherit"] }).toString();

try {
  const tarballs = {};
  const manifests = {};
  for (const pkg of ["contracts", "db"]) {
    const out = join(work, "packs", pkg);
    run("pnpm", ["pack", "--pack-destination", out], join(root, "packages", pkg));
    const [tarball] = readdirSync(out).filter((f) => f.endsWith(".tgz"));
    if (!tarball) throw new Error(`pnpm pack wrote no tarball for ${pkg}`);
    tarballs[pkg] = join(out, tarball);
    const manifest = run("tar", ["-xzOf", tarballs[pkg], "package/package.json"], work);
    manifests[pkg] = JSON.parse(manifest);
    const leak = manifest.match(/"(workspace|catalog):[^"]*"/);
    if (leak) throw new Error(`${pkg}: the packed package.json still says ${leak[0]}`);
    const files = run("tar", ["-tzf", tarballs[pkg]], work);
    for (const required of pkg === "db"
      ? [
          "package/dist/index.js",
          "package/dist/testing/index.d.ts",
          "package/drizzle/meta/_journal.json",
          "package/drizzle/0003_resource_schema.sql",
        ]
      : ["package/dist/index.js", "package/dist/json-schema/metric-sample.json"]) {
      if (!files.includes(required)) throw new Error(`${pkg}: the tarball lacks ${required}`);
    }
  }

  const consumer = join(work, "consumer");
  run("mkdir", ["-p", consumer], work);
  writeFileSync(
    join(consumer, "package.json"),
    JSON.stringify(
      {
        name: "optiinfra-db-consumer",
        private: true,
        type: "module",
        dependencies: {
          "@optiinfra/db": `file:${tarballs.db}`,
          "@optiinfra/contracts": `file:${tarballs.contracts}`,
          // A consumer writing queries imports Drizzle's operators itself, at the version the package uses.
          "drizzle-orm": manifests.db.dependencies["drizzle-orm"],
          typescript: manifests.db.devDependencies?.typescript ?? "5.9.3",
        },
        overrides: { "@optiinfra/contracts": `file:${tarballs.contracts}` },
      },
      null,
      2,
    ),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], consumer);

  writeFileSync(
    join(consumer, "consumer.ts"),
    `import { agents, createDb, customers, migrate, resourceMetrics, scalingEventDurationSeconds } from "@optiinfra/db";
import { sampleScalingEvent } from "@optiinfra/db/testing";
import { eq } from "drizzle-orm";

const db = await createDb();
try {
  const { applied } = await migrate(db);
  if (applied.length !== 4) throw new Error(\`expected 4 migrations, applied \${applied.join(", ")}\`);
  const [customer] = await db.insert(customers).values({ name: "Packed Corp", email: "ops@packed.example" }).returning();
  const [agent] = await db.insert(agents).values({ type: "resource", name: "packed-agent", status: "healthy" }).returning();
  if (!customer || !agent) throw new Error("insert returned nothing");
  const [metric] = await db
    .insert(resourceMetrics)
    .values({
      agentId: agent.id,
      customerId: customer.id,
      instanceId: "i-packed",
      resourceType: "gpu",
      metricName: "utilization",
      metricValue: 42.5,
      unit: "percent",
      timestamp: new Date(),
    })
    .returning();
  const read = await db.query.resourceMetrics.findFirst({
    where: eq(resourceMetrics.id, metric?.id ?? ""),
    with: { agent: true, customer: { with: { resourceMetrics: true } } },
  });
  const event = await sampleScalingEvent(db, { agentId: agent.id, customerId: customer.id });
  const summary = {
    value: read?.metricValue,
    agent: read?.agent.name,
    customer: read?.customer.name,
    customerMetrics: read?.customer.resourceMetrics.length,
    duration: scalingEventDurationSeconds(event),
  };
  const expected = { value: 42.5, agent: "packed-agent", customer: "Packed Corp", customerMetrics: 1, duration: 3600 };
  if (JSON.stringify(summary) !== JSON.stringify(expected)) {
    throw new Error(\`read back \${JSON.stringify(summary)}, expected \${JSON.stringify(expected)}\`);
  }
  console.log("consumer read back", JSON.stringify(summary));
} finally {
  await db.close();
}
`,
  );
  writeFileSync(
    join(consumer, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        outDir: "out",
        skipLibCheck: true,
        types: [],
      },
      files: ["consumer.ts"],
    }),
  );
  // Type-checks the consumer against the published .d.ts files, then runs what it compiled to.
  run(
    process.execPath,
    [join(consumer, "node_modules", "typescript", "bin", "tsc"), "-p", consumer],
    consumer,
  );
  process.stdout.write(run(process.execPath, [join("out", "consumer.js")], consumer));
  console.log(
    "package check passed: packed manifests are clean, the consumer migrates, writes and reads back.",
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
