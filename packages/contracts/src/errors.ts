import type * as z from "zod";

export interface ContractIssue {
  /** Dotted path to the offending value, e.g. `samples.3.value`; empty for the payload itself. */
  path: string;
  message: string;
}

/** Thrown when a payload breaks its contract; `message` lists every issue, one per line. */
export class ContractError extends Error {
  readonly code = "invalid_payload";
  readonly issues: readonly ContractIssue[];

  constructor(issues: readonly ContractIssue[]) {
    super(formatIssues(issues));
    this.name = "ContractError";
    this.issues = issues;
  }
}

export function toContractIssues(error: z.ZodError): ContractIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/** One line per issue, `path: message`, so a log line or an HTTP 400 body says exactly what to fix. */
export function formatIssues(issues: readonly ContractIssue[]): string {
  return issues.map(({ path, message }) => `${path === "" ? "(payload)" : path}: ${message}`).join("\n");
}

/** Validates `input` against `schema` and returns the parsed value, or throws a `ContractError`. */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ContractError(toContractIssues(result.error));
  return result.data;
}
