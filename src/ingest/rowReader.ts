// Reading cells of raw rows: the internal helpers every ingest function shares. Hand-written char-code loops
// on the hot path (no regular expressions, no allocation when a cell is already clean).
import { daysFromCivil, daysInMonth } from "../model/calendar.js";
import type { DateFormat } from "../model/dateFormat.js";
import { type DecimalRounding, parseScaled } from "../model/decimalText.js";
import { formatDay } from "../model/formatDay.js";
import { formatMoney } from "../model/formatMoney.js";
import { parseDay } from "../model/parseDay.js";

/** One input row: column name → cell value, as a CSV parser or a CRM API gives it. */
export type Row = Readonly<Record<string, unknown>>;

/**
 * Whether a cell is absent: `undefined`, `null`, or a string that is empty or only white space.
 *
 * @param value - The cell.
 * @returns True when the cell holds nothing.
 *
 * @example
 * ```ts
 * [isBlank(" "), isBlank(0)]; // => [true, false]
 * ```
 */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  return typeof value === "string" && readText(value) === undefined;
}

/**
 * A cell read as text: trimmed, `undefined` when blank, a finite number in its shortest form, `null` when the
 * value is not text (a boolean, an object …).
 *
 * @param value - The cell.
 * @returns The text, `undefined` or `null`.
 *
 * @example
 * ```ts
 * [readText(" P1 "), readText(12.5), readText(""), readText(true)]; // => ["P1", "12.5", undefined, null]
 * ```
 */
export function readText(value: unknown): string | undefined | null {
  if (typeof value === "string") {
    const length = value.length;
    if (length === 0) return undefined;
    const first = value.charCodeAt(0);
    const last = value.charCodeAt(length - 1);
    // Printable ASCII at both ends: nothing to trim (the common case, without allocating).
    const text = first > 32 && first < 127 && last > 32 && last < 127 ? value : value.trim();
    return text.length === 0 ? undefined : text;
  }
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value === "bigint") return String(value);
  return null;
}

/**
 * A cell read as an id: like {@link readText}, and a whole number written with a zero fraction (`12345.0`, as
 * spreadsheets export numeric ids) is read as `12345`.
 *
 * @param value - The cell.
 * @returns The id, `undefined` when blank, `null` when not text.
 *
 * @example
 * ```ts
 * [readId("12345.0"), readId("A-1.0"), readId(17850)]; // => ["12345", "A-1.0", "17850"]
 * ```
 */
export function readId(value: unknown): string | undefined | null {
  const text = readText(value);
  if (typeof text !== "string") return text;
  const length = text.length;
  if (length < 3 || text.charCodeAt(length - 1) !== 48) return text;
  let point = length - 1;
  while (point > 0 && text.charCodeAt(point) === 48) point--;
  if (point === 0 || text.charCodeAt(point) !== 46) return text;
  for (let i = 0; i < point; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return text;
  }
  return text.slice(0, point);
}

/**
 * A short, safe text for any cell value, for the `value` parameter of an issue (never throws, whatever the
 * value).
 *
 * @param value - The cell.
 * @returns At most 80 characters.
 *
 * @example
 * ```ts
 * [describeValue(undefined), describeValue({ a: 1 }), describeValue(7)]; // => ["(empty)", "(object)", "7"]
 * ```
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case "string":
      return value.length > 80 ? `${value.slice(0, 77)}...` : value;
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "undefined":
      return "(empty)";
    case "symbol":
      return "(symbol)";
    case "function":
      return "(function)";
    default:
      if (value === null) return "null";
      if (Array.isArray(value)) return "(list)";
      if (value instanceof Date)
        return Number.isNaN(value.getTime()) ? "(invalid date)" : value.toISOString();
      return "(object)";
  }
}

/** Powers of ten that are exact in float64: `POW10[i]` is 10^i for i ≤ 22. */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

