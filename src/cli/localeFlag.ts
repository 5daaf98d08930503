import type { Locale } from "../model/locale.js";
import type { CliIo, FlagValues } from "./runCli.js";
import { UsageError } from "./UsageError.js";

/** The languages of the command line's messages and results: `en` and `zh-CN`. */
export const LOCALES: readonly Locale[] = ["en", "zh-CN"];

/**
 * The language a command runs in: its `--locale` flag, else the one chosen in the environment (`io.locale`, from
 * KEYACCOUNT_LOCALE), else `undefined` (English, or for `score` the policy's language).
 *
 * @param values - The command's flag values.
 * @param io - The command's streams and the language chosen in the environment.
 * @returns The language, or `undefined` when none was chosen.
 * @throws {UsageError} when `--locale` is not `en` or `zh-CN`.
 *
 * @example
 * ```ts
 * localeFlag({ locale: "zh-CN" }, { stdout, stderr, locale: "en" }); // => "zh-CN"
 * localeFlag({}, { stdout, stderr }); // => undefined
 * ```
 */
export function localeFlag(values: FlagValues, io: CliIo): Locale | undefined {
  const value = values.locale;
  if (value === undefined) return io.locale;
  if (typeof value === "string" && (LOCALES as readonly string[]).includes(value)) return value as Locale;
  throw new UsageError("cli.flag.choice", {
    flag: "--locale",
    allowed: LOCALES.join(", "),
    value: String(value),
  });
}
