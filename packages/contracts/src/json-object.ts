import * as z from "zod";

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const JSON_OBJECT_MAX_BYTES = 8 * 1024;
/** The object itself is level 1; each nested object or array adds one. */
export const JSON_OBJECT_MAX_DEPTH = 5;
/** Keys that would reach an object's prototype if a consumer merged the value into another object. */
export const FORBIDDEN_JSON_KEYS: readonly string[] = ["__proto__", "constructor", "prototype"];

type Issue = { path: (string | number)[]; message: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Returns the first rule the value breaks, so one bad key does not bury the payload in issues. The
 * path is built on the way back up, so valid values (the hot path) allocate none.
 */
function findJsonIssue(value: unknown, depth: number): Issue | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return undefined;
  if (typeof value === "number") {
    return Number.isFinite(value) ? undefined : { path: [], message: "must be a finite number" };
  }
  const isArray = Array.isArray(value);
  if (!isArray && !isPlainObject(value)) {
    return {
      path: [],
      message: "must be a JSON value (string, finite number, boolean, null, array or object)",
    };
  }
  if (depth > JSON_OBJECT_MAX_DEPTH) {
    return { path: [], message: `nests deeper than ${JSON_OBJECT_MAX_DEPTH} levels; flatten the object` };
  }
  if (isArray) {
    for (let index = 0; index < value.length; index++) {
      const issue = findJsonIssue(value[index], depth + 1);
      if (issue) return { path: [index, ...issue.path], message: issue.message };
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_JSON_KEYS.includes(key))
      return { path: [key], message: `key "${key}" is not allowed; rename it` };
    const issue = findJsonIssue(value[key], depth + 1);
    if (issue) return { path: [key, ...issue.path], message: issue.message };
  }
  return undefined;
}

function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      // A surrogate pair is one 4-byte code point.
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * A JSON object as stored in a `jsonb` column: at most 8 KiB serialized, 5 levels deep, and free of
 * prototype keys at every level. It is checked on the raw input because zod's object and record
 * parsers silently drop a `__proto__` key instead of reporting it.
 */
export const jsonObjectSchema = z
  .custom<JsonObject>()
  .check((ctx) => {
    if (!isPlainObject(ctx.value)) {
      ctx.issues.push({ code: "custom", input: ctx.value, message: "must be a JSON object" });
      return;
    }
    const issue = findJsonIssue(ctx.value, 1);
    if (issue) {
      ctx.issues.push({ code: "custom", input: ctx.value, path: issue.path, message: issue.message });
      return;
    }
    const bytes = utf8ByteLength(JSON.stringify(ctx.value));
    if (bytes > JSON_OBJECT_MAX_BYTES) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        message: `is ${bytes} bytes as JSON, more than ${JSON_OBJECT_MAX_BYTES}; move bulky data elsewhere`,
      });
    }
  })
  .meta({
    type: "object",
    propertyNames: { not: { enum: [...FORBIDDEN_JSON_KEYS] } },
    description:
      `A JSON object of at most ${JSON_OBJECT_MAX_BYTES} bytes serialized and ${JSON_OBJECT_MAX_DEPTH} levels deep, ` +
      `without the keys ${FORBIDDEN_JSON_KEYS.join(", ")} at any level (size, depth and nested keys are checked by the zod validator only).`,
  });
