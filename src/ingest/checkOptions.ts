// Validation of ingest options: every problem is collected, then one KeyAccountError lists them all.
import { DATE_FORMATS, type DateFormat } from "../model/dateFormat.js";
import type { DecimalRounding } from "../model/decimalText.js";
import { isCurrencyCode } from "../model/isCurrencyCode.js";
import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";

/** The problems found in one options object. */
export class OptionProblems {
  private readonly issues: Issue[] = [];

  /** Records that option `field` is not valid, and why. */
  add(field: string, reason: string): void {
    this.issues.push(makeIssue("option.invalid", field.split("."), { field, reason }));
  }

  /** Throws one {@link KeyAccountError} with every problem, if there is any. */
  throwIfAny(): void {
    if (this.issues.length > 0) throw new KeyAccountError(this.issues);
  }
}

/** The options every ingest function shares, checked and with their defaults filled in. */
export interface CommonOptions {
  /** Field → source column name, for every field (defaults filled in). */
  columns: Readonly<Record<string, string | undefined>>;
  /** The fields whose column was given explicitly. */
  explicit: ReadonlySet<string>;
  currency: string | undefined;
  dateFormat: DateFormat;
  rounding: DecimalRounding;
  maxIssues: number;
  rejectExtraColumns: boolean;
  knownCustomers: ReadonlySet<string> | undefined;
}

type CommonKey =
  | "columns"
  | "currency"
  | "dateFormat"
  | "rounding"
  | "maxIssues"
  | "extraColumns"
  | "knownCustomers";

const COMMON_KEYS: readonly string[] = [
  "columns",
  "currency",
  "dateFormat",
  "rounding",
  "maxIssues",
  "extraColumns",
  "knownCustomers",
];

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function choice<T extends string>(
  problems: OptionProblems,
  name: string,
  value: unknown,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (choices as readonly string[]).includes(value)) return value as T;
  problems.add(name, `expected one of ${choices.join(", ")}`);
  return fallback;
}

function readColumns(
  problems: OptionProblems,
  value: unknown,
  fields: readonly string[],
): { columns: Record<string, string | undefined>; explicit: Set<string> } {
  const columns: Record<string, string | undefined> = {};
  const explicit = new Set<string>();
  const given = value === undefined ? {} : value;
  if (!isRecord(given)) problems.add("columns", "expected an object mapping fields to column names");
  else {
    for (const field of Object.keys(given)) {
      const name = given[field];
      if (!fields.includes(field))
        problems.add(`columns.${field}`, `unknown field; known: ${fields.join(", ")}`);
      else if (name === undefined) continue;
      else if (typeof name !== "string" || name.length === 0)
        problems.add(`columns.${field}`, "expected a column name");
      else explicit.add(field);
    }
  }
  // A field not mapped reads the column of its own name, unless that column is mapped to another field:
  // with `customerId: "id"`, the column "id" is the customer's, not also the transaction's id.
  const mapped = new Set([...explicit].map((field) => (given as Record<string, unknown>)[field]));
  for (const field of fields) {
    if (explicit.has(field)) columns[field] = (given as Record<string, string>)[field];
    else columns[field] = mapped.has(field) ? undefined : field;
  }
  return { columns, explicit };
}

/**
 * Checks the options shared by all ingest functions plus the names in `extraKeys` (checked by the caller),
 * rejecting unknown option names. Problems are added to `problems`; the caller throws.
 *
 * @param problems - Collects the problems.
 * @param options - The options as given.
 * @param fields - The fields the `columns` option may map.
 * @param extraKeys - The other option names the caller accepts.
 * @returns The shared options with their defaults.
 */
