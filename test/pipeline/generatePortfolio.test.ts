import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { customerSchema } from "../../src/model/customer.js";
import { formatDay } from "../../src/model/formatDay.js";
import { interactionSchema } from "../../src/model/interaction.js";
import { invoiceSchema } from "../../src/model/invoice.js";
import { KeyAccountError } from "../../src/model/KeyAccountError.js";
import { parseDay } from "../../src/model/parseDay.js";
import { qualificationSchema } from "../../src/model/qualification.js";
import { transactionSchema } from "../../src/model/transaction.js";
import { type GeneratedAccount, generatePortfolio } from "../../src/pipeline/generatePortfolio.js";
import { accountFacts } from "../../src/signals/accountFacts.js";

const AS_OF = "2026-11-30";
const AS_OF_DAY = parseDay(AS_OF) as number;
// The committed example: examples/data/portfolio is this portfolio written by "keyaccount generate".
const EXAMPLE = [...generatePortfolio({ accounts: 500, seed: 7, asOf: AS_OF })];

const SCHEMAS = {
  customer: customerSchema(),
  transaction: transactionSchema(),
  interaction: interactionSchema(),
  invoice: invoiceSchema(),
  qualification: qualificationSchema(),
};

/** Every record of the accounts that its model schema rejects, with the reasons. */
function rejections(accounts: readonly GeneratedAccount[]): string[] {
  const found: string[] = [];
  const check = (schema: z.ZodMiniType, record: unknown, what: string) => {
    const parsed = z.safeParse(schema, record);
    if (!parsed.success) found.push(`${what}: ${JSON.stringify(parsed.error.issues)}`);
  };
  for (const account of accounts) {
    const id = account.customer.id;
    check(SCHEMAS.customer, account.customer, id);
    for (const t of account.transactions) check(SCHEMAS.transaction, t, `${id} ${t.id}`);
    for (const i of account.interactions) check(SCHEMAS.interaction, i, `${id} ${i.id}`);
    for (const i of account.invoices) check(SCHEMAS.invoice, i, `${id} ${i.id}`);
    for (const q of account.qualifications) check(SCHEMAS.qualification, q, `${id} ${q.id}`);
  }
  return found;
}

/** Every day a record of the account is dated, with what it is. */
function datesOf(account: GeneratedAccount): [string, string][] {
  const c = account.customer;
  return [
    ["createdDate", c.createdDate],
    ["reviewedDate", c.reviewedDate],
    ...account.transactions.map((t): [string, string] => [t.id as string, t.date]),
    ...account.interactions.map((i): [string, string] => [i.id as string, i.date]),
    ...account.invoices.flatMap((i): [string, string | undefined][] => [
      [i.id, i.issueDate],
      ...(i.payments ?? []).map((p): [string, string] => [`${i.id} payment`, p.date]),
    ]),
    ...account.qualifications.flatMap((q): [string, string | undefined][] => [
      [`${q.id} issued`, q.issued],
      [`${q.id} verified`, q.verifiedOn],
    ]),
    ["claimed", account.pool?.claimedDate],
  ].filter((entry): entry is [string, string] => entry[1] !== undefined);
}

const factsOf = (account: GeneratedAccount) => accountFacts(account, { asOf: AS_OF });
const sales = (account: GeneratedAccount) => account.transactions.filter((t) => t.kind === "sale");
const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;

