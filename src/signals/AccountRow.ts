// One account as the metric readers see it: a cursor moved from account to account, holding the account, its
// tier's settings, and the facts its policy needs (record facts, claim day, next care date), computed when it
// moves and kept in reused fields, so reading a portfolio allocates nothing per account. Internal.
import { parseDay } from "../model/parseDay.js";
import { type FactLimits, FactSheet, factLimits } from "./FactSheet.js";
import type { SignalAccount } from "./SignalAccount.js";
import type { SignalSettings, TierValues } from "./signalPolicySchema.js";
import {
  CARE_DATE_KINDS,
  type CareDateKind,
  type CareDateVisitor,
  type ResolvedCareOptions,
  visitCareDates,
} from "./upcomingCareDates.js";

/** The numeric settings of one tier, resolved once per tier and evaluation. */
export interface TierSettings {
  followUpCadenceDays: number;
  responseTargetHours: number;
  resolutionTargetHours: number;
  expiryWarningDays: number;
  verificationReviewDays: number;
  profileReviewDays: number;
  /** The day, windows and targets of the tier's record facts. */
  facts: FactLimits;
  /** Whether the tier gets care dates. */
  care: boolean;
}

/** What every account of one evaluation shares: the day, the settings, the care options. */
export interface SignalContext {
  asOf: string;
  asOfDay: number;
  settings: SignalSettings;
  /** The care date options, checked once. */
  care: ResolvedCareOptions;
  settingsFor(tier: string | undefined): TierSettings;
}

/** A per-tier setting for a tier: its own value, else `default`, else the built-in default. */
function tierValue(values: TierValues | undefined, tier: string | undefined, fallback: number): number {
  if (values === undefined) return fallback;
  if (typeof values === "number") return values;
  if (tier !== undefined && Object.hasOwn(values, tier)) return values[tier] as number;
  return Object.hasOwn(values, "default") ? (values.default as number) : fallback;
}

/** The settings of every tier met, each resolved on first use (defaults filled in). */
export function tierSettings(
  asOfDay: number,
  settings: SignalSettings,
): (tier: string | undefined) => TierSettings {
  const byTier = new Map<string | undefined, TierSettings>();
  return (tier) => {
    let resolved = byTier.get(tier);
    if (resolved === undefined) {
      const responseTargetHours = tierValue(settings.responseTargetHours, tier, 24);
      const resolutionTargetHours = tierValue(settings.resolutionTargetHours, tier, 72);
      const careTiers = settings.care?.tiers;
      resolved = {
        followUpCadenceDays: tierValue(settings.followUpCadenceDays, tier, 30),
        responseTargetHours,
        resolutionTargetHours,
        expiryWarningDays: settings.expiryWarningDays ?? 30,
        verificationReviewDays: settings.verificationReviewDays ?? 365,
        profileReviewDays: settings.profileReviewDays ?? 180,
        facts: factLimits(asOfDay, {
          windowDays: settings.windowDays,
          payWindowDays: settings.payWindowDays,
          responseTargetHours,
          resolutionTargetHours,
        }),
        care: careTiers === undefined || (tier !== undefined && careTiers.includes(tier)),
      };
      byTier.set(tier, resolved);
    }
    return resolved;
  };
}

/** What a metric needs computed when the row moves to an account (bits, combined with `|`). */
export const NEEDS_INTERACTION_FACTS = 1;
export const NEEDS_INVOICE_FACTS = 2;
export const NEEDS_DOCUMENT_FACTS = 4;
export const NEEDS_PROFILE_FACTS = 8;
export const NEEDS_CLAIM = 16;
export const NEEDS_CARE = 32;

const NO_ACCOUNT: SignalAccount = { id: "" };

export class AccountRow {
  readonly context: SignalContext;
  private readonly needs: number;
  /** The account the row is on. */
  account: SignalAccount = NO_ACCOUNT;
  /** The account's tier's settings. */
  settings: TierSettings;
  /** The facts of the account's records (the groups the row needs). */
  readonly facts: FactSheet = new FactSheet();
  /** Whether the account has at least one invoice. */
  hasInvoices = false;
  /** Whether the account has at least one qualification document. */
  hasDocuments = false;
  /** The day the owner claimed the account, else the record's creation day; NaN when unknown or after asOf. */
  claimDay: number = Number.NaN;
  /** Days until the account's next care date in the look-ahead; NaN without one. */
  careDaysUntil: number = Number.NaN;
  /** The kind of that care date. */
  careKind: CareDateKind | undefined;
  private careRank = 0;
  private readonly visitCareDate: CareDateVisitor;

