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
 * Walks a JSON value and returns either the first rule it breaks, so one bad key does not bury the
 * payload in issues, or an upper bound of its serialized size in bytes. The bound lets the size rule
 * skip `JSON.stringify` for every value that is clearly small enough, which is nearly all of them. The
 * issue path is built on the way back up, so valid values (the hot path) allocate none.
 */
function measureJson(value: unknown, depth: number): number | Issue {
  if (value === null) return 4;
  switch (typeof value) {
    case "boolean":
      return 5;
    case "string":
      // Worst case: every UTF-16 unit escaped as \uXXXX, plus the quotes.
      return 6 * value.length + 2;
    case "number":
      // The longest JavaScript number literal, -2.2250738585072014e-308, has 24 characters.
      return Number.isFinite(value) ? 24 : { path: [], message: "must be a finite number" };
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
  // The brackets; each entry then adds itself and a comma, and in an object its quoted key and colon.
  let bytes = 2;
  if (isArray) {
    for (let index = 0; index < value.length; index++) {
      const item = measureJson(value[index], depth + 1);
      if (typeof item !== "number") return { path: [index, ...item.path], message: item.message };
      bytes += item + 1;
    }
    return bytes;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_JSON_KEYS.includes(key))
      return { path: [key], message: `key "${key}" is not allowed; rename it` };
    const entry = measureJson(value[key], depth + 1);
    if (typeof entry !== "number") return { path: [key, ...entry.path], message: entry.message };
    bytes += 6 * key.length + 2 + 1 + entry + 1;
  }
  return bytes;
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

/** The first rule `value` breaks as a bounded JSON object, or undefined when it keeps them all. */
export function findJsonObjectIssue(value: unknown): Issue | undefined {
  if (!isPlainObject(value)) return { path: [], message: "must be a JSON object" };
  const measured = measureJson(value, 1);
  if (typeof measured !== "number") return measured;
  if (measured <= JSON_OBJECT_MAX_BYTES) return undefined;
  const bytes = utf8ByteLength(JSON.stringify(value));
  return bytes > JSON_OBJECT_MAX_BYTES
    ? {
        path: [],
        message: `is ${bytes} bytes as JSON, more than ${JSON_OBJECT_MAX_BYTES}; move bulky data elsewhere`,
      }
    : undefined;
}

/**
 * A JSON object as stored in a `jsonb` column: at most 8 KiB serialized, 5 levels deep, and free of
 * prototype keys at every level. It is checked on the raw input because zod's object and record
 * parsers silently drop a `__proto__` key instead of reporting it.
 */
export const jsonObjectSchema = z
  .custom<JsonObject>()
  .check((ctx) => {
    const issue = findJsonObjectIssue(ctx.value);
    if (issue)
      ctx.issues.push({ code: "custom", input: ctx.value, path: issue.path, message: issue.message });
  })
  .meta({
    type: "object",
    propertyNames: { not: { enum: [...FORBIDDEN_JSON_KEYS] } },
    description:
      `A JSON object of at most ${JSON_OBJECT_MAX_BYTES} bytes serialized and ${JSON_OBJECT_MAX_DEPTH} levels deep, ` +
      `without the keys ${FORBIDDEN_JSON_KEYS.join(", ")} at any level (size, depth and nested keys are checked by the zod validator only).`,
  });
