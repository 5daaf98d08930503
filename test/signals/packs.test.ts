// The built-in rule packs, rule by rule: an account on which each rule fires and one just across its boundary on
// which it does not. Accounts are made from records (features by `summarize`, activity by `purchaseActivity`),
// and every expected number is worked out by hand in a comment. 2024 is a leap year: February has 29 days.
import { describe, expect, it } from "vitest";
import { KeyAccountError } from "../../src/model/KeyAccountError.js";
import { SIGNAL_PACKS } from "../../src/signals/signalPacks.js";
import type { SignalSettings } from "../../src/signals/signalPolicySchema.js";
import {
  alertOf,
  buildAccount,
  complaint,
  customer,
  document,
  feedback,
  interaction,
  invoice,
  type PackOptions,
  paidInvoice,
  ruleIds,
  runPacks,
  sale,
} from "./accounts.js";

describe("the packs", () => {
  it("have the rules these tests cover, and nothing else", () => {
    const ids = Object.fromEntries(
      Object.entries(SIGNAL_PACKS).map(([name, pack]) => [name, (pack.rules ?? []).map((rule) => rule.id)]),
    );
    expect(ids).toEqual({
      churn: [
        "churn.overdue-cycle",
        "churn.overdue-cycle-long",
        "churn.spend-decline",
        "churn.order-drop",
        "churn.narrowing-range",
        "churn.p-alive-low",
        "churn.complaints",
        "churn.satisfaction-falling",
        "churn.nps-detractor",
        "churn.no-contact",
        "churn.health-low",
      ],
      credit: [
        "credit.overdue-90-plus",
        "credit.overdue-61-90",
        "credit.overdue-31-60",
        "credit.overdue-1-30",
        "credit.paying-slower",
        "credit.limit-exceeded",
        "credit.limit-nearly-used",
        "credit.rating-low",
      ],
      complaints: [
        "complaint.open",
        "complaint.response-late",
        "complaint.resolution-late",
        "complaint.repeat",
      ],
      "follow-up": ["follow-up.overdue", "pool.return-warning", "pool.return-due"],
      care: ["care.upcoming", "care.neglected"],
      qualification: [
        "qualification.expired",
        "qualification.expiring",
        "qualification.unverified",
        "qualification.verification-stale",
        "profile.stale",
      ],
    });
    expect(SIGNAL_PACKS.churn.scores?.map((score) => score.name)).toEqual(["health"]);
    expect(SIGNAL_PACKS.credit.grades?.map((grade) => grade.name)).toEqual(["credit"]);
  });

  it("give every rule an English and a Chinese message", () => {
    for (const pack of Object.values(SIGNAL_PACKS))
      for (const rule of pack.rules ?? []) {
        expect(rule.message.en.length).toBeGreaterThan(0);
        expect(rule.message["zh-CN"]?.length ?? 0).toBeGreaterThan(0);
      }
  });

  it("fire nothing for an account with no data", () => {
    const result = runPacks(
      { id: "empty" },
      ["churn", "credit", "complaints", "follow-up", "care", "qualification"],
      {
        asOf: "2024-06-30",
      },
    );
    expect(result.alerts).toEqual([]);
    // No buying, contact or voice facts: the health score is its base; no invoices: the credit grade is unrated.
    expect(result.accounts[0]?.scores.health).toEqual({ value: 50, contributions: [] });
    expect(result.accounts[0]?.grades.credit?.label).toBe("unrated");
  });
});

describe("pack settings", () => {
  it("are checked before any account is evaluated: a zero window or a look-ahead beyond 36600 days is rejected", () => {
    // accountFacts needs windows of at least 1 day and upcomingCareDates a look-ahead of at most 36600 days; the
    // policy is rejected up front (a KeyAccountError with the policy path), not half-way through the accounts.
    for (const settings of [{ windowDays: 0 }, { payWindowDays: 0 }, { care: { lookAheadDays: 36_601 } }]) {
      expect(() => runPacks([], ["churn", "care"], { asOf: "2024-06-30", settings })).toThrow(
        KeyAccountError,
      );
      expect(() =>
        runPacks(buildAccount({ interactions: [complaint("2024-06-01")] }, "2024-06-30"), ["churn", "care"], {
          asOf: "2024-06-30",
          settings,
        }),
      ).toThrow(/policy\.settings/);
    }
    expect(
      runPacks([], ["care"], { asOf: "2024-06-30", settings: { care: { lookAheadDays: 36_600 } } }).alerts,
    ).toEqual([]);
  });
});

