import { describe, expect, it } from "vitest";
import { payloadSchemas } from "../src/json-schema.js";
import { payloadCases } from "./cases.js";
import { issuePaths } from "./helpers.js";

describe.each(Object.entries(payloadCases))("%s", (name, { valid, invalid }) => {
  const schema = payloadSchemas[name as keyof typeof payloadSchemas];

  it.each(valid)("accepts $name", ({ input }) => {
    expect(issuePaths(schema, input)).toBeUndefined();
  });

  it.each(invalid)("rejects $name at '$path'", ({ input, path }) => {
    expect(issuePaths(schema, input)).toEqual([path]);
  });
});
