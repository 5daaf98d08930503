import type { SignalPolicy } from "../signalPolicySchema.js";

// The built-in "churn" pack, as data (SIGNAL_PACKS documents it; `keyaccount signals --print-pack churn` prints it).
export const CHURN_PACK: SignalPolicy = {
  version: 1,
  name: "churn early warning",
  scores: [
    {
      name: "health",
      base: 50,
      min: 0,
      max: 100,
      groups: [
        {
          name: "buying",
          min: -30,
          max: 30,
          rules: [
            {
              when: {
                metric: "daysSinceLastPurchase",
                op: "<=",
                ref: "purchaseInterval",
              },
              points: 20,
            },
            {
              when: {
                metric: "daysSinceLastPurchase",
                op: ">",
                ref: "purchaseInterval",
                times: 2,
              },
              points: -20,
            },
            {
              when: {
                metric: "revenueTrend",
                op: ">=",
                value: 1,
              },
              points: 10,
            },
            {
              when: {
                metric: "revenueTrend",
                op: "<",
                value: 0.5,
              },
              points: -10,
            },
          ],
        },
        {
          name: "contact",
          max: 20,
          rules: [
            {
              when: {
                metric: "daysSinceLastFollowUp",
                op: "<=",
                ref: "followUpCadence",
              },
              points: 20,
              decay: {
                ageMetric: "daysSinceLastFollowUp",
                halfLifeDays: 30,
              },
            },
          ],
        },
        {
          name: "voice",
          min: -40,
          max: 10,
          rules: [
            {
              when: {
                metric: "openComplaints",
                op: ">",
                value: 0,
              },
              points: -20,
            },
            {
              when: {
                metric: "npsClass",
                in: ["detractor"],
              },
              points: -15,
            },
            {
              when: {
                metric: "npsClass",
                in: ["promoter"],
              },
              points: 10,
            },
            {
              when: {
                metric: "latestSatisfaction",
                op: "<=",
                value: 2,
              },
              points: -10,
            },
          ],
        },
      ],
    },
  ],
  rules: [
    {
      id: "churn.overdue-cycle",
      category: "churn",
      severity: "warning",
      when: {
        all: [
          {
            metric: "daysSinceLastPurchase",
            op: ">",
            ref: "purchaseInterval",
            times: 2,
          },
          {
            metric: "orders",
            op: ">=",
            value: 3,
          },
        ],
      },
      message: {
        en: "No order for {daysSinceLastPurchase} days: more than twice its usual interval of {purchaseInterval} days.",
        "zh-CN": "已 {daysSinceLastPurchase} 天未下单，超过其平时下单间隔（{purchaseInterval} 天）的两倍。",
      },
    },
    {
      id: "churn.overdue-cycle-long",
      category: "churn",
      severity: "critical",
      when: {
        all: [
          {
            metric: "daysSinceLastPurchase",
            op: ">",
            ref: "purchaseInterval",
            times: 4,
          },
          {
            metric: "orders",
            op: ">=",
            value: 3,
          },
        ],
      },
      message: {
        en: "No order for {daysSinceLastPurchase} days: more than four times its usual interval of {purchaseInterval} days.",
        "zh-CN":
          "已 {daysSinceLastPurchase} 天未下单，超过其平时下单间隔（{purchaseInterval} 天）的四倍，流失风险高。",
      },
    },
    {
      id: "churn.spend-decline",
      category: "churn",
      severity: "warning",
      when: {
        all: [
          {
            metric: "previousRevenue",
            op: ">",
            value: 0,
          },
          {
            metric: "recentRevenue",
            op: "<",
            ref: "previousRevenue",
            times: 0.5,
          },
        ],
      },
      message: {
        en: "Revenue fell to {recentRevenue} in the recent window, less than half of the {previousRevenue} before.",
        "zh-CN": "近期销售额降至 {recentRevenue}，不到上一周期 {previousRevenue} 的一半。",
      },
    },
    {
      id: "churn.order-drop",
      category: "churn",
      severity: "warning",
      when: {
        all: [
          {
            metric: "previousOrders",
            op: ">=",
            value: 2,
          },
          {
            metric: "recentOrders",
            op: "<",
            ref: "previousOrders",
            times: 0.5,
          },
        ],
      },
      message: {
        en: "Orders dropped from {previousOrders} to {recentOrders} between the last two windows.",
        "zh-CN": "下单次数从上一周期的 {previousOrders} 次降至近期的 {recentOrders} 次。",
      },
    },
    {
      id: "churn.narrowing-range",
      category: "churn",
      severity: "info",
      when: {
        all: [
          {
            metric: "previousCategories",
            op: ">=",
            value: 2,
          },
          {
            metric: "recentOrders",
            op: ">=",
            value: 1,
          },
          {
            metric: "recentCategories",
            op: "<",
            ref: "previousCategories",
          },
        ],
      },
      message: {
        en: "Buys a narrower range: {recentCategories} categories recently against {previousCategories} before.",
        "zh-CN": "采购品类收窄：近期 {recentCategories} 个品类，上一周期 {previousCategories} 个。",
      },
    },
    {
      id: "churn.p-alive-low",
      category: "churn",
      severity: "warning",
      when: {
        metric: "pAlive",
        op: "<",
        value: 0.3,
      },
      message: {
        en: "The purchase model gives only {pAlive} probability that the customer is still active.",
        "zh-CN": "购买模型估计该客户仍然活跃的概率仅为 {pAlive}。",
      },
    },
    {
      id: "churn.complaints",
      category: "churn",
      severity: "critical",
      when: {
        metric: "complaintsRecent",
        op: ">=",
        value: 3,
      },
      message: {
        en: "Complaints in the recent window: {complaintsRecent}. A customer this unhappy may leave.",
        "zh-CN": "近期投诉 {complaintsRecent} 次，客户不满意程度高，有流失风险。",
      },
    },
    {
      id: "churn.satisfaction-falling",
      category: "churn",
      severity: "warning",
      when: {
        all: [
          {
            metric: "latestSatisfaction",
            op: "<=",
            value: 3,
          },
          {
            metric: "latestSatisfaction",
            op: "<=",
            ref: "earlierSatisfaction",
            plus: -1,
          },
        ],
      },
      message: {
        en: "Satisfaction fell to {latestSatisfaction} from an average of {earlierSatisfaction}.",
        "zh-CN": "满意度从此前平均 {earlierSatisfaction} 降至 {latestSatisfaction}。",
      },
    },
    {
      id: "churn.nps-detractor",
      category: "churn",
      severity: "warning",
      when: {
        metric: "npsClass",
        in: ["detractor"],
      },
      message: {
        en: "Latest NPS answer {nps}: a detractor.",
        "zh-CN": "最近一次 NPS 评分为 {nps}，属于贬损者。",
      },
    },
    {
      id: "churn.no-contact",
      category: "churn",
      severity: "warning",
      when: {
        metric: "daysWithoutFollowUp",
        op: ">",
        ref: "followUpCadence",
        times: 3,
      },
      message: {
        en: "No visit, call, e-mail or meeting for {daysWithoutFollowUp} days (cadence {followUpCadence} days).",
        "zh-CN": "已 {daysWithoutFollowUp} 天未拜访、通话、邮件或会面（跟进周期 {followUpCadence} 天）。",
      },
    },
    {
      id: "churn.health-low",
      category: "churn",
      severity: "warning",
      when: {
        metric: "score.health",
        op: "<",
        value: 30,
      },
      message: {
        en: "Health score {score.health} of 100.",
        "zh-CN": "客户健康度 {score.health} 分（满分 100）。",
      },
    },
  ],
};
