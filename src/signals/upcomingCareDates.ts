import { civilFromDays, daysFromCivil, daysInMonth } from "../model/calendar.js";
import type { Customer } from "../model/customer.js";
import { formatDay } from "../model/formatDay.js";
import type { Issue, IssuePath } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";

/**
 * What a care date is: a contact's `birthday`, the customer's `founding` or `cooperation-start` anniversary, a
 * `contract-renewal` or `contract-end` day, an `other` important date's anniversary, or a `holiday`.
 *
 * @example
 * ```ts
 * const kind: CareDateKind = "cooperation-start";
 * ```
 */
export type CareDateKind =
  | "birthday"
  | "founding"
  | "cooperation-start"
  | "contract-renewal"
  | "contract-end"
  | "other"
  | "holiday";

/**
 * Every {@link CareDateKind}, in the order {@link upcomingCareDates} sorts the kinds of one day.
 *
 * @example
 * ```ts
 * CARE_DATE_KINDS[0]; // => "birthday"
 * ```
 */
export const CARE_DATE_KINDS: readonly CareDateKind[] = [
  "birthday",
  "founding",
  "cooperation-start",
  "contract-renewal",
  "contract-end",
  "other",
  "holiday",
];

/**
 * A holiday worth a greeting: one day (`YYYY-MM-DD`, e.g. this year's Spring Festival) or the same day every year
 * (`--MM-DD`, e.g. `--10-01`).
 *
 * @example
 * ```ts
 * const holidays: Holiday[] = [{ date: "2025-01-29", name: "Spring Festival" }, { date: "--10-01", name: "National Day" }];
 * ```
 */
export interface Holiday {
  /** `YYYY-MM-DD` for one day, `--MM-DD` for every year. */
  date: string;
  /** The holiday's name, reported as the care date's `subject`. */
  name: string;
}

/**
 * Options of {@link upcomingCareDates}.
 *
 * @example
 * ```ts
 * const options: CareDateOptions = { asOf: "2024-12-20", lookAheadDays: 30, kinds: ["birthday", "holiday"] };
 * ```
 */
export interface CareDateOptions {
  /** The first day of the look-ahead window, `YYYY-MM-DD`. Required. */
  asOf: string;
  /** The window is [asOf, asOf + lookAheadDays], both ends included: a whole number from 0 to 36600. Default 14. */
  lookAheadDays?: number | undefined;
  /** The holidays to remind of (none by default). */
  holidays?: readonly Holiday[] | undefined;
  /** The kinds to report; default all. */
  kinds?: readonly CareDateKind[] | undefined;
  /**
   * Where a 29 February birthday or anniversary (and a `--02-29` holiday) falls in a year without one:
   * `"feb-28"` (default) or `"mar-1"`.
   */
  leapDayBirthdays?: "feb-28" | "mar-1" | undefined;
}

/**
 * One care reminder: a day in the look-ahead window worth a greeting or an action.
 *
 * @example
 * ```ts
 * const date: CareDate = { customerId: "C1", kind: "birthday", date: "2024-12-24", daysUntil: 4, subject: "Wang Li", years: 40 };
 * ```
 */
export interface CareDate {
  /** The customer's id. */
  customerId: string;
  /** What the day is. */
  kind: CareDateKind;
  /** The day, `YYYY-MM-DD`. */
  date: string;
  /** Days from `asOf` to the day (0 = today). */
  daysUntil: number;
  /** The contact's name (birthday), the holiday's name, or the important date's label when it has one. */
  subject?: string | undefined;
  /**
   * Birthday with a known year: the age reached on the day. Founding, cooperation-start and other anniversaries:
   * the years since the original date. Absent for a `--MM-DD` birthday, contract days and holidays.
   */
  years?: number | undefined;
}

const MAX_LOOK_AHEAD = 36_600;
const ZERO = 48;
const KNOWN_OPTIONS: readonly string[] = ["asOf", "lookAheadDays", "holidays", "kinds", "leapDayBirthdays"];

