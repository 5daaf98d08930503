/** A real number as the logarithm of its magnitude and its sign, so huge and tiny values stay finite. */
export interface SignedLog {
  /** ln |value|; −Infinity when the value is 0. */
  log: number;
  /** The sign of the value: 1, −1, or 0 for zero. */
  sign: 1 | -1 | 0;
  /**
   * How many times larger the largest term of the series was than the result: about the factor by which
   * rounding errors are amplified (1 for a series of positive terms; above ~1e6 the result has lost 6 digits to
   * cancellation and a caller should use another method).
   */
  condition?: number | undefined;
}

const MAX_TERMS = 1_000_000;
const RESCALE = 1e250;

// Σ (a)_k (b)_k / ((c)_k k!) zᵏ with rescaling, so no partial sum overflows.
function series(a: number, b: number, c: number, z: number): SignedLog {
  let term = 1;
  let sum = 1;
  let logScale = 0;
  let largest = 1;
  for (let k = 0; k < MAX_TERMS; k++) {
    const factor = (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    if (factor === 0) break;
    term *= factor;
    sum += term;
    if (Math.abs(term) > largest) largest = Math.abs(term);
    if (Math.abs(sum) > RESCALE) {
      sum /= RESCALE;
      term /= RESCALE;
      largest /= RESCALE;
      logScale += Math.log(RESCALE);
    }
    // Once a + k, b + k and c + k are positive the factor tends monotonically to z < 1: a term below machine
    // precision with a factor below 1 ends the sum.
    if (
      Math.abs(term) <= 1e-17 * Math.abs(sum) &&
      Math.abs(factor) < 1 &&
      a + k > 0 &&
      b + k > 0 &&
      c + k > 0
    )
      break;
  }
  if (sum === 0) return { log: Number.NEGATIVE_INFINITY, sign: 0, condition: Number.POSITIVE_INFINITY };
  return {
    log: Math.log(Math.abs(sum)) + logScale,
    sign: sum > 0 ? 1 : -1,
    condition: largest / Math.abs(sum),
  };
}

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1, as a logarithm and a sign. It sums the
 * power series with rescaling (no overflow) and, when that shortens the series, uses Euler's transformation
 * ₂F₁(a, b; c; z) = (1 − z)^(c − a − b) ₂F₁(c − a, c − b; c; z). The series converges at least as fast as zᵏ, so
 * z very close to 1 is slow (up to 10⁶ terms).
 *
 * @param a - First numerator parameter.
 * @param b - Second numerator parameter.
 * @param c - Denominator parameter; not 0 or a negative integer.
 * @param z - The argument, 0 ≤ z < 1.
 * @returns ln |₂F₁| and its sign; `{ log: NaN, sign: 0 }` outside the domain.
 *
 * @example
 * ```ts
 * logHyp2f1(1, 1, 2, 0.5); // => { log: 0.32663425997828094, sign: 1, condition: 1 } (₂F₁ = −ln(1 − z)/z = 2 ln 2)
 * ```
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): SignedLog {
  if (!(z >= 0 && z < 1) || (c <= 0 && Number.isInteger(c)) || !Number.isFinite(a + b + c)) {
    return { log: Number.NaN, sign: 0 };
  }
  if (z === 0) return { log: 0, sign: 1, condition: 1 };
  const ea = c - a;
  const eb = c - b;
  if (Math.abs(ea * eb) < Math.abs(a * b)) {
    const inner = series(ea, eb, c, z);
    inner.log += (c - a - b) * Math.log1p(-z);
    return inner;
  }
  return series(a, b, c, z);
}
