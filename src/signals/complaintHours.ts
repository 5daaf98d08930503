import { daysFromCivil, daysInMonth } from "../model/calendar.js";
import type { Interaction } from "../model/interaction.js";
import { parseDay } from "../model/parseDay.js";

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

// YYYY-MM-DD, optionally a time (T or a space; seconds may have a fraction after . or ,), optionally Z or an offset ±HH:MM / ±HHMM / ±HH.
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

/**
 * Reads an ISO 8601 date-time as epoch milliseconds. A time without `Z` or an offset is read as UTC — never as the
 * local time of the machine that runs the code (which `Date.parse` would do), so results do not depend on where
 * they are computed. A date without a time is its 00:00 UTC.
 *
 * @param text - The timestamp, e.g. `2024-03-05T09:30:00+08:00`.
 * @returns Epoch milliseconds, or `undefined` when the text is not such a timestamp or names an impossible time.
 */
function timestampMs(text: string): number | undefined {
  const m = TIMESTAMP.exec(text);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  // Milliseconds: the fraction's first three digits; finer digits are dropped.
  const milliseconds = m[7] === undefined ? 0 : Number(`${m[7]}00`.slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const offsetHours = Number(m[10]);
    const extraMinutes = m[11] === undefined ? 0 : Number(m[11]);
    if (offsetHours > 23 || extraMinutes > 59) return undefined;
    offsetMinutes = (m[9] === "-" ? -1 : 1) * (offsetHours * 60 + extraMinutes);
  }
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    milliseconds
  );
}

/**
 * How long a complaint took, in hours, as seen at an instant (`untilMs`, e.g. the end of the `asOf` day).
 * Internal to signals.
 */
export interface ComplaintHours {
  /** When the complaint was opened: `openedAt`, else 00:00 UTC of its `date` (epoch milliseconds). */
  openedMs: number;
  /** Hours from the opening to the first response (else the resolution), when it came by `untilMs`. */
  response?: number | undefined;
  /** Hours from the opening to the resolution, when it came by `untilMs`. */
  resolution?: number | undefined;
  /** Hours from the opening to `untilMs` (0 when it was opened later): how long a waiting complaint has waited. */
  elapsed: number;
}

/**
 * Reads a complaint's timestamps (see {@link ComplaintHours}). Timestamps without an offset are UTC; an
 * unreadable `openedAt` falls back to the `date`, an unreadable response or resolution counts as not (yet)
 * happened; a resolution without a recorded first response is also the first response. A response or resolution
 * stamped before the opening counts as 0 hours. Internal to signals; the only
 * place that reads complaint timestamps.
 *
 * @param complaint - The complaint (its kind is not checked).
 * @param untilMs - The instant the complaint is seen at, epoch milliseconds; events after it have not happened.
 * @returns The hours, or `undefined` when neither `openedAt` nor `date` can be read.
 *
 * @example
 * ```ts
 * const complaint = {
 *   customerId: "C1", kind: "complaint", date: "2024-03-05",
 *   openedAt: "2024-03-05T09:00:00", firstResponseAt: "2024-03-05T15:30:00Z",
 * } as const;
 * complaintHours(complaint, Date.UTC(2024, 2, 6)); // => { openedMs: 1709629200000, elapsed: 15, response: 6.5 }
 * ```
 */
export function complaintHours(complaint: Interaction, untilMs: number): ComplaintHours | undefined {
  let openedMs = complaint.openedAt === undefined ? undefined : timestampMs(complaint.openedAt);
  if (openedMs === undefined) {
    const day = parseDay(complaint.date, "YYYY-MM-DD");
    if (day === undefined) return undefined;
    openedMs = day * MS_PER_DAY;
  }
  const result: ComplaintHours = { openedMs, elapsed: Math.max(0, untilMs - openedMs) / MS_PER_HOUR };
  const resolution = hoursTo(complaint.resolvedAt, openedMs, untilMs);
  if (resolution !== undefined) result.resolution = resolution;
  // A complaint resolved without a recorded first response was answered by its resolution.
  const response = hoursTo(complaint.firstResponseAt, openedMs, untilMs) ?? resolution;
  if (response !== undefined) result.response = response;
  return result;
}

// Hours from the opening to a timestamp, when it can be read and came by `untilMs`.
function hoursTo(text: string | undefined, openedMs: number, untilMs: number): number | undefined {
  if (text === undefined) return undefined;
  const at = timestampMs(text);
  if (at === undefined || at > untilMs) return undefined;
  return Math.max(0, at - openedMs) / MS_PER_HOUR;
}
