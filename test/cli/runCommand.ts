// Runs the command line in-process with captured output, for the CLI tests.

import { PassThrough } from "node:stream";
import Papa from "papaparse";
import { runCli } from "../../src/cli/runCli.js";

/** What a run of the command line gave: its exit code and everything it wrote. */
export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `keyaccount …argv` and collects stdout and stderr. */
export async function runCommand(...argv: string[]): Promise<CommandRun> {
  return runCommandIn({}, ...argv);
}

/** Runs `keyaccount …argv` with environment variables (e.g. KEYACCOUNT_LOCALE) and collects stdout and stderr. */
export async function runCommandIn(
  env: Readonly<Record<string, string>>,
  ...argv: string[]
): Promise<CommandRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  stdout.on("data", (chunk: Buffer) => chunks.stdout.push(chunk));
  stderr.on("data", (chunk: Buffer) => chunks.stderr.push(chunk));
  const code = await runCli(argv, { stdout, stderr }, env);
  return {
    code,
    stdout: Buffer.concat(chunks.stdout).toString(),
    stderr: Buffer.concat(chunks.stderr).toString(),
  };
}

/** The rows of CSV text with a header, every value a string. */
export function csvRows(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}
