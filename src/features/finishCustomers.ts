import { formatDay } from "../model/formatDay.js";
import { INTERACTION_KINDS } from "../model/interaction.js";
import { periodStart } from "../model/period.js";
import type { CustomerExtra } from "./CustomerExtra.js";
import type {
  DaysSinceLastInteraction,
  InteractionFeatures,
  ReceivableFeatures,
} from "./CustomerFeatures.js";
import { durationKey } from "./durationScale.js";
import {
  type ConstantField,
  emptyFeatureColumns,
  type FeatureColumns,
  type FeatureNumberField,
} from "./FeatureColumns.js";
import type { FeatureCounts } from "./FeatureSummary.js";
import type { GroupedRows } from "./groupRows.js";
import { median } from "./median.js";
import { npsClass } from "./npsClass.js";
import type { ResolvedFeatureOptions } from "./resolveFeatureOptions.js";

type CustomerCounts = Pick<
  FeatureCounts,
  "withBtydSummary" | "excludedFromCalibration" | "withoutPurchase" | "mixedCurrencies"
>;

/** How many days up to `asOf` `dayText` caches (about 110 years). */
const DAY_CACHE = 40_000;

/** Divides, giving `undefined` instead of a non-finite quotient. */
function ratio(numerator: number, denominator: number): number | undefined {
  return denominator === 0 ? undefined : numerator / denominator;
}

function receivableFeatures(extra: NonNullable<CustomerExtra["invoiceTally"]>): ReceivableFeatures {
  return {
    invoiceCount: extra.invoices,
    openReceivablesMinor: extra.openReceivables,
    overdueInvoices: extra.overdueInvoices,
    overdueAmountMinor: extra.overdueAmount,
    maxDaysPastDue: extra.maxDaysPastDue >= 0 ? extra.maxDaysPastDue : undefined,
    averageDaysToPay: ratio(extra.daysToPaySum, extra.paidInvoices),
  };
}

/**
 * Columns that hold one value for every customer when the records lack what they describe: the holdout columns
 * without a calibration split, margins without costs, breadth without products or categories, and the
 * interaction, receivable and credit columns when no customer has interactions, invoices or a customer record.
 */
const CONSTANT_WITHOUT = {
  holdout: ["frequencyHoldout", "monetaryValueHoldout", "durationHoldout"],
  costs: ["grossMarginMinor", "grossMarginRate"],
  products: ["distinctProducts"],
  categories: ["distinctCategories"],
  extras: ["interactions", "receivables", "creditLimitMinor", "creditUtilisation"],
} as const satisfies Record<string, readonly ConstantField[]>;

/** Which of the groups of {@link CONSTANT_WITHOUT} the records have. */
type ColumnGroups = Record<keyof typeof CONSTANT_WITHOUT, boolean>;

/** What a customer's lines add up to in the optional line columns (currency, cost, order, product, category). */
interface LineDetails {
  /** Whether the lines have more than one currency. */
  mixedRows: boolean;
  /** Lines with a cost, their net amount and their cost. */
  costedLines: number;
  costedRevenue: number;
  costSum: number;
  /** Distinct order ids of the sales, plus the sales without one. */
  orderCount: number;
  distinctProducts: number;
  distinctCategories: number;
}

/**
 * What one customer's lines (sorted by day) add up to: money, sales, purchase periods and their cadence. Read into
 * one buffer reused between customers.
 */
interface LineTotals {
  revenue: number;
  grossSales: number;
  returns: number;
  /** Revenue in the recent window and in the one before it. */
  recent: number;
  previous: number;
  saleLines: number;
  /** The days of the first and last sale (0 without a sale). */
  firstSale: number;
  lastSale: number;
  /** Purchase periods on the calibration side (all of them without a split), their first and last keys. */
  calibrationCount: number;
  calibrationFirst: number;
  calibrationLast: number;
  /** The total of the calibration-side purchase periods after the first. */
  repeatTotal: number;
  holdoutCount: number;
  holdoutTotal: number;
  purchasePeriods: number;
  /** Median, mean and coefficient of variation of the days between purchase periods (NaN when undefined). */
  medianInterval: number;
  meanInterval: number;
  cv: number;
}

