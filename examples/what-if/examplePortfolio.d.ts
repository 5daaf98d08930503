import type { generatePortfolio, PortfolioRecords, PreviousTier } from "../../src/index.js";

/** The generator's options and the day of the run. */
export declare const EXAMPLE_OPTIONS: { accounts: number; seed: number; asOf: string };

/** The example portfolio's records and the previous run's tiers. */
export declare function examplePortfolio(generate: typeof generatePortfolio): {
  records: PortfolioRecords;
  previous: PreviousTier[];
};
