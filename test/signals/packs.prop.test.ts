// Properties of the built-in packs: evidence in an account's favour never adds a churn alert (nor lowers its
// health), evaluation is deterministic and blind to the order of an account's records, and no number a person
// sees is NaN or infinite.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { CustomerFeatures } from "../../src/features/CustomerFeatures.js";
import { npsClass } from "../../src/features/npsClass.js";
import type { Contact, ImportantDate } from "../../src/model/customer.js";
import { formatDay } from "../../src/model/formatDay.js";
import type { Interaction, InteractionKind } from "../../src/model/interaction.js";
import type { Invoice } from "../../src/model/invoice.js";
import type { Locale } from "../../src/model/locale.js";
import { parseDay } from "../../src/model/parseDay.js";
import type { Qualification } from "../../src/model/qualification.js";
import type { Transaction } from "../../src/model/transaction.js";
import type { SignalResult } from "../../src/signals/evaluateSignals.js";
import type { PurchaseActivity } from "../../src/signals/purchaseActivity.js";
import type { SignalAccount } from "../../src/signals/SignalAccount.js";
import type { SignalPackName, SignalSettings } from "../../src/signals/signalPolicySchema.js";
import { type AccountRecords, buildAccount, ID, runPacks } from "./accounts.js";
import { interactionKindArb, timestampArb } from "./arbitraries.js";

const ALL_PACKS: SignalPackName[] = ["churn", "credit", "complaints", "follow-up", "care", "qualification"];

// ---------------------------------------------------------------------------------------------------------------
// (a) Favourable evidence never adds a churn alert.
//
// The account is described at the level of the metrics the churn pack reads — its features (days since the last
// purchase, median interval, orders, recent and previous revenue, latest NPS), activity, P(alive) — plus real
// interaction records (follow-ups, complaints, satisfaction answers), which the engine reads through accountFacts.
// A favourable change moves one of them, all else equal.

const AS_OF = "2024-03-31";
const AS_OF_DAY = parseDay(AS_OF) as number;

interface Spec {
  tier: string | undefined;
  cadence: number | undefined;
  orders: number;
  daysSinceLastPurchase: number | undefined;
  interval: number | undefined;
  recentRevenue: number;
  previousRevenue: number;
  latestNps: number | undefined;
  activity: PurchaseActivity | undefined;
  pAlive: number | undefined;
  interactions: Interaction[];
}

const offsetDay = (offset: number): string => formatDay(AS_OF_DAY + offset);

const stampArb = (dayOffset: number) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: 200 }),
      fc.integer({ min: 0, max: 23 }),
      fc.constantFrom("Z", "", "+08:00", "-05:00"),
    )
    .map(
      ([after, hour, zone]) =>
        `${offsetDay(dayOffset + after)}T${String(hour).padStart(2, "0")}:30:00${zone}`,
    );

const churnInteractionArb: fc.Arbitrary<Interaction> = fc
  .tuple(
    fc.constantFrom<InteractionKind>("visit", "call", "email", "meeting", "care", "complaint", "feedback"),
    fc.integer({ min: -400, max: 3 }),
  )
  .chain(([kind, offset]) => {
    const base = { customerId: ID, kind, date: offsetDay(offset) };
    if (kind === "complaint")
      return fc
        .record(
          { openedAt: stampArb(offset).map((s) => s.replace(/T\d\d/, "T00")), resolvedAt: stampArb(offset) },
          { requiredKeys: [] },
        )
        .map((stamps) => ({ ...base, ...stamps }));
    if (kind === "feedback")
      return fc.integer({ min: 1, max: 5 }).map((satisfaction) => ({ ...base, satisfaction }));
    return fc.constant(base);
  });

const specArb: fc.Arbitrary<Spec> = fc.record({
  tier: fc.option(fc.constantFrom("key", "growth"), { nil: undefined }),
  cadence: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
  orders: fc.integer({ min: 0, max: 12 }),
  daysSinceLastPurchase: fc.option(fc.integer({ min: 0, max: 700 }), { nil: undefined }),
  interval: fc.option(
    fc.oneof(fc.integer({ min: 0, max: 200 }), fc.double({ min: 0.5, max: 200, noNaN: true })),
    { nil: undefined },
  ),
  recentRevenue: fc.integer({ min: 0, max: 5_000_000 }),
  previousRevenue: fc.integer({ min: 0, max: 5_000_000 }),
  latestNps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  activity: fc.option(
    fc.record({
      recentOrders: fc.integer({ min: 0, max: 8 }),
      previousOrders: fc.integer({ min: 0, max: 8 }),
      recentCategories: fc.integer({ min: 0, max: 4 }),
      previousCategories: fc.integer({ min: 0, max: 4 }),
    }),
    { nil: undefined },
  ),
  pAlive: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  interactions: fc.array(churnInteractionArb, { maxLength: 14 }),
});

