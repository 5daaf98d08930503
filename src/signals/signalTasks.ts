import { formatDay } from "../model/formatDay.js";
import { formatMessage } from "../model/formatMessage.js";
import type { IssueCode } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import type { Locale } from "../model/locale.js";
import { makeIssue } from "../model/makeIssue.js";
import { compilePolicy } from "./compilePolicy.js";
import type { SignalAccount } from "./SignalAccount.js";
import { SignalTable } from "./SignalTable.js";
import type { SignalPolicy } from "./signalPolicySchema.js";
import { type CareDateKind, careDatesWithin } from "./upcomingCareDates.js";

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

// Accounts read together: their columns take a few megabytes, not the hundreds of a million.
const BLOCK = 65_536;

/**
 * The task list of the next `days` days from a signal policy's settings: follow-ups due by the tier's cadence
 * (and overdue ones), shared-pool returns coming up, care dates (birthdays, anniversaries, contract renewals,
 * holidays — within the care look-ahead), and documents expiring. Sorted by due day, then account, then kind.
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
  const horizon: unknown = options.days ?? 14;
  if (typeof horizon !== "number" || !Number.isSafeInteger(horizon) || horizon < 0) {
    throw new KeyAccountError([
      makeIssue("option.invalid", ["days"], {
        field: "days",
        reason: `${String(horizon)} is not a whole number of days from 0`,
      }),
    ]);
  }
  const compiled = compilePolicy(policy, options.asOf, options.locale ?? "en");
  const locale = options.locale ?? "en";
  const asOfDay = compiled.context.asOfDay;
  const tasks: SignalTask[] = [];
  // The index of each task's account, for the sort.
  const taskAccounts: number[] = [];
  // Few distinct due days: each written once, with the end of the keys of the tasks due on it, so that most keys
  // are made of three shared texts.
  const dueDates = new Map<number, string>();
  const keyEnds = new Map<string, string>();
  const dueDate = (daysUntil: number): string => {
    let text = dueDates.get(daysUntil);
    if (text === undefined) {
      text = formatDay(asOfDay + daysUntil);
      dueDates.set(daysUntil, text);
      keyEnds.set(text, `|${text}`);
    }
    return text;
  };
  // params: the message's parameters, `customer` and `date` first.
  const add = (
    index: number,
    kind: SignalTaskKind,
    daysUntil: number,
    code: IssueCode,
    params: { customer: string; date: string } & Record<string, string | number>,
    occasion?: CareDateKind,
    subject?: string,
  ): void => {
    const account = accounts[index] as SignalAccount;
    const message = formatMessage(code, params, locale);
    taskAccounts.push(index);
    tasks.push(
      occasion === undefined
        ? {
            customerId: account.id,
            kind,
            dueDate: params.date,
            daysUntil,
            code,
            params,
            message,
            key: KEY_STARTS[kind] + account.id + keyEnds.get(params.date),
          }
        : {
            customerId: account.id,
            kind,
            occasion,
            dueDate: params.date,
            daysUntil,
            code,
            params,
            message,
            key: `${kind}|${account.id}|${occasion}|${params.date}|${subject ?? ""}`,
          },
    );
  };
  const { context } = compiled;
  const table = new SignalTable(
    Math.min(accounts.length, BLOCK),
    ["followUpDueIn", "followUpCadence", "poolDaysLeft", "daysToNextExpiry", "nextExpiringDocument"],
    context,
  );
  const dueIns = table.column("followUpDueIn") as Float64Array;
  const cadences = table.column("followUpCadence") as Float64Array;
  const poolDaysLeft = table.column("poolDaysLeft") as Float64Array;
  const expiries = table.column("daysToNextExpiry") as Float64Array;
  const documents = table.column("nextExpiringDocument") as (string | undefined)[];
  for (let from = 0; from < accounts.length; from += BLOCK) {
    const to = Math.min(accounts.length, from + BLOCK);
    table.fill(accounts, from, to);
    for (let i = 0; i < to - from; i++) {
      const index = from + i;
      const account = accounts[index] as SignalAccount;
      const customer = account.customer?.name ?? account.id;
      const dueIn = dueIns[i] as number;
      if (dueIn <= horizon) {
        const date = dueDate(dueIn);
        const tier = account.tier ?? "—";
        const cadence = cadences[i] as number;
        if (dueIn < 0) {
          const params = { customer, date, tier, cadence, days: -dueIn };
          add(index, "follow-up", dueIn, "task.follow-up.overdue", params);
        } else add(index, "follow-up", dueIn, "task.follow-up.due", { customer, date, tier, cadence });
      }
      const poolLeft = poolDaysLeft[i] as number;
      if (poolLeft <= horizon)
        add(index, "pool-return", poolLeft, "task.pool.return", { customer, date: dueDate(poolLeft) });
      if (account.customer !== undefined && context.settingsFor(account.tier).care) {
        for (const care of careDatesWithin(account.customer, context.care)) {
          if (care.daysUntil > horizon) break;
          const date = dueDate(care.daysUntil);
          const subject = care.subject ?? "";
          const params =
            care.years === undefined
              ? { customer, date, subject }
              : { customer, date, subject, years: care.years };
          const code: IssueCode = care.kind === "birthday" ? "task.care.birthday" : `task.care.${care.kind}`;
          add(index, "care", care.daysUntil, code, params, care.kind, subject);
        }
      }
      const expiry = expiries[i] as number;
      if (expiry <= horizon) {
        const params = { customer, date: dueDate(expiry), subject: String(documents[i] ?? "") };
        add(index, "document-renewal", expiry, "task.document.expiring", params);
      }
    }
  }
  return sortTasks(tasks, taskAccounts, accounts);
}

const KEY_STARTS: Readonly<Record<SignalTaskKind, string>> = {
  "pool-return": "pool-return|",
  "follow-up": "follow-up|",
  "document-renewal": "document-renewal|",
  care: "care|",
};

const KIND_ORDER: Readonly<Record<SignalTaskKind, number>> = {
  "pool-return": 0,
  "follow-up": 1,
  "document-renewal": 2,
  care: 3,
};

// By due day, then account (its place in the input), then kind, then as made; the keys are read once per task, not
// once per comparison.
function sortTasks(
  tasks: readonly SignalTask[],
  taskAccounts: readonly number[],
  accounts: readonly SignalAccount[],
): SignalTask[] {
  const places = accountPlaces(accounts);
  const count = tasks.length;
  const days = new Float64Array(count);
  const positions = new Int32Array(count);
  const kinds = new Uint8Array(count);
  const order = new Array<number>(count);
  for (let t = 0; t < count; t++) {
    const task = tasks[t] as SignalTask;
    days[t] = task.daysUntil;
    positions[t] = places[taskAccounts[t] as number] as number;
    kinds[t] = KIND_ORDER[task.kind];
    order[t] = t;
  }
  order.sort(
    (a, b) =>
      (days[a] as number) - (days[b] as number) ||
      (positions[a] as number) - (positions[b] as number) ||
      (kinds[a] as number) - (kinds[b] as number) ||
      a - b,
  );
  return order.map((t) => tasks[t] as SignalTask);
}

const HASH_BITS = 24;

// FNV-1a of a text, folded to HASH_BITS bits.
function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
  return (hash ^ (hash >>> HASH_BITS)) & ((1 << HASH_BITS) - 1);
}

// Each account's place in the input: its index, or of accounts with the same id, the last one's index (the
// customer's place). A Map of a million ids is slow (every lookup a random memory access), so only the ids whose
// hash is shared go through one: a bit per hash value marks the hashes seen once and those seen again.
function accountPlaces(accounts: readonly SignalAccount[]): Int32Array {
  const count = accounts.length;
  const places = new Int32Array(count);
  const hashes = new Int32Array(count);
  const seen = new Uint8Array(1 << (HASH_BITS - 3));
  const shared = new Uint8Array(1 << (HASH_BITS - 3));
  for (let i = 0; i < count; i++) {
    const id: unknown = (accounts[i] as SignalAccount).id;
    // An id that is not a text is treated as shared: the Map decides.
    const hash = typeof id === "string" ? textHash(id) : 0;
    const byte = hash >>> 3;
    const bit = 1 << (hash & 7);
    if (typeof id !== "string" || ((seen[byte] as number) & bit) !== 0)
      shared[byte] = (shared[byte] as number) | bit;
    seen[byte] = (seen[byte] as number) | bit;
    hashes[i] = hash;
    places[i] = i;
  }
  const isShared = (i: number): boolean => {
    const hash = hashes[i] as number;
    return ((shared[hash >>> 3] as number) & (1 << (hash & 7))) !== 0;
  };
  const last = new Map<string, number>();
  for (let i = 0; i < count; i++) if (isShared(i)) last.set((accounts[i] as SignalAccount).id, i);
  for (let i = 0; i < count; i++)
    if (isShared(i)) places[i] = last.get((accounts[i] as SignalAccount).id) as number;
  return places;
}
