// The shape of a benchmark module: `bench/<name>.bench.ts` exports `cases: BenchCase[]`, which bench/run.ts times.

/** A published figure of another tool for the same work, to compare with. */
export interface Peer {
  /** The tool and function, e.g. "lifetimes summary_data_from_transaction_data". */
  name: string;
  /** Its time for the same amount of work, in seconds (the peer's figure, not measured here). */
  seconds: number;
  /** Where the figure comes from. */
  source: string;
}

/** One timed piece of work. */
export interface BenchCase {
  name: string;
  /** Untimed preparation (generating data), run once before the warm-up. */
  setup?: (() => void | Promise<void>) | undefined;
  /** The timed work; its result is kept so the engine cannot drop the work as dead code. */
  run: () => unknown;
  /** Rows one run processes, to print rows/s; without it, runs/s are printed. */
  rows?: number | undefined;
  peer?: Peer | undefined;
}