// A plain decimal (`-12.50`, `3`, `.5`) as an integer count of 10^-scale, or NaN when the text is not in the
// plain form or needs more than 15 significant digits or surplus non-zero decimals (the caller then takes
// parseScaled's general path, which gives the same answer or the reason).
function plainScaled(text: string, scale: number): number {
  const length = text.length;
  let i = 0;
  let negative = false;
  let code = text.charCodeAt(0);
  if (code === 45 || code === 43) {
    negative = code === 45;
    i = 1;
  }
  let value = 0;
  let significant = 0;
  let decimals = -1;
  let digits = false;
  for (; i < length; i++) {
    code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      digits = true;
      if (decimals >= 0) {
        if (decimals === scale) {
          if (code !== 48) return Number.NaN;
          continue;
        }
        decimals++;
      }
      if (value !== 0 || code !== 48) {
        value = value * 10 + (code - 48);
        significant++;
      }
    } else if (code === 46 && decimals < 0) {
      decimals = 0;
    } else {
      return Number.NaN;
    }
  }
  const padding = scale - Math.max(decimals, 0);
  if (!digits || (value !== 0 && significant + padding > 15)) return Number.NaN;
  value *= POW10[padding] ?? Number.NaN;
  return negative && value !== 0 ? -value : value;
}

/**
 * Reads decimal cells exactly as integers of 10^-scale (see parseScaled): a char-code fast path for the plain
 * form, parseScaled for the rest (grouping commas, exponents, rounding). Reuses its own fields for the outcome,
 * so reading allocates nothing.
 */
export class DecimalReader {
  /** The scaled integer after a successful read. */
  value = 0;
  /** Whether the value was rounded (only with `"half-even"`). */
  rounded = false;
  /** Why the last read failed. */
  failure: "invalid" | "precision" | "range" = "invalid";

  /** Reads `input` at `scale`; true on success (see `value`, `rounded`), false otherwise (see `failure`). */
  read(input: unknown, scale: number, rounding: DecimalRounding): boolean {
    this.rounded = false;
    if (typeof input === "string") {
      const fast = input.length > 0 ? plainScaled(input, scale) : Number.NaN;
      if (!Number.isNaN(fast)) {
        this.value = fast;
        return true;
      }
    } else if (typeof input === "number") {
      if (Number.isInteger(input)) {
        const scaled = input * (POW10[scale] ?? Number.NaN);
        if (Number.isSafeInteger(scaled)) {
          this.value = scaled === 0 ? 0 : scaled;
          return true;
        }
      }
    } else {
      this.failure = "invalid";
      return false;
    }
    const result = parseScaled(input, scale, rounding);
    if (!result.ok) {
      this.failure = result.reason;
      return false;
    }
    this.value = result.value;
    this.rounded = result.rounded;
    return true;
  }
}

function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

