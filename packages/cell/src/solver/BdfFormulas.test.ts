import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  correctorCoefficients,
  dividedDifferenceWeights,
  errorConstant,
  extrapolationWeights,
} from './BdfFormulas.js';

const MAX = 5;

/** Offsets τ_0 = 0, τ_j = −(h_1 + … + h_j) for the given past step sizes (newest first). */
function offsetsFrom(steps: readonly number[]): Float64Array {
  const offsets = new Float64Array(steps.length + 1);
  for (let j = 1; j <= steps.length; j++) offsets[j] = offsets[j - 1]! - steps[j - 1]!;
  return offsets;
}

/** p(τ) = Σ c_m τ^m and its derivative. */
const poly = (c: readonly number[], t: number) => c.reduce((s, cm, m) => s + cm * t ** m, 0);
const dpoly = (c: readonly number[], t: number) =>
  c.reduce((s, cm, m) => (m > 0 ? s + m * cm * t ** (m - 1) : s), 0);

/** A step-size history: ratios between neighbours in [0.2, 2] (what the stepper allows). */
const stepHistory = fc
  .tuple(
    fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
    fc.array(fc.double({ min: 0.2, max: 2, noNaN: true }), {
      minLength: MAX + 2,
      maxLength: MAX + 2,
    }),
  )
  .map(([h, ratios]) => {
    const steps = [h];
    for (const r of ratios) steps.push(steps.at(-1)! / r);
    return steps;
  });
const coefficients = fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
  minLength: MAX + 1,
  maxLength: MAX + 1,
});