/**
 * Turns each customer's grouped lines and extra state into its entry of {@link FeatureColumns}: one pass over the
 * customer's lines (sorted by day) forms the purchase periods for the BTYD summary and the cadence and adds up
 * the money; a second pass reads the optional line columns, when there are any. Keeps scratch buffers between
 * customers so that finishing allocates little beyond the results. Internal to features.
 */
export class CustomerFinisher {
  readonly counts: CustomerCounts = {
    withBtydSummary: 0,
    excludedFromCalibration: 0,
    withoutPurchase: 0,
    mixedCurrencies: 0,
  };
  private readonly options: ResolvedFeatureOptions;
  private readonly currencies: readonly string[];
  private readonly rows: GroupedRows;
  /** Where the features go, one entry per group. */
  readonly columns: FeatureColumns;
  /**
   * `formatDay` results by `asOf` − day, for the few thousand days a log spans (every day formatted is a sale or
   * an answer by `asOf`). It holds `undefined` from the start, so that its kind of elements never changes: the
   * code reading it then runs unchanged on the next summary's cache.
   */
  private readonly dayTexts: (string | undefined)[] = [undefined];
  /** The days between one customer's purchase periods: whole numbers, so `median` counts them in integers. */
  private intervals = new Int32Array(64);
  private readonly histogram = { counts: new Int32Array(64) };
  /** Whether purchases are grouped by day (periods need no calendar arithmetic). */
  private readonly byDay: boolean;
  /** The duration key of the end of observation (`calibrationEnd` or `asOf`), where T is measured to. */
  private readonly endKey: number;
  /** The length of the holdout window, calibrationEnd to asOf, in the time unit (0 without a split). */
  private readonly holdoutDuration: number;
  private readonly orders = new Set<string>();
  private readonly products = new Set<number>();
  private readonly categories = new Set<number>();
  /** Whether any optional line column exists (else every customer's details are those of plain lines). */
  private readonly detailed: boolean;
  private readonly totals: LineTotals = {
    revenue: 0,
    grossSales: 0,
    returns: 0,
    recent: 0,
    previous: 0,
    saleLines: 0,
    firstSale: 0,
    lastSale: 0,
    calibrationCount: 0,
    calibrationFirst: 0,
    calibrationLast: 0,
    repeatTotal: 0,
    holdoutCount: 0,
    holdoutTotal: 0,
    purchasePeriods: 0,
    medianInterval: Number.NaN,
    meanInterval: Number.NaN,
    cv: Number.NaN,
  };
  private readonly details: LineDetails = {
    mixedRows: false,
    costedLines: 0,
    costedRevenue: 0,
    costSum: 0,
    orderCount: 0,
    distinctProducts: 0,
    distinctCategories: 0,
  };

  /** The column groups the records have; the columns of the others are constant and never written here. */
  private readonly groups: ColumnGroups;

  /**
   * @param options - Checked options.
   * @param currencies - The currency codes by index.
   * @param rows - The transaction lines grouped by customer.
   * @param withExtras - Whether any customer has interactions, invoices or a customer record.
   * @param kept - The only number columns to keep, when not all (see `emptyFeatureColumns`).
   */
  constructor(
    options: ResolvedFeatureOptions,
    currencies: readonly string[],
    rows: GroupedRows,
    withExtras: boolean,
    kept?: readonly FeatureNumberField[],
  ) {
    this.options = options;
    this.currencies = currencies;
    this.rows = rows;
    this.groups = {
      holdout: options.calibrationEnd !== undefined,
      costs: rows.cost !== undefined,
      products: rows.product !== undefined,
      categories: rows.category !== undefined,
      extras: withExtras,
    };
    const constant: ConstantField[] = [];
    for (const [group, fields] of Object.entries(CONSTANT_WITHOUT))
      if (!this.groups[group as keyof ColumnGroups]) constant.push(...fields);
    this.columns = emptyFeatureColumns(rows.start.length - 1, constant, kept);
    this.byDay = options.period === "day";
    const { asOf, calibrationEnd, scale } = options;
    this.endKey = durationKey(scale, this.periodOf(calibrationEnd ?? asOf));
    this.holdoutDuration = (durationKey(scale, this.periodOf(asOf)) - this.endKey) / scale.divisor;
    this.detailed = Boolean(rows.currency || rows.cost || rows.orderId || rows.product || rows.category);
  }

