import Decimal from "decimal.js";

/** How to treat a decimal with more digits than its scale allows. */
export type DecimalRounding = "reject" | "half-even";

/** The outcome of {@link parseScaled}. */
export type ScaledResult =
  | { ok: true; value: number; rounded: boolean }
  | { ok: false; reason: "invalid" | "precision" | "range" };

const PLAIN = /^([+-]?)(\d*)(?:\.(\d*))?$/;
const GROUPED = /^([+-]?)(\d{1,3}(?:,\d{3})+)(?:\.(\d*))?$/;
const ALL_ZEROS = /^0*$/;

function slowPath(text: string, scale: number, rounding: DecimalRounding): ScaledResult {
  let decimal: Decimal;
  try {
    decimal = new Decimal(text);
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (!decimal.isFinite()) return { ok: false, reason: "invalid" };
  const kept = decimal.toDecimalPlaces(scale, Decimal.ROUND_HALF_EVEN);
  const rounded = !kept.equals(decimal);
  if (rounded && rounding === "reject") return { ok: false, reason: "precision" };
  const scaled = kept.times(new Decimal(10).pow(scale));
  if (scaled.abs().greaterThan(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: "range" };
  const value = scaled.toNumber();
  return { ok: true, value: value === 0 ? 0 : value, rounded };
}

/**
 * Reads a decimal number written as text (or a JavaScript number) as an exact integer count of 10^-scale:
 * `parseScaled("12.30", 2)` is 1230. Digits are never passed through binary floating point, so "0.1" is
 * exactly 10 cents. Accepts an optional sign, `1234.5`, `.5`, `1,234.50` (comma thousands groups) and exponents;
 * a number is read from its shortest round-trip text. Internal to the model; decimal.js runs only on the rare
 * slow path (exponents, rounding, more than 15 digits).
 */
export function parseScaled(value: string | number, scale: number, rounding: DecimalRounding): ScaledResult {
  if (typeof value === "number" && !Number.isFinite(value)) return { ok: false, reason: "invalid" };
  const text = typeof value === "number" ? String(value) : value.trim();
  const match = PLAIN.exec(text) ?? GROUPED.exec(text);
  if (!match) return slowPath(text, scale, rounding);
  const sign = match[1] === "-" ? -1 : 1;
  const integerDigits = (match[2] ?? "").replace(/,/g, "");
  let fractionDigits = match[3] ?? "";
  if (integerDigits === "" && fractionDigits === "") return { ok: false, reason: "invalid" };
  const ungrouped = `${match[1]}${integerDigits || "0"}.${fractionDigits}`;
  if (fractionDigits.length > scale) {
    if (!ALL_ZEROS.test(fractionDigits.slice(scale))) return slowPath(ungrouped, scale, rounding);
    fractionDigits = fractionDigits.slice(0, scale);
  }
  const digits = (integerDigits + fractionDigits.padEnd(scale, "0")).replace(/^0+/, "");
  if (digits.length > 15) return slowPath(ungrouped, scale, rounding);
  const magnitude = digits === "" ? 0 : Number(digits);
  return { ok: true, value: magnitude === 0 ? 0 : sign * magnitude, rounded: false };
}
