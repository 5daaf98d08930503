import { describe, expect, it } from "vitest";
import {
  type Customer,
  type CustomerFeatures,
  type Interaction,
  KeyAccountError,
  type Qualification,
  type SignalAccount,
  type SignalPolicy,
  type SignalSettings,
  type SignalTask,
  type SignalTaskKind,
  signalTaskList,
  signalTasks,
} from "../../src/index.js";

// asOf is a Sunday at the end of June 2024; day offsets below are counted from it.
const asOf = "2024-06-30";

const visit = (id: string, date: string): Interaction => ({ customerId: id, kind: "visit", date });
const customer = (id: string, extra: Partial<Customer> = {}): Customer => ({
  id,
  name: `${id} Ltd`,
  ...extra,
});
const purchased = (id: string, daysSinceLastPurchase: number): CustomerFeatures => ({
  id,
  mixedCurrencies: false,
  revenueMinor: 0,
  grossSalesMinor: 0,
  returnsMinor: 0,
  linesWithoutCost: 0,
  transactionCount: 1,
  orderCount: 1,
  purchasePeriods: 1,
  recentRevenueMinor: 0,
  previousRevenueMinor: 0,
  revenueTrendMinor: 0,
  distinctProducts: 1,
  distinctCategories: 1,
  daysSinceLastPurchase,
});
const policyWith = (settings: SignalSettings): SignalPolicy => ({ version: 1, settings });
const cadence = policyWith({ followUpCadenceDays: { strategic: 14, key: 30, default: 60 } });

const tasksOf = (
  accounts: SignalAccount[],
  policy: SignalPolicy,
  options: { days?: number; locale?: "en" | "zh-CN" } = {},
  kind?: SignalTaskKind,
): SignalTask[] =>
  signalTasks(accounts, policy, { asOf, ...options }).filter(
    (task) => kind === undefined || task.kind === kind,
  );

