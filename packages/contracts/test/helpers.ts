import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import type * as z from "zod";
import { toContractIssues } from "../src/errors.js";
import { type PayloadName, payloadSchemas, toPayloadJsonSchema } from "../src/json-schema.js";

/** The issue paths zod reports for `input`, or undefined when it parses. */
export function issuePaths(schema: z.ZodType, input: unknown): string[] | undefined {
  const result = schema.safeParse(input);
  return result.success ? undefined : toContractIssues(result.error).map((issue) => issue.path);
}

// Formats are left to the patterns zod writes beside them, which are the very regexes zod applies.
const ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: true, validateFormats: false });

const jsonSchemaValidators = Object.fromEntries(
  Object.keys(payloadSchemas).map((name) => [name, ajv.compile(toPayloadJsonSchema(name as PayloadName))]),
) as Record<PayloadName, ValidateFunction>;

/** Whether the generated JSON Schema of `name` accepts `input`, as a validator in another language would judge. */
export function jsonSchemaAccepts(name: PayloadName, input: unknown): boolean {
  return jsonSchemaValidators[name](input) === true;
}

/** True for data a JSON document can carry: no NaN, Infinity, undefined, Date or class instance anywhere. */
export function isJsonData(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonData);
  if (typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isJsonData);
}
