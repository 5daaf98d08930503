import { UsageError } from "./UsageError.js";

/** A table cell read as a finite number; anything else is a {@link UsageError} that begins with `what`. */
export function numberCell(text: string, what: string): number {
  const value = Number(text);
  if (text === "" || !Number.isFinite(value)) throw new UsageError(`${what}: "${text}" is not a number`);
  return value;
}

/** A yes/no table cell (1, true, yes, y — any case — are yes); `undefined` when empty or absent. */
export function yesNoCell(text: string | undefined): boolean | undefined {
  return text === undefined || text === ""
    ? undefined
    : ["1", "true", "yes", "y"].includes(text.toLowerCase());
}
