import type { SignalPolicy } from "../signalPolicySchema.js";

// The built-in "follow-up" pack, as data (SIGNAL_PACKS documents it; `keyaccount signals --print-pack follow-up` prints it).
export const FOLLOW_UP_PACK: SignalPolicy = {
  version: 1,
  name: "follow-up cadence and shared pool",
  rules: [
    {
      id: "follow-up.overdue",
      category: "follow-up",
      severity: "warning",
      when: {
        metric: "followUpDueIn",
        op: "<",
        value: 0,
      },
      message: {
        en: "Follow-up overdue: {daysWithoutFollowUp} days without a visit, call, e-mail or meeting; the account is to be followed up every {followUpCadence} days.",
        "zh-CN":
          "跟进逾期：已 {daysWithoutFollowUp} 天未拜访、通话、邮件或会面，该客户的跟进周期为 {followUpCadence} 天。",
      },
    },
    {
      id: "pool.return-warning",
      category: "pool",
      severity: "warning",
      when: {
        all: [
          {
            metric: "poolDaysLeft",
            op: ">",
            value: 0,
          },
          {
            metric: "poolDaysLeft",
            op: "<=",
            ref: "poolWarnDays",
          },
        ],
      },
      message: {
        en: "Returns to the shared pool in {poolDaysLeft} days unless followed up or won.",
        "zh-CN": "公海回收提醒：{poolDaysLeft} 天后将退回公海，请及时跟进或成交。",
      },
    },
    {
      id: "pool.return-due",
      category: "pool",
      severity: "critical",
      when: {
        metric: "poolDaysLeft",
        op: "<=",
        value: 0,
      },
      message: {
        en: "Due to return to the shared pool: not followed up or won in time.",
        "zh-CN": "已达公海回收条件：未按时跟进或成交，将退回公海。",
      },
    },
  ],
};