describe('variable-step BDF formulas', () => {
  it('corrector: Σ α_j p(τ_j) = h p′(0) for every polynomial of degree ≤ order', () => {
    fc.assert(
      fc.property(stepHistory, coefficients, fc.integer({ min: 1, max: MAX }), (steps, c, k) => {
        const offsets = offsetsFrom(steps);
        const h = steps[0]!;
        const alpha = new Float64Array(k + 1);
        correctorCoefficients(offsets, k, h, alpha);
        // Scale τ by h so that the polynomial's terms are of comparable size.
        const p = c.slice(0, k + 1).map((cm, m) => cm / h ** m);
        let lhs = 0;
        let size = 0;
        for (let j = 0; j <= k; j++) {
          lhs += alpha[j]! * poly(p, offsets[j]!);
          size += Math.abs(alpha[j]! * poly(p, offsets[j]!));
        }
        expect(Math.abs(lhs - h * dpoly(p, 0))).toBeLessThanOrEqual(1e-10 * (size + 1));
      }),
    );
  });

  it('predictor: extrapolation through τ_1 … τ_{d+1} reproduces polynomials of degree ≤ d', () => {
    fc.assert(
      fc.property(stepHistory, coefficients, fc.integer({ min: 0, max: MAX }), (steps, c, d) => {
        const offsets = offsetsFrom(steps);
        const w = new Float64Array(d + 2);
        extrapolationWeights(offsets, d, w);
        const p = c.slice(0, d + 1).map((cm, m) => cm / steps[0]! ** m);
        let value = 0;
        let size = 0;
        for (let j = 1; j <= d + 1; j++) {
          value += w[j]! * poly(p, offsets[j]!);
          size += Math.abs(w[j]! * poly(p, offsets[j]!));
        }
        expect(Math.abs(value - poly(p, 0))).toBeLessThanOrEqual(1e-10 * (size + 1));
      }),
    );
  });

  it('divided differences: the leading coefficient of a degree-m polynomial, 0 for lower degrees', () => {
    fc.assert(
      fc.property(stepHistory, coefficients, fc.integer({ min: 1, max: MAX }), (steps, c, m) => {
        const offsets = offsetsFrom(steps);
        const w = new Float64Array(m + 1);
        dividedDifferenceWeights(offsets, m + 1, w);
        const scale = steps[0]!;
        const p = c.slice(0, m + 1).map((cm, i) => cm / scale ** i);
        const lower = p.slice(0, m);
        let dd = 0;
        let ddLower = 0;
        let size = 0;
        for (let i = 0; i <= m; i++) {
          dd += w[i]! * poly(p, offsets[i]!);
          ddLower += w[i]! * poly(lower, offsets[i]!);
          size += Math.abs(w[i]! * poly(p, offsets[i]!));
        }
        expect(Math.abs(dd - p[m]!)).toBeLessThanOrEqual(1e-9 * (size + Math.abs(p[m]!)) + 1e-300);
        expect(Math.abs(ddLower)).toBeLessThanOrEqual(1e-9 * (size + Math.abs(p[m]!)) + 1e-300);
      }),
    );
  });

  it('error constants reduce to the classical BDF ones at constant steps (1/2, 2/9, 3/22, 12/125, 10/137)', () => {
    const classical = [1 / 2, 2 / 9, 3 / 22, 12 / 125, 10 / 137];
    const h = 0.37;
    const offsets = offsetsFrom(new Array(MAX + 2).fill(h));
    let factorial = 1;
    for (let q = 1; q <= MAX; q++) {
      factorial *= q + 1;
      // LTE_q = C_{q+1} h^{q+1} y^{(q+1)} and y[τ_0 … τ_{q+1}] = y^{(q+1)}/(q+1)!
      expect(errorConstant(offsets, q) / factorial / h ** (q + 1)).toBeCloseTo(
        classical[q - 1]!,
        12,
      );
    }
  });

  /**
   * Integrates y′ = −y + cos t (exact solution y = (cos t + sin t)/2 + e^{−t}/2) with the order-k
   * corrector on a step sequence that alternates by a factor 1.5, starting from exact values.
   * Returns the error at t = 2.
   */
  function integrate(k: number, steps: number): number {
    const exact = (t: number) => 0.5 * (Math.cos(t) + Math.sin(t)) + 0.5 * Math.exp(-t);
    const base = 2 / (steps * 1.25);
    const sizes = Array.from({ length: steps }, (_, i) => (i % 2 === 0 ? base : 1.5 * base));
    const times = [0];
    for (const s of sizes) times.push(times.at(-1)! + s);
    const scale = 2 / times.at(-1)!;
    const t = times.map((x) => x * scale);
    const y = t.map((x, i) => (i < k ? exact(x) : Number.NaN));
    const offsets = new Float64Array(k + 1);
    const alpha = new Float64Array(k + 1);
    for (let n = k; n < t.length; n++) {
      for (let j = 0; j <= k; j++) offsets[j] = t[n - j]! - t[n]!;
      const h = t[n]! - t[n - 1]!;
      correctorCoefficients(offsets, k, h, alpha);
      // α_0 y_n + Σ α_j y_{n−j} = h (−y_n + cos t_n)
      let history = 0;
      for (let j = 1; j <= k; j++) history += alpha[j]! * y[n - j]!;
      y[n] = (h * Math.cos(t[n]!) - history) / (alpha[0]! + h);
    }
    return Math.abs(y.at(-1)! - exact(2));
  }

  it('converges at order k on variable steps (observed order within 0.25 of k)', () => {
    for (let k = 1; k <= MAX; k++) {
      const coarse = integrate(k, 40);
      const fine = integrate(k, 80);
      const observed = Math.log2(coarse / fine);
      expect(observed).toBeGreaterThan(k - 0.25);
      expect(observed).toBeLessThan(k + 0.6);
    }
  });

  it('the error estimate predicts the local error of one step from exact history (ratio → 1)', () => {
    // y = e^{λt}: the local error of one BDF-k step from exact past values vs the estimate
    // errorConstant · y[τ_0 … τ_{k+1}] built from exact values.
    const lambda = 0.8;
    const y = (t: number) => Math.exp(lambda * t);
    for (let k = 1; k <= MAX; k++) {
      const ratios: number[] = [];
      for (const h of [0.02, 0.01]) {
        const steps = Array.from({ length: k + 2 }, (_, j) => h * (1 + 0.3 * (j % 2)));
        const offsets = offsetsFrom(steps);
        const alpha = new Float64Array(k + 1);
        correctorCoefficients(offsets, k, h, alpha);
        let history = 0;
        for (let j = 1; j <= k; j++) history += alpha[j]! * y(offsets[j]!);
        const computed = -history / (alpha[0]! - h * lambda); // linear: α_0 y = h λ y − Σ…
        const actual = computed - y(0);
        const w = new Float64Array(k + 2);
        dividedDifferenceWeights(offsets, k + 2, w);
        let dd = 0;
        for (let i = 0; i <= k + 1; i++) dd += w[i]! * y(offsets[i]!);
        ratios.push(actual / (errorConstant(offsets, k) * dd));
      }
      // The estimate is the leading term: its ratio to the true error tends to ±1 as h → 0
      // (sign: y_computed − y_exact = −LTE), and the finer step is closer.
      expect(Math.abs(Math.abs(ratios[1]!) - 1)).toBeLessThan(0.1);
      expect(Math.abs(Math.abs(ratios[1]!) - 1)).toBeLessThan(
        Math.abs(Math.abs(ratios[0]!) - 1) + 1e-3,
      );
    }
  });
});
