// Backward-Euler integration of any SideReaction's node state along a prescribed potential
// history (stand-alone checks of the coupled reaction set without a cell model).
import {
  invalidInput,
  type SideReaction,
  type SideReactionConditions,
  type SideReactionEffects,
  SolidCellError,
} from '@solidcell/core';
import type { PotentialTrajectory } from './ocpTrajectory.js';

/** Options of {@link integrateSideReaction}. */
export interface IntegrateSideReactionOptions {
  /** Conditions except the potential (temperature, descriptors). */
  readonly conditions: Omit<SideReactionConditions, 'electrodePotential_V'>;
  /** Potential history (V vs Li/Li⁺). */
  readonly trajectory: PotentialTrajectory;
  /** Number of equal time steps; default 2000. */
  readonly steps?: number;
  /** Initial state; default the declared initial values. */
  readonly initialState?: readonly number[];
}

/** Result of {@link integrateSideReaction}. */
export interface SideReactionHistory {
  /** Step boundaries (s). */
  readonly time_s: number[];
  /** State at each boundary. */
  readonly state: number[][];
  /** Side-reaction charge per electrode volume passed up to each boundary (C/m³). */
  readonly charge_C_per_m3: number[];
  /** Final state. */
  readonly finalState: number[];
  /** Effects of the final state. */
  readonly finalEffects: SideReactionEffects;
}

const NEWTON_ITERATIONS = 50;

/**
 * Integrates d(state)/dt = rates(E(t), state) with backward Euler (Newton with a
 * finite-difference Jacobian, steps halved up to 20 times when Newton fails), the way a cell
 * engine integrates side-reaction state. Charge = Σ Δt × volumetric current at the new state.
 *
 * @throws SolidCellError `E_SOLVER_NOT_CONVERGED` (with time and state) when a step cannot be
 * solved, `E_INVALID_INPUT` for bad options.
 */
export function integrateSideReaction(
  reaction: SideReaction,
  options: IntegrateSideReactionOptions,
): SideReactionHistory {
  const steps = options.steps ?? 2000;
  if (!Number.isInteger(steps) || steps < 1 || steps > 1e7) {
    invalidInput('steps', steps, 'an integer 1 ≤ n ≤ 10000000');
  }
  const { trajectory } = options;
  const at = (t: number): SideReactionConditions => ({
    ...options.conditions,
    electrodePotential_V: trajectory.potential_V(Math.min(trajectory.duration_s, t)),
  });
  let state = [...(options.initialState ?? reaction.stateVariables.map((v) => v.initial))];
  let charge = 0;
  const time = [0];
  const states = [[...state]];
  const charges = [0];
  const dt = trajectory.duration_s / steps;
  for (let n = 0; n < steps; n++) {
    const t0 = n * dt;
    let done = 0;
    let sub = dt;
    let halvings = 0;
    while (done < dt * (1 - 1e-12)) {
      const h = Math.min(sub, dt - done);
      const conditions = at(t0 + done + h);
      const next = backwardEulerStep(reaction, conditions, state, h);
      if (next === undefined) {
        if (++halvings > 20) {
          throw new SolidCellError(
            'E_SOLVER_NOT_CONVERGED',
            `side reaction "${reaction.id}" step at t = ${t0 + done} s (dt = ${h} s) did not converge; state ${JSON.stringify(state)}`,
          );
        }
        sub = h / 2;
        continue;
      }
      charge += h * reaction.rates(conditions, next).volumetricCurrent_A_per_m3;
      state = next;
      done += h;
    }
    time.push(t0 + dt);
    states.push([...state]);
    charges.push(charge);
  }
  return {
    time_s: time,
    state: states,
    charge_C_per_m3: charges,
    finalState: state,
    finalEffects: reaction.effects(at(trajectory.duration_s), state),
  };
}

function backwardEulerStep(
  reaction: SideReaction,
  conditions: SideReactionConditions,
  previous: readonly number[],
  h: number,
): number[] | undefined {
  const size = previous.length;
  const minimum = reaction.stateVariables.map((v) => v.minimum ?? Number.NEGATIVE_INFINITY);
  const residual = (x: readonly number[]): number[] => {
    const rates = reaction.rates(conditions, x).stateRates;
    return x.map((value, i) => value - previous[i]! - h * rates[i]!);
  };
  let x = [...previous];
  for (let iteration = 0; iteration < NEWTON_ITERATIONS; iteration++) {
    const r = residual(x);
    const scale = x.map((value, i) => Math.max(1e-12, Math.abs(value), Math.abs(previous[i]!)));
    if (r.every((value, i) => Math.abs(value) <= 1e-10 * scale[i]! + 1e-300)) return x;
    const jacobian: number[][] = [];
    for (let j = 0; j < size; j++) {
      const perturbation = 1e-7 * Math.max(scale[j]!, 1e-6);
      const shifted = [...x];
      shifted[j] = x[j]! + perturbation;
      const rs = residual(shifted);
      for (let i = 0; i < size; i++) {
        jacobian[i] ??= [];
        jacobian[i]![j] = (rs[i]! - r[i]!) / perturbation;
      }
    }
    const delta = solveDense(
      jacobian,
      r.map((value) => -value),
    );
    if (delta === undefined) return undefined;
    x = x.map((value, i) => Math.max(minimum[i]!, value + delta[i]!));
    if (!x.every(Number.isFinite)) return undefined;
  }
  return undefined;
}

/** Gaussian elimination with partial pivoting; undefined when singular. */
function solveDense(matrix: number[][], rhs: number[]): number[] | undefined {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) {
      if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    }
    if (!(Math.abs(a[pivot]![col]!) > 0)) return undefined;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let row = col + 1; row < n; row++) {
      const factor = a[row]![col]! / a[col]![col]!;
      for (let k = col; k <= n; k++) a[row]![k]! -= factor * a[col]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = a[row]![n]!;
    for (let k = row + 1; k < n; k++) sum -= a[row]![k]! * x[k]!;
    x[row] = sum / a[row]![row]!;
  }
  return x;
}