  /** The details of lines without optional columns, `saleLines` of them sales, in the reused buffer. */
  private plainDetails(saleLines: number): LineDetails {
    const details = this.details;
    details.mixedRows = false;
    details.costedLines = 0;
    details.costedRevenue = 0;
    details.costSum = 0;
    details.orderCount = saleLines;
    details.distinctProducts = 0;
    details.distinctCategories = 0;
    return details;
  }

  /** The details of lines `from` to `to - 1`, in the reused buffer. */
  private lineDetails(from: number, to: number): LineDetails {
    const { key, amount, currency, cost, orderId, product, category } = this.rows;
    const { orders, products, categories } = this;
    const firstCurrency = currency?.[from] ?? 0;
    let mixedRows = false;
    let costedLines = 0;
    let costedRevenue = 0;
    let costSum = 0;
    let salesWithoutOrder = 0;
    for (let i = from; i < to; i++) {
      if (((key[i] ?? 0) & 1) === 1) {
        const order = orderId?.at(i);
        if (order === undefined) salesWithoutOrder++;
        else orders.add(order);
      }
      if (currency && currency[i] !== firstCurrency) mixedRows = true;
      if (cost) {
        const lineCost = cost[i] ?? Number.NaN;
        if (!Number.isNaN(lineCost)) {
          costedLines++;
          costedRevenue += amount[i] ?? 0;
          costSum += lineCost;
        }
      }
      const productCode = product?.[i] ?? -1;
      if (productCode >= 0) products.add(productCode);
      const categoryCode = category?.[i] ?? -1;
      if (categoryCode >= 0) categories.add(categoryCode);
    }
    const details = this.details;
    details.mixedRows = mixedRows;
    details.costedLines = costedLines;
    details.costedRevenue = costedRevenue;
    details.costSum = costSum;
    details.orderCount = orders.size + salesWithoutOrder;
    details.distinctProducts = products.size;
    details.distinctCategories = categories.size;
    // Set.clear() allocates a new table even for an empty set.
    if (orders.size > 0) orders.clear();
    if (products.size > 0) products.clear();
    if (categories.size > 0) categories.clear();
    return details;
  }

  private dayText(day: number): string {
    const slot = this.options.asOf - day;
    if (slot < 0 || slot >= DAY_CACHE) return formatDay(day);
    let text = this.dayTexts[slot];
    if (text === undefined) {
      while (this.dayTexts.length < slot) this.dayTexts.push(undefined);
      text = formatDay(day);
      this.dayTexts[slot] = text;
    }
    return text;
  }

  private periodOf(day: number): number {
    const period = this.options.period;
    return period === "day" ? day : periodStart(day, period);
  }