describe("generatePortfolio: determinism", () => {
  it("gives the same accounts for the same options, each time the result is iterated", () => {
    const options = { accounts: 40, seed: 11, locale: "zh-CN" as const, currency: "CNY" };
    const portfolio = generatePortfolio(options);
    const first = [...portfolio];
    expect([...portfolio]).toEqual(first);
    expect([...generatePortfolio(options)]).toEqual(first);
    expect(first.map((account) => account.customer.id).slice(0, 3)).toEqual(["C00001", "C00002", "C00003"]);
  });

  it("gives other accounts for another seed", () => {
    const a = [...generatePortfolio({ accounts: 20, seed: 1 })];
    const b = [...generatePortfolio({ accounts: 20, seed: 2 })];
    expect(b.map((x) => x.customer.company)).not.toEqual(a.map((x) => x.customer.company));
  });

  test.prop([fc.integer(), fc.integer({ min: 1, max: 12 })], { numRuns: 5 })(
    "any seed: the same twice, every record valid and dated within the history",
    (seed, accounts) => {
      const options = { accounts, seed, asOf: "2025-06-30", years: 1.5, transactionsPerAccount: 8 };
      const portfolio = [...generatePortfolio(options)];
      expect([...generatePortfolio(options)]).toEqual(portfolio);
      expect(portfolio).toHaveLength(accounts);
      expect(rejections(portfolio)).toEqual([]);
      const late = portfolio.flatMap(datesOf).filter(([, date]) => date > "2025-06-30");
      expect(late).toEqual([]);
    },
  );
});

describe("generatePortfolio: validity", () => {
  it("makes records every model schema accepts, in both locales and any currency", () => {
    expect(rejections(EXAMPLE)).toEqual([]);
    const chinese = [...generatePortfolio({ accounts: 150, seed: 3, locale: "zh-CN", currency: "CNY" })];
    expect(rejections(chinese)).toEqual([]);
    const yen = [...generatePortfolio({ accounts: 60, seed: 5, currency: "JPY", years: 3 })];
    expect(rejections(yen)).toEqual([]);
  });

  it("dates nothing after asOf, and every id is unique", () => {
    const ids = new Set<string>();
    let records = 0;
    for (const account of EXAMPLE) {
      expect(datesOf(account).filter(([, date]) => date > AS_OF)).toEqual([]);
      for (const record of [
        ...account.transactions,
        ...account.interactions,
        ...account.invoices,
        ...account.qualifications,
      ]) {
        ids.add(record.id as string);
        records++;
      }
    }
    expect(ids.size).toBe(records);
  });

  it("makes each reversal name a sale line of the same customer and product, no larger than it", () => {
    let reversals = 0;
    for (const account of EXAMPLE) {
      const lines = new Map(sales(account).map((t) => [t.id, t]));
      for (const t of account.transactions) {
        if (t.kind === "sale") continue;
        reversals++;
        const sale = lines.get(t.reverses);
        expect(sale?.product).toBe(t.product);
        expect(sale !== undefined && sale.date <= t.date).toBe(true);
        expect(-(t.quantity as number)).toBeLessThanOrEqual(sale?.quantity as number);
        expect(-t.amountMinor).toBeLessThanOrEqual(sale?.amountMinor as number);
      }
    }
    expect(reversals).toBeGreaterThan(100);
  });

  it("keeps what a flat CSV can hold: one payment per invoice, one date per kind, the primary contact first", () => {
    for (const { customer, invoices } of EXAMPLE) {
      for (const invoice of invoices) expect(invoice.payments?.length ?? 0).toBeLessThanOrEqual(1);
      const kinds = (customer.importantDates ?? []).map((date) => date.kind);
      expect(new Set(kinds).size).toBe(kinds.length);
      expect(kinds).not.toContain("other");
      expect(customer.contacts?.[0]?.primary).toBe(true);
      expect(customer.contacts?.slice(1).some((contact) => contact.primary !== undefined)).toBe(false);
    }
  });
});

