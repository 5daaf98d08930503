import { type ParseArgsConfig, parseArgs } from "node:util";
import { clvCommand } from "./clvCommand.js";
import { fitCommand } from "./fitCommand.js";
import { generateCommand } from "./generateCommand.js";
import { policyCommand } from "./policyCommand.js";
import { predictCommand } from "./predictCommand.js";
import { profitCommand } from "./profitCommand.js";
import { rfmCommand } from "./rfmCommand.js";
import { scoreCommand } from "./scoreCommand.js";
import { signalsCommand } from "./signalsCommand.js";
import { summarizeCommand } from "./summarizeCommand.js";
import { tierCommand } from "./tierCommand.js";
import { UsageError } from "./UsageError.js";

const VERSION = "0.1.0";

/** The standard streams a command writes to, so tests can capture them. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** The values of a command's flags, as node:util parseArgs returns them. */
export type FlagValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** A subcommand: its one-line summary, help text, flags (node:util parseArgs) and what it does. */
export interface Command {
  summary: string;
  help: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(positionals: readonly string[], values: FlagValues, io: CliIo): Promise<number>;
}

// Each command lives in its own file; this table is the only place that lists them.
const COMMANDS: Readonly<Record<string, Command>> = {
  score: scoreCommand,
  summarize: summarizeCommand,
  rfm: rfmCommand,
  profit: profitCommand,
  fit: fitCommand,
  predict: predictCommand,
  clv: clvCommand,
  tier: tierCommand,
  signals: signalsCommand,
  policy: policyCommand,
  generate: generateCommand,
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(
    ([name, command]) => `  keyaccount ${name.padEnd(width)}  ${command.summary}`,
  );
  return `keyaccount ${VERSION} — key-account management from your customer records

Usage:
${lines.join("\n")}
  keyaccount <command> --help   the options of a command
  keyaccount --version

Exit codes: 0 the run completed (even with rejected rows, which the ingest report lists);
            2 the command cannot run as given (bad flag, missing file, unknown column); 1 an unexpected error.
`;
}

/**
 * Runs the command line with its arguments (without `node` and the script) and returns the exit code.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      io.stdout.write(help());
      return 0;
    }
    if (name === "--version" || name === "-v") {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (command === undefined)
      throw new UsageError(`unknown command "${name}"; run "keyaccount --help" for the list`);
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout.write(command.help);
      return 0;
    }
    let parsed: { values: FlagValues; positionals: string[] };
    try {
      parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    return await command.run(parsed.positionals, parsed.values, io);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && error.name === "KeyAccountError")) {
      io.stderr.write(`keyaccount: ${error.message}\n`);
      return 2;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`keyaccount: unexpected error: ${detail}\n`);
    return 1;
  }
}
