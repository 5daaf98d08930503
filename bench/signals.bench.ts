// Signals over a portfolio of 1,000,000 accounts with every built-in pack (churn with its health score, credit
// with its grade, complaints, follow-up and pool, care, qualifications): the alerts (which rule fired for whom),
// then the same with every alert made with its evidence and English message, the 14-day task list (as found,
// then made), and the KPIs.
// Accounts carry features as summarize makes them (made here by the library's seeded generator, not by
// summarize), purchase-activity windows, a tier, P(alive), a customer record (contacts with birthdays, founding
// dates) and, for some, interactions, invoices, documents and a pool claim.
import {
  type CustomerFeatures,
  createRandom,
  evaluateSignals,
  formatDay,
  type Interaction,
  type Invoice,
  type Qualification,
  type SignalAccount,
  type SignalPolicy,
  signalKpis,
  signalTaskList,
  signalTasks,
} from "../src/index.js";
import type { BenchCase } from "./case.js";

const ACCOUNTS = Number(process.env.SIGNAL_BENCH_ACCOUNTS ?? 1_000_000);
const AS_OF = "2024-06-30";
const AS_OF_DAY = 19904; // 2024-06-30
const TIERS = ["strategic", "key", "ordinary"];

const POLICY: SignalPolicy = {
  version: 1,
  include: ["churn", "credit", "complaints", "follow-up", "care", "qualification"],
  settings: {
    followUpCadenceDays: { strategic: 14, key: 30, default: 90 },
    pool: { noFollowUpDays: 90, noDealDays: 365, warnDays: 7 },
    care: {
      lookAheadDays: 14,
      holidays: [{ date: "--07-01", name: "Party Day" }],
      tiers: ["strategic", "key"],
    },
  },
};

let portfolio: SignalAccount[] = [];

/** The bench portfolio, made on first use. */
export function signalPortfolio(): SignalAccount[] {
  generate();
  return portfolio;
}

