import { parseArgs } from "node:util";
import { SUMMARIZE_HELP, SUMMARIZE_OPTIONS, summarizeCommand } from "./summarizeCommand.js";
import { UsageError } from "./UsageError.js";

const VERSION = "0.1.0";

const HELP = `keyaccount ${VERSION} — key-account management from your customer records

Usage:
  keyaccount summarize <file> [options]   per-customer summary (BTYD x, t_x, T, spend, key-account facts)
  keyaccount <command> --help             the options of a command
  keyaccount --version

Exit codes: 0 the run completed (even with rejected rows, which the ingest report lists);
            2 the command cannot run as given (bad flag, missing file, unknown column); 1 an unexpected error.
`;

/** The standard streams a command writes to, so tests can capture them. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * Runs the command line with its arguments (without `node` and the script) and returns the exit code.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      io.stdout.write(HELP);
      return 0;
    }
    if (command === "--version" || command === "-v") {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (command === "summarize") {
      if (rest.includes("--help") || rest.includes("-h")) {
        io.stdout.write(SUMMARIZE_HELP);
        return 0;
      }
      let parsed: ReturnType<typeof parseArgs<{ options: typeof SUMMARIZE_OPTIONS; allowPositionals: true }>>;
      try {
        parsed = parseArgs({ args: rest, options: SUMMARIZE_OPTIONS, allowPositionals: true, strict: true });
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      return await summarizeCommand(parsed.positionals, parsed.values, io);
    }
    throw new UsageError(`unknown command "${command}"; run "keyaccount --help" for the list`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`keyaccount: ${error.message}\n`);
      return 2;
    }
    if (error instanceof Error && "issues" in error) {
      io.stderr.write(`keyaccount: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(
      `keyaccount: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}
