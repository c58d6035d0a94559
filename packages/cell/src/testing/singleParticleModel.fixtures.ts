// An independent single-particle model (SPM) for verification: vertex-centred finite
// differences in r, implicit Euler with Picard iterations for D(x), Thomas solve, uniform
// reaction current. Shares nothing with the cell engine except the contract objects.
import type { ChargeTransfer } from '@solidcell/core';

/** Inputs of {@link simulateSingleParticle}. */
export interface SpmInputs {
  readonly chargeTransfer: ChargeTransfer;
  readonly particleRadius_m: number;
  readonly maxConcentration_mol_per_m3: number;
  readonly initialLithiation: number;
  /** Reaction current per contact area for the applied current: j = I / (a L) (A/m²). */
  readonly reactionCurrent_A_per_m2: number;
  /** Reacting fraction of the particle surface f_s = a / (3 ε / R). */
  readonly surfaceFraction: number;
  /** Ohmic drop outside the particle: I (L_sep/σ_sep + R_ce) (V, signed with I). */
  readonly ohmicDrop_V: number;
  readonly counterElectrodePotentialVsLi_V: number;
  readonly temperature_K: number;
  readonly duration_s: number;
  readonly timeStep_s: number;
  readonly nodes: number;
}

/** Voltage vs Li-In (V) at each output time. */
export function simulateSingleParticle(
  inputs: SpmInputs,
  outputTimes_s: readonly number[],
): number[] {
  const F = 96485.33212;
  const n = inputs.nodes;
  const R = inputs.particleRadius_m;
  const dr = R / (n - 1);
  const cmax = inputs.maxConcentration_mol_per_m3;
  const T = inputs.temperature_K;
  const ct = inputs.chargeTransfer;
  const j = inputs.reactionCurrent_A_per_m2;
  const flux = (inputs.surfaceFraction * j) / F; // outward Li flux at r = R (mol/m²/s)
  let c = new Array<number>(n).fill(inputs.initialLithiation * cmax);
  const a = new Array<number>(n).fill(0);
  const b = new Array<number>(n).fill(0);
  const d = new Array<number>(n).fill(0);
  const rhs = new Array<number>(n).fill(0);
  const out: number[] = [];
  const voltage = () => {
    const xs = c[n - 1]! / cmax;
    const U = ct.openCircuitPotential_V(xs, T);
    // Invert BV for η by bisection (independent of the engine's Newton).
    let lo = -2;
    let hi = 2;
    for (let k = 0; k < 200; k++) {
      const mid = 0.5 * (lo + hi);
      const g = ct.currentDensity_A_per_m2(mid, { surfaceLithiation: xs, temperature_K: T });
      if (g > j) hi = mid;
      else lo = mid;
    }
    return U + 0.5 * (lo + hi) + inputs.ohmicDrop_V - inputs.counterElectrodePotentialVsLi_V;
  };
  let t = 0;
  let next = 0;
  const steps = Math.round(inputs.duration_s / inputs.timeStep_s);
  const dt = inputs.duration_s / steps;
  for (let s = 0; s <= steps; s++) {
    while (next < outputTimes_s.length && outputTimes_s[next]! <= t + 1e-9) {
      out.push(voltage());
      next++;
    }
    if (s === steps) break;
    const old = c.slice();
    let guess = c.slice();
    for (let picard = 0; picard < 4; picard++) {
      // Control volumes around vertices: [r_i − dr/2, r_i + dr/2] ∩ [0, R].
      for (let i = 0; i < n; i++) {
        const r = i * dr;
        const rl = Math.max(0, r - dr / 2);
        const rr = Math.min(R, r + dr / 2);
        const vol = (rr ** 3 - rl ** 3) / 3;
        const Dl =
          i > 0 ? ct.solidDiffusivity_m2_per_s((guess[i]! + guess[i - 1]!) / (2 * cmax), T) : 0;
        const Dr =
          i < n - 1 ? ct.solidDiffusivity_m2_per_s((guess[i]! + guess[i + 1]!) / (2 * cmax), T) : 0;
        const gl = i > 0 ? (rl * rl * Dl) / dr : 0;
        const gr = i < n - 1 ? (rr * rr * Dr) / dr : 0;
        a[i] = -gl;
        d[i] = -gr;
        b[i] = vol / dt + gl + gr;
        rhs[i] = (vol / dt) * old[i]! - (i === n - 1 ? R * R * flux : 0);
      }
      // Thomas algorithm.
      const cp = new Array<number>(n).fill(0);
      const dp = new Array<number>(n).fill(0);
      cp[0] = d[0]! / b[0]!;
      dp[0] = rhs[0]! / b[0]!;
      for (let i = 1; i < n; i++) {
        const m = b[i]! - a[i]! * cp[i - 1]!;
        cp[i] = d[i]! / m;
        dp[i] = (rhs[i]! - a[i]! * dp[i - 1]!) / m;
      }
      const x = new Array<number>(n).fill(0);
      x[n - 1] = dp[n - 1]!;
      for (let i = n - 2; i >= 0; i--) x[i] = dp[i]! - cp[i]! * x[i + 1]!;
      guess = x;
    }
    c = guess;
    t += dt;
  }
  return out;
}