function generate(): void {
  if (portfolio.length > 0) return;
  const next = createRandom(11); // the same seed gives the same portfolio
  const day = (back: number): string => formatDay(AS_OF_DAY - back);
  const whole = (max: number): number => Math.floor(next() * max);
  portfolio = new Array(ACCOUNTS);
  for (let i = 0; i < ACCOUNTS; i++) {
    const id = `C${String(i).padStart(7, "0")}`;
    const orders = 1 + Math.floor(-Math.log(1 - next()) * 6);
    const interval = 10 + whole(80);
    // Mostly healthy accounts, as in a real book: buying around their own cycle, revenue roughly flat, followed
    // up recently; a tail of lapsing, declining, complaining and late-paying ones raises the alerts.
    const since = Math.floor(interval * (0.2 + 3 * next() ** 3));
    const previous = Math.round(orders * 1500 * (0.5 + next()));
    const recent = Math.round(previous * (next() < 0.1 ? next() : 0.7 + 0.6 * next()));
    const tier = TIERS[next() < 0.05 ? 0 : next() < 0.2 ? 1 : 2] as string;
    const features = {
      id,
      currency: "USD",
      revenueMinor: recent + previous + whole(100_000),
      orderCount: orders,
      daysSinceLastPurchase: since,
      interPurchaseMedianDays: orders > 1 ? interval : undefined,
      recentRevenueMinor: recent,
      previousRevenueMinor: previous,
      revenueTrendRatio: previous > 0 ? recent / previous : undefined,
      distinctCategories: 1 + whole(5),
      tenureDays: since + whole(2000),
      interactions:
        next() < 0.3
          ? {
              interactionCount: 3,
              complaintCount: whole(3),
              latestNps: 9,
              npsClass: "promoter",
              daysSinceLastByKind: { care: whole(400) },
            }
          : undefined,
      creditUtilisation: next() < 0.4 ? next() ** 3 : undefined,
    } as CustomerFeatures;
    const account: SignalAccount = {
      id,
      features,
      tier,
      pAlive: 1 - next() ** 4,
      activity: {
        recentOrders: 2,
        previousOrders: 1 + whole(3),
        recentCategories: 2,
        previousCategories: 1 + whole(2),
      },
      customer: {
        id,
        name: `Customer ${i}`,
        createdDate: day(30 + whole(3000)),
        reviewedDate: day(whole(200)),
        ...(next() < 0.3
          ? {
              contacts: [
                { name: `Contact ${i}`, birthday: `19${60 + whole(30)}-${day(whole(365)).slice(5)}` },
              ],
            }
          : {}),
        ...(next() < 0.2
          ? {
              importantDates: [
                { kind: "founding" as const, date: `19${80 + whole(20)}-${day(whole(365)).slice(5)}` },
              ],
            }
          : {}),
      },
    };
    if (next() < 0.8) {
      const interactions: Interaction[] = [
        { customerId: id, kind: "visit", date: day(whole(tier === "ordinary" ? 90 : 20)) },
      ];
      if (next() < 0.05) {
        const opened = day(whole(60));
        interactions.push({
          customerId: id,
          kind: "complaint",
          date: opened,
          openedAt: `${opened}T09:00:00+08:00`,
          ...(next() < 0.7 ? { firstResponseAt: `${opened}T15:00:00+08:00` } : {}),
        });
      }
      if (next() < 0.5)
        interactions.push({
          customerId: id,
          kind: "feedback",
          date: day(whole(300)),
          satisfaction: 3 + whole(3),
        });
      account.interactions = interactions;
    }
    if (next() < 0.3) {
      const invoices: Invoice[] = [];
      for (let k = 0, count = 1 + whole(3); k < count; k++) {
        const issued = 30 + whole(300);
        const paid = issued > 60 || next() < 0.9;
        invoices.push({
          id: `${id}-I${k}`,
          customerId: id,
          issueDate: day(issued),
          dueDate: day(issued - 30),
          amountMinor: 10_000 + whole(200_000),
          currency: "USD",
          ...(paid
            ? { payments: [{ date: day(Math.max(0, issued - 20 - whole(15))), amountMinor: 1_000_000 }] }
            : {}),
        });
      }
      account.invoices = invoices;
    }
    if (next() < 0.05) {
      const documents: Qualification[] = [
        {
          customerId: id,
          documentType: "business-licence",
          expires: day(-whole(1000) + 20),
          verifiedOn: day(whole(400)),
          status: "active",
        },
      ];
      account.qualifications = documents;
    }
    if (next() < 0.1) account.pool = { claimedDate: day(whole(60)) };
    portfolio[i] = account;
  }
}

export const cases: BenchCase[] = [
  {
    name: "signals: every built-in pack (which alerts, grades, scores), 1M accounts",
    setup: generate,
    run: () => evaluateSignals(portfolio, POLICY, { asOf: AS_OF }),
    rows: ACCOUNTS,
  },
  {
    name: "signals: every built-in pack, then every alert made with its evidence and message, 1M accounts",
    setup: generate,
    run: () => evaluateSignals(portfolio, POLICY, { asOf: AS_OF }).alerts,
    rows: ACCOUNTS,
  },
  {
    name: "signal tasks: follow-ups, pool returns, care dates, renewals of the next 14 days, 1M accounts",
    setup: generate,
    run: () => signalTaskList(portfolio, POLICY, { asOf: AS_OF, days: 14 }),
    rows: ACCOUNTS,
  },
  {
    name: "signal tasks: the same, then every task made with its message and key, 1M accounts",
    setup: generate,
    run: () => signalTasks(portfolio, POLICY, { asOf: AS_OF, days: 14 }),
    rows: ACCOUNTS,
  },
  {
    name: "signal KPIs: satisfaction, NPS, retention, complaint times, follow-up compliance, 1M accounts",
    setup: generate,
    run: () =>
      signalKpis(portfolio, { asOf: AS_OF, followUpCadenceDays: { strategic: 14, key: 30, default: 90 } }),
    rows: ACCOUNTS,
  },
];
