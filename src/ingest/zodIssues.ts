// Turns zod's issues (whose default message is only "Invalid input") into keyaccount issues with catalogue
// codes and real sentences.
import type * as z from "zod/mini";
import type { Issue, IssuePath } from "../model/issue.js";
import { makeIssue } from "../model/makeIssue.js";
import { describeValue } from "./rowReader.js";

/** What the mapping needs to know about a record type. */
export interface IssueContext {
  /** The field that holds the customer's id: its absence is `id.missing`. */
  readonly customerField: string;
  /** Date fields that must not precede another: field → the other field (for `date.order`). */
  readonly dateOrder: Readonly<Record<string, string>>;
  /** Rating fields and their inclusive range (for `rating.out-of-range`). */
  readonly ranges: Readonly<Record<string, readonly [number, number]>>;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  int: "a whole number",
  number: "a number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  record: "an object",
  null: "null",
};

const FORMATS: Readonly<Record<string, string>> = {
  date: "YYYY-MM-DD",
  datetime: "YYYY-MM-DDTHH:MM:SS, with Z or an offset such as +08:00 when known",
};

function valueAt(root: unknown, path: IssuePath): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function isBlankText(value: unknown): boolean {
  return value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * The keyaccount issues for one zod issue about a draft record: missing fields, values of the wrong type or
 * form, ratings out of range, dates out of order, unknown keys.
 *
 * @param issue - The zod issue.
 * @param draft - The record zod checked (for the offending values).
 * @param row - The 1-based input row.
 * @param context - What the record type's fields mean.
 * @returns One issue, or one per unknown key.
 */
export function issuesFromZod(
  issue: z.core.$ZodIssue,
  draft: unknown,
  row: number,
  context: IssueContext,
): Issue[] {
  const path: (string | number)[] = issue.path.map((key) => (typeof key === "symbol" ? String(key) : key));
  const field = path.join(".");
  const last = path[path.length - 1];
  const value = valueAt(draft, path);
  const shown = describeValue(value);
  const invalid = (reason: string) => [
    makeIssue("field.invalid", path, { field, value: shown, reason }, row),
  ];
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) =>
        makeIssue("field.unknown", [...path, key], { field: [...path, key].join(".") }, row),
      );
    case "invalid_type":
    case "invalid_value":
    case "invalid_format":
      if (isBlankText(value)) {
        if (path.length === 1 && last === context.customerField)
          return [makeIssue("id.missing", path, {}, row)];
        return [makeIssue("field.missing", path, { field }, row)];
      }
      if (issue.code === "invalid_type")
        return invalid(`expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`);
      if (issue.code === "invalid_value")
        return invalid(`expected one of ${issue.values.map(String).join(", ")}`);
      if (last === "currency") return [makeIssue("currency.invalid", path, { value: shown }, row)];
      if (issue.format in FORMATS)
        return [
          makeIssue("date.invalid", path, { value: shown, expected: FORMATS[issue.format] ?? "" }, row),
        ];
      if (last === "birthday") return invalid("expected YYYY-MM-DD, or --MM-DD when the year is unknown");
      return invalid("not in the expected form");
    case "too_small":
    case "too_big": {
      const range = typeof last === "string" ? context.ranges[last] : undefined;
      if (range !== undefined)
        return [
          makeIssue("rating.out-of-range", path, { field, value: shown, min: range[0], max: range[1] }, row),
        ];
      if (issue.code === "too_small") return invalid(`expected at least ${String(issue.minimum)}`);
      return invalid(`expected at most ${String(issue.maximum)}`);
    }
    case "custom": {
      const other = typeof last === "string" ? context.dateOrder[last] : undefined;
      if (other !== undefined) {
        const otherValue = describeValue(valueAt(draft, [...path.slice(0, -1), other]));
        return [makeIssue("date.order", path, { field, value: shown, otherField: other, otherValue }, row)];
      }
      return invalid(issue.message);
    }
    default:
      return invalid("not of an accepted type");
  }
}
