// Tier reasons in words with the tiers' labels: the policy's label in the language, else the English one, else
// the name; every parameter that names a tier is relabelled, the others are left as they are.
import { describe, expect, it } from "vitest";
import { TIER_PRESETS, type TierPolicy, tierLabel, tierReasonText } from "../../src/index.js";

const policy: Pick<TierPolicy, "tiers"> = {
  tiers: [
    { name: "strategic", label: { en: "Strategic account", "zh-CN": "战略客户" } },
    { name: "key", label: { en: "Key account" } },
    { name: "ordinary" },
  ],
};

describe("tierLabel", () => {
  it("takes the language's label, else the English one, else the name", () => {
    expect(tierLabel(policy, "strategic", "zh-CN")).toBe("战略客户");
    expect(tierLabel(policy, "key", "zh-CN")).toBe("Key account");
    expect(tierLabel(policy, "ordinary", "zh-CN")).toBe("ordinary");
    expect(tierLabel(policy, "gone", "en")).toBe("gone");
  });

  it("gives every preset's tiers Chinese names", () => {
    for (const preset of Object.values(TIER_PRESETS)) {
      for (const tier of preset.tiers)
        expect(tierLabel(preset, tier.name, "zh-CN"), tier.name).toMatch(/客户/);
    }
  });
});

describe("tierReasonText", () => {
  it("names the tiers of every tier parameter by their labels", () => {
    const text = tierReasonText(
      [
        {
          code: "tier.hysteresis.down-held",
          params: { tier: "strategic", computed: "key", periods: 1, required: 2 },
        },
        { code: "tier.threshold.met", params: { score: 81.5, tier: "strategic", threshold: 80 } },
      ],
      policy,
      "zh-CN",
    );
    expect(text).toContain("战略客户");
    expect(text).toContain("Key account");
    expect(text).not.toMatch(/\bstrategic\b/);
    expect(text).toContain("81.5");
  });

  it("reads as the plain message when no tier has a label", () => {
    expect(
      tierReasonText([{ code: "tier.rule.matched", params: { rule: 2, tier: "ordinary" } }], policy),
    ).toBe("Rule 2 matched: ordinary.");
  });
});
