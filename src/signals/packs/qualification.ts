import type { SignalPolicy } from "../signalPolicySchema.js";

// The built-in "qualification" pack, as data (SIGNAL_PACKS documents it; `keyaccount signals --print-pack qualification` prints it).
export const QUALIFICATION_PACK: SignalPolicy = {
  version: 1,
  name: "qualification documents and profile freshness",
  rules: [
    {
      id: "qualification.expired",
      category: "qualification",
      severity: "critical",
      when: {
        metric: "expiredDocuments",
        op: ">",
        value: 0,
      },
      message: {
        en: "Expired qualification documents: {expiredDocuments}.",
        "zh-CN": "已过期的资质证照：{expiredDocuments} 份。",
      },
    },
    {
      id: "qualification.expiring",
      category: "qualification",
      severity: "warning",
      when: {
        metric: "daysToNextExpiry",
        op: "<=",
        ref: "expiryWarningDays",
      },
      message: {
        en: "The {nextExpiringDocument} expires in {daysToNextExpiry} days.",
        "zh-CN": "资质证照（{nextExpiringDocument}）将在 {daysToNextExpiry} 天后到期。",
      },
    },
    {
      id: "qualification.unverified",
      category: "qualification",
      severity: "warning",
      when: {
        metric: "unverifiedDocuments",
        op: ">",
        value: 0,
      },
      message: {
        en: "Qualification documents never verified: {unverifiedDocuments}.",
        "zh-CN": "尚未审核的资质证照：{unverifiedDocuments} 份。",
      },
    },
    {
      id: "qualification.verification-stale",
      category: "qualification",
      severity: "info",
      when: {
        metric: "daysSinceVerification",
        op: ">",
        ref: "verificationReviewDays",
      },
      message: {
        en: "A document was last verified {daysSinceVerification} days ago (review every {verificationReviewDays} days).",
        "zh-CN": "有资质证照已 {daysSinceVerification} 天未复核（复核周期 {verificationReviewDays} 天）。",
      },
    },
    {
      id: "profile.stale",
      category: "profile",
      severity: "info",
      when: {
        metric: "daysSinceProfileReview",
        op: ">",
        ref: "profileReviewDays",
      },
      message: {
        en: "The customer record was last reviewed {daysSinceProfileReview} days ago.",
        "zh-CN": "客户资料已 {daysSinceProfileReview} 天未更新核实。",
      },
    },
  ],
};
