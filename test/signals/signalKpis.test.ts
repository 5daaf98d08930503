import { afterEach, describe, expect, it } from "vitest";
import type { CustomerFeatures } from "../../src/features/CustomerFeatures.js";
import type { Interaction } from "../../src/model/interaction.js";
import { KeyAccountError } from "../../src/model/KeyAccountError.js";
import type { SignalAccount } from "../../src/signals/SignalAccount.js";
import { type SignalKpiOptions, signalKpis } from "../../src/signals/signalKpis.js";

const features = (id: string, orderCount: number) => ({ id, orderCount }) as CustomerFeatures;
const activity = (previousOrders: number, recentOrders: number) => ({
  previousOrders,
  recentOrders,
  previousCategories: 0,
  recentCategories: 0,
});
const feedback = (customerId: string, date: string, answers: Partial<Interaction>): Interaction => ({
  customerId,
  kind: "feedback",
  date,
  ...answers,
});
const contact = (customerId: string, kind: "visit" | "call" | "email" | "meeting", date: string) =>
  ({ customerId, kind, date }) as Interaction;
const complaint = (customerId: string, date: string, times: Partial<Interaction> = {}): Interaction => ({
  customerId,
  kind: "complaint",
  date,
  ...times,
});

// asOf 2024-06-30 with a 30-day window: answers and complaints dated 2024-06-01 … 2024-06-30 count.
// Targets: first response key 4 h, others 24 h; resolution key 48 h, others 72 h; cadence key 14 d, growth 30 d,
// others 60 d.
const options: SignalKpiOptions = {
  asOf: "2024-06-30",
  windowDays: 30,
  responseTargetHours: { key: 4, default: 24 },
  resolutionTargetHours: { key: 48 },
  followUpCadenceDays: { key: 14, growth: 30, default: 60 },
};

const portfolio: SignalAccount[] = [
  {
    id: "K1",
    tier: "key",
    features: features("K1", 5),
    activity: activity(3, 2),
    interactions: [
      feedback("K1", "2024-06-10", { satisfaction: 4, nps: 9 }),
      feedback("K1", "2024-06-20", { satisfaction: 5, nps: 6 }), // latest day: of 6 and 8, the lowest (detractor)
      feedback("K1", "2024-06-20", { nps: 8 }),
      feedback("K1", "2024-05-31", { satisfaction: 1, nps: 10 }), // the window's start day: outside
      contact("K1", "visit", "2024-06-20"), // 10 days ago ≤ 14: compliant
      // 2 h to respond (≤ 4), 48 h to resolve (≤ 48: the target itself is within).
      complaint("K1", "2024-06-05", {
        openedAt: "2024-06-05T08:00:00Z",
        firstResponseAt: "2024-06-05T10:00:00Z",
        resolvedAt: "2024-06-07T08:00:00Z",
      }),
      // Opened 09:00 UTC (no offset: UTC); response 15:00+02:00 = 13:00 UTC → 4 h (≤ 4); resolved after asOf.
      complaint("K1", "2024-06-25", {
        openedAt: "2024-06-25T09:00:00",
        firstResponseAt: "2024-06-25T15:00:00+02:00",
        resolvedAt: "2024-07-01T09:00:00Z",
      }),
    ],
  },
  {
    id: "K2",
    tier: "key",
    features: features("K2", 1),
    activity: activity(2, 0),
    interactions: [
      feedback("K2", "2024-06-15", { satisfaction: 5, nps: 10 }), // promoter
      contact("K2", "call", "2024-06-10"), // 20 days ago > 14: not compliant
      contact("K2", "visit", "2024-07-01"), // after asOf: ignored
      // No openedAt: opened 2024-06-29 00:00 UTC. Response 6 h (> 4); resolved 36 h (≤ 48).
      complaint("K2", "2024-06-29", {
        firstResponseAt: "2024-06-29T06:00:00Z",
        resolvedAt: "2024-06-30T12:00:00Z",
      }),
      complaint("K2", "2024-05-20", { firstResponseAt: "2024-05-20T01:00:00Z" }), // before the window
    ],
  },
  {
    id: "G1",
    tier: "growth",
    features: features("G1", 3),
    activity: activity(1, 4),
    interactions: [
      feedback("G1", "2024-06-01", { satisfaction: 3, nps: 7 }), // the window's first day; passive
      contact("G1", "email", "2024-06-01"), // 29 days ago ≤ 30: compliant
      // Response 30 h (> 24); resolution 96 h (> 72).
      complaint("G1", "2024-06-10", {
        openedAt: "2024-06-10T00:00:00Z",
        firstResponseAt: "2024-06-11T06:00:00Z",
        resolvedAt: "2024-06-14T00:00:00Z",
      }),
    ],
  },
  {
    id: "G2",
    tier: "growth",
    features: features("G2", 0),
    activity: activity(0, 1),
    interactions: [], // followed up never: not compliant
  },
  {
    id: "N1",
    features: features("N1", 2),
    interactions: [
      contact("N1", "meeting", "2024-03-01"), // 121 days ago > 60: not compliant
      feedback("N1", "2024-06-30", { satisfaction: 2, nps: 3 }), // detractor
      // Opened 10:00+08:00 = 02:00 UTC, response 02:30 UTC → 0.5 h (≤ 24); not resolved.
      complaint("N1", "2024-06-15", {
        openedAt: "2024-06-15T10:00:00+08:00",
        firstResponseAt: "2024-06-15T02:30:00Z",
      }),
    ],
  },
  { id: "N2" }, // nothing known: counted in `accounts` only
];