describe("churn pack", () => {
  // A monthly buyer: 2024-01-01, 2024-01-31 (+30 days), 2024-03-01 (+30: 29 days of February, then 1 March).
  // Median interval 30 days, 3 orders, last purchase 2024-03-01.
  const monthly = [sale("2024-01-01", 10_000), sale("2024-01-31", 10_000), sale("2024-03-01", 10_000)];
  const churn = (records: Parameters<typeof buildAccount>[0], asOf: string, locale?: "en" | "zh-CN") =>
    runPacks(buildAccount(records, asOf), ["churn"], { asOf, ...(locale === undefined ? {} : { locale }) });

  describe("churn.overdue-cycle (more than 2 × its own interval, at least 3 orders)", () => {
    it("fires on day 61 after the last order: 61 > 2 × 30", () => {
      // 2024-03-01 → 2024-05-01: 30 (to 31 March) + 31 (to 1 May) = 61 days.
      const result = churn({ transactions: monthly }, "2024-05-01");
      const alert = alertOf(result, "churn.overdue-cycle");
      expect(alert).toEqual({
        customerId: "C1",
        rule: "churn.overdue-cycle",
        severity: "warning",
        category: "churn",
        message: "No order for 61 days: more than twice its usual interval of 30 days.",
        evidence: [
          {
            metric: "daysSinceLastPurchase",
            value: 61,
            test: ">",
            threshold: 60,
            ref: { metric: "purchaseInterval", value: 30, times: 2, plus: 0 },
          },
          { metric: "orders", value: 3, test: ">=", threshold: 3 },
        ],
        key: "churn.overdue-cycle|C1",
      });
      expect(
        alertOf(churn({ transactions: monthly }, "2024-05-01", "zh-CN"), "churn.overdue-cycle").message,
      ).toBe("已 61 天未下单，超过其平时下单间隔（30 天）的两倍。");
    });

    it("does not fire on day 60 (2024-04-30): 60 is not more than 60", () => {
      expect(ruleIds(churn({ transactions: monthly }, "2024-04-30"))).not.toContain("churn.overdue-cycle");
    });

    it("does not fire with only two orders, however long the silence", () => {
      // 2024-01-31 and 2024-03-01: one interval of 30 days; 2024-06-30 is 121 days later.
      const result = churn({ transactions: monthly.slice(1) }, "2024-06-30");
      expect(ruleIds(result)).not.toContain("churn.overdue-cycle");
      expect(ruleIds(result)).not.toContain("churn.overdue-cycle-long");
    });
  });

  describe("churn.overdue-cycle-long (more than 4 × its own interval)", () => {
    it("fires on day 121 (2024-06-30): 121 > 4 × 30, as critical, with the warning beside it", () => {
      // 2024-03-01 → 2024-06-30: 30 + 30 (April) + 31 (May) + 30 (to 30 June) = 121 days.
      const result = churn({ transactions: monthly }, "2024-06-30");
      const alert = alertOf(result, "churn.overdue-cycle-long");
      expect(alert.severity).toBe("critical");
      expect(alert.category).toBe("churn");
      expect(alert.evidence[0]).toEqual({
        metric: "daysSinceLastPurchase",
        value: 121,
        test: ">",
        threshold: 120,
        ref: { metric: "purchaseInterval", value: 30, times: 4, plus: 0 },
      });
      expect(alert.message).toBe(
        "No order for 121 days: more than four times its usual interval of 30 days.",
      );
      expect(ruleIds(result)).toContain("churn.overdue-cycle");
      // Critical alerts come first.
      expect(result.alerts[0]?.rule).toBe("churn.overdue-cycle-long");
    });

    it("does not fire on day 120 (2024-06-29)", () => {
      const ids = ruleIds(churn({ transactions: monthly }, "2024-06-29"));
      expect(ids).not.toContain("churn.overdue-cycle-long");
      expect(ids).toContain("churn.overdue-cycle");
    });
  });

  describe("churn.spend-decline (recent window < 50 % of the window before)", () => {
    // asOf 2024-06-30, 90-day windows: recent (2024-04-01, 2024-06-30], previous (2024-01-02, 2024-04-01].
    // 30 June − 90 days: −30 → 31 May, −31 → 30 April, −29… → 1 April; 1 April − 90: 1 March (31), 1 February
    // (29, a leap February), 2 January (30). A sale on 1 April is in the previous window: windows end inclusive.
    const before = [sale("2024-02-15", 60_000), sale("2024-04-01", 40_000)];

    it("fires at 499.99 recently against 1,000.00 before: 49,999 < 0.5 × 100,000", () => {
      const result = churn({ transactions: [...before, sale("2024-06-15", 49_999)] }, "2024-06-30");
      const alert = alertOf(result, "churn.spend-decline");
      expect(alert.severity).toBe("warning");
      expect(alert.evidence).toEqual([
        { metric: "previousRevenue", value: 100_000, test: ">", threshold: 0 },
        {
          metric: "recentRevenue",
          value: 49_999,
          test: "<",
          threshold: 50_000,
          ref: { metric: "previousRevenue", value: 100_000, times: 0.5, plus: 0 },
        },
      ]);
      expect(alert.message).toBe(
        "Revenue fell to $499.99 in the recent window, less than half of the $1,000.00 before.",
      );
    });

    it("does not fire at exactly half (500.00)", () => {
      const result = churn({ transactions: [...before, sale("2024-06-15", 50_000)] }, "2024-06-30");
      expect(ruleIds(result)).not.toContain("churn.spend-decline");
    });

    it("counts a sale of 2 April as recent: 899.99 against 600.00 is no decline", () => {
      const moved = [sale("2024-02-15", 60_000), sale("2024-04-02", 40_000), sale("2024-06-15", 49_999)];
      const features = buildAccount({ transactions: moved }, "2024-06-30").features;
      expect([features?.recentRevenueMinor, features?.previousRevenueMinor]).toEqual([89_999, 60_000]);
      expect(ruleIds(churn({ transactions: moved }, "2024-06-30"))).not.toContain("churn.spend-decline");
    });

    it("does not fire without revenue in the window before (no base)", () => {
      const result = churn(
        { transactions: [sale("2023-06-01", 90_000), sale("2024-06-15", 10)] },
        "2024-06-30",
      );
      expect(ruleIds(result)).not.toContain("churn.spend-decline");
    });
  });

  describe("churn.order-drop and churn.narrowing-range (purchase activity, 90-day windows)", () => {
    // Previous window (2024-01-02, 2024-04-01]: four orders in two categories.
    const previous = [
      sale("2024-01-15", 1_000, { orderId: "P1", category: "tools" }),
      sale("2024-02-15", 1_000, { orderId: "P2", category: "paint" }),
      sale("2024-03-15", 1_000, { orderId: "P3", category: "tools" }),
      sale("2024-04-01", 1_000, { orderId: "P4", category: "paint" }),
    ];

    it("order-drop fires at 1 recent order against 4: 1 < 0.5 × 4", () => {
      const records = {
        transactions: [...previous, sale("2024-05-10", 1_000, { orderId: "R1", category: "tools" })],
      };
      const result = churn(records, "2024-06-30");
      const alert = alertOf(result, "churn.order-drop");
      expect(alert.evidence).toEqual([
        { metric: "previousOrders", value: 4, test: ">=", threshold: 2 },
        {
          metric: "recentOrders",
          value: 1,
          test: "<",
          threshold: 2,
          ref: { metric: "previousOrders", value: 4, times: 0.5, plus: 0 },
        },
      ]);
      expect(alert.message).toBe("Orders dropped from 4 to 1 between the last two windows.");
      expect(alertOf(churn(records, "2024-06-30", "zh-CN"), "churn.order-drop").message).toBe(
        "下单次数从上一周期的 4 次降至近期的 1 次。",
      );
    });

    it("order-drop does not fire at 2 recent orders against 4 (2 is not below 2)", () => {
      const result = churn(
        {
          transactions: [
            ...previous,
            sale("2024-05-10", 1_000, { orderId: "R1", category: "tools" }),
            sale("2024-06-10", 1_000, { orderId: "R2", category: "paint" }),
          ],
        },
        "2024-06-30",
      );
      expect(ruleIds(result)).not.toContain("churn.order-drop");
      // Both categories again: the range is not narrower either.
      expect(ruleIds(result)).not.toContain("churn.narrowing-range");
    });

    it("order-drop does not fire when the previous window had a single order", () => {
      const result = churn({ transactions: [previous[0] as (typeof previous)[0]] }, "2024-06-30");
      expect(ruleIds(result)).not.toContain("churn.order-drop");
    });

    it("narrowing-range fires at 1 category recently against 2 before, as info", () => {
      const result = churn(
        { transactions: [...previous, sale("2024-05-10", 1_000, { orderId: "R1", category: "tools" })] },
        "2024-06-30",
      );
      const alert = alertOf(result, "churn.narrowing-range");
      expect(alert.severity).toBe("info");
      expect(alert.evidence).toEqual([
        { metric: "previousCategories", value: 2, test: ">=", threshold: 2 },
        { metric: "recentOrders", value: 1, test: ">=", threshold: 1 },
        {
          metric: "recentCategories",
          value: 1,
          test: "<",
          threshold: 2,
          ref: { metric: "previousCategories", value: 2, times: 1, plus: 0 },
        },
      ]);
      expect(alert.message).toBe("Buys a narrower range: 1 categories recently against 2 before.");
    });

    it("narrowing-range does not fire without a recent order (that is order-drop's case)", () => {
      const result = churn({ transactions: previous }, "2024-06-30");
      expect(ruleIds(result)).not.toContain("churn.narrowing-range");
      expect(ruleIds(result)).toContain("churn.order-drop");
    });
  });

  describe("churn.p-alive-low (P(alive) < 0.3)", () => {
    it("fires at 0.29, shown as a percentage", () => {
      const alert = alertOf(churn({ pAlive: 0.29 }, "2024-06-30"), "churn.p-alive-low");
      expect(alert.evidence).toEqual([{ metric: "pAlive", value: 0.29, test: "<", threshold: 0.3 }]);
      expect(alert.message).toBe(
        "The purchase model gives only 29% probability that the customer is still active.",
      );
      expect(alertOf(churn({ pAlive: 0.29 }, "2024-06-30", "zh-CN"), "churn.p-alive-low").message).toBe(
        "购买模型估计该客户仍然活跃的概率仅为 29%。",
      );
    });

    it("does not fire at 0.3", () => {
      expect(ruleIds(churn({ pAlive: 0.3 }, "2024-06-30"))).toEqual([]);
    });
  });

  describe("churn.complaints (3 or more in the 90-day window)", () => {
    // asOf 2024-06-30: the window is (2024-04-01, 2024-06-30].
    const three = [complaint("2024-04-02"), complaint("2024-05-01"), complaint("2024-06-30")];

    it("fires at three complaints, as critical", () => {
      const alert = alertOf(churn({ interactions: three }, "2024-06-30"), "churn.complaints");
      expect(alert.severity).toBe("critical");
      expect(alert.evidence).toEqual([{ metric: "complaintsRecent", value: 3, test: ">=", threshold: 3 }]);
      expect(alert.message).toBe("Complaints in the recent window: 3. A customer this unhappy may leave.");
    });

    it("does not fire when the first was on 1 April, the day the window starts after", () => {
      const result = churn({ interactions: [complaint("2024-04-01"), ...three.slice(1)] }, "2024-06-30");
      expect(ruleIds(result)).not.toContain("churn.complaints");
    });
  });

  describe("churn.satisfaction-falling (latest ≤ 3 and ≤ the earlier mean − 1)", () => {
    it("fires at 3 after 5 and 4: 3 ≤ 4.5 − 1", () => {
      const interactions = [
        feedback("2024-05-01", { satisfaction: 5 }),
        feedback("2024-05-20", { satisfaction: 4 }),
        feedback("2024-06-20", { satisfaction: 3 }),
      ];
      const alert = alertOf(churn({ interactions }, "2024-06-30"), "churn.satisfaction-falling");
      expect(alert.evidence).toEqual([
        { metric: "latestSatisfaction", value: 3, test: "<=", threshold: 3 },
        {
          metric: "latestSatisfaction",
          value: 3,
          test: "<=",
          threshold: 3.5,
          ref: { metric: "earlierSatisfaction", value: 4.5, times: 1, plus: -1 },
        },
      ]);
      expect(alert.message).toBe("Satisfaction fell to 3 from an average of 4.5.");
      expect(
        alertOf(churn({ interactions }, "2024-06-30", "zh-CN"), "churn.satisfaction-falling").message,
      ).toBe("满意度从此前平均 4.5 降至 3。");
    });

    it("takes the lowest of the latest day's answers: 5 and 3 on 20 June after 4 and 4 fires (3 ≤ 4 − 1)", () => {
      const interactions = [
        feedback("2024-05-01", { satisfaction: 4 }),
        feedback("2024-05-20", { satisfaction: 4 }),
        feedback("2024-06-20", { satisfaction: 5 }),
        feedback("2024-06-20", { satisfaction: 3 }),
      ];
      const alert = alertOf(churn({ interactions }, "2024-06-30"), "churn.satisfaction-falling");
      expect(alert.evidence[1]?.threshold).toBe(3);
    });

    it("does not fire at 3 after 4 and 3: 3 > 3.5 − 1", () => {
      const interactions = [
        feedback("2024-05-01", { satisfaction: 4 }),
        feedback("2024-05-20", { satisfaction: 3 }),
        feedback("2024-06-20", { satisfaction: 3 }),
      ];
      expect(ruleIds(churn({ interactions }, "2024-06-30"))).not.toContain("churn.satisfaction-falling");
    });

    it("does not fire at 4 after 5 and 5 (a fall, but 4 is above 3)", () => {
      const interactions = [
        feedback("2024-05-01", { satisfaction: 5 }),
        feedback("2024-05-20", { satisfaction: 5 }),
        feedback("2024-06-20", { satisfaction: 4 }),
      ];
      expect(ruleIds(churn({ interactions }, "2024-06-30"))).not.toContain("churn.satisfaction-falling");
    });
  });

  describe("churn.nps-detractor (latest NPS 0–6)", () => {
    it("fires at 6", () => {
      const result = churn(
        { interactions: [feedback("2024-06-01", { nps: 9 }), feedback("2024-06-20", { nps: 6 })] },
        "2024-06-30",
      );
      const alert = alertOf(result, "churn.nps-detractor");
      expect(alert.evidence).toEqual([
        { metric: "npsClass", value: "detractor", test: "in", threshold: ["detractor"] },
      ]);
      expect(alert.message).toBe("Latest NPS answer 6: a detractor.");
    });

    it("does not fire at 7 (a passive), even after a 2", () => {
      const result = churn(
        { interactions: [feedback("2024-06-01", { nps: 2 }), feedback("2024-06-20", { nps: 7 })] },
        "2024-06-30",
      );
      expect(ruleIds(result)).not.toContain("churn.nps-detractor");
    });
  });

  describe("churn.no-contact (no follow-up for more than 3 cadences)", () => {
    // asOf 2024-03-31, cadence 30 → more than 90 days. 31 March − 90 days: 29 February (31), 31 January (60),
    // 1 January (90). A visit on 1 January is 90 days old, one on 31 December 91.
    it("fires 91 days after the last visit", () => {
      const result = churn(
        { interactions: [interaction("visit", "2023-12-31"), interaction("care", "2024-03-30")] },
        "2024-03-31",
      );
      const alert = alertOf(result, "churn.no-contact");
      // No customer record or claim: the days without a follow-up are the days since the last one.
      expect(alert.evidence).toEqual([
        {
          metric: "daysWithoutFollowUp",
          value: 91,
          test: ">",
          threshold: 90,
          ref: { metric: "followUpCadence", value: 30, times: 3, plus: 0 },
        },
      ]);
      expect(alert.message).toBe("No visit, call, e-mail or meeting for 91 days (cadence 30 days).");
    });

    it("does not fire 90 days after the last visit (a care greeting is not a follow-up either way)", () => {
      const result = churn({ interactions: [interaction("visit", "2024-01-01")] }, "2024-03-31");
      expect(ruleIds(result)).not.toContain("churn.no-contact");
    });

    it("uses the tier's cadence: 3 × 14 = 42 days for key accounts", () => {
      const account = buildAccount(
        { interactions: [interaction("call", "2024-02-18")], tier: "key" },
        "2024-03-31",
      );
      const settings = { followUpCadenceDays: { key: 14, default: 30 } };
      // 18 February → 31 March: 11 + 31 = 42 days: not more than 42. One day earlier: 43.
      expect(ruleIds(runPacks(account, ["churn"], { asOf: "2024-03-31", settings }))).not.toContain(
        "churn.no-contact",
      );
      const earlier = buildAccount(
        { interactions: [interaction("call", "2024-02-17")], tier: "key" },
        "2024-03-31",
      );
      const alert = alertOf(
        runPacks(earlier, ["churn"], { asOf: "2024-03-31", settings }),
        "churn.no-contact",
      );
      expect(alert.evidence[0]?.threshold).toBe(42);
    });
  });

  describe("the health score and churn.health-low (health < 30)", () => {
    it("caps a healthy account at 100", () => {
      // Sales 2024-03-01, 2024-03-16, 2024-03-31, 2024-05-30, 2024-06-14: intervals 15, 15, 60, 15, median 15.
      // dsl 2024-06-14 → 2024-06-30 = 16 > 15, so not "within its interval"; trend: recent (1 April, 30 June]
      // holds 2 sales, previous 3 sales of the same amount: 2/3 < 1, not < 0.5: no trend points. So:
      // buying 0; contact: a visit on 2024-06-15, 15 days ago, ≤ 30 → 20 × 0.5^(15/30) = 14.142…;
      // voice: a promoter (+10). Total 50 + 0 + 14.142 + 10 = 74.142.
      const sales = ["2024-03-01", "2024-03-16", "2024-03-31", "2024-05-30", "2024-06-14"].map((d) =>
        sale(d, 10_000),
      );
      const account = buildAccount(
        {
          transactions: sales,
          interactions: [interaction("visit", "2024-06-15"), feedback("2024-06-20", { nps: 10 })],
        },
        "2024-06-30",
      );
      const health = runPacks(account, ["churn"], { asOf: "2024-06-30" }).accounts[0]?.scores.health;
      expect(health?.value).toBeCloseTo(50 + 20 * Math.SQRT1_2 + 10, 12);
      expect(health?.contributions).toEqual([
        { group: "contact", rule: 0, points: 20 * 0.5 ** 0.5 },
        { group: "voice", rule: 2, points: 10 },
      ]);
      // Add a recent sale (2024-06-29: dsl 1 ≤ 15, +20) and more recent revenue (3 against 3: trend 1, +10):
      // 50 + 30 + 14.142 + 10 = 104.142, capped at 100.
      const more = buildAccount(
        {
          transactions: [...sales, sale("2024-06-29", 10_000)],
          interactions: [interaction("visit", "2024-06-15"), feedback("2024-06-20", { nps: 10 })],
        },
        "2024-06-30",
      );
      const capped = runPacks(more, ["churn"], { asOf: "2024-06-30" }).accounts[0]?.scores.health;
      expect(capped?.value).toBe(100);
      expect(capped?.contributions.map((c) => [c.group, c.rule])).toEqual([
        ["buying", 0],
        ["buying", 2],
        ["contact", 0],
        ["voice", 2],
      ]);
    });

    it("floors an unhappy account at 0 with the groups capped: buying −30, voice −40", () => {
      // Weekly sales on 1, 8, 15 and 22 March (100.00 each) and a small one on 2 April (10.00): intervals 7, 7, 7,
      // 11, median 7. dsl 2 April → 30 June = 28 + 31 + 30 = 89 > 2 × 7 → −20. Revenue: the recent window
      // (1 April, 30 June] has 10.00, the one before 400.00: trend 0.025 < 0.5 → −10. Buying −30 (its minimum).
      // Voice: an open complaint −20, NPS 3 (detractor) −15, latest satisfaction 2 −10: −45, capped at −40.
      // No follow-up: no contact points. Total 50 − 30 − 40 = −20, capped at 0.
      const account = buildAccount(
        {
          transactions: [
            ...["2024-03-01", "2024-03-08", "2024-03-15", "2024-03-22"].map((day) => sale(day, 10_000)),
            sale("2024-04-02", 1_000),
          ],
          interactions: [complaint("2024-06-25"), feedback("2024-06-26", { nps: 3, satisfaction: 2 })],
        },
        "2024-06-30",
      );
      const result = runPacks(account, ["churn"], { asOf: "2024-06-30" });
      const health = result.accounts[0]?.scores.health;
      expect(health?.value).toBe(0);
      expect(health?.contributions).toEqual([
        { group: "buying", rule: 1, points: -20 },
        { group: "buying", rule: 3, points: -10 },
        { group: "voice", rule: 0, points: -20 },
        { group: "voice", rule: 1, points: -15 },
        { group: "voice", rule: 3, points: -10 },
      ]);
      const alert = alertOf(result, "churn.health-low");
      expect(alert.evidence).toEqual([{ metric: "score.health", value: 0, test: "<", threshold: 30 }]);
      expect(alert.message).toBe("Health score 0 of 100.");
      expect(
        alertOf(runPacks(account, ["churn"], { asOf: "2024-06-30", locale: "zh-CN" }), "churn.health-low")
          .message,
      ).toBe("客户健康度 0 分（满分 100）。");
    });

    describe("at the boundary, with a decaying contact", () => {
      // Sales 2023-10-01, 2023-10-31, 2023-11-30 (intervals 30): dsl 213 > 60 → −20; no revenue in either
      // window: no trend. Latest satisfaction 2 → −10. Cadence 60 (a setting). Contact: 20 × 0.5^(age/30).
      const records = (visit: string) => ({
        transactions: [sale("2023-10-01", 10_000), sale("2023-10-31", 10_000), sale("2023-11-30", 10_000)],
        interactions: [interaction("visit", visit), feedback("2024-06-01", { satisfaction: 2 })],
      });
      const settings = { followUpCadenceDays: 60 };

      it("is exactly 30 with a visit 30 days ago: 50 − 20 + 10 − 10, no alert", () => {
        // 31 May → 30 June = 30 days: 20 × 0.5 = 10.
        const result = runPacks(buildAccount(records("2024-05-31"), "2024-06-30"), ["churn"], {
          asOf: "2024-06-30",
          settings,
        });
        expect(result.accounts[0]?.scores.health?.value).toBe(30);
        expect(ruleIds(result)).not.toContain("churn.health-low");
      });

      it("is 29.77 with a visit 31 days ago, and alerts", () => {
        // 20 × 0.5^(31/30) = 9.7716; 50 − 20 + 9.7716 − 10 = 29.7716, shown with one decimal.
        const result = runPacks(buildAccount(records("2024-05-30"), "2024-06-30"), ["churn"], {
          asOf: "2024-06-30",
          settings,
        });
        const value = 50 - 20 - 10 + 20 * 0.5 ** (31 / 30);
        expect(value).toBeCloseTo(29.7716, 4);
        expect(result.accounts[0]?.scores.health?.value).toBeCloseTo(value, 12);
        const alert = alertOf(result, "churn.health-low");
        expect(alert.severity).toBe("warning");
        expect(alert.category).toBe("churn");
        expect(alert.message).toBe("Health score 29.8 of 100.");
      });
    });
  });
});

