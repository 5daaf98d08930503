// One customer of a profit table seen as a CustomerPnl without copying it: every field is a getter that reads
// its column (a margin of NaN read as undefined). The portfolio's scorecard reads these views instead of a million
// P&L objects. Internal.
import type { CustomerPnl } from "./customerProfit.js";
import type { CostToServe, ProfitTable } from "./profitTable.js";

/** The P&L's amounts, each a column of the table of the same name. */
const AMOUNTS = [
  "grossSalesMinor",
  "discountsMinor",
  "returnsMinor",
  "netRevenueMinor",
  "costOfGoodsMinor",
  "estimatedCostOfGoodsMinor",
  "uncostedRevenueMinor",
  "grossMarginMinor",
  "costToServeMinor",
  "profitMinor",
] as const;

export class ProfitRow {
  readonly #table: ProfitTable;
  readonly #index: number;

  constructor(table: ProfitTable, index: number) {
    this.#table = table;
    this.#index = index;
  }

  get id(): string {
    return this.#table.ids[this.#index] as string;
  }

  get tier(): string | undefined {
    return this.#table.tiers[this.#index];
  }

  /** The cost-to-serve lines, made when read. */
  get costToServe(): CostToServe {
    const lines = this.#table.costToServe;
    return Object.fromEntries(
      Object.entries(lines).map(([line, column]) => [line, column[this.#index] as number]),
    ) as unknown as CostToServe;
  }

  get marginPercent(): number | undefined {
    const margin = this.#table.marginPercent[this.#index] as number;
    return Number.isNaN(margin) ? undefined : margin;
  }

  /** The amount `field`. */
  amount(field: (typeof AMOUNTS)[number]): number {
    return this.#table[field][this.#index] as number;
  }

  static {
    for (const field of AMOUNTS)
      Object.defineProperty(ProfitRow.prototype, field, {
        get(this: ProfitRow): number {
          return this.amount(field);
        },
      });
  }
}

/** The row as the CustomerPnl it reads as. */
export function profitRow(table: ProfitTable, index: number): CustomerPnl {
  return new ProfitRow(table, index) as unknown as CustomerPnl;
}
