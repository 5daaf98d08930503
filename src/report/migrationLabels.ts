import { formatMessage } from "../model/formatMessage.js";
import type { Locale } from "../model/locale.js";
import type { TierMigration } from "../tier/tierMigration.js";

/**
 * The row and column labels of a migration matrix: the tiers as named, the last row (`new`) and the last column
 * (`departed`) in the locale's words.
 *
 * @param migration - The migration.
 * @param locale - The language.
 * @returns The labels of `migration.from` and `migration.to`.
 *
 * @example
 * ```ts
 * migrationLabels({ from: ["key", "new"], to: ["key", "departed"], … }, "zh-CN");
 * // => { from: ["key", "新增"], to: ["key", "已退出"] }
 * ```
 */
export function migrationLabels(migration: TierMigration, locale: Locale): { from: string[]; to: string[] } {
  const relabel = (names: readonly string[], last: string): string[] =>
    names.map((name, i) => (i === names.length - 1 ? last : name));
  return {
    from: relabel(migration.from, formatMessage("report.label.new-account", {}, locale)),
    to: relabel(migration.to, formatMessage("report.label.departed", {}, locale)),
  };
}