describe("credit pack", () => {
  const credit = (records: Parameters<typeof buildAccount>[0], asOf: string, locale?: "en" | "zh-CN") =>
    runPacks(buildAccount(records, asOf), ["credit"], { asOf, ...(locale === undefined ? {} : { locale }) });

  describe("aging buckets, asOf 2024-03-31", () => {
    // Days past due = asOf − due: 2023-12-31 → 91; 2024-01-01 → 90 (30 to 31 January, 29 of February, 31 of
    // March); 2024-01-30 → 61; 2024-01-31 → 60; 2024-02-29 → 31; 2024-03-01 → 30;
    // 2024-03-30 → 1; 2024-03-31 → 0 (due today: not overdue).
    const asOf = "2024-03-31";
    const unpaid = (due: string, amount = 120_000) => invoice(`I-${due}`, "2023-11-01", due, amount);

    it("credit.overdue-90-plus fires at 91 days, as critical", () => {
      const result = credit({ invoices: [unpaid("2023-12-31")] }, asOf);
      const alert = alertOf(result, "credit.overdue-90-plus");
      expect(alert).toEqual({
        customerId: "C1",
        rule: "credit.overdue-90-plus",
        severity: "critical",
        category: "credit",
        message: "$1,200.00 is more than 90 days past due.",
        evidence: [{ metric: "overdue90Plus", value: 120_000, test: ">", threshold: 0 }],
        key: "credit.overdue-90-plus|C1",
      });
      expect(
        alertOf(credit({ invoices: [unpaid("2023-12-31")] }, asOf, "zh-CN"), "credit.overdue-90-plus")
          .message,
      ).toBe("回款逾期：US$1,200.00 已逾期超过 90 天。");
      expect(result.accounts[0]?.grades.credit?.label).toBe("D");
    });

    it("90 days is the 61–90 bucket: credit.overdue-61-90 fires, 90-plus does not", () => {
      const ids = ruleIds(credit({ invoices: [unpaid("2024-01-01")] }, asOf));
      expect(ids).toContain("credit.overdue-61-90");
      expect(ids).not.toContain("credit.overdue-90-plus");
    });

    it("credit.overdue-61-90 fires at 61 days, not at 60", () => {
      const alert = alertOf(
        credit({ invoices: [unpaid("2024-01-30", 30_000)] }, asOf),
        "credit.overdue-61-90",
      );
      expect(alert.severity).toBe("warning");
      expect(alert.evidence).toEqual([{ metric: "overdue61To90", value: 30_000, test: ">", threshold: 0 }]);
      expect(alert.message).toBe("$300.00 is 61–90 days past due.");
      const ids = ruleIds(credit({ invoices: [unpaid("2024-01-31")] }, asOf));
      expect(ids).not.toContain("credit.overdue-61-90");
      expect(ids).toContain("credit.overdue-31-60");
    });

    it("credit.overdue-31-60 fires for an invoice due on 29 February (31 days), not one due on 1 March (30)", () => {
      // A partly paid invoice: 500.00 less 200.00 paid on 10 March, and 100.00 paid on 1 April (after asOf).
      const partly = invoice("I1", "2024-01-29", "2024-02-29", 50_000, [
        { date: "2024-03-10", amountMinor: 20_000 },
        { date: "2024-04-01", amountMinor: 10_000 },
      ]);
      const alert = alertOf(credit({ invoices: [partly] }, asOf), "credit.overdue-31-60");
      expect(alert.evidence).toEqual([{ metric: "overdue31To60", value: 30_000, test: ">", threshold: 0 }]);
      expect(alert.message).toBe("$300.00 is 31–60 days past due.");
      const ids = ruleIds(credit({ invoices: [unpaid("2024-03-01")] }, asOf));
      expect(ids).not.toContain("credit.overdue-31-60");
      expect(ids).toContain("credit.overdue-1-30");
    });

    it("credit.overdue-1-30 fires one day past due, as info; nothing fires on the due day", () => {
      const alert = alertOf(credit({ invoices: [unpaid("2024-03-30", 999)] }, asOf), "credit.overdue-1-30");
      expect(alert.severity).toBe("info");
      expect(alert.message).toBe("$9.99 is up to 30 days past due.");
      expect(ruleIds(credit({ invoices: [unpaid("2024-03-31")] }, asOf))).toEqual([]);
    });

    it("a fully paid invoice is in no bucket, whatever the order of its payments", () => {
      // 200.00 on 1 February and 300.00 on 31 March (listed in the other order): paid in full on 31 March, after
      // its due day of 1 December. 1 of 1 paid invoices was late: share 1 > 0.5 → grade C, a low rating.
      const paid = invoice("I1", "2023-11-01", "2023-12-01", 50_000, [
        { date: "2024-03-31", amountMinor: 30_000 },
        { date: "2024-02-01", amountMinor: 20_000 },
      ]);
      const result = credit({ invoices: [paid] }, asOf);
      expect(ruleIds(result)).toEqual(["credit.rating-low"]);
      expect(result.accounts[0]?.grades.credit).toMatchObject({
        label: "C",
        evidence: [{ metric: "latePaymentShare", value: 1, test: ">", threshold: 0.5 }],
      });
    });
  });

  describe("credit.paying-slower (recent days-to-pay > 1.25 × earlier + 5)", () => {
    // asOf 2024-06-30, pay window 180 days: (2024-01-02, 2024-06-30] (30 June − 180: 31 May 30, 30 April 61,
    // 31 March 91, 29 February 122, 31 January 151, 2 January 180). The earlier invoice, issued 13 December and
    // paid on 2 January, took 20 days and is "earlier" (the window excludes its first day): threshold
    // 1.25 × 20 + 5 = 30.
    const earlier = paidInvoice("E1", "2023-12-13", "2024-01-12", "2024-01-02");

    it("fires at 31 days (1 May → 1 June)", () => {
      const recent = paidInvoice("R1", "2024-05-01", "2024-06-30", "2024-06-01");
      const result = credit({ invoices: [earlier, recent] }, "2024-06-30");
      const alert = alertOf(result, "credit.paying-slower");
      expect(alert.evidence).toEqual([
        {
          metric: "daysToPayRecent",
          value: 31,
          test: ">",
          threshold: 30,
          ref: { metric: "daysToPayEarlier", value: 20, times: 1.25, plus: 5 },
        },
      ]);
      expect(alert.message).toBe("Pays slower: 31 days to pay recently against 20 before.");
      expect(
        alertOf(credit({ invoices: [earlier, recent] }, "2024-06-30", "zh-CN"), "credit.paying-slower")
          .message,
      ).toBe("回款变慢：近期平均 31 天回款，此前为 20 天。");
      // Paying slower alone makes a B, which is not a low rating.
      const grade = result.accounts[0]?.grades.credit;
      expect(grade?.label).toBe("B");
      expect(grade?.evidence).toEqual(alert.evidence);
      expect(ruleIds(result)).not.toContain("credit.rating-low");
    });

    it("does not fire at 30 days (1 May → 31 May)", () => {
      const recent = paidInvoice("R1", "2024-05-01", "2024-06-30", "2024-05-31");
      const result = credit({ invoices: [earlier, recent] }, "2024-06-30");
      expect(result.alerts).toEqual([]);
      expect(result.accounts[0]?.grades.credit?.label).toBe("A");
    });

    it("does not fire when the earlier invoice was paid on 3 January, inside the window (no earlier mean)", () => {
      const inside = paidInvoice("E1", "2023-12-14", "2024-01-13", "2024-01-03");
      const recent = paidInvoice("R1", "2024-05-01", "2024-06-30", "2024-06-01");
      expect(ruleIds(credit({ invoices: [inside, recent] }, "2024-06-30"))).toEqual([]);
    });
  });

  describe("credit limit (utilisation = open receivables ÷ limit)", () => {
    // Limit 1,000.00; invoices due after asOf, so nothing is overdue.
    const limited = (open: number) =>
      buildAccount(
        {
          customer: customer({ creditLimitMinor: 100_000 }),
          invoices: [invoice("I1", "2024-06-01", "2024-07-31", open)],
        },
        "2024-06-30",
      );
    const run = (open: number, locale?: "en" | "zh-CN") =>
      runPacks(limited(open), ["credit"], {
        asOf: "2024-06-30",
        ...(locale === undefined ? {} : { locale }),
      });

    it("credit.limit-exceeded fires at 1,100.00 (110 %), as critical", () => {
      const alert = alertOf(run(110_000), "credit.limit-exceeded");
      expect(alert.severity).toBe("critical");
      expect(alert.evidence).toEqual([{ metric: "creditUtilisation", value: 1.1, test: ">", threshold: 1 }]);
      expect(alert.message).toBe(
        "Open receivables of $1,100.00 exceed the credit limit of $1,000.00 (110%).",
      );
      expect(alertOf(run(110_000, "zh-CN"), "credit.limit-exceeded").message).toBe(
        "应收账款 US$1,100.00 已超出信用额度 US$1,000.00（占用 110%）。",
      );
    });

    it("at 1,000.01 the limit is exceeded; at exactly 1,000.00 it is nearly used (between is inclusive)", () => {
      expect(ruleIds(run(100_001))).toEqual(["credit.limit-exceeded", "credit.rating-low"]);
      const full = run(100_000);
      expect(ruleIds(full)).toEqual(["credit.limit-nearly-used"]);
      expect(alertOf(full, "credit.limit-nearly-used").evidence).toEqual([
        { metric: "creditUtilisation", value: 1, test: "between", threshold: [0.8, 1] },
      ]);
      expect(alertOf(full, "credit.limit-nearly-used").message).toBe("100% of the credit limit is in use.");
    });

    it("credit.limit-nearly-used fires at 800.00 (80 %), not at 799.99", () => {
      expect(ruleIds(run(80_000))).toEqual(["credit.limit-nearly-used"]);
      expect(ruleIds(run(79_999))).toEqual([]);
    });
  });

  describe("the credit grade and credit.rating-low (C or D)", () => {
    // Five invoices issued in 2024, each due 30 days later, paid on the due day or a day late; asOf 2024-06-30.
    const five = (late: number) =>
      ["2024-01-05", "2024-02-05", "2024-03-05", "2024-04-05", "2024-05-05"].map((issued, i) => {
        const due = issued.replace(/-05$/, "-25");
        return paidInvoice(`I${i}`, issued, due, i < late ? issued.replace(/-05$/, "-26") : due);
      });
    const grade = (records: Parameters<typeof buildAccount>[0], locale?: "en" | "zh-CN") =>
      runPacks(buildAccount(records, "2024-06-30"), ["credit"], {
        asOf: "2024-06-30",
        ...(locale === undefined ? {} : { locale }),
      });

    it("unrated without invoices, with its reason", () => {
      const result = grade({ transactions: [sale("2024-06-01", 1_000)] });
      expect(result.accounts[0]?.grades.credit).toEqual({
        label: "unrated",
        reason: "no invoices yet",
        evidence: [{ metric: "paidInvoices", value: undefined, test: "missing", threshold: true }],
      });
      expect(
        grade({ transactions: [sale("2024-06-01", 1_000)] }, "zh-CN").accounts[0]?.grades.credit?.reason,
      ).toBe("暂无开票记录");
      expect(result.alerts).toEqual([]);
    });

    it("A with invoices but none paid yet and none overdue (rated, not unrated)", () => {
      const result = grade({ invoices: [invoice("I1", "2024-06-01", "2024-07-01", 5_000)] });
      expect(result.accounts[0]?.grades.credit).toEqual({ label: "A", evidence: [] });
    });

    it("A with 1 of 5 paid late (0.2 is not more than 0.2), B with 2 of 5 (0.4)", () => {
      expect(grade({ invoices: five(1) }).accounts[0]?.grades.credit?.label).toBe("A");
      const b = grade({ invoices: five(2) });
      expect(b.accounts[0]?.grades.credit).toEqual({
        label: "B",
        reason: "invoices 31–60 days past due, more than a fifth paid late, or paying markedly slower",
        evidence: [{ metric: "latePaymentShare", value: 0.4, test: ">", threshold: 0.2 }],
      });
      expect(b.alerts).toEqual([]);
    });

    it("B with 2 of 4 paid late (0.5 is not more than 0.5), C with 3 of 5 (0.6), which alerts", () => {
      expect(grade({ invoices: five(2).slice(0, 4) }).accounts[0]?.grades.credit?.label).toBe("B");
      const c = grade({ invoices: five(3) });
      expect(c.accounts[0]?.grades.credit?.label).toBe("C");
      const alert = alertOf(c, "credit.rating-low");
      expect(alert).toMatchObject({ severity: "warning", category: "credit", message: "Credit rating C." });
      expect(alert.evidence).toEqual([
        { metric: "grade.credit", value: "C", test: "in", threshold: ["C", "D"] },
      ]);
      expect(alertOf(grade({ invoices: five(3) }, "zh-CN"), "credit.rating-low").message).toBe(
        "信用评级为 C 级。",
      );
    });

    it("B for 31–60 days overdue, C for 61–90, D for more than 90", () => {
      // asOf 2024-06-30: due 2024-05-30 → 31 days; due 2024-04-30 → 61; due 2024-03-31 → 91.
      const overdue = (due: string) => ({ invoices: [invoice("I1", "2024-03-01", due, 1_000)] });
      expect(grade(overdue("2024-05-30")).accounts[0]?.grades.credit?.label).toBe("B");
      expect(grade(overdue("2024-05-31")).accounts[0]?.grades.credit?.label).toBe("A");
      expect(grade(overdue("2024-04-30")).accounts[0]?.grades.credit?.label).toBe("C");
      expect(grade(overdue("2024-05-01")).accounts[0]?.grades.credit?.label).toBe("B");
      expect(grade(overdue("2024-03-31")).accounts[0]?.grades.credit?.label).toBe("D");
      expect(grade(overdue("2024-04-01")).accounts[0]?.grades.credit?.label).toBe("C");
    });

    it("C at 120 % of the limit, D above it", () => {
      const used = (open: number) => ({
        customer: customer({ creditLimitMinor: 100_000 }),
        invoices: [invoice("I1", "2024-06-01", "2024-07-31", open)],
      });
      expect(grade(used(120_000)).accounts[0]?.grades.credit?.label).toBe("C");
      const d = grade(used(120_001));
      expect(d.accounts[0]?.grades.credit).toEqual({
        label: "D",
        reason: "invoices more than 90 days past due, or credit used beyond 120 % of the limit",
        evidence: [{ metric: "creditUtilisation", value: 1.20001, test: ">", threshold: 1.2 }],
      });
      expect(alertOf(d, "credit.rating-low").message).toBe("Credit rating D.");
    });
  });
});

