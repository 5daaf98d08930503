import { formatMessage } from "./formatMessage.js";
import type { Issue, IssueCode, IssuePath } from "./issue.js";

/**
 * Builds an {@link Issue} with its English message rendered from the catalogue.
 *
 * @param code - What is wrong.
 * @param path - The field it is wrong in.
 * @param params - The values the message names.
 * @param row - The 1-based input row, when the issue is about a row.
 * @returns The issue.
 *
 * @example
 * ```ts
 * makeIssue("amount.invalid", ["amount"], { value: "12,5x" }, 7);
 * // => { code: "amount.invalid", path: ["amount"], message: "The amount 12,5x is not a number.",
 * //      row: 7, params: { value: "12,5x" } }
 * ```
 */
export function makeIssue(
  code: IssueCode,
  path: IssuePath,
  params: Readonly<Record<string, string | number>> = {},
  row?: number,
): Issue {
  const issue: Issue = { code, path, message: formatMessage(code, params), params };
  if (row !== undefined) issue.row = row;
  return issue;
}
