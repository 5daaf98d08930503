import { currencyDigits } from "../model/currencyDigits.js";
import type { Locale } from "../model/locale.js";
import { parseDay } from "../model/parseDay.js";

/**
 * Writes the report's numbers for people, in one locale (grouping, decimal mark, currency symbol, date words).
 * Every method writes `—` for a value that is absent.
 *
 * @example
 * ```ts
 * const format: ReportFormatter = reportFormatter("en", "USD");
 * format.money(123456); // => "$1,234.56"
 * ```
 */
export interface ReportFormatter {
  /** A whole number with grouping: `1,234`. */
  count(value: number | undefined): string;
  /** A number with at most `fractionDigits` decimals (default 1): `3.8`. */
  number(value: number | undefined, fractionDigits?: number): string;
  /** A share 0..1 as a percentage with at most one decimal: `61.7%`. */
  percent(share: number | undefined): string;
  /** An amount of minor units in the currency, with its decimals: `¥12,345.67`. */
  money(minor: number | undefined): string;
  /** A `YYYY-MM-DD` day in words: `June 30, 2024`, `2024年6月30日` (as given when it is not a valid day). */
  day(date: string): string;
}

const MS_PER_DAY = 86_400_000;

/**
 * The {@link ReportFormatter} of a locale and a currency, with `Intl` (number, percent, currency and date
 * formats; dates in UTC, as every day of keyaccount is a UTC calendar day).
 *
 * @param locale - The language.
 * @param currency - The ISO 4217 code of the amounts.
 * @returns The formatter.
 * @throws {RangeError} when `currency` is not an ISO 4217 code (`Intl.NumberFormat` refuses it).
 *
 * @example
 * ```ts
 * const format = reportFormatter("zh-CN", "CNY");
 * format.money(123456); // => "¥1,234.56"
 * format.day("2024-06-30"); // => "2024年6月30日"
 * format.percent(0.617); // => "61.7%"
 * ```
 */
export function reportFormatter(locale: Locale, currency: string): ReportFormatter {
  const digits = currencyDigits(currency);
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const numbers = new Map<number, Intl.NumberFormat>();
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const absent = "—";
  return {
    count: (value) => (value === undefined ? absent : count.format(value)),
    number: (value, fractionDigits = 1) => {
      if (value === undefined) return absent;
      let format = numbers.get(fractionDigits);
      if (format === undefined) {
        format = new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits });
        numbers.set(fractionDigits, format);
      }
      return format.format(value);
    },
    percent: (share) => (share === undefined ? absent : percent.format(share)),
    money: (minor) => (minor === undefined ? absent : money.format(minor / 10 ** digits)),
    day: (date) => {
      const dayNumber = parseDay(date, "YYYY-MM-DD");
      return dayNumber === undefined ? date : day.format(dayNumber * MS_PER_DAY);
    },
  };
}