describe("complaints pack", () => {
  const complaints = (records: Parameters<typeof buildAccount>[0], asOf: string, options: PackOptions = {}) =>
    runPacks(buildAccount(records, asOf), ["complaints"], { asOf, ...options });

  describe("a complaint dated 2024-03-31, opened at 23:30 in New York (2024-04-01 04:30 UTC)", () => {
    const late = complaint("2024-03-31", { openedAt: "2024-03-31T23:30:00-05:00" });

    it("is open on 2024-03-31 already, by its date, and has waited 0 hours", () => {
      // The end of 31 March is 1 April 00:00 UTC, before the opening instant: elapsed max(0, −4.5 h) = 0.
      const result = complaints({ interactions: [late] }, "2024-03-31");
      expect(ruleIds(result)).toEqual(["complaint.open"]);
      const alert = alertOf(result, "complaint.open");
      expect(alert).toEqual({
        customerId: "C1",
        rule: "complaint.open",
        severity: "info",
        category: "complaint",
        message: "Open complaints: 1; the oldest has been open for 0 days.",
        evidence: [{ metric: "openComplaints", value: 1, test: ">", threshold: 0 }],
        key: "complaint.open|C1",
      });
      expect(
        alertOf(complaints({ interactions: [late] }, "2024-03-31", { locale: "zh-CN" }), "complaint.open")
          .message,
      ).toBe("未结投诉 1 个，最早的已持续 0 天。");
    });

    it("has waited 19.5 hours at the end of 1 April: no response breach", () => {
      // 2 April 00:00 UTC − 1 April 04:30 UTC = 19.5 h ≤ 24.
      expect(ruleIds(complaints({ interactions: [late] }, "2024-04-01"))).toEqual(["complaint.open"]);
    });

    it("has waited 43.5 hours at the end of 2 April: the response is late, open for 2 days by its date", () => {
      const result = complaints({ interactions: [late] }, "2024-04-02");
      expect(alertOf(result, "complaint.open").message).toBe(
        "Open complaints: 1; the oldest has been open for 2 days.",
      );
      const alert = alertOf(result, "complaint.response-late");
      expect(alert.severity).toBe("warning");
      expect(alert.evidence).toEqual([{ metric: "responseBreaches", value: 1, test: ">", threshold: 0 }]);
      expect(alert.message).toBe(
        "Complaints answered later than the 24-hour target: 1 (longest wait 43.5 hours).",
      );
      expect(ruleIds(result)).not.toContain("complaint.resolution-late");
    });

    it("counts in the 90-day window by its date: recent on 2024-06-28, not on 2024-06-29", () => {
      // 29 June − 90 days = 31 March (30 May −30, 30 April −60, 31 March −90): the window (31 March, 29 June]
      // excludes it; on 28 June the window starts after 30 March and includes it. Read as a UTC day (1 April)
      // it would still be in the window on 29 June.
      const resolved = { ...late, resolvedAt: "2024-04-01T08:00:00Z" };
      const records = {
        interactions: [resolved, complaint("2024-06-01", { resolvedAt: "2024-06-01T10:00:00Z" })],
      };
      const alert = alertOf(complaints(records, "2024-06-28"), "complaint.repeat");
      expect(alert.evidence).toEqual([{ metric: "complaintsRecent", value: 2, test: ">=", threshold: 2 }]);
      expect(alert.message).toBe("Repeat complaints: 2 in the recent window.");
      expect(ruleIds(complaints(records, "2024-06-29"))).toEqual([]);
    });
  });

  describe("complaint.open", () => {
    it("does not count a complaint resolved at 23:59 UTC on asOf", () => {
      const records = { interactions: [complaint("2024-02-29", { resolvedAt: "2024-02-29T23:59:00Z" })] };
      expect(ruleIds(complaints(records, "2024-02-29"))).toEqual([]);
    });

    it("counts a resolution at the end of asOf as done, and one a minute later as not yet", () => {
      // 2024-03-01T08:00+08:00 = 2024-03-01T00:00Z, exactly the end of 29 February: resolved by then.
      const atEnd = { interactions: [complaint("2024-02-29", { resolvedAt: "2024-03-01T08:00:00+08:00" })] };
      expect(ruleIds(complaints(atEnd, "2024-02-29"))).toEqual([]);
      // One minute later it is still open at the end of 29 February.
      const after = { interactions: [complaint("2024-02-29", { resolvedAt: "2024-03-01T08:01:00+08:00" })] };
      expect(ruleIds(complaints(after, "2024-02-29"))).toEqual(["complaint.open"]);
    });
  });

  describe("complaint.response-late (strictly longer than the tier's target)", () => {
    // Opened 2024-06-10 09:00 in Shanghai (01:00 UTC), resolved the same day.
    const opened = { openedAt: "2024-06-10T09:00:00+08:00", resolvedAt: "2024-06-11T12:00:00+08:00" };

    it("does not fire at exactly 24 hours", () => {
      const records = {
        interactions: [complaint("2024-06-10", { ...opened, firstResponseAt: "2024-06-11T01:00:00Z" })],
      };
      expect(ruleIds(complaints(records, "2024-06-30"))).toEqual([]);
    });

    it("fires at 24 hours and 1 minute", () => {
      const records = {
        interactions: [complaint("2024-06-10", { ...opened, firstResponseAt: "2024-06-11T09:01:00+08:00" })],
      };
      const alert = alertOf(complaints(records, "2024-06-30"), "complaint.response-late");
      // 24 + 1/60 h, shown with one decimal.
      expect(alert.message).toBe(
        "Complaints answered later than the 24-hour target: 1 (longest wait 24 hours).",
      );
    });

    it("uses the tier's target: 9 hours breaches 8 for key accounts, not 24 for others", () => {
      const interactions = [
        complaint("2024-06-10", { ...opened, firstResponseAt: "2024-06-10T18:00:00+08:00" }),
      ];
      const settings = { responseTargetHours: { key: 8, default: 24 } };
      const key = complaints({ interactions, tier: "key" }, "2024-06-30", { settings });
      expect(alertOf(key, "complaint.response-late").message).toBe(
        "Complaints answered later than the 8-hour target: 1 (longest wait 9 hours).",
      );
      expect(
        alertOf(
          complaints({ interactions, tier: "key" }, "2024-06-30", { settings, locale: "zh-CN" }),
          "complaint.response-late",
        ).message,
      ).toBe("首次响应超过 8 小时的投诉 1 个（最长 9 小时）。");
      expect(ruleIds(complaints({ interactions, tier: "growth" }, "2024-06-30", { settings }))).toEqual([]);
    });
  });

  describe("complaint.resolution-late (strictly longer than 72 hours)", () => {
    const openedAt = "2024-06-10T09:00:00+08:00";

    it("does not fire at 72 hours (answered after 2 hours)", () => {
      const records = {
        interactions: [
          complaint("2024-06-10", {
            openedAt,
            firstResponseAt: "2024-06-10T11:00:00+08:00",
            resolvedAt: "2024-06-13T09:00:00+08:00",
          }),
        ],
      };
      expect(ruleIds(complaints(records, "2024-06-30"))).toEqual([]);
    });

    it("fires at 73 hours; the resolution was also the first response (73 > 24)", () => {
      const records = {
        interactions: [complaint("2024-06-10", { openedAt, resolvedAt: "2024-06-13T02:00:00Z" })],
      };
      const result = complaints(records, "2024-06-30");
      const alert = alertOf(result, "complaint.resolution-late");
      expect(alert.evidence).toEqual([{ metric: "resolutionBreaches", value: 1, test: ">", threshold: 0 }]);
      expect(alert.message).toBe("Complaints resolved later than the 72-hour target: 1 (longest 73 hours).");
      expect(ruleIds(result)).toEqual(["complaint.response-late", "complaint.resolution-late"]);
    });
  });

  describe("complaint.repeat (2 or more in the window)", () => {
    it("does not fire at one complaint", () => {
      const records = { interactions: [complaint("2024-06-01", { resolvedAt: "2024-06-01T10:00:00Z" })] };
      expect(ruleIds(complaints(records, "2024-06-30"))).toEqual([]);
    });
  });
});

