import type { Locale } from "../model/locale.js";
import { BlockEvaluator } from "./BlockEvaluator.js";
import { type CompiledPolicy, compilePolicy } from "./compilePolicy.js";
import type { EvaluatedCondition } from "./evaluateCondition.js";
import type { SignalAccount } from "./SignalAccount.js";
import { SignalAlertList } from "./SignalAlertList.js";
import type { SignalEvidence } from "./SignalEvidence.js";
import { BLOCK, SignalReader } from "./SignalReader.js";
import type { SignalPolicy, SignalSeverity } from "./signalPolicySchema.js";

/**
 * Options of {@link evaluateSignals}.
 *
 * @example
 * ```ts
 * const options: SignalOptions = { asOf: "2024-06-30", locale: "zh-CN" };
 * ```
 */
export interface SignalOptions {
  /** The day the signals are evaluated for, `YYYY-MM-DD` (the same day as the features'). */
  asOf: string;
  /** The language of the messages; default `en`. */
  locale?: Locale | undefined;
}

/**
 * One alert: which rule fired for which account, its severity and category, the message in words, the evidence
 * (every metric value and threshold that decided), and a de-duplication key (`rule|customer`) that stays the same
 * over runs while the condition lasts, for a CRM to track the alert.
 *
 * @example
 * ```ts
 * const alert: SignalAlert = {
 *   customerId: "C-001", rule: "credit.overdue-90-plus", severity: "critical", category: "credit",
 *   message: "$1,200.00 is more than 90 days past due.",
 *   evidence: [{ metric: "overdue90Plus", value: 120000, test: ">", threshold: 0 }],
 *   key: "credit.overdue-90-plus|C-001",
 * };
 * ```
 */
export interface SignalAlert {
  /** The account's id. */
  customerId: string;
  /** The rule's id. */
  rule: string;
  /** The rule's severity. */
  severity: SignalSeverity;
  /** The rule's category. */
  category: string;
  /** The rule's message, filled with the account's values, in the chosen locale. */
  message: string;
  /** Why the rule fired. */
  evidence: SignalEvidence[];
  /** `rule|customerId`: stable over runs. */
  key: string;
}

/**
 * An account's grade: its label, the reason of the class that matched (absent for `otherwise`), and the evidence.
 *
 * @example
 * ```ts
 * const grade: AccountGrade = { label: "D", reason: "invoices more than 90 days past due …", evidence: [] };
 * ```
 */
export interface AccountGrade {
  /** The class label. */
  label: string;
  /** The class's reason in the chosen locale. */
  reason?: string | undefined;
  /** The metric values that put the account in the class. */
  evidence: SignalEvidence[];
}

/**
 * The points one rule of a score gave an account (after decay, before the group's and the score's caps).
 *
 * @example
 * ```ts
 * const contribution: ScoreContribution = { group: "contact", rule: 0, points: 12.5 };
 * ```
 */
export interface ScoreContribution {
  /** The group's name. */
  group: string;
  /** The rule's index in the group. */
  rule: number;
  /** The points. */
  points: number;
}

/**
 * An account's points score: its value and the points of each rule that held (after decay), before the caps.
 *
 * @example
 * ```ts
 * const score: AccountScore = { value: 62.5, contributions: [{ group: "contact", rule: 0, points: 12.5 }] };
 * ```
 */
export interface AccountScore {
  /** The score, capped. */
  value: number;
  /** The points each rule gave (group name, the rule's index in the group, points). */
  contributions: ScoreContribution[];
}

/**
 * The grades and scores of one account.
 *
 * @example
 * ```ts
 * const signals: AccountSignals = { id: "C-001", grades: { credit: { label: "A", evidence: [] } }, scores: {} };
 * ```
 */
export interface AccountSignals {
  /** The account's id. */
  id: string;
  /** Grades by name. */
  grades: Record<string, AccountGrade>;
  /** Scores by name. */
  scores: Record<string, AccountScore>;
}

/**
 * The result of {@link evaluateSignals}.
 *
 * @example
 * ```ts
 * const result: SignalResult = evaluateSignals(accounts, { version: 1, include: ["credit"] }, { asOf: "2024-06-30" });
 * result.counts.critical; // e.g. 3
 * ```
 */