/** The account a spec describes: full features (consistent where the spec leaves no choice) and its records. */
function assemble(spec: Spec): SignalAccount {
  const { recentRevenue: recent, previousRevenue: previous } = spec;
  const features: CustomerFeatures = {
    id: ID,
    currency: "USD",
    mixedCurrencies: false,
    revenueMinor: recent + previous,
    grossSalesMinor: recent + previous,
    returnsMinor: 0,
    linesWithoutCost: spec.orders,
    transactionCount: spec.orders,
    orderCount: spec.orders,
    purchasePeriods: spec.orders,
    recentRevenueMinor: recent,
    previousRevenueMinor: previous,
    revenueTrendMinor: recent - previous,
    distinctProducts: 0,
    distinctCategories: 0,
  };
  if (previous > 0) features.revenueTrendRatio = recent / previous;
  if (spec.daysSinceLastPurchase !== undefined) features.daysSinceLastPurchase = spec.daysSinceLastPurchase;
  if (spec.interval !== undefined) features.interPurchaseMedianDays = spec.interval;
  if (spec.latestNps !== undefined)
    features.interactions = {
      interactionCount: 1,
      daysSinceLastInteraction: 0,
      daysSinceLastByKind: { feedback: 0 },
      complaintCount: 0,
      openComplaints: 0,
      latestNps: spec.latestNps,
      npsClass: npsClass(spec.latestNps),
    };
  const account: SignalAccount = { id: ID, features, interactions: spec.interactions };
  if (spec.tier !== undefined) account.tier = spec.tier;
  if (spec.activity !== undefined) account.activity = spec.activity;
  if (spec.pAlive !== undefined) account.pAlive = spec.pAlive;
  return account;
}

function evaluateChurn(spec: Spec): SignalResult {
  return runPacks(assemble(spec), ["churn"], {
    asOf: AS_OF,
    ...(spec.cadence === undefined
      ? {}
      : { settings: { followUpCadenceDays: { key: spec.cadence, default: 30 } } }),
  });
}

const churnIds = (result: SignalResult): string[] =>
  result.alerts.filter((alert) => alert.category === "churn").map((alert) => alert.rule);

const dayOf = (interaction: Interaction): number => parseDay(interaction.date) as number;
const isFollowUp = (kind: InteractionKind): boolean =>
  kind === "visit" || kind === "call" || kind === "email" || kind === "meeting";

/** One favourable change: the changed spec, or undefined when it does not apply to this spec. */
type Change = (spec: Spec, k: number) => Spec | undefined;

