import { describe, expect, it } from "vitest";
import { round2 } from "../src/fixtures/round.js";

describe("round2", () => {
  it("rounds halves away from zero on the decimal value, whatever binary noise says", () => {
    expect((68 / 128) * 100).toBe(53.125);
    expect(round2((68 / 128) * 100)).toBe(53.13);
    expect(1.005 * 100).toBeLessThan(100.5);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(-53.125)).toBe(-53.13);
    expect(round2(2.675)).toBe(2.68);
  });

  it("leaves two-decimal values as they are and rounds the rest to the nearest", () => {
    expect([round2(39.0625), round2(64.84375), round2(66.8), round2(0), round2(10.2)]).toEqual([
      39.06, 64.84, 66.8, 0, 10.2,
    ]);
  });
});
