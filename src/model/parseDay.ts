import { daysFromCivil, daysInMonth } from "./calendar.js";
import type { DateFormat } from "./dateFormat.js";

const MS_PER_DAY = 86_400_000;
const ZERO = 48;

// The hot path of every import: exactly `YYYY-MM-DD`, read without slicing or regular expressions.
function parsePlainIso(text: string): number | undefined {
  const c0 = text.charCodeAt(0) - ZERO;
  const c1 = text.charCodeAt(1) - ZERO;
  const c2 = text.charCodeAt(2) - ZERO;
  const c3 = text.charCodeAt(3) - ZERO;
  const c5 = text.charCodeAt(5) - ZERO;
  const c6 = text.charCodeAt(6) - ZERO;
  const c8 = text.charCodeAt(8) - ZERO;
  const c9 = text.charCodeAt(9) - ZERO;
  // Each value is a digit exactly when it is 0..9 as an unsigned number.
  if (c0 >>> 0 > 9 || c1 >>> 0 > 9 || c2 >>> 0 > 9 || c3 >>> 0 > 9) return undefined;
  if (c5 >>> 0 > 9 || c6 >>> 0 > 9 || c8 >>> 0 > 9 || c9 >>> 0 > 9) return undefined;
  return validDay(c0 * 1000 + c1 * 100 + c2 * 10 + c3, c5 * 10 + c6, c8 * 10 + c9);
}

function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function validDay(year: number, month: number, day: number): number | undefined {
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

function fromEpochMs(ms: number): number | undefined {
  return Number.isFinite(ms) ? Math.floor(ms / MS_PER_DAY) : undefined;
}

// YYYY-MM-DD, optionally followed by a time. A time with "Z" or an offset moves the day to UTC; a time
// without a zone is taken as written (the calendar day of the export).
function parseIsoLike(text: string, separator: number): number | undefined {
  const year = digitsAt(text, 0, 4);
  if (text.charCodeAt(4) !== separator) return undefined;
  const month = digitsAt(text, 5, 2);
  if (text.charCodeAt(7) !== separator) return undefined;
  const day = digitsAt(text, 8, 2);
  const dayNumber = validDay(year, month, day);
  if (dayNumber === undefined || text.length === 10) return dayNumber;
  const next = text.charCodeAt(10);
  if (next !== 32 && next !== 84) return undefined; // " " or "T"
  const time = text.slice(11);
  if (!/^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(time)) return undefined;
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(time)) return dayNumber;
  return fromEpochMs(Date.parse(`${text.slice(0, 10)}T${time}`));
}

function parseCompact(text: string): number | undefined {
  if (text.length !== 8) return undefined;
  return validDay(digitsAt(text, 0, 4), digitsAt(text, 4, 2), digitsAt(text, 6, 2));
}

function parseParts(text: string, pattern: RegExp, order: "ymd" | "dmy" | "mdy"): number | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  const [a, b, c] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (order === "ymd") return validDay(a, b, c);
  return order === "dmy" ? validDay(c, b, a) : validDay(c, a, b);
}

const SLASHED_YMD = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const CHINESE_YMD = /^(\d{4})年(\d{1,2})月(\d{1,2})日/;
const SLASHED_DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const DOTTED_DMY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;

function parseText(text: string, format: DateFormat): number | undefined {
  switch (format) {
    case "auto":
      if (text.length >= 10 && text.charCodeAt(4) === 45) return parseIsoLike(text, 45);
      if (/^\d{8}$/.test(text)) return parseCompact(text);
      return parseParts(text, SLASHED_YMD, "ymd") ?? parseParts(text, CHINESE_YMD, "ymd");
    case "YYYY-MM-DD":
      return text.length >= 10 ? parseIsoLike(text, 45) : undefined;
    case "YYYYMMDD":
      return parseCompact(text);
    case "YYYY/MM/DD":
      return parseParts(text, SLASHED_YMD, "ymd");
    case "DD/MM/YYYY":
      return parseParts(text, SLASHED_DMY, "dmy");
    case "MM/DD/YYYY":
      return parseParts(text, SLASHED_DMY, "mdy");
    case "DD.MM.YYYY":
      return parseParts(text, DOTTED_DMY, "dmy");
    case "epoch-ms":
      return /^-?\d+$/.test(text) ? fromEpochMs(Number(text)) : undefined;
  }
}

/**
 * Reads a date as a UTC calendar day: the number of days since 1970-01-01. Impossible dates (2023-02-29,
 * month 13) are rejected, never rolled over.
 *
 * @param value - A string in `format`, a `Date`, or epoch milliseconds (a number).
 * @param format - How strings are written; see {@link DateFormat}. Defaults to `"auto"`.
 * @returns The day number, or `undefined` when `value` is not a date in that format.
 *
 * @example
 * ```ts
 * parseDay("1997-01-01"); // => 9862
 * parseDay("19970101"); // => 9862
 * parseDay("2011-12-09 12:50:00"); // => 15317
 * parseDay("05/03/2024", "DD/MM/YYYY") === parseDay("2024-03-05"); // => true
 * parseDay("2023-02-29"); // => undefined
 * ```
 */
export function parseDay(value: unknown, format: DateFormat = "auto"): number | undefined {
  if (typeof value === "string") {
    if (
      value.length === 10 &&
      value.charCodeAt(4) === 45 &&
      value.charCodeAt(7) === 45 &&
      (format === "auto" || format === "YYYY-MM-DD")
    )
      return parsePlainIso(value);
    return parseText(value.trim(), format);
  }
  if (typeof value === "number")
    return format === "auto" || format === "epoch-ms" ? fromEpochMs(value) : undefined;
  if (value instanceof Date) return fromEpochMs(value.getTime());
  return undefined;
}
