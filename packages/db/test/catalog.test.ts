import { describe, expect } from "vitest";
import {
  droppedIndexes,
  expectedCheckConstraints,
  expectedColumns,
  expectedEnums,
  expectedForeignKeys,
  expectedIndexes,
  expectedUniqueConstraints,
} from "./catalog/expected.js";
import { readColumns, readConstraints, readEnums, readPlainIndexes } from "./catalog/read-catalog.js";
import { useTestDatabase } from "./support.js";

const { it } = useTestDatabase();

/** Default expressions compared without their casts: the compatibility rule lets casts differ (spec §1). */
function withoutCasts(expression: string | null): string | null {
  return expression === null
    ? null
    : expression
        .replace(/::[a-z_ ]+(\(\d+\))?(\[\])?/g, "")
        .replace(/\((\w+\(\))\)/g, "$1")
        .replace(/^'(-?\d+(\.\d+)?)'$/, "$1");
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rows sorted by their first `keys` fields, in code-point order (catalog collations differ); stable otherwise. */
const sorted = <T extends readonly unknown[]>(rows: readonly T[], keys = 2): T[] =>
  [...rows].sort((a, b) => {
    for (let i = 0; i < keys; i++) {
      const order = compare(String(a[i]), String(b[i]));
      if (order !== 0) return order;
    }
    return 0;
  });

describe("the migrated catalog equals spec/schema.md (§1, §2.2, §3, §5, §6)", () => {
  it("has the 15 tables with every column's type, nullability and default, in the reference's column order", async ({
    tx,
  }) => {
    const normalized = (rows: readonly (readonly [string, string, string, boolean, string | null])[]) =>
      sorted(rows, 1).map(([t, c, type, nullable, d]) => [t, c, type, nullable, withoutCasts(d)]);
    const actual = normalized(await readColumns(tx));
    const expected = normalized(expectedColumns);
    expect(new Set(actual.map(([t]) => t)).size).toBe(15);
    expect(actual.length).toBe(164);
    // Tables sorted by name on both sides; within a table, ordinal order.
    expect(actual).toEqual(expected);
  });

  it("has the 18 enum types with their values in order, and no others", async ({ tx }) => {
    expect(await readEnums(tx)).toEqual(expectedEnums);
  });

  it("has a primary key <table>_pkey on id for every table", async ({ tx }) => {
    const keys = (await readConstraints(tx)).filter((c) => c.type === "p");
    const tables = [...new Set(expectedColumns.map(([t]) => t))];
    expect(sorted(keys.map((k) => [k.table, k.name, k.columns]))).toEqual(
      sorted(tables.map((t) => [t, `${t}_pkey`, ["id"]])),
    );
  });

  it("has exactly the reference's unique constraints, by name and columns", async ({ tx }) => {
    const unique = (await readConstraints(tx)).filter((c) => c.type === "u");
    expect(sorted(unique.map((u) => [u.table, u.name, u.columns]))).toEqual(
      sorted(expectedUniqueConstraints),
    );
  });

  it("has the two reference checks with their stored definitions, and the four new ones", async ({ tx }) => {
    const checks = (await readConstraints(tx)).filter((c) => c.type === "c");
    expect(sorted(checks.map((c) => [c.table, c.name]))).toEqual(sorted(expectedCheckConstraints));
    const definition = (name: string) => checks.find((c) => c.name === name)?.definition;
    expect(definition("check_confidence_range")).toBe(
      "CHECK (((confidence_score >= (0.0)::double precision) AND (confidence_score <= (1.0)::double precision)))",
    );
    expect(definition("check_progress_range")).toBe("CHECK (((progress >= 0) AND (progress <= 100)))");
    expect(definition("check_scaling_completed_after_executed")).toBe(
      "CHECK (((completed_at IS NULL) OR (completed_at >= executed_at)))",
    );
    expect(definition("check_execution_completed_after_started")).toBe(
      "CHECK (((completed_at IS NULL) OR (started_at IS NULL) OR (completed_at >= started_at)))",
    );
    expect(definition("check_step_completed_after_started")).toBe(
      definition("check_execution_completed_after_started"),
    );
    expect(definition("check_metric_value_finite")).toBe(
      "CHECK (((metric_value > '-Infinity'::double precision) AND (metric_value < 'Infinity'::double precision)))",
    );
  });

  it("has the 23 foreign keys with their names and ON DELETE rules; ON UPDATE NO ACTION, none deferrable", async ({
    tx,
  }) => {
    const foreignKeys = (await readConstraints(tx)).filter((c) => c.type === "f");
    const onDelete = { c: "cascade", n: "set null" } as Record<string, string>;
    expect(
      sorted(
        foreignKeys.map((f) => [
          f.table,
          f.columns.join(","),
          f.parent,
          onDelete[f.onDelete] ?? f.onDelete,
          f.name,
        ]),
      ),
    ).toEqual(sorted(expectedForeignKeys));
    expect(
      new Set(foreignKeys.map((f) => `${f.parentColumns?.join(",")} ${f.onUpdate} ${f.deferrable}`)),
    ).toEqual(new Set(["id a false"]));
  });

  it("keeps the 54 reference indexes under their names and columns, and none of the 30 redundant ones", async ({
    tx,
  }) => {
    const indexes = await readPlainIndexes(tx);
    expect(sorted(indexes.map((i) => [i.table, i.name, i.columns]))).toEqual(sorted(expectedIndexes));
    expect(new Set(indexes.map((i) => i.method))).toEqual(new Set(["btree"]));
    const names = new Set(indexes.map((i) => i.name));
    expect(droppedIndexes.filter(([, name]) => names.has(name))).toEqual([]);
    expect(droppedIndexes.length).toBe(30);
  });
});
