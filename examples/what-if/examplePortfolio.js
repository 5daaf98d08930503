// The example portfolio of the what-if page, made in place by the library's seeded generator: the same accounts as
// the committed CSV files of examples/data/portfolio (`--accounts 500 --seed 7 --as-of 2026-11-30`), so the page
// ships no data. Plain JavaScript with no imports (its types are in examplePortfolio.d.ts): the page passes the
// browser bundle's generatePortfolio, the browser test the library's own, and both get the same records.

/** The generator's options and the day of the run. */
export const EXAMPLE_OPTIONS = { accounts: 500, seed: 7, asOf: "2026-11-30" };

/**
 * The example portfolio's records (with the managers' ratings and the shared-pool states) and the previous run's
 * tiers.
 *
 * @param generatePortfolio - The library's generator.
 * @returns The records for scorePortfolio and the previous tiers for its `previous` option.
 *
 * @example
 * const { records, previous } = examplePortfolio(generatePortfolio);
 * records.customers.length; // => 500
 * scorePortfolio(records, policy, { asOf: EXAMPLE_OPTIONS.asOf, previous });
 */
export function examplePortfolio(generatePortfolio) {
  const records = {
    customers: [],
    transactions: [],
    interactions: [],
    invoices: [],
    qualifications: [],
    pool: {},
    ratings: {},
  };
  const previous = [];
  for (const account of generatePortfolio(EXAMPLE_OPTIONS)) {
    const id = account.customer.id;
    records.customers.push(account.customer);
    records.transactions.push(...account.transactions);
    records.interactions.push(...account.interactions);
    records.invoices.push(...account.invoices);
    records.qualifications.push(...account.qualifications);
    records.ratings[id] = account.ratings;
    if (account.pool !== undefined) records.pool[id] = account.pool;
    if (account.previousTier !== undefined) {
      previous.push({ id, tier: account.previousTier, periodsBelow: account.previousPeriodsBelow });
    }
  }
  return { records, previous };
}
