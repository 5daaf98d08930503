import type { BtydSummary } from "../clv/BtydSummary.js";
import { bgNbd } from "../clv/bgNbd.js";
import { calibrationHoldoutCheck, type HoldoutCustomer } from "../clv/calibrationHoldoutCheck.js";
import { type ClvCustomer, customerLifetimeValue } from "../clv/customerLifetimeValue.js";
import { gammaGamma } from "../clv/gammaGamma.js";
import { groupSummaries } from "../clv/groupSummaries.js";
import { mbgNbd } from "../clv/mbgNbd.js";
import type { PurchaseModel } from "../clv/PurchaseModel.js";
import { paretoNbd } from "../clv/paretoNbd.js";
import type { BtydColumns } from "../features/Accumulator.js";
import type { FeatureColumns } from "../features/FeatureColumns.js";
import type { Issue } from "../model/issue.js";
import { makeIssue } from "../model/makeIssue.js";
import type { TimeUnit } from "../model/timeUnit.js";
import type { PortfolioClv, PortfolioModels } from "./PortfolioResult.js";
import type { PortfolioClvSettings, PortfolioPurchaseModel } from "./portfolioPolicySchema.js";

const PURCHASE_MODELS: Readonly<Record<PortfolioPurchaseModel, PurchaseModel<string>>> = {
  bgnbd: bgNbd as PurchaseModel<string>,
  mbgnbd: mbgNbd as PurchaseModel<string>,
  paretonbd: paretoNbd as PurchaseModel<string>,
};

/** The CLV settings with every default filled in. */
export type ResolvedClvSettings = Required<{
  [K in keyof PortfolioClvSettings]: NonNullable<PortfolioClvSettings[K]>;
}>;

/** The CLV stage's outcome and its per-customer values, aligned with the feature columns (NaN: none). */
export interface FittedClv {
  clv: PortfolioClv;
  valueMinor: Float64Array;
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
}

/** The BTYD columns of the model check's calibration summary and the day it ends. */
export interface CalibrationColumns {
  columns: BtydColumns;
  calibrationEnd: string;
}

// The customers with a BTYD summary (a purchase up to the summary's end): each one's row, made by `make` from its
// summary and position, and their positions. `make` writes each row as one object literal: a row spread from
// another object would keep its added fields outside the object, a million times over.
function btydRows<Row>(
  columns: Pick<FeatureColumns, "frequency" | "recency" | "T">,
  make: (frequency: number, recency: number, T: number, i: number) => Row,
): { rows: Row[]; at: number[] } {
  const rows: Row[] = [];
  const at: number[] = [];
  const { frequency, recency, T } = columns;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i] as number;
    if (Number.isNaN(x)) continue;
    rows.push(make(x, recency[i] as number, T[i] as number, i));
    at.push(i);
  }
  return { rows, at };
}

const repeatBuyersOf = (rows: readonly BtydSummary[]): number =>
  rows.filter((row) => row.frequency > 0).length;

// The check's customers: those of the calibration summary with a BTYD summary, with their holdout purchases. Made
// in a function of its own, so that the calibration columns are garbage once it returns: only the rows stay.
function holdoutCustomers(calibration: () => CalibrationColumns): {
  customers: HoldoutCustomer[];
  calibrationEnd: string;
} {
  const { columns, calibrationEnd } = calibration();
  const { frequencyHoldout, durationHoldout } = columns;
  const customers = btydRows(
    columns,
    (frequency, recency, T, i): HoldoutCustomer => ({
      frequency,
      recency,
      T,
      frequencyHoldout: frequencyHoldout[i] as number,
      durationHoldout: durationHoldout[i] as number,
    }),
  ).rows;
  return { customers, calibrationEnd };
}

function modelCheck(
  model: PurchaseModel<string>,
  settings: ResolvedClvSettings,
  calibration: () => CalibrationColumns,
  issues: Issue[],
): PortfolioClv["check"] {
  const { customers, calibrationEnd } = holdoutCustomers(calibration);
  const repeatBuyers = repeatBuyersOf(customers);
  if (repeatBuyers < settings.minRepeatBuyers) {
    issues.push(
      makeIssue("model.check-too-few-repeat-buyers", ["clv", "check"], {
        repeatBuyers,
        required: settings.minRepeatBuyers,
        calibrationEnd,
      }),
    );
    return undefined;
  }
  const fit = model.fit(groupSummaries(customers));
  return {
    ...calibrationHoldoutCheck(model, fit.params, customers),
    calibrationEnd,
    params: fit.params,
  };
}