describe("follow-up pack", () => {
  const run = (records: Parameters<typeof buildAccount>[0], asOf: string, options: PackOptions = {}) =>
    runPacks(buildAccount(records, asOf), ["follow-up"], { asOf, ...options });

  describe("follow-up.overdue (days since the last follow-up > the tier's cadence)", () => {
    // asOf 2024-03-31, cadence 30: a call on 29 February is 31 days old (due in 30 − 31 = −1), on 1 March 30.
    it("fires 31 days after a call on 29 February", () => {
      const result = run({ interactions: [interaction("call", "2024-02-29")] }, "2024-03-31");
      const alert = alertOf(result, "follow-up.overdue");
      expect(alert).toEqual({
        customerId: "C1",
        rule: "follow-up.overdue",
        severity: "warning",
        category: "follow-up",
        message:
          "Follow-up overdue: 31 days without a visit, call, e-mail or meeting; the account is to be followed up every 30 days.",
        evidence: [{ metric: "followUpDueIn", value: -1, test: "<", threshold: 0 }],
        key: "follow-up.overdue|C1",
      });
      expect(
        alertOf(
          run({ interactions: [interaction("call", "2024-02-29")] }, "2024-03-31", { locale: "zh-CN" }),
          "follow-up.overdue",
        ).message,
      ).toBe("跟进逾期：已 31 天未拜访、通话、邮件或会面，该客户的跟进周期为 30 天。");
    });

    it("does not fire 30 days after a call on 1 March (due today)", () => {
      expect(ruleIds(run({ interactions: [interaction("call", "2024-03-01")] }, "2024-03-31"))).toEqual([]);
    });

    it("counts from the customer's creation day when there was never a follow-up", () => {
      const created = (day: string) => ({ customer: customer({ createdDate: day }) });
      expect(ruleIds(run(created("2024-03-01"), "2024-03-31"))).toEqual([]);
      const alert = alertOf(run(created("2024-02-29"), "2024-03-31"), "follow-up.overdue");
      expect(alert.evidence[0]?.value).toBe(-1);
      // The days are counted from the creation day; an account without a tier gets a sentence without a gap.
      expect(alert.message).toBe(
        "Follow-up overdue: 31 days without a visit, call, e-mail or meeting; the account is to be followed up every 30 days.",
      );
      expect(alert.message).not.toContain("—");
    });

    it("uses the tier's cadence (14 days for key accounts)", () => {
      const settings = { followUpCadenceDays: { key: 14, default: 30 } };
      // 2024-03-16 → 2024-03-31: 15 days > 14.
      const key = run({ interactions: [interaction("meeting", "2024-03-16")], tier: "key" }, "2024-03-31", {
        settings,
      });
      expect(alertOf(key, "follow-up.overdue").message).toBe(
        "Follow-up overdue: 15 days without a visit, call, e-mail or meeting; the account is to be followed up every 14 days.",
      );
      const other = run(
        { interactions: [interaction("meeting", "2024-03-16")], tier: "growth" },
        "2024-03-31",
        {
          settings,
        },
      );
      expect(ruleIds(other)).toEqual([]);
    });
  });

  describe("the shared pool: no follow-up within 30 days, warned 5 days before", () => {
    const settings = { pool: { noFollowUpDays: 30, warnDays: 5 } };
    const claimed = (claimedDate: string, extra: Partial<Parameters<typeof buildAccount>[0]> = {}) =>
      run({ pool: { claimedDate }, ...extra }, "2024-03-31", { settings });

    it("pool.return-due fires 30 days after the claim (0 days left), as critical", () => {
      const result = claimed("2024-03-01");
      const alert = alertOf(result, "pool.return-due");
      expect(alert.severity).toBe("critical");
      expect(alert.category).toBe("pool");
      expect(alert.evidence).toEqual([{ metric: "poolDaysLeft", value: 0, test: "<=", threshold: 0 }]);
      expect(alert.message).toBe("Due to return to the shared pool: not followed up or won in time.");
      expect(ruleIds(result)).not.toContain("pool.return-warning");
    });

    it("pool.return-warning fires with 1 day left (claimed 2 March) and with 5 (claimed 6 March), not 6", () => {
      const one = claimed("2024-03-02");
      expect(ruleIds(one)).toEqual(["pool.return-warning"]);
      expect(alertOf(one, "pool.return-warning").evidence).toEqual([
        { metric: "poolDaysLeft", value: 1, test: ">", threshold: 0 },
        {
          metric: "poolDaysLeft",
          value: 1,
          test: "<=",
          threshold: 5,
          ref: { metric: "poolWarnDays", value: 5, times: 1, plus: 0 },
        },
      ]);
      expect(alertOf(one, "pool.return-warning").message).toBe(
        "Returns to the shared pool in 1 days unless followed up or won.",
      );
      expect(
        alertOf(
          run({ pool: { claimedDate: "2024-03-02" } }, "2024-03-31", { settings, locale: "zh-CN" }),
          "pool.return-warning",
        ).message,
      ).toBe("公海回收提醒：1 天后将退回公海，请及时跟进或成交。");
      expect(ruleIds(claimed("2024-03-06"))).toEqual(["pool.return-warning"]);
      expect(ruleIds(claimed("2024-03-07"))).toEqual([]);
    });

    it("a follow-up after the claim restarts the count; locked and won accounts are exempt", () => {
      // A call on 20 March: 11 days ago, 19 left.
      expect(ruleIds(claimed("2024-03-01", { interactions: [interaction("call", "2024-03-20")] }))).toEqual(
        [],
      );
      // Claimed 90 days ago without a follow-up: locked and won accounts stay with their owner (the follow-up
      // itself is still overdue).
      for (const exempt of [{ locked: true }, { won: true }])
        expect(
          ruleIds(run({ pool: { claimedDate: "2024-01-01", ...exempt } }, "2024-03-31", { settings })),
        ).toEqual(["follow-up.overdue"]);
      expect(ruleIds(claimed("2024-01-01"))).toEqual(["pool.return-due", "follow-up.overdue"]);
    });

    it("takes the nearer of the follow-up and the deal limits", () => {
      // noDealDays 60: the last sale on 1 February is 59 days before 31 March (29 + 30): 1 day left; the call on
      // 20 March leaves 19 for the follow-up limit. The nearer one, 1, warns.
      const both = { pool: { noFollowUpDays: 30, noDealDays: 60, warnDays: 5 } };
      const result = run(
        {
          pool: { claimedDate: "2024-01-15" },
          transactions: [sale("2024-02-01", 1_000)],
          interactions: [interaction("call", "2024-03-20")],
        },
        "2024-03-31",
        { settings: both },
      );
      expect(alertOf(result, "pool.return-warning").evidence[0]?.value).toBe(1);
    });

    it("has no pool rule without pool settings", () => {
      expect(ruleIds(run({ pool: { claimedDate: "2023-01-01" } }, "2024-03-31"))).toEqual([
        "follow-up.overdue",
      ]);
    });
  });
});

