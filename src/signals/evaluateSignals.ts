import type { Locale } from "../model/locale.js";
import { AccountView } from "./AccountView.js";
import { compilePolicy, gradeEvidence } from "./compilePolicy.js";
import { renderTemplate } from "./renderTemplate.js";
import type { SignalAccount } from "./SignalAccount.js";
import type { SignalEvidence } from "./SignalEvidence.js";
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
  /** The alerts, critical first, then warning, then info; within a severity by account (input order), then rule order. */
  alerts: SignalAlert[];
  /** The grades and scores of every account, in input order (empty objects when the policy has none). */
  accounts: AccountSignals[];
  /** How many alerts of each severity, and per category. */
  counts: { info: number; warning: number; critical: number; byCategory: Record<string, number> };
}

const SEVERITY_RANK: Readonly<Record<SignalSeverity, number>> = { critical: 0, warning: 1, info: 2 };

/**
 * Evaluates a signal policy (its included packs, grades, points scores and rules) for every account: a pure
 * function of the accounts, the policy and `asOf`, deterministic, with no clock read. The policy is checked
 * first ({@link parseSignalPolicy}).
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
 * result.accounts[0]?.grades.credit?.label; // => "D"
 * ```
 */
export function evaluateSignals(
  accounts: readonly SignalAccount[],
  policy: SignalPolicy,
  options: SignalOptions,
): SignalResult {
  const compiled = compilePolicy(policy, options.asOf);
  const locale = options.locale ?? "en";
  const names = {
    grades: new Set(compiled.grades.map((grade) => grade.name)),
    scores: new Set(compiled.scores.map((score) => score.name)),
  };
  const alerts: { alert: SignalAlert; account: number; rule: number }[] = [];
  const results: AccountSignals[] = new Array(accounts.length);
  accounts.forEach((account, accountIndex) => {
    const view = new AccountView(account, compiled.context);
    const grades: Record<string, AccountGrade> = Object.create(null);
    for (const grade of compiled.grades) {
      const result = compiled.gradeOf(view, grade.name);
      if (result === undefined) continue;
      const reason = grade.classes[result.classIndex]?.reason;
      grades[grade.name] = {
        label: result.label,
        ...(reason === undefined ? {} : { reason: renderTemplate(reason, view, names, locale) }),
        evidence: gradeEvidence(view, grade, result.classIndex),
      };
    }
    const scores: Record<string, AccountScore> = Object.create(null);
    for (const score of compiled.scores) {
      const contributions: ScoreContribution[] = [];
      const value = compiled.scoreOf(view, score.name, contributions);
      if (value !== undefined) scores[score.name] = { value, contributions };
    }
    results[accountIndex] = { id: account.id, grades, scores };
    compiled.rules.forEach(({ rule, when, tiers, segments }, ruleIndex) => {
      if (tiers !== undefined && (account.tier === undefined || !tiers.has(account.tier))) return;
      if (segments !== undefined && (account.segment === undefined || !segments.has(account.segment))) return;
      if (!when.test(view)) return;
      const evidence: SignalEvidence[] = [];
      when.explain(view, evidence, false);
      alerts.push({
        alert: {
          customerId: account.id,
          rule: rule.id,
          severity: rule.severity,
          category: rule.category,
          message: renderTemplate(rule.message, view, names, locale),
          evidence,
          key: `${rule.id}|${account.id}`,
        },
        account: accountIndex,
        rule: ruleIndex,
      });
    });
  });
  alerts.sort(
    (a, b) =>
      SEVERITY_RANK[a.alert.severity] - SEVERITY_RANK[b.alert.severity] ||
      a.account - b.account ||
      a.rule - b.rule,
  );
  const counts: SignalResult["counts"] = {
    info: 0,
    warning: 0,
    critical: 0,
    byCategory: Object.create(null),
  };
  for (const { alert } of alerts) {
    counts[alert.severity]++;
    counts.byCategory[alert.category] = (counts.byCategory[alert.category] ?? 0) + 1;
  }
  return { alerts: alerts.map((entry) => entry.alert), accounts: results, counts };
}
