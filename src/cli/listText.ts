import type { Locale } from "../model/locale.js";

/**
 * Items written as a list the way the language writes one: `a, b, c` in English, `a、b、c` in Chinese.
 *
 * @param items - The items, each already in the language.
 * @param locale - The language.
 * @returns The list as one text.
 *
 * @example
 * ```ts
 * listText(["strategic 1", "key 2"], "zh-CN"); // => "strategic 1、key 2"
 * ```
 */
export function listText(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: "conjunction", style: "narrow" }).format(items);
}
