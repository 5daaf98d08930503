import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { CustomerFeatures } from "../../src/features/CustomerFeatures.js";
import { formatDay } from "../../src/model/formatDay.js";
import type { Interaction } from "../../src/model/interaction.js";
import { parseDay } from "../../src/model/parseDay.js";
import type { SignalAccount } from "../../src/signals/SignalAccount.js";
import { type KpiSet, type SignalKpiOptions, signalKpis } from "../../src/signals/signalKpis.js";
import { interactionKindArb, timestampArb } from "./arbitraries.js";

const AS_OF = "2024-06-30";
const AS_OF_DAY = parseDay(AS_OF) as number;
// Dates from well before the window to a little after asOf.
const dayArb = fc.integer({ min: -500, max: 10 }).map((offset) => formatDay(AS_OF_DAY + offset));
// Timestamps with Z, with an offset, or without one; sometimes not a timestamp at all.
const stampArb = timestampArb(AS_OF_DAY, -400, 5, ["Z", "", "+08:00", "-05:30", "+0200"]);
const kindArb = interactionKindArb;
const interactionArb: fc.Arbitrary<Interaction> = fc
  .record(
    {
      kind: kindArb,
      date: dayArb,
      openedAt: stampArb,
      firstResponseAt: stampArb,
      resolvedAt: stampArb,
      satisfaction: fc.integer({ min: 1, max: 5 }),
      nps: fc.integer({ min: 0, max: 10 }),
    },
    { requiredKeys: ["kind", "date"] },
  )
  .map((fields) => ({ customerId: "x", ...fields }));
const tierArb = fc.option(fc.constantFrom("key", "growth", "core", "__proto__"), { nil: undefined });
const accountArb: fc.Arbitrary<SignalAccount> = fc
  .record(
    {
      tier: tierArb,
      orderCount: fc.integer({ min: 0, max: 6 }),
      activity: fc.record({
        previousOrders: fc.integer({ min: 0, max: 4 }),
        recentOrders: fc.integer({ min: 0, max: 4 }),
        previousCategories: fc.constant(0),
        recentCategories: fc.constant(0),
      }),
      interactions: fc.array(interactionArb, { maxLength: 12 }),
    },
    { requiredKeys: [] },
  )
  .map(({ tier, orderCount, activity, interactions }) => {
    const account: SignalAccount = { id: "x" };
    if (tier !== undefined) account.tier = tier;
    if (orderCount !== undefined) account.features = { id: "x", orderCount } as CustomerFeatures;
    if (activity !== undefined) account.activity = activity;
    if (interactions !== undefined) account.interactions = interactions;
    return account;
  });
const portfolioArb = fc
  .array(accountArb, { maxLength: 25 })
  .map((accounts) => accounts.map((account, i) => ({ ...account, id: `A${i}` })));
const setting = (max: number) =>
  fc.oneof(
    fc.integer({ min: 1, max }),
    fc.dictionary(fc.constantFrom("key", "growth", "default"), fc.integer({ min: 1, max }), { maxKeys: 3 }),
  );
const optionsArb: fc.Arbitrary<SignalKpiOptions> = fc.record({
  asOf: fc.constant(AS_OF),
  windowDays: fc.integer({ min: 1, max: 400 }),
  responseTargetHours: setting(100),
  resolutionTargetHours: setting(300),
  followUpCadenceDays: setting(90),
});

function allNumbers(value: unknown, out: number[] = []): number[] {
  if (typeof value === "number") out.push(value);
  else if (typeof value === "object" && value !== null)
    for (const item of Object.values(value)) allNumbers(item, out);
  return out;
}

function expectSane(set: KpiSet): void {
  for (const share of [
    set.repeatPurchaseRate,
    set.retention,
    set.followUpCompliance,
    set.complaints.firstResponseHours.withinTarget,
    set.complaints.resolutionHours.withinTarget,
  ]) {
    if (share !== undefined) {
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
  }
  const { nps, satisfaction } = set;
  expect(nps.promoters + nps.passives + nps.detractors).toBe(nps.respondents);
  expect(nps.respondents).toBeLessThanOrEqual(set.accounts);
  if (nps.score !== undefined) expect(Math.abs(nps.score)).toBeLessThanOrEqual(100);
  expect(satisfaction.distribution.reduce((a, b) => a + b, 0)).toBe(satisfaction.answers);
  if (satisfaction.mean !== undefined) {
    expect(satisfaction.mean).toBeGreaterThanOrEqual(1);
    expect(satisfaction.mean).toBeLessThanOrEqual(5);
  }
  for (const time of [set.complaints.firstResponseHours, set.complaints.resolutionHours]) {
    expect(time.measured).toBeLessThanOrEqual(set.complaints.count);
    if (time.measured > 0) {
      expect(time.median as number).toBeGreaterThanOrEqual(0);
      expect(time.p90 as number).toBeGreaterThanOrEqual(time.median as number);
    } else expect(time).toEqual({ measured: 0 });
  }
}

describe("signalKpis properties", () => {
  test.prop([portfolioArb, optionsArb])(
    "shares stay in 0..1, NPS in −100..100, and no value is NaN or infinite",
    (accounts, options) => {
      const kpis = signalKpis(accounts, options);
      for (const value of allNumbers(kpis)) expect(Number.isFinite(value)).toBe(true);
      expectSane(kpis.portfolio);
      for (const set of Object.values(kpis.byTier)) expectSane(set);
    },
  );

  test.prop([portfolioArb, optionsArb, fc.infiniteStream(fc.nat())])(
    "permuting the accounts and their interactions changes nothing",
    (accounts, options, randoms) => {
      const shuffle = <T>(items: readonly T[]): T[] => {
        const out = items.slice();
        for (let i = out.length - 1; i > 0; i--) {
          const j = (randoms.next().value as number) % (i + 1);
          [out[i], out[j]] = [out[j] as T, out[i] as T];
        }
        return out;
      };
      const shuffled = shuffle(accounts).map((account) =>
        account.interactions === undefined
          ? account
          : { ...account, interactions: shuffle(account.interactions) },
      );
      const a = signalKpis(accounts, options);
      const b = signalKpis(shuffled, options);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    },
  );

  test.prop([portfolioArb, optionsArb])(
    "the tiers split the portfolio: their counts add up to the portfolio's minus the untiered accounts'",
    (accounts, options) => {
      const kpis = signalKpis(accounts, options);
      const untiered = signalKpis(
        accounts.filter((account) => account.tier === undefined),
        options,
      ).portfolio;
      const sets = [...Object.values(kpis.byTier), untiered];
      const total = (pick: (set: KpiSet) => number) => sets.reduce((sum, set) => sum + pick(set), 0);
      const p = kpis.portfolio;
      expect(total((s) => s.accounts)).toBe(p.accounts);
      expect(total((s) => s.satisfaction.answers)).toBe(p.satisfaction.answers);
      expect(total((s) => s.nps.respondents)).toBe(p.nps.respondents);
      expect(total((s) => s.complaints.count)).toBe(p.complaints.count);
      expect(total((s) => s.complaints.firstResponseHours.measured)).toBe(
        p.complaints.firstResponseHours.measured,
      );
      expect(total((s) => s.counts.followedUpInTime)).toBe(p.counts.followedUpInTime);
      expect(total((s) => s.counts.retainedBuyers)).toBe(p.counts.retainedBuyers);
    },
  );
});
