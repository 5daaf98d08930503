// One customer of a profit table seen as a CustomerPnl without copying it: every field is a getter that reads
// its column (a margin of NaN read as undefined). The portfolio's scorecard reads these views instead of a million
// P&L objects. Internal.
import type { CustomerPnl } from "./customerProfit.js";
import type { CostToServe, ProfitTable } from "./profitTable.js";

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

  get grossSalesMinor(): number {
    return this.#table.grossSalesMinor[this.#index] as number;
  }

  get discountsMinor(): number {
    return this.#table.discountsMinor[this.#index] as number;
  }

  get returnsMinor(): number {
    return this.#table.returnsMinor[this.#index] as number;
  }

  get netRevenueMinor(): number {
    return this.#table.netRevenueMinor[this.#index] as number;
  }

  get costOfGoodsMinor(): number {
    return this.#table.costOfGoodsMinor[this.#index] as number;
  }

  get estimatedCostOfGoodsMinor(): number {
    return this.#table.estimatedCostOfGoodsMinor[this.#index] as number;
  }

  get uncostedRevenueMinor(): number {
    return this.#table.uncostedRevenueMinor[this.#index] as number;
  }

  get grossMarginMinor(): number {
    return this.#table.grossMarginMinor[this.#index] as number;
  }

  /** The cost-to-serve lines, made when read. */
  get costToServe(): CostToServe {
    const lines = this.#table.costToServe;
    return Object.fromEntries(
      Object.entries(lines).map(([line, column]) => [line, column[this.#index] as number]),
    ) as unknown as CostToServe;
  }

  get costToServeMinor(): number {
    return this.#table.costToServeMinor[this.#index] as number;
  }

  get profitMinor(): number {
    return this.#table.profitMinor[this.#index] as number;
  }

  get marginPercent(): number | undefined {
    const margin = this.#table.marginPercent[this.#index] as number;
    return Number.isNaN(margin) ? undefined : margin;
  }
}

/** The row as the CustomerPnl it reads as. */
export function profitRow(table: ProfitTable, index: number): CustomerPnl {
  return new ProfitRow(table, index);
}
