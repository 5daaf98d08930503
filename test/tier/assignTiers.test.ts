import { describe, expect, it } from "vitest";
import {
  assignTiers,
  type CustomerFeatures,
  formatMessage,
  KeyAccountError,
  LazyList,
  type PreviousTier,
  scoreAccounts,
  type TierInput,
  type TierPolicy,
} from "../../src/index.js";

// The score is revenue itself (0..100 minor units, min–max 0..100), so every case reads directly.
const policy: TierPolicy = {
  version: 1,
  name: "test",
  ratings: [{ name: "credit", min: 1, max: 5 }],
  dimensions: [
    {
      name: "value",
      weight: 1,
      metrics: [{ metric: "revenue", weight: 1, normalise: { method: "minMax", min: 0, max: 100 } }],
    },
  ],
  tiers: [
    { name: "strategic", gates: [{ metric: "rating.credit", min: 3 }] },
    { name: "key" },
    { name: "ordinary" },
  ],
  assignment: {
    method: "thresholds",
    thresholds: [
      { tier: "strategic", minScore: 80 },
      { tier: "key", minScore: 50 },
    ],
  },
};

function account(id: string, revenueMinor: number, credit = 5, tenureDays = 1000): TierInput {
  return { id, features: { id, revenueMinor, tenureDays } as CustomerFeatures, ratings: { credit } };
}

const asOf = "2024-12-31";
const tiersOf = (result: ReturnType<typeof assignTiers>): string[] => result.accounts.map((a) => a.tier);
const codesOf = (result: ReturnType<typeof assignTiers>, i: number): string[] =>
  result.accounts[i]?.reasons.map((reason) => reason.code) ?? [];

