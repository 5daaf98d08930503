import type { Locale } from "../model/locale.js";

/**
 * Display names of the built-in segment codes per locale ({@link GRID_SEGMENTS}, {@link RFM_PACKAGE_SEGMENTS},
 * {@link RFM_EIGHT_CLASS_SEGMENTS}).
 * A CRM can render the codes with its own texts instead.
 *
 * @example
 * ```ts
 * SEGMENT_LABELS["zh-CN"]["cant-lose"]; // => "不能失去的客户"
 * SEGMENT_LABELS.en.champions; // => "Champions"
 * SEGMENT_LABELS["zh-CN"]["important-retain"]; // => "重要保持客户"
 * ```
 */
export const SEGMENT_LABELS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    champions: "Champions",
    loyal: "Loyal Customers",
    "potential-loyalist": "Potential Loyalist",
    recent: "Recent Customers",
    new: "New Customers",
    promising: "Promising",
    "need-attention": "Need Attention",
    "about-to-sleep": "About to Sleep",
    "at-risk": "At Risk",
    "cant-lose": "Can't Lose Them",
    hibernating: "Hibernating",
    lost: "Lost",
    others: "Others",
    "important-value": "High value",
    "important-develop": "High potential — develop",
    "important-retain": "Important to retain",
    "important-win-back": "Important to win back",
    "general-value": "General value",
    "general-develop": "General — develop",
    "general-retain": "General — retain",
    "general-win-back": "General — win back",
  },
  "zh-CN": {
    champions: "冠军客户",
    loyal: "忠诚客户",
    "potential-loyalist": "潜在忠诚客户",
    recent: "新近客户",
    new: "新客户",
    promising: "有潜力的客户",
    "need-attention": "需要关注的客户",
    "about-to-sleep": "即将沉睡的客户",
    "at-risk": "有流失风险的客户",
    "cant-lose": "不能失去的客户",
    hibernating: "休眠客户",
    lost: "已流失客户",
    others: "其他",
    "important-value": "重要价值客户",
    "important-develop": "重要发展客户",
    "important-retain": "重要保持客户",
    "important-win-back": "重要挽留客户",
    "general-value": "一般价值客户",
    "general-develop": "一般发展客户",
    "general-retain": "一般保持客户",
    "general-win-back": "一般挽留客户",
  },
};
