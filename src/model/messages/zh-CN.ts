import type { IssueCode } from "../issue.js";

/**
 * The Simplified Chinese (zh-CN) message catalogue, written for people who run key-account management in
 * Chinese.
 *
 * @example
 * ```ts
 * zhCN["id.missing"]; // => "客户编号为空。"
 * ```
 */
export const zhCN: Readonly<Record<IssueCode, string>> = {
  "field.missing": "必填字段 {field} 为空。",
  "field.invalid": "字段 {field} 的值 {value} 无效：{reason}。",
  "field.unknown": "无法识别的字段 {field}。",
  "id.missing": "客户编号为空。",
  "id.duplicate": "编号 {value} 已在第 {firstRow} 行使用过。",
  "date.missing": "日期为空。",
  "date.invalid": "无法识别日期 {value}（应为 {expected}）。",
  "date.after-as-of": "日期 {value} 晚于统计截止日 {asOf}。",
  "date.order": "{field}（{value}）早于 {otherField}（{otherValue}）。",
  "amount.missing": "金额为空。",
  "amount.invalid": "金额 {value} 不是有效数字。",
  "amount.precision": "金额 {value} 的小数位超过 {currency} 允许的 {digits} 位。",
  "amount.nonpositive": "单价或金额 {value} 为零或负数，但该行是销售，不是取消或退货。",
  "amount.zero": "金额为零。",
  "amount.rounded": "金额 {value} 已按四舍六入五成双取整为 {rounded}（{currency} 保留 {digits} 位小数）。",
  "currency.invalid": "币种 {value} 不是三位 ISO 4217 代码。",
  "currency.mixed": "币种 {value} 与本次运行的币种 {expected} 不一致。",
  "quantity.invalid": "数量 {value} 不是有效数字。",
  "quantity.negative": "数量 {value} 为负数，但该行既未标记为取消或退货，也未注明冲销哪笔交易。",
  "row.duplicate": "本行与第 {firstRow} 行完全重复。",
  "row.unreadable": "本行无法解析为数据行：{reason}。",
  "cancellation.matched": "本条取消或退货冲销了第 {originalRow} 行的销售。",
  "cancellation.unmatched":
    "本条取消或退货找不到客户 {customerId} 此前购买 {product} 且数量足以冲销的销售记录。",
  "return.unmatched": "本条取消或退货关联的交易 {value} 不在客户 {customerId} 已导入的销售记录中。",
  "reference.unknown-customer": "客户 {value} 不在客户名单中。",
  "rating.out-of-range": "{field} 的值 {value} 超出 {min}..{max} 的范围。",
  "option.invalid": "参数 {field} 无效：{reason}。",
  "segment.uncovered": "没有任何分群规则覆盖评分组合 {cell}，这些客户将归入 {fallback}。",
  "segment.overlap": "评分组合 {cell} 同时被多个分群认领：{segments}；以第一个为准。",
  "model.no-repeat-buyers": "无法拟合 {model} 模型：{customers} 位客户中没有人重复购买，数据无法识别购买率。",
  "model.not-converged": "{model} 拟合在 {iterations} 次迭代后仍未收敛（最大梯度 {gradient}）。",
  "model.not-identified":
    "数据无法识别 {model} 的参数 {parameter}（估计值 {value}，标准误差不是有限值）；请勿使用其预测结果。",
  "model.spend-mean-undefined": "消费模型的 q 为 {q}（≤ 1），总体平均消费无定义；无法计算新客户的期望消费。",
};
