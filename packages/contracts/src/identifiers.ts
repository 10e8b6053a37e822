import * as z from "zod";

// Messages name no field: the issue path in front of them does.

/**
 * Any 8-4-4-4-12 hex UUID, as PostgreSQL's `uuid` type accepts it. `z.uuid()` would reject the
 * version-0 ids the demo data uses (00000000-0000-0000-0000-000000000001).
 */
export const idSchema = z.guid({ error: "must be a UUID such as 00000000-0000-0000-0000-000000000001" });

/** Characters that AWS, GCP and Azure instance ids, ARNs and resource paths are made of. */
const CLOUD_ID = /^[A-Za-z0-9._:/-]+$/;

export const instanceIdSchema = z
  .string({ error: "must be a cloud instance id string such as i-0abc123def456" })
  .min(1, { error: "must not be empty" })
  .max(255, { error: "must be at most 255 characters" })
  .regex(CLOUD_ID, { error: "may contain only letters, digits and . _ : / -" });
