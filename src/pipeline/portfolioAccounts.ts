// The accounts of a portfolio result, made one at a time from the stages' columns. Module-level functions, apart
// from the pipeline's working state (the grouped lines, the id maps, the scorecard's inputs): a closure made
// there would keep all of it alive for as long as the result lives. Internal to the pipeline.
import type { Locale } from "../model/locale.js";
import type { ProfitTable } from "../profit/profitTable.js";
import type { RfmResult } from "../rfm/rfm.js";
import type { AccountSignals, SignalAlert, SignalResult } from "../signals/evaluateSignals.js";
import type { LazyList } from "../signals/LazyList.js";
import type { SignalAccount } from "../signals/SignalAccount.js";
import type { SignalTask } from "../signals/signalTasks.js";
import type { TierAssignment } from "../tier/assignTiers.js";
import type { Scorecard } from "../tier/scoreAccounts.js";
import { tierReasonText } from "../tier/tierReasonText.js";
import type { PortfolioAccount, PortfolioResult } from "./PortfolioResult.js";

/** What an account is made of: the stages' results, by the accounts' positions. */
export interface AccountParts {
  tiers: TierAssignment;
  scorecard: Scorecard;
  rfm: RfmResult;
  /** Each account's row in `rfm`, −1 without one. */
  rfmOf: Int32Array;
  /** The accounts as the signals read them (their customer records). */
  accounts: readonly SignalAccount[];
  profit: ProfitTable;
  abcOf: readonly PortfolioAccount["abc"][];
  fitted: { valueMinor: ArrayLike<number>; pAlive: ArrayLike<number>; expectedPurchases: ArrayLike<number> };
  /** Account i's alerts' positions in `signals.alertList`. */
  alertsAt: (account: number) => Int32Array;
  signals: SignalResult;
  labelOf: ReadonlyMap<string, string>;
  segmentLabel: (segment: string) => string;
  locale: Locale;
}

/** A model output, undefined for the NaN that marks none. */
export const orUndefined = (value: number | undefined): number | undefined =>
  value === undefined || Number.isNaN(value) ? undefined : value;

/**
 * Each account's row in the RFM result (whose ids are a subsequence of the accounts', in the same order), −1
 * for an account without one.
 */
export function rfmPositions(ids: readonly string[], rfmIds: readonly string[]): Int32Array {
  const positions = new Int32Array(ids.length).fill(-1);
  for (let i = 0, k = 0; i < ids.length && k < rfmIds.length; i++)
    if (ids[i] === rfmIds[k]) {
      positions[i] = k;
      k++;
    }
  return positions;
}

/** A function making the account at a position. */
export function portfolioAccountReader(parts: AccountParts): (i: number) => PortfolioAccount {
  const { tiers, scorecard, rfm, rfmOf, accounts, profit, abcOf, fitted, alertsAt, signals } = parts;
  const dimensionNames = scorecard.policy.dimensions.map((dimension) => dimension.name);
  return (i) => {
    const tiered = tiers.account(i);
    const k = rfmOf[i] as number;
    const customer = (accounts[i] as SignalAccount).customer;
    const dimensions: Record<string, number> = {};
    dimensionNames.forEach((name, d) => {
      dimensions[name] = scorecard.dimensionScores[d]?.[i] as number;
    });
    const segment = k < 0 ? undefined : (rfm.map.segments[rfm.segmentIndex[k] as number] as string);
    const account: Omit<PortfolioAccount, "grades" | "scores" | "alerts"> = {
      id: tiered.id,
      name: customer?.name,
      owner: customer?.owner,
      tier: tiered.tier,
      tierLabel: parts.labelOf.get(tiered.tier) as string,
      previousTier: tiered.previousTier,
      changed: tiered.changed,
      periodsBelow: tiered.periodsBelow,
      score: tiered.score,
      dimensions,
      reasons: tiered.reasons,
      reasonText: tierReasonText(tiered.reasons, scorecard.policy, parts.locale),
      rfm:
        segment === undefined
          ? undefined
          : {
              r: rfm.r[k] as number,
              f: rfm.f[k] as number,
              m: rfm.m[k] as number,
              code: `${rfm.r[k]}${rfm.f[k]}${rfm.m[k]}`,
              segment,
              segmentLabel: parts.segmentLabel(segment),
            },
      revenueMinor: profit.netRevenueMinor[i] as number,
      grossMarginMinor: profit.grossMarginMinor[i] as number,
      costToServeMinor: profit.costToServeMinor[i] as number,
      profitMinor: profit.profitMinor[i] as number,
      abc: abcOf[i] as PortfolioAccount["abc"],
      clvMinor: orUndefined(fitted.valueMinor[i]),
      pAlive: orUndefined(fitted.pAlive[i]),
      expectedPurchases: orUndefined(fitted.expectedPurchases[i]),
      alertCounts: { critical: 0, warning: 0, info: 0 },
    };
    const alertPositions = alertsAt(i);
    for (const alert of alertPositions) account.alertCounts[signals.alertList.ruleOf(alert).severity]++;
    // The alerts, grades and scores, with their words and evidence, are the block's signals evaluated again: made
    // when read.
    let alerts: SignalAlert[] | undefined;
    let explained: AccountSignals | undefined;
    const explain = (): AccountSignals => {
      explained ??= signals.account(i);
      return explained;
    };
    return Object.defineProperties(account, {
      alerts: {
        get: () => {
          alerts ??= Array.from(alertPositions, (alert) => signals.alertList.at(alert) as SignalAlert);
          return alerts;
        },
        enumerable: true,
      },
      grades: { get: () => explain().grades, enumerable: true },
      scores: { get: () => explain().scores, enumerable: true },
    }) as PortfolioAccount;
  };
}

/**
 * The result with `accounts` and `tasks` (made on first read), `account(i)` (made when asked) and `taskList` (each
 * task made when read).
 */
export function withAccounts(
  parts: Omit<PortfolioResult, "accounts" | "account" | "tasks" | "taskList">,
  taskList: LazyList<SignalTask>,
  count: number,
  accountAt: (i: number) => PortfolioAccount,
): PortfolioResult {
  let made: PortfolioAccount[] | undefined;
  let tasks: SignalTask[] | undefined;
  const result = {
    ...parts,
    get accounts(): PortfolioAccount[] {
      made ??= Array.from({ length: count }, (_, i) => accountAt(i));
      return made;
    },
    get tasks(): SignalTask[] {
      tasks ??= taskList.toArray();
      return tasks;
    },
  };
  // Not enumerable: comparing or serialising a result sees its data, as it always has.
  return Object.defineProperties(result, {
    account: { value: (index: number) => made?.[index] ?? accountAt(index), enumerable: false },
    taskList: { value: taskList, enumerable: false },
  }) as PortfolioResult;
}