describe("signalTasks: follow-ups", () => {
  it("lists a follow-up due within the horizon, with its message, parameters and key", () => {
    const account: SignalAccount = {
      id: "K1",
      tier: "key",
      customer: customer("K1", { name: "Acme" }),
      interactions: [visit("K1", "2024-06-03")], // 27 days ago; every 30 days → due in 3
    };
    expect(tasksOf([account], cadence)).toEqual([
      {
        customerId: "K1",
        kind: "follow-up",
        dueDate: "2024-07-03",
        daysUntil: 3,
        code: "task.follow-up.due",
        params: { customer: "Acme", date: "2024-07-03", tier: "key", cadence: 30 },
        message: "Follow up with Acme by 2024-07-03 (key accounts every 30 days).",
        key: "follow-up|K1|2024-07-03",
      },
    ]);
  });

  it("includes the horizon's last day and leaves out what is due beyond it", () => {
    const account = (date: string): SignalAccount => ({
      id: "K",
      tier: "key",
      interactions: [visit("K", date)],
    });
    expect(tasksOf([account("2024-06-14")], cadence)).toHaveLength(1); // due in 14
    expect(tasksOf([account("2024-06-15")], cadence)).toEqual([]); // due in 15
    expect(tasksOf([account("2024-06-15")], cadence, { days: 15 })).toHaveLength(1);
    expect(tasksOf([account("2024-06-29")], cadence, { days: 0 })).toEqual([]);
    expect(tasksOf([account("2024-05-31")], cadence, { days: 0 })).toHaveLength(1); // due today
    expect(tasksOf([account("2024-05-31")], cadence, { days: 0 })[0]?.code).toBe("task.follow-up.due");
  });

  it("lists overdue follow-ups with a negative daysUntil and the overdue message", () => {
    const account: SignalAccount = {
      id: "S1",
      tier: "strategic",
      customer: customer("S1", { name: "Bolt" }),
      interactions: [visit("S1", "2024-06-01")], // 29 days ago; every 14 days → 15 days overdue
    };
    expect(tasksOf([account], cadence, { days: 0 })).toEqual([
      {
        customerId: "S1",
        kind: "follow-up",
        dueDate: "2024-06-15",
        daysUntil: -15,
        code: "task.follow-up.overdue",
        params: { customer: "Bolt", date: "2024-06-15", tier: "strategic", cadence: 14, days: 15 },
        message: "Follow-up with Bolt is 15 days overdue (due 2024-06-15; strategic accounts every 14 days).",
        key: "follow-up|S1|2024-06-15",
      },
    ]);
  });

  it("reads the cadence of the account's tier, else default, else 30 days", () => {
    const account = (id: string, tier?: string): SignalAccount => ({
      id,
      ...(tier === undefined ? {} : { tier }),
      interactions: [visit(id, "2024-05-01")], // 60 days ago
    });
    const accounts = [account("S", "strategic"), account("K", "key"), account("O", "ordinary"), account("N")];
    expect(
      tasksOf(accounts, cadence).map((task) => [
        task.customerId,
        task.daysUntil,
        task.params.cadence,
        task.params.tier,
      ]),
    ).toEqual([
      ["S", -46, 14, "strategic"],
      ["K", -30, 30, "key"],
      ["O", 0, 60, "ordinary"],
      ["N", 0, 60, "—"],
    ]);
    expect(tasksOf(accounts, { version: 1 }).map((task) => task.daysUntil)).toEqual([-30, -30, -30, -30]);
    expect(
      tasksOf(accounts, policyWith({ followUpCadenceDays: 45 })).map((task) => task.params.cadence),
    ).toEqual([45, 45, 45, 45]);
  });

  it("counts visits, calls, e-mails and meetings, not complaints, care or feedback", () => {
    const account: SignalAccount = {
      id: "K",
      tier: "key",
      interactions: [
        visit("K", "2024-05-01"),
        { customerId: "K", kind: "complaint", date: "2024-06-29" },
        { customerId: "K", kind: "care", date: "2024-06-29" },
        { customerId: "K", kind: "feedback", date: "2024-06-29", satisfaction: 5 },
      ],
    };
    expect(tasksOf([account], cadence).map((task) => task.daysUntil)).toEqual([-30]);
    const called: SignalAccount = {
      ...account,
      interactions: [{ customerId: "K", kind: "call", date: "2024-06-20" }],
    };
    expect(tasksOf([called], cadence, { days: 30 }).map((task) => task.daysUntil)).toEqual([20]);
  });

  it("restarts the clock on the claim day (or the record's creation), whichever is later than the follow-up", () => {
    const old = [visit("K", "2024-03-02")]; // 120 days ago
    const claimed: SignalAccount = {
      id: "K",
      tier: "key",
      interactions: old,
      pool: { claimedDate: "2024-06-20" },
    };
    expect(tasksOf([claimed], cadence)).toEqual([]); // due in 30 − 10 = 20
    expect(tasksOf([claimed], cadence, { days: 30 }).map((task) => task.dueDate)).toEqual(["2024-07-20"]);
    const created: SignalAccount = {
      id: "K",
      tier: "key",
      customer: customer("K", { createdDate: "2024-06-10" }),
    };
    expect(tasksOf([created], cadence).map((task) => task.dueDate)).toEqual(["2024-07-10"]);
    // A follow-up after the claim counts from the follow-up.
    const later: SignalAccount = { ...claimed, interactions: [visit("K", "2024-06-25")] };
    expect(tasksOf([later], cadence, { days: 30 }).map((task) => task.dueDate)).toEqual(["2024-07-25"]);
    // A claim after asOf is not used.
    const future: SignalAccount = { ...claimed, pool: { claimedDate: "2024-07-05" } };
    expect(tasksOf([future], cadence).map((task) => task.daysUntil)).toEqual([-90]);
  });

  it("has nothing to schedule without a follow-up, a claim or a creation day", () => {
    expect(
      tasksOf(
        [
          { id: "K", tier: "key" },
          { id: "L", interactions: [] },
        ],
        cadence,
      ),
    ).toEqual([]);
  });
});