describe("signalKpis on a hand-built portfolio", () => {
  const kpis = signalKpis(portfolio, options);

  it("computes the portfolio's KPIs", () => {
    const p = kpis.portfolio;
    expect(p.accounts).toBe(6);
    // Answers in the window: K1 4, 5; K2 5; G1 3; N1 2 → 5 answers, mean 19 / 5.
    expect(p.satisfaction).toEqual({ answers: 5, mean: 3.8, distribution: [0, 1, 1, 1, 2] });
    // Latest answers: K1 6 (D), K2 10 (P), G1 7 (passive), N1 3 (D) → (1 − 2) / 4 = −25.
    expect(p.nps).toEqual({ respondents: 4, promoters: 1, passives: 1, detractors: 2, score: -25 });
    // Buyers K1 (5), K2 (1), G1 (3), N1 (2); repeat K1, G1, N1 → 3 / 4.
    expect(p.repeatPurchaseRate).toBe(0.75);
    // Previous-window buyers K1, K2, G1; still buying K1, G1 → 2 / 3.
    expect(p.retention).toBe(2 / 3);
    // Tracked K1, K2, G1, G2, N1 (not N2); compliant K1, G1 → 2 / 5.
    expect(p.followUpCompliance).toBe(0.4);
    expect(p.counts).toEqual({
      buyers: 4,
      repeatBuyers: 3,
      previousBuyers: 3,
      retainedBuyers: 2,
      followUpTracked: 5,
      followedUpInTime: 2,
    });
  });

  it("measures the portfolio's complaint times (type 7 quantiles, each against its tier's target)", () => {
    const c = kpis.portfolio.complaints;
    expect(c.count).toBe(5); // K1 2, K2 1, G1 1, N1 1
    // First responses sorted [0.5, 2, 4, 6, 30]: median at h = 4·0.5 = 2 → 4; p90 at h = 3.6 → 6 + 0.6·24 = 20.4.
    // Within target: 0.5 (≤ 24), 2 and 4 (≤ 4) → 3 / 5.
    expect(c.firstResponseHours.measured).toBe(5);
    expect(c.firstResponseHours.median).toBe(4);
    expect(c.firstResponseHours.p90).toBeCloseTo(20.4, 12);
    expect(c.firstResponseHours.withinTarget).toBe(0.6);
    // Resolutions sorted [36, 48, 96] (K1's second is resolved after asOf): median 48; p90 at h = 1.8 →
    // 48 + 0.8·48 = 86.4. Within: 36 and 48 (≤ 48) → 2 / 3.
    expect(c.resolutionHours.measured).toBe(3);
    expect(c.resolutionHours.median).toBe(48);
    expect(c.resolutionHours.p90).toBeCloseTo(86.4, 12);
    expect(c.resolutionHours.withinTarget).toBe(2 / 3);
  });

  it("computes each tier's KPIs, in tier-name order, leaving accounts without a tier out", () => {
    expect(Object.keys(kpis.byTier)).toEqual(["growth", "key"]);
    expect(Object.getPrototypeOf(kpis.byTier)).toBeNull();
    const key = kpis.byTier.key;
    expect(key?.accounts).toBe(2);
    expect(key?.satisfaction).toEqual({ answers: 3, mean: 14 / 3, distribution: [0, 0, 0, 1, 2] });
    expect(key?.nps).toEqual({ respondents: 2, promoters: 1, passives: 0, detractors: 1, score: 0 });
    expect(key?.repeatPurchaseRate).toBe(0.5); // K1 of K1, K2
    expect(key?.retention).toBe(0.5); // K1 of K1, K2
    expect(key?.followUpCompliance).toBe(0.5); // K1 of K1, K2
    expect(key?.complaints.count).toBe(3);
    // [2, 4, 6]: median 4, p90 at h = 1.8 → 4 + 0.8·2 = 5.6; within 4 h: 2 of 3.
    expect(key?.complaints.firstResponseHours).toMatchObject({ measured: 3, median: 4, withinTarget: 2 / 3 });
    expect(key?.complaints.firstResponseHours.p90).toBeCloseTo(5.6, 12);
    // [36, 48]: median 42, p90 at h = 0.9 → 36 + 0.9·12 = 46.8; both within 48 h.
    expect(key?.complaints.resolutionHours).toMatchObject({ measured: 2, median: 42, withinTarget: 1 });
    expect(key?.complaints.resolutionHours.p90).toBeCloseTo(46.8, 12);

    const growth = kpis.byTier.growth;
    expect(growth?.accounts).toBe(2);
    expect(growth?.satisfaction).toEqual({ answers: 1, mean: 3, distribution: [0, 0, 1, 0, 0] });
    expect(growth?.nps).toEqual({ respondents: 1, promoters: 0, passives: 1, detractors: 0, score: 0 });
    expect(growth?.repeatPurchaseRate).toBe(1); // G1 (3 orders); G2 has none: not a buyer
    expect(growth?.retention).toBe(1); // G1; G2 bought nothing in the previous window
    expect(growth?.followUpCompliance).toBe(0.5); // G1 (29 ≤ 30) of G1, G2
    expect(growth?.complaints).toEqual({
      count: 1,
      firstResponseHours: { measured: 1, median: 30, p90: 30, withinTarget: 0 },
      resolutionHours: { measured: 1, median: 96, p90: 96, withinTarget: 0 },
    });
  });
});

