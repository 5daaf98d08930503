import { formatMessage } from "./formatMessage.js";
import type { Issue } from "./issue.js";
import type { Locale } from "./locale.js";

/**
 * An {@link Issue} with its `message` rendered in another language from its `code` and `params`; everything
 * else is kept. Issues carry an English message; a CRM or the command line shows them in the user's language
 * with this.
 *
 * @param issue - The issue, as ingest, a policy check or a model fit reported it.
 * @param locale - `"en"` or `"zh-CN"`.
 * @returns A copy of the issue with the message in `locale`.
 *
 * @example
 * ```ts
 * localizeIssue(makeIssue("amount.invalid", ["amount"], { value: "12,5x" }, 7), "zh-CN").message;
 * // => "金额 12,5x 不是有效数字。"
 * ```
 */
export function localizeIssue(issue: Issue, locale: Locale): Issue {
  return { ...issue, message: formatMessage(issue.code, issue.params, locale) };
}
