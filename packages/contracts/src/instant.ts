import * as z from "zod";

export interface ClockOptions {
  /** How far ahead of `now()` a reported instant may be before it is taken for a wrong clock. */
  maxFutureSkewMs?: number;
  /** The receiver's clock, in epoch milliseconds. */
  now?: () => number;
}

export const DEFAULT_MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

/** The largest epoch millisecond a JavaScript `Date` can hold. */
const MAX_EPOCH_MS = 8.64e15;

const isoDateTimeSchema = z.iso.datetime({
  offset: true,
  error: "must be an ISO 8601 date-time with Z or an offset, such as 2025-10-20T14:00:00Z",
});

const epochMillisecondsSchema = z
  .int()
  .min(0, { error: "epoch milliseconds must not be negative" })
  .max(MAX_EPOCH_MS, { error: "epoch milliseconds are out of range" });

const isoOrEpochSchema = z.union([isoDateTimeSchema, epochMillisecondsSchema], {
  error: "must be an ISO 8601 date-time string with Z or an offset, or integer epoch milliseconds",
});

function describeDuration(ms: number): string {
  const [amount, unit] = ms % 60_000 === 0 ? [ms / 60_000, "minute"] : [ms / 1000, "second"];
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}

/**
 * A reported instant: an ISO 8601 string that names its offset (a local time without one is ambiguous
 * across agents) or epoch milliseconds, parsed to a `Date`. Instants too far in the future are refused:
 * they mean the sender's clock is wrong, and would sort ahead of every real sample.
 */
export function instantSchema({
  maxFutureSkewMs = DEFAULT_MAX_FUTURE_SKEW_MS,
  now = Date.now,
}: ClockOptions = {}) {
  const futureMessage = `is more than ${describeDuration(maxFutureSkewMs)} in the future; check the sender's clock (NTP)`;
  return isoOrEpochSchema
    .transform((value) => new Date(value))
    .refine((date) => date.getTime() <= now() + maxFutureSkewMs, { error: futureMessage })
    .meta({
      description: `An instant, at most ${describeDuration(maxFutureSkewMs)} after the receiver's clock (checked by the zod validator only).`,
    });
}

export type InstantSchema = ReturnType<typeof instantSchema>;
