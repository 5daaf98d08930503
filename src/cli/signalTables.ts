import type { LazyList } from "../signals/LazyList.js";
import type { SignalAlertList } from "../signals/SignalAlertList.js";
import type { SignalEvidence } from "../signals/SignalEvidence.js";
import type { SignalTask } from "../signals/signalTasks.js";
import { type RowSource, rowSource } from "./writeTable.js";

/** A table to write: its column names and its rows, each made when written. */
export interface Table {
  columns: string[];
  rows: RowSource;
}

// The evidence in one cell: each metric, its value, the test and the threshold.
function evidenceText(evidence: readonly SignalEvidence[]): string {
  return evidence
    .map((item) => {
      const threshold = Array.isArray(item.threshold)
        ? `[${item.threshold.join(", ")}]`
        : String(item.threshold);
      const ref =
        item.ref === undefined
          ? ""
          : ` (${item.ref.metric} ${item.ref.value} × ${item.ref.times} + ${item.ref.plus})`;
      return `${item.negated ? "not " : ""}${item.metric}=${item.value ?? "missing"} ${item.test} ${threshold}${ref}`;
    })
    .join("; ");
}

/** The alerts as a table: severity, category, customer_id, rule, message, evidence, key. */
export function alertTable(alerts: SignalAlertList): Table {
  return {
    columns: ["severity", "category", "customer_id", "rule", "message", "evidence", "key"],
    rows: rowSource(alerts, (alert) => [
      alert.severity,
      alert.category,
      alert.customerId,
      alert.rule,
      alert.message,
      evidenceText(alert.evidence),
      alert.key,
    ]),
  };
}

/** The tasks as a table: due_date, days_until, kind, occasion, customer_id, message, key. */
export function taskTable(tasks: LazyList<SignalTask>): Table {
  return {
    columns: ["due_date", "days_until", "kind", "occasion", "customer_id", "message", "key"],
    rows: rowSource(tasks, (task) => [
      task.dueDate,
      task.daysUntil,
      task.kind,
      task.occasion,
      task.customerId,
      task.message,
      task.key,
    ]),
  };
}
