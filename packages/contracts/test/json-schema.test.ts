import { describe, expect, it } from "vitest";
import { metricCatalog } from "../src/index.js";
import { type PayloadName, payloadSchemas, toPayloadJsonSchema } from "../src/json-schema.js";
import { payloadCases, type ValidCase } from "./cases.js";
import { isJsonData, jsonSchemaAccepts } from "./helpers.js";

describe.each(Object.entries(payloadCases))("the %s JSON Schema", (name, { valid, invalid }) => {
  const payload = name as PayloadName;
  const jsonCases = <Case extends ValidCase>(cases: Case[]) =>
    cases.filter((testCase) => isJsonData(testCase.input));

  it.each(jsonCases(valid))("accepts $name, as zod does", ({ input }) => {
    expect(jsonSchemaAccepts(payload, input)).toBe(true);
  });

  it.each(jsonCases(invalid).filter((testCase) => !testCase.onlyZod))(
    "rejects $name, as zod does",
    ({ input }) => {
      expect(jsonSchemaAccepts(payload, input)).toBe(false);
    },
  );

  const onlyZod = invalid.filter((testCase) => testCase.onlyZod);
  it.skipIf(onlyZod.length === 0).each(onlyZod)("cannot judge $name, which only zod rejects", ({ input }) => {
    expect(jsonSchemaAccepts(payload, input)).toBe(true);
  });
});

describe("the generated JSON Schemas", () => {
  it("exist for every payload, as draft 2020-12", () => {
    for (const name of Object.keys(payloadSchemas) as PayloadName[]) {
      expect(toPayloadJsonSchema(name).$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    }
  });

  it("carry a rule for every metric of the catalogue", () => {
    const rules = toPayloadJsonSchema("metric-sample").allOf as { if: { properties: object } }[];
    const catalogued = Object.entries(metricCatalog).flatMap(([type, metrics]) =>
      Object.keys(metrics).map((metric) => ({
        resource_type: { const: type },
        metric_name: { const: metric },
      })),
    );
    expect(rules.map((rule) => rule.if.properties)).toEqual(catalogued);
  });

  it("describe the rules they cannot express", () => {
    const event = JSON.stringify(toPayloadJsonSchema("scaling-event"));
    expect(event).toContain(
      "completed_at must not be before executed_at (checked by the zod validator only)",
    );
    const sample = JSON.stringify(toPayloadJsonSchema("metric-sample"));
    expect(sample).toContain(
      "at most 5 minutes after the receiver's clock (checked by the zod validator only)",
    );
    expect(sample).toContain("size, depth and nested keys are checked by the zod validator only");
  });
});
