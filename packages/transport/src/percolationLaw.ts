// The percolation conductivity law σ/σ_bulk = ((φ − φ_c)/(1 − φ_c))^t with a floor, and its
// least-squares fit in log space to (volume fraction, relative conductivity) samples.
import { invalidInput } from '@solidcell/core';

/** Coefficients of {@link percolationRatio}. */
export interface PercolationLaw {
  /** Conductivity exponent t (–); 3D universal value 2.0 (range 1.6–2.2), parameters.md §6.1. */
  readonly exponent: number;
  /** Percolation threshold φ_c (volume fraction, 0 ≤ φ_c < 1). */
  readonly threshold: number;
}

/**
 * Relative conductivity σ/σ_bulk of a network at effective volume fraction φ (–).
 *
 * @remarks
 * ((φ − φ_c)/(1 − φ_c))^t above the threshold, 0 at or below it; clamped to ≤ 1 for φ ≥ 1.
 * @param phi - effective conducting volume fraction (–).
 */
export function percolationRatio(phi: number, law: PercolationLaw): number {
  if (!(phi > law.threshold)) return 0;
  const reduced = Math.min(1, (phi - law.threshold) / (1 - law.threshold));
  return reduced ** law.exponent;
}

/** One sample for {@link fitPercolationLaw}: e.g. a voxel result σ_eff/σ_SE at φ_SE,eff. */
export interface PercolationSample {
  /** Effective conducting volume fraction (–). */
  readonly volumeFraction: number;
  /** σ_eff / σ_bulk (–); samples ≤ 0 (non-percolating) are ignored by the fit. */
  readonly relativeConductivity: number;
}

/** Result of {@link fitPercolationLaw}. */
export interface PercolationFit extends PercolationLaw {
  /** Root-mean-square error of ln(σ/σ_bulk) over the samples used (–). */
  readonly rmsLogError: number;
  /** Number of samples used (positive relative conductivity). */
  readonly samplesUsed: number;
}

/**
 * Fits exponent t and threshold φ_c of the percolation law by least squares in log space.
 *
 * @remarks
 * Minimises Σ [ln(σ_i/σ_bulk) − t ln((φ_i − φ_c)/(1 − φ_c))]² over φ_c ∈ [0, min φ_i) (golden-section
 * search after a coarse scan) with the optimal t for each φ_c in closed form
 * (t = Σ a_i y_i / Σ a_i²). With `threshold` given, only t is fitted.
 * @param samples - at least 2 samples with relative conductivity > 0 (3 when φ_c is fitted).
 * @throws SolidCellError `E_INVALID_INPUT` for too few usable samples or values outside 0–1.
 */
export function fitPercolationLaw(
  samples: readonly PercolationSample[],
  options: { readonly threshold?: number } = {},
): PercolationFit {
  const used = samples.filter((s) => s.relativeConductivity > 0);
  for (const [index, s] of used.entries()) {
    if (!(s.volumeFraction > 0 && s.volumeFraction <= 1)) {
      invalidInput(`samples[${index}].volumeFraction`, s.volumeFraction, 'a fraction 0 < φ ≤ 1');
    }
    if (!(s.relativeConductivity <= 1 && Number.isFinite(s.relativeConductivity))) {
      invalidInput(
        `samples[${index}].relativeConductivity`,
        s.relativeConductivity,
        'a ratio 0 < σ/σ_bulk ≤ 1',
      );
    }
  }
  const needed = options.threshold === undefined ? 3 : 2;
  if (used.length < needed) {
    invalidInput('samples', used.length, `at least ${needed} samples with σ/σ_bulk > 0`);
  }
  const minPhi = Math.min(...used.map((s) => s.volumeFraction));
  const fitAt = (threshold: number): { exponent: number; sse: number } => {
    let ay = 0;
    let aa = 0;
    for (const s of used) {
      const a = Math.log((s.volumeFraction - threshold) / (1 - threshold));
      ay += a * Math.log(s.relativeConductivity);
      aa += a * a;
    }
    const exponent = aa > 0 ? ay / aa : 0;
    let sse = 0;
    for (const s of used) {
      const a = Math.log((s.volumeFraction - threshold) / (1 - threshold));
      sse += (Math.log(s.relativeConductivity) - exponent * a) ** 2;
    }
    return { exponent, sse };
  };
  let threshold: number;
  if (options.threshold !== undefined) {
    threshold = options.threshold;
    if (!(threshold >= 0 && threshold < minPhi)) {
      invalidInput('threshold', threshold, `0 ≤ φ_c < smallest sample fraction ${minPhi}`);
    }
  } else {
    const upper = minPhi * (1 - 1e-9);
    const scan = 200;
    let best = 0;
    let bestSse = Number.POSITIVE_INFINITY;
    for (let i = 0; i <= scan; i++) {
      const candidate = (upper * i) / scan;
      const { sse } = fitAt(candidate);
      if (sse < bestSse) {
        bestSse = sse;
        best = candidate;
      }
    }
    let lo = Math.max(0, best - upper / scan);
    let hi = Math.min(upper, best + upper / scan);
    const ratio = (Math.sqrt(5) - 1) / 2;
    for (let iteration = 0; iteration < 100 && hi - lo > 1e-13; iteration++) {
      const m1 = hi - ratio * (hi - lo);
      const m2 = lo + ratio * (hi - lo);
      if (fitAt(m1).sse < fitAt(m2).sse) hi = m2;
      else lo = m1;
    }
    threshold = 0.5 * (lo + hi);
  }
  const { exponent, sse } = fitAt(threshold);
  return {
    exponent,
    threshold,
    rmsLogError: Math.sqrt(sse / used.length),
    samplesUsed: used.length,
  };
}