const CHANGES: Record<string, Change> = {
  "a more recent last purchase": (spec, k) =>
    spec.daysSinceLastPurchase === undefined || spec.daysSinceLastPurchase === 0
      ? undefined
      : { ...spec, daysSinceLastPurchase: Math.max(0, spec.daysSinceLastPurchase - k) },
  "higher recent revenue": (spec, k) => ({ ...spec, recentRevenue: spec.recentRevenue + k * 997 }),
  "a higher latest satisfaction answer": (spec, k) => {
    // The latest answer is the lowest of the latest day's answers: raise that one.
    const answers = spec.interactions
      .map((interaction, index) => ({ interaction, index }))
      .filter(({ interaction }) => interaction.kind === "feedback" && dayOf(interaction) <= AS_OF_DAY);
    if (answers.length === 0) return undefined;
    const latestDay = Math.max(...answers.map(({ interaction }) => dayOf(interaction)));
    const latest = answers
      .filter(({ interaction }) => dayOf(interaction) === latestDay)
      .sort((a, b) => (a.interaction.satisfaction as number) - (b.interaction.satisfaction as number))[0];
    const score = latest?.interaction.satisfaction as number;
    if (latest === undefined || score >= 5) return undefined;
    const interactions = spec.interactions.slice();
    interactions[latest.index] = { ...latest.interaction, satisfaction: Math.min(5, score + 1 + (k % 4)) };
    return { ...spec, interactions };
  },
  "one complaint fewer": (spec, k) => {
    const complaints = spec.interactions.flatMap((interaction, index) =>
      interaction.kind === "complaint" ? [index] : [],
    );
    if (complaints.length === 0) return undefined;
    const drop = complaints[k % complaints.length];
    return { ...spec, interactions: spec.interactions.filter((_, index) => index !== drop) };
  },
  "a more recent follow-up": (spec, k) => {
    const days = spec.interactions
      .filter((interaction) => isFollowUp(interaction.kind) && dayOf(interaction) <= AS_OF_DAY)
      .map(dayOf);
    if (days.length === 0) return undefined;
    const last = Math.max(...days);
    if (last >= AS_OF_DAY) return undefined;
    const day = last + 1 + (k % (AS_OF_DAY - last));
    return {
      ...spec,
      interactions: [...spec.interactions, { customerId: ID, kind: "call", date: formatDay(day) }],
    };
  },
  "a higher P(alive)": (spec, k) =>
    spec.pAlive === undefined || spec.pAlive >= 1
      ? undefined
      : { ...spec, pAlive: spec.pAlive + ((1 - spec.pAlive) * ((k % 100) + 1)) / 100 },
  "a higher latest NPS answer": (spec, k) =>
    spec.latestNps === undefined || spec.latestNps >= 10
      ? undefined
      : { ...spec, latestNps: spec.latestNps + 1 + (k % (10 - spec.latestNps)) },
};

describe("churn pack: favourable evidence", () => {
  for (const [name, change] of Object.entries(CHANGES)) {
    test.prop([specArb, fc.integer({ min: 1, max: 400 })])(
      `${name} never adds a churn alert nor lowers the health score`,
      (spec, k) => {
        const better = change(spec, k);
        fc.pre(better !== undefined);
        const before = evaluateChurn(spec);
        const after = evaluateChurn(better as Spec);
        const had = new Set(churnIds(before));
        expect(churnIds(after).filter((rule) => !had.has(rule))).toEqual([]);
        const health = (result: SignalResult) => result.accounts[0]?.scores.health?.value as number;
        expect(health(after)).toBeGreaterThanOrEqual(health(before) - 1e-9);
      },
    );
  }
});