describe("signalKpis details", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it("leaves every share and mean undefined when its base is empty, and never gives NaN", () => {
    const kpis = signalKpis([{ id: "A" }, { id: "B", tier: "key" }], { asOf: "2024-06-30" });
    expect(kpis.portfolio).toEqual({
      accounts: 2,
      satisfaction: { answers: 0, distribution: [0, 0, 0, 0, 0] },
      nps: { respondents: 0, promoters: 0, passives: 0, detractors: 0 },
      complaints: { count: 0, firstResponseHours: { measured: 0 }, resolutionHours: { measured: 0 } },
      counts: {
        buyers: 0,
        repeatBuyers: 0,
        previousBuyers: 0,
        retainedBuyers: 0,
        followUpTracked: 0,
        followedUpInTime: 0,
      },
    });
    expect(signalKpis([], { asOf: "2024-06-30" })).toEqual({ portfolio: expect.anything(), byTier: {} });
  });

  it("uses the defaults: a 365-day window, 24 h / 72 h targets, a 30-day cadence", () => {
    const account: SignalAccount = {
      id: "A",
      tier: "any",
      interactions: [
        contact("A", "visit", "2024-05-31"), // 30 days ago: compliant
        // 2023-07-01 = asOf − 365 is outside; 2023-07-02 is inside.
        complaint("A", "2023-07-01", { firstResponseAt: "2023-07-01T01:00:00Z" }),
        complaint("A", "2023-07-02", {
          firstResponseAt: "2023-07-03T00:00:00Z", // 24 h: within
          resolvedAt: "2023-07-05T00:00:01Z", // 72 h and a second: not within
        }),
      ],
    };
    const p = signalKpis([account], { asOf: "2024-06-30" }).portfolio;
    expect(p.followUpCompliance).toBe(1);
    expect(p.complaints.count).toBe(1);
    expect(p.complaints.firstResponseHours.withinTarget).toBe(1);
    expect(p.complaints.resolutionHours.withinTarget).toBe(0);
  });

  it("reads a target as one number, or per tier with `default` for other tiers (else the built-in default)", () => {
    const hours = (tier: string | undefined, responseHours: number): SignalAccount => ({
      id: `${tier}-${responseHours}`,
      ...(tier === undefined ? {} : { tier }),
      interactions: [
        complaint("x", "2024-06-01", {
          openedAt: "2024-06-01T00:00:00Z",
          firstResponseAt: `2024-06-01T${String(responseHours).padStart(2, "0")}:00:00Z`,
        }),
      ],
    });
    const accounts = [hours("key", 5), hours("other", 10), hours(undefined, 20)];
    const within = (responseTargetHours: SignalKpiOptions["responseTargetHours"]) =>
      signalKpis(accounts, { asOf: "2024-06-30", responseTargetHours }).portfolio.complaints
        .firstResponseHours.withinTarget;
    expect(within(10)).toBe(2 / 3); // 5 and 10 ≤ 10
    expect(within({ key: 4 })).toBe(2 / 3); // key 5 > 4; the others get 24 h
    expect(within({ key: 4, default: 12 })).toBe(1 / 3); // only 10 ≤ 12
    expect(within({ default: 5 })).toBe(1 / 3);
  });

  it("measures a response or resolution only when it came by the end of asOf (24:00 UTC)", () => {
    const account: SignalAccount = {
      id: "A",
      interactions: [
        complaint("A", "2024-06-30", { firstResponseAt: "2024-06-30T23:59:59Z" }),
        complaint("A", "2024-06-30", { firstResponseAt: "2024-07-01T00:00:00Z" }),
        complaint("A", "2024-06-30", { firstResponseAt: "2024-07-01T00:00:01Z" }),
      ],
    };
    const time = signalKpis([account], { asOf: "2024-06-30" }).portfolio.complaints.firstResponseHours;
    expect(time.measured).toBe(2); // 23:59:59 and 24:00:00; one second later has not happened yet
    expect(time.median).toBeCloseTo((86_399 / 3600 + 24) / 2, 12);
  });

  it("reads timestamps without an offset as UTC, whatever the machine's time zone", () => {
    const account: SignalAccount = {
      id: "A",
      interactions: [
        complaint("A", "2024-06-10", {
          openedAt: "2024-06-10T08:00:00",
          firstResponseAt: "2024-06-10T09:30:00Z",
          resolvedAt: "2024-06-10T12:00:00",
        }),
      ],
    };
    const results = ["UTC", "Asia/Shanghai", "America/New_York"].map((tz) => {
      process.env.TZ = tz;
      return signalKpis([account], { asOf: "2024-06-30" }).portfolio.complaints;
    });
    for (const result of results) {
      expect(result.firstResponseHours.median).toBe(1.5);
      expect(result.resolutionHours.median).toBe(4);
    }
  });

  it("reads the ISO 8601 variants, falls back to the date for an unreadable opening, skips unreadable events", () => {
    const times = (opened: string | undefined, response: string) => {
      const c = complaint("A", "2024-06-10", { firstResponseAt: response });
      if (opened !== undefined) c.openedAt = opened;
      return signalKpis([{ id: "A", interactions: [c] }], { asOf: "2024-06-30" }).portfolio.complaints
        .firstResponseHours;
    };
    // 17:30:00.500+08:00 = 09:30:00.5 UTC; opened 08:00 UTC (a space for the T, no seconds) → 1.5 h + 0.5 s.
    expect(times("2024-06-10 08:00", "2024-06-10T17:30:00.500+08:00").median).toBe(1.5 + 0.5 / 3600);
    // A comma fraction, lower-case t and z, finer than milliseconds (dropped): 4 h + 0.25 s.
    expect(times("2024-06-10T08:00:00Z", "2024-06-10t12:00:00,2509z").median).toBe(4 + 0.25 / 3600);
    // Offsets written +0530 and -03: 06:00+05:30 = 00:30 UTC; 00:00-03 = 03:00 UTC → 2.5 h.
    expect(times("2024-06-10T06:00+0530", "2024-06-10T00:00-03").median).toBe(2.5);
    // An unreadable opening: 00:00 UTC of the date → 9 h.
    expect(times("yesterday", "2024-06-10T09:00:00Z").median).toBe(9);
    // An unreadable or impossible response is not measured.
    expect(times(undefined, "soon").measured).toBe(0);
    expect(times(undefined, "2024-06-10T24:00:00Z").measured).toBe(0);
    expect(times(undefined, "2024-06-31T01:00:00Z").measured).toBe(0);
  });

  it("keeps any tier name as a plain key", () => {
    const kpis = signalKpis(
      [
        { id: "A", tier: "__proto__" },
        { id: "B", tier: "constructor" },
      ],
      { asOf: "2024-06-30", followUpCadenceDays: { constructor: 5 } },
    );
    expect(Object.keys(kpis.byTier)).toEqual(["__proto__", "constructor"]);
    const constructorTier: string = "constructor";
    expect(kpis.byTier[constructorTier]?.accounts).toBe(1);
    const parsed = JSON.parse(JSON.stringify(kpis)) as { byTier: object };
    expect(Object.entries(parsed.byTier).map(([tier, set]) => [tier, set.accounts])).toEqual([
      ["__proto__", 1],
      ["constructor", 1],
    ]);
  });

  it("throws one KeyAccountError listing every bad option", () => {
    const bad = {
      asOf: "2024-02-30",
      windowDays: -1,
      responseTargetHours: { key: 0, default: "x" },
      resolutionTargetHours: [24],
      followUpCadenceDays: Number.NaN,
      cadence: 3,
    } as unknown as SignalKpiOptions;
    try {
      signalKpis([], bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KeyAccountError);
      const issues = (error as KeyAccountError).issues;
      expect(issues.every((issue) => issue.code === "option.invalid")).toBe(true);
      expect(issues.map((issue) => issue.path.join("."))).toEqual([
        "cadence",
        "asOf",
        "windowDays",
        "responseTargetHours.key",
        "responseTargetHours.default",
        "resolutionTargetHours",
        "followUpCadenceDays",
      ]);
    }
    expect(() => signalKpis([], {} as SignalKpiOptions)).toThrow(/asOf/);
  });
});
