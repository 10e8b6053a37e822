export {
  type Backend,
  type CreateDbOptions,
  createDb,
  type Database,
  type OptiInfraDatabase,
  type Schema,
} from "./client.js";
export { databaseUrlFromEnv, testDatabaseUrlFromEnv } from "./env.js";
export {
  DbError,
  type DbErrorCode,
  type PostgresErrorFields,
  postgresErrorOf,
  reasonOf,
  redactUrl,
} from "./errors.js";
export { type MigrateResult, migrate, migrationsFolder } from "./migrate.js";
export {
  type BulkWriter,
  type CopyChunk,
  copyLine,
  inBulkTransaction,
  RESOURCE_METRIC_COPY_COLUMNS,
} from "./queries/bulk.js";
export { allTables, truncateAllTables } from "./queries/maintenance.js";
export { type DatabaseReport, readDatabaseReport } from "./queries/report.js";
export { type Owners, resourceMetricRow, scalingEventRow } from "./queries/resource.js";
export { scalingEventDurationSeconds, scalingEventDurationSecondsSql } from "./queries/scaling-events.js";
export { orderedSteps } from "./queries/workflows.js";
export * from "./schema/index.js";
export * from "./seeds/index.js";
export type * from "./types.js";
