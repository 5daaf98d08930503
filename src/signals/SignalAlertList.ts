import type { SignalAlert } from "./evaluateSignals.js";
import { LazyList } from "./LazyList.js";
import type { SignalSeverity } from "./signalPolicySchema.js";

/**
 * What an alert says before its words: the rule's id, severity and category.
 *
 * @example
 * ```ts
 * const rule: SignalRuleInfo = { id: "credit.overdue-90-plus", severity: "critical", category: "credit" };
 * ```
 */
export interface SignalRuleInfo {
  /** The rule's id. */
  readonly id: string;
  /** The rule's severity. */
  readonly severity: SignalSeverity;
  /** The rule's category. */
  readonly category: string;
}

/**
 * The alerts of a signal result, in their order (critical first, then warning, then info; within a severity by
 * account, then rule), kept as which rule fired for which account. An alert's message and evidence are made when
 * it is read, so a portfolio of a million accounts holds a few bytes per alert, not an object with its words.
 * Read them as any {@link LazyList}; {@link SignalAlertList.accountOf} and {@link SignalAlertList.ruleOf} say
 * whose alert it is and what it is without making it. Reading in order evaluates each block of accounts once per
 * severity; {@link SignalAlertList.toArray} evaluates it once.
 *
 * @example
 * ```ts
 * const { alertList } = evaluateSignals(accounts, { version: 1, include: ["credit"] }, { asOf: "2024-06-30" });
 * alertList.length; // => 1
 * alertList.ruleOf(0).severity; // => "critical"
 * alertList.accountOf(0); // => 0 (the account's position in the input)
 * alertList.at(0)?.message; // => "$500.00 is more than 90 days past due."
 * ```
 */
export class SignalAlertList extends LazyList<SignalAlert> {
  private readonly accounts: Int32Array;
  private readonly rules: Int32Array;
  private readonly ruleInfo: readonly SignalRuleInfo[];
  private readonly makeAlert: (account: number, rule: number) => SignalAlert;

  /**
   * The list of the alerts `make(accounts[k], rules[k])`; made by {@link evaluateSignals}.
   *
   * @param accounts - Each alert's account, by its position in the evaluated accounts.
   * @param rules - Each alert's rule, by its position in `ruleInfo`.
   * @param ruleInfo - The rules.
   * @param make - Makes the alert of a rule for an account.
   */
  constructor(
    accounts: Int32Array,
    rules: Int32Array,
    ruleInfo: readonly SignalRuleInfo[],
    make: (account: number, rule: number) => SignalAlert,
  ) {
    super(accounts.length, (k) => make(accounts[k] as number, rules[k] as number));
    this.accounts = accounts;
    this.rules = rules;
    this.ruleInfo = ruleInfo;
    this.makeAlert = make;
  }

  /**
   * The position (in the evaluated accounts) of the account alert `index` is for.
   *
   * @param index - The alert's position, 0 ≤ index < length.
   * @returns The account's position.
   * @throws {RangeError} outside the list.
   */
  accountOf(index: number): number {
    return this.accounts[this.checked(index)] as number;
  }

  /**
   * The rule that raised alert `index`: its id, severity and category.
   *
   * @param index - The alert's position, 0 ≤ index < length.
   * @returns The rule.
   * @throws {RangeError} outside the list.
   */
  ruleOf(index: number): SignalRuleInfo {
    return this.ruleInfo[this.rules[this.checked(index)] as number] as SignalRuleInfo;
  }

  /**
   * Every alert, in order, made now. They are made account by account (each severity's alerts are in account
   * order: the runs are merged), so each block of accounts is evaluated once, where reading in order evaluates it
   * once per severity.
   *
   * @returns A new array of the alerts.
   */
  override toArray(): SignalAlert[] {
    const { accounts, length } = this;
    const list = new Array<SignalAlert>(length);
    // The runs of alerts in account order: one per severity that has alerts.
    const next: number[] = [];
    const ends: number[] = [];
    for (let k = 0; k < length; k++) {
      if (k > 0 && (accounts[k] as number) >= (accounts[k - 1] as number)) continue;
      if (k > 0) ends.push(k);
      next.push(k);
    }
    if (length > 0) ends.push(length);
    for (let made = 0; made < length; made++) {
      let run = -1;
      for (let r = 0; r < next.length; r++) {
        const k = next[r] as number;
        if (
          k < (ends[r] as number) &&
          (run < 0 || (accounts[k] as number) < (accounts[next[run] as number] as number))
        )
          run = r;
      }
      const k = next[run] as number;
      list[k] = this.makeAlert(accounts[k] as number, this.rules[k] as number);
      next[run] = k + 1;
    }
    return list;
  }
}