describe("signalTasks: shared-pool returns", () => {
  const pool = policyWith({
    followUpCadenceDays: 1000,
    pool: { noFollowUpDays: 30, noDealDays: 90, warnDays: 5 },
  });

  it("warns of the return on the earlier of the two limits", () => {
    const dealSooner: SignalAccount = {
      id: "P1",
      customer: customer("P1", { name: "Pool Co" }),
      interactions: [visit("P1", "2024-06-10")], // follow-up limit in 10
      features: purchased("P1", 85), // deal limit in 5
    };
    expect(tasksOf([dealSooner], pool, {}, "pool-return")).toEqual([
      {
        customerId: "P1",
        kind: "pool-return",
        dueDate: "2024-07-05",
        daysUntil: 5,
        code: "task.pool.return",
        params: { customer: "Pool Co", date: "2024-07-05" },
        message:
          "Pool Co returns to the shared pool on 2024-07-05 unless it is followed up or a deal is closed.",
        key: "pool-return|P1|2024-07-05",
      },
    ]);
    const followUpSooner: SignalAccount = { ...dealSooner, features: purchased("P1", 10) }; // 80 vs 10
    expect(tasksOf([followUpSooner], pool, {}, "pool-return").map((task) => task.dueDate)).toEqual([
      "2024-07-10",
    ]);
  });

  it("uses one limit alone, and lists a return already due with a negative daysUntil", () => {
    const account: SignalAccount = {
      id: "P",
      interactions: [visit("P", "2024-05-01")],
      features: purchased("P", 5),
    };
    expect(
      tasksOf(
        [account],
        policyWith({ followUpCadenceDays: 1000, pool: { noFollowUpDays: 30 } }),
        {},
        "pool-return",
      ).map((task) => task.daysUntil),
    ).toEqual([-30]);
    expect(
      tasksOf(
        [account],
        policyWith({ followUpCadenceDays: 1000, pool: { noDealDays: 10 } }),
        {},
        "pool-return",
      ).map((task) => task.daysUntil),
    ).toEqual([5]);
  });

  it("exempts locked and won accounts, and has no rule without a limit", () => {
    const account = (state: SignalAccount["pool"]): SignalAccount => ({
      id: "P",
      interactions: [visit("P", "2024-05-01")],
      pool: state,
    });
    expect(tasksOf([account({ locked: true })], pool, {}, "pool-return")).toEqual([]);
    expect(tasksOf([account({ won: true })], pool, {}, "pool-return")).toEqual([]);
    expect(tasksOf([account({ locked: false, won: false })], pool, {}, "pool-return")).toHaveLength(1);
    expect(tasksOf([account({})], policyWith({ pool: { warnDays: 5 } }), {}, "pool-return")).toEqual([]);
    expect(tasksOf([account({})], { version: 1 }, {}, "pool-return")).toEqual([]);
  });

  it("counts both limits from the claim when it is later", () => {
    const claimed: SignalAccount = {
      id: "P",
      interactions: [visit("P", "2024-01-01")],
      features: purchased("P", 300),
      pool: { claimedDate: "2024-06-20" },
    };
    // 30 − 10 = 20 for the follow-up, 90 − 10 = 80 for the deal.
    expect(tasksOf([claimed], pool, { days: 30 }, "pool-return").map((task) => task.daysUntil)).toEqual([20]);
    expect(tasksOf([claimed], pool, {}, "pool-return")).toEqual([]);
  });
});

