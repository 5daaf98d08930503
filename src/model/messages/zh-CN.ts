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
  "policy.metric.unknown":
    "{field} 引用的指标 {metric} 不存在：请使用 TIER_METRICS 中的内置指标、已声明的经理评分（rating.名称）、score 或 dimension.维度名。",
  "policy.tier.unknown": "{field} 中的等级 {tier} 不是本策略定义的客户等级。",
  "policy.name.duplicate": "{field} 的名称 {name} 重复使用。",
  "policy.name.reserved": "{field} 的名称 {name} 是保留字，不能使用。",
  "policy.weights.sum": "{field} 的权重合计为 0，至少要有一项大于 0。",
  "policy.threshold.order":
    "{tier} 的分数门槛（{value}）必须低于上一级 {previousTier} 的门槛（{previous}），各级门槛不能重叠或颠倒。",
  "policy.share.total": "{field} 各等级的客户占比合计为 {total}，超过 1（100%）。",
  "policy.band.order": "{field}：起点为 {value} 的分段必须大于前一段的起点（{previous}）。",
  "policy.band.points":
    "{field}：指标越好得分应越高，但得分从 {previous} 降到了 {value}（方向：{direction}）。",
  "policy.range.order": "{field} 的下限 {min} 大于上限 {max}。",
  "policy.condition.empty": "{field} 的条件既没有下限（min）也没有上限（max）。",
  "policy.tiers.sequence": "{field} 应按顺序列出等级 {expected}（基础等级除外），实际列出的是 {actual}。",
  "policy.metric.unscored": "评分时没有计算指标 {metric}；请用包含该指标的策略重新评分。",
  "tier.threshold.met": "综合得分 {score}，达到 {tier} 门槛 {threshold}。",
  "tier.threshold.base": "综合得分 {score}，低于最低门槛 {threshold}，归入基础等级 {tier}。",
  "tier.share.within": "综合得分 {score}，排在前 {share}% 以内，归入 {tier}（入围分数线 {cutoff}）。",
  "tier.share.base": "综合得分 {score}，未进入各高等级名额，归入基础等级 {tier}。",
  "tier.abc.class": "按 {metric} 做 ABC 分类为 {class} 类（排在前面的客户合计占 {share}%），归入 {tier}。",
  "tier.rule.matched": "符合第 {rule} 条规则，归入 {tier}。",
  "tier.rule.base": "未符合任何规则，归入基础等级 {tier}。",
  "tier.gate.failed": "不满足 {tier} 的准入条件：要求 {metric} {requirement}，该客户为 {value}，降为 {to}。",
  "tier.hysteresis.up-held":
    "综合得分 {score} 已达到 {tier} 门槛 {threshold}，但未超出缓冲分 {margin}，暂留 {kept}。",
  "tier.hysteresis.down-held":
    "已连续 {periods} 期低于 {tier}（本期测算为 {computed}），未满 {required} 期，暂保留 {tier}。",
  "tier.hysteresis.down-periods": "连续 {periods} 期低于 {from}，降为 {tier}。",
  "tier.hysteresis.down-margin":
    "综合得分 {score} 低于 {from} 门槛 {threshold} 超过 {margin} 分，直接降为 {tier}。",
  "tier.hysteresis.up-held-share":
    "排在前面的客户合计占该指标 {share}%，已在 {tier} 的累计占比线 {cutoff}% 以内，但未超出缓冲 {margin} 个百分点，暂留 {kept}。",
  "tier.hysteresis.down-margin-share":
    "排在前面的客户合计占该指标 {share}%，超出 {from} 的累计占比线 {cutoff}% 达 {margin} 个百分点以上，直接降为 {tier}。",
  "tier.override.applied": "由 {author} 人工调整为 {tier}（有效期至 {expires}）：{reason}。",
  "tier.override.expired": "{author} 设定的 {tier} 人工调整已于 {expires} 到期，不再生效。",
  "tier.grace.new-account":
    "新客户（合作 {tenureDays} 天，新客保护期 {graceDays} 天）：保护期内不低于 {tier}。",
  "model.no-repeat-buyers": "无法拟合 {model} 模型：{customers} 位客户中没有人重复购买，数据无法识别购买率。",
  "model.not-converged": "{model} 拟合在 {iterations} 次迭代后仍未收敛（最大梯度 {gradient}）。",
  "model.not-identified":
    "数据无法识别 {model} 的参数 {parameter}（估计值 {value}，标准误差不是有限值）；请勿使用其预测结果。",
  "model.spend-mean-undefined": "消费模型的 q 为 {q}（≤ 1），总体平均消费无定义；无法计算新客户的期望消费。",
  "signal.metric.unknown":
    "{field} 处的指标 {metric} 不存在：请使用 SIGNAL_METRICS 中的指标，或策略中定义的 grade.名称、score.名称。",
  "signal.metric.text": "{field} 处的指标 {metric} 是文本，只能用 in 或 missing 判断，不能用 {test}。",
  "signal.metric.not-days": "{field} 处的指标 {metric} 不是天数，不能用来计算积分衰减。",
  "signal.metric.order": "{field} 处不能使用指标 {metric}：{reason}。",
  "signal.condition.invalid": "{field} 处的条件无效：{reason}。",
  "signal.placeholder.unknown": "{field} 处的消息引用了 {placeholder}，它既不是指标，也不是 customer。",
  "task.follow-up.due": "请在 {date} 前跟进 {customer}（{tier}客户每 {cadence} 天跟进一次）。",
  "task.follow-up.overdue":
    "{customer} 的跟进已逾期 {days} 天（应于 {date} 跟进；{tier}客户每 {cadence} 天跟进一次）。",
  "task.pool.return": "公海回收提醒：{customer} 将于 {date} 退回公海，请在此之前跟进或成交。",
  "task.care.birthday": "{customer} 的 {subject} 将于 {date} 过生日。",
  "task.care.holiday": "{date} 是{subject}，请向 {customer} 致以节日问候。",
  "task.document.expiring": "{customer} 的{subject}将于 {date} 到期，请督促客户更新资质。",
  "task.care.founding": "{date} 是 {customer} 成立 {years} 周年，请送上祝贺。",
  "task.care.cooperation-start": "{date} 是与 {customer} 合作 {years} 周年。",
  "task.care.other": "{customer}：{date} 是{subject} {years} 周年。",
  "task.care.contract-renewal": "{customer} 的合同将于 {date} 续签，请提前沟通。",
  "task.care.contract-end": "{customer} 的合同将于 {date} 到期。",
};
