import type { IssueCode } from "./issue.js";
import type { Locale } from "./locale.js";
import { en } from "./messages/en.js";
import { zhCN } from "./messages/zh-CN.js";

// Each catalogue template split once at its placeholders: texts at even positions, placeholder names at odd ones
// (a split with a capturing group finds the placeholders a global replace would).
const splitTemplates = /* @__PURE__ */ new Map<string, readonly string[]>();

function templateParts(template: string): readonly string[] {
  let parts = splitTemplates.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    splitTemplates.set(template, parts);
  }
  return parts;
}

/**
 * Renders a message code with its parameters in a locale. A placeholder `{name}` is replaced by
 * `params.name`; a placeholder without a parameter is left as it is, so a missing value is visible rather than
 * silently blank.
 *
 * @param code - The message code, e.g. an {@link Issue}'s `code`.
 * @param params - The values for the placeholders.
 * @param locale - `"en"` (default) or `"zh-CN"`.
 * @returns The sentence.
 *
 * @example
 * ```ts
 * formatMessage("date.invalid", { value: "2024-13-01", expected: "YYYY-MM-DD" });
 * // => "The date 2024-13-01 cannot be read (expected YYYY-MM-DD)."
 * formatMessage("id.missing", {}, "zh-CN"); // => "客户编号为空。"
 * ```
 */
export function formatMessage(
  code: IssueCode,
  params: Readonly<Record<string, string | number>> = {},
  locale: Locale = "en",
): string {
  const parts = templateParts((locale === "zh-CN" ? zhCN : en)[code]);
  const pieces = parts.slice();
  for (let p = 1; p < pieces.length; p += 2) {
    const name = parts[p] as string;
    const value = params[name];
    pieces[p] = value === undefined ? `{${name}}` : String(value);
  }
  return pieces.join("");
}
