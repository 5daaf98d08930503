import { currencyDigits } from "./currencyDigits.js";
import { type DecimalRounding, parseScaled } from "./decimalText.js";

/** Options of {@link parseMoney}. */
export interface ParseMoneyOptions {
  /**
   * What to do with more decimals than the currency has (12.345 USD): `"reject"` (default) reports
   * `amount.precision`; `"half-even"` rounds to the minor unit (banker's rounding) and says so in `rounded`.
   */
  rounding?: DecimalRounding | undefined;
}

/** The outcome of {@link parseMoney}: integer minor units, or why the text is not an amount. */
export type ParseMoneyResult =
  | { ok: true; minor: number; rounded: boolean }
  | { ok: false; code: "amount.invalid" | "amount.precision" };

/**
 * Reads a money amount exactly as integer minor units of its currency (cents, fen, pence): no binary floating
 * point ever touches the digits, so `"0.10"` + `"0.20"` is exactly 30 minor units.
 *
 * @param value - A decimal string (`"1234.50"`, `"-3"`, `"1,234.50"`) or a number (read from its shortest text).
 * @param currency - The ISO 4217 code, which fixes the number of decimals ({@link currencyDigits}).
 * @param options - Rounding of surplus decimals; see {@link ParseMoneyOptions}.
 * @returns `{ ok: true, minor, rounded }` or `{ ok: false, code }`.
 *
 * @example
 * ```ts
 * parseMoney("19.99", "USD"); // => { ok: true, minor: 1999, rounded: false }
 * parseMoney(0.1, "CNY"); // => { ok: true, minor: 10, rounded: false }
 * parseMoney("1500", "JPY"); // => { ok: true, minor: 1500, rounded: false }
 * parseMoney("12.345", "USD"); // => { ok: false, code: "amount.precision" }
 * parseMoney("12.345", "USD", { rounding: "half-even" }); // => { ok: true, minor: 1234, rounded: true }
 * parseMoney("abc", "USD"); // => { ok: false, code: "amount.invalid" }
 * ```
 */
export function parseMoney(
  value: string | number,
  currency: string,
  options: ParseMoneyOptions = {},
): ParseMoneyResult {
  const result = parseScaled(value, currencyDigits(currency), options.rounding ?? "reject");
  if (result.ok) return { ok: true, minor: result.value, rounded: result.rounded };
  return { ok: false, code: result.reason === "precision" ? "amount.precision" : "amount.invalid" };
}
