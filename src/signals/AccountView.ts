// One account as the metric readers see it: the account, its facts and care dates computed on first use, and its
// tier's settings. Internal.
import { parseDay } from "../model/parseDay.js";
import { type AccountFactOptions, type AccountFacts, accountFacts } from "./accountFacts.js";
import type { SignalAccount } from "./SignalAccount.js";
import type { SignalSettings, TierValues } from "./signalPolicySchema.js";
import { type CareDate, careDatesWithin, type ResolvedCareOptions } from "./upcomingCareDates.js";

/** The numeric settings of one tier, resolved once per tier and evaluation. */
export interface TierSettings {
  followUpCadenceDays: number;
  responseTargetHours: number;
  resolutionTargetHours: number;
  expiryWarningDays: number;
  verificationReviewDays: number;
  profileReviewDays: number;
  /** The options of accountFacts for the tier. */
  facts: AccountFactOptions;
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
  asOf: string,
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
        facts: {
          asOf,
          windowDays: settings.windowDays ?? 90,
          payWindowDays: settings.payWindowDays ?? 180,
          responseTargetHours,
          resolutionTargetHours,
        },
        care: careTiers === undefined || (tier !== undefined && careTiers.includes(tier)),
      };
      byTier.set(tier, resolved);
    }
    return resolved;
  };
}

export class AccountView {
  readonly account: SignalAccount;
  readonly context: SignalContext;
  /** The account's tier's settings. */
  readonly settings: TierSettings;
  private cachedFacts: AccountFacts | undefined;
  private cachedClaimDay: number | undefined | null = null;
  private cachedCareDates: CareDate[] | undefined;

  constructor(account: SignalAccount, context: SignalContext) {
    this.account = account;
    this.context = context;
    this.settings = context.settingsFor(account.tier);
  }

  /** The facts of the account's records, computed once. */
  facts(): AccountFacts {
    this.cachedFacts ??= accountFacts(this.account, this.settings.facts);
    return this.cachedFacts;
  }

  /**
   * The account's care dates in the policy's look-ahead window (default 14 days), soonest first; none without a
   * customer record, or when the account's tier is not among the care settings' tiers.
   */
  careDates(): CareDate[] {
    if (this.cachedCareDates === undefined) {
      const customer = this.account.customer;
      this.cachedCareDates =
        customer === undefined || !this.settings.care ? [] : careDatesWithin(customer, this.context.care);
    }
    return this.cachedCareDates;
  }

  /** The day the owner claimed the account, else the customer record's creation day. */
  claimDay(): number | undefined {
    if (this.cachedClaimDay === null) {
      const claimed = this.account.pool?.claimedDate ?? this.account.customer?.createdDate;
      const day = claimed === undefined ? undefined : parseDay(claimed, "YYYY-MM-DD");
      this.cachedClaimDay = day !== undefined && day <= this.context.asOfDay ? day : undefined;
    }
    return this.cachedClaimDay;
  }

  /** Days since the later of the last follow-up and the claim; `undefined` when neither is known. */
  daysSinceFollowUpOrClaim(): number | undefined {
    return this.sinceLaterOf(this.facts().daysSinceLastFollowUp);
  }

  /** Days since the later of the last purchase and the claim. */
  daysSinceDealOrClaim(): number | undefined {
    return this.sinceLaterOf(this.account.features?.daysSinceLastPurchase);
  }

  private sinceLaterOf(daysSince: number | undefined): number | undefined {
    const claim = this.claimDay();
    const sinceClaim = claim === undefined ? undefined : this.context.asOfDay - claim;
    if (daysSince === undefined) return sinceClaim;
    return sinceClaim === undefined ? daysSince : Math.min(daysSince, sinceClaim);
  }
}
