// A small hand-made portfolio report: 3 tiers, a 5 × 5 RFM grid, a 4-point whale curve, a migration, a model
// check, alerts in three categories, two tasks and three account sections (one with a name that must be escaped).

import type { ReportAccount, ReportData } from "../../src/report/ReportData.js";
import type { SignalAlert } from "../../src/signals/evaluateSignals.js";

export const HOSTILE_NAME = `<script>alert(1)</script> & "quotes"`;

const alert = (
  customerId: string,
  rule: string,
  severity: SignalAlert["severity"],
  category: string,
  message: string,
): SignalAlert => ({
  customerId,
  rule,
  severity,
  category,
  message,
  evidence: [],
  key: `${rule}|${customerId}`,
});

export const ALERTS: SignalAlert[] = [
  alert("C-001", "credit.overdue-90-plus", "critical", "credit", "¥1,200.00 is more than 90 days past due."),
  alert("C 002", "churn.silent", "warning", "churn", "No order for 120 days."),
  alert("C-003", "care.birthday", "info", "care", "A contact's birthday is coming."),
];

const account = (id: string, overrides: Partial<ReportAccount>): ReportAccount => ({
  id,
  tier: "standard",
  score: 40,
  dimensions: [
    { name: "value", score: 50 },
    { name: "relationship", score: 30 },
  ],
  revenueMinor: 100000,
  reasons: ["Score 40 is below the lowest threshold (45): base tier standard."],
  alerts: [],
  ...overrides,
});

export const ACCOUNTS: ReportAccount[] = [
  account("C-001", {
    name: "Acme Trading",
    tier: "strategic",
    previousTier: "key",
    score: 82.25,
    dimensions: [{ name: "value", score: 90 }, { name: "relationship" }],
    revenueMinor: 1234567,
    grossMarginMinor: 400000,
    profitMinor: 250000,
    clvMinor: 3000000,
    pAlive: 0.93,
    rfmCode: "555",
    rfmSegment: "Champions",
    reasons: ["Score 82.25 reaches the strategic threshold of 80."],
    alerts: [ALERTS[0] as SignalAlert],
  }),
  account("C 002", {
    name: HOSTILE_NAME,
    tier: "key",
    previousTier: "key",
    alerts: [ALERTS[1] as SignalAlert],
  }),
  account("C-003", { alerts: [ALERTS[2] as SignalAlert] }),
];

