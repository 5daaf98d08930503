import { parseDay } from "../src/index.js";
import type { BenchCase } from "./case.js";
import { BENCH_TRANSACTIONS, benchLog } from "./generate.js";

let dates: string[] = [];

export const cases: BenchCase[] = [
  {
    name: "parseDay, 1M ISO dates",
    setup: () => {
      dates = benchLog().transactions.map((transaction) => transaction.date);
    },
    run: () => {
      // Summing the days keeps every call's result live.
      let sum = 0;
      for (const date of dates) sum += parseDay(date) as number;
      return sum;
    },
    rows: BENCH_TRANSACTIONS,
  },
];
