import type { Locale } from "../model/locale.js";
import type { TierPolicy } from "./tierPolicySchema.js";

/**
 * What people call a tier in a language: the policy's label for it in that language, else its English label, else
 * its name.
 *
 * @param policy - The tier policy.
 * @param tier - The tier's name.
 * @param locale - The language; default `en`.
 * @returns The label.
 *
 * @example
 * ```ts
 * tierLabel(TIER_PRESETS["strategic-key-ordinary"], "key", "zh-CN"); // => "重点客户"
 * ```
 */
export function tierLabel(policy: Pick<TierPolicy, "tiers">, tier: string, locale: Locale = "en"): string {
  const label = policy.tiers.find((entry) => entry.name === tier)?.label;
  return label?.[locale] ?? label?.en ?? tier;
}