export const REPORT: ReportData = {
  title: "Portfolio report",
  asOf: "2024-06-30",
  currency: "CNY",
  locale: "en",
  kpis: {
    accounts: 10,
    revenueMinor: 2000000,
    grossMarginMinor: 600000,
    clvMinor: 5000000,
    signals: {
      accounts: 10,
      satisfaction: { answers: 4, mean: 3.75, distribution: [0, 0, 1, 3, 0] },
      nps: { respondents: 4, promoters: 2, passives: 1, detractors: 1, score: 25 },
      repeatPurchaseRate: 0.7,
      retention: 0.75,
      complaints: {
        count: 3,
        firstResponseHours: { measured: 2, median: 3.5, p90: 20.6, withinTarget: 1 },
        resolutionHours: { measured: 1, median: 50, p90: 50, withinTarget: 1 },
      },
      followUpCompliance: 0.5,
      counts: {
        buyers: 10,
        repeatBuyers: 7,
        previousBuyers: 8,
        retainedBuyers: 6,
        followUpTracked: 10,
        followedUpInTime: 5,
      },
    },
  },
  tiers: [
    { name: "strategic", accounts: 1, revenueMinor: 1234567, accountShare: 0.1, revenueShare: 0.6172835 },
    { name: "key", accounts: 3, revenueMinor: 500000, accountShare: 0.3, revenueShare: 0.25 },
    { name: "standard", accounts: 6, revenueMinor: 265433, accountShare: 0.6, revenueShare: 0.1327165 },
  ],
  rfm: {
    // grid[r − 1][f − 1]; 25 accounts, one more per cell towards high R and F.
    grid: [
      [1, 0, 0, 0, 0],
      [1, 1, 0, 0, 0],
      [1, 1, 1, 0, 0],
      [1, 1, 1, 1, 0],
      [1, 2, 3, 4, 5],
    ],
    monetaryMinor: [
      [1000, 0, 0, 0, 0],
      [2000, 4000, 0, 0, 0],
      [3000, 6000, 9000, 0, 0],
      [4000, 8000, 12000, 16000, 0],
      [5000, 20000, 45000, 80000, 125000],
    ],
    breaks: {
      recency: { method: "quantile", closed: "right", breaks: [9, 30, 81, 200], reversed: true },
      frequency: { method: "quantile", closed: "right", breaks: [1, 2, 4, 8], reversed: false },
      monetary: {
        method: "quantile",
        closed: "right",
        breaks: [5000, 20000, 50000, 100000],
        reversed: false,
      },
    },
  },
  whaleCurve: {
    totalProfitMinor: 100,
    points: [
      { customerShare: 0, cumulativeProfitMinor: 0, profitShare: 0 },
      { customerShare: 0.5, cumulativeProfitMinor: 150, profitShare: 1.5 },
      { customerShare: 0.75, cumulativeProfitMinor: 130, profitShare: 1.3 },
      { customerShare: 1, cumulativeProfitMinor: 100, profitShare: 1 },
    ],
    peak: { customers: 2, customerShare: 0.5, cumulativeProfitMinor: 150, profitShare: 1.5 },
  },
  migration: {
    from: ["strategic", "key", "standard", "new"],
    to: ["strategic", "key", "standard", "departed"],
    accounts: [
      [0, 0, 0, 0],
      [1, 2, 0, 1],
      [0, 1, 5, 0],
      [0, 0, 1, 0],
    ],
    revenueMinor: [
      [0, 0, 0, 0],
      [1234567, 300000, 0, 0],
      [0, 200000, 240000, 0],
      [0, 0, 25433, 0],
    ],
    moved: [],
    counts: { up: 2, down: 0, unchanged: 7, new: 1, departed: 1 },
  },
  modelCheck: {
    model: "BG/NBD",
    check: {
      byFrequency: [
        { frequency: 0, andMore: false, customers: 5, actual: 0.2, predicted: 0.25 },
        { frequency: 1, andMore: false, customers: 3, actual: 1, predicted: 0.9 },
        { frequency: 2, andMore: true, customers: 2, actual: 2.5, predicted: 2.1 },
      ],
      mae: 0.31,
      rmse: 0.42,
      totalActual: 9,
      totalPredicted: 8.15,
    },
  },
  alertCounts: [
    { category: "credit", severity: "critical", alerts: 2 },
    { category: "churn", severity: "warning", alerts: 3 },
    { category: "credit", severity: "warning", alerts: 1 },
    { category: "churn", severity: "info", alerts: 1 },
    { category: "care", severity: "info", alerts: 2 },
    { category: "care", severity: "warning", alerts: 0 },
  ],
  alerts: ALERTS,
  tasks: [
    {
      customerId: "C 002",
      kind: "follow-up",
      dueDate: "2024-07-03",
      daysUntil: 3,
      code: "task.follow-up.due",
      params: { customer: HOSTILE_NAME, date: "2024-07-03", tier: "key", cadence: 30 },
      message: `Follow up with ${HOSTILE_NAME} by 2024-07-03 (key accounts every 30 days).`,
      key: "follow-up|C 002|2024-07-03",
    },
    {
      customerId: "C-009",
      kind: "document-renewal",
      dueDate: "2024-07-10",
      daysUntil: 10,
      code: "task.document.expiring",
      params: { customer: "Beta Ltd", subject: "business licence", date: "2024-07-10" },
      message: "The business licence of Beta Ltd expires on 2024-07-10: ask for the renewed document.",
      key: "document-renewal|C-009|2024-07-10",
    },
  ],
  accounts: ACCOUNTS,
};
