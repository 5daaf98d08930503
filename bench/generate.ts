// A seeded, deterministic synthetic transaction log that follows the BG/NBD purchase process with Gamma-Gamma
// spend, so benchmarks (and anyone reproducing them) get data shaped like a real customer base — a long tail of
// one-off buyers and a few very frequent ones — without committing a large file. Same options, same log.

import { formatDay, parseDay, type Transaction } from "../src/index.js";

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
 * mulberry32 (Tommy Ettinger, public domain): 32 bits of state, period 2^32, which is far more than the ~5
 * million draws of a default log. Returns uniforms in the open interval (0, 1) — (k + 0.5) / 2^32 — so `log(u)`
 * and `u^(1/a)` are always finite.
 */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

/** The samplers the process needs, all drawing from one uniform stream so the log depends on the seed alone. */
interface Samplers {
  uniform: () => number;
  /** Exponential with rate 1, by inversion: −log(u). */
  exponential: () => number;
  /** Gamma(shape, rate 1). */
  gamma: (shape: number) => number;
  /** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
  beta: (a: number, b: number) => number;
}

function samplers(uniform: () => number): Samplers {
  // Box–Muller gives normals in pairs; the second one is kept for the next call.
  let spare: number | undefined;
  const normal = (): number => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
  // Marsaglia & Tsang (2000), "A simple method for generating gamma variables", for shape ≥ 1; a shape below 1
  // uses their boost Gamma(shape) = Gamma(shape + 1) · U^(1/shape).
  const gamma = (shape: number): number => {
    if (shape < 1) return gamma(shape + 1) * uniform() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      if (Math.log(uniform()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return {
    uniform,
    exponential: () => -Math.log(uniform()),
    gamma,
    beta: (a, b) => {
      const x = gamma(a);
      return x / (x + gamma(b));
    },
  };
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
  const draw = samplers(mulberry32(options.seed ?? 1));

  // Purchases as parallel arrays of customer index and day offset: 1M small objects would cost more than the rest.
  const buyer: number[] = [];
  const offset: number[] = [];
  const spendRate = new Float64Array(customers);
  let lastBirth = 0;
  for (let customer = 0; customer < customers; customer++) {
    const birth = draw.uniform() * birthDays;
    const lambda = draw.gamma(r) / alpha;
    const dropout = draw.beta(a, b);
    spendRate[customer] = draw.gamma(q) / spendScale;
    lastBirth = Math.max(lastBirth, Math.floor(birth));
    let time = birth;
    buyer.push(customer);
    offset.push(Math.floor(time));
    for (;;) {
      time += draw.exponential() / lambda;
      if (time >= horizon) break;
      buyer.push(customer);
      offset.push(Math.floor(time));
      // Dropout is decided after each repeat purchase (not after the first), as in the BG/NBD model.
      if (draw.uniform() < dropout) break;
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
    const dollars = draw.gamma(p) / (spendRate[customer] as number);
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
