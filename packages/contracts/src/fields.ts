import * as z from "zod";

// Field schemas shared by the payloads. Messages name no field: the issue path in front of them does.
// Every check aborts on failure, so a bad field yields one issue and the cross-field rules (catalogue,
// error_details, completed_at) run only once each field is valid.

/** A string of 1 to `maxLength` characters; `typeError` says what belongs there. */
export function boundedString(maxLength: number, typeError: string) {
  return z
    .string({ error: typeError })
    .min(1, { error: "must not be empty", abort: true })
    .max(maxLength, { error: `must be at most ${maxLength} characters`, abort: true });
}

/**
 * Any 8-4-4-4-12 hex UUID, as PostgreSQL's `uuid` type accepts it. `z.uuid()` would reject the
 * version-0 ids the demo data uses (00000000-0000-0000-0000-000000000001).
 */
export const idSchema = z.guid({ error: "must be a UUID such as 00000000-0000-0000-0000-000000000001" });

/** Characters that AWS, GCP and Azure instance ids, ARNs and resource paths are made of. */
const CLOUD_ID = /^[A-Za-z0-9._:/-]+$/;

export const instanceIdSchema = boundedString(
  255,
  "must be a cloud instance id such as i-0abc123def456",
).regex(CLOUD_ID, { error: "may contain only letters, digits and . _ : / -", abort: true });
