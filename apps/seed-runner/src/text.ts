// Number and table formatting for the terminal: fixed locale, so the output is the same on every machine.

const counts = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** 1234567 → "1,234,567". */
export function formatCount(value: number): string {
  return counts.format(value);
}

/** A fixed number of decimals, with thousands separators: (1234.5, 2) → "1,234.50". */
export function formatDecimal(value: number, decimals: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export interface Column {
  header: string;
  /** Numbers go right so their digits line up. */
  align?: "left" | "right";
}

/**
 * `rows` under `columns`, each column as wide as its widest cell, two spaces apart, a rule under the header and
 * above the optional `total` row. Returns the lines, indented by two spaces, without trailing blanks.
 */
export function formatTable(columns: Column[], rows: string[][], total?: string[]): string[] {
  const widths = columns.map((column, index) =>
    Math.max(
      column.header.length,
      ...[...rows, ...(total ? [total] : [])].map((row) => (row[index] ?? "").length),
    ),
  );
  const line = (cells: string[]) =>
    `  ${columns
      .map((column, index) => {
        const cell = cells[index] ?? "";
        const width = widths[index] ?? 0;
        return column.align === "right" ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")}`.trimEnd();
  const rule = line(widths.map((width) => "-".repeat(width)));
  return [
    line(columns.map((column) => column.header)),
    rule,
    ...(rows.length === 0 ? ["  (none)"] : rows.map(line)),
    ...(total ? [rule, line(total)] : []),
  ];
}

/** Label/value lines, the values lined up after the longest label. */
export function formatFields(fields: [label: string, value: string][]): string[] {
  const width = Math.max(...fields.map(([label]) => label.length));
  return fields.map(([label, value]) => `${label.padEnd(width)}  ${value}`);
}