interface MonthDay {
  month: number;
  day: number;
  /** The year of a full date; `undefined` for `--MM-DD`. */
  year: number | undefined;
}

function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - ZERO;
  const b = text.charCodeAt(at + 1) - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

// `YYYY-MM-DD` (with its year) or `--MM-DD` (any year, so 29 February is allowed).
function readMonthDay(text: unknown): MonthDay | undefined {
  if (typeof text !== "string") return undefined;
  if (text.length === 7 && text.startsWith("--") && text.charCodeAt(4) === 45) {
    const month = twoDigits(text, 2);
    const day = twoDigits(text, 5);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) return undefined;
    return { month, day, year: undefined };
  }
  // The digits read as they stand: the same dates parseDay reads, without a trip through a day number.
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const century = twoDigits(text, 0);
  const yearOfCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const year = century * 100 + yearOfCentury;
  if (
    century < 0 ||
    yearOfCentury < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  )
    return undefined;
  return { month, day, year };
}

/** Care date options checked once, for many customers. Internal to signals. */
export interface ResolvedCareOptions {
  start: number;
  firstYear: number;
  lastYear: number;
  end: number;
  holidays: readonly { date: MonthDay; name: string }[];
  kinds: ReadonlySet<CareDateKind> | undefined;
  marchFirst: boolean;
}