// The day of `YYYY-MM-DD`, optionally followed by ` HH:MM` or ` HH:MM:SS` (or with `T`) without a zone — the
// form of most exports — or NaN for anything else (parseDay then decides, with the same result for this form).
function simpleIsoDay(text: string): number {
  const length = text.length;
  if (
    (length !== 10 && length !== 16 && length !== 19) ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45
  )
    return Number.NaN;
  if (length > 10) {
    const separator = text.charCodeAt(10);
    if ((separator !== 32 && separator !== 84) || text.charCodeAt(13) !== 58) return Number.NaN;
    if (digitsAt(text, 11, 2) < 0 || digitsAt(text, 14, 2) < 0) return Number.NaN;
    if (length === 19 && (text.charCodeAt(16) !== 58 || digitsAt(text, 17, 2) < 0)) return Number.NaN;
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return daysFromCivil(year, month, day);
}

/** Receives a problem (or an `amount.rounded` notice) found while reading a money cell. */
export type MoneyComplaint = (
  code: "amount.invalid" | "amount.precision" | "amount.rounded",
  field: string,
  params: Record<string, string | number>,
) => void;

/**
 * Reads a money cell (not blank) as integer minor units of `currency`, reporting an unreadable amount, too
 * many decimals, or (with `"half-even"`) the rounding done.
 *
 * @param decimals - The reader to use.
 * @param value - The cell.
 * @param field - The field, for the issue.
 * @param currency - The ISO 4217 code, for the issue.
 * @param digits - The currency's decimals.
 * @param rounding - What to do with surplus decimals.
 * @param complain - Receives a problem or the rounding notice.
 * @returns The minor units, or `undefined` after a complaint.
 */
export function readMoney(
  decimals: DecimalReader,
  value: unknown,
  field: string,
  currency: string,
  digits: number,
  rounding: DecimalRounding,
  complain: MoneyComplaint,
): number | undefined {
  if (decimals.read(value, digits, rounding)) {
    if (decimals.rounded) {
      const rounded = formatMoney(decimals.value, currency);
      complain("amount.rounded", field, { value: describeValue(value), rounded, currency, digits });
    }
    return decimals.value;
  }
  const shown = describeValue(value);
  if (decimals.failure === "precision")
    complain("amount.precision", field, { value: shown, currency, digits });
  else complain("amount.invalid", field, { field, value: shown });
  return undefined;
}

/**
 * Reads date cells as day numbers like {@link parseDay} (with a char-code fast path for plain ISO dates and
 * date-times, and a memory of recent other texts), and writes each day's ISO text once.
 */
export class DayReader {
  private readonly format: DateFormat;
  private readonly iso: boolean;
  private readonly days = new Map<string, number>();
  private readonly texts = new Map<number, string>();
  private lastInput = "";
  private lastDay = Number.NaN;

  constructor(format: DateFormat) {
    this.format = format;
    this.iso = format === "auto" || format === "YYYY-MM-DD";
  }

  /** The day number of a cell, or `undefined` when it is not a date in the format. */
  day(input: unknown): number | undefined {
    if (typeof input !== "string") return parseDay(input, this.format);
    let day: number | undefined;
    if (input === this.lastInput) day = this.lastDay;
    else {
      if (this.iso) {
        const simple = simpleIsoDay(input);
        if (!Number.isNaN(simple)) {
          this.lastInput = input;
          this.lastDay = simple;
          return simple;
        }
      }
      day = this.days.get(input);
      if (day === undefined) {
        day = parseDay(input, this.format) ?? Number.NaN;
        if (this.days.size >= 50_000) this.days.clear();
        this.days.set(input, day);
      }
      this.lastInput = input;
      this.lastDay = day;
    }
    return Number.isNaN(day) ? undefined : day;
  }

  /** `YYYY-MM-DD` of a day number. */
  text(day: number): string {
    let text = this.texts.get(day);
    if (text === undefined) {
      text = formatDay(day);
      this.texts.set(day, text);
    }
    return text;
  }
}

/**
 * Loads the cells of a row by field in one pass over the row's own columns (no lookups of absent columns, and
 * members of `Object.prototype` are never taken for cells), and watches the columns no field reads:
 * remembers their names for the report's `ignoredColumns` and, when asked, lists those with a value.
 */
export class RowCells {
  /** The cells of the last loaded row, by field index (`undefined` when the row lacks the column). */
  readonly values: unknown[];
  /** Names of unread columns, in order of first appearance. */
  readonly ignored: string[] = [];
  private readonly slots = new Map<string, number | number[]>();
  private readonly seen = new Set<string>();

  /** @param names - The source column of each field index; `undefined` for a field that is not read. */
  constructor(names: readonly (string | undefined)[]) {
    this.values = new Array<unknown>(names.length).fill(undefined);
    names.forEach((name, index) => {
      if (name === undefined) return;
      const slot = this.slots.get(name);
      if (slot === undefined) this.slots.set(name, index);
      else this.slots.set(name, typeof slot === "number" ? [slot, index] : [...slot, index]);
    });
  }

  /** Loads a row into `values`; returns its unread columns with a non-blank value when `collect` is set. */
  load(row: Row, collect: boolean): string[] | undefined {
    const values = this.values;
    values.fill(undefined);
    let found: string[] | undefined;
    for (const key in row) {
      const slot = this.slots.get(key);
      if (slot === undefined) {
        if (!this.seen.has(key)) {
          this.seen.add(key);
          this.ignored.push(key);
        }
        if (collect && !isBlank(row[key])) {
          found ??= [];
          found.push(key);
        }
      } else if (typeof slot === "number") values[slot] = row[key];
      else for (const index of slot) values[index] = row[key];
    }
    return found;
  }
}
