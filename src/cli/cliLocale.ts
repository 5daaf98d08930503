import type { Locale } from "../model/locale.js";
import { LOCALES } from "./localeFlag.js";
import { UsageError } from "./UsageError.js";

/** The environment variable that sets the language of every command: `KEYACCOUNT_LOCALE`. */
export const LOCALE_VARIABLE = "KEYACCOUNT_LOCALE";

// The value of the last --locale X or --locale=X before a "--", as node:util parseArgs would read it.
function localeArgument(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i] as string;
    if (argument === "--") break;
    if (argument === "--locale") value = argv[++i];
    else if (argument.startsWith("--locale=")) value = argument.slice("--locale=".length);
  }
  return value;
}

/**
 * The language the user chose for the command line's messages, read before the flags are parsed so that even a
 * flag error is in it: a valid `--locale` in `argv`, else {@link LOCALE_VARIABLE}, else `undefined` (English, or
 * for `score` the policy's language). A `--locale` that is not a language is left for the command to refuse.
 *
 * @param argv - The command's arguments.
 * @param env - The environment variables.
 * @returns The language, or `undefined` when none was chosen.
 * @throws {UsageError} when the environment variable is set to something else than `en` or `zh-CN`.
 *
 * @example
 * ```ts
 * cliLocale(["sales.csv", "--locale=zh-CN"], {}); // => "zh-CN"
 * cliLocale(["sales.csv", "--locale", "en"], { KEYACCOUNT_LOCALE: "zh-CN" }); // => "en"
 * cliLocale(["sales.csv"], { KEYACCOUNT_LOCALE: "zh-CN" }); // => "zh-CN"
 * ```
 */
export function cliLocale(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Locale | undefined {
  const argument = localeArgument(argv);
  if ((LOCALES as readonly (string | undefined)[]).includes(argument)) return argument as Locale;
  const variable = env[LOCALE_VARIABLE];
  if (variable === undefined || variable === "") return undefined;
  if ((LOCALES as readonly string[]).includes(variable)) return variable as Locale;
  throw new UsageError("cli.env.choice", {
    variable: LOCALE_VARIABLE,
    allowed: LOCALES.join(", "),
    value: variable,
  });
}