describe("assignTiers", () => {
  it("assigns by score thresholds, with the threshold in the reason", () => {
    const result = assignTiers(
      scoreAccounts([account("A", 90), account("B", 50), account("C", 49.9)], policy),
      { asOf },
    );
    expect(tiersOf(result)).toEqual(["strategic", "key", "ordinary"]);
    expect(result.accounts[0]?.reasons).toEqual([
      { code: "tier.threshold.met", params: { tier: "strategic", score: 90, threshold: 80 } },
    ]);
    expect(result.accounts[2]?.reasons[0]).toEqual({
      code: "tier.threshold.base",
      params: { tier: "ordinary", score: 49.9, threshold: 50 },
    });
    const reason = result.accounts[0]?.reasons[0];
    expect(formatMessage(reason?.code ?? "tier.threshold.met", reason?.params, "zh-CN")).toBe(
      "综合得分 90，达到 strategic 门槛 80。",
    );
  });

  it("drops an account that fails a tier's gate to the next tier", () => {
    const result = assignTiers(scoreAccounts([account("A", 95, 2)], policy), { asOf });
    expect(tiersOf(result)).toEqual(["key"]);
    expect(result.accounts[0]?.reasons[1]).toEqual({
      code: "tier.gate.failed",
      params: { tier: "strategic", metric: "rating.credit", value: 2, requirement: "≥ 3", to: "key" },
    });
  });

  it("assigns by shares of accounts, ties by id", () => {
    const shares: TierPolicy = {
      ...policy,
      tiers: [{ name: "strategic" }, { name: "key" }, { name: "ordinary" }],
      assignment: {
        method: "shares",
        shares: [
          { tier: "strategic", share: 0.2 },
          { tier: "key", share: 0.3 },
        ],
      },
    };
    const inputs = ["E", "D", "C", "B", "A", "F", "G", "H", "I", "J"].map((id, i) =>
      account(id, i < 2 ? 70 : 10 + i),
    );
    const result = assignTiers(scoreAccounts(inputs, shares), { asOf });
    // Scores: E 70, D 70, C 12 … J 19. Top 20 % = 2 accounts (D, E); next 30 % = J, I, H.
    expect(Object.fromEntries(result.accounts.map((a) => [a.id, a.tier]))).toEqual({
      E: "strategic",
      D: "strategic",
      C: "ordinary",
      B: "ordinary",
      A: "ordinary",
      F: "ordinary",
      G: "ordinary",
      H: "key",
      I: "key",
      J: "key",
    });
    expect(result.accounts[9]?.reasons[0]).toEqual({
      code: "tier.share.within",
      params: { tier: "key", score: 19, share: 50, cutoff: 17 },
    });
  });

  it("assigns by ABC classes of a value metric", () => {
    const abc: TierPolicy = {
      ...policy,
      tiers: [{ name: "A" }, { name: "B" }, { name: "C" }],
      assignment: { method: "abc", metric: "revenue", cutoffs: [0.8, 0.95] },
    };
    const result = assignTiers(
      scoreAccounts([account("a", 70), account("b", 20), account("c", 6), account("d", 4)], abc),
      {
        asOf,
      },
    );
    expect(tiersOf(result)).toEqual(["A", "A", "B", "C"]);
    expect(result.accounts[2]?.reasons[0]).toEqual({
      code: "tier.abc.class",
      params: { tier: "B", class: "B", metric: "revenue", share: 90 },
    });
  });

  it("assigns by ordered rules, the first match deciding", () => {
    const rules: TierPolicy = {
      ...policy,
      assignment: {
        method: "rules",
        rules: [
          {
            tier: "strategic",
            when: [
              { metric: "revenue", min: 60 },
              { metric: "score", min: 60 },
            ],
          },
          { tier: "key", when: [{ metric: "dimension.value", min: 30, max: 59 }] },
        ],
      },
    };
    const result = assignTiers(
      scoreAccounts([account("A", 60), account("B", 59.5), account("C", 40)], rules),
      { asOf },
    );
    expect(tiersOf(result)).toEqual(["strategic", "ordinary", "key"]);
    expect(result.accounts[0]?.reasons[0]).toEqual({
      code: "tier.rule.matched",
      params: { tier: "strategic", rule: 1 },
    });
    expect(result.accounts[1]?.reasons[0]).toEqual({ code: "tier.rule.base", params: { tier: "ordinary" } });
  });

  it("holds a tier by hysteresis: up margin, periods below, a larger margin moves down at once", () => {
    const sticky: TierPolicy = { ...policy, hysteresis: { upMargin: 3, downMargin: 10, downPeriods: 2 } };
    const card = scoreAccounts(
      [account("A", 81), account("B", 45), account("C", 35), account("D", 84)],
      sticky,
    );
    const previous = [
      { id: "A", tier: "key" },
      { id: "B", tier: "key" },
      { id: "C", tier: "key" },
      { id: "D", tier: "ordinary" },
    ];
    const first = assignTiers(card, { asOf, previous });
    // One account made when asked is the one the list has, before and after the list is made.
    const alone = assignTiers(card, { asOf, previous });
    expect([0, 1, 2, 3].map((i) => alone.account(i))).toEqual(first.accounts);
    const list = alone.accounts;
    expect(alone.account(2)).toBe(list[2]);
    expect(Object.keys(alone)).not.toContain("account");
    expect(tiersOf(first)).toEqual(["key", "key", "ordinary", "strategic"]);
    expect(first.accounts[0]?.reasons[1]).toEqual({
      code: "tier.hysteresis.up-held",
      params: { tier: "strategic", score: 81, threshold: 80, margin: 3, kept: "key" },
    });
    expect(first.accounts[1]?.reasons[1]).toEqual({
      code: "tier.hysteresis.down-held",
      params: { tier: "key", computed: "ordinary", periods: 1, required: 2 },
    });
    expect(first.accounts[1]?.periodsBelow).toBe(1);
    expect(codesOf(first, 2)).toEqual(["tier.threshold.base", "tier.hysteresis.down-margin"]);
    expect(first.accounts.map((a) => a.changed)).toEqual([false, false, true, true]);
    const second = assignTiers(card, { asOf, previous: first.accounts });
    expect(tiersOf(second)).toEqual(["key", "ordinary", "ordinary", "strategic"]);
    expect(second.accounts[1]?.reasons[1]).toEqual({
      code: "tier.hysteresis.down-periods",
      params: { from: "key", tier: "ordinary", periods: 2 },
    });
  });

  it("finds the previous tiers by id, from an array or a LazyList: the last row of a repeated id counts", () => {
    const sticky: TierPolicy = { ...policy, hysteresis: { downPeriods: 2 } };
    const card = scoreAccounts([account("A", 81), account("B", 45), account("C", 35)], sticky);
    const rows = [
      { id: "C", tier: "key", periodsBelow: 1 },
      { id: "X", tier: "key" },
      { id: "B", tier: "strategic" },
      { id: "B", tier: "key" },
      { id: "A", tier: "gold" },
    ];
    const fromArray = assignTiers(card, { asOf, previous: rows });
    let made = 0;
    const lazy = new LazyList(rows.length, (at) => {
      made++;
      return { ...(rows[at] as PreviousTier) };
    });
    const fromList = assignTiers(card, { asOf, previous: lazy });
    expect(made).toBeGreaterThan(0);
    expect(fromList.accounts).toEqual(fromArray.accounts);
    expect(fromList.departed).toEqual(fromArray.departed);
    expect(fromList.issues).toEqual(fromArray.issues);
    // B's later row (key) counts: held in key one period of two; C, below key for the second period, goes down.
    expect(fromArray.accounts.map((a) => [a.id, a.previousTier, a.tier, a.periodsBelow])).toEqual([
      ["A", undefined, "strategic", 0],
      ["B", "key", "key", 1],
      ["C", "key", "ordinary", 0],
    ]);
    // X was not scored, and B's earlier row matched no account; A's previous tier is not the policy's.
    expect(fromArray.departed).toEqual([rows[1], rows[2]]);
    expect(fromArray.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ["policy.tier.unknown", ["previous", 4, "tier"]],
    ]);
  });

  it("holds a tier by margins around this run's cut-off scores of the shares", () => {
    const shares: TierPolicy = {
      ...policy,
      assignment: {
        method: "shares",
        shares: [
          { tier: "strategic", share: 0.2 },
          { tier: "key", share: 0.3 },
        ],
      },
      hysteresis: { upMargin: 3, downMargin: 10, downPeriods: 2 },
    };
    // Scores 95, 90 … 50: the top 2 are strategic (cut-off score 90), the next 3 key (cut-off score 75).
    const card = scoreAccounts(
      [..."ABCDEFGHIJ"].map((id, i) => account(id, 95 - 5 * i)),
      shares,
    );
    const previous = [
      { id: "A", tier: "key" }, // 95 ≥ 90 + 3: moves up
      { id: "B", tier: "key" }, // 90 < 90 + 3: held
      { id: "C", tier: "strategic" }, // 85, computed key, not 10 below 90: held one period
      { id: "D", tier: "ordinary" }, // 80 ≥ 75 + 3: moves up
      { id: "E", tier: "ordinary" }, // 75 < 75 + 3: held
      { id: "F", tier: "key" }, // 70, computed ordinary, not 10 below 75: held one period
      { id: "H", tier: "key" }, // 60 < 75 − 10: moves down at once
    ];
    const first = assignTiers(card, { asOf, previous });
    expect(tiersOf(first)).toEqual([
      "strategic",
      "key",
      "strategic",
      "key",
      "ordinary",
      "key",
      "ordinary",
      "ordinary",
      "ordinary",
      "ordinary",
    ]);
    expect(first.accounts[1]?.reasons).toEqual([
      { code: "tier.share.within", params: { tier: "strategic", score: 90, share: 20, cutoff: 90 } },
      {
        code: "tier.hysteresis.up-held",
        params: { tier: "strategic", score: 90, threshold: 90, margin: 3, kept: "key" },
      },
    ]);
    expect(first.accounts[4]?.reasons[1]).toEqual({
      code: "tier.hysteresis.up-held",
      params: { tier: "key", score: 75, threshold: 75, margin: 3, kept: "ordinary" },
    });
    expect(first.accounts[2]?.reasons[1]).toEqual({
      code: "tier.hysteresis.down-held",
      params: { tier: "strategic", computed: "key", periods: 1, required: 2 },
    });
    expect(first.accounts[7]?.reasons[1]).toEqual({
      code: "tier.hysteresis.down-margin",
      params: { from: "key", tier: "ordinary", score: 60, threshold: 75, margin: 10 },
    });
    expect(first.accounts.map((a) => a.changed)).toEqual([
      true,
      false,
      false,
      true,
      false,
      false,
      false,
      true,
      false,
      false,
    ]);
    // The same input again: nothing moves back; the accounts held below their tier move down after 2 periods.
    const second = assignTiers(card, { asOf, previous: first.accounts });
    expect(tiersOf(second)).toEqual([
      "strategic",
      "key",
      "key",
      "key",
      "ordinary",
      "ordinary",
      "ordinary",
      "ordinary",
      "ordinary",
      "ordinary",
    ]);
  });

  it("holds an ABC class by margins in percentage points of the cumulative share", () => {
    const abc: TierPolicy = {
      ...policy,
      tiers: [{ name: "A" }, { name: "B" }, { name: "C" }],
      assignment: { method: "abc", metric: "revenue", cutoffs: [0.8, 0.95] },
      hysteresis: { upMargin: 5, downMargin: 3, downPeriods: 3 },
    };
    // Revenue 76, 14, 6, 4: the accounts ranked before hold 0 %, 76 %, 90 %, 96 % → A, A, B, C.
    const card = scoreAccounts([account("a", 76), account("b", 14), account("c", 6), account("d", 4)], abc);
    const previous = [
      { id: "a", tier: "C" },
      { id: "b", tier: "B" },
      { id: "c", tier: "A" },
      { id: "d", tier: "B" },
    ];
    const result = assignTiers(card, { asOf, previous });
    expect(tiersOf(result)).toEqual(["A", "B", "B", "B"]);
    expect(result.accounts[1]?.reasons[1]).toEqual({
      code: "tier.hysteresis.up-held-share",
      params: { tier: "A", share: 76, cutoff: 80, margin: 5, kept: "B" },
    });
    expect(result.accounts[2]?.reasons[1]).toEqual({
      code: "tier.hysteresis.down-margin-share",
      params: { from: "A", tier: "B", share: 90, cutoff: 80, margin: 3 },
    });
    expect(result.accounts[3]?.reasons[1]).toEqual({
      code: "tier.hysteresis.down-held",
      params: { tier: "B", computed: "C", periods: 1, required: 3 },
    });
    const [upHeld, downMargin] = [1, 2].map((i) => result.accounts[i]?.reasons[1]);
    expect(formatMessage(upHeld?.code ?? "field.unknown", upHeld?.params)).toBe(
      "The accounts ranked above hold 76 % of the metric, within the A cut-off of 80 % but not by the margin of 5 points; stays B.",
    );
    expect(formatMessage(downMargin?.code ?? "field.unknown", downMargin?.params, "zh-CN")).toBe(
      "排在前面的客户合计占该指标 90%，超出 A 的累计占比线 80% 达 3 个百分点以上，直接降为 B。",
    );
  });

  it("applies overrides until they expire, and reports expired ones", () => {
    const card = scoreAccounts([account("A", 10), account("B", 10)], policy);
    const result = assignTiers(card, {
      asOf,
      overrides: [
        {
          id: "A",
          tier: "strategic",
          reason: "national framework contract",
          author: "Wang Li",
          expires: "2024-12-31",
        },
        { id: "B", tier: "strategic", reason: "pilot", author: "Wang Li", expires: "2024-06-30" },
        { id: "Z", tier: "key", reason: "gone", author: "Wang Li" },
      ],
    });
    expect(tiersOf(result)).toEqual(["strategic", "ordinary"]);
    expect(result.accounts[0]?.reasons[1]).toEqual({
      code: "tier.override.applied",
      params: {
        tier: "strategic",
        author: "Wang Li",
        expires: "2024-12-31",
        reason: "national framework contract",
      },
    });
    expect(result.accounts[1]?.reasons[1]).toEqual({
      code: "tier.override.expired",
      params: { tier: "strategic", author: "Wang Li", expires: "2024-06-30" },
    });
    expect(result.issues.map((issue) => issue.code)).toEqual(["reference.unknown-customer"]);
  });

  it("keeps a new account at least in the grace tier and its previous tier", () => {
    const graced: TierPolicy = { ...policy, newAccounts: { graceDays: 180, tier: "key" } };
    const card = scoreAccounts(
      [account("A", 10, 5, 30), account("B", 10, 5, 400), account("C", 10, 5, 60)],
      graced,
    );
    const result = assignTiers(card, { asOf, previous: [{ id: "C", tier: "strategic" }] });
    expect(tiersOf(result)).toEqual(["key", "ordinary", "strategic"]);
    expect(result.accounts[0]?.reasons[1]).toEqual({
      code: "tier.grace.new-account",
      params: { tier: "key", tenureDays: 30, graceDays: 180 },
    });
  });

  it("re-tiers with changed thresholds without re-scoring", () => {
    const card = scoreAccounts([account("A", 75), account("B", 45)], policy);
    const lower: TierPolicy = {
      ...policy,
      assignment: {
        method: "thresholds",
        thresholds: [
          { tier: "strategic", minScore: 70 },
          { tier: "key", minScore: 40 },
        ],
      },
    };
    expect(tiersOf(assignTiers(card, { asOf }))).toEqual(["key", "ordinary"]);
    expect(tiersOf(assignTiers(card, { asOf, policy: lower }))).toEqual(["strategic", "key"]);
    const unscored: TierPolicy = {
      ...lower,
      tiers: [
        { name: "strategic", gates: [{ metric: "nps", min: 9 }] },
        { name: "key" },
        { name: "ordinary" },
      ],
    };
    expect(() => assignTiers(card, { asOf, policy: unscored })).toThrow(KeyAccountError);
    const reweighted: TierPolicy = { ...lower, missing: "zero" };
    expect(() => assignTiers(card, { asOf, policy: reweighted })).toThrow("score them again");
  });

  it("lists every bad option at once", () => {
    const card = scoreAccounts([account("A", 75)], policy);
    try {
      assignTiers(card, {
        asOf: "31/12/2024",
        overrides: [
          { id: "A", tier: "gold", reason: "", author: "x", expires: "soon" },
          { id: "A", tier: "key", reason: "", author: "x" },
        ],
      });
      expect.unreachable();
    } catch (error) {
      expect((error as KeyAccountError).issues.map((issue) => issue.code)).toEqual([
        "date.invalid",
        "policy.tier.unknown",
        "date.invalid",
        "id.duplicate",
      ]);
    }
  });
});
