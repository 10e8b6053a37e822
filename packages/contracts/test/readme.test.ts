import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type PayloadName, payloadSchemas } from "../src/json-schema.js";
import { issuePaths, jsonSchemaAccepts } from "./helpers.js";

// Every payload example in the README must stay valid as the schemas change.
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const examples = [...readme.matchAll(/<!-- example: ([a-z-]+) -->\n```json\n([\s\S]*?)\n```/g)].map(
  ([, name, json]) => ({ name: name as PayloadName, payload: JSON.parse(json ?? "") as unknown }),
);

describe("the README", () => {
  it("shows one example of every payload", () => {
    expect(examples.map((example) => example.name).sort()).toEqual(Object.keys(payloadSchemas).sort());
  });

  it.each(examples)("has a valid $name example", ({ name, payload }) => {
    expect(issuePaths(payloadSchemas[name], payload)).toBeUndefined();
    expect(jsonSchemaAccepts(name, payload)).toBe(true);
  });
});
