import type { Locale } from "../model/locale.js";
import type { CliIo, FlagValues } from "./runCli.js";
import { UsageError } from "./UsageError.js";

/** The languages of the command line's messages and results. */
export const LOCALES: readonly Locale[] = ["en", "zh-CN"];

/**
 * The language a command runs in: its `--locale` flag, else the one chosen in the environment (`io.locale`, from
 * KEYACCOUNT_LOCALE), else `undefined` (English, or for `score` the policy's language).
 *
 * @throws {UsageError} when `--locale` is not `en` or `zh-CN`.
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
