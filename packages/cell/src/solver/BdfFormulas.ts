// Variable-step BDF formulas of any order in Lagrange (variable-coefficient) form: corrector
// coefficients, predictor extrapolation weights and local-error estimates from divided
// differences. Nodes are given as offsets τ_j = t_{n+1−j} − t_{n+1} from the new time (τ_0 = 0).

/**
 * Corrector coefficients α_j = h ℓ_j′(0) of the order-`order` BDF over nodes τ_0 … τ_order,
 * so that Σ_j α_j y_{n+1−j} = h y′(t_{n+1}) is exact for polynomials of degree ≤ order.
 */
export function correctorCoefficients(
  offsets: Float64Array,
  order: number,
  h: number,
  out: Float64Array,
): void {
  let leading = 0;
  for (let m = 1; m <= order; m++) leading -= 1 / offsets[m]!;
  out[0] = h * leading;
  for (let j = 1; j <= order; j++) {
    // ℓ_j′(0) = Π_{m≠0,j} (0 − τ_m) / Π_{m≠j} (τ_j − τ_m)
    let numerator = 1;
    let denominator = 1;
    for (let m = 0; m <= order; m++) {
      if (m === j) continue;
      if (m !== 0) numerator *= -offsets[m]!;
      denominator *= offsets[j]! - offsets[m]!;
    }
    out[j] = (h * numerator) / denominator;
  }
}

/**
 * Weights w_j (j = 1 … degree + 1, stored at out[j]) of the degree-`degree` polynomial through
 * the past nodes τ_1 … τ_{degree+1}, evaluated at τ_0 = 0 (the predictor).
 */
export function extrapolationWeights(
  offsets: Float64Array,
  degree: number,
  out: Float64Array,
): void {
  for (let j = 1; j <= degree + 1; j++) {
    let w = 1;
    for (let m = 1; m <= degree + 1; m++) {
      if (m !== j) w *= -offsets[m]! / (offsets[j]! - offsets[m]!);
    }
    out[j] = w;
  }
}

/**
 * Local error of the order-q corrector per unit (q+1)-th divided difference:
 * LTE_q ≈ y[τ_0 … τ_{q+1}] · Π_{j=1..q} H_j / Σ_{j=1..q} 1/H_j with H_j = −τ_j.
 */
export function errorConstant(offsets: Float64Array, q: number): number {
  let product = 1;
  let reciprocalSum = 0;
  for (let j = 1; j <= q; j++) {
    product *= -offsets[j]!;
    reciprocalSum -= 1 / offsets[j]!;
  }
  return product / reciprocalSum;
}

/**
 * Weights of the divided difference y[τ_0 … τ_count−1] (order count − 1), stored at
 * out[0 … count−1]: y[τ_0 … τ_k] = Σ_i y_i / Π_{m≠i} (τ_i − τ_m).
 */
export function dividedDifferenceWeights(
  offsets: Float64Array,
  count: number,
  out: Float64Array,
): void {
  for (let i = 0; i < count; i++) {
    let denominator = 1;
    for (let m = 0; m < count; m++) if (m !== i) denominator *= offsets[i]! - offsets[m]!;
    out[i] = 1 / denominator;
  }
}
