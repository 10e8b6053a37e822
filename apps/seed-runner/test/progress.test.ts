import { describe, expect, it } from "vitest";
import { createProgressReporter, loadSummaryLine, progressLine, rowsPerSecond } from "../src/progress.js";

function recordingStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } };
}

/** A clock that reads `now.ms`, moved by the test. */
function manualClock() {
  const now = { ms: 0 };
  return { now, clock: () => now.ms };
}

describe("progressLine", () => {
  it("shows a bar of tenths, the percentage, the rows and the rate so far", () => {
    expect(progressLine(420_000, 1_000_000, 5_000)).toBe(
      "[####------] 42% 420,000/1,000,000 rows 84,000 rows/s",
    );
    expect(progressLine(1_000_000, 1_000_000, 10_000)).toBe(
      "[##########] 100% 1,000,000/1,000,000 rows 100,000 rows/s",
    );
    expect(progressLine(0, 1_000, 0)).toBe("[----------] 0% 0/1,000 rows 0 rows/s");
  });

  it("summarizes a finished load in rows per second", () => {
    expect(loadSummaryLine(1_000_000, 11.84)).toBe("Wrote 1,000,000 rows in 11.8 s (84,459 rows/s)");
    expect(rowsPerSecond(10, 0)).toBe(0);
  });
});

describe("createProgressReporter", () => {
  it("on a terminal redraws one line in place, at most every 100 ms, and ends it when done", () => {
    const { writes, stream } = recordingStream(true);
    const { now, clock } = manualClock();
    const progress = createProgressReporter(100_000, stream, clock);
    now.ms = 1_000;
    progress.update(10_000);
    now.ms = 1_050;
    progress.update(20_000); // too soon: skipped
    now.ms = 1_200;
    progress.update(30_000);
    now.ms = 1_210;
    progress.update(100_000); // the last one is always drawn
    progress.finish();
    expect(writes).toEqual([
      "\r[#---------] 10% 10,000/100,000 rows 10,000 rows/s\x1b[K",
      "\r[###-------] 30% 30,000/100,000 rows 25,000 rows/s\x1b[K",
      "\r[##########] 100% 100,000/100,000 rows 82,645 rows/s\x1b[K",
      "\n",
    ]);
  });

  it("elsewhere writes a line per tenth of the work, or after 5 s without one", () => {
    const { writes, stream } = recordingStream(false);
    const { now, clock } = manualClock();
    const progress = createProgressReporter(1_000_000, stream, clock);
    for (const rows of [10_000, 50_000, 100_000, 110_000, 150_000]) {
      now.ms += 100;
      progress.update(rows);
    }
    now.ms += 6_000;
    progress.update(160_000);
    progress.finish();
    expect(writes).toEqual([
      "[#---------] 10% 100,000/1,000,000 rows 333,333 rows/s\n",
      "[#---------] 16% 160,000/1,000,000 rows 24,615 rows/s\n",
    ]);
  });

  it("finishes without output when nothing was drawn", () => {
    const { writes, stream } = recordingStream(true);
    createProgressReporter(10, stream).finish();
    expect(writes).toEqual([]);
  });
});
