import type { SignalPolicy } from "../signalPolicySchema.js";

// The built-in "complaints" pack, as data (SIGNAL_PACKS documents it; `keyaccount signals --print-pack complaints` prints it).
export const COMPLAINTS_PACK: SignalPolicy = {
  version: 1,
  name: "complaint handling",
  rules: [
    {
      id: "complaint.open",
      category: "complaint",
      severity: "info",
      when: {
        metric: "openComplaints",
        op: ">",
        value: 0,
      },
      message: {
        en: "Open complaints: {openComplaints}; the oldest has been open for {oldestOpenComplaintDays} days.",
        "zh-CN": "未结投诉 {openComplaints} 个，最早的已持续 {oldestOpenComplaintDays} 天。",
      },
    },
    {
      id: "complaint.response-late",
      category: "complaint",
      severity: "warning",
      when: {
        metric: "responseBreaches",
        op: ">",
        value: 0,
      },
      message: {
        en: "Complaints answered later than the {responseTargetHours}-hour target: {responseBreaches} (longest wait {longestResponseHours} hours).",
        "zh-CN":
          "首次响应超过 {responseTargetHours} 小时的投诉 {responseBreaches} 个（最长 {longestResponseHours} 小时）。",
      },
    },
    {
      id: "complaint.resolution-late",
      category: "complaint",
      severity: "warning",
      when: {
        metric: "resolutionBreaches",
        op: ">",
        value: 0,
      },
      message: {
        en: "Complaints resolved later than the {resolutionTargetHours}-hour target: {resolutionBreaches} (longest {longestResolutionHours} hours).",
        "zh-CN":
          "处理时间超过 {resolutionTargetHours} 小时的投诉 {resolutionBreaches} 个（最长 {longestResolutionHours} 小时）。",
      },
    },
    {
      id: "complaint.repeat",
      category: "complaint",
      severity: "warning",
      when: {
        metric: "complaintsRecent",
        op: ">=",
        value: 2,
      },
      message: {
        en: "Repeat complaints: {complaintsRecent} in the recent window.",
        "zh-CN": "近期重复投诉 {complaintsRecent} 次。",
      },
    },
  ],
};