describe("care pack", () => {
  const care = (records: Parameters<typeof buildAccount>[0], asOf: string, options: PackOptions = {}) =>
    runPacks(buildAccount(records, asOf), ["care"], { asOf, ...options });
  const leapling = customer({ contacts: [{ name: "Wang Li", birthday: "1996-02-29" }] });

  describe("care.upcoming (a care date within 7 days)", () => {
    it("a 29 February birthday falls on 28 February in 2023: 7 days from 21 February fires", () => {
      const result = care({ customer: leapling }, "2023-02-21");
      expect(alertOf(result, "care.upcoming")).toEqual({
        customerId: "C1",
        rule: "care.upcoming",
        severity: "info",
        category: "care",
        message: "A care date (birthday) is 7 days away.",
        evidence: [{ metric: "daysToNextCareDate", value: 7, test: "<=", threshold: 7 }],
        key: "care.upcoming|C1",
      });
    });

    it("8 days before (20 February 2023) it does not fire, though it is in the 14-day window", () => {
      expect(ruleIds(care({ customer: leapling }, "2023-02-20"))).toEqual([]);
    });

    it("falls on 29 February itself in 2024: fires from 22 February, not from 21", () => {
      expect(alertOf(care({ customer: leapling }, "2024-02-22"), "care.upcoming").evidence[0]?.value).toBe(7);
      expect(ruleIds(care({ customer: leapling }, "2024-02-21"))).toEqual([]);
      // On the day itself: 0 days away.
      expect(alertOf(care({ customer: leapling }, "2024-02-29"), "care.upcoming").message).toBe(
        "A care date (birthday) is 0 days away.",
      );
    });

    it("a 1 March birthday is 1 day after 28 February 2023 and 2 days after 28 February 2024", () => {
      const march = customer({ contacts: [{ name: "Li Na", birthday: "1990-03-01" }] });
      expect(alertOf(care({ customer: march }, "2023-02-28"), "care.upcoming").evidence[0]?.value).toBe(1);
      expect(alertOf(care({ customer: march }, "2024-02-28"), "care.upcoming").evidence[0]?.value).toBe(2);
    });

    it("respects settings.care.lookAheadDays: a 5-day window misses 28 February 2025 from 21 February", () => {
      const settings = { care: { lookAheadDays: 5 } };
      expect(ruleIds(care({ customer: leapling }, "2025-02-21", { settings }))).toEqual([]);
      expect(
        alertOf(care({ customer: leapling }, "2025-02-23", { settings }), "care.upcoming").evidence[0]?.value,
      ).toBe(5);
    });

    it("respects settings.care.holidays and kinds across a year end (28 December → 1 January: 4 days)", () => {
      const settings = {
        care: { holidays: [{ date: "--01-01", name: "New Year" }], kinds: ["holiday" as const] },
      };
      const result = care(
        { customer: customer({ contacts: [{ name: "Zhao", birthday: "--12-30" }] }) },
        "2024-12-28",
        {
          settings,
        },
      );
      expect(alertOf(result, "care.upcoming").message).toBe("A care date (holiday) is 4 days away.");
      // Without the kinds filter the birthday on 30 December (2 days) comes first.
      const all = care(
        { customer: customer({ contacts: [{ name: "Zhao", birthday: "--12-30" }] }) },
        "2024-12-28",
        {
          settings: { care: { holidays: settings.care.holidays } },
        },
      );
      expect(alertOf(all, "care.upcoming").message).toBe("A care date (birthday) is 2 days away.");
    });

    it("respects settings.care.tiers: only key accounts are reminded", () => {
      const settings = { care: { tiers: ["key"] } };
      expect(ruleIds(care({ customer: leapling, tier: "key" }, "2024-02-22", { settings }))).toEqual([
        "care.upcoming",
      ]);
      expect(ruleIds(care({ customer: leapling, tier: "growth" }, "2024-02-22", { settings }))).toEqual([]);
      expect(ruleIds(care({ customer: leapling }, "2024-02-22", { settings }))).toEqual([]);
    });

    it("renders the Chinese message", () => {
      // The occasion is the kind's code, not translated: the Chinese text shows "birthday" (a known gap: text
      // metrics that are codes have no catalogue entry yet).
      expect(
        alertOf(care({ customer: leapling }, "2024-02-22", { locale: "zh-CN" }), "care.upcoming").message,
      ).toBe("7 天后有关怀日期（生日），请提前准备。");
    });
  });

  describe("care.neglected (a tiered account without a greeting or gift for more than 180 days)", () => {
    // A gift on 29 February 2024: 29 March +29, 29 May +90, 29 August +182 → 27 August is day 180, 28 August 181.
    const gift = [interaction("care", "2024-02-29", { careType: "gift" })];

    it("fires on day 181", () => {
      const result = care({ interactions: gift, tier: "key" }, "2024-08-28");
      const alert = alertOf(result, "care.neglected");
      expect(alert.evidence).toEqual([
        { metric: "tier", value: "key", test: "missing", threshold: false },
        { metric: "daysSinceLastCare", value: 181, test: ">", threshold: 180 },
      ]);
      expect(alert.message).toBe("No greeting or gift for 181 days.");
      expect(
        alertOf(
          care({ interactions: gift, tier: "key" }, "2024-08-28", { locale: "zh-CN" }),
          "care.neglected",
        ).message,
      ).toBe("已 181 天没有问候或礼品关怀。");
    });

    it("does not fire on day 180, nor for an account without a tier", () => {
      expect(ruleIds(care({ interactions: gift, tier: "key" }, "2024-08-27"))).toEqual([]);
      expect(ruleIds(care({ interactions: gift }, "2024-08-28"))).toEqual([]);
    });
  });
});