export interface SignalResult {
  /**
   * The alerts, critical first, then warning, then info; within a severity by account (input order), then rule
   * order. Made on first read, all at once: a large portfolio's are better read from `alertList`.
   */
  readonly alerts: SignalAlert[];
  /** The same alerts as `alerts`, each made when read, with whose and what each is readable without making it. */
  readonly alertList: SignalAlertList;
  /** Each grade's label per account, in input order (grade name → labels). */
  grades: Record<string, string[]>;
  /** Each points score per account, in input order (score name → values). */
  scores: Record<string, Float64Array>;
  /**
   * Every account's grades (with reasons and evidence) and scores (with the points of each rule), in input order;
   * made on first read (empty objects when the policy has none).
   */
  readonly accounts: AccountSignals[];
  /**
   * One account's grades and scores, with reasons, evidence and contributions, by its position in the input: the
   * same as `accounts[index]`, made when asked (the whole list of a large portfolio need never be held).
   */
  account(index: number): AccountSignals;
  /** How many alerts of each severity, and per category. */
  counts: { info: number; warning: number; critical: number; byCategory: Record<string, number> };
}

const SEVERITY_RANK: Readonly<Record<SignalSeverity, number>> = { critical: 0, warning: 1, info: 2 };

/**
 * Evaluates a signal policy (its included packs, grades, points scores and rules) for every account: a pure
 * function of the accounts, the policy and `asOf`, deterministic, with no clock read. The policy is checked
 * first ({@link parseSignalPolicy}). The alerts are kept as which rule fired for which account; their messages
 * and evidence are made when read ({@link SignalAlertList}).
 *
 * @param accounts - The accounts ({@link SignalAccount}), each with the parts it has.
 * @param policy - The signal policy.
 * @param options - The day and the locale.
 * @returns The alerts (sorted by severity), every account's grades and scores, and counts.
 * @throws {KeyAccountError} when the policy or `asOf` is not valid.
 *
 * @example
 * ```ts
 * const result = evaluateSignals(
 *   [{ id: "C1", invoices: [{ id: "I1", customerId: "C1", issueDate: "2024-01-02", dueDate: "2024-02-01", amountMinor: 50000, currency: "USD" }] }],
 *   { version: 1, include: ["credit"] },
 *   { asOf: "2024-06-30" },
 * );
 * result.alerts[0]?.rule; // => "credit.overdue-90-plus"
 * result.grades.credit?.[0]; // => "D"
 * result.accounts[0]?.grades.credit?.reason; // => "invoices more than 90 days past due, or credit used beyond 120 % of the limit"
 * ```
 */
