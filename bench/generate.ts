// A seeded, deterministic synthetic transaction log that follows the BG/NBD purchase process with Gamma-Gamma
// spend, so benchmarks (and anyone reproducing them) get data shaped like a real customer base — a long tail of
// one-off buyers and a few very frequent ones — without committing a large file. Same options, same log.

import {
  createRandom,
  formatDay,
  parseDay,
  randomBeta,
  randomGamma,
  type Transaction,
} from "../src/index.js";

/**
 * Parameters of the log. The defaults give exactly 1,000,000 transactions of 100,000 customers.
 *
 * Purchase process (BG/NBD, Fader, Hardie & Lee 2005): customer i makes a first purchase on its birth day, then
 * repeat purchases at the events of a Poisson process of rate λ_i per day, λ_i ~ Gamma(shape r, rate α); after
 * each repeat purchase it drops out for good with probability p_i ~ Beta(a, b).
 *
 * r, a and b are the CDNOW fit (r = 0.243, a = 0.793, b = 2.426), so the heterogeneity and the dropout are
 * CDNOW's. CDNOW's α = 4.414 weeks (30.9 days) gives only ~1.5 transactions per customer over CDNOW's 78 weeks;
 * the defaults have α = 1.4 days — the same customers buying 22 times as often, as key accounts with standing
 * orders do — so that customers born over two years and observed for about a year after that make ~10
 * transactions on average. With a < 1 the number of purchases before dropout has no finite mean, so the
 * average grows slowly with the window and a few customers make thousands of purchases, as whales do.
 *
 * Spend (Gamma-Gamma, Fader, Hardie & Lee 2005, CDNOW fit): ν_i ~ Gamma(shape q, rate γ); each transaction's
 * amount is z ~ Gamma(shape p, rate ν_i) dollars (mean p·γ / (q − 1) = $35.22 over customers), rounded to cents
 * with at least one cent.
 */
export interface GenerateOptions {
  /** Customers (all of them appear in the log). Default 100,000. */
  customers?: number | undefined;
  /** Transactions, exactly. Default 1,000,000. */
  transactions?: number | undefined;
  /** Seed of the random stream. Default 1. */
  seed?: number | undefined;
  /** The first possible birth day, `YYYY-MM-DD`. Default `"2022-01-01"`. */
  start?: string | undefined;
  /** Births are spread uniformly over this many days from `start`. Default 730. */
  birthDays?: number | undefined;
  /** BG/NBD purchase-rate shape r. Default 0.243 (CDNOW). */
  r?: number | undefined;
  /** BG/NBD purchase-rate scale α, in days. Default 1.4 (CDNOW's 4.414 weeks, 22 times faster). */
  alpha?: number | undefined;
  /** BG/NBD dropout Beta parameter a. Default 0.793 (CDNOW). */
  a?: number | undefined;
  /** BG/NBD dropout Beta parameter b. Default 2.426 (CDNOW). */
  b?: number | undefined;
  /** Gamma-Gamma shape p of the spend per transaction. Default 6.25 (CDNOW). */
  p?: number | undefined;
  /** Gamma-Gamma shape q of the spend rates. Default 3.74 (CDNOW). */
  q?: number | undefined;
  /** Gamma-Gamma scale γ of the spend rates, in dollars. Default 15.44 (CDNOW). */
  gamma?: number | undefined;
}

/** A generated log and its observation window. */
export interface GeneratedLog {
  /** Sales in chronological order (same-day sales in customer order), amounts in USD cents. */
  transactions: Transaction[];
  /** The number of distinct customers. */
  customers: number;
  /** The first day of the log, `YYYY-MM-DD`. */
  start: string;
  /** The end of observation, `YYYY-MM-DD`: the day of the last transaction (the summary's `asOf`). */
  asOf: string;
}

/**
 * Generates a transaction log; see {@link GenerateOptions} for the process.
 *
 * Exactness: every customer's purchases are simulated up to two years after the last birth, then all of them are
 * sorted by day and the first `transactions` are kept. The observation end is the day of the last one kept (the
 * log is a census of the first N sales, cut in the middle of that day). It throws when the simulated purchases
 * do not reach N, or the cut falls before the last customer's birth (too many transactions per customer, or too
 * few, for the parameters). Below ~10,000 customers the few heaviest buyers decide the total, so small logs with
 * the default rates may throw for some seeds; scale `customers` and `transactions` together.
 *
 * @example
 * ```ts
 * const log = generateTransactions({ customers: 10_000, transactions: 100_000, seed: 7 });
 * log.transactions.length; // => 100000
 * ```
 */