describe("signalTasks: care dates", () => {
  const care = policyWith({
    followUpCadenceDays: 1000,
    care: {
      lookAheadDays: 30,
      tiers: ["key", "strategic"],
      holidays: [{ date: "--07-01", name: "Party Day" }],
    },
  });
  const acme = customer("K", {
    name: "Acme",
    contacts: [{ name: "Wang Li", birthday: "1980-07-05" }],
    importantDates: [
      { kind: "founding", date: "2004-07-10" },
      { kind: "contract-renewal", date: "2024-07-08" },
      { kind: "cooperation-start", date: "2010-07-20" },
    ],
  });
  const account = (tier?: string): SignalAccount => ({
    id: "K",
    customer: acme,
    ...(tier === undefined ? {} : { tier }),
  });

  it("lists birthdays, anniversaries with years, contract renewals and holidays within the horizon", () => {
    expect(tasksOf([account("key")], care)).toEqual([
      {
        customerId: "K",
        kind: "care",
        occasion: "holiday",
        dueDate: "2024-07-01",
        daysUntil: 1,
        code: "task.care.holiday",
        params: { customer: "Acme", date: "2024-07-01", subject: "Party Day" },
        message: "Party Day on 2024-07-01: send Acme a greeting.",
        key: "care|K|holiday|2024-07-01|Party Day",
      },
      {
        customerId: "K",
        kind: "care",
        occasion: "birthday",
        dueDate: "2024-07-05",
        daysUntil: 5,
        code: "task.care.birthday",
        params: { customer: "Acme", date: "2024-07-05", subject: "Wang Li", years: 44 },
        message: "Wang Li of Acme has a birthday on 2024-07-05.",
        key: "care|K|birthday|2024-07-05|Wang Li",
      },
      {
        customerId: "K",
        kind: "care",
        occasion: "contract-renewal",
        dueDate: "2024-07-08",
        daysUntil: 8,
        code: "task.care.contract-renewal",
        params: { customer: "Acme", date: "2024-07-08", subject: "" },
        message: "The contract with Acme is up for renewal on 2024-07-08.",
        key: "care|K|contract-renewal|2024-07-08|",
      },
      {
        customerId: "K",
        kind: "care",
        occasion: "founding",
        dueDate: "2024-07-10",
        daysUntil: 10,
        code: "task.care.founding",
        params: { customer: "Acme", date: "2024-07-10", subject: "", years: 20 },
        message: "Acme was founded 20 years ago on 2024-07-10: send congratulations.",
        key: "care|K|founding|2024-07-10|",
      },
    ]);
  });

  it("reaches as far as the smaller of the horizon and the care look-ahead", () => {
    expect(tasksOf([account("key")], care, { days: 30 }).map((task) => task.occasion)).toEqual([
      "holiday",
      "birthday",
      "contract-renewal",
      "founding",
      "cooperation-start",
    ]);
    const cooperation = tasksOf([account("key")], care, { days: 30 })[4];
    expect(cooperation?.message).toBe("2024-07-20: 14 years of cooperation with Acme.");
    expect(tasksOf([account("key")], care, { days: 3 }).map((task) => task.occasion)).toEqual(["holiday"]);
    // The look-ahead defaults to 14 days.
    const short = policyWith({ followUpCadenceDays: 1000, care: { tiers: ["key"] } });
    expect(tasksOf([account("key")], short, { days: 60 }).map((task) => task.occasion)).toEqual([
      "birthday",
      "contract-renewal",
      "founding",
    ]);
  });

  it("is only for the tiers of the care settings (all tiers when none are named)", () => {
    expect(tasksOf([account("ordinary")], care)).toEqual([]);
    expect(tasksOf([account()], care)).toEqual([]);
    expect(tasksOf([account("strategic")], care)).toHaveLength(4);
    const everyone = policyWith({ followUpCadenceDays: 1000, care: { lookAheadDays: 30 } });
    expect(tasksOf([account("ordinary")], everyone)).toHaveLength(3); // no holidays configured
    expect(tasksOf([account()], everyone)).toHaveLength(3);
  });

  it("keeps only the kinds of the care settings", () => {
    const birthdays = policyWith({
      followUpCadenceDays: 1000,
      care: { lookAheadDays: 30, kinds: ["birthday"] },
    });
    expect(tasksOf([account("key")], birthdays).map((task) => task.occasion)).toEqual(["birthday"]);
  });
});

