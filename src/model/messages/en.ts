import type { IssueCode } from "../issue.js";

/**
 * The English message catalogue: one template per code, with `{name}` placeholders filled from the issue's
 * params.
 *
 * @example
 * ```ts
 * en["date.invalid"]; // => "The date {value} cannot be read (expected {expected})."
 * ```
 */
export const en: Readonly<Record<IssueCode, string>> = {
  "field.missing": "The field {field} is required but empty.",
  "field.invalid": "The field {field} has the value {value}, which is not valid: {reason}.",
  "field.unknown": "The field {field} is not known.",
  "id.missing": "The customer id is empty.",
  "id.duplicate": "The id {value} was already used on row {firstRow}.",
  "date.missing": "The date is empty.",
  "date.invalid": "The date {value} cannot be read (expected {expected}).",
  "date.after-as-of": "The date {value} is after the as-of date {asOf}.",
  "date.order": "The date {field} ({value}) is before {otherField} ({otherValue}).",
  "amount.missing": "The amount is empty.",
  "amount.invalid": "The amount {value} is not a number.",
  "amount.precision": "The amount {value} has more decimals than {currency} allows ({digits}).",
  "amount.nonpositive":
    "The price or amount {value} is zero or negative, but the row is a sale, not a cancellation or a return.",
  "amount.zero": "The amount is zero.",
  "amount.rounded":
    "The amount {value} was rounded half-to-even to {rounded} ({currency} has {digits} decimals).",
  "currency.invalid": "The currency {value} is not a three-letter ISO 4217 code.",
  "currency.mixed": "The currency {value} differs from {expected}, the currency of this run.",
  "quantity.invalid": "The quantity {value} is not a number.",
  "quantity.negative":
    "The quantity {value} is negative, but the row is not marked as a cancellation or a return and names no transaction it reverses.",
  "row.duplicate": "This row repeats row {firstRow} exactly.",
  "row.unreadable": "This line cannot be read as a row: {reason}.",
  "cancellation.matched": "This cancellation or return reverses the sale on row {originalRow}.",
  "cancellation.unmatched":
    "This cancellation or return finds no earlier sale of {product} to customer {customerId} large enough to reverse.",
  "return.unmatched":
    "This cancellation or return refers to transaction {value}, which is not among the accepted sales of customer {customerId}.",
  "reference.unknown-customer": "The customer {value} is not in the customer list.",
  "rating.out-of-range": "The {field} {value} is outside {min}..{max}.",
  "option.invalid": "The option {field} is not valid: {reason}.",
  "segment.uncovered": "No segment rule covers the score cell {cell}; its customers fall into {fallback}.",
  "segment.overlap": "The score cell {cell} is claimed by several segments: {segments}; the first wins.",
  "policy.metric.unknown":
    "The metric {metric} at {field} is not known: use a metric of TIER_METRICS, a declared rating (rating.NAME), score or dimension.NAME.",
  "policy.tier.unknown": "The tier {tier} at {field} is not one of the policy's tiers.",
  "policy.name.duplicate": "The name {name} at {field} is used more than once.",
  "policy.name.reserved": "The name {name} at {field} is reserved and cannot be used.",
  "policy.weights.sum": "The weights at {field} add up to 0; at least one must be positive.",
  "policy.threshold.order":
    "The threshold of {tier} ({value}) must be below the threshold of the tier above, {previousTier} ({previous}): thresholds may not overlap or be out of order.",
  "policy.share.total": "The tier shares at {field} add up to {total}, more than 1 (100 %).",
  "policy.band.order":
    "At {field} the band starting at {value} must start above the band before it ({previous}).",
  "policy.band.points":
    "At {field} the points fall from {previous} to {value} as the value improves ({direction} is better).",
  "policy.range.order": "At {field} the lower bound {min} is above the upper bound {max}.",
  "policy.condition.empty": "The condition at {field} has neither a min nor a max.",
  "policy.tiers.sequence":
    "{field} must name the tiers {expected}, in this order (every tier but the base tier); it names {actual}.",
  "policy.metric.unscored":
    "The metric {metric} was not computed when the accounts were scored; score them with a policy that names it.",
  "tier.threshold.met": "Score {score} reaches the {tier} threshold of {threshold}.",
  "tier.threshold.base": "Score {score} is below the lowest threshold ({threshold}): base tier {tier}.",
  "tier.share.within":
    "Score {score} is within the top {share} % of accounts that make {tier} (cut-off score {cutoff}).",
  "tier.share.base": "Score {score} is outside the shares of the higher tiers: base tier {tier}.",
  "tier.abc.class": "Class {class} on {metric} (the accounts ranked above hold {share} % of it): {tier}.",
  "tier.rule.matched": "Rule {rule} matched: {tier}.",
  "tier.rule.base": "No rule matched: base tier {tier}.",
  "tier.gate.failed":
    "Not {tier}: it requires {metric} {requirement} and the account has {value}; placed in {to}.",
  "tier.hysteresis.up-held":
    "Score {score} passes the {tier} threshold {threshold} but not by the margin of {margin}; stays {kept}.",
  "tier.hysteresis.down-held":
    "Below {tier} (computed {computed}) for {periods} of {required} periods: stays {tier} for now.",
  "tier.hysteresis.down-periods": "Below {from} for {periods} consecutive periods: moved down to {tier}.",
  "tier.hysteresis.down-margin":
    "Score {score} is more than {margin} below the {from} threshold {threshold}: moved down to {tier} at once.",
  "tier.hysteresis.up-held-share":
    "The accounts ranked above hold {share} % of the metric, within the {tier} cut-off of {cutoff} % but not by the margin of {margin} points; stays {kept}.",
  "tier.hysteresis.down-margin-share":
    "The accounts ranked above hold {share} % of the metric, more than {margin} points past the {from} cut-off of {cutoff} %: moved down to {tier} at once.",
  "tier.override.applied": "Set to {tier} by {author} (until {expires}): {reason}.",
  "tier.override.expired": "The override to {tier} by {author} expired on {expires} and no longer applies.",
  "tier.grace.new-account":
    "New account ({tenureDays} days, grace period {graceDays} days): not placed below {tier}.",
  "model.no-repeat-buyers":
    "The {model} model cannot be fitted: none of the {customers} customers bought again, so the data cannot identify the purchase rate.",
  "model.too-few-repeat-buyers":
    "No predictive CLV: only {repeatBuyers} customers bought more than once, and the policy asks for at least {required} to fit the {model} model.",
  "model.check-too-few-repeat-buyers":
    "No model check: only {repeatBuyers} customers bought more than once up to {calibrationEnd}, and the policy asks for at least {required}.",
  "report.redacted": "(personal data hidden)",
  "model.not-converged":
    "The {model} fit stopped after {iterations} iterations without converging (largest gradient {gradient}).",
  "model.not-identified":
    "The data cannot identify the {model} parameter {parameter} (estimate {value}, no finite standard error); do not use its predictions.",
  "model.spend-mean-undefined":
    "The spend model's q is {q} (≤ 1), so the population mean spend is undefined; expected spend of new customers cannot be computed.",
  "signal.metric.unknown":
    "The metric {metric} at {field} is not known: use a metric of SIGNAL_METRICS, or grade.NAME or score.NAME of the policy's grades and scores.",
  "signal.metric.text":
    "The metric {metric} at {field} is text: test it with in or missing, not with {test}.",
  "signal.metric.not-days":
    "The metric {metric} at {field} is not a number of days, so points cannot decay with it.",
  "signal.metric.order": "The metric {metric} at {field} cannot be used here: {reason}.",
  "signal.condition.invalid": "The condition at {field} is not valid: {reason}.",
  "signal.placeholder.unknown":
    "The message at {field} names {placeholder}, which is neither a metric nor customer.",
  "task.follow-up.due": "Follow up with {customer} by {date} ({tier} accounts every {cadence} days).",
  "task.follow-up.overdue":
    "Follow-up with {customer} is {days} days overdue (due {date}; {tier} accounts every {cadence} days).",
  "task.pool.return":
    "{customer} returns to the shared pool on {date} unless it is followed up or a deal is closed.",
  "task.care.birthday": "{subject} of {customer} has a birthday on {date}.",
  "task.care.holiday": "{subject} on {date}: send {customer} a greeting.",
  "task.document.expiring": "The {subject} of {customer} expires on {date}: ask for the renewed document.",
  "task.care.founding": "{customer} was founded {years} years ago on {date}: send congratulations.",
  "task.care.cooperation-start": "{date}: {years} years of cooperation with {customer}.",
  "task.care.other": "{customer}: {years} years since {subject} on {date}.",
  "task.care.contract-renewal": "The contract with {customer} is up for renewal on {date}.",
  "task.care.contract-end": "The contract with {customer} ends on {date}.",
  "report.title": "Key account portfolio report",
  "report.as-of": "As of {date}",
  "report.section.overview": "Portfolio overview",
  "report.section.tiers": "Tiers",
  "report.section.rfm": "RFM analysis",
  "report.section.whale": "Profitability",
  "report.section.migration": "Tier migration",
  "report.section.model-check": "Purchase model check",
  "report.section.alerts": "Alerts",
  "report.section.tasks": "Tasks",
  "report.section.accounts": "Accounts",
  "report.chart.tiers": "Accounts and net revenue by tier",
  "report.chart.rfm.accounts": "RFM grid: accounts by recency and frequency score",
  "report.chart.rfm.monetary": "RFM grid: mean net revenue by recency and frequency score",
  "report.chart.whale": "Whale curve: cumulative profit",
  "report.chart.migration": "Tier migration since the previous run",
  "report.chart.model-check": "Model check: holdout purchases, actual and predicted",
  "report.chart.alerts": "Alerts by category and severity",
  "report.label.tier": "Tier",
  "report.label.accounts": "Accounts",
  "report.label.account": "Account",
  "report.label.revenue": "Net revenue",
  "report.label.revenue-in": "Net revenue ({currency})",
  "report.label.mean-revenue-in": "Mean net revenue ({currency})",
  "report.label.account-share": "Share of accounts",
  "report.label.revenue-share": "Share of net revenue",
  "report.label.gross-margin": "Gross margin",
  "report.label.profit": "Profit",
  "report.label.clv": "Customer lifetime value",
  "report.label.p-alive": "Probability still active",
  "report.label.score": "Score",
  "report.label.dimension": "Dimension",
  "report.label.previous-tier": "Previous tier",
  "report.label.current-tier": "Current tier",
  "report.label.new-account": "New",
  "report.label.departed": "Departed",
  "report.label.rfm-segment": "RFM segment",
  "report.label.rfm-score": "Score",
  "report.label.recency-score": "Recency score (higher = bought more recently)",
  "report.label.frequency-score": "Frequency score (higher = more orders)",
  "report.label.days-since-purchase": "Days since the last purchase",
  "report.label.orders": "Orders",
  "report.label.customer-share": "Accounts ranked by profit, most profitable first",
  "report.label.profit-share": "Cumulative profit, share of the total",
  "report.label.cumulative-profit-in": "Cumulative profit ({currency})",
  "report.label.calibration-purchases": "Repeat purchases in the calibration period",
  "report.label.holdout-purchases": "Holdout purchases per account",
  "report.label.actual": "Actual",
  "report.label.predicted": "Predicted",
  "report.label.category": "Category",
  "report.label.severity": "Severity",
  "report.label.alerts": "Alerts",
  "report.label.alert": "Alert",
  "report.label.due-date": "Due",
  "report.label.task": "Task",
  "report.label.reasons": "Why this tier",
  "report.label.satisfaction": "Satisfaction (1–5)",
  "report.label.nps": "Net Promoter Score",
  "report.label.repeat-rate": "Repeat purchase rate",
  "report.label.retention": "Retention",
  "report.label.complaint-response": "Complaint first response, median / P90",
  "report.label.follow-up-compliance": "Followed up on time",
  "report.severity.critical": "Critical",
  "report.severity.warning": "Warning",
  "report.severity.info": "Info",
  "report.category.churn": "Churn risk",
  "report.category.credit": "Credit",
  "report.category.complaint": "Complaints",
  "report.category.follow-up": "Follow-up",
  "report.category.pool": "Shared pool",
  "report.category.care": "Customer care",
  "report.category.qualification": "Qualification documents",
  "report.category.profile": "Customer profile",
  "report.value.hours": "{hours} h",
  "report.value.amount-share": "{amount} ({share})",
  "report.rfm.ranges": "The value ranges behind the scores",
  "report.whale.summary":
    "The {customers} most profitable accounts ({share} of all) earn {peak} in profit; the portfolio as a whole earns {total}.",
  "report.migration.summary":
    "{up} moved up, {down} moved down, {unchanged} unchanged, {new} new, {departed} departed.",
  "report.migration.first-run":
    "There is no previous run to compare with: this is the first tier assignment.",
  "report.model-check.summary":
    "{model}: mean absolute error {mae} and root mean squared error {rmse} purchases per account; {actual} purchases in the holdout period against {predicted} predicted.",
  "report.model-check.unavailable": "No model check: {reason}",
  "report.alerts.table": "Critical and warning alerts",
  "report.alerts.none": "No alerts.",
  "report.tasks.none": "No tasks due.",
};
