import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";
import { quantileType7 } from "../rfm/quantileType7.js";
import { complaintHours } from "./complaintHours.js";
import { isFollowUp } from "./followUp.js";
import type { SignalAccount } from "./SignalAccount.js";
import type { TierValues } from "./signalPolicySchema.js";

/**
 * The options of {@link signalKpis}.
 *
 * @example
 * ```ts
 * const options: SignalKpiOptions = { asOf: "2024-06-30", responseTargetHours: { key: 4, default: 24 } };
 * ```
 */
export interface SignalKpiOptions {
  /** The day the KPIs are computed for, `YYYY-MM-DD`; records dated after it are ignored. */
  asOf: string;
  /**
   * The window, in days, of the satisfaction and NPS answers and of the complaints counted:
   * (asOf − windowDays, asOf]. A positive whole number; default 365.
   */
  windowDays?: number | undefined;
  /** The first-response target in hours, per tier ({@link TierValues}); positive; default 24. */
  responseTargetHours?: TierValues | undefined;
  /** The resolution target in hours, per tier ({@link TierValues}); positive; default 72. */
  resolutionTargetHours?: TierValues | undefined;
  /** The longest gap, in days, allowed since the last follow-up, per tier ({@link TierValues}); positive; default 30. */
  followUpCadenceDays?: TierValues | undefined;
}

/**
 * The satisfaction answers (1–5) of a set of accounts.
 *
 * @example
 * ```ts
 * const satisfaction: SatisfactionKpi = { answers: 4, mean: 3.75, distribution: [0, 0, 1, 3, 0] };
 * ```
 */
export interface SatisfactionKpi {
  /** The number of answers. */
  answers: number;
  /** Their mean; `undefined` without answers. */
  mean?: number | undefined;
  /** How many answers were 1, 2, 3, 4 and 5. */
  distribution: [number, number, number, number, number];
}

/**
 * The Net Promoter Score of a set of accounts, from each account's latest answer.
 *
 * @example
 * ```ts
 * const nps: NpsKpi = { respondents: 4, promoters: 2, passives: 1, detractors: 1, score: 25 };
 * ```
 */
export interface NpsKpi {
  /** Accounts with an NPS answer in the window. */
  respondents: number;
  /** Of those, the accounts whose latest answer is 9 or 10. */
  promoters: number;
  /** … 7 or 8. */
  passives: number;
  /** … 0 to 6. */
  detractors: number;
  /** % promoters − % detractors, −100..100; `undefined` without respondents. */
  score?: number | undefined;
}

/**
 * Durations of one kind (first response, resolution) over a set of complaints, in hours.
 *
 * @example
 * ```ts
 * const time: TimeKpi = { measured: 4, median: 5, p90: 20.6, withinTarget: 0.75 };
 * ```
 */
export interface TimeKpi {
  /** The complaints measured (those whose response or resolution came by the end of `asOf`). */
  measured: number;
  /** The median, quantile type 7 (the mean of the two middle values for an even count); `undefined` when none. */
  median?: number | undefined;
  /** The 90th percentile, quantile type 7; `undefined` when none was measured. */
  p90?: number | undefined;
  /** The share (0..1) of the measured complaints that took at most their account's tier's target. */
  withinTarget?: number | undefined;
}

/**
 * The complaints of a set of accounts opened in the window.
 *
 * @example
 * ```ts
 * const complaints: ComplaintKpi = {
 *   count: 3,
 *   firstResponseHours: { measured: 2, median: 3, p90: 4.6, withinTarget: 1 },
 *   resolutionHours: { measured: 1, median: 50, p90: 50, withinTarget: 1 },
 * };
 * ```
 */
export interface ComplaintKpi {
  /** Complaints dated in the window. */
  count: number;
  /** Hours from opening to the first response. */
  firstResponseHours: TimeKpi;
  /** Hours from opening to the resolution. */
  resolutionHours: TimeKpi;
}

/**
 * The counts behind the shares of a {@link KpiSet}, so a share can be judged by its base.
 *
 * @example
 * ```ts
 * const counts: KpiCounts = {
 *   buyers: 10, repeatBuyers: 7, previousBuyers: 8, retainedBuyers: 6, followUpTracked: 12, followedUpInTime: 9,
 * };
 * ```
 */
