import type { Locale } from "../model/locale.js";

/**
 * Display names of the built-in segment codes per locale ({@link GRID_SEGMENTS}, {@link RFM_PACKAGE_SEGMENTS}).
 * A CRM can render the codes with its own texts instead.
 *
 * @example
 * ```ts
 * SEGMENT_LABELS["zh-CN"]["cant-lose"]; // => "不能失去的客户"
 * SEGMENT_LABELS.en.champions; // => "Champions"
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
  },
};