export function evaluateSignals(
  accounts: readonly SignalAccount[],
  policy: SignalPolicy,
  options: SignalOptions,
): SignalResult {
  const locale = options.locale ?? "en";
  const compiled = compilePolicy(policy, options.asOf, locale);
  const size = accounts.length;
  const evaluator = new BlockEvaluator(compiled, Math.min(size, BLOCK));
  const { table } = evaluator;
  const rules = compiled.rules.map((rule, r) => ({
    index: r,
    category: rule.category,
    when: evaluator.rules[r] as EvaluatedCondition,
    bucket: SEVERITY_RANK[rule.severity],
    tiers: rule.scope?.tiers === undefined ? undefined : new Set(rule.scope.tiers),
    segments: rule.scope?.segments === undefined ? undefined : new Set(rule.scope.segments),
    // The rule's alerts, and where the first of them is in its severity's list (for the counts).
    alerts: 0,
    first: 0,
  }));
  const gradeColumns: Record<string, string[]> = Object.create(null);
  for (const grade of compiled.grades) gradeColumns[grade.name] = new Array<string>(size);
  const scoreColumns: Record<string, Float64Array> = Object.create(null);
  for (const score of compiled.scores) scoreColumns[score.name] = new Float64Array(size);
  const tiers = table.column("tier") as (string | undefined)[];
  const segments = table.column("segment") as (string | undefined)[];
  // Alerts (account, rule) go to one list per severity in account, then rule order: sorted without a sort.
  const buckets: { accounts: number[]; rules: number[] }[] = [0, 1, 2].map(() => ({
    accounts: [],
    rules: [],
  }));
  for (let from = 0; from < size; from += BLOCK) {
    const to = Math.min(size, from + BLOCK);
    evaluator.evaluate(accounts, from, to);
    compiled.grades.forEach((grade, g) => {
      const labels = (evaluator.grades[g] as BlockEvaluator["grades"][number]).labels;
      const column = gradeColumns[grade.name] as string[];
      for (let i = 0; i < to - from; i++) column[from + i] = labels[i] as string;
    });
    compiled.scores.forEach((score, s) => {
      const values = (evaluator.scores[s] as BlockEvaluator["scores"][number]).values;
      (scoreColumns[score.name] as Float64Array).set(values.subarray(0, to - from), from);
    });
    for (let i = 0; i < to - from; i++) {
      for (const entry of rules) {
        if (entry.when.mask[i] !== 1) continue;
        if (entry.tiers !== undefined) {
          const tier = tiers[i];
          if (tier === undefined || !entry.tiers.has(tier)) continue;
        }
        if (entry.segments !== undefined) {
          const segment = segments[i];
          if (segment === undefined || !entry.segments.has(segment)) continue;
        }
        const bucket = buckets[entry.bucket] as (typeof buckets)[number];
        if (entry.alerts++ === 0) entry.first = bucket.accounts.length;
        bucket.accounts.push(from + i);
        bucket.rules.push(entry.index);
      }
    }
  }
  const [critical, warning, info] = buckets.map((bucket) => bucket.accounts.length) as [
    number,
    number,
    number,
  ];
  const counts: SignalResult["counts"] = { info, warning, critical, byCategory: Object.create(null) };
  // Categories in the order they first appear in the alerts: by severity, then by the first alert of their rules.
  for (let bucket = 0; bucket < buckets.length; bucket++) {
    const fired = rules.filter((entry) => entry.bucket === bucket && entry.alerts > 0);
    for (const entry of fired.sort((a, b) => a.first - b.first))
      counts.byCategory[entry.category] = (counts.byCategory[entry.category] ?? 0) + entry.alerts;
  }
  // The severities' lists one after the other, copied straight into the columns.
  const alertAccounts = new Int32Array(critical + warning + info);
  const alertRules = new Int32Array(alertAccounts.length);
  let at = 0;
  for (const bucket of buckets) {
    alertAccounts.set(bucket.accounts, at);
    alertRules.set(bucket.rules, at);
    at += bucket.accounts.length;
  }
  return signalResult(
    { grades: gradeColumns, scores: scoreColumns, counts },
    { accounts: alertAccounts, rules: alertRules },
    accounts,
    compiled,
    locale,
  );
}

// The result, with `accounts` and `alerts` made on first read and the reader of both made on first need. Made
// here, apart from evaluateSignals' working state (its columns and masks), which a closure made there would keep
// alive for as long as the result lives.
function signalResult(
  parts: Pick<SignalResult, "grades" | "scores" | "counts">,
  alerts: { accounts: Int32Array; rules: Int32Array },
  accounts: readonly SignalAccount[],
  compiled: CompiledPolicy,
  locale: Locale,
): SignalResult {
  let reader: SignalReader | undefined;
  const read = (): SignalReader => {
    reader ??= new SignalReader(accounts, compiled, locale);
    return reader;
  };
  const ruleInfo = compiled.rules.map(({ id, severity, category }) => ({ id, severity, category }));
  const alertList = new SignalAlertList(alerts.accounts, alerts.rules, ruleInfo, (account, rule) =>
    read().alert(account, rule),
  );
  let explained: AccountSignals[] | undefined;
  let made: SignalAlert[] | undefined;
  const result = {
    get alerts(): SignalAlert[] {
      made ??= alertList.toArray();
      return made;
    },
    grades: parts.grades,
    scores: parts.scores,
    get accounts(): AccountSignals[] {
      explained ??= accounts.map((_, i) => read().account(i));
      return explained;
    },
    counts: parts.counts,
  };
  const account = (index: number): AccountSignals => explained?.[index] ?? read().account(index);
  // Not enumerable: comparing or serialising a result sees its data, as it always has.
  return Object.defineProperties(result, {
    account: { value: account, enumerable: false },
    alertList: { value: alertList, enumerable: false },
  }) as SignalResult;
}