export interface KpiCounts {
  /** Accounts with `features` and at least one order. */
  buyers: number;
  /** Of those, accounts with at least two orders. */
  repeatBuyers: number;
  /** Accounts with `activity` and an order in the previous window. */
  previousBuyers: number;
  /** Of those, accounts with an order in the recent window too. */
  retainedBuyers: number;
  /** Accounts with `interactions` (possibly none): the base of the follow-up compliance. */
  followUpTracked: number;
  /** Of those, accounts followed up within their tier's cadence. */
  followedUpInTime: number;
}

/**
 * Satisfaction and loyalty KPIs of a set of accounts (the portfolio, or one tier). A share is `undefined` when its
 * base is empty.
 *
 * @example
 * ```ts
 * const set: Pick<KpiSet, "accounts" | "repeatPurchaseRate" | "retention"> = {
 *   accounts: 12, repeatPurchaseRate: 0.7, retention: 0.75,
 * };
 * ```
 */
export interface KpiSet {
  /** The accounts in the set. */
  accounts: number;
  /** The satisfaction answers of feedback interactions dated in the window. */
  satisfaction: SatisfactionKpi;
  /** The NPS from each account's latest answer in the window (of several that day, the lowest). */
  nps: NpsKpi;
  /** Accounts with ≥ 2 orders ÷ accounts with ≥ 1 order (`features.orderCount`). */
  repeatPurchaseRate?: number | undefined;
  /** Accounts with an order in both windows ÷ accounts with an order in the previous window (`activity`). */
  retention?: number | undefined;
  /** The complaints opened in the window and how fast they were answered and resolved. */
  complaints: ComplaintKpi;
  /**
   * The share of the accounts with `interactions` whose last follow-up (visit, call, e-mail or meeting) up to
   * `asOf` is at most their tier's cadence ago; an account never followed up is not compliant.
   */
  followUpCompliance?: number | undefined;
  /** The bases of the shares. */
  counts: KpiCounts;
}

/**
 * The result of {@link signalKpis}: the KPIs of the whole portfolio and of each tier.
 *
 * @example
 * ```ts
 * const kpis: SignalKpis = signalKpis(accounts, { asOf: "2024-06-30" });
 * Object.keys(kpis.byTier); // => ["key", "strategic"]
 * ```
 */
export interface SignalKpis {
  /** Every account. */
  portfolio: KpiSet;
  /**
   * Tier → the KPIs of its accounts, for each tier found on an account (accounts without a tier are only in the
   * portfolio). A plain object without a prototype (`Object.create(null)`), so any tier name is safe as a key and
   * the result serialises to JSON; its keys are in ascending code-unit order.
   */
  byTier: Record<string, KpiSet>;
}

const MS_PER_DAY = 86_400_000;
const KNOWN = /* @__PURE__ */ new Set([
  "asOf",
  "windowDays",
  "responseTargetHours",
  "resolutionTargetHours",
  "followUpCadenceDays",
]);

/** A {@link TierValues} checked: tier → value, and the value of every other tier. */
interface ResolvedTierValues {
  readonly byTier: ReadonlyMap<string, number>;
  readonly other: number;
}

interface Resolved {
  readonly asOf: number;
  readonly windowFrom: number;
  readonly response: ResolvedTierValues;
  readonly resolution: ResolvedTierValues;
  readonly cadence: ResolvedTierValues;
}

function tierValue(values: ResolvedTierValues, tier: string | undefined): number {
  return tier === undefined ? values.other : (values.byTier.get(tier) ?? values.other);
}

