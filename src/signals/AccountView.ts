// One account as the compiled rules see it: the account, its facts computed on first use, and its grades and
// scores computed on first use through the compiled policy. Internal.
import { parseDay } from "../model/parseDay.js";
import { type AccountFacts, accountFacts } from "./accountFacts.js";
import type { SignalAccount } from "./SignalAccount.js";
import type { SignalSettings, TierValues } from "./signalPolicySchema.js";
import { type CareDate, upcomingCareDates } from "./upcomingCareDates.js";

/** What every account of one evaluation shares: the day, the settings, and the compiled grades and scores. */
export interface SignalContext {
  asOf: string;
  asOfDay: number;
  settings: SignalSettings;
  grade(view: AccountView, name: string): string | undefined;
  score(view: AccountView, name: string): number | undefined;
}

const DEFAULTS = {
  windowDays: 90,
  payWindowDays: 180,
  followUpCadenceDays: 30,
  responseTargetHours: 24,
  resolutionTargetHours: 72,
  expiryWarningDays: 30,
  verificationReviewDays: 365,
  profileReviewDays: 180,
} as const;

/** A per-tier setting for a tier: its own value, else `default`, else the built-in default. */
export function tierValue(
  values: TierValues | undefined,
  tier: string | undefined,
  fallback: number,
): number {
  if (values === undefined) return fallback;
  if (typeof values === "number") return values;
  if (tier !== undefined && Object.hasOwn(values, tier)) return values[tier] as number;
  return Object.hasOwn(values, "default") ? (values.default as number) : fallback;
}

export class AccountView {
  readonly account: SignalAccount;
  readonly context: SignalContext;
  private cachedFacts: AccountFacts | undefined;
  private cachedClaimDay: number | undefined | null = null;
  private cachedCareDates: CareDate[] | undefined;
  private memo: Map<string, unknown> | undefined;

  constructor(account: SignalAccount, context: SignalContext) {
    this.account = account;
    this.context = context;
  }

  /** A value computed once per account under a key (grades and scores). */
  remember<T>(key: string, compute: () => T): T {
    this.memo ??= new Map();
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = compute();
    this.memo.set(key, value);
    return value;
  }

  /** The facts of the account's records, computed once. */
  facts(): AccountFacts {
    if (this.cachedFacts === undefined) {
      const { settings, asOf } = this.context;
      this.cachedFacts = accountFacts(this.account, {
        asOf,
        windowDays: settings.windowDays ?? DEFAULTS.windowDays,
        payWindowDays: settings.payWindowDays ?? DEFAULTS.payWindowDays,
        responseTargetHours: this.setting("responseTargetHours"),
        resolutionTargetHours: this.setting("resolutionTargetHours"),
      });
    }
    return this.cachedFacts;
  }

  /**
   * The account's care dates in the policy's look-ahead window (default 14 days), soonest first; none without a
   * customer record, or when the account's tier is not among the care settings' tiers.
   */
  careDates(): CareDate[] {
    if (this.cachedCareDates === undefined) {
      const care = this.context.settings.care;
      const customer = this.account.customer;
      const tier = this.account.tier;
      const inScope = care?.tiers === undefined || (tier !== undefined && care.tiers.includes(tier));
      this.cachedCareDates =
        customer === undefined || !inScope
          ? []
          : upcomingCareDates(customer, {
              asOf: this.context.asOf,
              lookAheadDays: care?.lookAheadDays ?? 14,
              ...(care?.kinds === undefined ? {} : { kinds: care.kinds }),
              ...(care?.holidays === undefined ? {} : { holidays: care.holidays }),
            });
    }
    return this.cachedCareDates;
  }

  /** A per-tier or plain setting with its default. */
  setting(name: keyof typeof DEFAULTS): number {
    const value = this.context.settings[name];
    return tierValue(value, this.account.tier, DEFAULTS[name]);
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