describe("signalTasks: documents", () => {
  const document = (
    documentType: string,
    expires: string,
    extra: Partial<Qualification> = {},
  ): Qualification => ({
    customerId: "D",
    documentType,
    status: "active",
    expires,
    ...extra,
  });
  const account = (qualifications: Qualification[]): SignalAccount => ({
    id: "D",
    customer: customer("D", { name: "Docs Inc" }),
    qualifications,
  });
  const policy = policyWith({ followUpCadenceDays: 1000 });

  it("lists the next document to expire within the horizon", () => {
    expect(
      tasksOf(
        [account([document("GMP certificate", "2024-09-01"), document("business licence", "2024-07-10")])],
        policy,
      ),
    ).toEqual([
      {
        customerId: "D",
        kind: "document-renewal",
        dueDate: "2024-07-10",
        daysUntil: 10,
        code: "task.document.expiring",
        params: { customer: "Docs Inc", date: "2024-07-10", subject: "business licence" },
        message: "The business licence of Docs Inc expires on 2024-07-10: ask for the renewed document.",
        key: "document-renewal|D|2024-07-10",
      },
    ]);
  });

  it("leaves out documents beyond the horizon, already expired or not active", () => {
    expect(tasksOf([account([document("licence", "2024-07-15")])], policy)).toEqual([]);
    expect(tasksOf([account([document("licence", "2024-07-15")])], policy, { days: 15 })).toHaveLength(1);
    expect(tasksOf([account([document("licence", "2024-06-29")])], policy)).toEqual([]);
    expect(tasksOf([account([document("licence", "2024-07-01", { status: "revoked" })])], policy)).toEqual(
      [],
    );
    expect(
      tasksOf([account([document("licence", "2024-06-30")])], policy).map((task) => task.daysUntil),
    ).toEqual([0]);
  });
});

