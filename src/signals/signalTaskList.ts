import { formatDay } from "../model/formatDay.js";
import { formatMessage } from "../model/formatMessage.js";
import type { IssueCode } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import type { Locale } from "../model/locale.js";
import { makeIssue } from "../model/makeIssue.js";
import { textHash } from "../model/textHash.js";
import { compilePolicy } from "./compilePolicy.js";
import { LazyList } from "./LazyList.js";
import type { SignalAccount } from "./SignalAccount.js";
import { SignalTable } from "./SignalTable.js";
import type { SignalPolicy } from "./signalPolicySchema.js";
import type { SignalTask, SignalTaskKind, SignalTaskOptions } from "./signalTasks.js";
import { type CareDateKind, careDatesWithin } from "./upcomingCareDates.js";

// Accounts read together: their columns take a few megabytes, not the hundreds of a million.
const BLOCK = 65_536;

// What a task needs beyond its account, kind and day: a care date's occasion, subject and years; a document's name.
interface TaskDetail {
  occasion?: CareDateKind | undefined;
  subject: string;
  years?: number | undefined;
}

// The tasks as found, in account order: a few numbers each.
interface FoundTasks {
  account: number[];
  kind: number[];
  daysUntil: number[];
  /** A follow-up's cadence; a care or document task's detail (its index in `details`); else 0. */
  extra: number[];
  details: TaskDetail[];
}

/**
 * The task list of {@link signalTasks}, the same tasks in the same order, each made (with its message and key)
 * when read: a portfolio of a million accounts and a million tasks holds a few numbers per task.
 *
 * @param accounts - The accounts.
 * @param policy - The signal policy (its `settings`).
 * @param options - The day, the horizon and the locale.
 * @returns The tasks, made when read.
 * @throws {KeyAccountError} when the policy or an option is not valid (`days` not a whole number ≥ 0, `asOf` not
 * a day).
 *
 * @example
 * ```ts
 * const tasks = signalTaskList(
 *   [{ id: "C1", tier: "key", customer: { id: "C1", name: "Acme" },
 *      interactions: [{ customerId: "C1", kind: "visit", date: "2024-06-03" }] }],
 *   { version: 1, settings: { followUpCadenceDays: { key: 30, default: 90 } } },
 *   { asOf: "2024-06-30", days: 7 },
 * );
 * tasks.length; // => 1
 * tasks.at(0)?.key; // => "follow-up|C1|2024-07-03"
 * ```
 */
export function signalTaskList(
  accounts: readonly SignalAccount[],
  policy: SignalPolicy,
  options: SignalTaskOptions,
): LazyList<SignalTask> {
  const horizon: unknown = options.days ?? 14;
  if (typeof horizon !== "number" || !Number.isSafeInteger(horizon) || horizon < 0) {
    throw new KeyAccountError([
      makeIssue("option.invalid", ["days"], {
        field: "days",
        reason: `${String(horizon)} is not a whole number of days from 0`,
      }),
    ]);
  }
  const locale = options.locale ?? "en";
  const { context } = compilePolicy(policy, options.asOf, locale);
  const found: FoundTasks = { account: [], kind: [], daysUntil: [], extra: [], details: [] };
  const add = (index: number, kind: number, daysUntil: number, extra: number): void => {
    found.account.push(index);
    found.kind.push(kind);
    found.daysUntil.push(daysUntil);
    found.extra.push(extra);
  };
  const detail = (entry: TaskDetail): number => found.details.push(entry) - 1;
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
      const dueIn = dueIns[i] as number;
      if (dueIn <= horizon) add(index, FOLLOW_UP, dueIn, cadences[i] as number);
      const poolLeft = poolDaysLeft[i] as number;
      if (poolLeft <= horizon) add(index, POOL, poolLeft, 0);
      if (account.customer !== undefined && context.settingsFor(account.tier).care) {
        for (const care of careDatesWithin(account.customer, context.care)) {
          if (care.daysUntil > horizon) break;
          const entry = { occasion: care.kind, subject: care.subject ?? "", years: care.years };
          add(index, CARE, care.daysUntil, detail(entry));
        }
      }
      const expiry = expiries[i] as number;
      if (expiry <= horizon) add(index, DOCUMENT, expiry, detail({ subject: String(documents[i] ?? "") }));
    }
  }
  const order = taskOrder(found, accounts);
  const pick = <T extends Int32Array | Float64Array | Uint8Array>(
    column: T,
    values: readonly number[],
  ): T => {
    order.forEach((t, k) => {
      column[k] = values[t] as number;
    });
    return column;
  };
  const count = order.length;
  const taskAccounts = pick(new Int32Array(count), found.account);
  const kinds = pick(new Uint8Array(count), found.kind);
  const days = pick(new Float64Array(count), found.daysUntil);
  const extras = pick(new Float64Array(count), found.extra);
  return new LazyList(
    count,
    taskMaker(
      { accounts, account: taskAccounts, kind: kinds, daysUntil: days, extra: extras },
      found.details,
      {
        asOfDay: context.asOfDay,
        locale,
      },
    ),
  );
}