describe("qualification pack", () => {
  const asOf = "2024-03-31";
  const run = (
    records: Parameters<typeof buildAccount>[0],
    locale?: "en" | "zh-CN",
    settings?: SignalSettings,
  ) =>
    runPacks(buildAccount(records, asOf), ["qualification"], {
      asOf,
      ...(locale === undefined ? {} : { locale }),
      ...(settings === undefined ? {} : { settings }),
    });
  const verified = { verifiedOn: "2024-01-10" };

  describe("qualification.expired (an active document past its expiry)", () => {
    it("fires for one that expired on 30 March, as critical", () => {
      const result = run({
        qualifications: [document("business licence", { expires: "2024-03-30", ...verified })],
      });
      expect(alertOf(result, "qualification.expired")).toEqual({
        customerId: "C1",
        rule: "qualification.expired",
        severity: "critical",
        category: "qualification",
        message: "Expired qualification documents: 1.",
        evidence: [{ metric: "expiredDocuments", value: 1, test: ">", threshold: 0 }],
        key: "qualification.expired|C1",
      });
      expect(
        alertOf(
          run(
            { qualifications: [document("business licence", { expires: "2024-03-30", ...verified })] },
            "zh-CN",
          ),
          "qualification.expired",
        ).message,
      ).toBe("已过期的资质证照：1 份。");
    });

    it("does not fire for one expiring today (it is expiring, 0 days away) nor for a revoked one", () => {
      const today = run({
        qualifications: [document("business licence", { expires: "2024-03-31", ...verified })],
      });
      expect(ruleIds(today)).toEqual(["qualification.expiring"]);
      expect(alertOf(today, "qualification.expiring").message).toBe(
        "The business licence expires in 0 days.",
      );
      const revoked = run({
        qualifications: [document("permit", { expires: "2024-03-01", status: "revoked" })],
      });
      expect(ruleIds(revoked)).toEqual([]);
    });
  });

  describe("qualification.expiring (within 30 days)", () => {
    it("fires for 30 April (30 days away), naming the document", () => {
      const result = run({
        qualifications: [
          document("GMP certificate", { expires: "2024-04-30", ...verified }),
          document("business licence", { expires: "2024-12-31", ...verified }),
        ],
      });
      const alert = alertOf(result, "qualification.expiring");
      expect(alert.severity).toBe("warning");
      expect(alert.evidence).toEqual([
        {
          metric: "daysToNextExpiry",
          value: 30,
          test: "<=",
          threshold: 30,
          ref: { metric: "expiryWarningDays", value: 30, times: 1, plus: 0 },
        },
      ]);
      expect(alert.message).toBe("The GMP certificate expires in 30 days.");
    });

    it("does not fire for 1 May (31 days), unless the warning period is longer", () => {
      const records = {
        qualifications: [document("GMP certificate", { expires: "2024-05-01", ...verified })],
      };
      expect(ruleIds(run(records))).toEqual([]);
      expect(ruleIds(run(records, "en", { expiryWarningDays: 31 }))).toEqual(["qualification.expiring"]);
    });
  });

  describe("qualification.unverified", () => {
    it("fires for an active and a pending document never verified (2)", () => {
      const result = run({
        qualifications: [
          document("licence"),
          document("permit", { status: "pending" }),
          document("old", { status: "revoked" }),
        ],
      });
      const alert = alertOf(result, "qualification.unverified");
      expect(alert.evidence).toEqual([{ metric: "unverifiedDocuments", value: 2, test: ">", threshold: 0 }]);
      expect(alert.message).toBe("Qualification documents never verified: 2.");
    });

    it("counts a verification dated after asOf as none yet", () => {
      expect(ruleIds(run({ qualifications: [document("licence", { verifiedOn: "2024-04-01" })] }))).toEqual([
        "qualification.unverified",
      ]);
      expect(ruleIds(run({ qualifications: [document("licence", { verifiedOn: "2024-03-31" })] }))).toEqual(
        [],
      );
    });
  });

  describe("qualification.verification-stale (more than 365 days)", () => {
    it("fires for a verification on 31 March 2023: 366 days, across 29 February 2024", () => {
      const alert = alertOf(
        run({ qualifications: [document("licence", { verifiedOn: "2023-03-31" })] }),
        "qualification.verification-stale",
      );
      expect(alert.severity).toBe("info");
      expect(alert.evidence).toEqual([
        {
          metric: "daysSinceVerification",
          value: 366,
          test: ">",
          threshold: 365,
          ref: { metric: "verificationReviewDays", value: 365, times: 1, plus: 0 },
        },
      ]);
      expect(alert.message).toBe("A document was last verified 366 days ago (review every 365 days).");
    });

    it("does not fire for 1 April 2023 (365 days)", () => {
      expect(ruleIds(run({ qualifications: [document("licence", { verifiedOn: "2023-04-01" })] }))).toEqual(
        [],
      );
    });
  });

  describe("profile.stale (the customer record reviewed more than 180 days ago)", () => {
    // 31 March − 180 days: 29 February (31), 31 January (60), 31 December (91), 30 November (122), 31 October
    // (152), 3 October (180).
    it("fires for a review on 2 October 2023 (181 days)", () => {
      const alert = alertOf(run({ customer: customer({ reviewedDate: "2023-10-02" }) }), "profile.stale");
      expect(alert.category).toBe("profile");
      expect(alert.severity).toBe("info");
      expect(alert.evidence).toEqual([
        {
          metric: "daysSinceProfileReview",
          value: 181,
          test: ">",
          threshold: 180,
          ref: { metric: "profileReviewDays", value: 180, times: 1, plus: 0 },
        },
      ]);
      expect(alert.message).toBe("The customer record was last reviewed 181 days ago.");
      expect(
        alertOf(run({ customer: customer({ reviewedDate: "2023-10-02" }) }, "zh-CN"), "profile.stale")
          .message,
      ).toBe("客户资料已 181 天未更新核实。");
    });

    it("does not fire for a review on 3 October 2023 (180 days); falls back to the creation day", () => {
      expect(ruleIds(run({ customer: customer({ reviewedDate: "2023-10-03" }) }))).toEqual([]);
      expect(ruleIds(run({ customer: customer({ createdDate: "2023-10-02" }) }))).toEqual(["profile.stale"]);
    });
  });
});