describe("signalTasks: order, keys and languages", () => {
  // Every kind falls due on 2024-07-03 (in 3 days) for each of these accounts.
  const busy = (id: string): SignalAccount => ({
    id,
    tier: "key",
    customer: customer(id, { contacts: [{ name: "Li", birthday: "--07-03" }] }),
    interactions: [visit(id, "2024-06-03")],
    qualifications: [{ customerId: id, documentType: "licence", status: "active", expires: "2024-07-03" }],
  });
  const policy = policyWith({
    followUpCadenceDays: { key: 30, strategic: 14 },
    pool: { noFollowUpDays: 30 },
    care: { kinds: ["birthday"] },
  });
  const late: SignalAccount = { id: "Z", tier: "strategic", interactions: [visit("Z", "2024-06-01")] };

  it("sorts by due day, then account in input order, then pool return, follow-up, document, care", () => {
    const tasks = tasksOf([busy("B"), busy("A"), late], policy);
    expect(tasks.map((task) => `${task.daysUntil} ${task.customerId} ${task.kind}`)).toEqual([
      "-15 Z follow-up",
      "1 Z pool-return",
      "3 B pool-return",
      "3 B follow-up",
      "3 B document-renewal",
      "3 B care",
      "3 A pool-return",
      "3 A follow-up",
      "3 A document-renewal",
      "3 A care",
    ]);
    expect(tasks.map((task) => task.key)).toEqual([
      "follow-up|Z|2024-06-15",
      "pool-return|Z|2024-07-01",
      "pool-return|B|2024-07-03",
      "follow-up|B|2024-07-03",
      "document-renewal|B|2024-07-03",
      "care|B|birthday|2024-07-03|Li",
      "pool-return|A|2024-07-03",
      "follow-up|A|2024-07-03",
      "document-renewal|A|2024-07-03",
      "care|A|birthday|2024-07-03|Li",
    ]);
  });

  it("gives the same tasks, one at a time and in any order, from the list made when read", () => {
    const accounts = [busy("B"), busy("A"), late];
    const all = signalTasks(accounts, policy, { asOf });
    const list = signalTaskList(accounts, policy, { asOf });
    expect(list.length).toBe(10);
    expect([...list]).toEqual(all);
    expect(list.toArray()).toEqual(all);
    expect([9, 0, 5, 3].map((k) => list.at(k))).toEqual([all[9], all[0], all[5], all[3]]);
    expect(list.at(-10)).toEqual(all[0]);
    expect([list.at(10), list.at(-11), list.at(1.5)]).toEqual([undefined, undefined, undefined]);
    // Each read makes a task of its own.
    expect(list.at(0)).not.toBe(list.at(0));
  });

  it("keeps the keys of the same tasks over runs of the same day", () => {
    const keys = (accounts: SignalAccount[]) => tasksOf(accounts, policy).map((task) => task.key);
    expect(keys([late, busy("A"), busy("B")]).sort()).toEqual(keys([busy("B"), busy("A"), late]).sort());
  });

  it("writes the messages in zh-CN with the same codes and parameters", () => {
    const en = tasksOf([busy("B"), late], policy);
    const zh = tasksOf([busy("B"), late], policy, { locale: "zh-CN" });
    expect(zh.map((task) => [task.code, task.params, task.key])).toEqual(
      en.map((task) => [task.code, task.params, task.key]),
    );
    expect(zh.map((task) => task.message)).toEqual([
      "Z 的跟进已逾期 15 天（应于 2024-06-15 跟进；strategic客户每 14 天跟进一次）。",
      "公海回收提醒：Z 将于 2024-07-01 退回公海，请在此之前跟进或成交。",
      "公海回收提醒：B Ltd 将于 2024-07-03 退回公海，请在此之前跟进或成交。",
      "请在 2024-07-03 前跟进 B Ltd（key客户每 30 天跟进一次）。",
      "B Ltd 的licence将于 2024-07-03 到期，请督促客户更新资质。",
      "B Ltd 的 Li 将于 2024-07-03 过生日。",
    ]);
    const care = policyWith({
      followUpCadenceDays: 1000,
      care: { lookAheadDays: 30, holidays: [{ date: "--07-01", name: "建党节" }] },
    });
    const acme: SignalAccount = {
      id: "K",
      customer: customer("K", {
        name: "华信",
        importantDates: [
          { kind: "founding", date: "2004-07-10" },
          { kind: "contract-renewal", date: "2024-07-08" },
        ],
      }),
    };
    expect(tasksOf([acme], care, { locale: "zh-CN" }).map((task) => task.message)).toEqual([
      "2024-07-01 是建党节，请向 华信 致以节日问候。",
      "华信 的合同将于 2024-07-08 续签，请提前沟通。",
      "2024-07-10 是 华信 成立 20 周年，请送上祝贺。",
    ]);
  });

  it("returns nothing for no accounts, and rejects a bad horizon or day", () => {
    expect(signalTasks([], policy, { asOf })).toEqual([]);
    for (const days of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      try {
        signalTasks([late], policy, { asOf, days });
        expect.unreachable(`days ${days} was accepted`);
      } catch (error) {
        expect(error).toBeInstanceOf(KeyAccountError);
        expect((error as KeyAccountError).issues.map((issue) => [issue.code, issue.path])).toEqual([
          ["option.invalid", ["days"]],
        ]);
      }
    }
    expect(() => signalTasks([late], policy, { asOf: "2024-13-01" })).toThrow(KeyAccountError);
    expect(() => signalTasks([late], { version: 1, settings: { windowDays: -1 } }, { asOf })).toThrow(
      KeyAccountError,
    );
  });
});
