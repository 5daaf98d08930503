/**
 * Whether a string is a currency code keyaccount accepts: three upper-case letters (ISO 4217 form).
 *
 * @param code - The candidate code.
 * @returns `true` for codes like `"USD"`, `"CNY"`, `"GBP"`.
 *
 * @example
 * ```ts
 * isCurrencyCode("CNY"); // => true
 * isCurrencyCode("rmb"); // => false
 * ```
 */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code);
}