describe("generatePortfolio: realism", () => {
  it("has a few whales and a long tail, some churned and some recently active accounts", () => {
    const revenue = EXAMPLE.map((a) => a.transactions.reduce((sum, t) => sum + t.amountMinor, 0)).sort(
      (a, b) => b - a,
    );
    const total = revenue.reduce((a, b) => a + b, 0);
    const top = revenue.slice(0, 100).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.55); // the top fifth of accounts makes most of the revenue
    expect(revenue[0] as number).toBeGreaterThan(10 * (revenue[250] as number));
    const lastSale = EXAMPLE.map((a) => sales(a).at(-1)?.date).filter((d): d is string => d !== undefined);
    const churned = count(lastSale, (date) => (parseDay(date) as number) < AS_OF_DAY - 180);
    const active = count(lastSale, (date) => (parseDay(date) as number) > AS_OF_DAY - 30);
    expect(churned).toBeGreaterThan(50);
    expect(active).toBeGreaterThan(100);
    expect(count(EXAMPLE, (a) => a.transactions.length === 0)).toBeGreaterThan(5); // prospects
  });

  it("sells B2B amounts by category, with margins that differ by category, discounts and every channel", () => {
    const lines = EXAMPLE.flatMap(sales);
    const amounts = lines.map((t) => t.amountMinor / 100);
    expect(Math.min(...amounts)).toBeLessThan(500);
    expect(Math.max(...amounts)).toBeGreaterThan(50_000);
    const margin = (category: string) => {
      const of = lines.filter((t) => t.category === category);
      const revenue = of.reduce((sum, t) => sum + t.amountMinor, 0);
      return 1 - of.reduce((sum, t) => sum + (t.costMinor as number), 0) / revenue;
    };
    expect(margin("software")).toBeGreaterThan(margin("spare parts"));
    expect(margin("spare parts")).toBeGreaterThan(margin("machinery"));
    expect(new Set(lines.map((t) => t.channel))).toEqual(new Set(["direct", "distributor", "online"]));
    expect(count(lines, (t) => t.discountMinor !== undefined)).toBeGreaterThan(1000);
    const kinds = new Set(EXAMPLE.flatMap((a) => a.transactions.map((t) => t.kind)));
    expect(kinds).toEqual(new Set(["sale", "return", "cancellation"]));
  });

  it("has overdue invoices in every aging bucket, slower payers, and accounts over their credit limit", () => {
    const facts = EXAMPLE.map(factsOf);
    expect(count(facts, (f) => f.overdue1To30Minor > 0)).toBeGreaterThan(5);
    expect(count(facts, (f) => f.overdue31To60Minor > 0)).toBeGreaterThan(2);
    expect(count(facts, (f) => f.overdue61To90Minor > 0)).toBeGreaterThan(0);
    expect(count(facts, (f) => f.overdue90PlusMinor > 0)).toBeGreaterThan(5);
    const slower = (f: (typeof facts)[number]) =>
      f.daysToPayRecent !== undefined &&
      f.daysToPayEarlier !== undefined &&
      f.daysToPayRecent > 1.25 * f.daysToPayEarlier + 5;
    expect(count(facts, slower)).toBeGreaterThan(5);
    const overLimit = EXAMPLE.filter(({ customer, invoices }) => {
      const open = invoices.reduce((sum, i) => sum + i.amountMinor - (i.payments?.[0]?.amountMinor ?? 0), 0);
      return customer.creditLimitMinor !== undefined && open > customer.creditLimitMinor;
    });
    expect(overLimit.length).toBeGreaterThan(5);
    const terms = new Set(
      EXAMPLE.flatMap((a) =>
        a.invoices.map((i) => (parseDay(i.dueDate) as number) - (parseDay(i.issueDate) as number)),
      ),
    );
    expect(terms).toEqual(new Set([30, 60]));
  });

  it("has expired, expiring and unverified documents", () => {
    const facts = EXAMPLE.map(factsOf);
    expect(count(facts, (f) => f.expiredDocuments > 0)).toBeGreaterThan(5);
    expect(count(facts, (f) => f.daysToNextExpiry !== undefined && f.daysToNextExpiry <= 30)).toBeGreaterThan(
      2,
    );
    expect(count(facts, (f) => f.unverifiedDocuments > 0)).toBeGreaterThan(5);
    const types = new Set(EXAMPLE.flatMap((a) => a.qualifications.map((q) => q.documentType)));
    expect(types).toContain("business-licence");
    expect(types).toContain("authorisation");
  });

  it("has contacts with 29 February and year-less birthdays, founding and contract dates, stale reviews", () => {
    const contacts = EXAMPLE.flatMap((a) => a.customer.contacts ?? []);
    expect(count(contacts, (c) => c.birthday?.endsWith("-02-29") === true)).toBeGreaterThan(2);
    expect(count(contacts, (c) => c.birthday?.startsWith("--") === true)).toBeGreaterThan(20);
    for (const birthday of contacts.map((c) => c.birthday))
      if (birthday?.endsWith("-02-29") && !birthday.startsWith("--"))
        expect(parseDay(birthday)).toBeDefined();
    const kinds = new Set(EXAMPLE.flatMap((a) => (a.customer.importantDates ?? []).map((d) => d.kind)));
    expect(kinds).toEqual(new Set(["founding", "cooperation-start", "contract-renewal", "contract-end"]));
    const stale = count(EXAMPLE, (a) => (a.customer.reviewedDate ?? "9999") < formatDay(AS_OF_DAY - 180));
    expect(stale).toBeGreaterThan(50);
    expect(count(EXAMPLE, (a) => a.customer.creditLimitMinor !== undefined)).toBeGreaterThan(300);
  });

  it("follows bigger accounts up more often, and some accounts are neglected", () => {
    const gap = (tier: string) => {
      const accounts = EXAMPLE.filter((a) => a.previousTier === tier);
      const followUps = accounts.flatMap((a) =>
        a.interactions.filter((i) => ["visit", "call", "email", "meeting"].includes(i.kind)),
      );
      return accounts.length / followUps.length;
    };
    expect(gap("strategic")).toBeLessThan(gap("key"));
    expect(gap("key")).toBeLessThan(gap("ordinary"));
    const facts = EXAMPLE.map(factsOf);
    expect(count(facts, (f) => (f.daysSinceLastFollowUp ?? 0) > 120)).toBeGreaterThan(20);
    expect(
      count(facts, (f) => f.daysSinceLastFollowUp !== undefined && f.daysSinceLastFollowUp <= 14),
    ).toBeGreaterThan(100);
    const kinds = new Set(EXAMPLE.flatMap((a) => a.interactions.map((i) => i.kind)));
    expect(kinds).toEqual(new Set(["visit", "call", "email", "meeting", "care", "complaint", "feedback"]));
    const careTypes = new Set(EXAMPLE.flatMap((a) => a.interactions.map((i) => i.careType)));
    expect(careTypes).toEqual(new Set([undefined, "greeting", "gift"]));
  });

  it("has open and slow complaints, falling satisfaction and NPS detractors", () => {
    const facts = EXAMPLE.map(factsOf);
    expect(count(facts, (f) => f.openComplaints > 0)).toBeGreaterThan(3);
    expect(count(facts, (f) => f.responseBreaches > 0)).toBeGreaterThan(3);
    expect(count(facts, (f) => f.resolutionBreaches > 0)).toBeGreaterThan(3);
    expect(count(facts, (f) => f.complaintsRecent >= 3)).toBeGreaterThan(2);
    const falling = (f: (typeof facts)[number]) =>
      f.latestSatisfaction !== undefined &&
      f.earlierSatisfaction !== undefined &&
      f.latestSatisfaction <= 3 &&
      f.latestSatisfaction <= f.earlierSatisfaction - 1;
    expect(count(facts, falling)).toBeGreaterThan(5);
    const answers = EXAMPLE.flatMap((a) => a.interactions.map((i) => i.nps)).filter((n) => n !== undefined);
    expect(count(answers, (n) => n <= 6)).toBeGreaterThan(20);
    expect(count(answers, (n) => n >= 9)).toBeGreaterThan(20);
  });

  it("had previous tiers of all three kinds, about 5 % / 20 % / 75 %, and a pool state for every account", () => {
    const tiered = EXAMPLE.filter((a) => a.previousTier !== undefined);
    const share = (tier: string) => count(tiered, (a) => a.previousTier === tier) / tiered.length;
    expect(share("strategic")).toBeGreaterThan(0.02);
    expect(share("strategic")).toBeLessThan(0.1);
    expect(share("key")).toBeGreaterThan(0.12);
    expect(share("key")).toBeLessThan(0.3);
    expect(share("ordinary")).toBeGreaterThan(0.6);
    expect(count(tiered, (a) => a.previousPeriodsBelow === 1)).toBeGreaterThan(0);
    expect(tiered.length).toBeLessThan(EXAMPLE.length); // accounts newer than the previous run have none
    expect(count(EXAMPLE, (a) => a.pool?.locked === true)).toBeGreaterThan(10);
    expect(count(EXAMPLE, (a) => a.pool?.won === true)).toBeGreaterThan(100);
    expect(count(EXAMPLE, (a) => a.pool?.claimedDate !== undefined)).toBe(EXAMPLE.length);
  });

  it("comes near the requested lines per account", () => {
    for (const target of [5, 40]) {
      const portfolio = [...generatePortfolio({ accounts: 1500, seed: 21, transactionsPerAccount: target })];
      const mean = portfolio.reduce((sum, a) => sum + a.transactions.length, 0) / portfolio.length;
      expect(mean).toBeGreaterThan(target * 0.8);
      expect(mean).toBeLessThan(target * 1.25);
    }
  });
});