  private interactionFeatures(extra: NonNullable<CustomerExtra["interactionTally"]>): InteractionFeatures {
    const asOf = this.options.asOf;
    const byKind: DaysSinceLastInteraction = {};
    const lastByKind = extra.lastByKind;
    if (lastByKind) {
      for (let k = 0; k < INTERACTION_KINDS.length; k++) {
        const day = lastByKind[k] ?? Number.NEGATIVE_INFINITY;
        const kind = INTERACTION_KINDS[k];
        if (kind !== undefined && day !== Number.NEGATIVE_INFINITY) byKind[kind] = asOf - day;
      }
    }
    const answered = extra.nps >= 0;
    return {
      interactionCount: extra.interactions,
      daysSinceLastInteraction: asOf - extra.lastInteraction,
      daysSinceLastByKind: byKind,
      complaintCount: extra.complaints,
      openComplaints: extra.openComplaints,
      averageSatisfaction: ratio(extra.satisfactionSum, extra.satisfactionCount),
      latestNps: answered ? extra.nps : undefined,
      latestNpsDate: answered ? this.dayText(extra.npsDay) : undefined,
      npsClass: answered ? npsClass(extra.nps) : undefined,
    };
  }

  /**
   * Reads lines `from` to `to - 1` (one customer's, sorted by day) in one pass: the purchase periods for the BTYD
   * summary and the cadence, and the money.
   */
  private readLines(from: number, to: number): LineTotals {
    const { asOf, calibrationEnd, recentDays, scale } = this.options;
    const { key, amount } = this.rows;
    const recentFrom = asOf - recentDays;
    const previousFrom = recentFrom - recentDays;
    // Fields the loop reads, as locals: the calls inside it would make the engine read them again every time.
    const { byDay } = this;
    const monthly = scale.monthly;
    let intervals = this.intervals;

    let revenue = 0;
    let grossSales = 0;
    let returns = 0;
    let recent = 0;
    let previous = 0;
    let saleLines = 0;
    let firstSale = 0;
    let lastSale = 0;
    // Purchase periods: calibration side (all of them without a split) and holdout side.
    let calibrationCount = 0;
    let calibrationFirst = 0;
    let calibrationLast = 0;
    let repeatTotal = 0;
    let holdoutCount = 0;
    let holdoutTotal = 0;
    let purchasePeriods = 0;
    let previousStart = 0;
    let intervalCount = 0;
    let intervalSum = 0;

    let i = from;
    let cachedDay = Number.NaN;
    let cachedStart = 0;
    while (i < to) {
      // One group: the lines of one period on one side of the calibration end.
      const groupDay = (key[i] ?? 0) >> 1;
      const groupStart = byDay ? groupDay : this.periodOf(groupDay);
      const groupHoldout = calibrationEnd !== undefined && groupDay > calibrationEnd;
      cachedDay = groupDay;
      cachedStart = groupStart;
      let groupTotal = 0;
      let groupSale = false;
      for (; i < to; i++) {
        const packed = key[i] ?? 0;
        const day = packed >> 1;
        if (day !== cachedDay) {
          cachedDay = day;
          cachedStart = byDay ? day : this.periodOf(day);
          if (
            cachedStart !== groupStart ||
            (calibrationEnd !== undefined && day > calibrationEnd) !== groupHoldout
          )
            break;
        }
        const value = amount[i] ?? 0;
        revenue += value;
        groupTotal += value;
        if ((packed & 1) === 1) {
          groupSale = true;
          grossSales += value;
          // Lines are sorted by day: the first sale is the earliest.
          if (saleLines === 0) firstSale = day;
          saleLines++;
          lastSale = day;
        } else returns -= value;
        if (day > recentFrom) recent += value;
        else if (day > previousFrom) previous += value;
      }
      if (!groupSale) continue;
      if (purchasePeriods === 0 || groupStart !== previousStart) {
        if (purchasePeriods > 0) {
          const interval = groupStart - previousStart;
          if (intervalCount === intervals.length) {
            const larger = new Int32Array(intervalCount * 2);
            larger.set(intervals);
            intervals = larger;
            this.intervals = larger;
          }
          intervals[intervalCount++] = interval;
          intervalSum += interval;
        }
        purchasePeriods++;
        previousStart = groupStart;
      }
      if (groupHoldout) {
        holdoutCount++;
        holdoutTotal += groupTotal;
      } else {
        const periodKey = monthly ? durationKey(scale, groupStart) : groupStart;
        if (calibrationCount === 0) calibrationFirst = periodKey;
        else repeatTotal += groupTotal;
        calibrationLast = periodKey;
        calibrationCount++;
      }
    }

    // Cadence: median, mean and coefficient of variation of the intervals.
    let medianInterval = Number.NaN;
    let meanInterval = Number.NaN;
    let cv = Number.NaN;
    if (intervalCount > 0) {
      const mean = intervalSum / intervalCount;
      let squares = 0;
      for (let k = 0; k < intervalCount; k++) {
        const deviation = (intervals[k] ?? 0) - mean;
        squares += deviation * deviation;
      }
      medianInterval = median(intervals, intervalCount, this.histogram);
      meanInterval = mean;
      if (intervalCount > 1) cv = Math.sqrt(squares / (intervalCount - 1)) / mean;
    }

    const totals = this.totals;
    totals.revenue = revenue;
    totals.grossSales = grossSales;
    totals.returns = returns;
    totals.recent = recent;
    totals.previous = previous;
    totals.saleLines = saleLines;
    totals.firstSale = firstSale;
    totals.lastSale = lastSale;
    totals.calibrationCount = calibrationCount;
    totals.calibrationFirst = calibrationFirst;
    totals.calibrationLast = calibrationLast;
    totals.repeatTotal = repeatTotal;
    totals.holdoutCount = holdoutCount;
    totals.holdoutTotal = holdoutTotal;
    totals.purchasePeriods = purchasePeriods;
    totals.medianInterval = medianInterval;
    totals.meanInterval = meanInterval;
    totals.cv = cv;
    return totals;
  }

