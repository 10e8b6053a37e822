import { formatCount, formatDecimal } from "./text.js";

/** Where progress goes: stderr, so it never mixes into a report or JSON on stdout. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressReporter {
  /** Called with the rows written so far. */
  update(rowsWritten: number): void;
  /** Ends the progress display (on a terminal, moves past the updating line). */
  finish(): void;
}

/** A terminal redraws this often at most: more is flicker and wasted writes. */
const REDRAW_INTERVAL_MS = 100;
/** Without a terminal, a line per tenth of the work, or after this long without one. */
const LINE_INTERVAL_MS = 5_000;
const BAR_WIDTH = 10;

/**
 * Progress of writing `total` rows: one line redrawn in place on a terminal, periodic lines elsewhere (CI logs,
 * files), where carriage returns would pile up.
 */
export function createProgressReporter(
  total: number,
  stream: ProgressStream,
  clock: () => number = () => performance.now(),
): ProgressReporter {
  const started = clock();
  let lastWriteAt = started;
  let lastTenth = 0;
  let drawn = false;
  return {
    update(rowsWritten) {
      const now = clock();
      const text = progressLine(rowsWritten, total, now - started);
      if (stream.isTTY) {
        if (rowsWritten < total && now - lastWriteAt < REDRAW_INTERVAL_MS) return;
        stream.write(`\r${text}\x1b[K`);
        drawn = true;
      } else {
        const tenth = Math.floor((rowsWritten * 10) / total);
        if (tenth <= lastTenth && now - lastWriteAt < LINE_INTERVAL_MS) return;
        lastTenth = tenth;
        stream.write(`${text}\n`);
      }
      lastWriteAt = now;
    },
    finish() {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}

/** `[####------] 42% 420,000/1,000,000 rows 85,000 rows/s` */
export function progressLine(rowsWritten: number, total: number, elapsedMs: number): string {
  const share = total > 0 ? Math.min(1, rowsWritten / total) : 1;
  const filled = Math.floor(share * BAR_WIDTH);
  const bar = `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`;
  const rate = rowsPerSecond(rowsWritten, elapsedMs / 1000);
  return `${bar} ${Math.floor(share * 100)}% ${formatCount(rowsWritten)}/${formatCount(total)} rows ${formatCount(rate)} rows/s`;
}

/** `Wrote 1,000,000 rows in 11.8 s (84,746 rows/s)` */
export function loadSummaryLine(rows: number, seconds: number): string {
  return `Wrote ${formatCount(rows)} rows in ${formatDecimal(seconds, 1)} s (${formatCount(rowsPerSecond(rows, seconds))} rows/s)`;
}

export function rowsPerSecond(rows: number, seconds: number): number {
  return seconds > 0 ? Math.round(rows / seconds) : 0;
}