  constructor(context: SignalContext, needs: number) {
    this.context = context;
    this.needs = needs;
    this.settings = context.settingsFor(undefined);
    const start = context.care.start;
    // The earliest care date, and of one day the kind that sorts first (upcomingCareDates' order).
    this.visitCareDate = (kind, day) => {
      const daysUntil = day - start;
      const rank = CARE_DATE_KINDS.indexOf(kind);
      if (
        Number.isNaN(this.careDaysUntil) ||
        daysUntil < this.careDaysUntil ||
        (daysUntil === this.careDaysUntil && rank < this.careRank)
      ) {
        this.careDaysUntil = daysUntil;
        this.careKind = kind;
        this.careRank = rank;
      }
    };
  }

  /** Moves the row to an account and computes what the row's metrics need. */
  moveTo(account: SignalAccount): void {
    this.account = account;
    const settings = this.context.settingsFor(account.tier);
    this.settings = settings;
    const needs = this.needs;
    const asOf = this.context.asOfDay;
    if ((needs & NEEDS_INTERACTION_FACTS) !== 0)
      this.facts.readInteractions(account.interactions, settings.facts);
    if ((needs & NEEDS_INVOICE_FACTS) !== 0) {
      this.hasInvoices = (account.invoices?.length ?? 0) > 0;
      this.facts.readInvoices(account.invoices, settings.facts);
    }
    if ((needs & NEEDS_DOCUMENT_FACTS) !== 0) {
      this.hasDocuments = (account.qualifications?.length ?? 0) > 0;
      this.facts.readDocuments(account.qualifications, asOf);
    }
    if ((needs & NEEDS_PROFILE_FACTS) !== 0) this.facts.readProfile(account.customer, asOf);
    if ((needs & NEEDS_CLAIM) !== 0) {
      const claimed = account.pool?.claimedDate ?? account.customer?.createdDate;
      const day = claimed === undefined ? undefined : parseDay(claimed, "YYYY-MM-DD");
      this.claimDay = day !== undefined && day <= asOf ? day : Number.NaN;
    }
    if ((needs & NEEDS_CARE) !== 0) {
      this.careDaysUntil = Number.NaN;
      this.careKind = undefined;
      const customer = account.customer;
      if (customer !== undefined && settings.care)
        visitCareDates(customer, this.context.care, this.visitCareDate);
    }
  }

  /** Days since the later of the last follow-up and the claim; `undefined` when neither is known. */
  daysSinceFollowUpOrClaim(): number | undefined {
    const since = this.facts.daysSinceLastFollowUp;
    return this.sinceLaterOf(Number.isNaN(since) ? undefined : since);
  }

  /**
   * Days until the account returns to the shared pool by the policy's pool rule (0 or less: due); `undefined`
   * without a pool rule, for locked or won accounts, or when neither limit can be counted.
   */
  poolDaysLeft(): number | undefined {
    const pool = this.context.settings.pool;
    const state = this.account.pool;
    if (pool === undefined || state?.locked === true || state?.won === true) return undefined;
    const sinceFollowUp = pool.noFollowUpDays === undefined ? undefined : this.daysSinceFollowUpOrClaim();
    const sinceDeal =
      pool.noDealDays === undefined
        ? undefined
        : this.sinceLaterOf(this.account.features?.daysSinceLastPurchase);
    const byFollowUp =
      sinceFollowUp === undefined ? undefined : (pool.noFollowUpDays as number) - sinceFollowUp;
    const byDeal = sinceDeal === undefined ? undefined : (pool.noDealDays as number) - sinceDeal;
    if (byFollowUp === undefined) return byDeal;
    return byDeal === undefined ? byFollowUp : Math.min(byFollowUp, byDeal);
  }

  private sinceLaterOf(daysSince: number | undefined): number | undefined {
    const claim = this.claimDay;
    const sinceClaim = Number.isNaN(claim) ? undefined : this.context.asOfDay - claim;
    if (daysSince === undefined) return sinceClaim;
    return sinceClaim === undefined ? daysSince : Math.min(daysSince, sinceClaim);
  }
}
