import type { IssueCode } from "../model/issue.js";
import type { Locale } from "../model/locale.js";
import type { SignalAccount } from "./SignalAccount.js";
import type { SignalPolicy } from "./signalPolicySchema.js";
import { signalTaskList } from "./signalTaskList.js";
import type { CareDateKind } from "./upcomingCareDates.js";

/**
 * What a task is: a follow-up due by the tier's cadence, a shared-pool return to prevent, a care date, or a
 * qualification document to renew.
 *
 * @example
 * ```ts
 * const kind: SignalTaskKind = "pool-return";
 * ```
 */
export type SignalTaskKind = "follow-up" | "pool-return" | "care" | "document-renewal";

/**
 * One task for an account manager: what, for whom, by when, in words (a catalogue code with its parameters, so a
 * CRM can render it in its own language), and a key that stays the same over runs while the task is the same.
 *
 * @example
 * ```ts
 * const task: SignalTask = {
 *   customerId: "C-001", kind: "follow-up", dueDate: "2024-07-03", daysUntil: 3,
 *   code: "task.follow-up.due", params: { customer: "Acme", date: "2024-07-03", tier: "key", cadence: 30 },
 *   message: "Follow up with Acme by 2024-07-03 (key accounts every 30 days).",
 *   key: "follow-up|C-001|2024-07-03",
 * };
 * ```
 */
export interface SignalTask {
  /** The account's id. */
  customerId: string;
  /** What kind of task. */
  kind: SignalTaskKind;
  /** For care tasks: the occasion. */
  occasion?: CareDateKind | undefined;
  /** The day it is due, `YYYY-MM-DD` (in the past when overdue). */
  dueDate: string;
  /** Days from `asOf` to `dueDate` (negative: overdue). */
  daysUntil: number;
  /** The message code. */
  code: IssueCode;
  /** The message's parameters. */
  params: Record<string, string | number>;
  /** The message in the chosen locale. */
  message: string;
  /** `kind|customerId|dueDate` (care: `care|customerId|occasion|dueDate|subject`). */
  key: string;
}

/**
 * Options of {@link signalTasks}.
 *
 * @example
 * ```ts
 * const options: SignalTaskOptions = { asOf: "2024-06-30", days: 14, locale: "zh-CN" };
 * ```
 */
export interface SignalTaskOptions {
  /** The day, `YYYY-MM-DD`. */
  asOf: string;
  /** Tasks due within this many days (overdue ones included); default 14. */
  days?: number | undefined;
  /** The language of the messages; default `en`. */
  locale?: Locale | undefined;
}

/**
 * The task list of the next `days` days from a signal policy's settings: follow-ups due by the tier's cadence
 * (and overdue ones), shared-pool returns coming up, care dates (birthdays, anniversaries, contract renewals,
 * holidays — within the care look-ahead), and documents expiring. Sorted by due day, then account, then kind.
 * Every task is made at once: {@link signalTaskList} gives the same tasks made when read.
 *
 * @param accounts - The accounts.
 * @param policy - The signal policy (its `settings`).
 * @param options - The day, the horizon and the locale.
 * @returns The tasks.
 * @throws {KeyAccountError} when the policy or an option is not valid (`days` not a whole number ≥ 0, `asOf` not
 * a day).
 *
 * @example
 * ```ts
 * const tasks = signalTasks(
 *   [{ id: "C1", tier: "key", customer: { id: "C1", name: "Acme" },
 *      interactions: [{ customerId: "C1", kind: "visit", date: "2024-06-03" }] }],
 *   { version: 1, settings: { followUpCadenceDays: { key: 30, default: 90 } } },
 *   { asOf: "2024-06-30", days: 7 },
 * );
 * tasks[0]?.message; // => "Follow up with Acme by 2024-07-03 (key accounts every 30 days)."
 * ```
 */
export function signalTasks(
  accounts: readonly SignalAccount[],
  policy: SignalPolicy,
  options: SignalTaskOptions,
): SignalTask[] {
  return signalTaskList(accounts, policy, options).toArray();
}
