import type { SignalPolicy } from "../signalPolicySchema.js";

// The built-in "care" pack, as data (SIGNAL_PACKS documents it; `keyaccount signals --print-pack care` prints it).
export const CARE_PACK: SignalPolicy = {
  version: 1,
  name: "customer care",
  rules: [
    {
      id: "care.upcoming",
      category: "care",
      severity: "info",
      when: {
        metric: "daysToNextCareDate",
        op: "<=",
        value: 7,
      },
      message: {
        en: "A care date ({nextCareOccasion}) is {daysToNextCareDate} days away.",
        "zh-CN": "{daysToNextCareDate} 天后有关怀日期（{nextCareOccasion}），请提前准备。",
      },
    },
    {
      id: "care.neglected",
      category: "care",
      severity: "info",
      when: {
        all: [
          {
            metric: "tier",
            missing: false,
          },
          {
            metric: "daysSinceLastCare",
            op: ">",
            value: 180,
          },
        ],
      },
      message: {
        en: "No greeting or gift for {daysSinceLastCare} days.",
        "zh-CN": "已 {daysSinceLastCare} 天没有问候或礼品关怀。",
      },
    },
  ],
};