export function generateTransactions(options: GenerateOptions = {}): GeneratedLog {
  const customers = options.customers ?? 100_000;
  const total = options.transactions ?? BENCH_TRANSACTIONS;
  const start = options.start ?? "2022-01-01";
  const birthDays = options.birthDays ?? 730;
  const {
    r = 0.243,
    alpha = 1.4,
    a = 0.793,
    b = 2.426,
    p = 6.25,
    q = 3.74,
    gamma: spendScale = 15.44,
  } = options;
  const firstDay = parseDay(start, "YYYY-MM-DD");
  if (firstDay === undefined) throw new RangeError(`start ${start} is not a YYYY-MM-DD date`);
  const horizon = birthDays + 730;
  const uniform = createRandom(options.seed ?? 1);

  // Purchases as parallel arrays of customer index and day offset: 1M small objects would cost more than the rest.
  const buyer: number[] = [];
  const offset: number[] = [];
  const spendRate = new Float64Array(customers);
  let lastBirth = 0;
  for (let customer = 0; customer < customers; customer++) {
    const birth = uniform() * birthDays;
    const lambda = randomGamma(uniform, r) / alpha;
    const dropout = randomBeta(uniform, a, b);
    spendRate[customer] = randomGamma(uniform, q) / spendScale;
    lastBirth = Math.max(lastBirth, Math.floor(birth));
    let time = birth;
    buyer.push(customer);
    offset.push(Math.floor(time));
    for (;;) {
      time += -Math.log(1 - uniform()) / lambda;
      if (time >= horizon) break;
      buyer.push(customer);
      offset.push(Math.floor(time));
      // Dropout is decided after each repeat purchase (not after the first), as in the BG/NBD model.
      if (uniform() < dropout) break;
    }
  }
  if (buyer.length < total)
    throw new RangeError(`only ${buyer.length} purchases within ${horizon} days; ${total} were asked for`);

  // Counting sort by day: stable, so same-day purchases stay in customer order, and linear in the log's size.
  // next[day] is the position of the day's next purchase in `order`: day counts, then their prefix sums.
  const next = new Int32Array(horizon + 1);
  for (const day of offset) next[day + 1] = (next[day + 1] as number) + 1;
  for (let day = 1; day <= horizon; day++) next[day] = (next[day] as number) + (next[day - 1] as number);
  const order = new Int32Array(buyer.length);
  for (let i = 0; i < buyer.length; i++) {
    const day = offset[i] as number;
    const slot = next[day] as number;
    order[slot] = i;
    next[day] = slot + 1;
  }

  const lastDay = offset[order[total - 1] as number] as number;
  if (lastDay < lastBirth)
    throw new RangeError(
      `the first ${total} purchases end on day ${lastDay}, before the last birth (${lastBirth})`,
    );
  // Every transaction gets its own id and date strings, as rows from a CSV parser do: strings shared between rows
  // would let a summary reuse cached string hashes and look faster than it is on real input. Joining two cached
  // halves makes a new flat string (V8 makes a rope only from 13 characters on), much cheaper than formatDay.
  const idDigits = Array.from({ length: customers }, (_, i) => String(i + 1).padStart(6, "0"));
  const dates = Array.from({ length: lastDay + 1 }, (_, day) => formatDay(firstDay + day));
  const yearMonth = dates.map((date) => date.slice(0, 8));
  const dayOfMonth = dates.map((date) => date.slice(8));
  const transactions: Transaction[] = new Array(total);
  for (let k = 0; k < total; k++) {
    const i = order[k] as number;
    const customer = buyer[i] as number;
    const day = offset[i] as number;
    const dollars = randomGamma(uniform, p) / (spendRate[customer] as number);
    transactions[k] = {
      customerId: `C${idDigits[customer] as string}`,
      date: `${yearMonth[day] as string}${dayOfMonth[day] as string}`,
      amountMinor: Math.max(1, Math.round(dollars * 100)),
      currency: "USD",
      kind: "sale",
    };
  }
  return { transactions, customers, start, asOf: dates[lastDay] as string };
}

/** The size of the default log, for benchmarks' rows/s. */
export const BENCH_TRANSACTIONS = 1_000_000;

let defaultLog: GeneratedLog | undefined;

/** The default log (1M transactions, 100k customers, seed 1), generated on first use and shared by benchmarks. */
export function benchLog(): GeneratedLog {
  defaultLog ??= generateTransactions();
  return defaultLog;
}