// Where "more in the account's favour" can add a churn alert, by the design of a rule (reported, not hidden).
describe("churn pack: changes that look favourable but may add an alert, by design", () => {
  const base: Spec = {
    tier: undefined,
    cadence: undefined,
    orders: 0,
    daysSinceLastPurchase: undefined,
    interval: undefined,
    recentRevenue: 0,
    previousRevenue: 0,
    latestNps: undefined,
    activity: undefined,
    pAlive: undefined,
    interactions: [],
  };
  const feedback = (date: string, satisfaction: number): Interaction => ({
    customerId: ID,
    kind: "feedback",
    date,
    satisfaction,
  });

  it("a higher earlier satisfaction answer makes the latest one a fall (satisfaction-falling is a trend)", () => {
    // 3 then 3: the latest 3 is not ≤ 3 − 1. Raise the earlier answer to 4: 3 ≤ 4 − 1, a fall.
    const flat = { ...base, interactions: [feedback("2024-02-01", 3), feedback("2024-03-01", 3)] };
    const raised = { ...base, interactions: [feedback("2024-02-01", 4), feedback("2024-03-01", 3)] };
    expect(churnIds(evaluateChurn(flat))).toEqual([]);
    expect(churnIds(evaluateChurn(raised))).toEqual(["churn.satisfaction-falling"]);
  });

  it("a recent order after a silent window can add narrowing-range (it needs at least one recent order)", () => {
    // Two categories before; none recently: order-drop (0 < 0.5 × 2) only. One order in one category: the
    // order drop goes (1 is not < 0.5 × 2), and narrowing-range (1 < 2 categories) comes.
    const silent = {
      ...base,
      activity: { previousOrders: 2, recentOrders: 0, previousCategories: 2, recentCategories: 0 },
    };
    const oneOrder = {
      ...base,
      activity: { previousOrders: 2, recentOrders: 1, previousCategories: 2, recentCategories: 1 },
    };
    expect(churnIds(evaluateChurn(silent))).toEqual(["churn.order-drop"]);
    expect(churnIds(evaluateChurn(oneOrder))).toEqual(["churn.narrowing-range"]);
  });

  it("a first follow-up, P(alive) or answer where there was none can add an alert: a missing metric never fires", () => {
    // Never followed up, no record or claim to count from: no-contact cannot fire (daysWithoutFollowUp is
    // missing). A visit 100 days ago: it does.
    const visit: Interaction = { customerId: ID, kind: "visit", date: offsetDay(-100) };
    expect(churnIds(evaluateChurn(base))).toEqual([]);
    expect(churnIds(evaluateChurn({ ...base, interactions: [visit] }))).toEqual(["churn.no-contact"]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// (b) and (c): accounts made from random records, evaluated with every pack and random settings.

const AS_OFS = ["2024-02-29", "2024-03-31", "2023-02-28", "2024-12-31"] as const;

interface World {
  asOf: string;
  records: AccountRecords;
  settings: SignalSettings;
}

function worldArb(asOf: string): fc.Arbitrary<World> {
  const asOfDay = parseDay(asOf) as number;
  const day = (min = -500, max = 10) => fc.integer({ min, max }).map((offset) => formatDay(asOfDay + offset));
  const stamp = timestampArb(asOfDay, -500, 10, ["Z", "", "+08:00", "-05:00", "+0530"]);
  const transaction: fc.Arbitrary<Transaction> = fc
    .record(
      {
        date: day(),
        amount: fc.integer({ min: 0, max: 500_000 }),
        kind: fc.constantFrom<Transaction["kind"]>("sale", "sale", "sale", "return", "cancellation"),
        orderId: fc.constantFrom("O1", "O2", "O3", "O4", "O5"),
        category: fc.constantFrom("tools", "paint", "glue"),
        product: fc.constantFrom("p1", "p2", "p3"),
      },
      { requiredKeys: ["date", "amount", "kind"] },
    )
    .map(({ amount, kind, ...rest }) => ({
      customerId: ID,
      currency: "USD",
      kind,
      amountMinor: kind === "sale" ? amount : -Math.min(amount, 50_000),
      ...rest,
    }));
  const interaction: fc.Arbitrary<Interaction> = fc
    .record(
      {
        kind: interactionKindArb,
        date: day(),
        openedAt: stamp,
        firstResponseAt: stamp,
        resolvedAt: stamp,
        satisfaction: fc.integer({ min: 1, max: 5 }),
        nps: fc.integer({ min: 0, max: 10 }),
        careType: fc.constantFrom("greeting" as const, "gift" as const),
      },
      { requiredKeys: ["kind", "date"] },
    )
    .map((fields) => ({ customerId: ID, ...fields }));
  const invoice: fc.Arbitrary<Invoice> = fc
    .record({
      issue: fc.integer({ min: -500, max: 10 }),
      term: fc.integer({ min: 0, max: 90 }),
      amount: fc.integer({ min: 0, max: 300_000 }),
      payments: fc.array(
        fc.record({ after: fc.integer({ min: -5, max: 300 }), share: fc.integer({ min: 0, max: 100 }) }),
        { maxLength: 3 },
      ),
    })
    .map(({ issue, term, amount, payments }) => ({
      id: `I${issue}-${term}-${amount}`,
      customerId: ID,
      issueDate: formatDay(asOfDay + issue),
      dueDate: formatDay(asOfDay + issue + term),
      amountMinor: amount,
      currency: "USD",
      payments: payments.map(({ after, share }) => ({
        date: formatDay(asOfDay + issue + after),
        amountMinor: Math.round((amount * share) / 100),
      })),
    }));
  const qualification: fc.Arbitrary<Qualification> = fc
    .record(
      {
        documentType: fc.constantFrom("business licence", "GMP certificate", "permit"),
        status: fc.constantFrom<Qualification["status"]>("active", "active", "pending", "revoked"),
        issued: day(-900, 10),
        expires: day(-100, 400),
        verifiedOn: day(-900, 10),
      },
      { requiredKeys: ["documentType", "status"] },
    )
    .map((fields) => ({ customerId: ID, ...fields }));
  const contact: fc.Arbitrary<Contact> = fc.record(
    {
      name: fc.constantFrom("Wang Li", "Zhao Min", "Ann"),
      birthday: fc.oneof(
        fc.constantFrom("1996-02-29", "--02-29", "--03-01", "1980-12-31", "--01-01"),
        day(-30_000, -3_000),
      ),
    },
    { requiredKeys: ["name"] },
  );
  const importantDate: fc.Arbitrary<ImportantDate> = fc.record(
    {
      kind: fc.constantFrom<ImportantDate["kind"]>(
        "founding",
        "cooperation-start",
        "contract-renewal",
        "contract-end",
        "other",
      ),
      date: fc.oneof(fc.constant("2020-02-29"), day(-4_000, 60)),
      label: fc.constantFrom("renewal", "anniversary"),
    },
    { requiredKeys: ["kind", "date"] },
  );
  const customerArb = fc
    .record(
      {
        createdDate: day(-900, 10),
        reviewedDate: day(-900, 10),
        creditLimitMinor: fc.integer({ min: 0, max: 400_000 }),
        contacts: fc.array(contact, { maxLength: 3 }),
        importantDates: fc.array(importantDate, { maxLength: 3 }),
      },
      { requiredKeys: [] },
    )
    .map((fields) => ({ id: ID, name: "Acme", currency: "USD", ...fields }));
  const tierValues = (max: number) =>
    fc.oneof(
      fc.integer({ min: 1, max }),
      fc.record({ key: fc.integer({ min: 1, max }), default: fc.integer({ min: 1, max }) }),
    );
  const settings: fc.Arbitrary<SignalSettings> = fc.record(
    {
      windowDays: fc.integer({ min: 1, max: 400 }),
      payWindowDays: fc.integer({ min: 1, max: 400 }),
      followUpCadenceDays: tierValues(120),
      responseTargetHours: tierValues(96),
      resolutionTargetHours: tierValues(300),
      pool: fc.record(
        {
          noFollowUpDays: fc.integer({ min: 0, max: 90 }),
          noDealDays: fc.integer({ min: 0, max: 200 }),
          warnDays: fc.integer({ min: 0, max: 30 }),
        },
        { requiredKeys: [] },
      ),
      care: fc.record(
        {
          lookAheadDays: fc.integer({ min: 0, max: 400 }),
          holidays: fc.constant([
            { date: "--01-01", name: "New Year" },
            { date: "--02-29", name: "Leap Day" },
            { date: "2025-01-29", name: "Spring Festival" },
          ]),
          tiers: fc.constant(["key"]),
        },
        { requiredKeys: [] },
      ),
      expiryWarningDays: fc.integer({ min: 0, max: 120 }),
      verificationReviewDays: fc.integer({ min: 0, max: 800 }),
      profileReviewDays: fc.integer({ min: 0, max: 400 }),
    },
    { requiredKeys: [] },
  );
  return fc
    .record({
      records: fc.record(
        {
          transactions: fc.array(transaction, { maxLength: 12 }),
          interactions: fc.array(interaction, { maxLength: 12 }),
          invoices: fc.array(invoice, { maxLength: 6 }),
          qualifications: fc.array(qualification, { maxLength: 4 }),
          customer: customerArb,
          tier: fc.constantFrom("key", "growth"),
          segment: fc.constantFrom("champions", "at risk"),
          pAlive: fc.double({ min: 0, max: 1, noNaN: true }),
          pool: fc.record(
            { claimedDate: day(-200, 10), locked: fc.boolean(), won: fc.boolean() },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: [] },
      ),
      settings,
    })
    .map(({ records, settings: chosen }) => ({ asOf, records, settings: chosen }));
}

const anyWorldArb = fc.constantFrom(...AS_OFS).chain(worldArb);

const evaluateWorld = (world: World, account: SignalAccount, locale: Locale = "en"): SignalResult =>
  runPacks(account, ALL_PACKS, { asOf: world.asOf, locale, settings: world.settings });

function shuffled<T>(items: readonly T[] | undefined, randoms: fc.Stream<number>): T[] | undefined {
  if (items === undefined) return undefined;
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = (randoms.next().value as number) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe("every pack: determinism and order", () => {
  test.prop([anyWorldArb])("the same account evaluates to deep-equal results", (world) => {
    const account = buildAccount(world.records, world.asOf);
    const first = evaluateWorld(world, account);
    expect(evaluateWorld(world, account)).toEqual(first);
    // A fresh account built from the same records, too (no state is kept between evaluations).
    expect(evaluateWorld(world, buildAccount(world.records, world.asOf))).toEqual(first);
  });

  test.prop([anyWorldArb, fc.infiniteStream(fc.nat())])(
    "the order of an account's records changes nothing",
    (world, randoms) => {
      const account = buildAccount(world.records, world.asOf);
      const { records } = world;
      const customer = records.customer;
      const reordered: SignalAccount = { ...account };
      const interactions = shuffled(records.interactions, randoms);
      const invoices = shuffled(records.invoices, randoms)?.map((entry) => {
        const payments = shuffled(entry.payments, randoms);
        return payments === undefined ? entry : { ...entry, payments };
      });
      const qualifications = shuffled(records.qualifications, randoms);
      if (interactions !== undefined) reordered.interactions = interactions;
      if (invoices !== undefined) reordered.invoices = invoices;
      if (qualifications !== undefined) reordered.qualifications = qualifications;
      if (customer !== undefined) {
        const contacts = shuffled(customer.contacts, randoms);
        const importantDates = shuffled(customer.importantDates, randoms);
        reordered.customer = {
          ...customer,
          ...(contacts === undefined ? {} : { contacts }),
          ...(importantDates === undefined ? {} : { importantDates }),
        };
      }
      expect(evaluateWorld(world, reordered)).toEqual(evaluateWorld(world, account));
    },
  );

  test.prop([
    fc.array(
      anyWorldArb.filter((world) => world.asOf === "2024-03-31"),
      { minLength: 2, maxLength: 4 },
    ),
  ])("an account's alerts, grades and scores do not depend on the other accounts", (worlds) => {
    // One policy for all: the first world's settings.
    const settings = worlds[0]?.settings ?? {};
    const accounts = worlds.map((world, i) => ({ ...buildAccount(world.records, world.asOf), id: `A${i}` }));
    const together = runPacks(accounts, ALL_PACKS, { asOf: "2024-03-31", settings });
    accounts.forEach((account, i) => {
      const alone = runPacks(account, ALL_PACKS, { asOf: "2024-03-31", settings });
      expect(together.accounts[i]).toEqual(alone.accounts[0]);
      expect(together.alerts.filter((alert) => alert.customerId === account.id)).toEqual(alone.alerts);
    });
  });
});

function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === "number") out.push(value);
  else if (Array.isArray(value)) for (const item of value) numbersIn(item, out);
  else if (typeof value === "object" && value !== null)
    for (const item of Object.values(value)) numbersIn(item, out);
  return out;
}

describe("every pack: no NaN or Infinity", () => {
  test.prop([anyWorldArb, fc.constantFrom<Locale>("en", "zh-CN")])(
    "evidence, grades, scores and messages hold only finite numbers",
    (world, locale) => {
      const result = evaluateWorld(world, buildAccount(world.records, world.asOf), locale);
      for (const value of numbersIn(result)) expect(Number.isFinite(value)).toBe(true);
      for (const alert of result.alerts) {
        expect(alert.message).not.toMatch(/NaN|Infinity|undefined|\{/);
        for (const evidence of alert.evidence) {
          // A rule fired: every piece of its evidence that held has a value (missing only for `missing` tests).
          if (evidence.test !== "missing" && evidence.negated !== true) expect(evidence.value).toBeDefined();
        }
      }
      for (const account of result.accounts) {
        for (const grade of Object.values(account.grades))
          expect(grade.reason ?? "").not.toMatch(/NaN|Infinity|undefined/);
        const health = account.scores.health?.value;
        expect(health).toBeGreaterThanOrEqual(0);
        expect(health).toBeLessThanOrEqual(100);
      }
    },
  );

  test.prop([anyWorldArb])("a message never shows a missing value (—) for a rule that fired", (world) => {
    const result = evaluateWorld(world, buildAccount(world.records, world.asOf));
    for (const alert of result.alerts)
      expect({ rule: alert.rule, message: alert.message }).not.toMatchObject({
        message: expect.stringContaining("—"),
      });
  });
});