  /**
   * Writes the features of the customer whose lines are group `group` (with id `id` and its extra state, if any)
   * at entry `group` of the columns.
   */
  finish(id: string, group: number, extra: CustomerExtra | undefined): void {
    const { asOf, calibrationEnd, scale } = this.options;
    const from = this.rows.start[group] ?? 0;
    const to = this.rows.start[group + 1] ?? 0;
    const {
      revenue,
      grossSales,
      returns,
      recent,
      previous,
      saleLines,
      firstSale,
      lastSale,
      calibrationCount,
      calibrationFirst,
      calibrationLast,
      repeatTotal,
      holdoutCount,
      holdoutTotal,
      purchasePeriods,
      medianInterval,
      meanInterval,
      cv,
    } = this.readLines(from, to);

    // BTYD summary. A missing number is NaN, as in the columns: a local that may be undefined would hold its
    // number boxed, one allocation per customer and field.
    const hasSale = purchasePeriods > 0;
    let frequency = Number.NaN;
    let recency = Number.NaN;
    let T = Number.NaN;
    let monetaryValue = Number.NaN;
    let frequencyHoldout = Number.NaN;
    let monetaryValueHoldout = Number.NaN;
    let durationHoldout = Number.NaN;
    if (calibrationCount > 0) {
      this.counts.withBtydSummary++;
      const endKey = this.endKey;
      frequency = calibrationCount - 1;
      recency = (calibrationLast - calibrationFirst) / scale.divisor;
      T = (endKey - calibrationFirst) / scale.divisor;
      monetaryValue = frequency > 0 ? repeatTotal / frequency : 0;
      if (calibrationEnd !== undefined) {
        frequencyHoldout = holdoutCount;
        monetaryValueHoldout = holdoutCount > 0 ? holdoutTotal / holdoutCount : 0;
        durationHoldout = this.holdoutDuration;
      }
    } else if (hasSale) this.counts.excludedFromCalibration++;
    else this.counts.withoutPurchase++;

    const lines = to - from;
    const details = this.detailed && lines > 0 ? this.lineDetails(from, to) : this.plainDetails(saleLines);

    // Currency of the rows and of the extra state.
    const firstCurrency = lines > 0 ? (this.rows.currency?.[from] ?? 0) : -1;
    let currencyCode = firstCurrency >= 0 ? this.currencies[firstCurrency] : undefined;
    let mixed = details.mixedRows;
    if (extra) {
      if (extra.mixedCurrencies) mixed = true;
      else if (extra.currency !== undefined) {
        if (currencyCode === undefined) currencyCode = extra.currency;
        else if (currencyCode !== extra.currency) mixed = true;
      }
    }
    if (mixed) this.counts.mixedCurrencies++;

    const margin = details.costedRevenue - details.costSum;
    const createdDay = extra ? extra.createdDay : Number.POSITIVE_INFINITY;
    const relationStart = hasSale ? Math.min(createdDay, firstSale) : createdDay;

    let interactions: InteractionFeatures | undefined;
    let receivables: ReceivableFeatures | undefined;
    let creditLimit = Number.NaN;
    if (extra) {
      const { interactionTally, invoiceTally } = extra;
      if (interactionTally && interactionTally.interactions > 0)
        interactions = this.interactionFeatures(interactionTally);
      if (invoiceTally && invoiceTally.invoices > 0) receivables = receivableFeatures(invoiceTally);
      if (extra.creditLimit >= 0) creditLimit = extra.creditLimit;
    }
    const openReceivables = receivables ? receivables.openReceivablesMinor : 0;

    const c = this.columns;
    c.ids[group] = id;
    c.currency[group] = mixed ? undefined : currencyCode;
    c.mixedCurrencies[group] = mixed ? 1 : 0;
    c.frequency[group] = frequency;
    c.recency[group] = recency;
    c.T[group] = T;
    c.monetaryValue[group] = monetaryValue;
    const groups = this.groups;
    if (groups.holdout) {
      c.frequencyHoldout[group] = frequencyHoldout;
      c.monetaryValueHoldout[group] = monetaryValueHoldout;
      c.durationHoldout[group] = durationHoldout;
    }
    c.revenueMinor[group] = revenue;
    c.grossSalesMinor[group] = grossSales;
    c.returnsMinor[group] = returns;
    c.returnRate[group] = grossSales === 0 ? Number.NaN : returns / grossSales;
    if (groups.costs) {
      const { costedLines, costedRevenue } = details;
      c.grossMarginMinor[group] = costedLines > 0 ? margin : Number.NaN;
      c.grossMarginRate[group] = costedLines > 0 && costedRevenue !== 0 ? margin / costedRevenue : Number.NaN;
    }
    c.linesWithoutCost[group] = lines - details.costedLines;
    c.transactionCount[group] = lines;
    const orderCount = details.orderCount;
    c.orderCount[group] = orderCount;
    c.averageOrderValueMinor[group] = orderCount === 0 ? Number.NaN : revenue / orderCount;
    c.firstPurchaseDate[group] = hasSale ? this.dayText(firstSale) : undefined;
    c.lastPurchaseDate[group] = hasSale ? this.dayText(lastSale) : undefined;
    c.daysSinceLastPurchase[group] = hasSale ? asOf - lastSale : Number.NaN;
    c.purchasePeriods[group] = purchasePeriods;
    c.interPurchaseMedianDays[group] = medianInterval;
    c.interPurchaseMeanDays[group] = meanInterval;
    c.interPurchaseCv[group] = cv;
    c.recentRevenueMinor[group] = recent;
    c.previousRevenueMinor[group] = previous;
    c.revenueTrendMinor[group] = recent - previous;
    c.revenueTrendRatio[group] = previous > 0 ? recent / previous : Number.NaN;
    if (groups.products) c.distinctProducts[group] = details.distinctProducts;
    if (groups.categories) c.distinctCategories[group] = details.distinctCategories;
    c.tenureDays[group] = relationStart <= asOf ? asOf - relationStart : Number.NaN;
    if (groups.extras) {
      c.interactions[group] = interactions;
      c.receivables[group] = receivables;
      c.creditLimitMinor[group] = creditLimit;
      c.creditUtilisation[group] = creditLimit > 0 ? openReceivables / creditLimit : Number.NaN;
    }
  }
}