function resolveOptions(options: SignalKpiOptions): Resolved {
  const issues: Issue[] = [];
  const problem = (path: readonly string[], reason: string): void => {
    issues.push(makeIssue("option.invalid", path, { field: path.join("."), reason }));
  };
  if (typeof options !== "object" || options === null) {
    problem(["options"], "expected an object with at least asOf");
    throw new KeyAccountError(issues);
  }
  for (const key of Object.keys(options)) if (!KNOWN.has(key)) problem([key], "unknown option");
  const asOfText: unknown = options.asOf;
  const asOf =
    typeof asOfText === "string" && asOfText.length === 10 ? parseDay(asOfText, "YYYY-MM-DD") : undefined;
  if (asOfText === undefined) problem(["asOf"], "required (the day of the KPIs, YYYY-MM-DD)");
  else if (asOf === undefined) problem(["asOf"], `${String(asOfText)} is not a date written YYYY-MM-DD`);
  const windowDays: unknown = options.windowDays ?? 365;
  if (typeof windowDays !== "number" || !Number.isSafeInteger(windowDays) || windowDays <= 0)
    problem(["windowDays"], `${String(windowDays)} is not a positive whole number of days`);
  const tierValues = (name: string, fallback: number, unit: string): ResolvedTierValues => {
    const given: unknown = (options as unknown as Record<string, unknown>)[name];
    const positive = (value: unknown): value is number =>
      typeof value === "number" && Number.isFinite(value) && value > 0;
    if (given === undefined) return { byTier: new Map(), other: fallback };
    if (typeof given === "number") {
      if (!positive(given)) problem([name], `${String(given)} is not a positive number of ${unit}`);
      return { byTier: new Map(), other: positive(given) ? given : fallback };
    }
    if (typeof given !== "object" || given === null || Array.isArray(given)) {
      problem([name], `expected a positive number of ${unit}, or an object of tier → ${unit}`);
      return { byTier: new Map(), other: fallback };
    }
    const byTier = new Map<string, number>();
    let other = fallback;
    for (const [tier, value] of Object.entries(given)) {
      if (!positive(value)) problem([name, tier], `${String(value)} is not a positive number of ${unit}`);
      else if (tier === "default") other = value;
      else byTier.set(tier, value);
    }
    return { byTier, other };
  };
  const response = tierValues("responseTargetHours", 24, "hours");
  const resolution = tierValues("resolutionTargetHours", 72, "hours");
  const cadence = tierValues("followUpCadenceDays", 30, "days");
  if (issues.length > 0 || asOf === undefined) throw new KeyAccountError(issues);
  return { asOf, windowFrom: asOf - (windowDays as number), response, resolution, cadence };
}

/** The running totals of one set of accounts. */
class KpiBuilder {
  accounts = 0;
  readonly satisfaction: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  satisfactionSum = 0;
  promoters = 0;
  passives = 0;
  detractors = 0;
  complaints = 0;
  readonly responseHours: number[] = [];
  responseWithin = 0;
  readonly resolutionHours: number[] = [];
  resolutionWithin = 0;
  readonly counts: KpiCounts = {
    buyers: 0,
    repeatBuyers: 0,
    previousBuyers: 0,
    retainedBuyers: 0,
    followUpTracked: 0,
    followedUpInTime: 0,
  };

  add(a: AccountKpis): void {
    this.accounts++;
    for (let i = 0; i < 5; i++)
      this.satisfaction[i] = (this.satisfaction[i] as number) + (a.satisfaction[i] ?? 0);
    this.satisfactionSum += a.satisfactionSum;
    if (a.nps !== undefined) {
      if (a.nps >= 9) this.promoters++;
      else if (a.nps >= 7) this.passives++;
      else this.detractors++;
    }
    this.complaints += a.complaints;
    for (const hours of a.responseHours) this.responseHours.push(hours);
    this.responseWithin += a.responseWithin;
    for (const hours of a.resolutionHours) this.resolutionHours.push(hours);
    this.resolutionWithin += a.resolutionWithin;
    const c = this.counts;
    if (a.orders !== undefined && a.orders >= 1) {
      c.buyers++;
      if (a.orders >= 2) c.repeatBuyers++;
    }
    if (a.previousOrders !== undefined && a.previousOrders > 0) {
      c.previousBuyers++;
      if (a.recentOrders !== undefined && a.recentOrders > 0) c.retainedBuyers++;
    }
    if (a.followUpTracked) {
      c.followUpTracked++;
      if (a.followedUpInTime) c.followedUpInTime++;
    }
  }

