import { formatMessage } from "../model/formatMessage.js";
import type { Locale } from "../model/locale.js";
import type { TierReason } from "./assignTiers.js";
import { tierLabel } from "./tierLabel.js";
import type { TierPolicy } from "./tierPolicySchema.js";

// The parameters of the tier reasons that hold a tier's name.
const TIER_PARAMS: readonly string[] = ["tier", "computed", "from", "to", "kept"];

/**
 * Tier reasons in words, with the tiers called by their labels in the language ({@link tierLabel}), joined into one
 * text: what a key-account manager reads.
 *
 * @param reasons - The reasons of one account ({@link TieredAccount.reasons}).
 * @param policy - The tier policy (its labels).
 * @param locale - The language; default `en`.
 * @returns The text.
 *
 * @example
 * ```ts
 * tierReasonText([{ code: "tier.rule.matched", params: { rule: 2, tier: "key" } }],
 *   TIER_PRESETS["strategic-key-ordinary"], "zh-CN"); // => "符合第 2 条规则，归入 重点客户。"
 * ```
 */
export function tierReasonText(
  reasons: readonly TierReason[],
  policy: Pick<TierPolicy, "tiers">,
  locale: Locale = "en",
): string {
  return reasons
    .map((reason) => {
      const params: Record<string, string | number> = { ...reason.params };
      for (const name of TIER_PARAMS) {
        const value = params[name];
        if (typeof value === "string") params[name] = tierLabel(policy, value, locale);
      }
      return formatMessage(reason.code, params, locale);
    })
    .join(" ");
}