/** Checks care date options once (see {@link upcomingCareDates} for what is checked). Internal to signals. */
export function resolveCareOptions(options: CareDateOptions): ResolvedCareOptions {
  const issues: Issue[] = [];
  const problem = (path: IssuePath, reason: string): void => {
    const field = path
      .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`))
      .join("");
    issues.push(makeIssue("option.invalid", path, { field, reason }));
  };
  if (typeof options !== "object" || options === null) {
    problem(["options"], "expected an object with at least asOf");
    throw new KeyAccountError(issues);
  }
  for (const key of Object.keys(options)) if (!KNOWN_OPTIONS.includes(key)) problem([key], "unknown option");
  const asOf =
    typeof options.asOf === "string" && options.asOf.length === 10
      ? parseDay(options.asOf, "YYYY-MM-DD")
      : undefined;
  if (options.asOf === undefined) problem(["asOf"], "required (the first day of the window, YYYY-MM-DD)");
  else if (asOf === undefined) problem(["asOf"], `${String(options.asOf)} is not a date written YYYY-MM-DD`);
  const lookAhead = options.lookAheadDays ?? 14;
  if (
    typeof lookAhead !== "number" ||
    !Number.isInteger(lookAhead) ||
    lookAhead < 0 ||
    lookAhead > MAX_LOOK_AHEAD
  )
    problem(
      ["lookAheadDays"],
      `${String(lookAhead)} is not a whole number of days from 0 to ${MAX_LOOK_AHEAD}`,
    );
  const holidays: { date: MonthDay; name: string }[] = [];
  if (options.holidays !== undefined) {
    if (!Array.isArray(options.holidays)) problem(["holidays"], "expected a list of { date, name }");
    else
      options.holidays.forEach((holiday: unknown, i: number) => {
        if (typeof holiday !== "object" || holiday === null) {
          problem(["holidays", i], "expected { date, name }");
          return;
        }
        const { date, name } = holiday as Partial<Record<string, unknown>>;
        const monthDay = readMonthDay(date);
        if (monthDay === undefined)
          problem(["holidays", i, "date"], `${String(date)} is not a date written YYYY-MM-DD or --MM-DD`);
        if (typeof name !== "string" || name.trim() === "")
          problem(["holidays", i, "name"], "expected a name");
        else if (monthDay !== undefined) holidays.push({ date: monthDay, name });
      });
  }
  let kinds: Set<CareDateKind> | undefined;
  if (options.kinds !== undefined) {
    if (!Array.isArray(options.kinds)) problem(["kinds"], `expected a list of ${CARE_DATE_KINDS.join(", ")}`);
    else {
      kinds = new Set();
      options.kinds.forEach((kind: unknown, i: number) => {
        if (CARE_DATE_KINDS.includes(kind as CareDateKind)) kinds?.add(kind as CareDateKind);
        else problem(["kinds", i], `${String(kind)} is not one of ${CARE_DATE_KINDS.join(", ")}`);
      });
    }
  }
  const rule = options.leapDayBirthdays ?? "feb-28";
  if (rule !== "feb-28" && rule !== "mar-1")
    problem(["leapDayBirthdays"], `${String(rule)} is not feb-28 or mar-1`);
  if (issues.length > 0 || asOf === undefined) throw new KeyAccountError(issues);
  const end = asOf + lookAhead;
  return {
    start: asOf,
    end,
    firstYear: civilFromDays(asOf).year,
    lastYear: civilFromDays(end).year,
    holidays,
    kinds,
    marchFirst: rule === "mar-1",
  };
}

/**
 * The care reminders of one account in a look-ahead window [asOf, asOf + lookAheadDays] (both days included):
 * contacts' birthdays (`contacts[].birthday`, `YYYY-MM-DD` or `--MM-DD`), the yearly anniversaries of the
 * founding, cooperation-start and `other` important dates, the one-off contract-renewal and contract-end days, and
 * the holidays (`YYYY-MM-DD` once, `--MM-DD` every year). A yearly date is reported once for each year whose
 * occurrence is in the window, so a window across a year end or longer than a year works; an anniversary in its
 * own first year (years 0, or a birthday in the year of birth) is not reported. In a year without 29 February, a
 * 29 February date falls on 28 February or on 1 March (`leapDayBirthdays`). Dates that cannot be read are skipped.
 *
 * @param customer - The customer record (contacts and important dates).
 * @param options - The window, holidays, kinds and leap-day rule; see {@link CareDateOptions}.
 * @returns The care dates sorted by day, then kind (in {@link CARE_DATE_KINDS} order), then subject (no subject
 * first, then by UTF-16 code units).
 * @throws {KeyAccountError} listing every bad option at once (`option.invalid`, with the option's path such as
 * `["holidays", 2, "date"]`): `asOf` missing or not a date, `lookAheadDays` not a whole number from 0 to 36600, a
 * holiday without a readable date or a name, an unknown kind or leap-day rule, an unknown option.
 *
 * @example
 * ```ts
 * const customer: Customer = {
 *   id: "C1",
 *   name: "Acme",
 *   contacts: [{ name: "Wang Li", birthday: "1984-12-24" }],
 *   importantDates: [{ kind: "cooperation-start", date: "2019-01-02" }],
 * };
 * upcomingCareDates(customer, { asOf: "2024-12-20", holidays: [{ date: "--01-01", name: "New Year" }] });
 * // => [
 * //   { customerId: "C1", kind: "birthday", date: "2024-12-24", daysUntil: 4, subject: "Wang Li", years: 40 },
 * //   { customerId: "C1", kind: "holiday", date: "2025-01-01", daysUntil: 12, subject: "New Year" },
 * //   { customerId: "C1", kind: "cooperation-start", date: "2025-01-02", daysUntil: 13, years: 6 },
 * // ]
 * ```
 */
export function upcomingCareDates(customer: Customer, options: CareDateOptions): CareDate[] {
  return careDatesWithin(customer, resolveCareOptions(options));
}

/** Receives one care date: what it is, its day number, its subject and its years (see {@link CareDate}). */
export type CareDateVisitor = (
  kind: CareDateKind,
  day: number,
  subject: string | undefined,
  years: number | undefined,
) => void;

/** The care dates of one customer with options checked once ({@link resolveCareOptions}). Internal to signals. */
export function careDatesWithin(customer: Customer, resolved: ResolvedCareOptions): CareDate[] {
  const found: CareDate[] = [];
  visitCareDates(customer, resolved, (kind, day, subject, years) => {
    const care: CareDate = {
      customerId: customer.id,
      kind,
      date: formatDay(day),
      daysUntil: day - resolved.start,
    };
    if (subject !== undefined) care.subject = subject;
    if (years !== undefined) care.years = years;
    found.push(care);
  });
  if (found.length < 2) return found;
  return found.sort(
    (a, b) =>
      a.daysUntil - b.daysUntil ||
      CARE_DATE_KINDS.indexOf(a.kind) - CARE_DATE_KINDS.indexOf(b.kind) ||
      compareSubjects(a.subject, b.subject),
  );
}

/**
 * Hands every care date of one customer in the window to `visit`, unsorted and without making objects (a metric
 * needs the first only). Internal to signals.
 */
export function visitCareDates(
  customer: Customer,
  resolved: ResolvedCareOptions,
  visit: CareDateVisitor,
): void {
  const contacts = customer.contacts;
  const importantDates = customer.importantDates;
  // Most customers have no dates and there are no holidays: nothing to do (this runs for every account).
  if (contacts === undefined && importantDates === undefined && resolved.holidays.length === 0) return;
  if (wanted(resolved, "birthday") && contacts !== undefined) {
    for (const contact of contacts) {
      const birthday = contact.birthday === undefined ? undefined : readMonthDay(contact.birthday);
      if (birthday !== undefined) addYearly(visit, resolved, "birthday", birthday, contact.name);
    }
  }
  for (const important of importantDates ?? []) {
    const kind = important.kind;
    if (!CARE_DATE_KINDS.includes(kind) || !wanted(resolved, kind)) continue;
    if (kind === "contract-renewal" || kind === "contract-end") {
      addOnce(visit, resolved, kind, parseDay(important.date, "YYYY-MM-DD"), important.label);
    } else {
      const date = important.date.length === 10 ? readMonthDay(important.date) : undefined;
      if (date !== undefined) addYearly(visit, resolved, kind, date, important.label);
    }
  }
  if (wanted(resolved, "holiday")) {
    for (const { date, name } of resolved.holidays) {
      if (date.year === undefined) addYearly(visit, resolved, "holiday", date, name);
      else addOnce(visit, resolved, "holiday", daysFromCivil(date.year, date.month, date.day), name);
    }
  }
}

function wanted(resolved: ResolvedCareOptions, kind: CareDateKind): boolean {
  return resolved.kinds === undefined || resolved.kinds.has(kind);
}

// A yearly date, once for each year whose occurrence is in the window (not in its own first year).
function addYearly(
  visit: CareDateVisitor,
  resolved: ResolvedCareOptions,
  kind: CareDateKind,
  date: MonthDay,
  subject: string | undefined,
): void {
  for (let year = resolved.firstYear; year <= resolved.lastYear; year++) {
    if (date.year !== undefined && year <= date.year) continue;
    let { month, day } = date;
    if (month === 2 && day === 29 && daysInMonth(year, 2) === 28) {
      if (resolved.marchFirst) [month, day] = [3, 1];
      else day = 28;
    }
    const dayNumber = daysFromCivil(year, month, day);
    if (dayNumber >= resolved.start && dayNumber <= resolved.end) {
      visit(kind, dayNumber, subject, date.year === undefined ? undefined : year - date.year);
    }
  }
}

function addOnce(
  visit: CareDateVisitor,
  resolved: ResolvedCareOptions,
  kind: CareDateKind,
  dayNumber: number | undefined,
  subject: string | undefined,
): void {
  if (dayNumber !== undefined && dayNumber >= resolved.start && dayNumber <= resolved.end) {
    visit(kind, dayNumber, subject, undefined);
  }
}

function compareSubjects(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}