export function checkCommonOptions(
  problems: OptionProblems,
  options: unknown,
  fields: readonly string[],
  extraKeys: readonly string[],
): CommonOptions {
  const given = options === undefined ? {} : options;
  const o: Readonly<Partial<Record<CommonKey, unknown>>> = isRecord(given) ? given : {};
  if (!isRecord(given)) problems.add("options", "expected an object");
  for (const key of Object.keys(o)) {
    if (!COMMON_KEYS.includes(key) && !extraKeys.includes(key)) problems.add(key, "unknown option");
  }
  const { columns, explicit } = readColumns(problems, o.columns, fields);
  const currency = o.currency;
  if (currency !== undefined && (typeof currency !== "string" || !isCurrencyCode(currency)))
    problems.add("currency", "expected a three-letter ISO 4217 code such as GBP");
  const maxIssues = o.maxIssues ?? 1000;
  if (
    typeof maxIssues !== "number" ||
    !(maxIssues >= 0) ||
    !(Number.isInteger(maxIssues) || maxIssues === Infinity)
  )
    problems.add("maxIssues", "expected a whole number of at least 0 (or Infinity)");
  const known = o.knownCustomers;
  let knownCustomers: ReadonlySet<string> | undefined;
  if (known instanceof Set) knownCustomers = known as ReadonlySet<string>;
  else if (Array.isArray(known)) knownCustomers = new Set(known as readonly string[]);
  else if (known !== undefined) problems.add("knownCustomers", "expected a Set or an array of customer ids");
  return {
    columns,
    explicit,
    currency: typeof currency === "string" ? currency : undefined,
    dateFormat: choice(problems, "dateFormat", o.dateFormat, DATE_FORMATS, "auto"),
    rounding: choice(problems, "rounding", o.rounding, ["reject", "half-even"], "reject"),
    maxIssues: typeof maxIssues === "number" && maxIssues >= 0 ? maxIssues : 1000,
    rejectExtraColumns:
      choice(problems, "extraColumns", o.extraColumns, ["ignore", "reject"], "ignore") === "reject",
    knownCustomers,
  };
}

/**
 * Checks an optional choice option.
 *
 * @param problems - Collects the problems.
 * @param options - The options as given.
 * @param name - The option's name.
 * @param choices - The allowed values.
 * @param fallback - The default.
 * @returns The value, or the default.
 */
export function checkChoice<T extends string>(
  problems: OptionProblems,
  options: unknown,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  return choice(problems, name, isRecord(options) ? options[name] : undefined, choices, fallback);
}

/**
 * Checks an optional `YYYY-MM-DD` option.
 *
 * @param problems - Collects the problems.
 * @param options - The options as given.
 * @param name - The option's name.
 * @returns Its day number, or `undefined`.
 */
export function checkDay(problems: OptionProblems, options: unknown, name: string): number | undefined {
  const value = isRecord(options) ? options[name] : undefined;
  if (value === undefined) return undefined;
  const day = typeof value === "string" && value.length === 10 ? parseDay(value, "YYYY-MM-DD") : undefined;
  if (day === undefined) problems.add(name, "expected a date written YYYY-MM-DD");
  return day;
}

/**
 * Checks an optional option of a given primitive type.
 *
 * @param problems - Collects the problems.
 * @param options - The options as given.
 * @param name - The option's name.
 * @param type - `"string"` or `"boolean"`.
 * @param nonEmpty - Whether an empty string is a problem.
 * @returns The value, or `undefined`.
 */
export function checkType<T extends "string" | "boolean">(
  problems: OptionProblems,
  options: unknown,
  name: string,
  type: T,
  nonEmpty = false,
): (T extends "string" ? string : boolean) | undefined {
  const value = isRecord(options) ? options[name] : undefined;
  if (value === undefined) return undefined;
  if (typeof value !== type || (nonEmpty && value === "")) {
    problems.add(name, type === "string" ? "expected a non-empty text" : "expected true or false");
    return undefined;
  }
  return value as T extends "string" ? string : boolean;
}

/**
 * Checks an optional list of column names.
 *
 * @param problems - Collects the problems.
 * @param options - The options as given.
 * @param name - The option's name.
 * @returns The names (none when absent or wrong).
 */
export function checkColumnList(problems: OptionProblems, options: unknown, name: string): string[] {
  const value = isRecord(options) ? options[name] : undefined;
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string" && item.length > 0)) {
    problems.add(name, "expected a list of column names");
    return [];
  }
  return value as string[];
}
