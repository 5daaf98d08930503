import type { SignalPolicy } from "../signalPolicySchema.js";

// The built-in "credit" pack, as data (SIGNAL_PACKS documents it; `keyaccount signals --print-pack credit` prints it).
export const CREDIT_PACK: SignalPolicy = {
  version: 1,
  name: "credit risk",
  grades: [
    {
      name: "credit",
      classes: [
        {
          label: "unrated",
          when: {
            metric: "paidInvoices",
            missing: true,
          },
          reason: {
            en: "no invoices yet",
            "zh-CN": "暂无开票记录",
          },
        },
        {
          label: "D",
          when: {
            any: [
              {
                metric: "overdue90Plus",
                op: ">",
                value: 0,
              },
              {
                metric: "creditUtilisation",
                op: ">",
                value: 1.2,
              },
            ],
          },
          reason: {
            en: "invoices more than 90 days past due, or credit used beyond 120 % of the limit",
            "zh-CN": "有逾期超过 90 天的账款，或占用额度超过信用额度的 120%",
          },
        },
        {
          label: "C",
          when: {
            any: [
              {
                metric: "overdue61To90",
                op: ">",
                value: 0,
              },
              {
                metric: "latePaymentShare",
                op: ">",
                value: 0.5,
              },
              {
                metric: "creditUtilisation",
                op: ">",
                value: 1,
              },
            ],
          },
          reason: {
            en: "invoices 61–90 days past due, most invoices paid late, or the credit limit exceeded",
            "zh-CN": "有逾期 61–90 天的账款、多数发票逾期付款，或超出信用额度",
          },
        },
        {
          label: "B",
          when: {
            any: [
              {
                metric: "overdue31To60",
                op: ">",
                value: 0,
              },
              {
                metric: "latePaymentShare",
                op: ">",
                value: 0.2,
              },
              {
                metric: "daysToPayRecent",
                op: ">",
                ref: "daysToPayEarlier",
                times: 1.25,
                plus: 5,
              },
            ],
          },
          reason: {
            en: "invoices 31–60 days past due, more than a fifth paid late, or paying markedly slower",
            "zh-CN": "有逾期 31–60 天的账款、超过五分之一的发票逾期付款，或回款明显变慢",
          },
        },
      ],
      otherwise: "A",
    },
  ],
  rules: [
    {
      id: "credit.overdue-90-plus",
      category: "credit",
      severity: "critical",
      when: {
        metric: "overdue90Plus",
        op: ">",
        value: 0,
      },
      message: {
        en: "{overdue90Plus} is more than 90 days past due.",
        "zh-CN": "回款逾期：{overdue90Plus} 已逾期超过 90 天。",
      },
    },
    {
      id: "credit.overdue-61-90",
      category: "credit",
      severity: "warning",
      when: {
        metric: "overdue61To90",
        op: ">",
        value: 0,
      },
      message: {
        en: "{overdue61To90} is 61–90 days past due.",
        "zh-CN": "回款逾期：{overdue61To90} 已逾期 61–90 天。",
      },
    },
    {
      id: "credit.overdue-31-60",
      category: "credit",
      severity: "warning",
      when: {
        metric: "overdue31To60",
        op: ">",
        value: 0,
      },
      message: {
        en: "{overdue31To60} is 31–60 days past due.",
        "zh-CN": "回款逾期：{overdue31To60} 已逾期 31–60 天。",
      },
    },
    {
      id: "credit.overdue-1-30",
      category: "credit",
      severity: "info",
      when: {
        metric: "overdue1To30",
        op: ">",
        value: 0,
      },
      message: {
        en: "{overdue1To30} is up to 30 days past due.",
        "zh-CN": "回款逾期：{overdue1To30} 已逾期 30 天以内。",
      },
    },
    {
      id: "credit.paying-slower",
      category: "credit",
      severity: "warning",
      when: {
        metric: "daysToPayRecent",
        op: ">",
        ref: "daysToPayEarlier",
        times: 1.25,
        plus: 5,
      },
      message: {
        en: "Pays slower: {daysToPayRecent} days to pay recently against {daysToPayEarlier} before.",
        "zh-CN": "回款变慢：近期平均 {daysToPayRecent} 天回款，此前为 {daysToPayEarlier} 天。",
      },
    },
    {
      id: "credit.limit-exceeded",
      category: "credit",
      severity: "critical",
      when: {
        metric: "creditUtilisation",
        op: ">",
        value: 1,
      },
      message: {
        en: "Open receivables of {openReceivables} exceed the credit limit of {creditLimit} ({creditUtilisation}).",
        "zh-CN": "应收账款 {openReceivables} 已超出信用额度 {creditLimit}（占用 {creditUtilisation}）。",
      },
    },
    {
      id: "credit.limit-nearly-used",
      category: "credit",
      severity: "warning",
      when: {
        metric: "creditUtilisation",
        between: [0.8, 1],
      },
      message: {
        en: "{creditUtilisation} of the credit limit is in use.",
        "zh-CN": "信用额度已占用 {creditUtilisation}。",
      },
    },
    {
      id: "credit.rating-low",
      category: "credit",
      severity: "warning",
      when: {
        metric: "grade.credit",
        in: ["C", "D"],
      },
      message: {
        en: "Credit rating {grade.credit}.",
        "zh-CN": "信用评级为 {grade.credit} 级。",
      },
    },
  ],
};
