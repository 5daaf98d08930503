// A portfolio's customer records by the accounts' ranks, without a map of ids to records: each record's index
// in the feature accumulator is noted as it is added, and turned into a rank once the accumulator has ordered its
// customers. A record is read from the list given, which may make it on each read (the command line's list of
// JSON texts does, in about 3 µs), so the records read last are kept, one per rank modulo CACHE_SIZE: the signals
// read each account's record several times while they go through a block of accounts. Internal to the pipeline.
import type { Accumulator } from "../features/Accumulator.js";
import type { Customer } from "../model/customer.js";
import type { LazyList } from "../signals/LazyList.js";

/** Twice as many records as the signals' blocks have accounts (BLOCK in SignalReader). */
const CACHE_SIZE = 1 << 17;

export class CustomerRecords {
  private readonly list: readonly Customer[] | LazyList<Customer>;
  /** Each record's customer index in the accumulator, in list order. */
  private readonly indexOfRecord: Int32Array;
  /** Rank → the record's position in the list, −1 for an account without a record. */
  private recordOfRank: Int32Array = new Int32Array(0);
  /** The rank of each record kept, −1 for none, by rank modulo CACHE_SIZE. */
  private readonly cachedRanks: Int32Array;
  private readonly cached: (Customer | undefined)[];

  constructor(list: readonly Customer[] | LazyList<Customer>) {
    this.list = list;
    this.indexOfRecord = new Int32Array(list.length);
    this.cachedRanks = new Int32Array(Array.isArray(list) ? 0 : CACHE_SIZE).fill(-1);
    this.cached = new Array(this.cachedRanks.length);
  }

  /** How many records were given. */
  get length(): number {
    return this.list.length;
  }

  /** Adds every record to the features, noting where each customer is in them. */
  addTo(features: Accumulator): void {
    let k = 0;
    for (const customer of this.list) {
      features.addCustomer(customer);
      this.indexOfRecord[k++] = features.customers.indexOf(customer.id);
    }
  }

  /**
   * Ranks the records by `order` (rank → customer index, the accumulator's grouping); of two records of one id,
   * the later one counts.
   */
  rank(order: Int32Array): void {
    const rankOfIndex = new Int32Array(order.length);
    for (let r = 0; r < order.length; r++) rankOfIndex[order[r] as number] = r;
    this.recordOfRank = new Int32Array(order.length).fill(-1);
    for (let k = 0; k < this.indexOfRecord.length; k++)
      this.recordOfRank[rankOfIndex[this.indexOfRecord[k] as number] as number] = k;
  }

  /** Whether the account at `rank` has a record. */
  has(rank: number): boolean {
    return (this.recordOfRank[rank] ?? -1) >= 0;
  }

  /** The record of the account at `rank`, undefined without one. */
  at(rank: number): Customer | undefined {
    const k = this.recordOfRank[rank] ?? -1;
    if (k < 0) return undefined;
    if (this.cachedRanks.length === 0) return this.list.at(k);
    const slot = rank & (CACHE_SIZE - 1);
    if (this.cachedRanks[slot] !== rank) {
      this.cached[slot] = this.list.at(k);
      this.cachedRanks[slot] = rank;
    }
    return this.cached[slot];
  }
}
