import { formatMessage } from "../model/formatMessage.js";
import type { Locale } from "../model/locale.js";

const BUILT_IN_CATEGORIES = [
  "churn",
  "credit",
  "complaint",
  "follow-up",
  "pool",
  "care",
  "qualification",
  "profile",
] as const;

type BuiltInCategory = (typeof BUILT_IN_CATEGORIES)[number];

/**
 * The display name of an alert category: the catalogue's words for the built-in packs' categories (`churn`,
 * `credit`, `complaint`, `follow-up`, `pool`, `care`, `qualification`, `profile`), a policy's own category as it
 * is written.
 *
 * @param category - The category.
 * @param locale - The language.
 * @returns Its name.
 *
 * @example
 * ```ts
 * alertCategoryLabel("credit", "zh-CN"); // => "信用风险"
 * alertCategoryLabel("warranty", "zh-CN"); // => "warranty"
 * ```
 */
export function alertCategoryLabel(category: string, locale: Locale): string {
  return (BUILT_IN_CATEGORIES as readonly string[]).includes(category)
    ? formatMessage(`report.category.${category as BuiltInCategory}`, {}, locale)
    : category;
}