  build(): KpiSet {
    const answers = this.satisfaction.reduce((sum, n) => sum + n, 0);
    const respondents = this.promoters + this.passives + this.detractors;
    const c = this.counts;
    const set: KpiSet = {
      accounts: this.accounts,
      satisfaction: { answers, distribution: [...this.satisfaction] },
      nps: {
        respondents,
        promoters: this.promoters,
        passives: this.passives,
        detractors: this.detractors,
      },
      complaints: {
        count: this.complaints,
        firstResponseHours: timeKpi(this.responseHours, this.responseWithin),
        resolutionHours: timeKpi(this.resolutionHours, this.resolutionWithin),
      },
      counts: { ...c },
    };
    if (answers > 0) set.satisfaction.mean = this.satisfactionSum / answers;
    if (respondents > 0) set.nps.score = (100 * (this.promoters - this.detractors)) / respondents;
    if (c.buyers > 0) set.repeatPurchaseRate = c.repeatBuyers / c.buyers;
    if (c.previousBuyers > 0) set.retention = c.retainedBuyers / c.previousBuyers;
    if (c.followUpTracked > 0) set.followUpCompliance = c.followedUpInTime / c.followUpTracked;
    return set;
  }
}

function timeKpi(hours: readonly number[], within: number): TimeKpi {
  if (hours.length === 0) return { measured: 0 };
  const sorted = Float64Array.from(hours).sort();
  return {
    measured: sorted.length,
    median: quantileType7(sorted, 1, 2),
    p90: quantileType7(sorted, 9, 10),
    withinTarget: within / sorted.length,
  };
}

/** What one account adds to the sets it belongs to. */
interface AccountKpis {
  satisfaction: number[];
  satisfactionSum: number;
  nps: number | undefined;
  complaints: number;
  responseHours: number[];
  responseWithin: number;
  resolutionHours: number[];
  resolutionWithin: number;
  orders: number | undefined;
  previousOrders: number | undefined;
  recentOrders: number | undefined;
  followUpTracked: boolean;
  followedUpInTime: boolean;
}

