import { type ParseArgsConfig, parseArgs } from "node:util";
import type { FlagValues } from "./runCli.js";
import { UsageError } from "./UsageError.js";

/**
 * Reads a command's arguments into flag values and positionals, as node:util parseArgs does in strict mode, but
 * every problem is a {@link UsageError} with a message code (so it can be said in the user's language): an
 * option the command does not have, a string option without its value or followed by another option, a boolean
 * option given a value.
 *
 * @param command - The command's name, for the message about an unknown option.
 * @param args - The arguments after the command's name.
 * @param options - The command's options (node:util parseArgs form).
 * @returns The flag values and the positionals.
 * @throws {UsageError} for the first problem found.
 *
 * @example
 * ```ts
 * parseFlags("rfm", ["sales.csv", "--bins", "4"], { bins: { type: "string" } });
 * // => { values: { bins: "4" }, positionals: ["sales.csv"] }
 * parseFlags("rfm", ["--bins"], { bins: { type: "string" } }); // throws UsageError "--bins needs a value"
 * ```
 */
export function parseFlags(
  command: string,
  args: readonly string[],
  options: NonNullable<ParseArgsConfig["options"]>,
): { values: FlagValues; positionals: string[] } {
  const { values, positionals, tokens } = parseArgs({
    args: [...args],
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const flag = token.rawName;
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (option === undefined) throw new UsageError("cli.flag.unknown", { flag, command });
    if (option.type === "boolean") {
      if (token.value !== undefined)
        throw new UsageError("cli.flag.value-unexpected", { flag, value: token.value });
    } else if (token.value === undefined) throw new UsageError("cli.flag.value-missing", { flag });
    else if (!token.inlineValue && token.value.startsWith("-"))
      throw new UsageError("cli.flag.value-ambiguous", { flag, value: token.value });
  }
  return { values, positionals };
}
