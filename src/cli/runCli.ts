import type { ParseArgsConfig } from "node:util";
import { formatMessage } from "../model/formatMessage.js";
import type { Issue } from "../model/issue.js";
import type { Locale } from "../model/locale.js";
import { localizeIssue } from "../model/localizeIssue.js";
import { cliLocale } from "./cliLocale.js";
import { clvCommand } from "./clvCommand.js";
import { fitCommand } from "./fitCommand.js";
import { generateCommand } from "./generateCommand.js";
import { parseFlags } from "./parseFlags.js";
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

/**
 * The standard streams a command writes to, so tests can capture them, and the language of its messages: the
 * one the user chose with `--locale` or KEYACCOUNT_LOCALE, `undefined` when none was chosen (then English, or for
 * `score` the policy's language).
 */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  locale?: Locale | undefined;
}

/** The values of a command's flags, as node:util parseArgs returns them. */
export type FlagValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/**
 * A subcommand: its one-line summary and help text in each language, its flags (node:util parseArgs) and what it
 * does.
 */
export interface Command {
  summary: Readonly<Record<Locale, string>>;
  help: Readonly<Record<Locale, string>>;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(positionals: readonly string[], values: FlagValues, io: CliIo): Promise<number>;
}

/**
 * Every subcommand by its name. Each command lives in its own file; this table is the only place that lists them.
 */
export const COMMANDS: Readonly<Record<string, Command>> = {
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

// The top-level help in a language: every command with its summary, the exit codes and how to choose the language.
function help(locale: Locale): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS)
    .map(([name, command]) => `  keyaccount ${name.padEnd(width)}  ${command.summary[locale]}`)
    .join("\n");
  if (locale === "zh-CN")
    return `keyaccount ${VERSION} — 根据客户记录进行重点客户管理

用法：
${lines}
  keyaccount <command> --help   查看某个命令的选项
  keyaccount --version

退出码：0 运行完成（即使有被剔除的行，导入报告会逐一列出）；
        2 命令无法按给定参数运行（选项有误、文件不存在、列名无法识别）；1 意外错误。

语言：--locale en|zh-CN（score、tier、signals、generate）或环境变量 KEYACCOUNT_LOCALE（所有命令）
      设置提示信息的语言；帮助文本也使用同一语言。
`;
  return `keyaccount ${VERSION} — key-account management from your customer records

Usage:
${lines}
  keyaccount <command> --help   the options of a command
  keyaccount --version

Exit codes: 0 the run completed (even with rejected rows, which the ingest report lists);
            2 the command cannot run as given (bad flag, missing file, unknown column); 1 an unexpected error.

Language: --locale en|zh-CN (score, tier, signals, generate) or the environment variable KEYACCOUNT_LOCALE
          (every command) sets the language of the messages; the help texts follow the same language.
`;
}

// The language of a help text: that of the messages (--locale, else KEYACCOUNT_LOCALE), else English. Help is
// printed whatever the arguments and environment say, so a language that is not one falls back to English.
function helpLocale(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Locale {
  try {
    return cliLocale(argv, env) ?? "en";
  } catch (error) {
    if (error instanceof UsageError) return "en";
    throw error;
  }
}

// A refusal in the user's language: the usage error, or each issue of a KeyAccountError with its path.
function refusal(error: Error, locale: Locale): string {
  if (error instanceof UsageError) return formatMessage(error.code, error.params, locale);
  const issues = (error as Error & { issues?: readonly Issue[] }).issues;
  if (issues === undefined) return error.message;
  return issues
    .map((issue) => {
      const { message } = localizeIssue(issue, locale);
      const label = issue.path.join(".");
      return label === "" ? message : formatMessage("cli.labelled", { label, text: message }, locale);
    })
    .join("\n");
}

/**
 * Runs the command line with its arguments (without `node` and the script) and returns the exit code. `env` is
 * the environment (KEYACCOUNT_LOCALE); messages and help texts are in the language of `--locale`, else of
 * KEYACCOUNT_LOCALE, else English (help falls back to English when the language chosen is not one).
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<number> {
  const [name, ...rest] = argv;
  let locale: Locale | undefined;
  try {
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      io.stdout.write(help(helpLocale(rest, env)));
      return 0;
    }
    if (name === "--version" || name === "-v") {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (command !== undefined && (rest.includes("--help") || rest.includes("-h"))) {
      io.stdout.write(command.help[helpLocale(rest, env)]);
      return 0;
    }
    locale = cliLocale(rest, env);
    if (command === undefined) throw new UsageError("cli.command.unknown", { command: name });
    const parsed = parseFlags(name, rest, command.options);
    return await command.run(parsed.positionals, parsed.values, { ...io, locale });
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && error.name === "KeyAccountError")) {
      io.stderr.write(`keyaccount: ${refusal(error, locale ?? "en")}\n`);
      return 2;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`keyaccount: ${formatMessage("cli.error.unexpected", { detail }, locale ?? "en")}\n`);
    return 1;
  }
}