// Makes task k from the columns. A function of its own: a closure made in signalTaskList would keep the tasks as
// found (and the rest of its working state) alive for as long as the list lives.
function taskMaker(
  columns: {
    accounts: readonly SignalAccount[];
    account: Int32Array;
    kind: Uint8Array;
    daysUntil: Float64Array;
    extra: Float64Array;
  },
  details: readonly TaskDetail[],
  { asOfDay, locale }: { asOfDay: number; locale: Locale },
): (k: number) => SignalTask {
  // Few distinct due days: each written once.
  const dueDates = new Map<number, string>();
  const dueDate = (daysUntil: number): string => {
    let text = dueDates.get(daysUntil);
    if (text === undefined) {
      text = formatDay(asOfDay + daysUntil);
      dueDates.set(daysUntil, text);
    }
    return text;
  };
  return (k) => {
    const account = columns.accounts[columns.account[k] as number] as SignalAccount;
    const kind = columns.kind[k] as number;
    const daysUntil = columns.daysUntil[k] as number;
    const extra = columns.extra[k] as number;
    const customer = account.customer?.name ?? account.id;
    const date = dueDate(daysUntil);
    const task = (code: IssueCode, params: SignalTask["params"]): SignalTask => ({
      customerId: account.id,
      kind: KINDS[kind] as SignalTaskKind,
      dueDate: date,
      daysUntil,
      code,
      params,
      message: formatMessage(code, params, locale),
      key: `${KINDS[kind]}|${account.id}|${date}`,
    });
    if (kind === FOLLOW_UP) {
      const tier = account.tier ?? "—";
      return daysUntil < 0
        ? task("task.follow-up.overdue", { customer, date, tier, cadence: extra, days: -daysUntil })
        : task("task.follow-up.due", { customer, date, tier, cadence: extra });
    }
    if (kind === POOL) return task("task.pool.return", { customer, date });
    const { occasion: careKind, subject, years } = details[extra] as TaskDetail;
    if (kind === DOCUMENT) return task("task.document.expiring", { customer, date, subject });
    const occasion = careKind as CareDateKind; // a care task's detail has its occasion
    const params = years === undefined ? { customer, date, subject } : { customer, date, subject, years };
    const code: IssueCode = occasion === "birthday" ? "task.care.birthday" : `task.care.${occasion}`;
    return {
      customerId: account.id,
      kind: "care",
      occasion,
      dueDate: date,
      daysUntil,
      code,
      params,
      message: formatMessage(code, params, locale),
      key: `care|${account.id}|${occasion}|${date}|${subject}`,
    };
  };
}

// The kinds in the order tasks due the same day for the same account are listed.
const KINDS: readonly SignalTaskKind[] = ["pool-return", "follow-up", "document-renewal", "care"];
const POOL = 0;
const FOLLOW_UP = 1;
const DOCUMENT = 2;
const CARE = 3;

// The order of the tasks: by due day, then account (its place in the input), then kind, then as found.
function taskOrder(found: FoundTasks, accounts: readonly SignalAccount[]): Int32Array {
  const places = accountPlaces(accounts);
  const count = found.account.length;
  const days = Float64Array.from(found.daysUntil);
  const positions = Int32Array.from(found.account, (index) => places[index] as number);
  const kinds = Uint8Array.from(found.kind);
  const order = Array.from({ length: count }, (_, t) => t);
  order.sort(
    (a, b) =>
      (days[a] as number) - (days[b] as number) ||
      (positions[a] as number) - (positions[b] as number) ||
      (kinds[a] as number) - (kinds[b] as number) ||
      a - b,
  );
  return Int32Array.from(order);
}

const HASH_BITS = 24;

// A text's hash folded to HASH_BITS bits.
function foldedHash(text: string): number {
  const hash = textHash(text);
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
    const hash = typeof id === "string" ? foldedHash(id) : 0;
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