describe("generatePortfolio: locales and currencies", () => {
  it("names Chinese companies and people in Chinese, English ones in English", () => {
    const chinese = [...generatePortfolio({ accounts: 30, seed: 2, locale: "zh-CN" })];
    for (const { customer } of chinese) {
      expect(customer.company).toMatch(/^\p{Script=Han}+(股份)?有限公司$/u);
      expect(customer.contacts?.[0]?.name).toMatch(/^\p{Script=Han}{2,4}$/u);
      expect(customer.contacts?.[0]?.phone).toMatch(/^\+86 1\d{10}$/);
      expect(customer.region).toMatch(/^(华东|华南|华北|华中|西南|东北|西北)$/);
    }
    const english = [...generatePortfolio({ accounts: 30, seed: 2 })];
    for (const { customer } of english) {
      expect(customer.company).toMatch(/^[A-Za-z ,.&']+$/);
      for (const contact of customer.contacts ?? [])
        if (contact.email !== undefined) expect(contact.email).toMatch(/^[a-z.]+@[a-z-]+\.example$/);
    }
  });

  it("scales amounts to the currency: whole yen, more yuan than dollars", () => {
    const mean = (currency: string) => {
      const lines = [...generatePortfolio({ accounts: 100, seed: 4, currency })].flatMap(sales);
      expect(lines.every((t) => t.currency === currency)).toBe(true);
      return lines.reduce((sum, t) => sum + t.amountMinor, 0) / lines.length;
    };
    expect(mean("CNY") / mean("USD")).toBeGreaterThan(5);
    expect(mean("JPY") / mean("USD")).toBeGreaterThan(0.5); // 150 yen a dollar, yen without minor units
    expect(mean("JPY") / mean("USD")).toBeLessThan(3);
  });
});

describe("generatePortfolio: options", () => {
  it("refuses more lines per account than the history can give, saying how many it can", () => {
    expect(() => generatePortfolio({ transactionsPerAccount: 150, years: 1 })).toThrow(
      /transactionsPerAccount.*150 lines per account are more than the history gives \(about \d+ at most/,
    );
    expect(() => generatePortfolio({ transactionsPerAccount: 150, years: 6 })).not.toThrow();
  });

  it("lists every bad option at once", () => {
    let error: unknown;
    try {
      generatePortfolio({
        accounts: 0,
        seed: 1.5,
        asOf: "30/11/2026",
        years: 0,
        currency: "usd",
        transactionsPerAccount: 0,
        locale: "fr" as "en",
        colour: 1,
      } as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KeyAccountError);
    expect((error as KeyAccountError).issues.map((issue) => issue.path[0])).toEqual([
      "colour",
      "accounts",
      "seed",
      "asOf",
      "years",
      "currency",
      "transactionsPerAccount",
      "locale",
    ]);
  });
});
