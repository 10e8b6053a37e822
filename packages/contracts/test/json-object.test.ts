import { describe, expect, it } from "vitest";
import { FORBIDDEN_JSON_KEYS, JSON_OBJECT_MAX_BYTES } from "../src/index.js";
import { findJsonObjectIssue } from "../src/json-object.js";

// {"note":""} is 11 bytes of JSON around the repeated character.
const note = (character: string, count: number) => ({ note: character.repeat(count) });

describe("findJsonObjectIssue", () => {
  it("counts the size in UTF-8 bytes of the JSON, not in characters", () => {
    expect(JSON_OBJECT_MAX_BYTES).toBe(8192);
    // € is 3 bytes: 11 + 3 × 2727 = 8192.
    expect(findJsonObjectIssue(note("€", 2727))).toBeUndefined();
    expect(findJsonObjectIssue(note("€", 2728))).toEqual({
      path: [],
      message: "is 8195 bytes as JSON, more than 8192; move bulky data elsewhere",
    });
    // An emoji is a surrogate pair, two UTF-16 units, and one 4-byte code point: 11 + 4 × 2045 = 8191.
    expect(findJsonObjectIssue(note("🚀", 2045))).toBeUndefined();
    expect(findJsonObjectIssue(note("🚀", 2046))?.message).toMatch(/^is 8195 bytes/);
  });

  it("counts escapes as JSON writes them", () => {
    // Each newline is written as the two characters \n.
    expect(findJsonObjectIssue(note("\n", 4090))).toBeUndefined();
    expect(findJsonObjectIssue(note("\n", 4091))?.message).toMatch(/^is 8193 bytes/);
  });

  it("rejects every forbidden key at any depth and in arrays", () => {
    for (const key of FORBIDDEN_JSON_KEYS) {
      const nested = JSON.parse(`{"a": [1, {"b": {"${key}": true}}]}`);
      expect(findJsonObjectIssue(nested)).toEqual({
        path: ["a", 1, "b", key],
        message: `key "${key}" is not allowed; rename it`,
      });
    }
  });

  it("accepts null-prototype objects and every JSON primitive", () => {
    const bare = Object.assign(Object.create(null), { a: null, b: true, c: "text", d: -0.5, e: [[]] });
    expect(findJsonObjectIssue(bare)).toBeUndefined();
  });

  it("rejects values JSON cannot carry", () => {
    class Point {
      x = 1;
    }
    expect(findJsonObjectIssue({ p: new Point() })?.path).toEqual(["p"]);
    expect(findJsonObjectIssue({ f: () => 1 })?.path).toEqual(["f"]);
    expect(findJsonObjectIssue({ u: undefined })?.path).toEqual(["u"]);
    expect(findJsonObjectIssue({ list: [1, Number.NEGATIVE_INFINITY] })).toEqual({
      path: ["list", 1],
      message: "must be a finite number",
    });
    expect(findJsonObjectIssue([])).toEqual({ path: [], message: "must be a JSON object" });
  });

  it("limits nesting to 5 levels, arrays included", () => {
    expect(findJsonObjectIssue({ a: [{ b: [{}] }] })).toBeUndefined();
    expect(findJsonObjectIssue({ a: [{ b: [{ c: [] }] }] })).toEqual({
      path: ["a", 0, "b", 0, "c"],
      message: "nests deeper than 5 levels; flatten the object",
    });
  });
});
