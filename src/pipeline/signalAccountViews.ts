// The portfolio's accounts as the signals read them, one small view per account whose every part is read from the
// stages' columns when asked (the feature row, the customer record, the tier …), instead of a million objects
// holding a dozen references each. Internal to the pipeline.
import type { SignalAccount } from "../signals/SignalAccount.js";

/** How each part of an account is read, by the account's rank. */
export type SignalAccountSource = {
  readonly [K in keyof SignalAccount]-?: (rank: number) => SignalAccount[K];
};

/** Every part of an account (the compiler checks that none is missing). */
const PARTS = Object.keys({
  id: true,
  customer: true,
  features: true,
  activity: true,
  interactions: true,
  invoices: true,
  qualifications: true,
  tier: true,
  segment: true,
  pAlive: true,
  pool: true,
} satisfies Record<keyof SignalAccount, true>) as (keyof SignalAccount)[];

class SignalAccountView {
  readonly #source: SignalAccountSource;
  readonly #rank: number;

  constructor(source: SignalAccountSource, rank: number) {
    this.#source = source;
    this.#rank = rank;
  }

  /** The part `name`, read now. */
  part<K extends keyof SignalAccount>(name: K): SignalAccount[K] {
    return this.#source[name](this.#rank) as SignalAccount[K];
  }

  static {
    for (const name of PARTS)
      Object.defineProperty(SignalAccountView.prototype, name, {
        get(this: SignalAccountView) {
          return this.part(name);
        },
      });
  }
}

/**
 * `count` accounts, account r reading its parts from `source` with rank r.
 *
 * @example
 * ```ts
 * const accounts = signalAccountViews(ids.length, { id: (r) => ids[r], tier: (r) => tiers[r], … });
 * ```
 */
export function signalAccountViews(count: number, source: SignalAccountSource): SignalAccount[] {
  const accounts = new Array<SignalAccount>(count);
  for (let r = 0; r < count; r++) accounts[r] = new SignalAccountView(source, r) as unknown as SignalAccount;
  return accounts;
}