function isWhole(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

function finiteOrUndefined(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function accountKpis(account: SignalAccount, o: Resolved): AccountKpis {
  const tier = account.tier;
  const responseTarget = tierValue(o.response, tier);
  const resolutionTarget = tierValue(o.resolution, tier);
  const endOfAsOfMs = (o.asOf + 1) * MS_PER_DAY;
  const a: AccountKpis = {
    satisfaction: [0, 0, 0, 0, 0],
    satisfactionSum: 0,
    nps: undefined,
    complaints: 0,
    responseHours: [],
    responseWithin: 0,
    resolutionHours: [],
    resolutionWithin: 0,
    orders: finiteOrUndefined(account.features?.orderCount),
    previousOrders: finiteOrUndefined(account.activity?.previousOrders),
    recentOrders: finiteOrUndefined(account.activity?.recentOrders),
    followUpTracked: account.interactions !== undefined,
    followedUpInTime: false,
  };
  let npsDay = Number.NEGATIVE_INFINITY;
  let lastFollowUp = Number.NEGATIVE_INFINITY;
  for (const interaction of account.interactions ?? []) {
    const day = parseDay(interaction.date, "YYYY-MM-DD");
    if (day === undefined || day > o.asOf) continue;
    const kind = interaction.kind;
    if (isFollowUp(kind)) {
      if (day > lastFollowUp) lastFollowUp = day;
      continue;
    }
    if (day <= o.windowFrom) continue;
    if (kind === "feedback") {
      const satisfaction = interaction.satisfaction;
      if (isWhole(satisfaction, 1, 5)) {
        a.satisfaction[satisfaction - 1] = (a.satisfaction[satisfaction - 1] as number) + 1;
        a.satisfactionSum += satisfaction;
      }
      const nps = interaction.nps;
      if (isWhole(nps, 0, 10) && (day > npsDay || (day === npsDay && nps < (a.nps as number)))) {
        npsDay = day;
        a.nps = nps;
      }
    } else if (kind === "complaint") {
      a.complaints++;
      const hours = complaintHours(interaction, endOfAsOfMs);
      if (hours?.response !== undefined) {
        a.responseHours.push(hours.response);
        if (hours.response <= responseTarget) a.responseWithin++;
      }
      if (hours?.resolution !== undefined) {
        a.resolutionHours.push(hours.resolution);
        if (hours.resolution <= resolutionTarget) a.resolutionWithin++;
      }
    }
  }
  a.followedUpInTime = o.asOf - lastFollowUp <= tierValue(o.cadence, tier);
  return a;
}

/**
 * Satisfaction and loyalty KPIs of a portfolio and of each tier: satisfaction answers, NPS, repeat-purchase rate,
 * retention, complaint response and resolution times against per-tier targets, and follow-up compliance against
 * per-tier cadences. Accounts without a `tier` count in the portfolio only. A KPI reads only the parts of an
 * account it needs, and an account without that part is outside that KPI's base (see {@link KpiCounts}).
 *
 * - Satisfaction: every whole 1–5 `satisfaction` of a `feedback` interaction dated in (asOf − windowDays, asOf].
 * - NPS: each account's latest whole 0–10 `nps` answer of a feedback interaction in the window (of several on
 *   that day, the lowest); promoters 9–10, passives 7–8, detractors 0–6; score = % promoters − % detractors.
 * - Repeat purchase rate: accounts with `features.orderCount` ≥ 2 ÷ those with ≥ 1.
 * - Retention: accounts with `activity.previousOrders` > 0 and `activity.recentOrders` > 0 ÷ those with
 *   `previousOrders` > 0 (see {@link purchaseActivity}).
 * - Complaints: those dated in the window. A complaint's hours run from `openedAt` (else 00:00 UTC of its date)
 *   to `firstResponseAt` / `resolvedAt`, when that came by the end of `asOf`; timestamps without an offset are
 *   UTC, never the local time of the machine. Median and 90th percentile by quantile type 7; the share within
 *   target compares each complaint with its own account's tier target.
 * - Follow-up compliance: of the accounts with `interactions`, the share whose last visit, call, e-mail or
 *   meeting dated up to `asOf` is at most their tier's cadence of days ago (never followed up: not compliant).
 *
 * Records dated after `asOf` are ignored; the result does not depend on the order of the accounts or of their
 * records, and no value is `NaN`.
 *
 * @param accounts - The accounts, each once.
 * @param options - The day, the window, and the targets and cadences per tier; see {@link SignalKpiOptions}.
 * @returns The portfolio's KPIs and each tier's.
 * @throws {KeyAccountError} listing every bad option at once (`option.invalid`): `asOf` missing or not a date
 * written `YYYY-MM-DD`, `windowDays` not a positive whole number, a target or cadence (or one of its tier
 * entries) that is not a positive number, an unknown option.
 *
 * @example
 * ```ts
 * const accounts: SignalAccount[] = [
 *   {
 *     id: "A",
 *     tier: "key",
 *     interactions: [
 *       { customerId: "A", kind: "feedback", date: "2024-06-01", nps: 10, satisfaction: 5 },
 *       { customerId: "A", kind: "visit", date: "2024-06-20" },
 *       { customerId: "A", kind: "complaint", date: "2024-06-03",
 *         openedAt: "2024-06-03T08:00:00Z", firstResponseAt: "2024-06-03T10:00:00Z" },
 *     ],
 *   },
 *   { id: "B", interactions: [{ customerId: "B", kind: "feedback", date: "2024-05-02", nps: 3, satisfaction: 2 }] },
 * ];
 * const kpis = signalKpis(accounts, { asOf: "2024-06-30", followUpCadenceDays: { key: 14, default: 30 } });
 * kpis.portfolio.nps.score; // => 0
 * kpis.portfolio.satisfaction.mean; // => 3.5
 * kpis.portfolio.followUpCompliance; // => 0.5
 * kpis.byTier.key?.complaints.firstResponseHours; // => { measured: 1, median: 2, p90: 2, withinTarget: 1 }
 * ```
 */
export function signalKpis(accounts: readonly SignalAccount[], options: SignalKpiOptions): SignalKpis {
  const resolved = resolveOptions(options);
  const portfolio = new KpiBuilder();
  const tiers = new Map<string, KpiBuilder>();
  for (const account of accounts) {
    const kpis = accountKpis(account, resolved);
    portfolio.add(kpis);
    const tier = account.tier;
    if (tier === undefined) continue;
    let builder = tiers.get(tier);
    if (builder === undefined) {
      builder = new KpiBuilder();
      tiers.set(tier, builder);
    }
    builder.add(kpis);
  }
  const byTier: Record<string, KpiSet> = Object.create(null);
  for (const tier of [...tiers.keys()].sort()) byTier[tier] = (tiers.get(tier) as KpiBuilder).build();
  return { portfolio: portfolio.build(), byTier };
}
