import { formatMessage } from "../model/formatMessage.js";
import type { IssueCode } from "../model/issue.js";

/** The message codes of the command line's own texts. */
export type CliCode = Extract<IssueCode, `cli.${string}`>;

/**
 * A command line that cannot run as given: a bad flag, a missing file, an unknown column. Exit code 2. It carries
 * a `cli.*` message code and its parameters, so the command line can say it in the user's language; `message` is
 * the English sentence.
 *
 * @example
 * ```ts
 * const error = new UsageError("cli.flag.choice", { flag: "--format", allowed: "csv, json, jsonl", value: "xls" });
 * error.message; // => '--format must be one of csv, json, jsonl; got "xls"'
 * formatMessage(error.code, error.params, "zh-CN"); // => "--format 只能取 csv, json, jsonl，收到的是“xls”"
 * ```
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** What is wrong, as a message code of the catalogues. */
  readonly code: CliCode;
  /** The values in the sentence: the flag, the value given, the values allowed … */
  readonly params: Readonly<Record<string, string | number>>;

  /**
   * @param code - The message code.
   * @param params - The values of its placeholders, every one of them.
   */
  constructor(code: CliCode, params: Readonly<Record<string, string | number>> = {}) {
    super(formatMessage(code, params));
    this.code = code;
    this.params = params;
  }
}
