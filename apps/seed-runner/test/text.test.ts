import { describe, expect, it } from "vitest";
import { formatCount, formatDecimal, formatFields, formatTable } from "../src/text.js";

describe("number formatting", () => {
  it("groups thousands the same way on every machine", () => {
    expect(formatCount(1_234_567)).toBe("1,234,567");
    expect(formatCount(0)).toBe("0");
    expect(formatDecimal(1234.5, 2)).toBe("1,234.50");
    expect(formatDecimal(7.5, 1)).toBe("7.5");
    expect(formatDecimal(10, 1)).toBe("10.0");
  });
});

describe("formatTable", () => {
  it("sizes each column to its widest cell, right-aligns numbers, and rules off the header and total", () => {
    expect(
      formatTable(
        [{ header: "table" }, { header: "rows", align: "right" }],
        [
          ["customers", "3"],
          ["resource_metrics", "1,126"],
        ],
        ["all", "1,129"],
      ),
    ).toEqual([
      "  table              rows",
      "  ----------------  -----",
      "  customers             3",
      "  resource_metrics  1,126",
      "  ----------------  -----",
      "  all               1,129",
    ]);
  });

  it("says (none) for a table without rows and leaves no trailing blanks", () => {
    expect(formatTable([{ header: "instance" }, { header: "note" }], [])).toEqual([
      "  instance  note",
      "  --------  ----",
      "  (none)",
    ]);
    expect(formatTable([{ header: "a" }, { header: "b" }], [["x", ""]])).toContain("  x");
  });
});

describe("formatFields", () => {
  it("lines the values up after the longest label", () => {
    expect(
      formatFields([
        ["Database", "PGlite"],
        ["Now", "2026-10-20T12:00:00.000Z"],
      ]),
    ).toEqual(["Database  PGlite", "Now       2026-10-20T12:00:00.000Z"]);
  });
});