/**
 * The predictive CLV of the portfolio: the purchase model fitted on every customer's BTYD summary (or the given
 * one), Gamma-Gamma on the repeat buyers' mean spend (a repeat buyer whose returns net its spend to zero or less
 * counts as spending nothing), the discounted CLV of each customer, and the calibration/holdout check on the
 * summary `calibration` makes (asked for only when a model was fitted here; given models were fitted elsewhere,
 * so there is no fit of this run's to check). Too few repeat buyers: no CLV, with the reason; no settings (the
 * policy's `clv: false`): no CLV.
 */
export function fitPortfolioClv(
  columns: FeatureColumns,
  settings: ResolvedClvSettings | undefined,
  timeUnit: TimeUnit,
  models: PortfolioModels | undefined,
  calibration: (() => CalibrationColumns) | undefined,
): FittedClv {
  const { model, ...fitted } = fitClv(columns, settings, timeUnit, models);
  // Made only now, when the fit's per-customer rows are gone: a second summary of every customer.
  if (model !== undefined && settings !== undefined && calibration !== undefined && models === undefined)
    fitted.clv.check = modelCheck(model, settings, calibration, fitted.clv.issues);
  return fitted;
}

// The fit and each customer's CLV, with the model fitted (undefined when none was).
function fitClv(
  columns: FeatureColumns,
  settings: ResolvedClvSettings | undefined,
  timeUnit: TimeUnit,
  models: PortfolioModels | undefined,
): FittedClv & { model?: PurchaseModel<string> } {
  const n = columns.ids.length;
  const valueMinor = new Float64Array(n).fill(Number.NaN);
  const pAlive = new Float64Array(n).fill(Number.NaN);
  const expectedPurchases = new Float64Array(n).fill(Number.NaN);
  const issues: Issue[] = [];
  const { monetaryValue } = columns;
  const { rows, at } = btydRows(columns, (frequency, recency, T, i) => ({
    frequency,
    recency,
    T,
    monetaryValue: monetaryValue[i] as number,
  }));
  const repeatBuyers = repeatBuyersOf(rows);
  const clv: PortfolioClv = { fitted: false, repeatBuyers, issues };
  if (settings === undefined) return { clv, valueMinor, pAlive, expectedPurchases };
  const name = models?.purchase.model ?? settings.model;
  const model = PURCHASE_MODELS[name];
  if (models === undefined && repeatBuyers < settings.minRepeatBuyers) {
    issues.push(
      makeIssue("model.too-few-repeat-buyers", ["clv"], {
        repeatBuyers,
        required: settings.minRepeatBuyers,
        model: name,
      }),
    );
    return { clv, valueMinor, pAlive, expectedPurchases };
  }
  let params: Record<string, number>;
  if (models === undefined) {
    const fit = model.fit(groupSummaries(rows));
    params = fit.params;
    issues.push(...fit.diagnosis);
    clv.purchase = { model: name, params, converged: fit.converged };
  } else {
    params = { ...models.purchase.params };
    clv.purchase = { model: name, params, converged: true };
  }
  const spenders = rows
    .filter((row) => row.frequency > 0 && row.monetaryValue > 0)
    .map((row) => ({ frequency: row.frequency, monetaryValue: row.monetaryValue }));
  let spend = models === undefined ? undefined : models.spend;
  if (models === undefined && spenders.length >= settings.minRepeatBuyers) {
    const fit = gammaGamma.fit(spenders);
    const mean = gammaGamma.populationMeanSpend(fit.params);
    if (mean.issue === undefined) spend = fit.params;
    else issues.push(mean.issue);
  }
  if (spend !== undefined) clv.spend = { ...spend };
  const meanSpend =
    spenders.length === 0 ? 0 : spenders.reduce((sum, row) => sum + row.monetaryValue, 0) / spenders.length;
  const customers: ClvCustomer[] = rows.map((row, k) => ({
    id: columns.ids[at[k] as number] as string,
    frequency: row.frequency,
    recency: row.recency,
    T: row.T,
    monetaryValue: Math.max(row.monetaryValue, 0),
  }));
  const results = customerLifetimeValue(customers, {
    model,
    params,
    timeUnit,
    spendParams: spend,
    spendPerPurchase: meanSpend,
    margin: settings.margin,
    horizon: settings.horizon,
    horizonUnit: settings.horizonUnit,
    discountRate: settings.discountRate,
    discountUnit: settings.discountUnit,
  });
  results.forEach((result, k) => {
    const i = at[k] as number;
    valueMinor[i] = result.clv;
    pAlive[i] = result.pAlive;
    expectedPurchases[i] = result.expectedPurchases;
  });
  clv.fitted = true;
  return { clv, valueMinor, pAlive, expectedPurchases, model };
}
